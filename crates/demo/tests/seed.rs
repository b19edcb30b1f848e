//! Seeding the demo académie. Runs on SQLite by default and on PostgreSQL when
//! `HYBRIDE_TEST_DATABASE_URL` is set (see `hybride_store::testing`).

use hybride_demo::{seed, SeedSummary, DEMO_ACCOUNTS};
use hybride_domain::modality::HoursBudget;
use hybride_domain::{CohortStatus, Email, Modality, Role, SchoolYear};
use hybride_store::cohorts::{self, CohortFilter};
use hybride_store::people::{self, UserFilter};
use hybride_store::testing::TestDatabase;
use hybride_store::trainings::{self, TrainingFilter};
use hybride_store::{plans, Store};
use jiff::civil::{date, Date};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use std::collections::HashSet;

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

async fn count(store: &Store, role: Role) -> i64 {
    let filter = UserFilter {
        role: Some(role),
        limit: 1000,
        ..Default::default()
    };
    people::count(store, &filter).await.unwrap()
}

async fn user(store: &Store, email: &str) -> people::User {
    people::by_email(store, &Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
}

fn paris_day(seconds: i64) -> Date {
    Timestamp::from_second(seconds)
        .unwrap()
        .to_zoned(TimeZone::get("Europe/Paris").unwrap())
        .date()
}

/// Everything the seed wrote, as numbers to compare before and after a second call.
async fn totals(store: &Store) -> (i64, usize, usize, usize, usize) {
    let users = people::count(
        store,
        &UserFilter {
            limit: 1,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let all = cohorts::list(store, CohortFilter::default()).await.unwrap();
    let mut activities = 0;
    for c in &all {
        activities += cohorts::activities(store, c.id).await.unwrap().len();
    }
    let enrollments = all.iter().map(|c| c.trainees as usize).sum();
    let trainings = trainings::list(store, TrainingFilter::default())
        .await
        .unwrap()
        .len();
    (users, trainings, all.len(), enrollments, activities)
}

async fn seeds_a_coherent_academie(today: Date) {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let summary = seed(s, HASH, today).await.unwrap();
    assert!(summary.created);
    assert_eq!(
        (summary.users, summary.trainings, summary.cohorts),
        (314, 12, 18)
    );

    // People.
    assert_eq!(count(s, Role::Trainee).await, 300);
    assert_eq!(count(s, Role::Trainer).await, 10);
    assert_eq!(count(s, Role::Pilot).await, 3);
    assert_eq!(count(s, Role::Admin).await, 1);
    // Its certificates have their signatory, in office since the start of the school year.
    let signatory = hybride_store::certificates::current(s)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(signatory.name, "Hélène Garnier");
    assert_eq!(
        paris_day(signatory.set_at),
        date(SchoolYear::containing(today).start_year(), 9, 1)
    );
    for (email, role) in DEMO_ACCOUNTS {
        let (u, hash) = people::credentials(s, &Email::parse(email).unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(u.role, role, "{email}");
        assert_eq!(hash.as_deref(), Some(HASH), "{email}");
    }

    // Plans: this school year's with the 12 trainings, and last year's.
    let year = SchoolYear::containing(today);
    let plan = plans::by_year(s, year).await.unwrap().unwrap();
    assert_eq!(plan.trainings, 12);
    assert_eq!(plan.title, format!("Plan académique de formation {year}"));
    assert_eq!(plans::list(s).await.unwrap().len(), 2);

    // Trainings: a hybrid scenario whose hours match the declared ones, two trainers each.
    let pilot = user(s, "pilote@demo.hybride.test").await;
    let trainer = user(s, "formateur@demo.hybride.test").await;
    let trainee = user(s, "stagiaire@demo.hybride.test").await;
    let all = trainings::list(
        s,
        TrainingFilter {
            plan_id: Some(plan.id),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(all.len(), 12);
    for t in &all {
        let steps = trainings::steps(s, t.id).await.unwrap();
        let modalities: HashSet<Modality> = steps.iter().map(|st| st.modality).collect();
        assert!(modalities.len() >= 2, "{}", t.title);
        let sum = |b: HoursBudget| -> i64 {
            steps
                .iter()
                .filter(|st| st.modality.budget() == b)
                .map(|st| st.minutes)
                .sum()
        };
        assert_eq!(
            (
                t.in_person_minutes,
                t.synchronous_minutes,
                t.asynchronous_minutes
            ),
            (
                sum(HoursBudget::InPerson),
                sum(HoursBudget::Synchronous),
                sum(HoursBudget::Asynchronous)
            ),
            "{}",
            t.title
        );
        assert_eq!(
            trainings::trainers(s, t.id).await.unwrap().len(),
            2,
            "{}",
            t.title
        );
        assert!(!t.validation_criteria.is_empty());
    }
    let piloted = trainings::list(
        s,
        TrainingFilter {
            pilot_id: Some(pilot.id),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(piloted.len() >= 5);
    assert!(piloted.iter().any(|t| t.title.starts_with("Formateurs")));
    let trained = trainings::list(
        s,
        TrainingFilter {
            trainer_id: Some(trainer.id),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(trained.len() >= 4);

    // Cohorts: every stage of the lifecycle, dates matching the activities.
    let all = cohorts::list(s, CohortFilter::default()).await.unwrap();
    let mut cohorts = Vec::new();
    let mut sessions = Vec::new();
    for c in all {
        let trains_trainers = trainings::get(s, c.training_id)
            .await
            .unwrap()
            .trains_trainers
            .0;
        if trains_trainers && c.label.starts_with("Formateurs — session") {
            sessions.push(c);
        } else {
            cohorts.push(c);
        }
    }
    assert_eq!(cohorts.len(), 18);
    // The trainers' training: a session that ended, still running until the lived demo closes
    // it, with one trainer following it; one to come, with nobody yet; and a trainer asking.
    assert_eq!(sessions.len(), 2);
    let (ended, to_come) = (&sessions[0], &sessions[1]);
    assert_eq!(ended.status, CohortStatus::Running);
    assert!(ended.ends_on < today.to_string() && ended.last_activity_end.is_some());
    let participants = cohorts::enrollments(s, ended.id).await.unwrap();
    assert_eq!(participants.len(), 1);
    assert_eq!(
        people::get(s, participants[0].user_id).await.unwrap().role,
        Role::Trainer
    );
    assert_eq!(to_come.status, CohortStatus::Ready);
    assert!(to_come.starts_on > today.to_string());
    assert_eq!(to_come.trainees, 0);
    let waiting = hybride_store::qualifications::requests(
        s,
        hybride_store::qualifications::RequestFilter {
            waiting: true,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(waiting.len(), 1);
    let mut enrollments = 0;
    let mut activities = 0;
    for c in &cohorts {
        let acts = cohorts::activities(s, c.id).await.unwrap();
        assert!(!acts.is_empty());
        activities += acts.len();
        enrollments += c.trainees as usize;
        assert!((12..=25).contains(&c.trainees), "{}", c.label);
        let first = acts.iter().map(|a| paris_day(a.starts_at)).min().unwrap();
        let last = acts.iter().map(|a| paris_day(a.ends_at)).max().unwrap();
        assert_eq!(
            (c.starts_on.clone(), c.ends_on.clone()),
            (first.to_string(), last.to_string()),
            "{}",
            c.label
        );
        let trainers = cohorts::trainers(s, c.id).await.unwrap().len();
        assert!((1..=2).contains(&trainers), "{}", c.label);
        for a in &acts {
            match a.modality {
                Modality::InPerson => assert!(a.place.is_some()),
                Modality::VirtualClass | Modality::Webinar if c.status != CohortStatus::Draft => {
                    assert!(a
                        .room_url
                        .as_deref()
                        .unwrap()
                        .starts_with("https://visio-agents.education.fr/"))
                }
                _ => {}
            }
        }
        match c.status {
            CohortStatus::Closed => assert!(last < today),
            CohortStatus::Running => assert!(first <= today && today <= last),
            CohortStatus::Ready | CohortStatus::Draft => assert!(first > today),
            CohortStatus::Archived => panic!("no archived cohort"),
        }
    }
    assert_eq!(summary.enrollments, enrollments);
    assert_eq!(summary.activities, activities);
    let status_count = |st| cohorts.iter().filter(|c| c.status == st).count();
    assert!(status_count(CohortStatus::Closed) >= 2);
    assert!(status_count(CohortStatus::Running) >= 4);
    assert!(status_count(CohortStatus::Ready) >= 2);
    assert!(status_count(CohortStatus::Draft) >= 2);

    // The demo trainer has an activity today, in a running cohort the demo trainee follows.
    let mine = cohorts::list(
        s,
        CohortFilter {
            trainer_id: Some(trainer.id),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let mut today_cohort = None;
    for c in &mine {
        for a in cohorts::activities(s, c.id).await.unwrap() {
            if paris_day(a.starts_at) == today && a.modality != Modality::Async {
                assert_eq!(c.status, CohortStatus::Running);
                today_cohort = Some(c.id);
            }
        }
    }
    let today_cohort = today_cohort.expect("the demo trainer has an activity today");
    assert!(cohorts::is_enrolled(s, today_cohort, trainee.id)
        .await
        .unwrap());
    let followed = cohorts::list(
        s,
        CohortFilter {
            trainee_id: Some(trainee.id),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(followed.len(), 2);

    // A second call changes nothing.
    let before = totals(s).await;
    assert_eq!(seed(s, HASH, today).await.unwrap(), SeedSummary::default());
    assert_eq!(totals(s).await, before);
}

#[tokio::test]
async fn seeds_the_demo_once_on_a_saturday_in_november() {
    seeds_a_coherent_academie(date(2026, 11, 28)).await;
}

#[tokio::test]
async fn seeds_the_demo_on_a_wednesday_in_march() {
    seeds_a_coherent_academie(date(2027, 3, 10)).await;
}
