//! The storage suite. Runs on SQLite by default and on PostgreSQL when
//! `HYBRIDE_TEST_DATABASE_URL` is set (see `hybride_store::testing`).

use hybride_domain::accounts::NewAccount;
use hybride_domain::*;
use hybride_store::cohorts::{self, NewActivity, NewCohort};
use hybride_store::testing::TestDatabase;
use hybride_store::trainings::{self, NewStep, NewTraining};
use hybride_store::{outbox, people, plans, qualifications, security, Store, StoreError};
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
        if let Some(rest) = line.strip_prefix("ALTER TABLE ") {
            // ALTER TABLE t ADD COLUMN c …
            let words: Vec<&str> = rest.split_whitespace().collect();
            if let [table, "ADD", "COLUMN", column, ..] = words.as_slice() {
                let cols: &mut Vec<String> = out.get_mut(*table).expect("altered table exists");
                cols.push(column.to_string());
                cols.sort();
            }
        } else if let Some(rest) = line.strip_prefix("CREATE TABLE ") {
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
            whole_plan: true,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (updated.last_name.as_str(), updated.role, updated.active.0),
        ("Martin", Role::Trainer, false)
    );
    // The whole plan is a pilot's grant: another role does not keep it.
    assert!(!updated.whole_plan.0);
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

    // A session ends after an idle period, whatever its maximum age; a used one lives on.
    let week = 7 * 24 * 3600;
    let idle = security::create_session(s, u.id, week).await.unwrap();
    let used = security::create_session(s, u.id, week).await.unwrap();
    let long_ago = hybride_store::now() - security::IDLE_SECONDS - 60;
    hybride_store::testing::tamper(
        s,
        &format!("UPDATE sessions SET created_at = {long_ago}, last_seen_at = NULL"),
    )
    .await
    .unwrap();
    hybride_store::testing::tamper(
        s,
        &format!(
            "UPDATE sessions SET last_seen_at = {} WHERE id_hash = '{}'",
            hybride_store::now() - 120,
            hybride_store::token::digest(&used)
        ),
    )
    .await
    .unwrap();
    assert!(security::session_user(s, &idle).await.unwrap().is_none());
    assert!(security::session_user(s, &used).await.unwrap().is_some());
    // Using it wrote its last use down (it was two minutes old).
    let seen: i64 = hybride_store::testing::query_text(
        s,
        &format!(
            "SELECT CAST(last_seen_at AS TEXT) FROM sessions WHERE id_hash = '{}'",
            hybride_store::token::digest(&used)
        ),
    )
    .await
    .unwrap()[0]
        .parse()
        .unwrap();
    assert!(seen >= hybride_store::now() - 5);
    // The expired one and the idle one are purged.
    assert_eq!(security::purge_expired(s).await.unwrap(), 2);
    assert!(security::session_user(s, &used).await.unwrap().is_some());

    let api = security::create_api_token(s, u.id, "test").await.unwrap();
    assert_eq!(
        security::api_token_user(s, &api).await.unwrap().unwrap().id,
        u.id
    );

    let mut link = String::new();
    security::create_login_link(s, u.id, 900, |secret| {
        link = secret.to_owned();
        outbox::Mail::new(u.email.clone(), "Connexion", format!("/m/{secret}"))
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
            .user
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
            credit_rule: hybride_domain::attendance::CreditRule::EstimateOnValidation,
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

fn new_step(title: &str, modality: Modality) -> NewStep {
    NewStep {
        modality,
        learning_type: LearningType::Practice,
        title: Title::parse(title).unwrap(),
        collective: false,
        social: false,
        minutes: Minutes::new(60).unwrap(),
        instructions: LongText::parse("Faites-le.").unwrap(),
        resources: LongText::parse("").unwrap(),
        evidence: LongText::parse("").unwrap(),
        evaluation: LongText::parse("").unwrap(),
        trainer_role: LongText::parse("").unwrap(),
        mandatory: true,
        credit_rule: hybride_domain::attendance::CreditRule::EstimateOnValidation,
    }
}

#[tokio::test]
async fn scenario_steps_are_reordered_duplicated_deleted_and_copied() {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let pilot = people::create(s, &account("p@ac-lyon.fr", Role::Pilot), None)
        .await
        .unwrap();
    let t = training(s, pilot.id).await;
    let a = trainings::add_step(s, t.id, &new_step("A", Modality::InPerson))
        .await
        .unwrap();
    let b = trainings::add_step(s, t.id, &new_step("B", Modality::Async))
        .await
        .unwrap();
    trainings::add_step(s, t.id, &new_step("C", Modality::VirtualClass))
        .await
        .unwrap();
    let titles = |steps: Vec<trainings::Step>| {
        steps
            .into_iter()
            .map(|s| (s.position, s.title))
            .collect::<Vec<_>>()
    };

    trainings::move_step(s, t.id, a.id, 1).await.unwrap();
    assert_eq!(
        titles(trainings::steps(s, t.id).await.unwrap()),
        vec![(1, "B".into()), (2, "A".into()), (3, "C".into())]
    );
    trainings::move_step(s, t.id, b.id, -1).await.unwrap();
    assert_eq!(
        trainings::steps(s, t.id).await.unwrap()[0].title,
        "B",
        "the first stays first"
    );
    let dup = trainings::duplicate_step(s, t.id, b.id).await.unwrap();
    assert_eq!(dup.position, 2);
    trainings::delete_step(s, t.id, a.id).await.unwrap();
    assert_eq!(
        titles(trainings::steps(s, t.id).await.unwrap()),
        vec![(1, "B".into()), (2, "B".into()), (3, "C".into())]
    );
    let mut changed = new_step("B'", Modality::Webinar);
    changed.social = true;
    let updated = trainings::update_step(s, t.id, dup.id, &changed)
        .await
        .unwrap();
    assert_eq!(
        (updated.title.as_str(), updated.modality, updated.social.0),
        ("B'", Modality::Webinar, true)
    );
    assert!(
        matches!(
            trainings::update_step(s, t.id + 1, dup.id, &changed).await,
            Err(StoreError::NotFound)
        ),
        "steps belong to their training"
    );

    let other = trainings::create(
        s,
        &NewTraining {
            plan_id: t.plan_id,
            dispositif_id: DispositifId::parse("26A0100999").unwrap(),
            module_id: ModuleId::parse("1").unwrap(),
            title: Title::parse("Autre").unwrap(),
            objectives: LongText::parse("").unwrap(),
            public: LongText::parse("").unwrap(),
            in_person: Minutes::ZERO,
            synchronous: Minutes::ZERO,
            asynchronous: Minutes::new(60).unwrap(),
            validation_criteria: LongText::parse("x").unwrap(),
            min_attendance_percent: 80,
            pilot_id: pilot.id,
        },
    )
    .await
    .unwrap();
    trainings::add_step(s, other.id, &new_step("Z", Modality::Async))
        .await
        .unwrap();
    assert_eq!(
        trainings::copy_scenario(s, t.id, other.id).await.unwrap(),
        3
    );
    let copied = titles(trainings::steps(s, other.id).await.unwrap());
    assert_eq!(
        copied,
        vec![
            (1, "Z".into()),
            (2, "B".into()),
            (3, "B'".into()),
            (4, "C".into())
        ]
    );
}

#[tokio::test]
async fn preparation_records() {
    use hybride_store::before::{self, AccompanimentInput, EquipmentInput, ValidationInput};
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

    assert!(before::accompaniment(s, t.id).await.unwrap().is_none());
    let mut plan = AccompanimentInput {
        channels: "Forum".into(),
        response_hours: 48,
        working_days_only: true,
        tutoring_slots: "".into(),
        technical_contact: "assistance@ac-lyon.fr".into(),
        exchange_hours: "8 h–18 h".into(),
    };
    before::save_accompaniment(s, t.id, &plan).await.unwrap();
    plan.response_hours = 24;
    plan.working_days_only = false;
    let saved = before::save_accompaniment(s, t.id, &plan).await.unwrap();
    assert_eq!(
        (saved.response_hours, saved.working_days_only.0),
        (24, false),
        "saving again replaces"
    );

    let rules = ValidationInput {
        min_in_person_percent: 100,
        min_synchronous_percent: 80,
        min_asynchronous_percent: 70,
        mandatory_steps_required: true,
        evaluation_required: false,
        half_day_threshold_percent: 80,
    };
    before::save_validation_rules(s, t.id, &rules)
        .await
        .unwrap();
    let v = before::save_validation_rules(
        s,
        t.id,
        &ValidationInput {
            evaluation_required: true,
            half_day_threshold_percent: 75,
            ..rules
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (v.min_asynchronous_percent, v.evaluation_required.0),
        (70, true)
    );

    let check = |mic: &str| EquipmentInput {
        microphone: mic.into(),
        speakers: "ok".into(),
        camera: "skipped".into(),
        screen_share: "ok".into(),
        round_trip_ms: Some(20),
        browser: "Firefox\u{7}".into(),
    };
    assert!(matches!(
        before::record_equipment_check(s, trainer.id, &check("maybe")).await,
        Err(StoreError::Refused(_))
    ));
    let first = before::record_equipment_check(s, trainer.id, &check("failed"))
        .await
        .unwrap();
    assert!(!first.ready_to_lead());
    assert_eq!(first.browser, "Firefox", "control characters dropped");
    let second = before::record_equipment_check(s, trainer.id, &check("ok"))
        .await
        .unwrap();
    let mine = before::equipment_checks(s, trainer.id, 10).await.unwrap();
    assert_eq!(mine.len(), 2);
    assert_eq!(mine[0].id.max(mine[1].id), second.id);
    assert!(before::equipment_checks(s, trainee.id, 10)
        .await
        .unwrap()
        .is_empty());

    let by_hand = |trainer_id| hybride_store::qualifications::ByHand {
        trainer_id,
        qualified_on: jiff::civil::date(2026, 10, 5),
        trained_by: pilot.id,
        content: "Atelier",
        reason: "Formé avant Hybride",
        recorded_by: pilot.id,
    };
    assert!(matches!(
        qualifications::add(s, &by_hand(trainee.id)).await,
        Err(StoreError::Refused(_))
    ));
    let q = qualifications::add(s, &by_hand(trainer.id)).await.unwrap();
    assert_eq!(
        (
            q.trainer_name.as_str(),
            q.trained_by_name.as_str(),
            q.qualified_on.as_str(),
            q.reason.as_str(),
            q.recorded_by,
            q.cohort_id,
        ),
        (
            "Camille Durand",
            "Camille Durand",
            "2026-10-05",
            "Formé avant Hybride",
            Some(pilot.id),
            None
        )
    );
    assert_eq!(
        qualifications::list(s, Some(trainer.id))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(qualifications::list(s, None).await.unwrap().len(), 1);
    assert_eq!(
        qualifications::latest_of(s, &[trainer.id, trainee.id])
            .await
            .unwrap(),
        vec![(trainer.id, "2026-10-05".to_owned())]
    );
    qualifications::delete(s, q.id).await.unwrap();
    assert!(matches!(
        qualifications::delete(s, q.id).await,
        Err(StoreError::NotFound)
    ));

    assert_eq!(before::school_zone(s).await.unwrap(), "A");
    before::set_setting(s, "school_zone", "B").await.unwrap();
    before::set_setting(s, "school_zone", "C").await.unwrap();
    assert_eq!(before::school_zone(s).await.unwrap(), "C");
    let h = before::add_school_holiday(
        s,
        "C",
        "Noël",
        jiff::civil::date(2026, 12, 19),
        jiff::civil::date(2027, 1, 3),
    )
    .await
    .unwrap();
    assert!(matches!(
        before::add_school_holiday(
            s,
            "C",
            "x",
            jiff::civil::date(2027, 1, 3),
            jiff::civil::date(2026, 12, 19)
        )
        .await,
        Err(StoreError::Refused(_))
    ));
    assert_eq!(before::school_holidays(s, "C").await.unwrap().len(), 1);
    assert!(before::school_holidays(s, "A").await.unwrap().is_empty());
    before::delete_school_holiday(s, h.id).await.unwrap();
}

#[tokio::test]
async fn schedules_and_overrides() {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let pilot = people::create(s, &account("p@ac-lyon.fr", Role::Pilot), None)
        .await
        .unwrap();
    let t = training(s, pilot.id).await;
    let cohort = cohorts::create(
        s,
        &NewCohort {
            training_id: t.id,
            label: Title::parse("G1").unwrap(),
            gaia_session_id: None,
            starts_on: jiff::civil::date(2027, 1, 11),
            ends_on: jiff::civil::date(2027, 2, 5),
            course_url: None,
        },
    )
    .await
    .unwrap();
    let at = |h: i64| jiff::Timestamp::from_second(1_800_000_000 + h * 3600).unwrap();
    let activity = |title: &str, from: i64, to: i64| NewActivity {
        step_id: None,
        title: Title::parse(title).unwrap(),
        modality: Modality::InPerson,
        starts_at: at(from),
        ends_at: at(to),
        place: None,
        room_url: None,
    };
    assert!(matches!(
        cohorts::add_activities(s, cohort.id, &[activity("A", 0, 3), activity("B", 5, 4)]).await,
        Err(StoreError::Refused(_))
    ));
    assert!(
        cohorts::activities(s, cohort.id).await.unwrap().is_empty(),
        "all or none"
    );
    assert_eq!(
        cohorts::add_activities(s, cohort.id, &[activity("A", 0, 3), activity("B", 24, 27)])
            .await
            .unwrap(),
        2
    );
    let list = cohorts::activities(s, cohort.id).await.unwrap();
    let mut moved = activity("A", 48, 51);
    moved.place = Some("Salle 204".into());
    let a = cohorts::update_activity(s, cohort.id, list[0].id, &moved)
        .await
        .unwrap();
    assert_eq!(
        (a.place.as_deref(), a.starts_at),
        (Some("Salle 204"), at(48).as_second())
    );
    cohorts::delete_activity(s, cohort.id, list[1].id)
        .await
        .unwrap();
    assert_eq!(cohorts::activities(s, cohort.id).await.unwrap().len(), 1);

    let updated = cohorts::update(
        s,
        cohort.id,
        &NewCohort {
            training_id: t.id,
            label: Title::parse("Groupe 1").unwrap(),
            gaia_session_id: Some("3".into()),
            starts_on: jiff::civil::date(2027, 1, 11),
            ends_on: jiff::civil::date(2027, 2, 5),
            course_url: Some("https://magistere.education.fr/x".into()),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (updated.label.as_str(), updated.course_url.as_deref()),
        ("Groupe 1", Some("https://magistere.education.fr/x"))
    );

    let c = cohorts::override_status(
        s,
        cohort.id,
        CohortStatus::Ready,
        "Formation prévue",
        &["trainer_qualified"],
        pilot.id,
    )
    .await
    .unwrap();
    assert_eq!(c.status, CohortStatus::Ready);
    let o = cohorts::status_overrides(s, cohort.id).await.unwrap();
    assert_eq!(
        (
            o[0].status.as_str(),
            o[0].open_items.as_str(),
            o[0].reason.as_str()
        ),
        ("ready", "trainer_qualified", "Formation prévue")
    );
    assert!(matches!(
        cohorts::override_status(s, cohort.id, CohortStatus::Archived, "x", &[], pilot.id).await,
        Err(StoreError::Refused(_))
    ));
}

/// A ready cohort with two enrolled trainees and one virtual class.
/// A cohort of a training, from November to January.
async fn cohort_of(s: &Store, training_id: i64, label: &str) -> cohorts::Cohort {
    cohorts::create(
        s,
        &NewCohort {
            training_id,
            label: Title::parse(label).unwrap(),
            gaia_session_id: None,
            starts_on: jiff::civil::date(2026, 11, 2),
            ends_on: jiff::civil::date(2027, 1, 29),
            course_url: None,
        },
    )
    .await
    .unwrap()
}

async fn convocable(s: &Store) -> (cohorts::Cohort, Vec<people::User>, cohorts::Activity) {
    let pilot = people::create(s, &account("pilote@ac-lyon.fr", Role::Pilot), None)
        .await
        .unwrap();
    let t = training(s, pilot.id).await;
    let c = cohort_of(s, t.id, "Groupe 1").await;
    let mut trainees = Vec::new();
    for e in ["a@ac-lyon.fr", "b@ac-lyon.fr"] {
        trainees.push(
            people::create(s, &account(e, Role::Trainee), None)
                .await
                .unwrap(),
        );
    }
    let ids: Vec<i64> = trainees.iter().map(|u| u.id).collect();
    cohorts::enroll(s, c.id, &ids).await.unwrap();
    let now = jiff::Timestamp::now();
    let a = cohorts::add_activity(
        s,
        c.id,
        &NewActivity {
            step_id: None,
            title: Title::parse("Classe virtuelle").unwrap(),
            modality: Modality::VirtualClass,
            starts_at: now,
            ends_at: now
                .checked_add(jiff::SignedDuration::from_hours(1))
                .unwrap(),
            place: None,
            room_url: Some("https://visio.example/x".into()),
        },
    )
    .await
    .unwrap();
    let c = cohorts::set_status(s, c.id, CohortStatus::Ready)
        .await
        .unwrap();
    (c, trainees, a)
}

#[tokio::test]
async fn personal_links_are_hashed_scoped_expire_and_can_be_revoked() {
    use hybride_store::during::{self, ConvocationKind};
    use hybride_store::links::{self, Purpose, Scope};
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let (c, trainees, a) = convocable(s).await;
    let mut secrets = None;
    during::convoke(
        s,
        c.id,
        trainees[0].id,
        ConvocationKind::Convocation,
        None,
        |sec| {
            secrets = Some(sec.clone());
            Some(outbox::Mail::new("a@ac-lyon.fr", "Convocation", "liens"))
        },
    )
    .await
    .unwrap();
    let sec = secrets.unwrap();
    assert_eq!(sec.joins.len(), 1);
    assert_eq!(sec.joins[0].0, a.id);
    assert!(sec.calendar.len() >= 43);
    // A join secret is not a calendar secret, and a wrong one opens nothing.
    assert!(links::open(s, &sec.joins[0].1, Purpose::Calendar)
        .await
        .unwrap()
        .is_none());
    assert!(links::open(s, "nope", Purpose::Join)
        .await
        .unwrap()
        .is_none());
    // A calendar link and a join link, scoped to the cohort, none opened yet.
    let issued = links::of_user(s, trainees[0].id).await.unwrap();
    assert_eq!(issued.len(), 2);
    assert!(issued
        .iter()
        .all(|l| l.first_opened_at.is_none() && l.cohort_id == Some(c.id)));
    let opened = links::open(s, &sec.joins[0].1, Purpose::Join)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(opened.activity_id, Some(a.id));
    assert_eq!(opened.opened_count, 1);
    let again = links::open(s, &sec.joins[0].1, Purpose::Join)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.opened_count, 2);
    assert_eq!(again.first_opened_at, opened.first_opened_at);
    let status = during::link_status(s, c.id).await.unwrap();
    assert!(status[0].opened_at.is_some() && status[0].received());
    assert!(status[1].opened_at.is_none() && status[1].sent_count == 0);

    // Revoked, it no longer opens; expired, neither.
    links::revoke_all(s, trainees[0].id, Purpose::Join)
        .await
        .unwrap();
    assert!(links::open(s, &sec.joins[0].1, Purpose::Join)
        .await
        .unwrap()
        .is_none());
    let expired = links::issue(
        s,
        Scope {
            user_id: trainees[1].id,
            purpose: Purpose::Calendar,
            cohort_id: None,
            activity_id: None,
            expires_at: hybride_store::now() - 1,
        },
    )
    .await
    .unwrap();
    assert!(links::open(s, &expired, Purpose::Calendar)
        .await
        .unwrap()
        .is_none());

    // A reminder goes once; a failing composition keeps nothing.
    during::convoke(
        s,
        c.id,
        trainees[1].id,
        ConvocationKind::Reminder,
        None,
        |_| Some(outbox::Mail::new("b@ac-lyon.fr", "Rappel", "liens")),
    )
    .await
    .unwrap();
    let twice = during::convoke(
        s,
        c.id,
        trainees[1].id,
        ConvocationKind::Reminder,
        None,
        |_| Some(outbox::Mail::new("b@ac-lyon.fr", "Rappel", "liens")),
    )
    .await;
    assert!(matches!(twice, Err(StoreError::Conflict("reminder"))));
    let before = outbox::recent(s, 100).await.unwrap().len();
    let failed = during::convoke(
        s,
        c.id,
        trainees[1].id,
        ConvocationKind::Convocation,
        None,
        |_| None,
    )
    .await;
    assert!(matches!(failed, Err(StoreError::Refused("mail"))));
    assert_eq!(
        outbox::recent(s, 100).await.unwrap().len(),
        before,
        "nothing queued"
    );
    // Not enrolled: refused.
    let pilot = people::by_email(s, &Email::parse("pilote@ac-lyon.fr").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(
        during::convoke(
            s,
            c.id,
            pilot.id,
            ConvocationKind::Convocation,
            None,
            |_| None
        )
        .await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn the_outbox_is_claimed_once_by_concurrent_workers_and_backs_off() {
    let db = TestDatabase::new().await.unwrap();
    // A second instance on the same database.
    let other = Store::open(&db.url).await.unwrap();
    let s = db.store.clone();
    for i in 0..60 {
        outbox::enqueue(
            &s,
            &outbox::Mail::new(format!("t{i}@ac-lyon.fr"), "Sujet", "Corps"),
        )
        .await
        .unwrap();
    }
    let mut workers = Vec::new();
    for store in [s.clone(), other.clone(), s.clone(), other.clone()] {
        workers.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let batch = outbox::claim_due(&store, 7).await.unwrap();
                if batch.is_empty() {
                    return mine;
                }
                for m in batch {
                    outbox::mark_sent(&store, m.id).await.unwrap();
                    mine.push(m.id);
                }
            }
        }));
    }
    let mut all = Vec::new();
    for w in workers {
        all.extend(w.await.unwrap());
    }
    all.sort();
    let unique: std::collections::BTreeSet<i64> = all.iter().copied().collect();
    assert_eq!(all.len(), 60, "every mail sent exactly once");
    assert_eq!(unique.len(), 60);
    assert!(outbox::pending(&s, 100).await.unwrap().is_empty());

    // A claimed mail is not claimed again while its claim holds.
    let id = outbox::enqueue(&s, &outbox::Mail::new("x@ac-lyon.fr", "S", "B"))
        .await
        .unwrap();
    assert_eq!(outbox::claim_due(&s, 10).await.unwrap().len(), 1);
    assert!(outbox::claim_due(&other, 10).await.unwrap().is_empty());
    // A failure releases it for later, with a growing delay; a permanent one gives up.
    outbox::mark_failed(&s, id, "421 busy", false)
        .await
        .unwrap();
    let m = outbox::get(&s, id).await.unwrap();
    assert_eq!(m.attempts, 1);
    assert!(m.failed_at.is_none());
    assert!(m.next_attempt_at >= hybride_store::now() + 25);
    assert!(
        outbox::claim_due(&s, 10).await.unwrap().is_empty(),
        "not due yet"
    );
    assert!(outbox::backoff_seconds(2) > outbox::backoff_seconds(1));
    assert_eq!(outbox::backoff_seconds(50), 3600);
    outbox::mark_failed(&s, id, "550 no such user", true)
        .await
        .unwrap();
    let m = outbox::get(&s, id).await.unwrap();
    assert!(m.failed_at.is_some());
    assert!(outbox::pending(&s, 10).await.unwrap().is_empty());
    outbox::retry(&s, id).await.unwrap();
    assert_eq!(outbox::claim_due(&s, 10).await.unwrap()[0].id, id);
    other.close().await;
}

#[tokio::test]
async fn attempt_counters_are_shared_by_every_instance() {
    use hybride_store::limits;
    let db = TestDatabase::new().await.unwrap();
    let other = Store::open(&db.url).await.unwrap();
    let key = "login:account:camille.durand@ac-lyon.fr";
    let mut seen = Vec::new();
    for i in 0..6 {
        let store = if i % 2 == 0 { &db.store } else { &other };
        seen.push(limits::hit(store, key, 3600).await.unwrap());
    }
    // One window (unless the test straddles an hour boundary, when it restarts at 1).
    assert!(
        seen.windows(2).all(|w| w[1] == w[0] + 1 || w[1] == 1),
        "{seen:?}"
    );
    assert_eq!(
        limits::hit(&db.store, "another key", 3600).await.unwrap(),
        1
    );
    assert!(
        limits::purge(&db.store, hybride_store::now() + 7200)
            .await
            .unwrap()
            >= 2
    );
    assert_eq!(limits::hit(&other, key, 3600).await.unwrap(), 1, "purged");
    other.close().await;
}

fn signature(
    c: &cohorts::Cohort,
    a: &cohorts::Activity,
    subject: i64,
    note: &str,
) -> hybride_store::attendance::NewMark {
    hybride_store::attendance::NewMark {
        cohort_id: c.id,
        activity_id: a.id,
        slot: Some("2026-11-30-morning".into()),
        subject_id: subject,
        kind: hybride_domain::attendance::Kind::Signed,
        channel: hybride_domain::attendance::Channel::Code,
        actor_id: subject,
        at: store_now(),
        device: Some("d".into()),
        minutes: None,
        moment: None,
        note: Some(note.into()),
        document: None,
        attests: None,
    }
}

#[tokio::test]
async fn the_attendance_record_is_a_chain_that_concurrent_writers_do_not_fork() {
    use hybride_store::attendance::{self as record, verify};
    let db = TestDatabase::new().await.unwrap();
    let s = db.store.clone();
    let other = Store::open(&db.url).await.unwrap();
    let (c, trainees, a) = convocable(&s).await;
    // Two instances append at once: every event gets its own place in one chain.
    let mut tasks = Vec::new();
    for (i, store) in [s.clone(), other.clone()].into_iter().enumerate() {
        let (c, a, who) = (c.clone(), a.clone(), trainees[i].id);
        tasks.push(tokio::spawn(async move {
            for n in 0..40 {
                record::record(&store, &signature(&c, &a, who, &format!("{i}-{n}")))
                    .await
                    .unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let events = record::of_cohort(&s, c.id).await.unwrap();
    assert_eq!(events.len(), 80);
    assert!(events
        .iter()
        .enumerate()
        .all(|(i, e)| e.seq == i as i64 + 1));
    let v = verify(&s).await.unwrap();
    assert_eq!((v.chains, v.events, v.breaks.len()), (1, 80, 0), "{v:?}");
    assert!(record::any_for_activity(&s, a.id).await.unwrap());
    // The record keeps the activity it is about.
    assert!(matches!(
        cohorts::delete_activity(&s, c.id, a.id).await,
        Err(StoreError::Refused("activity_has_attendance"))
    ));

    // A row edited by hand is found, at its place in the chain.
    use hybride_store::testing::tamper;
    tamper(
        &s,
        &format!(
            "UPDATE attendance_events SET note = 'x' WHERE cohort_id = {} AND seq = 7",
            c.id
        ),
    )
    .await
    .unwrap();
    let v = verify(&s).await.unwrap();
    assert_eq!(v.breaks.len(), 1);
    assert_eq!((v.breaks[0].seq, v.breaks[0].problem), (7, "altered"));
    // Re-hashing the edited row does not hide it: the next row no longer links to it.
    let e7 = record::of_cohort(&s, c.id).await.unwrap().remove(6);
    tamper(
        &s,
        &format!(
            "UPDATE attendance_events SET hash = '{}' WHERE id = {}",
            e7.expected_hash(),
            e7.id
        ),
    )
    .await
    .unwrap();
    let v = verify(&s).await.unwrap();
    assert_eq!((v.breaks[0].seq, v.breaks[0].problem), (8, "link"));

    // Removing the last events is found through the chain's head.
    let db2 = TestDatabase::new().await.unwrap();
    let (c2, t2, a2) = convocable(&db2.store).await;
    for n in 0..3 {
        record::record(&db2.store, &signature(&c2, &a2, t2[0].id, &n.to_string()))
            .await
            .unwrap();
    }
    tamper(&db2.store, "DELETE FROM attendance_events WHERE seq = 3")
        .await
        .unwrap();
    let v = verify(&db2.store).await.unwrap();
    assert_eq!(v.breaks[0].problem, "head");
    tamper(&db2.store, "DELETE FROM attendance_events WHERE seq = 1")
        .await
        .unwrap();
    assert_eq!(verify(&db2.store).await.unwrap().breaks[0].problem, "gap");

    // Codes' secrets: one per activity, stable.
    let k1 = record::signing_secret(&s, a.id).await.unwrap();
    assert_eq!(k1, record::signing_secret(&other, a.id).await.unwrap());
    assert_eq!(k1.len(), 43);
}

#[tokio::test]
async fn marks_arriving_together_are_committed_together_and_one_bad_mark_fails_alone() {
    use hybride_store::attendance::{self as record, verify, DocumentRef};
    let db = TestDatabase::new().await.unwrap();
    let s = db.store.clone();
    let other = Store::open(&db.url).await.unwrap();
    let (c1, trainees, a1) = convocable(&s).await;
    // A second cohort of the same training, so that one transaction spans two chains.
    let c2 = cohort_of(&s, c1.training_id, "Groupe 2").await;
    cohorts::enroll(&s, c2.id, &[trainees[0].id]).await.unwrap();
    let a2 = cohorts::add_activity(
        &s,
        c2.id,
        &NewActivity {
            step_id: None,
            title: Title::parse("Présentiel").unwrap(),
            modality: Modality::InPerson,
            starts_at: jiff::Timestamp::now(),
            ends_at: jiff::Timestamp::now()
                .checked_add(jiff::SignedDuration::from_hours(3))
                .unwrap(),
            place: Some("Lyon".into()),
            room_url: None,
        },
    )
    .await
    .unwrap();
    // 150 marks at once on two instances, over both chains, one naming a document that does
    // not exist.
    let mut marks = Vec::new();
    for n in 0..150 {
        let (c, a) = if n % 3 == 0 { (&c2, &a2) } else { (&c1, &a1) };
        let mut m = signature(c, a, trainees[n % 2].id, &format!("m{n}"));
        if n == 77 {
            m.document = Some(DocumentRef {
                id: 999_999,
                sha256: "0".repeat(64),
            });
        }
        marks.push(m);
    }
    let answers = futures_answers(&s, &other, &marks).await;
    for (n, r) in answers.iter().enumerate() {
        if n == 77 {
            assert!(matches!(r, Err(StoreError::NotFound)), "{r:?}");
        } else {
            let e = r.as_ref().unwrap();
            assert_eq!(e.note.as_deref(), Some(format!("m{n}").as_str()));
        }
    }
    // Every acknowledged mark is in its chain, once, each chain without a gap.
    let mut notes = Vec::new();
    for c in [&c1, &c2] {
        let events = record::of_cohort(&s, c.id).await.unwrap();
        assert!(events
            .iter()
            .enumerate()
            .all(|(i, e)| e.seq == i as i64 + 1 && e.cohort_id == c.id));
        notes.extend(events.into_iter().map(|e| e.note.unwrap()));
    }
    notes.sort();
    let mut expected: Vec<String> = (0..150)
        .filter(|n| *n != 77)
        .map(|n| format!("m{n}"))
        .collect();
    expected.sort();
    assert_eq!(notes, expected);
    let v = verify(&s).await.unwrap();
    assert_eq!((v.chains, v.events, v.breaks.len()), (2, 149, 0), "{v:?}");
    // A trainee's own marks of an activity, without the others'.
    // (The odd marks not divisible by 3, the refused 77th aside.)
    let own = record::of_subject(&s, a1.id, trainees[1].id).await.unwrap();
    assert_eq!(own.len(), 49);
    assert!(own
        .iter()
        .all(|e| e.subject_id == trainees[1].id && e.activity_id == a1.id));
    other.close().await;
}

#[tokio::test]
async fn a_countersignature_attests_what_its_trainer_read_and_verify_names_what_came_after() {
    use hybride_domain::attendance::{Channel, Countersigning, Kind};
    use hybride_store::attendance::{self as record, fingerprint, verify, HalfDayRef};
    use hybride_store::testing::tamper;
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let (c, trainees, a) = convocable(s).await;
    let trainer = people::create(s, &account("formateur@ac-lyon.fr", Role::Trainer), None)
        .await
        .unwrap();
    let countersignature = |attests: String| hybride_store::attendance::NewMark {
        subject_id: trainer.id,
        actor_id: trainer.id,
        kind: Kind::Countersigned,
        channel: Channel::Trainer,
        device: None,
        note: None,
        attests: Some(attests),
        ..signature(&c, &a, trainer.id, "")
    };
    let half_day = || async {
        let events = record::of_activity(s, a.id).await.unwrap();
        let frozen = record::freeze(&events.iter().collect::<Vec<_>>());
        (events, frozen)
    };
    let waiting = vec![HalfDayRef {
        cohort_id: c.id,
        activity_id: a.id,
        slot: "2026-11-30-morning".into(),
    }];

    // The trainer countersigns what they read: one signature.
    record::record(s, &signature(&c, &a, trainees[0].id, "à l’heure"))
        .await
        .unwrap();
    let (events, _) = half_day().await;
    let cs = record::record(s, &countersignature(fingerprint(&events)))
        .await
        .unwrap();
    assert_eq!(cs.attests, Some(fingerprint(&events)));
    let (_, frozen) = half_day().await;
    assert_eq!(frozen.state, Countersigning::Countersigned);
    let v = verify(s).await.unwrap();
    assert!(
        v.breaks.is_empty() && v.to_countersign_again.is_empty(),
        "{v:?}"
    );

    // A late signature is kept, as a correction; the half-day waits, and verify says so.
    record::record(s, &signature(&c, &a, trainees[1].id, "en retard"))
        .await
        .unwrap();
    let (events, frozen) = half_day().await;
    assert_eq!(frozen.state, Countersigning::ToCountersignAgain);
    assert_eq!(frozen.corrections.len(), 1);
    assert_eq!(frozen.corrections[0].index, 2);
    let v = verify(s).await.unwrap();
    assert!(v.breaks.is_empty(), "{v:?}");
    assert_eq!(v.to_countersign_again, waiting);

    // Countersigned again: the half-day is attested, the correction by the second one.
    record::record(s, &countersignature(fingerprint(&events)))
        .await
        .unwrap();
    let (events, frozen) = half_day().await;
    assert_eq!(frozen.state, Countersigning::Countersigned);
    assert_eq!(frozen.corrections[0].attested_by, Some(1));
    let v = verify(s).await.unwrap();
    assert_eq!((v.events, v.breaks.len()), (4, 0), "{v:?}");
    assert!(v.to_countersign_again.is_empty());

    // A countersignature attesting what its half-day never had is found.
    record::record(s, &countersignature("0123456789abcdef".into()))
        .await
        .unwrap();
    let v = verify(s).await.unwrap();
    assert_eq!(v.breaks.len(), 1, "{v:?}");
    assert_eq!((v.breaks[0].seq, v.breaks[0].problem), (5, "attestation"));
    // What a countersignature attests is part of the chain: rewriting it is found too.
    tamper(
        s,
        &format!(
            "UPDATE attendance_events SET attests = '{}' WHERE id = {}",
            fingerprint(&events[..1]),
            events[3].id
        ),
    )
    .await
    .unwrap();
    let v = verify(s).await.unwrap();
    assert_eq!((v.breaks[0].seq, v.breaks[0].problem), (4, "altered"));
}

/// Appends every mark at once, alternating between two instances; the answers in order.
async fn futures_answers(
    a: &Store,
    b: &Store,
    marks: &[hybride_store::attendance::NewMark],
) -> Vec<Result<hybride_store::attendance::Event, StoreError>> {
    let mut tasks = Vec::new();
    for (n, m) in marks.iter().enumerate() {
        let store = if n % 2 == 0 { a.clone() } else { b.clone() };
        let m = m.clone();
        tasks.push(tokio::spawn(async move {
            hybride_store::attendance::record(&store, &m).await
        }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

#[tokio::test]
async fn a_plan_export_is_claimed_once_and_a_stopped_one_taken_over() {
    use hybride_store::exports;
    let db = TestDatabase::new().await.unwrap();
    let other = Store::open(&db.url).await.unwrap();
    let s = db.store.clone();
    let admin = people::create(&s, &account("admin@ac-lyon.fr", Role::Admin), None)
        .await
        .unwrap();
    let t = training(&s, admin.id).await;
    let first = exports::request(&s, t.plan_id, admin.id, "fr")
        .await
        .unwrap();
    assert_eq!(first.status, "pending");
    // One at a time per plan.
    assert!(matches!(
        exports::request(&other, t.plan_id, admin.id, "fr").await,
        Err(StoreError::Conflict("export"))
    ));
    // Two instances claim at once: one gets it.
    let now = hybride_store::now();
    let (a, b) = tokio::join!(exports::claim(&s, now), exports::claim(&other, now));
    let won: Vec<_> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    assert_eq!(won.len(), 1, "claimed once");
    assert_eq!(won[0].status, "running");
    exports::progress(&s, first.id, 1, 3, 12).await.unwrap();
    assert!(
        exports::claim(&other, hybride_store::now())
            .await
            .unwrap()
            .is_none(),
        "an export under way is not taken"
    );
    exports::add_part(&s, first.id, 0, "left.zip", b"PK", "sha")
        .await
        .unwrap();
    // Its instance stops: once stale, another takes it over, from the start.
    let later = hybride_store::now() + exports::STALE_AFTER + 1;
    let taken = exports::claim(&other, later).await.unwrap().unwrap();
    assert_eq!(
        (taken.id, taken.cohorts_done, taken.documents),
        (first.id, 0, 0)
    );
    assert!(
        exports::parts(&s, first.id).await.unwrap().is_empty(),
        "parts made again"
    );
    exports::add_part(&other, first.id, 0, "session-1.zip", b"PK-zip", "sha")
        .await
        .unwrap();
    assert!(matches!(
        exports::add_part(&other, first.id, 0, "again.zip", b"PK", "sha").await,
        Err(StoreError::Conflict(_))
    ));
    exports::add_part(&other, first.id, 1, "sessions.csv", b"a;b\n", "sha")
        .await
        .unwrap();
    exports::finish(&other, first.id).await.unwrap();
    assert_eq!(
        exports::part_body(&s, first.id, 0).await.unwrap(),
        b"PK-zip"
    );
    let parts = exports::parts(&s, first.id).await.unwrap();
    assert_eq!(
        parts.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["session-1.zip", "sessions.csv"]
    );
    let done = exports::get(&s, first.id).await.unwrap();
    assert_eq!((done.status.as_str(), done.size), ("done", Some(10)));
    // Done, the plan may be exported again; a failed one keeps its error.
    let second = exports::request(&s, t.plan_id, admin.id, "en")
        .await
        .unwrap();
    exports::fail(&s, second.id, "disque plein").await.unwrap();
    let failed = exports::get(&s, second.id).await.unwrap();
    assert_eq!(failed.error.as_deref(), Some("disque plein"));
    assert!(exports::parts(&s, second.id).await.unwrap().is_empty());
    assert_eq!(
        exports::purge(&s, hybride_store::now() + 1).await.unwrap(),
        2
    );
}

#[tokio::test]
async fn second_factors_count_each_step_and_recovery_code_once() {
    use hybride_domain::second_factor::Pending;
    use hybride_store::second_factor as sf;
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let u = people::create(s, &account("g@ac-lyon.fr", Role::Admin), Some("hash"))
        .await
        .unwrap();
    let other = people::create(s, &account("p@ac-lyon.fr", Role::Pilot), Some("hash"))
        .await
        .unwrap();

    // An enrolment under way keeps its secret when started again, and accepts nothing.
    let f = sf::start(s, u.id, "AAAABBBBCCCCDDDD").await.unwrap();
    assert_eq!(f.secret, "AAAABBBBCCCCDDDD");
    assert!(f.confirmed_at.is_none());
    let again = sf::start(s, u.id, "EEEEFFFFGGGGHHHH").await.unwrap();
    assert_eq!(again.secret, "AAAABBBBCCCCDDDD");
    assert!(
        !sf::accept_step(s, u.id, 10).await.unwrap(),
        "not confirmed"
    );

    // Confirmed with a code of step 100 and two recovery codes.
    let codes = vec!["0000111122223333".to_owned(), "4444555566667777".to_owned()];
    assert!(sf::confirm(s, u.id, 100, &codes).await.unwrap());
    assert!(!sf::confirm(s, u.id, 101, &codes).await.unwrap(), "once");
    let f = sf::get(s, u.id).await.unwrap().unwrap();
    assert!(f.confirmed_at.is_some());
    assert_eq!(f.last_step, Some(100));

    // Each step once, never an earlier one.
    assert!(!sf::accept_step(s, u.id, 100).await.unwrap());
    assert!(!sf::accept_step(s, u.id, 99).await.unwrap());
    assert!(sf::accept_step(s, u.id, 101).await.unwrap());
    assert!(!sf::accept_step(s, u.id, 101).await.unwrap());

    // Recovery codes: stored as digests, each used once, by their owner only.
    assert_eq!(sf::recovery_codes_left(s, u.id).await.unwrap(), 2);
    assert!(!sf::use_recovery_code(s, other.id, &codes[0]).await.unwrap());
    assert!(sf::use_recovery_code(s, u.id, &codes[0]).await.unwrap());
    assert!(!sf::use_recovery_code(s, u.id, &codes[0]).await.unwrap());
    assert_eq!(sf::recovery_codes_left(s, u.id).await.unwrap(), 1);
    let export = hybride_store::personal::export(s, u.id)
        .await
        .unwrap()
        .to_string();
    assert!(!export.contains("4444555566667777"));
    assert!(!export.contains("AAAABBBBCCCCDDDD"), "the secret stays in");

    // New codes replace the old ones.
    sf::replace_recovery_codes(s, u.id, &["8888999900001111".to_owned()])
        .await
        .unwrap();
    assert!(!sf::use_recovery_code(s, u.id, &codes[1]).await.unwrap());
    assert_eq!(sf::recovery_codes_left(s, u.id).await.unwrap(), 1);

    // A session awaiting the second factor identifies nobody, but says who signs in.
    let pending = security::create_pending_session(s, u.id, 300, Pending::Code)
        .await
        .unwrap();
    assert!(security::session_user(s, &pending).await.unwrap().is_none());
    let (who, stage) = security::session(s, &pending).await.unwrap().unwrap();
    assert_eq!((who.id, stage), (u.id, Some(Pending::Code)));
    let expired = security::create_pending_session(s, u.id, -1, Pending::Enrol)
        .await
        .unwrap();
    assert!(security::session(s, &expired).await.unwrap().is_none());
    let full = security::create_session(s, u.id, 300).await.unwrap();
    assert_eq!(security::session(s, &full).await.unwrap().unwrap().1, None);

    // Removed: nothing left.
    sf::remove(s, u.id).await.unwrap();
    assert!(sf::get(s, u.id).await.unwrap().is_none());
    assert_eq!(sf::recovery_codes_left(s, u.id).await.unwrap(), 0);
}

#[tokio::test]
async fn the_audit_log_is_chained_and_append_only() {
    use hybride_store::audit::{self, NewEntry};
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    assert_eq!(
        audit::verify(s).await.unwrap(),
        audit::Check {
            entries: 0,
            first_break: None
        }
    );
    for (i, action) in ["account_created", "account_updated", "retention_set"]
        .into_iter()
        .enumerate()
    {
        let details = format!("{{\"n\":{i}}}");
        let e = audit::append(
            s,
            &NewEntry {
                actor_id: Some(7),
                actor: "Camille Durand",
                action,
                subject: "user:3",
                details: &details,
            },
        )
        .await
        .unwrap();
        assert_eq!(e.seq, i as i64 + 1);
        assert_eq!(e.hash, e.expected_hash());
    }
    let recent = audit::recent(s, None, 2).await.unwrap();
    assert_eq!(recent.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![3, 2]);
    assert_eq!(recent[1].hash, recent[0].prev_hash);
    assert_eq!(audit::recent(s, Some(2), 10).await.unwrap().len(), 1);
    assert_eq!(audit::verify(s).await.unwrap().first_break, None);

    // Changing or deleting an entry is refused by the database itself.
    for sql in [
        "UPDATE audit_log SET actor = 'Quelqu’un' WHERE seq = 2",
        "DELETE FROM audit_log WHERE seq = 3",
    ] {
        assert!(
            hybride_store::testing::tamper(s, sql).await.is_err(),
            "{sql}"
        );
    }
    // A writer who removes the guard is still caught: the changed entry is named.
    let unguard: &[&str] = match s.backend() {
        hybride_store::Backend::Sqlite => &["DROP TRIGGER audit_log_no_update"],
        hybride_store::Backend::Postgres => &["DROP TRIGGER audit_log_no_change ON audit_log"],
    };
    for sql in unguard {
        hybride_store::testing::tamper(s, sql).await.unwrap();
    }
    hybride_store::testing::tamper(
        s,
        "UPDATE audit_log SET details = '{\"n\":9}' WHERE seq = 2",
    )
    .await
    .unwrap();
    assert_eq!(
        audit::verify(s).await.unwrap(),
        audit::Check {
            entries: 1,
            first_break: Some(2)
        }
    );
}
