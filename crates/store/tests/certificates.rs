//! The record behind the certificats de réalisation: their signatories, each naming kept, the
//! one in office at a moment found in one statement; and a cohort's closing, which waits for
//! the attendance record it was decided from. Runs on SQLite by default and on PostgreSQL
//! when `HYBRIDE_TEST_DATABASE_URL` is set (see `hybride_store::testing`).

use hybride_domain::accounts::NewAccount;
use hybride_domain::certificate::{Capacity, Signatory};
use hybride_domain::*;
use hybride_store::certificates::{self, NamedSignatory};
use hybride_store::cohorts::{self, NewCohort};
use hybride_store::testing::TestDatabase;
use hybride_store::trainings::{self, NewTraining};
use hybride_store::{after, people, plans, Store, StoreError};

fn signatory(name: &str, capacity: &str) -> Signatory {
    Signatory::parse(name, "Directrice de l’EAFC", capacity).unwrap()
}

fn names(list: &[NamedSignatory]) -> Vec<&str> {
    list.iter().map(|n| n.name.as_str()).collect()
}

#[tokio::test]
async fn each_signatory_is_kept_and_the_one_in_office_signs() {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    assert!(certificates::current(s).await.unwrap().is_none());
    assert!(certificates::in_office_at(s, 1_000)
        .await
        .unwrap()
        .is_none());
    let admin = people::create(
        s,
        &NewAccount {
            email: Email::parse("admin@ac-lyon.fr").unwrap(),
            last_name: PersonName::parse("Durand").unwrap(),
            first_name: PersonName::parse("Camille").unwrap(),
            role: Role::Admin,
            establishment: None,
        },
        None,
    )
    .await
    .unwrap();
    let claire = certificates::name(
        s,
        &signatory("Claire Martin", "director"),
        Some(admin.id),
        1_000,
    )
    .await
    .unwrap();
    assert_eq!(claire.capacity, Capacity::Director);
    assert_eq!(claire.set_by, Some(admin.id));
    let paul = certificates::name(s, &signatory("Paul Roux", "delegate"), None, 2_000)
        .await
        .unwrap();
    let history = certificates::history(s).await.unwrap();
    assert_eq!(names(&history), ["Paul Roux", "Claire Martin"]);
    assert_eq!(history[0], paul);
    assert_eq!(certificates::current(s).await.unwrap(), Some(paul.clone()));
    // What ended before anyone was named is signed by the first named; then by whoever was in
    // office at its end.
    let at = |t| async move {
        certificates::in_office_at(s, t)
            .await
            .unwrap()
            .unwrap()
            .name
    };
    assert_eq!(at(10).await, "Claire Martin");
    assert_eq!(at(1_000).await, "Claire Martin");
    assert_eq!(at(1_999).await, "Claire Martin");
    assert_eq!(at(2_000).await, "Paul Roux");
    assert_eq!(at(9_999).await, "Paul Roux");
    // Two named at the same second: the later naming wins.
    certificates::name(s, &signatory("Inès Petit", "director"), None, 2_000)
        .await
        .unwrap();
    assert_eq!(at(2_000).await, "Inès Petit");
}

async fn running_cohort(s: &Store) -> cohorts::Cohort {
    let pilot = people::create(
        s,
        &NewAccount {
            email: Email::parse("pilote@ac-lyon.fr").unwrap(),
            last_name: PersonName::parse("Roux").unwrap(),
            first_name: PersonName::parse("Paul").unwrap(),
            role: Role::Pilot,
            establishment: None,
        },
        None,
    )
    .await
    .unwrap();
    let plan = plans::create(
        s,
        SchoolYear::parse("2026-2027").unwrap(),
        &Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let t = trainings::create(
        s,
        &NewTraining {
            plan_id: plan.id,
            dispositif_id: DispositifId::parse("26A0100123").unwrap(),
            module_id: ModuleId::parse("48213").unwrap(),
            title: Title::parse("Évaluer par compétences").unwrap(),
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
    .await
    .unwrap();
    let c = cohorts::create(
        s,
        &NewCohort {
            training_id: t.id,
            label: Title::parse("Groupe 1").unwrap(),
            gaia_session_id: None,
            starts_on: jiff::civil::date(2026, 11, 2),
            ends_on: jiff::civil::date(2026, 12, 18),
            course_url: None,
        },
    )
    .await
    .unwrap();
    for status in [CohortStatus::Ready, CohortStatus::Running] {
        cohorts::set_status(s, c.id, status).await.unwrap();
    }
    cohorts::get(s, c.id).await.unwrap()
}

#[tokio::test]
async fn a_cohort_closes_on_the_record_its_closer_read() {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let c = running_cohort(s).await;
    let seq = after::events_seq(s, c.id).await.unwrap();
    // Decided from a record that has moved on since: refused, still running.
    assert!(matches!(
        after::close(
            s,
            c.id,
            seq + 1,
            None,
            5_000,
            &hybride_store::after::Qualified::none()
        )
        .await,
        Err(StoreError::Refused("record_changed"))
    ));
    assert_eq!(
        cohorts::get(s, c.id).await.unwrap().status,
        CohortStatus::Running
    );
    after::close(
        s,
        c.id,
        seq,
        None,
        5_000,
        &hybride_store::after::Qualified::none(),
    )
    .await
    .unwrap();
    let closed = cohorts::get(s, c.id).await.unwrap();
    assert_eq!(closed.status, CohortStatus::Closed);
    assert_eq!(closed.closed_at, Some(5_000));
    assert!(matches!(
        after::close(
            s,
            c.id,
            seq,
            None,
            6_000,
            &hybride_store::after::Qualified::none()
        )
        .await,
        Err(StoreError::Refused("status_transition"))
    ));
}

#[tokio::test]
async fn a_closing_undone_keeps_both_events_and_only_the_closing_read_can_be_undone() {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let c = running_cohort(s).await;
    let pilot = trainings::get(s, c.training_id).await.unwrap().pilot_id;
    let seq = after::events_seq(s, c.id).await.unwrap();
    after::close(
        s,
        c.id,
        seq,
        Some(pilot),
        5_000,
        &hybride_store::after::Qualified::none(),
    )
    .await
    .unwrap();
    // Undone from a page that read another closing: refused, still closed.
    assert!(matches!(
        after::reopen(s, c.id, 4_000, pilot, "Une déclaration oubliée", 6_000).await,
        Err(StoreError::Refused("status_transition"))
    ));
    assert_eq!(
        cohorts::get(s, c.id).await.unwrap().status,
        CohortStatus::Closed
    );
    after::reopen(s, c.id, 5_000, pilot, "Une déclaration oubliée", 6_000)
        .await
        .unwrap();
    let open = cohorts::get(s, c.id).await.unwrap();
    assert_eq!(open.status, CohortStatus::Running);
    assert_eq!(open.closed_at, None);
    // Played twice (a second tab): the second is refused.
    assert!(after::reopen(s, c.id, 5_000, pilot, "Encore", 6_500)
        .await
        .is_err());
    let seq = after::events_seq(s, c.id).await.unwrap();
    after::close(
        s,
        c.id,
        seq,
        None,
        7_000,
        &hybride_store::after::Qualified::none(),
    )
    .await
    .unwrap();
    let events = after::closing_events(s, c.id).await.unwrap();
    let seen: Vec<_> = events
        .iter()
        .map(|e| {
            (
                e.kind.as_str(),
                e.at,
                e.by_name.as_deref(),
                e.reason.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("closed", 5_000, Some("Paul Roux"), ""),
            (
                "reopened",
                6_000,
                Some("Paul Roux"),
                "Une déclaration oubliée"
            ),
            ("closed", 7_000, None, ""),
        ]
    );
}
