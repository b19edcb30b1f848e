//! Questions the trainers of a training ask its pilot (« Pour toutes questions, adressez-vous au
//! pilote de la formation »), their answers, their resolution, and those published to the
//! training's trainers as its FAQ.

use crate::{now, Store, StoreError, StoreResult};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

/// A question to a training's pilot.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
#[schema(as = PilotQuestion)]
pub struct Question {
    pub id: i64,
    pub training_id: i64,
    pub training_title: String,
    pub asked_by: i64,
    pub asked_by_name: String,
    /// Who answers: the training's pilot when it was asked.
    pub pilot_id: i64,
    pub pilot_name: String,
    pub subject: String,
    pub body: String,
    pub asked_at: i64,
    /// The first answer from the pilot's side, if any.
    pub answered_at: Option<i64>,
    pub resolved_at: Option<i64>,
    /// Published to the training's trainers as part of its FAQ.
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub published: crate::Flag,
    pub messages: i64,
}

const QUESTION_SELECT: &str = "SELECT q.id, q.training_id, t.title AS training_title, q.asked_by, \
     a.first_name || ' ' || a.last_name AS asked_by_name, q.pilot_id, \
     p.first_name || ' ' || p.last_name AS pilot_name, q.subject, q.body, q.asked_at, q.answered_at, \
     q.resolved_at, q.published, \
     (SELECT COUNT(*) FROM question_messages m WHERE m.question_id = q.id) AS messages \
     FROM questions q JOIN trainings t ON t.id = q.training_id JOIN users a ON a.id = q.asked_by \
     JOIN users p ON p.id = q.pilot_id";

/// One message of a question's conversation.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
#[schema(as = QuestionMessage)]
pub struct Message {
    pub id: i64,
    pub question_id: i64,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub body: String,
    pub at: i64,
}

/// Asks the pilot of `training_id` a question.
pub async fn ask(
    store: &Store,
    training_id: i64,
    asked_by: i64,
    subject: &str,
    body: &str,
) -> StoreResult<Question> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO questions (training_id, asked_by, pilot_id, subject, body, asked_at) \
         SELECT t.id, $1, t.pilot_id, $2, $3, $4 FROM trainings t WHERE t.id = $5 RETURNING id",
    )
    .bind(asked_by)
    .bind(subject)
    .bind(body)
    .bind(now())
    .bind(training_id)
    .fetch_optional(store.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    get(store, id).await
}

pub async fn get(store: &Store, id: i64) -> StoreResult<Question> {
    sqlx::query_as(&format!("{QUESTION_SELECT} WHERE q.id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)
}

/// Which questions to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct QuestionFilter {
    /// Those one person asked.
    pub asked_by: Option<i64>,
    /// Those one pilot answers.
    pub pilot_id: Option<i64>,
    /// Those of one training.
    pub training_id: Option<i64>,
    /// Only those published as the training's FAQ.
    pub published: bool,
}

/// Questions: those still open first, the longest waiting first; then the resolved ones, the
/// latest first.
pub async fn list(store: &Store, f: QuestionFilter) -> StoreResult<Vec<Question>> {
    let mut wheres = Vec::new();
    let mut binds = Vec::new();
    for (column, value) in [
        ("q.asked_by", f.asked_by),
        ("q.pilot_id", f.pilot_id),
        ("q.training_id", f.training_id),
    ] {
        if let Some(v) = value {
            binds.push(v);
            wheres.push(format!("{column} = ${}", binds.len()));
        }
    }
    if f.published {
        wheres.push("q.published = 1".to_owned());
    }
    let filter = if wheres.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", wheres.join(" AND "))
    };
    let sql = format!(
        "{QUESTION_SELECT} {filter} ORDER BY CASE WHEN q.resolved_at IS NULL THEN 0 ELSE 1 END, \
         CASE WHEN q.resolved_at IS NULL THEN q.asked_at ELSE -q.asked_at END, q.id"
    );
    let mut q = sqlx::query_as(&sql);
    for b in binds {
        q = q.bind(b);
    }
    Ok(q.fetch_all(store.pool()).await?)
}

/// The conversation of a question, oldest first.
pub async fn messages(store: &Store, question_id: i64) -> StoreResult<Vec<Message>> {
    Ok(sqlx::query_as(
        "SELECT m.id, m.question_id, m.author_id, \
         CASE WHEN u.id IS NULL THEN NULL ELSE u.first_name || ' ' || u.last_name END AS author_name, \
         m.body, m.at FROM question_messages m LEFT JOIN users u ON u.id = m.author_id \
         WHERE m.question_id = $1 ORDER BY m.at, m.id",
    )
    .bind(question_id)
    .fetch_all(store.pool())
    .await?)
}

/// Adds a message to an open question; `answers` when it comes from the pilot's side, which
/// marks the question answered (its first answer's time is kept). Refused once resolved
/// (`question_resolved`).
pub async fn reply(
    store: &Store,
    question_id: i64,
    author_id: i64,
    body: &str,
    answers: bool,
) -> StoreResult<Message> {
    let at = now();
    let mut tx = store.pool().begin().await?;
    let open = sqlx::query(
        "UPDATE questions SET answered_at = CASE WHEN $1 = 1 THEN COALESCE(answered_at, $2) \
         ELSE answered_at END WHERE id = $3 AND resolved_at IS NULL",
    )
    .bind(i64::from(answers))
    .bind(at)
    .bind(question_id)
    .execute(&mut *tx)
    .await?;
    if open.rows_affected() != 1 {
        drop(tx);
        get(store, question_id).await?;
        return Err(StoreError::Refused("question_resolved"));
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO question_messages (question_id, author_id, body, at) VALUES ($1, $2, $3, $4) \
         RETURNING id",
    )
    .bind(question_id)
    .bind(author_id)
    .bind(body)
    .bind(at)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    messages(store, question_id)
        .await?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or(StoreError::NotFound)
}

/// Marks a question resolved (refused when it already is: `question_resolved`).
pub async fn resolve(store: &Store, question_id: i64) -> StoreResult<Question> {
    let done =
        sqlx::query("UPDATE questions SET resolved_at = $1 WHERE id = $2 AND resolved_at IS NULL")
            .bind(now())
            .bind(question_id)
            .execute(store.pool())
            .await?;
    if done.rows_affected() != 1 {
        get(store, question_id).await?;
        return Err(StoreError::Refused("question_resolved"));
    }
    get(store, question_id).await
}

/// Publishes an answered question to its training's trainers (or withdraws it); refused while
/// it has no answer (`question_unanswered`).
pub async fn publish(store: &Store, question_id: i64, on: bool) -> StoreResult<Question> {
    let done = sqlx::query(
        "UPDATE questions SET published = $1 WHERE id = $2 AND answered_at IS NOT NULL",
    )
    .bind(i64::from(on))
    .bind(question_id)
    .execute(store.pool())
    .await?;
    if done.rows_affected() != 1 {
        get(store, question_id).await?;
        return Err(StoreError::Refused("question_unanswered"));
    }
    get(store, question_id).await
}

/// Every question's wait for its first answer, by pilot: (pilot id, pilot's name, asked at,
/// answered at). Unanswered ones have none.
pub async fn waits(store: &Store) -> StoreResult<Vec<(i64, String, i64, Option<i64>)>> {
    Ok(sqlx::query_as(
        "SELECT q.pilot_id, p.first_name || ' ' || p.last_name, q.asked_at, q.answered_at \
         FROM questions q JOIN users p ON p.id = q.pilot_id ORDER BY q.pilot_id, q.asked_at",
    )
    .fetch_all(store.pool())
    .await?)
}
/// Passes an open question to another pilot (refused once resolved: `question_resolved`).
pub async fn pass(store: &Store, question_id: i64, pilot_id: i64) -> StoreResult<Question> {
    let done =
        sqlx::query("UPDATE questions SET pilot_id = $1 WHERE id = $2 AND resolved_at IS NULL")
            .bind(pilot_id)
            .bind(question_id)
            .execute(store.pool())
            .await?;
    if done.rows_affected() != 1 {
        get(store, question_id).await?;
        return Err(StoreError::Refused("question_resolved"));
    }
    get(store, question_id).await
}
