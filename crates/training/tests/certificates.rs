//! The certificats de réalisation and the closing of a cohort, as use cases: a certificate
//! exists only once its cohort has ended, is signed by the signatory in office at that end and
//! dated by it, credits what the record credits, and waits for its trainee's declarations to be
//! decided; a cohort closes only once none awaits a decision, and a closed cohort's bundle is
//! not made without its certificates. Runs on SQLite by default and on PostgreSQL when
//! `HYBRIDE_TEST_DATABASE_URL` is set.

use hybride_domain::accounts::NewAccount;
use hybride_domain::attendance::{Channel, Kind};
use hybride_domain::certificate::Signatory;
use hybride_domain::*;
use hybride_store::cohorts::{self, Activity, Cohort, NewActivity, NewCohort};
use hybride_store::people::{self, User};
use hybride_store::testing::TestDatabase;
use hybride_store::trainings::{self, NewStep, NewTraining, Training};
use hybride_store::{certificates as signatories, plans, Store};
use hybride_training::attendance::{self as att, Extra};
use hybride_training::i18n::{day_words, Lang};
use hybride_training::{certificates, checklist, closing, documents, Error};

fn account(email: &str, first: &str, last: &str, role: Role) -> NewAccount {
    NewAccount {
        email: Email::parse(email).unwrap(),
        last_name: PersonName::parse(last).unwrap(),
        first_name: PersonName::parse(first).unwrap(),
        role,
        establishment: None,
    }
}

fn step(title: &str, modality: Modality, minutes: u32) -> NewStep {
    NewStep {
        modality,
        learning_type: LearningType::Practice,
        title: Title::parse(title).unwrap(),
        collective: false,
        social: false,
        minutes: Minutes::new(minutes).unwrap(),
        instructions: LongText::parse("Faites-le.").unwrap(),
        resources: LongText::parse("").unwrap(),
        evidence: LongText::parse("Une fiche").unwrap(),
        evaluation: LongText::parse("").unwrap(),
        trainer_role: LongText::parse("").unwrap(),
        mandatory: true,
        credit_rule: hybride_domain::attendance::CreditRule::EstimateOnValidation,
    }
}

fn day(n: i64) -> jiff::civil::Date {
    hybride_domain::time::civil(hybride_store::now())
        .date()
        .checked_add(jiff::Span::new().days(n))
        .unwrap()
}

fn paris(d: jiff::civil::Date, hour: i8) -> jiff::Timestamp {
    d.at(hour, 0, 0, 0)
        .to_zoned(hybride_domain::time::paris())
        .unwrap()
        .timestamp()
}

/// A running cohort: its trainer, Léa and Tom, a workshop two days ago, a reading open from six
/// days ago until yesterday evening — Léa's declaration validated, Tom's awaiting a decision —
/// and, with `more_to_come`, a workshop in two days.
struct Fixture {
    training: Training,
    cohort: Cohort,
    trainer: User,
    lea: User,
    tom: User,
    reading: Activity,
}

async fn fixture(s: &Store, tag: &str, more_to_come: bool) -> Fixture {
    let mail = |who: &str| format!("{who}-{tag}@ac-lyon.fr");
    let pilot = people::create(
        s,
        &account(&mail("pilote"), "Paul", "Roux", Role::Pilot),
        None,
    )
    .await
    .unwrap();
    let trainer = people::create(
        s,
        &account(&mail("formatrice"), "Inès", "Petit", Role::Trainer),
        None,
    )
    .await
    .unwrap();
    let lea = people::create(
        s,
        &account(&mail("lea"), "Léa", "Fontaine", Role::Trainee),
        None,
    )
    .await
    .unwrap();
    let tom = people::create(
        s,
        &account(&mail("tom"), "Tom", "Morel", Role::Trainee),
        None,
    )
    .await
    .unwrap();
    let year = SchoolYear::containing(day(0));
    let plan = match plans::by_year(s, year).await.unwrap() {
        Some(p) => p,
        None => plans::create(s, year, &Title::parse("PAF").unwrap())
            .await
            .unwrap(),
    };
    let training = trainings::create(
        s,
        &NewTraining {
            plan_id: plan.id,
            dispositif_id: DispositifId::parse("26A0100123").unwrap(),
            module_id: ModuleId::parse(&format!("4821{}", tag.len())).unwrap(),
            title: Title::parse("Évaluer par compétences").unwrap(),
            objectives: LongText::parse("Construire des grilles.").unwrap(),
            public: LongText::parse("Professeurs de collège").unwrap(),
            in_person: Minutes::parse_hours("3").unwrap(),
            synchronous: Minutes::ZERO,
            asynchronous: Minutes::parse_hours("1").unwrap(),
            validation_criteria: LongText::parse("Présence et fiche rendue").unwrap(),
            min_attendance_percent: 80,
            pilot_id: pilot.id,
        },
    )
    .await
    .unwrap();
    let workshop = trainings::add_step(s, training.id, &step("Atelier", Modality::InPerson, 180))
        .await
        .unwrap();
    let reading = trainings::add_step(s, training.id, &step("Lecture", Modality::Async, 60))
        .await
        .unwrap();
    let c = cohorts::create(
        s,
        &NewCohort {
            training_id: training.id,
            label: Title::parse("Groupe 1").unwrap(),
            gaia_session_id: Some("4".into()),
            starts_on: day(-6),
            ends_on: day(2),
            course_url: None,
        },
    )
    .await
    .unwrap();
    cohorts::assign_trainer(s, c.id, trainer.id).await.unwrap();
    cohorts::enroll(s, c.id, &[lea.id, tom.id]).await.unwrap();
    let mut schedule = vec![
        (&workshop, day(-2), 9, day(-2), 12),
        (&reading, day(-6), 8, day(-1), 20),
    ];
    if more_to_come {
        schedule.push((&workshop, day(2), 9, day(2), 12));
    }
    let mut activities = Vec::new();
    for (st, d0, h0, d1, h1) in schedule {
        activities.push(
            cohorts::add_activity(
                s,
                c.id,
                &NewActivity {
                    step_id: Some(st.id),
                    title: Title::parse(&st.title).unwrap(),
                    modality: st.modality,
                    starts_at: paris(d0, h0),
                    ends_at: paris(d1, h1),
                    place: (st.modality == Modality::InPerson).then(|| "Salle 12".into()),
                    room_url: None,
                },
            )
            .await
            .unwrap(),
        );
    }
    for status in [CohortStatus::Ready, CohortStatus::Running] {
        cohorts::set_status(s, c.id, status).await.unwrap();
    }
    let reading = activities[1].clone();
    for u in [&lea, &tom] {
        let extra = Extra {
            minutes: Some(55),
            note: Some("Fiche de lecture déposée.".into()),
            ..Extra::default()
        };
        att::mark(
            s,
            &reading,
            None,
            u.id,
            Kind::Declared,
            Channel::Trainee,
            u.id,
            extra,
        )
        .await
        .unwrap();
    }
    validate(s, &reading, &trainer, &lea).await;
    Fixture {
        training,
        cohort: cohorts::get(s, c.id).await.unwrap(),
        trainer,
        lea,
        tom,
        reading,
    }
}

/// The trainer validates `trainee`'s declaration, crediting the step's estimate.
async fn validate(s: &Store, reading: &Activity, trainer: &User, trainee: &User) {
    let extra = Extra {
        minutes: Some(60),
        ..Extra::default()
    };
    att::mark(
        s,
        reading,
        None,
        trainee.id,
        Kind::Validated,
        Channel::Trainer,
        trainer.id,
        extra,
    )
    .await
    .unwrap();
}

fn refused(r: Result<Option<hybride_docs::Record>, Error>) -> &'static str {
    match r {
        Err(Error::Refused(why)) => why,
        other => panic!("refused expected: {:?}", other.map(|d| d.map(|d| d.title))),
    }
}

fn certificates_listed(list: &[documents::Entry]) -> Vec<i64> {
    list.iter()
        .filter_map(|e| match e.which {
            documents::Which::Certificate { user_id } => Some(user_id),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_certificate_exists_once_its_cohort_has_ended_signed_and_dated_by_that_end() {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let f = fixture(s, "encours", true).await;
    let (c, t) = (&f.cohort, &f.training);
    // Running, a workshop still to come: no certificate, and nobody reads its signatory.
    let r = documents::certificate(s, Lang::Fr, c, t, f.lea.id).await;
    assert_eq!(refused(r), "certificate_not_ended");
    let list = documents::list(s, Lang::Fr, c, t, None).await.unwrap();
    assert!(certificates_listed(&list).is_empty());
    let issuing = certificates::issuing(s, c).await.unwrap();
    assert_eq!(issuing.ended_at, None);
    assert_eq!(
        issuing.last_activity_end,
        Some(paris(day(2), 12).as_second())
    );

    // Its last activity over (not closed yet): ended then. Without a signatory, nothing.
    let f = fixture(s, "finie", false).await;
    let (c, t) = (&f.cohort, &f.training);
    let end = paris(day(-1), 20).as_second();
    let issuing = certificates::issuing(s, c).await.unwrap();
    assert_eq!(issuing.ended_at, Some(end));
    assert!(issuing.signatory_missing());
    let r = documents::certificate(s, Lang::Fr, c, t, f.lea.id).await;
    assert_eq!(refused(r), "certificate_unsigned");

    // Named now (after its end): the first named signs it, whoever comes after.
    let claire = Signatory::parse("Claire Martin", "Directrice de l’EAFC", "director").unwrap();
    certificates::name_signatory(s, &claire, &f.trainer)
        .await
        .unwrap();
    let later = Signatory::parse("Paul Roux", "Adjoint à la directrice", "delegate").unwrap();
    signatories::name(s, &later, None, hybride_store::now() + 60)
        .await
        .unwrap();
    let doc = documents::certificate(s, Lang::Fr, c, t, f.lea.id)
        .await
        .unwrap()
        .unwrap();
    let (label, block) = &doc.signatures[0];
    assert_eq!(label, "Pour l’EAFC");
    let dated = format!("Fait le {}", day_words(Lang::Fr, day(-1)));
    assert!(block.starts_with(&dated), "{block}");
    assert!(
        block.contains("Claire Martin") && !block.contains("Paul Roux"),
        "{block}"
    );
    assert!(
        doc.notes[0].starts_with("Claire Martin, Directrice de l’EAFC, atteste de la réalisation")
            && doc.notes[0].contains("par Léa Fontaine"),
        "{}",
        doc.notes[0]
    );
    // What she achieved: her reading credited (not « 0 min »), the workshop she missed.
    let reading = doc
        .rows
        .iter()
        .find(|r| r[0] == "Distanciel asynchrone")
        .unwrap();
    assert_eq!(reading[2], "1\u{a0}h", "{reading:?}");
    assert!(doc.notes[1].starts_with("Validation"), "{}", doc.notes[1]);

    // Tom's declaration awaits a decision: his certificate waits for it, hers is listed.
    let r = documents::certificate(s, Lang::Fr, c, t, f.tom.id).await;
    assert_eq!(refused(r), "certificate_declarations_pending");
    let list = documents::list(s, Lang::Fr, c, t, None).await.unwrap();
    assert_eq!(certificates_listed(&list), [f.lea.id]);
    validate(s, &f.reading, &f.trainer, &f.tom).await;
    let list = documents::list(s, Lang::Fr, c, t, None).await.unwrap();
    assert_eq!(certificates_listed(&list), [f.lea.id, f.tom.id]);
    assert!(documents::certificate(s, Lang::Fr, c, t, f.tom.id)
        .await
        .unwrap()
        .is_some());
}

#[tokio::test]
async fn a_cohort_closes_once_every_declaration_is_decided() {
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let f = fixture(s, "cloture", true).await;
    let c = &f.cohort;
    let pending = closing::pending(s, c).await.unwrap().declarations;
    assert_eq!(pending.len(), 1);
    assert_eq!(
        (pending[0].user_id, pending[0].activity_id),
        (f.tom.id, f.reading.id)
    );
    assert_eq!(pending[0].activity_title, "Lecture");
    assert!(pending[0].declared_at.is_some());
    assert!(matches!(
        closing::close(s, c, None).await,
        Err(Error::Refused("declarations_pending"))
    ));
    assert_eq!(
        cohorts::get(s, c.id).await.unwrap().status,
        CohortStatus::Running
    );
    // More asked of Tom: a decision; nothing awaits the trainer any more.
    let extra = Extra::note("Complétez la fiche.");
    att::mark(
        s,
        &f.reading,
        None,
        f.tom.id,
        Kind::MoreRequested,
        Channel::Trainer,
        f.trainer.id,
        extra,
    )
    .await
    .unwrap();
    let closed = closing::close(s, c, None).await.unwrap();
    assert_eq!(closed.status, CohortStatus::Closed);
    assert!(matches!(
        closing::close(s, &closed, None).await,
        Err(Error::Refused("status_transition"))
    ));

    // Closed, ended, but nobody signs: the checklist says so and the bundle is not made.
    let items = checklist::after(s, &closed, &f.training).await.unwrap();
    let documents_item = items.iter().find(|i| i.key == "admin_documents").unwrap();
    assert_eq!(
        documents_item.status,
        hybride_domain::checklist::Status::Todo
    );
    assert_eq!(documents_item.evidence[0].key, "evidence-signatory-missing");
    let bundle = documents::bundle(s, Lang::Fr, &closed, &f.training, None, |_, _| {}).await;
    assert!(matches!(bundle, Err(Error::Refused("bundle_unsigned"))));
    let claire = Signatory::parse("Claire Martin", "Directrice de l’EAFC", "director").unwrap();
    certificates::name_signatory(s, &claire, &f.trainer)
        .await
        .unwrap();
    let items = checklist::after(s, &closed, &f.training).await.unwrap();
    let documents_item = items.iter().find(|i| i.key == "admin_documents").unwrap();
    assert!(documents_item
        .evidence
        .iter()
        .all(|e| e.key != "evidence-signatory-missing"));
    let bundle = documents::bundle(s, Lang::Fr, &closed, &f.training, None, |_, _| {})
        .await
        .unwrap();
    assert!(bundle.documents > 2);
}
