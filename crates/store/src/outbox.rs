//! E-mails to send, written in the same transaction as the action that causes them and
//! delivered afterwards by a worker. Several workers (one per server instance) may share one
//! database: a mail is claimed for a while before it is sent (`FOR UPDATE SKIP LOCKED` on
//! PostgreSQL; SQLite serialises writers), so that it goes out once.

use crate::{now, Backend, Store, StoreResult};
use serde::Serialize;
use sqlx::{Any, FromRow, Transaction};
use utoipa::ToSchema;

/// After this many failed attempts a mail is given up and shown as failed.
pub const MAX_ATTEMPTS: i64 = 8;
/// How long a worker holds a claimed mail before another may take it over.
const CLAIM_SECONDS: i64 = 120;

/// A file sent with a mail (a calendar, a document); text only.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub content: String,
}

#[derive(Debug, Clone)]
pub struct Mail {
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attachment: Option<Attachment>,
}

impl Mail {
    pub fn new(
        recipient: impl Into<String>,
        subject: impl Into<String>,
        body: impl Into<String>,
    ) -> Mail {
        Mail {
            recipient: recipient.into(),
            subject: subject.into(),
            body: body.into(),
            attachment: None,
        }
    }

    pub fn with_attachment(mut self, a: Attachment) -> Mail {
        self.attachment = Some(a);
        self
    }
}

#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct OutboxMail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: i64,
    pub attempts: i64,
    /// When the mail server accepted it.
    pub sent_at: Option<i64>,
    /// When delivery was given up after `MAX_ATTEMPTS` failures.
    pub failed_at: Option<i64>,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub attachment_name: Option<String>,
    pub attachment_type: Option<String>,
    #[serde(skip)]
    pub attachment: Option<String>,
}

const COLUMNS: &str = "id, recipient, subject, body, created_at, attempts, sent_at, failed_at, \
                       next_attempt_at, last_error, attachment_name, attachment_type, attachment";

pub(crate) async fn enqueue_in(tx: &mut Transaction<'_, Any>, mail: &Mail) -> StoreResult<i64> {
    let at = now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO outbox (recipient, subject, body, created_at, attempts, next_attempt_at, \
         attachment_name, attachment_type, attachment) VALUES ($1, $2, $3, $4, 0, $4, $5, $6, $7) RETURNING id",
    )
    .bind(&mail.recipient)
    .bind(&mail.subject)
    .bind(&mail.body)
    .bind(at)
    .bind(mail.attachment.as_ref().map(|a| a.name.as_str()))
    .bind(mail.attachment.as_ref().map(|a| a.content_type.as_str()))
    .bind(mail.attachment.as_ref().map(|a| a.content.as_str()))
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

/// Queues one mail on its own.
pub async fn enqueue(store: &Store, mail: &Mail) -> StoreResult<i64> {
    let mut tx = store.pool().begin().await?;
    let id = enqueue_in(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(id)
}

/// The most recent mails first.
pub async fn recent(store: &Store, limit: i64) -> StoreResult<Vec<OutboxMail>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM outbox ORDER BY id DESC LIMIT $1"
    ))
    .bind(limit.clamp(1, 1000))
    .fetch_all(store.pool())
    .await?)
}

pub async fn get(store: &Store, id: i64) -> StoreResult<OutboxMail> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM outbox WHERE id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or(crate::StoreError::NotFound)
}

/// Mails waiting for delivery (not sent, not given up), oldest first.
pub async fn pending(store: &Store, limit: i64) -> StoreResult<Vec<OutboxMail>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL ORDER BY id LIMIT $1"
    ))
    .bind(limit.clamp(1, 1000))
    .fetch_all(store.pool())
    .await?)
}

/// Claims up to `limit` mails that are due, for this worker only, until they are marked sent
/// or failed (or the claim lapses after two minutes, if the worker died).
pub async fn claim_due(store: &Store, limit: i64) -> StoreResult<Vec<OutboxMail>> {
    let at = now();
    let lock = match store.backend() {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let mut tx = store.pool().begin().await?;
    if store.backend() == Backend::Sqlite {
        // Take the write lock now, so that two workers cannot read the same due mails.
        sqlx::query("UPDATE outbox SET locked_until = locked_until WHERE id = 0")
            .execute(&mut *tx)
            .await?;
    }
    let due: Vec<(i64,)> = sqlx::query_as(&format!(
        "SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 \
         AND (locked_until IS NULL OR locked_until < $1) ORDER BY id LIMIT $2{lock}"
    ))
    .bind(at)
    .bind(limit.clamp(1, 500))
    .fetch_all(&mut *tx)
    .await?;
    let mut claimed = Vec::with_capacity(due.len());
    for (id,) in due {
        let mail: OutboxMail = sqlx::query_as(&format!(
            "UPDATE outbox SET locked_until = $1 WHERE id = $2 RETURNING {COLUMNS}"
        ))
        .bind(at + CLAIM_SECONDS)
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        claimed.push(mail);
    }
    tx.commit().await?;
    Ok(claimed)
}

pub async fn mark_sent(store: &Store, id: i64) -> StoreResult<()> {
    sqlx::query(
        "UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL, locked_until = NULL \
         WHERE id = $2",
    )
    .bind(now())
    .bind(id)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The delay before the next attempt after `attempts` failures: 30 s, 1 min, 2 min… up to an hour.
pub fn backoff_seconds(attempts: i64) -> i64 {
    let exp = attempts.clamp(1, 8) - 1;
    (30_i64 << exp).min(3600)
}

/// Records a failed attempt; retries later, or gives up after `MAX_ATTEMPTS`. A permanent
/// failure (the server refused the address) gives up at once.
pub async fn mark_failed(store: &Store, id: i64, error: &str, permanent: bool) -> StoreResult<()> {
    let at = now();
    let (attempts,): (i64,) = sqlx::query_as("SELECT attempts FROM outbox WHERE id = $1")
        .bind(id)
        .fetch_one(store.pool())
        .await?;
    let attempts = attempts + 1;
    let give_up = permanent || attempts >= MAX_ATTEMPTS;
    sqlx::query(
        "UPDATE outbox SET attempts = $1, last_error = $2, locked_until = NULL, next_attempt_at = $3, \
         failed_at = $4 WHERE id = $5",
    )
    .bind(attempts)
    .bind(error.chars().take(500).collect::<String>())
    .bind(at + backoff_seconds(attempts))
    .bind(give_up.then_some(at))
    .bind(id)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Sends a given-up mail again from now.
pub async fn retry(store: &Store, id: i64) -> StoreResult<()> {
    sqlx::query(
        "UPDATE outbox SET failed_at = NULL, attempts = 0, next_attempt_at = $1, locked_until = NULL \
         WHERE id = $2 AND sent_at IS NULL",
    )
    .bind(now())
    .bind(id)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// How many mails wait to be sent (neither sent nor given up).
pub async fn pending_count(store: &Store) -> StoreResult<i64> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL")
            .fetch_one(store.pool())
            .await?;
    Ok(n)
}
