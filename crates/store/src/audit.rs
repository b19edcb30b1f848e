//! The audit log: admins' changes to accounts and settings, imports and purges, appended and
//! never changed (the database refuses an update or a delete). Each entry's hash covers its
//! fields and the previous entry's hash, as in the attendance record, so that `hybride verify`
//! names the first entry that does not hold.

use crate::attendance::GENESIS;
use crate::{now, Store, StoreResult};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

/// One entry to append.
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    /// The account that acted, none for the scheduler and the command line.
    pub actor_id: Option<i64>,
    /// Their name as it reads now, or `scheduler` / `command`.
    pub actor: &'a str,
    pub action: &'a str,
    /// What was acted on (`user:12`, `settings`, …).
    pub subject: &'a str,
    /// What changed, as JSON.
    pub details: &'a str,
}

/// An entry of the log.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct AuditEntry {
    pub seq: i64,
    /// Unix seconds.
    pub at: i64,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub subject: String,
    /// What changed, as JSON text.
    pub details: String,
    pub prev_hash: String,
    pub hash: String,
    /// The seal of the key that appended it (see [`crate::seal`]), none without a key.
    pub seal: Option<String>,
}

const COLUMNS: &str = "seq, at, actor_id, actor, action, subject, details, prev_hash, hash, seal";

/// The hash of an entry: its fields, length-prefixed so that no two entries encode alike, after
/// the previous entry's hash.
#[allow(clippy::too_many_arguments)]
fn hash_fields(
    prev: &str,
    seq: i64,
    at: i64,
    actor_id: Option<i64>,
    actor: &str,
    action: &str,
    subject: &str,
    details: &str,
) -> String {
    let mut e = crate::chain::Encoder::new("hybride-audit-v1");
    e.text(prev)
        .number(seq)
        .number(at)
        .optional_number(actor_id)
        .text(actor)
        .text(action)
        .text(subject)
        .text(details);
    e.finish()
}

impl AuditEntry {
    /// The hash this entry should carry, from its own fields and its `prev_hash`.
    pub fn expected_hash(&self) -> String {
        hash_fields(
            &self.prev_hash,
            self.seq,
            self.at,
            self.actor_id,
            &self.actor,
            &self.action,
            &self.subject,
            &self.details,
        )
    }
}

/// Appends an entry at the end of the log, in its own transaction.
pub async fn append(store: &Store, e: &NewEntry<'_>) -> StoreResult<AuditEntry> {
    let mut tx = store.pool().begin().await?;
    // The head first: on SQLite the write lock, on PostgreSQL the row's, so that two appends
    // never read the same previous hash.
    let (seq, prev): (i64, String) = sqlx::query_as(
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, 1, $1) \
         ON CONFLICT (id) DO UPDATE SET seq = audit_head.seq + 1 RETURNING seq, hash",
    )
    .bind(GENESIS)
    .fetch_one(&mut *tx)
    .await?;
    let at = now();
    let hash = hash_fields(
        &prev, seq, at, e.actor_id, e.actor, e.action, e.subject, e.details,
    );
    let entry: AuditEntry = sqlx::query_as(&format!(
        "INSERT INTO audit_log ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING {COLUMNS}"
    ))
    .bind(seq)
    .bind(at)
    .bind(e.actor_id)
    .bind(e.actor)
    .bind(e.action)
    .bind(e.subject)
    .bind(e.details)
    .bind(&prev)
    .bind(&hash)
    .bind(store.seal_of(crate::seal::AUDIT, seq, &hash))
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(entry)
}

/// The most recent entries first: `limit` of them, before entry `before` when given.
pub async fn recent(
    store: &Store,
    before: Option<i64>,
    limit: i64,
) -> StoreResult<Vec<AuditEntry>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM audit_log WHERE seq < $1 ORDER BY seq DESC LIMIT $2"
    ))
    .bind(before.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(store.pool())
    .await?)
}

/// What checking the log found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub entries: i64,
    /// The first entry that does not hold (its hash, its place or its link to the previous one),
    /// or the head when it does not name the last entry.
    pub first_break: Option<i64>,
}

/// Reads the whole log in order and checks each entry's hash and link, then the head.
pub async fn verify(store: &Store) -> StoreResult<Check> {
    const PAGE: i64 = 1000;
    let mut prev = GENESIS.to_owned();
    let mut expected_seq = 1;
    let mut after = 0;
    loop {
        let page: Vec<AuditEntry> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"
        ))
        .bind(after)
        .bind(PAGE)
        .fetch_all(store.pool())
        .await?;
        for e in &page {
            if e.seq != expected_seq || e.prev_hash != prev || e.hash != e.expected_hash() {
                return Ok(Check {
                    entries: expected_seq - 1,
                    first_break: Some(e.seq),
                });
            }
            prev = e.hash.clone();
            expected_seq += 1;
            after = e.seq;
        }
        if (page.len() as i64) < PAGE {
            break;
        }
    }
    let entries = expected_seq - 1;
    let head: Option<(i64, String)> =
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_optional(store.pool())
            .await?;
    let holds = match head {
        None => entries == 0,
        Some((seq, hash)) => seq == entries && hash == prev,
    };
    Ok(Check {
        entries,
        first_break: (!holds).then_some(entries + 1),
    })
}
