//! The trainers trained in hybrid delivery: the register (recorded by hand, with a reason, or by
//! the validation of a trainers' training when its cohort closes, with that cohort as evidence)
//! and the trainers' requests to be trained.

use crate::{now, Found, Store, StoreError, StoreResult};
use hybride_domain::Role;
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

/// A trainer's record in the register of those trained in hybrid delivery.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Qualification {
    pub id: i64,
    pub trainer_id: i64,
    pub trainer_name: String,
    /// `YYYY-MM-DD`
    pub qualified_on: String,
    pub trained_by: i64,
    pub trained_by_name: String,
    /// What the training covered.
    pub content: String,
    /// The session of a trainers' training whose validation recorded it; none when recorded by
    /// hand (or once that session is purged).
    pub cohort_id: Option<i64>,
    /// Why it was recorded by hand (empty when a validation recorded it).
    pub reason: String,
    /// Who recorded it by hand; none when a validation recorded it.
    pub recorded_by: Option<i64>,
    pub recorded_by_name: Option<String>,
    pub created_at: i64,
}

const QUALIFICATION_SELECT: &str = "SELECT q.id, q.trainer_id, t.first_name || ' ' || t.last_name AS trainer_name, \
     q.qualified_on, q.trained_by, b.first_name || ' ' || b.last_name AS trained_by_name, q.content, \
     q.cohort_id, q.reason, q.recorded_by, \
     CASE WHEN r.id IS NULL THEN NULL ELSE r.first_name || ' ' || r.last_name END AS recorded_by_name, \
     q.created_at \
     FROM qualifications q JOIN users t ON t.id = q.trainer_id JOIN users b ON b.id = q.trained_by \
     LEFT JOIN users r ON r.id = q.recorded_by";

/// A qualification recorded by hand.
#[derive(Debug, Clone)]
pub struct ByHand<'a> {
    pub trainer_id: i64,
    pub qualified_on: jiff::civil::Date,
    pub trained_by: i64,
    pub content: &'a str,
    pub reason: &'a str,
    pub recorded_by: i64,
}

/// Records a qualification by hand; the trainer's open requests are answered by it.
pub async fn add(store: &Store, q: &ByHand<'_>) -> StoreResult<Qualification> {
    let trainer = crate::people::get(store, q.trainer_id).await?;
    if trainer.role != Role::Trainer {
        return Err(StoreError::Refused("trainer_role"));
    }
    let at = now();
    let mut tx = store.pool().begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO qualifications (trainer_id, qualified_on, trained_by, content, reason, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(q.trainer_id)
    .bind(q.qualified_on.to_string())
    .bind(q.trained_by)
    .bind(q.content)
    .bind(q.reason)
    .bind(q.recorded_by)
    .bind(at)
    .fetch_one(&mut *tx)
    .await
    .map_err(StoreError::unique("qualification"))?;
    answer_open(&mut tx, q.trainer_id, Some(q.recorded_by), at).await?;
    tx.commit().await?;
    get(store, id).await
}

/// The open requests of `trainer_id` become `qualified`.
async fn answer_open(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    trainer_id: i64,
    by: Option<i64>,
    at: i64,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE qualification_requests SET status = 'qualified', answered_at = $1, \
         answered_by = COALESCE(answered_by, $2) \
         WHERE trainer_id = $3 AND status IN ('waiting', 'enrolled')",
    )
    .bind(at)
    .bind(by)
    .bind(trainer_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Records, inside the closing of a trainers' training's cohort, the qualification of each of
/// `trainers` (its validated participants who are trainers), with the cohort as evidence. The
/// pilot of the training is who trained them. Recording again (a cohort closed, reopened and
/// closed again) changes nothing.
pub(crate) async fn record_from_cohort(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    cohort_id: i64,
    trainers: &[i64],
    qualified_on: jiff::civil::Date,
    at: i64,
) -> StoreResult<()> {
    for &trainer in trainers {
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO qualifications (trainer_id, qualified_on, trained_by, content, cohort_id, created_at) \
             SELECT u.id, $1, t.pilot_id, t.title || ' — ' || c.label, c.id, $2 \
             FROM users u, cohorts c JOIN trainings t ON t.id = c.training_id \
             WHERE u.id = $3 AND u.role = $4 AND c.id = $5 AND t.trains_trainers = 1 \
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(qualified_on.to_string())
        .bind(at)
        .bind(trainer)
        .bind(Role::Trainer.as_str())
        .bind(cohort_id)
        .fetch_optional(&mut **tx)
        .await?;
        if inserted.is_some() {
            answer_open(tx, trainer, None, at).await?;
        }
    }
    Ok(())
}

/// Undoes, inside the reopening of a cohort, what its closing recorded: the trainers' training
/// is not over after all. Their requests stay answered.
pub(crate) async fn forget_cohort(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    cohort_id: i64,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM qualifications WHERE cohort_id = $1")
        .bind(cohort_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn get(store: &Store, id: i64) -> StoreResult<Qualification> {
    sqlx::query_as(&format!("{QUALIFICATION_SELECT} WHERE q.id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)
}

/// The register, most recent first; or one trainer's records.
pub async fn list(store: &Store, trainer_id: Option<i64>) -> StoreResult<Vec<Qualification>> {
    let filter = if trainer_id.is_some() {
        "WHERE q.trainer_id = $1"
    } else {
        ""
    };
    let sql = format!("{QUALIFICATION_SELECT} {filter} ORDER BY q.qualified_on DESC, q.id DESC");
    let mut q = sqlx::query_as(&sql);
    if let Some(t) = trainer_id {
        q = q.bind(t);
    }
    Ok(q.fetch_all(store.pool()).await?)
}

/// The latest qualification day of each of `trainers` who has one.
pub async fn latest_of(store: &Store, trainers: &[i64]) -> StoreResult<Vec<(i64, String)>> {
    if trainers.is_empty() {
        return Ok(Vec::new());
    }
    let list = trainers
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    Ok(sqlx::query_as(&format!(
        "SELECT trainer_id, MAX(qualified_on) FROM qualifications \
         WHERE trainer_id IN ({list}) GROUP BY trainer_id"
    ))
    .fetch_all(store.pool())
    .await?)
}

pub async fn delete(store: &Store, id: i64) -> StoreResult<()> {
    sqlx::query("DELETE FROM qualifications WHERE id = $1")
        .bind(id)
        .execute(store.pool())
        .await?
        .found()?;
    Ok(())
}

/// A trainer's request to be trained in hybrid delivery, with its answer.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Request {
    pub id: i64,
    pub trainer_id: i64,
    pub trainer_name: String,
    pub trainer_email: String,
    /// Why she asks.
    pub reason: String,
    /// When she is available.
    pub availability: String,
    /// `waiting`, `enrolled`, `declined` or `qualified`.
    #[schema(pattern = "^(waiting|enrolled|declined|qualified)$")]
    pub status: String,
    /// The session of a trainers' training she was enrolled in.
    pub cohort_id: Option<i64>,
    pub cohort_label: Option<String>,
    pub cohort_training_title: Option<String>,
    /// The answer, when declined (or a word with the enrolment).
    pub answer: String,
    pub answered_by_name: Option<String>,
    pub created_at: i64,
    pub answered_at: Option<i64>,
}

const REQUEST_SELECT: &str = "SELECT r.id, r.trainer_id, u.first_name || ' ' || u.last_name AS trainer_name, \
     u.email AS trainer_email, r.reason, r.availability, r.status, r.cohort_id, c.label AS cohort_label, \
     t.title AS cohort_training_title, r.answer, \
     CASE WHEN a.id IS NULL THEN NULL ELSE a.first_name || ' ' || a.last_name END AS answered_by_name, \
     r.created_at, r.answered_at \
     FROM qualification_requests r JOIN users u ON u.id = r.trainer_id \
     LEFT JOIN cohorts c ON c.id = r.cohort_id LEFT JOIN trainings t ON t.id = c.training_id \
     LEFT JOIN users a ON a.id = r.answered_by";

/// A trainer asks to be trained. One open request at a time (`request_open`).
pub async fn ask(
    store: &Store,
    trainer_id: i64,
    reason: &str,
    availability: &str,
) -> StoreResult<Request> {
    let mut tx = store.pool().begin().await?;
    let open: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM qualification_requests WHERE trainer_id = $1 AND status IN ('waiting', 'enrolled')",
    )
    .bind(trainer_id)
    .fetch_optional(&mut *tx)
    .await?;
    if open.is_some() {
        return Err(StoreError::Refused("request_open"));
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO qualification_requests (trainer_id, reason, availability, status, created_at) \
         VALUES ($1, $2, $3, 'waiting', $4) RETURNING id",
    )
    .bind(trainer_id)
    .bind(reason)
    .bind(availability)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    request(store, id).await
}

pub async fn request(store: &Store, id: i64) -> StoreResult<Request> {
    sqlx::query_as(&format!("{REQUEST_SELECT} WHERE r.id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)
}

/// Which requests to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequestFilter {
    /// One trainer's requests.
    pub trainer_id: Option<i64>,
    /// The requests of the trainers of this pilot's trainings.
    pub pilot_id: Option<i64>,
    /// Only those waiting for an answer.
    pub waiting: bool,
}

/// Requests, the longest waiting first among those waiting, then the latest.
pub async fn requests(store: &Store, f: RequestFilter) -> StoreResult<Vec<Request>> {
    let mut wheres = Vec::new();
    let mut binds = Vec::new();
    if let Some(t) = f.trainer_id {
        binds.push(t);
        wheres.push(format!("r.trainer_id = ${}", binds.len()));
    }
    if let Some(p) = f.pilot_id {
        binds.push(p);
        let n = binds.len();
        wheres.push(format!(
            "(EXISTS (SELECT 1 FROM training_trainers tt JOIN trainings pt ON pt.id = tt.training_id \
              WHERE tt.user_id = r.trainer_id AND pt.pilot_id = ${n}) \
             OR EXISTS (SELECT 1 FROM cohorts pc JOIN trainings pt ON pt.id = pc.training_id \
              WHERE pc.id = r.cohort_id AND pt.pilot_id = ${n}))"
        ));
    }
    if f.waiting {
        wheres.push("r.status = 'waiting'".to_owned());
    }
    let filter = if wheres.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", wheres.join(" AND "))
    };
    let sql = format!(
        "{REQUEST_SELECT} {filter} ORDER BY CASE WHEN r.status = 'waiting' THEN 0 ELSE 1 END, \
         CASE WHEN r.status = 'waiting' THEN r.created_at ELSE -r.created_at END, r.id"
    );
    let mut q = sqlx::query_as(&sql);
    for b in binds {
        q = q.bind(b);
    }
    Ok(q.fetch_all(store.pool()).await?)
}

/// Enrols the trainer who asked in `cohort_id`, a session of a trainers' training that has not
/// closed, and answers her request with it; all or nothing. Refused when the request is no longer
/// waiting (`request_answered`) or the cohort does not train trainers (`not_trainers_training`).
pub async fn enrol(
    store: &Store,
    request_id: i64,
    cohort_id: i64,
    by: i64,
    answer: &str,
) -> StoreResult<Request> {
    let r = request(store, request_id).await?;
    let c = crate::cohorts::get(store, cohort_id).await?;
    if !c.status.is_editable() {
        return Err(StoreError::Refused("cohort_closed"));
    }
    let t = crate::trainings::get(store, c.training_id).await?;
    if !t.trains_trainers.0 {
        return Err(StoreError::Refused("not_trainers_training"));
    }
    let at = now();
    let mut tx = store.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE qualification_requests SET status = 'enrolled', cohort_id = $1, answer = $2, \
         answered_by = $3, answered_at = $4 WHERE id = $5 AND status = 'waiting'",
    )
    .bind(cohort_id)
    .bind(answer)
    .bind(by)
    .bind(at)
    .bind(request_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Refused("request_answered"));
    }
    sqlx::query(
        "INSERT INTO enrollments (cohort_id, user_id, enrolled_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind(cohort_id)
    .bind(r.trainer_id)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    request(store, request_id).await
}

/// Declines a waiting request with an answer.
pub async fn decline(
    store: &Store,
    request_id: i64,
    by: i64,
    answer: &str,
) -> StoreResult<Request> {
    let done = sqlx::query(
        "UPDATE qualification_requests SET status = 'declined', answer = $1, answered_by = $2, \
         answered_at = $3 WHERE id = $4 AND status = 'waiting'",
    )
    .bind(answer)
    .bind(by)
    .bind(now())
    .bind(request_id)
    .execute(store.pool())
    .await?;
    if done.rows_affected() != 1 {
        request(store, request_id).await?;
        return Err(StoreError::Refused("request_answered"));
    }
    request(store, request_id).await
}

/// Marks (or unmarks) a training as the one that trains trainers in hybrid delivery.
pub async fn set_trains_trainers(store: &Store, training_id: i64, on: bool) -> StoreResult<()> {
    sqlx::query("UPDATE trainings SET trains_trainers = $1 WHERE id = $2")
        .bind(i64::from(on))
        .bind(training_id)
        .execute(store.pool())
        .await?
        .found()?;
    Ok(())
}

/// The pilots of the trainings `trainer_id` delivers, whom she asks to be trained.
pub async fn pilots_of(store: &Store, trainer_id: i64) -> StoreResult<Vec<crate::people::User>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {} FROM users u WHERE u.active = 1 AND u.id IN \
         (SELECT t.pilot_id FROM training_trainers x JOIN trainings t ON t.id = x.training_id \
          WHERE x.user_id = $1) ORDER BY u.last_name, u.first_name",
        crate::people::USER_COLUMNS
    ))
    .bind(trainer_id)
    .fetch_all(store.pool())
    .await?)
}
