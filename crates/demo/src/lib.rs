//! The demo académie: a realistic plan, people, trainings and cohorts, seeded once.
//!
//! Everything is derived from the [`catalogue`] with fixed arithmetic (no randomness source), so the
//! same académie comes out every time for a given `today`. Cohorts are placed around `today` so that
//! the demo always shows finished, running, ready and draft sessions, and the demo trainer always has
//! an activity on the day the demo is shown.
//!
//! The seed goes through the store's public functions only. It is not one transaction: the demo admin
//! account is created last and marks a complete seed, so that an interrupted seed fails loudly on the
//! next attempt rather than leaving half an académie that looks finished.

pub mod catalogue;
pub mod lived;

use catalogue::{StepSpec, ESTABLISHMENTS, FIRST_NAMES, LAST_NAMES, TRAININGS};
use hybride_domain::accounts::NewAccount;
use hybride_domain::{
    CohortStatus, DispositifId, Email, Invalid, LearningType, LongText, Minutes, Modality,
    ModuleId, PersonName, Role, SchoolYear, Title,
};
use hybride_store::cohorts::{self, NewActivity, NewCohort};
use hybride_store::trainings::{self, NewStep, NewTraining};
use hybride_store::{people, plans, Store, StoreError};
use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use std::collections::{HashMap, HashSet};

/// The password of the demo accounts (and of every demo pilot and trainer).
pub const DEMO_PASSWORD: &str = "demo";

/// The four accounts the demo is shown with.
pub const DEMO_ACCOUNTS: [(&str, Role); 4] = [
    ("admin@demo.hybride.test", Role::Admin),
    ("pilote@demo.hybride.test", Role::Pilot),
    ("formateur@demo.hybride.test", Role::Trainer),
    ("stagiaire@demo.hybride.test", Role::Trainee),
];

/// What a call to [`seed`] created. All zero (and `created == false`) when the demo was already there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedSummary {
    pub created: bool,
    pub users: usize,
    pub trainings: usize,
    pub cohorts: usize,
    pub enrollments: usize,
    pub activities: usize,
}

/// Seeds the demo académie unless `admin@demo.hybride.test` already exists.
///
/// `password_hash` is the Argon2 PHC string of [`DEMO_PASSWORD`] (computed by the caller, which owns
/// hashing); it is given to the four demo accounts and to every pilot and trainer. `today` is the date
/// (Europe/Paris) around which cohorts are placed.
pub async fn seed(
    store: &Store,
    password_hash: &str,
    today: Date,
) -> Result<SeedSummary, StoreError> {
    let admin_email = Email::parse(DEMO_ACCOUNTS[0].0).map_err(refused)?;
    if people::by_email(store, &admin_email).await?.is_some() {
        return Ok(SeedSummary::default());
    }
    let tz = TimeZone::get(TIME_ZONE).map_err(|_| StoreError::Refused("demo_time_zone"))?;
    let cast = cast();
    let schedule = cohort_plans(today);
    let mut summary = SeedSummary {
        created: true,
        ..SeedSummary::default()
    };

    // Plans: the school year containing `today`, and the previous one (empty).
    let year = SchoolYear::containing(today);
    let plan = ensure_plan(store, year).await?;
    let previous = SchoolYear::starting(year.start_year() - 1).map_err(refused)?;
    ensure_plan(store, previous).await?;

    // People: everyone but the demo admin in one all-or-nothing import.
    let mut batch = Vec::new();
    for p in cast
        .pilots
        .iter()
        .chain(&cast.trainers)
        .chain(&cast.trainees)
    {
        batch.push(p.account()?);
    }
    if people::import(store, &batch).await?.is_err() {
        return Err(StoreError::Conflict("email"));
    }
    summary.users = batch.len();
    let ids = user_ids(store).await?;
    let id_of = |p: &PersonSpec| ids.get(&p.email).copied().ok_or(StoreError::NotFound);
    let pilot_ids = cast
        .pilots
        .iter()
        .map(id_of)
        .collect::<Result<Vec<_>, _>>()?;
    let trainer_ids = cast
        .trainers
        .iter()
        .map(id_of)
        .collect::<Result<Vec<_>, _>>()?;
    let trainee_ids = cast
        .trainees
        .iter()
        .map(id_of)
        .collect::<Result<Vec<_>, _>>()?;
    for &id in pilot_ids.iter().chain(&trainer_ids) {
        people::set_password(store, id, password_hash).await?;
    }
    people::set_password(store, trainee_ids[0], password_hash).await?;

    // Trainings, their scenario and their trainers.
    let mut training_ids = Vec::new();
    let mut step_ids: Vec<Vec<i64>> = Vec::new();
    for (i, spec) in TRAININGS.iter().enumerate() {
        let (in_person, synchronous, asynchronous) = hours(spec.steps)?;
        let dispositif = format!("{:02}{}", year.start_year() % 100, &spec.dispositif[2..]);
        let training = trainings::create(
            store,
            &NewTraining {
                plan_id: plan.id,
                dispositif_id: DispositifId::parse(&dispositif).map_err(refused)?,
                module_id: ModuleId::parse(spec.module).map_err(refused)?,
                title: Title::parse(spec.title).map_err(refused)?,
                objectives: LongText::parse(spec.objectives).map_err(refused)?,
                public: LongText::parse(spec.public).map_err(refused)?,
                in_person,
                synchronous,
                asynchronous,
                validation_criteria: LongText::parse(spec.validation).map_err(refused)?,
                min_attendance_percent: spec.min_attendance_percent,
                pilot_id: pilot_ids[TRAINING_PILOT[i]],
            },
        )
        .await?;
        let mut ids = Vec::new();
        for step in spec.steps {
            ids.push(
                trainings::add_step(store, training.id, &new_step(step)?)
                    .await?
                    .id,
            );
        }
        for &t in &TRAINING_TRAINERS[i] {
            trainings::assign_trainer(store, training.id, trainer_ids[t]).await?;
        }
        training_ids.push(training.id);
        step_ids.push(ids);
    }
    summary.trainings = training_ids.len();
    prepare(store, &training_ids, &trainer_ids, pilot_ids[0], today).await?;

    // Cohorts: trainers, trainees, activities, then the lifecycle up to their status.
    for c in &schedule {
        let spec = &TRAININGS[c.spec.training];
        let cohort = cohorts::create(
            store,
            &NewCohort {
                training_id: training_ids[c.spec.training],
                label: Title::parse(&c.label).map_err(refused)?,
                gaia_session_id: Some(c.spec.group.to_string()),
                starts_on: c.starts_on(),
                ends_on: c.ends_on(),
                course_url: c.course_url.clone(),
            },
        )
        .await?;
        for &t in c.spec.trainers {
            cohorts::assign_trainer(store, cohort.id, trainer_ids[t]).await?;
        }
        let enrolled: Vec<i64> = c.trainees.iter().map(|&t| trainee_ids[t]).collect();
        summary.enrollments += cohorts::enroll(store, cohort.id, &enrolled).await?;
        for slot in &c.slots {
            let step = &spec.steps[slot.step];
            let modality = modality(step)?;
            let (place, room_url) = match modality {
                Modality::InPerson => (Some(c.place.to_owned()), None),
                Modality::VirtualClass | Modality::Webinar => (None, c.room_url.clone()),
                Modality::Async => (None, None),
            };
            cohorts::add_activity(
                store,
                cohort.id,
                &NewActivity {
                    step_id: Some(step_ids[c.spec.training][slot.step]),
                    title: Title::parse(step.title).map_err(refused)?,
                    modality,
                    starts_at: instant(&tz, slot.start)?,
                    ends_at: instant(&tz, slot.end)?,
                    place,
                    room_url,
                },
            )
            .await?;
            summary.activities += 1;
        }
        for next in lifecycle_to(c.status()) {
            cohorts::set_status(store, cohort.id, *next).await?;
        }
        summary.cohorts += 1;
    }

    // The catalogue of free-access courses, and what the first trainings recommend.
    let courses: Vec<hybride_store::courses::NewCourse> = OPEN_COURSES
        .iter()
        .map(
            |(title, provider, url, minutes, themes)| hybride_store::courses::NewCourse {
                title: (*title).to_owned(),
                provider: (*provider).to_owned(),
                url: (*url).to_owned(),
                minutes: *minutes,
                themes: (*themes).to_owned(),
            },
        )
        .collect();
    hybride_store::courses::add_all(store, &courses, pilot_ids[0])
        .await
        .map_err(|(_, e)| e)?;
    let catalogue = hybride_store::courses::list(store).await?;
    for (i, training) in training_ids.iter().enumerate().take(6) {
        for course in catalogue.iter().skip(i % 3).step_by(3).take(2) {
            hybride_store::courses::recommend(store, *training, course.id, pilot_ids[0]).await?;
        }
    }

    // Last: the demo admin, whose existence marks a complete seed.
    people::create(store, &cast.admin.account()?, Some(password_hash)).await?;
    summary.users += 1;

    tracing::info!(
        users = summary.users,
        trainings = summary.trainings,
        cohorts = summary.cohorts,
        enrollments = summary.enrollments,
        activities = summary.activities,
        plan = %year,
        "demo académie seeded"
    );
    Ok(summary)
}

/// What trainers and pilots prepare before trainings: accompaniment plans (one training left
/// without, to show the checklist at work), validation rules, the register of trainers
/// qualified in hybrid delivery (all but one), equipment checks, and the zone's holidays.
async fn prepare(
    store: &Store,
    training_ids: &[i64],
    trainer_ids: &[i64],
    demo_pilot: i64,
    today: Date,
) -> Result<(), StoreError> {
    use hybride_store::before::{self, AccompanimentInput, EquipmentInput, ValidationInput};
    for (i, &tid) in training_ids.iter().enumerate() {
        let spec = &TRAININGS[i];
        if i + 1 < training_ids.len() {
            before::save_accompaniment(
                store,
                tid,
                &AccompanimentInput {
                    channels: "Forum du parcours M@gistère ; messagerie académique des formateurs".into(),
                    response_hours: if i % 3 == 0 { 72 } else { 48 },
                    working_days_only: true,
                    tutoring_slots: if i % 2 == 0 {
                        "Mercredi de 14 h à 15 h, en classe virtuelle".into()
                    } else {
                        "Jeudi de 17 h à 18 h, en classe virtuelle, sur inscription".into()
                    },
                    technical_contact: "Assistance EAFC : assistance.eafc@ac-demo.fr, 04 72 00 00 00".into(),
                    exchange_hours: "Réponses du lundi au vendredi, de 8 h à 18 h ; aucune le week-end ni pendant les vacances scolaires".into(),
                },
            )
            .await?;
        }
        let p = spec.min_attendance_percent;
        before::save_validation_rules(
            store,
            tid,
            &ValidationInput {
                min_in_person_percent: p,
                min_synchronous_percent: p,
                min_asynchronous_percent: p.saturating_sub(5),
                mandatory_steps_required: true,
                evaluation_required: i % 4 == 0,
                half_day_threshold_percent: 80,
            },
        )
        .await?;
    }
    let trained_on = today.saturating_sub(75.days());
    for (i, &t) in trainer_ids.iter().enumerate() {
        if i == 7 {
            continue; // one trainer not yet trained in hybrid delivery: flagged to the pilot
        }
        before::add_qualification(
            store,
            t,
            trained_on.saturating_add((i as i64 * 3).days()),
            demo_pilot,
            "Atelier « Former en hybride » (6 h) : scénariser en articulant les modalités, animer une classe virtuelle, accompagner à distance.",
        )
        .await?;
    }
    // Tested well before the first synchronous activity of any demo cohort.
    let tested_at = TimeZone::get(TIME_ZONE)
        .ok()
        .and_then(|tz| today.saturating_sub(60.days()).to_zoned(tz).ok())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0);
    for (i, &t) in trainer_ids.iter().enumerate() {
        if i == 5 || i == 7 {
            continue; // equipment not tested yet
        }
        let screen = if i == 3 { "failed" } else { "ok" };
        before::record_equipment_check_at(
            store,
            t,
            &EquipmentInput {
                microphone: "ok".into(),
                speakers: "ok".into(),
                camera: if i % 2 == 0 {
                    "ok".into()
                } else {
                    "skipped".into()
                },
                screen_share: screen.into(),
                round_trip_ms: Some(18 + i as u32 * 4),
                browser: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0".into(),
            },
            tested_at,
        )
        .await?;
    }
    // Zone A (Lyon, Grenoble): the official 2025-2026 calendar; the académie enters the next.
    before::set_setting(store, "school_zone", "A").await?;
    let holidays = [
        ("Vacances de la Toussaint", (2025, 10, 18), (2025, 11, 2)),
        ("Vacances de Noël", (2025, 12, 20), (2026, 1, 4)),
        ("Vacances d’hiver", (2026, 2, 7), (2026, 2, 22)),
        ("Vacances de printemps", (2026, 4, 4), (2026, 4, 19)),
        ("Pont de l’Ascension", (2026, 5, 15), (2026, 5, 16)),
        ("Vacances d’été", (2026, 7, 4), (2026, 8, 31)),
    ];
    for (label, a, b) in holidays {
        let first = Date::new(a.0, a.1, a.2).map_err(|_| StoreError::Refused("demo_date"))?;
        let last = Date::new(b.0, b.1, b.2).map_err(|_| StoreError::Refused("demo_date"))?;
        before::add_school_holiday(store, "A", label, first, last).await?;
    }
    Ok(())
}

const TIME_ZONE: &str = "Europe/Paris";
const MAIL_DOMAIN: &str = "ac-demo.fr";

fn refused(e: Invalid) -> StoreError {
    StoreError::Refused(e.key)
}

async fn ensure_plan(store: &Store, year: SchoolYear) -> Result<plans::Plan, StoreError> {
    if let Some(plan) = plans::by_year(store, year).await? {
        return Ok(plan);
    }
    let title = Title::parse(&format!("Plan académique de formation {year}")).map_err(refused)?;
    plans::create(store, year, &title).await
}

/// E-mail → id of every pilot, trainer and trainee (the import does not return ids).
async fn user_ids(store: &Store) -> Result<HashMap<String, i64>, StoreError> {
    const PAGE: i64 = 1000;
    let mut ids = HashMap::new();
    for role in [Role::Pilot, Role::Trainer, Role::Trainee] {
        let mut offset = 0;
        loop {
            let filter = people::UserFilter {
                role: Some(role),
                limit: PAGE,
                offset,
                ..Default::default()
            };
            let page = people::list(store, &filter).await?;
            let n = page.len() as i64;
            ids.extend(page.into_iter().map(|u| (u.email, u.id)));
            if n < PAGE {
                break;
            }
            offset += PAGE;
        }
    }
    Ok(ids)
}

fn instant(tz: &TimeZone, at: DateTime) -> Result<Timestamp, StoreError> {
    at.to_zoned(tz.clone())
        .map(|z| z.timestamp())
        .map_err(|_| StoreError::Refused("demo_time_zone"))
}

fn modality(step: &StepSpec) -> Result<Modality, StoreError> {
    Modality::parse(step.modality).map_err(refused)
}

/// The declared hours: the scenario's minutes summed by budget (in person, synchronous, asynchronous).
fn hours(steps: &[StepSpec]) -> Result<(Minutes, Minutes, Minutes), StoreError> {
    use hybride_domain::modality::HoursBudget;
    let (mut p, mut s, mut a) = (0, 0, 0);
    for step in steps {
        match modality(step)?.budget() {
            HoursBudget::InPerson => p += step.minutes,
            HoursBudget::Synchronous => s += step.minutes,
            HoursBudget::Asynchronous => a += step.minutes,
        }
    }
    let m = |x| Minutes::new(x).map_err(refused);
    Ok((m(p)?, m(s)?, m(a)?))
}

fn new_step(s: &StepSpec) -> Result<NewStep, StoreError> {
    let long = |t: &str| LongText::parse(t).map_err(refused);
    Ok(NewStep {
        modality: modality(s)?,
        learning_type: LearningType::parse(s.learning_type).map_err(refused)?,
        title: Title::parse(s.title).map_err(refused)?,
        collective: s.collective,
        social: s.social,
        minutes: Minutes::new(s.minutes).map_err(refused)?,
        instructions: long(s.instructions)?,
        resources: long(s.resources)?,
        evidence: long(s.evidence)?,
        evaluation: long(s.evaluation)?,
        trainer_role: long(s.trainer_role)?,
        mandatory: s.mandatory,
        // Short readings are credited as estimated; longer productions by the time declared.
        credit_rule: if s.minutes > 120 {
            hybride_domain::attendance::CreditRule::DeclaredCapped
        } else {
            hybride_domain::attendance::CreditRule::EstimateOnValidation
        },
    })
}

/// The statuses a new (draft) cohort goes through to reach `status`.
fn lifecycle_to(status: CohortStatus) -> &'static [CohortStatus] {
    const LIFECYCLE: [CohortStatus; 4] = [
        CohortStatus::Ready,
        CohortStatus::Running,
        CohortStatus::Closed,
        CohortStatus::Archived,
    ];
    let reached = LIFECYCLE
        .iter()
        .position(|s| *s == status)
        .map_or(0, |i| i + 1);
    &LIFECYCLE[..reached]
}

// ---------------------------------------------------------------------------------------------
// Deterministic arithmetic
// ---------------------------------------------------------------------------------------------

/// A linear congruential generator (Knuth's MMIX constants): the same sequence every time.
#[derive(Debug, Clone)]
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Lcg {
        let mut g = Lcg(seed ^ 0x9E37_79B9_7F4A_7C15);
        g.next();
        g
    }

    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
struct PersonSpec {
    email: String,
    first_name: String,
    last_name: String,
    role: Role,
    establishment: Option<String>,
}

impl PersonSpec {
    fn account(&self) -> Result<NewAccount, StoreError> {
        Ok(NewAccount {
            email: Email::parse(&self.email).map_err(refused)?,
            last_name: PersonName::parse(&self.last_name).map_err(refused)?,
            first_name: PersonName::parse(&self.first_name).map_err(refused)?,
            role: self.role,
            establishment: self.establishment.clone(),
        })
    }
}

/// Everyone in the demo. Index 0 of pilots, trainers and trainees is the demo account.
struct Cast {
    admin: PersonSpec,
    pilots: Vec<PersonSpec>,
    trainers: Vec<PersonSpec>,
    trainees: Vec<PersonSpec>,
}

const PILOTS: usize = 3;
const TRAINERS: usize = 10;
const TRAINEES: usize = 300;

/// The demo accounts' people: (first name, last name, establishment), as [`DEMO_ACCOUNTS`].
const DEMO_PEOPLE: [(&str, &str, Option<&str>); 4] = [
    ("Isabelle", "Roux", None),
    ("Sophie", "Marchand", None),
    ("Karim", "Benali", Some("Lycée Ampère Saxe (Lyon 3e)")),
    (
        "Léa",
        "Fontaine",
        Some("Collège Lucie Aubrac (Villeurbanne)"),
    ),
];

fn establishment_label(name: &str, city: &str) -> String {
    format!("{name} ({city})")
}

/// Lower-case ASCII for an e-mail's local part: accents stripped, spaces and apostrophes → `-`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let mapped: &str = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'ç' => "c",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'ÿ' => "y",
            'ñ' => "n",
            'œ' => "oe",
            'æ' => "ae",
            ' ' | '\'' | '’' | '-' => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
                continue;
            }
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => continue,
        };
        out.push_str(mapped);
    }
    out.trim_end_matches('-').to_owned()
}

fn cast() -> Cast {
    let demo = |i: usize| {
        let (first, last, establishment) = DEMO_PEOPLE[i];
        PersonSpec {
            email: DEMO_ACCOUNTS[i].0.to_owned(),
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            role: DEMO_ACCOUNTS[i].1,
            establishment: establishment.map(str::to_owned),
        }
    };
    let mut rng = Lcg::new(0x2026_2027);
    let mut emails: HashSet<String> = HashSet::new();
    let demo_names: HashSet<(&str, &str)> = DEMO_PEOPLE.iter().map(|(f, l, _)| (*f, *l)).collect();
    let mut person = |role: Role, rng: &mut Lcg| loop {
        let first = FIRST_NAMES[rng.below(FIRST_NAMES.len())];
        let last = LAST_NAMES[rng.below(LAST_NAMES.len())];
        if demo_names.contains(&(first, last)) {
            continue;
        }
        let base = format!("{}.{}", slug(first), slug(last));
        let mut email = format!("{base}@{MAIL_DOMAIN}");
        let mut n = 2;
        while emails.contains(&email) {
            email = format!("{base}{n}@{MAIL_DOMAIN}");
            n += 1;
        }
        emails.insert(email.clone());
        let establishment = match role {
            Role::Trainer | Role::Trainee => {
                let e = &ESTABLISHMENTS[rng.below(ESTABLISHMENTS.len())];
                Some(establishment_label(e.name, e.city))
            }
            Role::Admin | Role::Pilot => None,
        };
        break PersonSpec {
            email,
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            role,
            establishment,
        };
    };
    let mut group = |role: Role, demo: PersonSpec, n: usize| {
        let mut v = vec![demo];
        while v.len() < n {
            v.push(person(role, &mut rng));
        }
        v
    };
    let pilots = group(Role::Pilot, demo(1), PILOTS);
    let trainers = group(Role::Trainer, demo(2), TRAINERS);
    let trainees = group(Role::Trainee, demo(3), TRAINEES);
    Cast {
        admin: demo(0),
        pilots,
        trainers,
        trainees,
    }
}

// ---------------------------------------------------------------------------------------------
// Trainings: pilots and trainers
// ---------------------------------------------------------------------------------------------

/// The pilot (index into the pilots; 0 is the demo pilot) of each catalogue training.
/// The demo pilot owns the digital, assessment, computing, new-teachers and trainers' trainings.
const TRAINING_PILOT: [usize; 12] = [0, 0, 1, 1, 2, 0, 2, 2, 0, 1, 1, 0];

/// The two trainers (indices into the trainers; 0 is the demo trainer) of each catalogue training.
const TRAINING_TRAINERS: [[usize; 2]; 12] = [
    [0, 1],
    [0, 2],
    [3, 4],
    [5, 6],
    [7, 8],
    [0, 9],
    [1, 3],
    [2, 5],
    [4, 6],
    [7, 9],
    [8, 3],
    [0, 1],
];

// ---------------------------------------------------------------------------------------------
// Cohorts and their schedule
// ---------------------------------------------------------------------------------------------

/// Where a cohort meets in person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Venue {
    city: &'static str,
    places: [&'static str; 2],
}

const LYON: Venue = Venue {
    city: "Lyon",
    places: [
        "Canopé Lyon, salle Hypatie",
        "Salle 204 — Lycée Ampère Saxe, Lyon 3e",
    ],
};
const GRENOBLE: Venue = Venue {
    city: "Grenoble",
    places: [
        "Salle B112 — Lycée Champollion, Grenoble",
        "Canopé Grenoble, salle Marie Reynoard",
    ],
};
const SAINT_ETIENNE: Venue = Venue {
    city: "Saint-Étienne",
    places: [
        "Salle 08 — Lycée Claude Fauriel, Saint-Étienne",
        "Canopé Saint-Étienne, salle Jules Verne",
    ],
};
const VALENCE: Venue = Venue {
    city: "Valence",
    places: [
        "Salle 21 — Lycée Émile Loubet, Valence",
        "Canopé Valence, salle Rovaltain",
    ],
};
const CHAMBERY: Venue = Venue {
    city: "Chambéry",
    places: [
        "Salle 5 — Lycée Louis Armand, Chambéry",
        "Canopé Chambéry, salle Savoie",
    ],
};
const ANNECY: Venue = Venue {
    city: "Annecy",
    places: [
        "Salle 210 — Lycée Berthollet, Annecy",
        "Canopé Annecy, salle du Semnoz",
    ],
};
const BOURG: Venue = Venue {
    city: "Bourg-en-Bresse",
    places: [
        "Salle 14 — Collège Jean de La Fontaine, Bourg-en-Bresse",
        "Canopé Bourg-en-Bresse, salle Brou",
    ],
};
const VILLEURBANNE: Venue = Venue {
    city: "Villeurbanne",
    places: [
        "Salle 204 — Collège Lucie Aubrac, Villeurbanne",
        "Salle polyvalente — Lycée Marie Curie, Villeurbanne",
    ],
};

/// When a cohort runs, relative to `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Timing {
    /// Finished: its last activity ended at least `weeks_ago` weeks before today.
    Closed { weeks_ago: i64 },
    /// Under way: step `step` falls on a working day near `today + offset`.
    Running { step: usize, offset: i64 },
    /// The demo's cohort: step `step` (in person or virtual class) falls on today itself.
    Today { step: usize },
    /// Starts on the first working day from `today + in_days`.
    Ready { in_days: i64 },
    /// Planned later in the year, still being prepared: `in_weeks` weeks from today, or earlier
    /// (but not within [`DRAFT_EARLIEST`] days) so as to end before the summer holidays.
    Draft { in_weeks: i64 },
}

#[derive(Debug, Clone, Copy)]
struct CohortSpec {
    /// Index into [`TRAININGS`].
    training: usize,
    group: u8,
    venue: Venue,
    timing: Timing,
    /// Indices into the trainers; each is one of the training's trainers.
    trainers: &'static [usize],
    /// Whether the demo trainee is enrolled.
    demo_trainee: bool,
}

const fn cohort(
    training: usize,
    group: u8,
    venue: Venue,
    timing: Timing,
    trainers: &'static [usize],
    demo_trainee: bool,
) -> CohortSpec {
    CohortSpec {
        training,
        group,
        venue,
        timing,
        trainers,
        demo_trainee,
    }
}

use Timing::{Closed, Draft, Ready, Running, Today};

/// 18 cohorts: 4 closed, 7 running, 4 ready, 3 draft.
const COHORTS: [CohortSpec; 18] = [
    cohort(0, 1, LYON, Closed { weeks_ago: 6 }, &[0], true),
    cohort(0, 2, GRENOBLE, Ready { in_days: 15 }, &[1], false),
    cohort(1, 1, LYON, Today { step: 2 }, &[0, 2], true),
    cohort(
        1,
        2,
        GRENOBLE,
        Running {
            step: 3,
            offset: -2,
        },
        &[2],
        false,
    ),
    cohort(
        2,
        1,
        VALENCE,
        Running { step: 2, offset: 1 },
        &[3, 4],
        false,
    ),
    cohort(3, 1, SAINT_ETIENNE, Closed { weeks_ago: 4 }, &[5], false),
    cohort(3, 2, BOURG, Ready { in_days: 9 }, &[6], false),
    cohort(
        4,
        1,
        ANNECY,
        Running {
            step: 2,
            offset: -3,
        },
        &[7],
        false,
    ),
    cohort(
        5,
        1,
        VILLEURBANNE,
        Running { step: 2, offset: 2 },
        &[0, 9],
        false,
    ),
    cohort(5, 2, SAINT_ETIENNE, Ready { in_days: 22 }, &[9], false),
    cohort(6, 1, GRENOBLE, Closed { weeks_ago: 3 }, &[1, 3], false),
    cohort(7, 1, LYON, Draft { in_weeks: 11 }, &[2, 5], false),
    cohort(8, 1, LYON, Closed { weeks_ago: 5 }, &[4, 6], false),
    cohort(8, 2, GRENOBLE, Draft { in_weeks: 13 }, &[6], false),
    cohort(9, 1, CHAMBERY, Running { step: 2, offset: 4 }, &[7], false),
    cohort(9, 2, VALENCE, Draft { in_weeks: 15 }, &[9], false),
    cohort(10, 1, VILLEURBANNE, Ready { in_days: 27 }, &[8, 3], false),
    cohort(11, 1, LYON, Running { step: 3, offset: 1 }, &[0, 1], false),
];

/// About 36 trainees follow two cohorts; everyone else follows one.
const TOTAL_ENROLLMENTS: usize = 336;
const MIN_COHORT: usize = 12;
const MAX_COHORT: usize = 25;

/// One scheduled step, in Europe/Paris civil time. Asynchronous work: its open/close window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    step: usize,
    start: DateTime,
    end: DateTime,
}

/// A cohort, computed, before it is written.
#[derive(Debug, Clone)]
struct CohortPlan {
    spec: CohortSpec,
    label: String,
    course_url: Option<String>,
    room_url: Option<String>,
    place: &'static str,
    slots: Vec<Slot>,
    /// Indices into the trainees; 0 is the demo trainee.
    trainees: Vec<usize>,
}

impl CohortPlan {
    fn status(&self) -> CohortStatus {
        match self.spec.timing {
            Closed { .. } => CohortStatus::Closed,
            Running { .. } | Today { .. } => CohortStatus::Running,
            Ready { .. } => CohortStatus::Ready,
            Draft { .. } => CohortStatus::Draft,
        }
    }

    fn starts_on(&self) -> Date {
        bounds(&self.slots).0
    }

    fn ends_on(&self) -> Date {
        bounds(&self.slots).1
    }
}

fn cohort_plans(today: Date) -> Vec<CohortPlan> {
    let sizes = cohort_sizes();
    let mut enrolled: Vec<Vec<usize>> = vec![Vec::new(); TRAINEES]; // trainee → trainings
    let mut order: Vec<usize> = (1..TRAINEES).collect();
    let mut rng = Lcg::new(0x48_213);
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut next = 0usize;
    let mut plans = Vec::new();
    for (i, spec) in COHORTS.iter().enumerate() {
        let seed = 0xC0_4057 + i as u64;
        let steps = TRAININGS[spec.training].steps;
        let slots = place_cohort(steps, spec.timing, today, seed);

        let mut trainees = Vec::new();
        if spec.demo_trainee {
            trainees.push(0);
            enrolled[0].push(spec.training);
        }
        // Walk the shuffled trainees round and round: a first lap gives everyone a cohort, the
        // second gives some a second one (never two cohorts of the same training).
        let mut tries = 0;
        while trainees.len() < sizes[i] && tries < 2 * TRAINEES {
            let t = order[next % order.len()];
            next += 1;
            tries += 1;
            if enrolled[t].len() < 2 && !enrolled[t].contains(&spec.training) {
                enrolled[t].push(spec.training);
                trainees.push(t);
            }
        }

        let mut rng = Lcg::new(seed);
        let prepared = !matches!(spec.timing, Draft { .. });
        let course_id = 2400 + 53 * i + rng.below(40);
        let room_url = prepared.then(|| {
            let room = 10_000 + rng.below(90_000);
            let creator = 1200 + 97 * spec.trainers[0] + rng.below(90);
            let hash: String = (0..40).map(|_| char::from(b"0123456789abcdef"[rng.below(16)])).collect();
            format!("https://visio-agents.education.fr/meeting/signin/{room}/creator/{creator}/hash/{hash}")
        });
        plans.push(CohortPlan {
            spec: *spec,
            label: format!("Groupe {} — {}", spec.group, spec.venue.city),
            course_url: prepared.then(|| {
                format!("https://magistere.education.fr/ac-demo/course/view.php?id={course_id}")
            }),
            room_url,
            place: spec.venue.places[usize::from(spec.group - 1) % 2],
            slots,
            trainees,
        });
    }
    plans
}

/// Cohort sizes between 12 and 25 adding up to [`TOTAL_ENROLLMENTS`].
fn cohort_sizes() -> Vec<usize> {
    let mut rng = Lcg::new(0x5E55_1045);
    let mut sizes: Vec<usize> = COHORTS
        .iter()
        .map(|_| MIN_COHORT + rng.below(MAX_COHORT - MIN_COHORT + 1))
        .collect();
    let mut i = 0;
    while sizes.iter().sum::<usize>() != TOTAL_ENROLLMENTS {
        let total: usize = sizes.iter().sum();
        let s = &mut sizes[i % COHORTS.len()];
        if total < TOTAL_ENROLLMENTS && *s < MAX_COHORT {
            *s += 1;
        } else if total > TOTAL_ENROLLMENTS && *s > MIN_COHORT {
            *s -= 1;
        }
        i += 1;
    }
    sizes
}

/// Schedules a cohort's steps according to its timing.
fn place_cohort(steps: &[StepSpec], timing: Timing, today: Date, seed: u64) -> Vec<Slot> {
    match timing {
        Today { step } => pinned(steps, step, today, seed),
        Running { step, offset } => {
            // The working day nearest `today + offset` on which the step can fall with the cohort
            // started before today and ending after it (holidays can push it a long way).
            let target = today.saturating_add(offset.days());
            std::iter::once(0)
                .chain((1..=120).flat_map(|n| [-n, n]))
                .map(|delta: i64| target.saturating_add(delta.days()))
                .filter(|day| is_working_day(*day))
                .map(|day| pinned(steps, step, day, seed))
                .find(|slots| {
                    let (first, last) = bounds(slots);
                    first < today && today < last
                })
                .unwrap_or_else(|| pinned(steps, step, today, seed))
        }
        Closed { weeks_ago } => {
            let deadline = today.saturating_add((-7 * weeks_ago).days());
            latest(deadline, None, seed, steps, |slots| {
                slots.iter().all(|s| s.end.date() <= deadline)
            })
        }
        Ready { in_days } => schedule(steps, today.saturating_add(in_days.days()), None, seed),
        Draft { in_weeks } => {
            let preferred = schedule(
                steps,
                today.saturating_add((7 * in_weeks).days()),
                None,
                seed,
            );
            // Rather finish before the summer, as long as it still starts after the ready cohorts.
            let summer = Date::new(SchoolYear::containing(today).start_year() + 1, 7, 3);
            let Ok(summer) = summer else { return preferred };
            if bounds(&preferred).1 <= summer {
                return preferred;
            }
            let fitted = latest(summer, None, seed, steps, |slots| bounds(slots).1 <= summer);
            if bounds(&fitted).0 >= today.saturating_add(DRAFT_EARLIEST.days()) {
                fitted
            } else {
                preferred
            }
        }
    }
}

/// Draft cohorts start at least this many days from today (after the ready ones).
const DRAFT_EARLIEST: i64 = 35;

/// The latest schedule in which step `k` falls on `day` and every earlier step ends before it.
fn pinned(steps: &[StepSpec], k: usize, day: Date, seed: u64) -> Vec<Slot> {
    latest(day, Some((k, day)), seed, steps, |slots| {
        slots[..k].iter().all(|s| s.end.date() < day)
    })
}

/// The schedule with the latest start (up to `before`) for which `fits` holds.
///
/// Every slot moves later or stays when the start moves later (the generator's draws do not
/// depend on dates), so `fits` — "ends before a day" — holds for every start up to some day:
/// a binary search finds it.
fn latest(
    before: Date,
    pin: Option<(usize, Date)>,
    seed: u64,
    steps: &[StepSpec],
    fits: impl Fn(&[Slot]) -> bool,
) -> Vec<Slot> {
    let at = |back: i64| schedule(steps, before.saturating_add((-back).days()), pin, seed);
    let (mut lo, mut hi) = (0i64, 730i64); // invariant: `hi` fits (two years back always does)
    while lo < hi {
        let mid = (lo + hi) / 2;
        if fits(&at(mid)) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    at(hi)
}

/// The first and last days of a schedule.
fn bounds(slots: &[Slot]) -> (Date, Date) {
    let first = slots.iter().map(|s| s.start.date()).min();
    let last = slots.iter().map(|s| s.end.date()).max();
    (first.unwrap_or_default(), last.unwrap_or_default())
}

/// Schedules every step in order from `start`: in-person and synchronous steps on working days
/// (in person 09:00 or 13:30, virtual classes and webinars 14:00 or 16:30, for the step's
/// duration), asynchronous steps as a window opening at 08:00 and closing 7 to 14 days later at
/// 23:59. `pin` forces one step onto a given day (at 13:30 when it is in person).
fn schedule(steps: &[StepSpec], start: Date, pin: Option<(usize, Date)>, seed: u64) -> Vec<Slot> {
    let mut rng = Lcg::new(seed);
    let mut cursor = start;
    let mut previous_synchronous = false;
    let mut slots = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        let minutes = i64::from(step.minutes);
        let synchronous = step.modality != "async";
        if synchronous && previous_synchronous {
            // Two live sessions in a row: leave a few days between them.
            cursor = cursor.saturating_add((1 + rng.below(5) as i64).days());
        }
        let forced = pin.filter(|(k, _)| *k == i).map(|(_, d)| d);
        let day = forced.unwrap_or_else(|| next_working_day(cursor));
        let slot = match step.modality {
            "async" => {
                let days = (7 + minutes / 30 + rng.below(3) as i64).min(14);
                let close = day.saturating_add(days.days());
                cursor = close.saturating_add(1.day());
                Slot {
                    step: i,
                    start: day.at(8, 0, 0, 0),
                    end: close.at(23, 59, 0, 0),
                }
            }
            modality => {
                let afternoon = rng.below(2) == 1;
                let (h, m) = match (modality, forced.is_some(), afternoon) {
                    ("in_person", true, _) | ("in_person", false, true) => (13, 30),
                    ("in_person", false, false) => (9, 0),
                    (_, _, false) => (14, 0),
                    (_, _, true) => (16, 30),
                };
                let begin = day.at(h, m, 0, 0);
                cursor = day.saturating_add(1.day());
                Slot {
                    step: i,
                    start: begin,
                    end: begin.saturating_add(minutes.minutes()),
                }
            }
        };
        previous_synchronous = synchronous;
        slots.push(slot);
    }
    slots
}

/// Monday to Friday, except French public holidays and school holidays.
fn is_working_day(d: Date) -> bool {
    !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
        && !hybride_domain::calendar::is_public_holiday(d)
        && !is_school_holiday(d)
}

/// School holidays, approximately (zone A, which covers Lyon and Grenoble; the exact dates move
/// by a few days from year to year): Toussaint, Noël, hiver, printemps, été.
fn is_school_holiday(d: Date) -> bool {
    const PERIODS: [((i8, i8), (i8, i8)); 6] = [
        ((1, 1), (1, 3)),
        ((2, 7), (2, 22)),
        ((4, 4), (4, 19)),
        ((7, 4), (8, 31)),
        ((10, 17), (11, 2)),
        ((12, 19), (12, 31)),
    ];
    let day = (d.month(), d.day());
    PERIODS
        .iter()
        .any(|(from, to)| (*from..=*to).contains(&day))
}

fn next_working_day(mut d: Date) -> Date {
    while !is_working_day(d) {
        d = d.saturating_add(1.day());
    }
    d
}

/// Free-access courses of the demo catalogue: title, provider, address, minutes, themes.
const OPEN_COURSES: [(&str, &str, &str, i64, &str); 6] = [
    (
        "Enseigner en mode hybride\u{a0}: les fondamentaux",
        "DGESCO",
        "https://magistere.education.fr/dgesco/course/view.php?id=1201",
        180,
        "hybridation, scénarisation",
    ),
    (
        "Évaluer par compétences au collège",
        "DGESCO",
        "https://magistere.education.fr/dgesco/course/view.php?id=1187",
        120,
        "évaluation, compétences",
    ),
    (
        "Animer une classe virtuelle",
        "Réseau Canopé",
        "https://www.reseau-canope.fr/service/animer-une-classe-virtuelle.html",
        90,
        "classe virtuelle, animation",
    ),
    (
        "Les neurosciences au service des apprentissages",
        "IFÉ",
        "https://ife.ens-lyon.fr/formations/neurosciences-apprentissages",
        240,
        "apprentissages, cognition",
    ),
    (
        "Accueillir les élèves à besoins éducatifs particuliers",
        "Réseau Canopé",
        "https://www.reseau-canope.fr/service/ecole-inclusive-besoins-particuliers.html",
        150,
        "école inclusive",
    ),
    (
        "Le numérique responsable en classe",
        "DGESCO",
        "https://magistere.education.fr/dgesco/course/view.php?id=1240",
        60,
        "numérique, sobriété",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slug("Lefèvre"), "lefevre");
        assert_eq!(slug("Le Gall"), "le-gall");
        assert_eq!(slug("Jean-Pierre"), "jean-pierre");
        assert_eq!(slug("Leïla"), "leila");
        assert_eq!(slug("Étienne"), "etienne");
        assert_eq!(slug("D’Alembert"), "d-alembert");
        assert_eq!(slug("Bensaïd"), "bensaid");
    }

    #[test]
    fn working_days() {
        assert!(!is_working_day(date(2026, 11, 11)), "Armistice");
        assert!(!is_working_day(date(2026, 11, 28)), "a Saturday");
        assert!(is_working_day(date(2026, 11, 30)));
        assert!(!is_working_day(date(2026, 12, 24)), "Christmas holidays");
        assert_eq!(next_working_day(date(2026, 12, 19)), date(2027, 1, 4));
        assert_eq!(next_working_day(date(2027, 7, 3)), date(2027, 9, 1));
    }

    #[test]
    fn the_cast_is_complete_and_unique() {
        let cast = cast();
        assert_eq!(
            (cast.pilots.len(), cast.trainers.len(), cast.trainees.len()),
            (3, 10, 300)
        );
        let all: Vec<&PersonSpec> = [&cast.admin]
            .into_iter()
            .chain(&cast.pilots)
            .chain(&cast.trainers)
            .chain(&cast.trainees)
            .collect();
        let emails: HashSet<&str> = all.iter().map(|p| p.email.as_str()).collect();
        assert_eq!(emails.len(), 314);
        for p in &all {
            let account = p.account().unwrap();
            assert_eq!(account.email.as_str(), p.email, "already normalised");
            assert!(p.email.is_ascii());
        }
        assert!(cast.trainees.iter().all(|p| p.establishment.is_some()));
        assert_eq!(cast.trainers[0].email, "formateur@demo.hybride.test");
        assert_eq!(cast.pilots[0].last_name, "Marchand");
        // Deterministic.
        assert_eq!(cast.trainees[150], super::cast().trainees[150]);
    }

    #[test]
    fn the_catalogue_parses_and_mixes_modalities() {
        for (i, spec) in TRAININGS.iter().enumerate() {
            let modalities: HashSet<Modality> =
                spec.steps.iter().map(|s| modality(s).unwrap()).collect();
            assert!(modalities.len() >= 2, "{}", spec.title);
            for s in spec.steps {
                new_step(s).unwrap();
            }
            let (p, s, a) = hours(spec.steps).unwrap();
            assert_eq!(
                p.get() + s.get() + a.get(),
                spec.steps.iter().map(|s| s.minutes).sum::<u32>()
            );
            for &t in &TRAINING_TRAINERS[i] {
                assert!(t < TRAINERS);
            }
        }
        assert_eq!(TRAININGS.len(), TRAINING_PILOT.len());
        assert!(TRAINING_PILOT.iter().filter(|&&p| p == 0).count() >= 5);
        assert_eq!(
            TRAINING_PILOT[11], 0,
            "the demo pilot owns the trainers' training"
        );
        assert!(TRAINING_TRAINERS.iter().filter(|t| t.contains(&0)).count() >= 4);
        for c in &COHORTS {
            for t in c.trainers {
                assert!(
                    TRAINING_TRAINERS[c.training].contains(t),
                    "cohort trainers train the training"
                );
            }
        }
    }

    /// Every day of a school year and its summers, then every eleventh day (so that weekdays and
    /// Easter vary) up to 2032: dates, statuses and enrollments stay coherent.
    #[test]
    fn schedules_hold_for_any_today() {
        let mut today = date(2026, 8, 1);
        while today <= date(2032, 12, 31) {
            check_plans(today, &cohort_plans(today));
            let step = if today < date(2027, 10, 1) { 1 } else { 11 };
            today = today.saturating_add(step.days());
        }
    }

    fn check_plans(today: Date, plans: &[CohortPlan]) {
        assert_eq!(plans.len(), 18);
        let mut per_trainee = vec![0; TRAINEES];
        for plan in plans {
            let steps = TRAININGS[plan.spec.training].steps;
            assert_eq!(plan.slots.len(), steps.len(), "{today} {}", plan.label);
            assert!(
                (MIN_COHORT..=MAX_COHORT).contains(&plan.trainees.len()),
                "{today} {}",
                plan.label
            );
            for &t in &plan.trainees {
                per_trainee[t] += 1;
            }
            let (first, last) = (plan.starts_on(), plan.ends_on());
            match plan.status() {
                CohortStatus::Closed => assert!(
                    last < today.saturating_add((-20).days()),
                    "{today} {}",
                    plan.label
                ),
                CohortStatus::Running => {
                    assert!(first < today && today < last, "{today} {}", plan.label)
                }
                CohortStatus::Ready => {
                    assert!(
                        first > today.saturating_add(6.days()),
                        "{today} {}",
                        plan.label
                    );
                    // Within four weeks, or at the end of the school holidays that follow.
                    let latest = next_working_day(today.saturating_add(27.days()));
                    assert!(first <= latest, "{today} {}", plan.label);
                }
                _ => assert!(
                    first >= today.saturating_add(DRAFT_EARLIEST.days()),
                    "{today} {}",
                    plan.label
                ),
            }
            for pair in plan.slots.windows(2) {
                assert!(
                    pair[0].start < pair[1].start,
                    "{today} {} steps in order",
                    plan.label
                );
            }
            for slot in &plan.slots {
                assert!(slot.start < slot.end);
                let step = &steps[slot.step];
                let pinned_today = matches!(plan.spec.timing, Today { step } if step == slot.step);
                if step.modality == "async" {
                    let days = slot.start.date().until(slot.end.date()).unwrap().get_days();
                    assert!((7..=14).contains(&days));
                    assert_eq!(
                        (slot.start.hour(), slot.end.hour(), slot.end.minute()),
                        (8, 23, 59)
                    );
                } else {
                    assert_eq!(slot.start.date(), slot.end.date());
                    assert_eq!(
                        slot.start.date().until(slot.end.date()).unwrap().get_days(),
                        0,
                        "synchronous steps last less than a day"
                    );
                    assert_eq!(
                        slot.start.duration_until(slot.end).as_mins(),
                        i64::from(step.minutes)
                    );
                    if pinned_today {
                        assert_eq!(slot.start.date(), today);
                    }
                }
                assert!(
                    pinned_today || is_working_day(slot.start.date()),
                    "{today} {}",
                    plan.label
                );
            }
        }
        assert_eq!(per_trainee[0], 2, "the demo trainee follows two cohorts");
        assert!(per_trainee.iter().all(|&n| (1..=2).contains(&n)), "{today}");
        let demo = plans
            .iter()
            .find(|p| matches!(p.spec.timing, Today { .. }))
            .unwrap();
        assert!(demo.spec.trainers.contains(&0) && demo.trainees.contains(&0));
        assert!(demo
            .slots
            .iter()
            .any(|s| s.start.date() == today && TRAININGS[1].steps[s.step].modality != "async"));
    }
}
