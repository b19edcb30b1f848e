//! The storage suite. Runs on SQLite by default and on PostgreSQL when
//! `HYBRIDE_TEST_DATABASE_URL` is set (see `hybride_store::testing`).

use hybride_domain::accounts::NewAccount;
use hybride_domain::*;
use hybride_store::cohorts::{self, NewActivity, NewCohort};
use hybride_store::testing::TestDatabase;
use hybride_store::trainings::{self, NewStep, NewTraining};
use hybride_store::{outbox, people, plans, security, Store, StoreError};
use std::collections::BTreeMap;

fn account(email: &str, role: Role) -> NewAccount {
    NewAccount {
        email: Email::parse(email).unwrap(),
        last_name: PersonName::parse("Durand").unwrap(),
        first_name: PersonName::parse("Camille").unwrap(),
        role,
        establishment: Some("Collège Jean Moulin".into()),
    }
}

async fn training(store: &Store, pilot: i64) -> trainings::Training {
    let plan = plans::create(
        store,
        SchoolYear::parse("2026-2027").unwrap(),
        &Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    trainings::create(
        store,
        &NewTraining {
            plan_id: plan.id,
            dispositif_id: DispositifId::parse("26A0100123").unwrap(),
            module_id: ModuleId::parse("48213").unwrap(),
            title: Title::parse("Évaluer par compétences").unwrap(),
            objectives: LongText::parse("Construire des grilles.").unwrap(),
            public: LongText::parse("Professeurs de collège").unwrap(),
            in_person: Minutes::parse_hours("6").unwrap(),
            synchronous: Minutes::parse_hours("1,5").unwrap(),
            asynchronous: Minutes::parse_hours("2").unwrap(),
            validation_criteria: LongText::parse("Présence à 80 %").unwrap(),
            min_attendance_percent: 80,
            pilot_id: pilot,
        },
    )
    .await
    .unwrap()
}

/// Table → columns, read from a migration file.
fn tables_in(sql: &str) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in sql.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("CREATE TABLE ") {
            current = Some((rest.trim_end_matches(" (").trim().to_owned(), Vec::new()));
        } else if line.starts_with(");") {
            if let Some((t, mut cols)) = current.take() {
                cols.sort();
                out.insert(t, cols);
            }
        } else if let Some((_, cols)) = current.as_mut() {
            let word = line.split_whitespace().next().unwrap_or("");
            if !word.is_empty() && !["PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "--"].contains(&word)
            {
                cols.push(word.to_owned());
            }
        }
    }
    out
}

fn migrations(dir: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(dir);
    let mut files: Vec<_> = std::fs::read_dir(path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn both_migration_folders_define_the_same_tables() {
    let sqlite = tables_in(&migrations("sqlite"));
    let postgres = tables_in(&migrations("postgres"));
    assert!(sqlite.len() >= 12, "{sqlite:?}");
    assert_eq!(sqlite, postgres);
}

#[tokio::test]
async fn the_live_schema_matches_the_migrations() {
    let db = TestDatabase::new().await.unwrap();
    let live: BTreeMap<String, Vec<String>> =
        db.store.schema().await.unwrap().into_iter().collect();
    assert_eq!(live, tables_in(&migrations("sqlite")));
}

#[tokio::test]
async fn accounts_are_unique_by_email_and_updatable() {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let u = people::create(
        s,
        &account("camille.durand@ac-lyon.fr", Role::Trainee),
        None,
    )
    .await
    .unwrap();
    assert_eq!(u.role, Role::Trainee);
    assert!(u.active.0);
    let again = people::create(
        s,
        &account("camille.durand@ac-lyon.fr", Role::Trainer),
        None,
    )
    .await;
    assert!(
        matches!(again, Err(StoreError::Conflict("email"))),
        "{again:?}"
    );

    let updated = people::update(
        s,
        u.id,
        &people::AccountUpdate {
            last_name: PersonName::parse("Martin").unwrap(),
            first_name: PersonName::parse("Camille").unwrap(),
            role: Role::Trainer,
            establishment: None,
            active: false,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (updated.last_name.as_str(), updated.role, updated.active.0),
        ("Martin", Role::Trainer, false)
    );
    assert!(matches!(
        people::get(s, 999_999).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn imports_are_all_or_nothing() {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    people::create(s, &account("b@ac-lyon.fr", Role::Trainee), None)
        .await
        .unwrap();
    let batch = vec![
        account("a@ac-lyon.fr", Role::Trainee),
        account("b@ac-lyon.fr", Role::Trainee),
        account("c@ac-lyon.fr", Role::Trainer),
    ];
    assert_eq!(people::import(s, &batch).await.unwrap(), Err(vec![1]));
    let all = people::UserFilter {
        limit: 100,
        ..Default::default()
    };
    assert_eq!(
        people::count(s, &all).await.unwrap(),
        1,
        "nothing of the refused import was kept"
    );

    let ok = people::import(s, &[batch[0].clone(), batch[2].clone()])
        .await
        .unwrap();
    assert_eq!(ok, Ok(2));
    let trainers = people::UserFilter {
        role: Some(Role::Trainer),
        limit: 100,
        ..Default::default()
    };
    assert_eq!(people::list(s, &trainers).await.unwrap().len(), 1);
    let search = people::UserFilter {
        search: Some("C@".into()),
        limit: 100,
        ..Default::default()
    };
    assert_eq!(
        people::list(s, &search).await.unwrap()[0].email,
        "c@ac-lyon.fr"
    );
    let wildcard = people::UserFilter {
        search: Some("%".into()),
        limit: 100,
        ..Default::default()
    };
    assert!(
        people::list(s, &wildcard).await.unwrap().is_empty(),
        "LIKE wildcards are literal"
    );
}

#[tokio::test]
async fn sessions_tokens_and_login_links() {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let u = people::create(s, &account("t@ac-lyon.fr", Role::Trainee), Some("hash"))
        .await
        .unwrap();

    let session = security::create_session(s, u.id, 3600).await.unwrap();
    assert_eq!(
        security::session_user(s, &session)
            .await
            .unwrap()
            .unwrap()
            .id,
        u.id
    );
    assert!(security::session_user(s, "forged").await.unwrap().is_none());
    security::delete_session(s, &session).await.unwrap();
    assert!(security::session_user(s, &session).await.unwrap().is_none());

    let expired = security::create_session(s, u.id, -1).await.unwrap();
    assert!(security::session_user(s, &expired).await.unwrap().is_none());

    let api = security::create_api_token(s, u.id, "test").await.unwrap();
    assert_eq!(
        security::api_token_user(s, &api).await.unwrap().unwrap().id,
        u.id
    );

    let mut link = String::new();
    security::create_login_link(s, u.id, 900, |secret| {
        link = secret.to_owned();
        outbox::Mail {
            recipient: u.email.clone(),
            subject: "Connexion".into(),
            body: format!("/m/{secret}"),
        }
    })
    .await
    .unwrap();
    let mails = outbox::recent(s, 10).await.unwrap();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].body.contains(&link));
    assert_eq!(
        security::consume_login_link(s, &link)
            .await
            .unwrap()
            .unwrap()
            .id,
        u.id
    );
    assert!(
        security::consume_login_link(s, &link)
            .await
            .unwrap()
            .is_none(),
        "single use"
    );
    outbox::mark_sent(s, mails[0].id).await.unwrap();
    assert!(outbox::pending(s, 10).await.unwrap().is_empty());
}

#[tokio::test]
async fn trainings_cohorts_enrollments_and_activities() {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let pilot = people::create(s, &account("p@ac-lyon.fr", Role::Pilot), None)
        .await
        .unwrap();
    let trainer = people::create(s, &account("f@ac-lyon.fr", Role::Trainer), None)
        .await
        .unwrap();
    let trainee = people::create(s, &account("s@ac-lyon.fr", Role::Trainee), None)
        .await
        .unwrap();
    let t = training(s, pilot.id).await;
    assert_eq!(
        (
            t.in_person_minutes,
            t.synchronous_minutes,
            t.asynchronous_minutes
        ),
        (360, 90, 120)
    );
    assert_eq!(t.school_year, "2026-2027");

    // Same GAIA ids in the same plan: refused.
    let dup = trainings::create(
        s,
        &NewTraining {
            plan_id: t.plan_id,
            dispositif_id: DispositifId::parse(&t.dispositif_id).unwrap(),
            module_id: ModuleId::parse(&t.module_id).unwrap(),
            title: Title::parse("Autre").unwrap(),
            objectives: LongText::parse("").unwrap(),
            public: LongText::parse("").unwrap(),
            in_person: Minutes::ZERO,
            synchronous: Minutes::ZERO,
            asynchronous: Minutes::ZERO,
            validation_criteria: LongText::parse("").unwrap(),
            min_attendance_percent: 80,
            pilot_id: pilot.id,
        },
    )
    .await;
    assert!(matches!(dup, Err(StoreError::Conflict("gaia"))), "{dup:?}");

    assert!(matches!(
        trainings::assign_trainer(s, t.id, trainee.id).await,
        Err(StoreError::Refused(_))
    ));
    let step = trainings::add_step(
        s,
        t.id,
        &NewStep {
            modality: Modality::Async,
            learning_type: LearningType::Discussion,
            title: Title::parse("Forum").unwrap(),
            collective: true,
            social: true,
            minutes: Minutes::new(60).unwrap(),
            instructions: LongText::parse("Présentez-vous.").unwrap(),
            resources: LongText::parse("").unwrap(),
            evidence: LongText::parse("Un message").unwrap(),
            evaluation: LongText::parse("").unwrap(),
            trainer_role: LongText::parse("Modère").unwrap(),
            mandatory: false,
        },
    )
    .await
    .unwrap();
    assert!(
        step.social.0 && step.collective.0 && !step.mandatory.0,
        "booleans survive the round trip"
    );
    assert_eq!(step.position, 1);

    let cohort = cohorts::create(
        s,
        &NewCohort {
            training_id: t.id,
            label: Title::parse("Groupe 1").unwrap(),
            gaia_session_id: Some("1".into()),
            starts_on: jiff::civil::date(2026, 11, 2),
            ends_on: jiff::civil::date(2026, 12, 15),
            course_url: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(cohort.status, CohortStatus::Draft);
    cohorts::assign_trainer(s, cohort.id, trainer.id)
        .await
        .unwrap();
    assert!(trainings::is_trainer_of(s, t.id, trainer.id).await.unwrap());
    assert!(cohorts::is_trainer(s, cohort.id, trainer.id).await.unwrap());

    assert!(matches!(
        cohorts::enroll(s, cohort.id, &[trainer.id]).await,
        Err(StoreError::Refused(_))
    ));
    assert_eq!(
        cohorts::enroll(s, cohort.id, &[trainee.id]).await.unwrap(),
        1
    );
    assert!(matches!(
        cohorts::enroll(s, cohort.id, &[trainee.id]).await,
        Err(StoreError::Conflict(_))
    ));
    let list = cohorts::enrollments(s, cohort.id).await.unwrap();
    assert_eq!(list[0].last_name, "Durand");
    let mine = cohorts::list(
        s,
        cohorts::CohortFilter {
            trainee_id: Some(trainee.id),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].trainees, 1);

    let start = jiff::Timestamp::from_second(store_now() + 3600).unwrap();
    let a = cohorts::add_activity(
        s,
        cohort.id,
        &NewActivity {
            step_id: Some(step.id),
            title: Title::parse("Forum").unwrap(),
            modality: Modality::Async,
            starts_at: start,
            ends_at: start + jiff::SignedDuration::from_hours(24 * 7),
            place: None,
            room_url: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(a.modality, Modality::Async);
    let upcoming = cohorts::upcoming_for(s, trainee.id, store_now(), 10)
        .await
        .unwrap();
    assert_eq!(upcoming.len(), 1);
    assert_eq!(upcoming[0].1, t.title);

    assert!(matches!(
        cohorts::set_status(s, cohort.id, CohortStatus::Closed).await,
        Err(StoreError::Refused(_))
    ));
    cohorts::set_status(s, cohort.id, CohortStatus::Ready)
        .await
        .unwrap();
    cohorts::set_status(s, cohort.id, CohortStatus::Running)
        .await
        .unwrap();
    cohorts::set_status(s, cohort.id, CohortStatus::Closed)
        .await
        .unwrap();
    assert!(matches!(
        cohorts::unenroll(s, cohort.id, trainee.id).await,
        Err(StoreError::Refused("cohort_closed"))
    ));
}

fn store_now() -> i64 {
    hybride_store::now()
}
