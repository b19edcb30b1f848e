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

mod cast;
mod cohorts;
mod courses;
mod lcg;
mod preparation;
mod schedule;
mod trainers;
mod trainings;

use hybride_domain::{Email, Invalid, Role, SchoolYear, Title};
use hybride_store::{people, plans, Store, StoreError};
use jiff::civil::Date;
use jiff::tz::TimeZone;

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
    if already_seeded(store).await? {
        return Ok(SeedSummary::default());
    }
    let tz = TimeZone::get(TIME_ZONE).map_err(|_| StoreError::Refused("demo_time_zone"))?;
    let cast = cast::cast();
    let schedule = cohorts::cohort_plans(today);

    let (year, plan_id) = ensure_plans(store, today).await?;

    // People: everyone but the demo admin in one all-or-nothing import.
    let ids = cast::import(store, &cast).await?;
    cast::give_password(store, &ids, password_hash).await?;

    let plan_trainings =
        trainings::create_all(store, plan_id, year, &ids.pilots, &ids.trainers).await?;
    let demo_pilot = ids.pilots[0];
    // The demo pilot heads the EAFC's training office: granted the whole plan, they see every
    // training; the other pilots see those they pilot.
    people::grant_whole_plan(store, demo_pilot, true).await?;
    preparation::prepare(store, &plan_trainings.ids, &ids.trainers, demo_pilot, today).await?;
    let written = cohorts::create_all(
        store,
        &tz,
        &schedule,
        &plan_trainings,
        &ids.trainers,
        &ids.trainees,
    )
    .await?;
    trainers::prepare(store, &tz, &plan_trainings, &ids.trainers, today).await?;
    courses::add(store, &plan_trainings.ids, demo_pilot).await?;
    name_signatory(store, year, &tz).await?;

    // Last: the demo admin, whose existence marks a complete seed.
    cast::create_admin(store, &cast.admin, password_hash).await?;

    let summary = SeedSummary {
        created: true,
        users: ids.count() + 1,
        trainings: plan_trainings.ids.len(),
        cohorts: written.cohorts,
        enrollments: written.enrollments,
        activities: written.activities,
    };
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

/// Whether the demo admin exists, which marks a complete seed.
async fn already_seeded(store: &Store) -> Result<bool, StoreError> {
    let admin_email = Email::parse(DEMO_ACCOUNTS[0].0).map_err(refused)?;
    Ok(people::by_email(store, &admin_email).await?.is_some())
}

/// The plans: the school year containing `today`, and the previous one (left empty). Returns the
/// current year and its plan's id.
async fn ensure_plans(store: &Store, today: Date) -> Result<(SchoolYear, i64), StoreError> {
    let year = SchoolYear::containing(today);
    let plan = ensure_plan(store, year).await?;
    let previous = SchoolYear::starting(year.start_year() - 1).map_err(refused)?;
    ensure_plan(store, previous).await?;
    Ok((year, plan.id))
}

/// The plan of `year`, created if there is none.
async fn ensure_plan(store: &Store, year: SchoolYear) -> Result<plans::Plan, StoreError> {
    if let Some(plan) = plans::by_year(store, year).await? {
        return Ok(plan);
    }
    let title = Title::parse(&format!("Plan académique de formation {year}")).map_err(refused)?;
    plans::create(store, year, &title).await
}

/// The signatory of the académie's certificates, in office since the start of the school year
/// (so that the closed cohorts' certificates carry her name).
async fn name_signatory(store: &Store, year: SchoolYear, tz: &TimeZone) -> Result<(), StoreError> {
    use hybride_domain::certificate::Signatory;
    let signatory = Signatory::parse(
        "Hélène Garnier",
        "Directrice de l’École académique de la formation continue",
        "director",
    )
    .map_err(|e| StoreError::Refused(e.0.first().map(|(_, i)| i.key).unwrap_or("signatory")))?;
    let since = Date::new(year.start_year(), 9, 1)
        .map_err(|_| StoreError::Refused("demo_date"))?
        .to_zoned(tz.clone())
        .map_err(|_| StoreError::Refused("demo_date"))?
        .timestamp()
        .as_second();
    hybride_store::certificates::name(store, &signatory, None, since).await?;
    Ok(())
}

/// The demo's time zone: cohorts are placed in Paris civil time.
const TIME_ZONE: &str = "Europe/Paris";

fn refused(e: Invalid) -> StoreError {
    StoreError::Refused(e.key)
}
