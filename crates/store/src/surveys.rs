//! The satisfaction surveys of cohorts: the académie's questions (settings), each survey sent
//! with its questions, who was invited and whether they answered, and the answers — kept apart
//! from the invitations, without a name.

use crate::{Store, StoreError, StoreResult};
use hybride_domain::survey::{Question, SurveyKind, SurveySettings};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

const SETTINGS: &str = "surveys";

/// The académie's survey settings (the defaults until an admin sets them).
pub async fn settings(store: &Store) -> StoreResult<SurveySettings> {
    Ok(crate::before::setting(store, SETTINGS)
        .await?
        .and_then(|v| serde_json::from_str::<SurveySettings>(&v).ok())
        .unwrap_or_default())
}

pub async fn set_settings(store: &Store, s: &SurveySettings) -> StoreResult<()> {
    let json = serde_json::to_string(s).map_err(|_| StoreError::Refused("survey_settings"))?;
    crate::before::set_setting(store, SETTINGS, &json).await
}

/// A survey sent to a cohort, with how many were invited and how many answered.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Survey {
    pub id: i64,
    pub cohort_id: i64,
    #[sqlx(try_from = "String")]
    pub kind: SurveyKind,
    /// The questions as sent (JSON); see [`Survey::questions`].
    #[serde(skip)]
    pub questions_json: String,
    pub sent_at: i64,
    pub closes_at: i64,
    /// Who sent it by hand; none when it went out on time by itself.
    pub sent_by: Option<i64>,
    pub invited: i64,
    pub answered: i64,
    /// Those reminded before the close.
    pub reminded: i64,
}

impl Survey {
    pub fn questions(&self) -> Vec<Question> {
        serde_json::from_str(&self.questions_json).unwrap_or_default()
    }

    pub fn is_open(&self, at: i64) -> bool {
        at < self.closes_at
    }
}

const SELECT: &str = "SELECT s.id, s.cohort_id, s.kind, s.questions AS questions_json, s.sent_at, \
     s.closes_at, s.sent_by, \
     (SELECT COUNT(*) FROM survey_invitations i WHERE i.survey_id = s.id) AS invited, \
     (SELECT COUNT(*) FROM survey_invitations i WHERE i.survey_id = s.id \
        AND i.answered_at IS NOT NULL) AS answered, \
     (SELECT COUNT(*) FROM survey_invitations i WHERE i.survey_id = s.id \
        AND i.reminded_at IS NOT NULL) AS reminded \
     FROM surveys s";

pub async fn get(store: &Store, id: i64) -> StoreResult<Survey> {
    sqlx::query_as(&format!("{SELECT} WHERE s.id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)
}

/// The cohort's survey of this kind, once sent.
pub async fn of_kind(
    store: &Store,
    cohort_id: i64,
    kind: SurveyKind,
) -> StoreResult<Option<Survey>> {
    Ok(
        sqlx::query_as(&format!("{SELECT} WHERE s.cohort_id = $1 AND s.kind = $2"))
            .bind(cohort_id)
            .bind(kind.as_str())
            .fetch_optional(store.pool())
            .await?,
    )
}

/// The cohort's surveys, « à chaud » first.
pub async fn of_cohort(store: &Store, cohort_id: i64) -> StoreResult<Vec<Survey>> {
    let mut all: Vec<Survey> = sqlx::query_as(&format!(
        "{SELECT} WHERE s.cohort_id = $1 ORDER BY s.sent_at, s.id"
    ))
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?;
    all.sort_by_key(|s| s.kind == SurveyKind::Cold);
    Ok(all)
}

/// A survey about to be sent.
#[derive(Debug, Clone, Copy)]
pub struct NewSurvey<'a> {
    pub cohort_id: i64,
    pub kind: SurveyKind,
    pub questions: &'a [Question],
    pub sent_at: i64,
    pub closes_at: i64,
    /// Who sends it by hand; none when the jobs loop does, on time.
    pub sent_by: Option<i64>,
}

/// Sends a survey: records it with its questions, invites the cohort's trainees and queues
/// their mails, in one transaction. A second survey of the same kind for the cohort is refused
/// (`Conflict("survey")`), so that two instances never send it twice.
pub async fn open(
    store: &Store,
    new: &NewSurvey<'_>,
    mails: &[crate::outbox::Mail],
) -> StoreResult<Survey> {
    let NewSurvey {
        cohort_id,
        kind,
        questions,
        sent_at,
        closes_at,
        sent_by,
    } = *new;
    let json = serde_json::to_string(questions).map_err(|_| StoreError::Refused("questions"))?;
    let mut tx = store.pool().begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO surveys (cohort_id, kind, questions, sent_at, closes_at, sent_by) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(cohort_id)
    .bind(kind.as_str())
    .bind(&json)
    .bind(sent_at)
    .bind(closes_at)
    .bind(sent_by)
    .fetch_one(&mut *tx)
    .await
    .map_err(StoreError::unique("survey"))?;
    sqlx::query(
        "INSERT INTO survey_invitations (survey_id, user_id) \
         SELECT $1, e.user_id FROM enrollments e WHERE e.cohort_id = $2",
    )
    .bind(id)
    .bind(cohort_id)
    .execute(&mut *tx)
    .await?;
    for m in mails {
        crate::outbox::enqueue_in(&mut tx, m).await?;
    }
    tx.commit().await?;
    get(store, id).await
}

/// An invitation whose reminder is due.
#[derive(Debug, Clone, FromRow)]
pub struct Reminder {
    pub survey_id: i64,
    pub user_id: i64,
    pub cohort_id: i64,
    #[sqlx(try_from = "String")]
    pub kind: SurveyKind,
    pub closes_at: i64,
}

/// The invitations not answered nor reminded of the open surveys closing before `until`.
pub async fn reminders_due(store: &Store, at: i64, until: i64) -> StoreResult<Vec<Reminder>> {
    Ok(sqlx::query_as(
        "SELECT i.survey_id, i.user_id, s.cohort_id, s.kind, s.closes_at \
         FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id \
         JOIN cohorts c ON c.id = s.cohort_id \
         WHERE i.answered_at IS NULL AND i.reminded_at IS NULL \
         AND s.closes_at > $1 AND s.closes_at <= $2 AND c.status <> 'archived' \
         ORDER BY i.survey_id, i.user_id",
    )
    .bind(at)
    .bind(until)
    .fetch_all(store.pool())
    .await?)
}

/// Marks the invitation reminded and queues its mail, in one transaction; false when it was
/// reminded (by another instance) or answered meanwhile.
pub async fn remind(
    store: &Store,
    survey_id: i64,
    user_id: i64,
    at: i64,
    mail: &crate::outbox::Mail,
) -> StoreResult<bool> {
    let mut tx = store.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE survey_invitations SET reminded_at = $3 WHERE survey_id = $1 AND user_id = $2 \
         AND reminded_at IS NULL AND answered_at IS NULL",
    )
    .bind(survey_id)
    .bind(user_id)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    crate::outbox::enqueue_in(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(true)
}

/// Who was invited to a survey, and when each answered.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Invitation {
    pub survey_id: i64,
    pub user_id: i64,
    pub answered_at: Option<i64>,
}

pub async fn invitations(store: &Store, survey_id: i64) -> StoreResult<Vec<Invitation>> {
    Ok(sqlx::query_as(
        "SELECT survey_id, user_id, answered_at FROM survey_invitations WHERE survey_id = $1 \
         ORDER BY user_id",
    )
    .bind(survey_id)
    .fetch_all(store.pool())
    .await?)
}

pub async fn invitation(
    store: &Store,
    survey_id: i64,
    user_id: i64,
) -> StoreResult<Option<Invitation>> {
    Ok(sqlx::query_as(
        "SELECT survey_id, user_id, answered_at FROM survey_invitations \
         WHERE survey_id = $1 AND user_id = $2",
    )
    .bind(survey_id)
    .bind(user_id)
    .fetch_optional(store.pool())
    .await?)
}

/// Records a trainee's answers (JSON, already checked): the invitation is marked answered and
/// the answers stored apart, in one transaction. Not invited: `NotFound`; answered already:
/// `Conflict("answered")`.
pub async fn respond(
    store: &Store,
    survey_id: i64,
    user_id: i64,
    answers: &str,
    at: i64,
) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE survey_invitations SET answered_at = $3 \
         WHERE survey_id = $1 AND user_id = $2 AND answered_at IS NULL",
    )
    .bind(survey_id)
    .bind(user_id)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        drop(tx);
        return Err(match invitation(store, survey_id, user_id).await? {
            Some(_) => StoreError::Conflict("answered"),
            None => StoreError::NotFound,
        });
    }
    sqlx::query("INSERT INTO survey_responses (survey_id, answers) VALUES ($1, $2)")
        .bind(survey_id)
        .bind(answers)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A survey's answers (JSON, one array per response).
pub async fn responses(store: &Store, survey_id: i64) -> StoreResult<Vec<String>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT answers FROM survey_responses WHERE survey_id = $1 ORDER BY id")
            .bind(survey_id)
            .fetch_all(store.pool())
            .await?;
    Ok(rows.into_iter().map(|(a,)| a).collect())
}

/// A survey a person still has to answer.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Pending {
    pub survey_id: i64,
    #[sqlx(try_from = "String")]
    pub kind: SurveyKind,
    pub closes_at: i64,
    pub cohort_id: i64,
    pub cohort_label: String,
    pub training_title: String,
}

/// The open surveys a person was invited to and has not answered, soonest closing first.
pub async fn pending(store: &Store, user_id: i64, at: i64) -> StoreResult<Vec<Pending>> {
    Ok(sqlx::query_as(
        "SELECT s.id AS survey_id, s.kind, s.closes_at, c.id AS cohort_id, \
         c.label AS cohort_label, t.title AS training_title \
         FROM survey_invitations i JOIN surveys s ON s.id = i.survey_id \
         JOIN cohorts c ON c.id = s.cohort_id JOIN trainings t ON t.id = c.training_id \
         WHERE i.user_id = $1 AND i.answered_at IS NULL AND s.closes_at > $2 \
         AND c.status <> 'archived' ORDER BY s.closes_at, s.id",
    )
    .bind(user_id)
    .bind(at)
    .fetch_all(store.pool())
    .await?)
}

/// The cohorts under way or closed, with trainees, that have no survey of this kind and whose
/// last activity ended between `from` and `to` (Unix seconds).
pub async fn due(store: &Store, kind: SurveyKind, from: i64, to: i64) -> StoreResult<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT c.id FROM cohorts c \
         WHERE c.status IN ('running', 'closed') \
         AND NOT EXISTS (SELECT 1 FROM surveys s WHERE s.cohort_id = c.id AND s.kind = $1) \
         AND EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = c.id) \
         AND (SELECT MAX(a.ends_at) FROM activities a WHERE a.cohort_id = c.id) BETWEEN $2 AND $3 \
         ORDER BY c.id",
    )
    .bind(kind.as_str())
    .bind(from)
    .bind(to)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// When the cohort's last activity ends, if it has any.
pub async fn last_end(store: &Store, cohort_id: i64) -> StoreResult<Option<i64>> {
    let (end,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(ends_at) FROM activities WHERE cohort_id = $1")
            .bind(cohort_id)
            .fetch_one(store.pool())
            .await?;
    Ok(end)
}
