//! After the training: how long contents stay available and the pay level, per training; the
//! académie's pay rates (a setting); the trainers' statut; lump sums; transmissions of a
//! cohort's documents; archiving cohorts whose contents are no longer available.

use crate::Found;
use crate::{now, Store, StoreError, StoreResult};
use hybride_domain::pay::{Band, Lump, LumpKind, Rates, TrainerStatus};
use hybride_domain::CohortStatus;
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

/// Two school years: what the charter's « contenus accessibles » means by default.
pub const DEFAULT_CONTENTS_MONTHS: i64 = 24;

/// What a training sets for its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct TrainingAfter {
    pub pay_band: Band,
    /// Months after a cohort's last day during which trainees keep its contents.
    pub contents_months: i64,
}

impl Default for TrainingAfter {
    fn default() -> TrainingAfter {
        TrainingAfter {
            pay_band: Band::Deepening,
            contents_months: DEFAULT_CONTENTS_MONTHS,
        }
    }
}

pub async fn training_after(store: &Store, training_id: i64) -> StoreResult<TrainingAfter> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT pay_band, contents_months FROM training_after WHERE training_id = $1",
    )
    .bind(training_id)
    .fetch_optional(store.pool())
    .await?;
    Ok(match row {
        Some((band, months)) => TrainingAfter {
            pay_band: Band::parse(&band).unwrap_or(Band::Deepening),
            contents_months: months,
        },
        None => TrainingAfter::default(),
    })
}

pub async fn set_training_after(
    store: &Store,
    training_id: i64,
    after: TrainingAfter,
) -> StoreResult<()> {
    crate::trainings::get(store, training_id).await?;
    sqlx::query(
        "INSERT INTO training_after (training_id, pay_band, contents_months) VALUES ($1, $2, $3) \
         ON CONFLICT (training_id) DO UPDATE SET pay_band = excluded.pay_band, \
         contents_months = excluded.contents_months",
    )
    .bind(training_id)
    .bind(after.pay_band.as_str())
    .bind(after.contents_months)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The last day trainees of a cohort ending on `ends_on` keep its contents.
pub fn contents_until(ends_on: &str, months: i64) -> jiff::civil::Date {
    ends_on
        .parse::<jiff::civil::Date>()
        .ok()
        .and_then(|d| d.checked_add(jiff::Span::new().months(months)).ok())
        .unwrap_or_default()
}

const PAY_RATES: &str = "pay_rates";

/// The académie's pay rates (the defaults until an admin sets them).
pub async fn pay_rates(store: &Store) -> StoreResult<Rates> {
    Ok(crate::before::setting(store, PAY_RATES)
        .await?
        .and_then(|v| serde_json::from_str::<Rates>(&v).ok())
        .filter(|r| r.check().is_ok())
        .unwrap_or_default())
}

/// Stores rates already checked against the arrêté.
pub async fn set_pay_rates(store: &Store, rates: &Rates) -> StoreResult<()> {
    if rates.check().is_err() {
        return Err(StoreError::Refused("pay_rates"));
    }
    let json = serde_json::to_string(rates).map_err(|_| StoreError::Refused("pay_rates"))?;
    crate::before::set_setting(store, PAY_RATES, &json).await
}

/// A trainer's statut, as the pay service needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct PayProfile {
    pub user_id: i64,
    pub status: TrainerStatus,
    /// Corps and grade (« professeur certifié, classe normale »).
    pub grade: String,
    /// Where the trainer works (« Collège Jean-Moulin, Lyon »).
    pub employer: String,
    pub updated_at: i64,
}

pub async fn pay_profile(store: &Store, user_id: i64) -> StoreResult<Option<PayProfile>> {
    let row: Option<(String, String, String, i64)> = sqlx::query_as(
        "SELECT status, grade, employer, updated_at FROM pay_profiles WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|(status, grade, employer, updated_at)| PayProfile {
        user_id,
        status: TrainerStatus::parse(&status).unwrap_or(TrainerStatus::Civil),
        grade,
        employer,
        updated_at,
    }))
}

pub async fn set_pay_profile(
    store: &Store,
    user_id: i64,
    status: TrainerStatus,
    grade: &str,
    employer: &str,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO pay_profiles (user_id, status, grade, employer, updated_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id) DO UPDATE SET \
         status = excluded.status, grade = excluded.grade, employer = excluded.employer, \
         updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(status.as_str())
    .bind(grade)
    .bind(employer)
    .bind(now())
    .execute(store.pool())
    .await
    .map_err(StoreError::unique("pay_profile"))?;
    Ok(())
}

/// A lump sum granted to one trainer of a cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct PayLump {
    pub id: i64,
    pub user_id: i64,
    pub lump: Lump,
    pub created_by: i64,
    pub created_at: i64,
}

#[derive(FromRow)]
struct LumpRow {
    id: i64,
    user_id: i64,
    kind: String,
    cents: i64,
    note: String,
    created_by: i64,
    created_at: i64,
}

pub async fn lumps(store: &Store, cohort_id: i64) -> StoreResult<Vec<PayLump>> {
    let rows: Vec<LumpRow> = sqlx::query_as(
        "SELECT id, user_id, kind, cents, note, created_by, created_at FROM pay_lumps \
         WHERE cohort_id = $1 ORDER BY user_id, id",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(PayLump {
                id: r.id,
                user_id: r.user_id,
                lump: Lump {
                    kind: LumpKind::parse(&r.kind).ok()?,
                    cents: r.cents,
                    note: r.note,
                },
                created_by: r.created_by,
                created_at: r.created_at,
            })
        })
        .collect())
}

/// Grants a lump sum (already checked against the arrêté's range) to a trainer of the cohort.
pub async fn add_lump(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    lump: &Lump,
    by: i64,
) -> StoreResult<i64> {
    if !crate::cohorts::is_trainer(store, cohort_id, user_id).await? {
        return Err(StoreError::Refused("not_a_trainer"));
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO pay_lumps (cohort_id, user_id, kind, cents, note, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(cohort_id)
    .bind(user_id)
    .bind(lump.kind.as_str())
    .bind(lump.cents)
    .bind(&lump.note)
    .bind(by)
    .bind(now())
    .fetch_one(store.pool())
    .await?;
    Ok(id)
}

pub async fn delete_lump(store: &Store, cohort_id: i64, id: i64) -> StoreResult<()> {
    sqlx::query("DELETE FROM pay_lumps WHERE id = $1 AND cohort_id = $2")
        .bind(id)
        .bind(cohort_id)
        .execute(store.pool())
        .await?
        .found()?;
    Ok(())
}

/// A cohort's documents marked as sent to the training service (Sofia-FMO).
#[derive(Debug, Clone, PartialEq, Eq, FromRow, Serialize, ToSchema)]
pub struct Transmission {
    pub id: i64,
    pub cohort_id: i64,
    pub at: i64,
    pub user_id: i64,
    /// The SHA-256 of the bundle that was downloaded and sent.
    pub sha256: String,
    pub documents: i64,
    /// The attendance record's last event in the bundle.
    pub events_seq: i64,
    pub note: String,
}

pub async fn transmissions(store: &Store, cohort_id: i64) -> StoreResult<Vec<Transmission>> {
    Ok(sqlx::query_as(
        "SELECT id, cohort_id, at, user_id, sha256, documents, events_seq, note \
         FROM transmissions WHERE cohort_id = $1 ORDER BY at DESC, id DESC",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

pub async fn add_transmission(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    sha256: &str,
    documents: i64,
    events_seq: i64,
    note: &str,
) -> StoreResult<Transmission> {
    let c = crate::cohorts::get(store, cohort_id).await?;
    if !c.status.is_closed() {
        return Err(StoreError::Refused("cohort_not_closed"));
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO transmissions (cohort_id, at, user_id, sha256, documents, events_seq, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(cohort_id)
    .bind(now())
    .bind(user_id)
    .bind(sha256)
    .bind(documents)
    .bind(events_seq)
    .bind(note)
    .fetch_one(store.pool())
    .await?;
    transmissions(store, cohort_id)
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(StoreError::NotFound)
}

/// The sequence number of the cohort's last attendance event (0 when none).
pub async fn events_seq(store: &Store, cohort_id: i64) -> StoreResult<i64> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT seq FROM attendance_heads WHERE cohort_id = $1")
            .bind(cohort_id)
            .fetch_optional(store.pool())
            .await?;
    Ok(row.map(|r| r.0).unwrap_or(0))
}

/// Closes the running cohort `id` at `at`, provided its attendance record is still at
/// `events_seq` (what the caller decided from): refused with `status_transition` when it is not
/// running any more, `record_changed` when a mark came in meanwhile (a declaration, say), so
/// that no cohort closes on a record its closer has not seen.
pub async fn close(
    store: &Store,
    id: i64,
    events_seq: i64,
    by: Option<i64>,
    at: i64,
    qualified: &Qualified,
) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE cohorts SET status = $1, closed_at = $2 WHERE id = $3 AND status = $4 \
         AND COALESCE((SELECT h.seq FROM attendance_heads h WHERE h.cohort_id = $3), 0) = $5",
    )
    .bind(CohortStatus::Closed.as_str())
    .bind(at)
    .bind(id)
    .bind(CohortStatus::Running.as_str())
    .bind(events_seq)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        closing_event(&mut tx, id, "closed", by, at, "").await?;
        crate::qualifications::record_from_cohort(
            &mut tx,
            id,
            &qualified.trainers,
            qualified.on,
            at,
        )
        .await?;
        tx.commit().await?;
        return Ok(());
    }
    drop(tx);
    let c = crate::cohorts::get(store, id).await?;
    Err(StoreError::Refused(if c.status == CohortStatus::Running {
        "record_changed"
    } else {
        "status_transition"
    }))
}

/// Who a closing qualifies in hybrid delivery: the trainers that a trainers' training's cohort
/// validated, and the day it is recorded on (the cohort's last day). Empty for other trainings.
#[derive(Debug, Clone)]
pub struct Qualified {
    pub trainers: Vec<i64>,
    pub on: jiff::civil::Date,
}

impl Qualified {
    /// A closing that qualifies no one (a training that does not train trainers).
    pub fn none() -> Qualified {
        Qualified {
            trainers: Vec::new(),
            on: jiff::civil::Date::MIN,
        }
    }
}

async fn closing_event(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    cohort_id: i64,
    kind: &str,
    by: Option<i64>,
    at: i64,
    reason: &str,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO cohort_closings (cohort_id, kind, by_user, at, reason) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(cohort_id)
    .bind(kind)
    .bind(by)
    .bind(at)
    .bind(reason)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Undoes the closing of cohort `id`, closed at `closed_at`: it runs again, and the reopening
/// is kept beside the closing. Refused when the cohort is no longer closed as it was read (closed
/// again, reopened or archived by someone else in the meantime).
pub async fn reopen(
    store: &Store,
    id: i64,
    closed_at: i64,
    by: i64,
    reason: &str,
    at: i64,
) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE cohorts SET status = $1, closed_at = NULL \
         WHERE id = $2 AND status = $3 AND closed_at = $4",
    )
    .bind(CohortStatus::Running.as_str())
    .bind(id)
    .bind(CohortStatus::Closed.as_str())
    .bind(closed_at)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Refused("status_transition"));
    }
    closing_event(&mut tx, id, "reopened", Some(by), at, reason).await?;
    crate::qualifications::forget_cohort(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// One closing or reopening of a cohort, with who did it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct ClosingEvent {
    /// `closed` or `reopened`.
    pub kind: String,
    pub at: i64,
    /// Who did it; empty once the account is gone (or for a cohort closed before this was kept).
    pub by_name: Option<String>,
    /// Why it was reopened (empty for a closing).
    pub reason: String,
}

/// The closings and reopenings of a cohort, oldest first.
pub async fn closing_events(store: &Store, cohort_id: i64) -> StoreResult<Vec<ClosingEvent>> {
    Ok(sqlx::query_as(
        "SELECT e.kind, e.at, CASE WHEN u.id IS NULL THEN NULL \
         ELSE u.first_name || ' ' || u.last_name END AS by_name, e.reason \
         FROM cohort_closings e LEFT JOIN users u ON u.id = e.by_user \
         WHERE e.cohort_id = $1 ORDER BY e.at, e.id",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

/// Archives the closed cohorts whose contents are no longer available on `today`; returns
/// their ids.
pub async fn archive_expired(store: &Store, today: jiff::civil::Date) -> StoreResult<Vec<i64>> {
    let rows: Vec<(i64, String, Option<i64>)> = sqlx::query_as(
        "SELECT c.id, c.ends_on, a.contents_months FROM cohorts c \
         LEFT JOIN training_after a ON a.training_id = c.training_id WHERE c.status = 'closed'",
    )
    .fetch_all(store.pool())
    .await?;
    let mut archived = Vec::new();
    for (id, ends_on, months) in rows {
        if contents_until(&ends_on, months.unwrap_or(DEFAULT_CONTENTS_MONTHS)) < today {
            crate::cohorts::set_status(store, id, CohortStatus::Archived).await?;
            archived.push(id);
        }
    }
    Ok(archived)
}

/// A trainer's review (bilan) of a cohort, for the pilot.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, Serialize, ToSchema)]
pub struct Review {
    pub id: i64,
    pub cohort_id: i64,
    pub user_id: i64,
    /// What worked.
    pub worked: String,
    /// What to change.
    pub to_change: String,
    /// Advice for next year's plan.
    pub next_year: String,
    /// The figures the review was written from (JSON), as they stood when it was saved.
    pub figures: String,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
}

const REVIEW_COLUMNS: &str =
    "id, cohort_id, user_id, worked, to_change, next_year, figures, updated_at, submitted_at";

pub async fn reviews(store: &Store, cohort_id: i64) -> StoreResult<Vec<Review>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {REVIEW_COLUMNS} FROM reviews WHERE cohort_id = $1 ORDER BY id"
    ))
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

/// Saves a trainer's review (a draft, or submitted when `submit`); a submitted review stays
/// submitted, with the time of its last submission.
pub async fn save_review(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    text: [&str; 3],
    figures: &str,
    submit: bool,
) -> StoreResult<Review> {
    if !crate::cohorts::is_trainer(store, cohort_id, user_id).await? {
        return Err(StoreError::Refused("not_a_trainer"));
    }
    let at = now();
    sqlx::query(
        "INSERT INTO reviews (cohort_id, user_id, worked, to_change, next_year, figures, updated_at, submitted_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (cohort_id, user_id) DO UPDATE SET \
         worked = excluded.worked, to_change = excluded.to_change, next_year = excluded.next_year, \
         figures = excluded.figures, updated_at = excluded.updated_at, \
         submitted_at = COALESCE(excluded.submitted_at, reviews.submitted_at)",
    )
    .bind(cohort_id)
    .bind(user_id)
    .bind(text[0])
    .bind(text[1])
    .bind(text[2])
    .bind(figures)
    .bind(at)
    .bind(submit.then_some(at))
    .execute(store.pool())
    .await?;
    reviews(store, cohort_id)
        .await?
        .into_iter()
        .find(|r| r.user_id == user_id)
        .ok_or(StoreError::NotFound)
}

/// Submitted reviews of the trainings a pilot owns (all of them with `None`), newest first, with
/// the cohort's and training's names.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct ReviewListed {
    pub id: i64,
    pub cohort_id: i64,
    pub cohort_label: String,
    pub training_id: i64,
    pub training_title: String,
    pub user_id: i64,
    pub last_name: String,
    pub first_name: String,
    pub worked: String,
    pub to_change: String,
    pub next_year: String,
    pub figures: String,
    pub submitted_at: i64,
}

pub async fn submitted_reviews(
    store: &Store,
    pilot_id: Option<i64>,
) -> StoreResult<Vec<ReviewListed>> {
    let mut sql = "SELECT r.id, r.cohort_id, c.label AS cohort_label, t.id AS training_id, \
         t.title AS training_title, r.user_id, u.last_name, u.first_name, r.worked, r.to_change, \
         r.next_year, r.figures, r.submitted_at FROM reviews r \
         JOIN cohorts c ON c.id = r.cohort_id JOIN trainings t ON t.id = c.training_id \
         JOIN users u ON u.id = r.user_id WHERE r.submitted_at IS NOT NULL"
        .to_owned();
    if pilot_id.is_some() {
        sql.push_str(" AND t.pilot_id = $1");
    }
    sql.push_str(" ORDER BY r.submitted_at DESC, r.id DESC");
    let mut q = sqlx::query_as(&sql);
    if let Some(p) = pilot_id {
        q = q.bind(p);
    }
    Ok(q.fetch_all(store.pool()).await?)
}
