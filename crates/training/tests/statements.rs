//! How many SQL statements the busiest paths cost: a trainee signing with the code the trainer
//! shows, the sheet of a half-day (as the page reads it and as its PDF is gathered), and each
//! kind of document. Each path is counted on a small cohort and on one with many more trainees,
//! trainers, activities and marks: the counts must be the same (everything is gathered by
//! cohort or by half-day, never per trainee or per activity), and within the bound stated here.
//!
//! Runs on SQLite by default and on PostgreSQL when `HYBRIDE_TEST_DATABASE_URL` is set; the
//! counts are the same on both (see `hybride_store::testing::StatementCounter`). The tests of
//! this file take turns: the count is process-wide.

use hybride_domain::accounts::NewAccount;
use hybride_domain::attendance::{Channel, Kind};
use hybride_domain::pay::{Lump, LumpKind, TrainerStatus};
use hybride_domain::*;
use hybride_store::attendance::{self as record, NewMark};
use hybride_store::cohorts::{self, Activity, NewActivity, NewCohort};
use hybride_store::people::{self, User};
use hybride_store::testing::{StatementCounter, Statements, TestDatabase};
use hybride_store::trainings::{self, NewStep, NewTraining, Step, Training};
use hybride_store::{after, before, plans, Store};
use hybride_training::attendance as att;
use hybride_training::documents;
use hybride_training::i18n::Lang;

/// The most statements each path may cost, whatever the cohort's size. (Before each path gathered
/// its facts by cohort or by half-day, they cost, small cohort → large one: signing 8 → 16, the
/// sheet's page 4 → 6 and PDF 7 → 9, a pay form 28 → 84, a certificate 9, a trainee's distance
/// work 9 → 15, a convocation 5.)
const SIGN_WITH_CODE: usize = 5;
const SHEET_PAGE: usize = 3;
const SHEET_PDF: usize = 6;
const PAY_FORM: usize = 11;
/// What the checklist, the pay pages and the dashboard read of a cohort's record (before: four,
/// then three more for each half-day held and each asynchronous activity).
const RECORD_FACTS: usize = 6;
/// Once its cohort has ended; the ninth reads the signatory in office at that end.
const CERTIFICATE: usize = 9;
const DECLARATIONS: usize = 7;
const CONVOCATION: usize = 5;

/// How big a seeded cohort is.
struct Size {
    trainees: usize,
    trainers: usize,
    /// Past in-person days (two half-days each), countersigned.
    days: usize,
    /// In-person activities under way now.
    current: usize,
    asynchronous: usize,
    virtual_classes: usize,
}

const SMALL: Size = Size {
    trainees: 2,
    trainers: 1,
    days: 1,
    current: 1,
    asynchronous: 1,
    virtual_classes: 1,
};

const LARGE: Size = Size {
    trainees: 14,
    trainers: 3,
    days: 4,
    current: 3,
    asynchronous: 3,
    virtual_classes: 2,
};

/// A seeded cohort and what the paths need of it.
struct Seeded {
    cohort: cohorts::Cohort,
    trainers: Vec<User>,
    trainees: Vec<User>,
    /// Past in-person days.
    days: Vec<Activity>,
    /// In-person activities under way.
    current: Vec<Activity>,
    virtual_classes: Vec<Activity>,
}

fn account(email: &str, role: Role) -> NewAccount {
    NewAccount {
        email: Email::parse(email).unwrap(),
        last_name: PersonName::parse("Durand").unwrap(),
        first_name: PersonName::parse("Camille").unwrap(),
        role,
        establishment: Some("Collège Jean Moulin".into()),
    }
}

fn step(title: &str, modality: Modality) -> NewStep {
    NewStep {
        modality,
        learning_type: LearningType::Practice,
        title: Title::parse(title).unwrap(),
        collective: false,
        social: false,
        minutes: Minutes::new(180).unwrap(),
        instructions: LongText::parse("Faites-le.").unwrap(),
        resources: LongText::parse("").unwrap(),
        evidence: LongText::parse("Un compte rendu").unwrap(),
        evaluation: LongText::parse("").unwrap(),
        trainer_role: LongText::parse("").unwrap(),
        mandatory: true,
        credit_rule: hybride_domain::attendance::CreditRule::EstimateOnValidation,
    }
}

/// A training with one step of each modality, its validation rules and pay band.
async fn training(s: &Store) -> (Training, Vec<Step>) {
    let pilot = people::create(s, &account("pilote@ac-lyon.fr", Role::Pilot), None)
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
            objectives: LongText::parse("Construire des grilles.").unwrap(),
            public: LongText::parse("Professeurs de collège").unwrap(),
            in_person: Minutes::parse_hours("12").unwrap(),
            synchronous: Minutes::parse_hours("3").unwrap(),
            asynchronous: Minutes::parse_hours("6").unwrap(),
            validation_criteria: LongText::parse("Présence à 80 %").unwrap(),
            min_attendance_percent: 80,
            pilot_id: pilot.id,
        },
    )
    .await
    .unwrap();
    for (title, modality) in [
        ("Atelier", Modality::InPerson),
        ("Classe virtuelle", Modality::VirtualClass),
        ("Travail à distance", Modality::Async),
    ] {
        trainings::add_step(s, t.id, &step(title, modality))
            .await
            .unwrap();
    }
    before::save_validation_rules(
        s,
        t.id,
        &before::ValidationInput {
            min_in_person_percent: 80,
            min_synchronous_percent: 70,
            min_asynchronous_percent: 50,
            mandatory_steps_required: true,
            evaluation_required: false,
            half_day_threshold_percent: 75,
        },
    )
    .await
    .unwrap();
    after::set_training_after(
        s,
        t.id,
        after::TrainingAfter {
            pay_band: hybride_domain::pay::Band::Deepening,
            contents_months: 24,
        },
    )
    .await
    .unwrap();
    let steps = trainings::steps(s, t.id).await.unwrap();
    (t, steps)
}

fn at(day: jiff::civil::Date, hour: i8, minute: i8) -> jiff::Timestamp {
    day.at(hour, minute, 0, 0)
        .to_zoned(hybride_domain::time::paris())
        .unwrap()
        .timestamp()
}

fn today() -> jiff::civil::Date {
    hybride_domain::time::civil(hybride_store::now()).date()
}

fn days_ago(n: i64) -> jiff::civil::Date {
    today().checked_sub(jiff::Span::new().days(n)).unwrap()
}

async fn activity(
    s: &Store,
    cohort: i64,
    step: &Step,
    title: String,
    starts_at: jiff::Timestamp,
    ends_at: jiff::Timestamp,
) -> Activity {
    cohorts::add_activity(
        s,
        cohort,
        &NewActivity {
            step_id: Some(step.id),
            title: Title::parse(&title).unwrap(),
            modality: step.modality,
            starts_at,
            ends_at,
            place: (step.modality == Modality::InPerson).then(|| format!("Salle {title}")),
            room_url: (step.modality == Modality::VirtualClass)
                .then(|| "https://visio.example/x".to_owned()),
        },
    )
    .await
    .unwrap()
}

#[allow(clippy::too_many_arguments)]
async fn mark(
    s: &Store,
    a: &Activity,
    slot: Option<String>,
    subject: i64,
    kind: Kind,
    channel: Channel,
    actor: i64,
    minutes: Option<i64>,
    note: Option<&str>,
) {
    record::record(
        s,
        &NewMark {
            cohort_id: a.cohort_id,
            activity_id: a.id,
            slot,
            subject_id: subject,
            kind,
            channel,
            actor_id: actor,
            at: hybride_store::now(),
            device: (channel == Channel::Code).then(|| format!("device-{subject}")),
            minutes,
            moment: None,
            note: note.map(str::to_owned),
            document: None,
            attests: None,
        },
    )
    .await
    .unwrap();
}

/// A running cohort of `size`, with its record: signatures, an absence and two
/// countersignatures (co-animation) on each past half-day, connections to the virtual classes,
/// declarations of asynchronous work (half of them validated), a trainer's pay profile and lump
/// sum.
async fn cohort(s: &Store, t: &Training, steps: &[Step], tag: &str, size: &Size) -> Seeded {
    let step_of = |m: Modality| steps.iter().find(|x| x.modality == m).unwrap();
    let mut trainers = Vec::new();
    for i in 0..size.trainers {
        let email = format!("formateur{i}-{tag}@ac-lyon.fr");
        trainers.push(
            people::create(s, &account(&email, Role::Trainer), None)
                .await
                .unwrap(),
        );
    }
    let mut trainees = Vec::new();
    for i in 0..size.trainees {
        let email = format!("stagiaire{i}-{tag}@ac-lyon.fr");
        trainees.push(
            people::create(s, &account(&email, Role::Trainee), None)
                .await
                .unwrap(),
        );
    }
    let c = cohorts::create(
        s,
        &NewCohort {
            training_id: t.id,
            label: Title::parse(&format!("Groupe {tag}")).unwrap(),
            gaia_session_id: Some(format!("GAIA-{tag}")),
            starts_on: days_ago(30),
            ends_on: today().checked_add(jiff::Span::new().days(30)).unwrap(),
            course_url: None,
        },
    )
    .await
    .unwrap();
    for u in &trainers {
        cohorts::assign_trainer(s, c.id, u.id).await.unwrap();
    }
    let ids: Vec<i64> = trainees.iter().map(|u| u.id).collect();
    cohorts::enroll(s, c.id, &ids).await.unwrap();
    let mut days = Vec::new();
    for d in 0..size.days {
        let day = days_ago(2 + d as i64);
        let step = step_of(Modality::InPerson);
        days.push(
            activity(
                s,
                c.id,
                step,
                format!("Atelier {d}"),
                at(day, 9, 0),
                at(day, 17, 0),
            )
            .await,
        );
    }
    let mut current = Vec::new();
    let now = jiff::Timestamp::now();
    for i in 0..size.current {
        let starts = now - jiff::SignedDuration::from_mins(60 - 5 * i as i64);
        let ends = now + jiff::SignedDuration::from_mins(60);
        let step = step_of(Modality::InPerson);
        current.push(activity(s, c.id, step, format!("En cours {i}"), starts, ends).await);
    }
    let mut virtual_classes = Vec::new();
    for v in 0..size.virtual_classes {
        let day = days_ago(10 + v as i64);
        let step = step_of(Modality::VirtualClass);
        let title = format!("Classe virtuelle {v}");
        virtual_classes.push(activity(s, c.id, step, title, at(day, 14, 0), at(day, 15, 30)).await);
    }
    let mut asynchronous = Vec::new();
    for w in 0..size.asynchronous {
        let step = step_of(Modality::Async);
        let title = format!("Travail {w}");
        let (starts, ends) = (at(days_ago(20), 8, 0), at(days_ago(1), 20, 0));
        asynchronous.push(activity(s, c.id, step, title, starts, ends).await);
    }
    let c = cohorts::set_status(s, c.id, CohortStatus::Ready)
        .await
        .unwrap();
    let c = cohorts::set_status(s, c.id, CohortStatus::Running)
        .await
        .unwrap();
    for a in &days {
        for slot in att::slots(a, steps) {
            let key = Some(slot.key());
            let (absent, present) = trainees.split_last().unwrap();
            for u in present {
                mark(
                    s,
                    a,
                    key.clone(),
                    u.id,
                    Kind::Signed,
                    Channel::Code,
                    u.id,
                    None,
                    None,
                )
                .await;
            }
            let (t0, note) = (trainers[0].id, Some("Malade"));
            mark(
                s,
                a,
                key.clone(),
                absent.id,
                Kind::Absent,
                Channel::Trainer,
                t0,
                None,
                note,
            )
            .await;
            for tr in trainers.iter().take(2) {
                let (kind, ch) = (Kind::Countersigned, Channel::Trainer);
                mark(s, a, key.clone(), tr.id, kind, ch, tr.id, None, None).await;
            }
        }
    }
    for a in &virtual_classes {
        let key = att::slots(a, steps).first().map(|x| x.key());
        for u in &trainees {
            let ch = Channel::Bbb;
            mark(
                s,
                a,
                key.clone(),
                u.id,
                Kind::Connected,
                ch,
                u.id,
                Some(80),
                None,
            )
            .await;
        }
    }
    for a in &asynchronous {
        for (i, u) in trainees.iter().enumerate() {
            let (kind, ch, note) = (Kind::Declared, Channel::Trainee, Some("Mon compte rendu"));
            mark(s, a, None, u.id, kind, ch, u.id, Some(150), note).await;
            if i % 2 == 0 {
                let (kind, ch) = (Kind::Validated, Channel::Trainer);
                mark(s, a, None, u.id, kind, ch, trainers[0].id, Some(180), None).await;
            }
        }
    }
    for a in &current {
        record::signing_secret(s, a.id).await.unwrap();
    }
    let payee = trainers[0].id;
    after::set_pay_profile(s, payee, TrainerStatus::Civil, "Certifié", "Collège")
        .await
        .unwrap();
    let lump = Lump {
        kind: LumpKind::Engineering,
        cents: 10_000,
        note: "Ressources".into(),
    };
    after::add_lump(s, c.id, payee, &lump, payee).await.unwrap();
    Seeded {
        cohort: c,
        trainers,
        trainees,
        days,
        current,
        virtual_classes,
    }
}

/// The training and its two cohorts, small and large.
async fn seed(s: &Store) -> (Training, Vec<Step>, Seeded, Seeded) {
    let (t, steps) = training(s).await;
    let small = cohort(s, &t, &steps, "petit", &SMALL).await;
    let large = cohort(s, &t, &steps, "grand", &LARGE).await;
    (t, steps, small, large)
}

/// A path's counts on the small and the large cohort, and its bound.
type Counted<'a> = (&'a str, usize, &'a Statements, &'a Statements);

/// Prints every path's counts, then checks that each path costs the same on both cohorts and
/// stays within its bound.
fn check(paths: &[Counted<'_>]) {
    for (path, bound, small, large) in paths {
        eprintln!(
            "statements: {path}: {} (small cohort), {} (large cohort), bound {bound}",
            small.len(),
            large.len()
        );
    }
    for (path, bound, small, large) in paths {
        assert_eq!(
            small.len(),
            large.len(),
            "{path} costs more statements for a larger cohort\nsmall: {small}\nlarge: {large}"
        );
        assert!(
            small.len() <= *bound,
            "{path} costs more than {bound} statements\n{small}"
        );
    }
}

#[tokio::test]
async fn signing_with_a_code() {
    let counter = StatementCounter::start().await;
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let (_, steps, small, large) = seed(s).await;
    let mut counts = Vec::new();
    for c in [&small, &large] {
        // The code of the last activity under way, as its trainer's screen shows it now.
        let a = c.current.last().unwrap();
        let secret = record::signing_secret(s, a.id).await.unwrap();
        let now = hybride_store::now();
        let slot = att::slot_at(&att::slots(a, &steps), now).unwrap();
        let code = att::code(&secret, a.id, &slot.key(), att::window(now));
        let trainee = c.trainees[0].id;
        let work = att::sign_with_code(s, trainee, &code, "device".into());
        let (signed, statements) = counter.count(s, work).await;
        let (list, found) = signed.unwrap();
        let (i, fresh) = found.expect("the code is accepted");
        assert!(fresh);
        assert_eq!(list[i].activity.id, a.id);
        counts.push(statements);
    }
    check(&[(
        "signing with a code",
        SIGN_WITH_CODE,
        &counts[0],
        &counts[1],
    )]);
}

#[tokio::test]
async fn the_sheet_of_a_half_day() {
    let counter = StatementCounter::start().await;
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let (t, steps, small, large) = seed(s).await;
    let rules = att::rules_of(s, &t).await.unwrap();
    let (mut page, mut pdf) = (Vec::new(), Vec::new());
    for c in [&small, &large] {
        let a = &c.days[0];
        let slot = att::slots(a, &steps)[0];
        let work = att::sheet(s, &c.cohort, a, &steps, Some(slot), &rules);
        let (sheet, statements) = counter.count(s, work).await;
        let sheet = sheet.unwrap();
        assert_eq!(sheet.total, c.trainees.len());
        assert_eq!(sheet.countersigners.len(), c.trainers.len().min(2));
        page.push(statements);
        let work = documents::sheet(s, Lang::Fr, &c.cohort, &t, a, &steps, Some(slot));
        let (doc, statements) = counter.count(s, work).await;
        assert_eq!(doc.unwrap().rows.len(), c.trainees.len());
        pdf.push(statements);
    }
    check(&[
        ("sheet of a half-day (page)", SHEET_PAGE, &page[0], &page[1]),
        ("sheet of a half-day (PDF)", SHEET_PDF, &pdf[0], &pdf[1]),
    ]);
}

#[tokio::test]
async fn a_pay_form() {
    let counter = StatementCounter::start().await;
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let (t, _, small, large) = seed(s).await;
    let mut counts = Vec::new();
    for c in [&small, &large] {
        let trainer = c.trainers[0].id;
        let work = documents::pay_form(s, Lang::Fr, &c.cohort, &t, trainer);
        let (doc, statements) = counter.count(s, work).await;
        let doc = doc
            .unwrap()
            .expect("a trainer of the cohort has a pay form");
        // One line per half-day led (in person or virtual), and the lump sum.
        assert_eq!(
            doc.rows.len(),
            2 * c.days.len() + c.virtual_classes.len() + 1
        );
        counts.push(statements);
    }
    check(&[("pay form", PAY_FORM, &counts[0], &counts[1])]);
}

#[tokio::test]
async fn the_facts_of_a_cohorts_record() {
    let counter = StatementCounter::start().await;
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let (t, _, small, large) = seed(s).await;
    let mut counts = Vec::new();
    for c in [&small, &large] {
        let work = hybride_training::pay::record_facts(s, &c.cohort, &t);
        let (facts, statements) = counter.count(s, work).await;
        let facts = facts.unwrap();
        assert_eq!(facts.led.len(), 2 * c.days.len() + c.virtual_classes.len());
        counts.push(statements);
    }
    check(&[("record facts", RECORD_FACTS, &counts[0], &counts[1])]);
}

#[tokio::test]
async fn a_certificate() {
    let counter = StatementCounter::start().await;
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let (t, _, small, large) = seed(s).await;
    // A certificate exists once its cohort has ended, signed.
    let signatory =
        hybride_domain::certificate::Signatory::parse("Claire Martin", "Directrice", "director")
            .unwrap();
    hybride_store::certificates::name(s, &signatory, None, hybride_store::now())
        .await
        .unwrap();
    let mut counts = Vec::new();
    for c in [&small, &large] {
        let trainee = c.trainees[0].id;
        let closed = cohorts::set_status(s, c.cohort.id, CohortStatus::Closed)
            .await
            .unwrap();
        let work = documents::certificate(s, Lang::Fr, &closed, &t, trainee);
        let (doc, statements) = counter.count(s, work).await;
        assert!(doc.unwrap().is_some());
        counts.push(statements);
    }
    check(&[("certificate", CERTIFICATE, &counts[0], &counts[1])]);
}

#[tokio::test]
async fn the_other_documents_of_a_trainee() {
    let counter = StatementCounter::start().await;
    let db = TestDatabase::new().await.unwrap();
    let s = &db.store;
    let (t, _, small, large) = seed(s).await;
    let (mut declarations, mut convocations) = (Vec::new(), Vec::new());
    for c in [&small, &large] {
        let trainee = c.trainees[0].id;
        let work = documents::declarations(s, Lang::Fr, &c.cohort, &t, trainee);
        let (doc, statements) = counter.count(s, work).await;
        assert!(doc.unwrap().is_some());
        declarations.push(statements);
        let work = documents::convocation(s, Lang::Fr, &c.cohort, &t, trainee);
        let (doc, statements) = counter.count(s, work).await;
        assert!(doc.unwrap().is_some());
        convocations.push(statements);
    }
    check(&[
        (
            "declarations table",
            DECLARATIONS,
            &declarations[0],
            &declarations[1],
        ),
        (
            "convocation",
            CONVOCATION,
            &convocations[0],
            &convocations[1],
        ),
    ]);
}
