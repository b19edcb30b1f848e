//! E-mails to send, written in the same transaction as the action that causes them and
//! delivered afterwards by a worker.

use crate::{now, Store, StoreResult};
use serde::Serialize;
use sqlx::{Any, FromRow, Transaction};
use utoipa::ToSchema;

#[derive(Debug, Clone)]
pub struct Mail {
    pub recipient: String,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct OutboxMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub attempts: i64,
    pub sent_at: Option<i64>,
    pub last_error: Option<String>,
}

pub(crate) async fn enqueue_in(tx: &mut Transaction<'_, Any>, mail: &Mail) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO outbox (recipient, subject, body, created_at, attempts) VALUES ($1, $2, $3, $4, 0) RETURNING id",
    )
    .bind(&mail.recipient)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(now())
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// The most recent mails first.
pub async fn recent(store: &Store, limit: i64) -> StoreResult<Vec<OutboxMail>> {
    Ok(sqlx::query_as(
        "SELECT id, recipient, subject, body, created_at, attempts, sent_at, last_error FROM outbox \
         ORDER BY id DESC LIMIT $1",
    )
    .bind(limit.clamp(1, 1000))
    .fetch_all(store.pool())
    .await?)
}

/// Mails not yet delivered, oldest first.
pub async fn pending(store: &Store, limit: i64) -> StoreResult<Vec<OutboxMail>> {
    Ok(sqlx::query_as(
        "SELECT id, recipient, subject, body, created_at, attempts, sent_at, last_error FROM outbox \
         WHERE sent_at IS NULL AND attempts < 10 ORDER BY id LIMIT $1",
    )
    .bind(limit.clamp(1, 1000))
    .fetch_all(store.pool())
    .await?)
}

pub async fn mark_sent(store: &Store, id: i64) -> StoreResult<()> {
    sqlx::query(
        "UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2",
    )
    .bind(now())
    .bind(id)
    .execute(store.pool())
    .await?;
    Ok(())
}

pub async fn mark_failed(store: &Store, id: i64, error: &str) -> StoreResult<()> {
    sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = $1 WHERE id = $2")
        .bind(error)
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(())
}
