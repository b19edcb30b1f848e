//! A plan's batch exports: requested by an admin, prepared by whichever instance claims them
//! (one part per cohort, its progress kept as it goes), downloaded as one zip streamed from the
//! parts, and removed after a few days.

use crate::{now, Store, StoreError, StoreResult};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

/// An export, without its file.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Export {
    pub id: i64,
    pub plan_id: i64,
    pub requested_by: i64,
    pub lang: String,
    /// `pending`, `running`, `done` or `failed`.
    pub status: String,
    pub cohorts_total: i64,
    pub cohorts_done: i64,
    pub documents: i64,
    pub error: Option<String>,
    /// The bytes of every part, once done.
    pub size: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub finished_at: Option<i64>,
}

const COLUMNS: &str = "id, plan_id, requested_by, lang, status, cohorts_total, cohorts_done, \
     documents, error, size, created_at, updated_at, finished_at";

/// An instance that has not reported progress for this long is taken to have stopped: its
/// export is taken over.
pub const STALE_AFTER: i64 = 10 * 60;

/// Requests an export of the plan; refused (`Conflict("export")`) while another one of the
/// plan is waiting or under way.
pub async fn request(store: &Store, plan_id: i64, by: i64, lang: &str) -> StoreResult<Export> {
    let at = now();
    // A partial unique index keeps one export of a plan waiting or under way.
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO bundle_exports (plan_id, requested_by, lang, status, created_at, updated_at) \
         VALUES ($1, $2, $3, 'pending', $4, $4) RETURNING id",
    )
    .bind(plan_id)
    .bind(by)
    .bind(lang)
    .bind(at)
    .fetch_one(store.pool())
    .await
    .map_err(StoreError::unique("export"))?;
    get(store, id).await
}

pub async fn get(store: &Store, id: i64) -> StoreResult<Export> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM bundle_exports WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(store.pool())
    .await?
    .ok_or(StoreError::NotFound)
}

/// The plan's exports, newest first.
pub async fn list(store: &Store, plan_id: i64) -> StoreResult<Vec<Export>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM bundle_exports WHERE plan_id = $1 ORDER BY id DESC"
    ))
    .bind(plan_id)
    .fetch_all(store.pool())
    .await?)
}

/// Claims the oldest export waiting (or left stale by a stopped instance) for this instance.
pub async fn claim(store: &Store, at: i64) -> StoreResult<Option<Export>> {
    let candidate: Option<(i64, String, i64)> = sqlx::query_as(
        "SELECT id, status, updated_at FROM bundle_exports WHERE status = 'pending' \
         OR (status = 'running' AND updated_at < $1) ORDER BY id LIMIT 1",
    )
    .bind(at - STALE_AFTER)
    .fetch_optional(store.pool())
    .await?;
    let Some((id, status, seen)) = candidate else {
        return Ok(None);
    };
    // Only one instance wins: the row must still be as it was seen (waiting, or stale with
    // the same last sign of life).
    let done = sqlx::query(
        "UPDATE bundle_exports SET status = 'running', updated_at = $2, cohorts_done = 0, \
         documents = 0 WHERE id = $1 AND status = $3 AND updated_at = $4",
    )
    .bind(id)
    .bind(at)
    .bind(&status)
    .bind(seen)
    .execute(store.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Ok(None);
    }
    // Taken over: what the stopped instance left is done again.
    sqlx::query("DELETE FROM bundle_export_parts WHERE export_id = $1")
        .bind(id)
        .execute(store.pool())
        .await?;
    get(store, id).await.map(Some)
}

/// Progress: how many cohorts are done out of how many, and the documents so far.
pub async fn progress(
    store: &Store,
    id: i64,
    done: i64,
    total: i64,
    documents: i64,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE bundle_exports SET cohorts_done = $2, cohorts_total = $3, documents = $4, \
         updated_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(done)
    .bind(total)
    .bind(documents)
    .bind(now())
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Keeps one part of the export (a cohort's bundle, or the list), at its place in the zip.
pub async fn add_part(
    store: &Store,
    id: i64,
    position: i64,
    name: &str,
    body: &[u8],
    sha256: &str,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO bundle_export_parts (export_id, position, name, size, sha256, body) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(position)
    .bind(name)
    .bind(body.len() as i64)
    .bind(sha256)
    .bind(body)
    .execute(store.pool())
    .await
    .map_err(StoreError::unique("export_part"))?;
    Ok(())
}

/// One part of an export, without its bytes.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Part {
    pub position: i64,
    pub name: String,
    pub size: i64,
    pub sha256: String,
}

pub async fn parts(store: &Store, id: i64) -> StoreResult<Vec<Part>> {
    Ok(sqlx::query_as(
        "SELECT position, name, size, sha256 FROM bundle_export_parts WHERE export_id = $1 \
         ORDER BY position",
    )
    .bind(id)
    .fetch_all(store.pool())
    .await?)
}

/// The bytes of one part.
pub async fn part_body(store: &Store, id: i64, position: i64) -> StoreResult<Vec<u8>> {
    let row: Option<(Vec<u8>,)> = sqlx::query_as(
        "SELECT body FROM bundle_export_parts WHERE export_id = $1 AND position = $2",
    )
    .bind(id)
    .bind(position)
    .fetch_optional(store.pool())
    .await?;
    row.map(|(b,)| b).ok_or(StoreError::NotFound)
}

/// Marks the export done, with the bytes of its parts.
pub async fn finish(store: &Store, id: i64) -> StoreResult<()> {
    let at = now();
    sqlx::query(
        "UPDATE bundle_exports SET status = 'done', \
         size = (SELECT COALESCE(SUM(size), 0) FROM bundle_export_parts WHERE export_id = $1), \
         updated_at = $2, finished_at = $2 WHERE id = $1",
    )
    .bind(id)
    .bind(at)
    .execute(store.pool())
    .await?;
    Ok(())
}

pub async fn fail(store: &Store, id: i64, error: &str) -> StoreResult<()> {
    let at = now();
    sqlx::query(
        "UPDATE bundle_exports SET status = 'failed', error = $2, updated_at = $3, \
         finished_at = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(error)
    .bind(at)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Removes the exports finished before `before` (their files are large; a new one is quick
/// to ask for).
pub async fn purge(store: &Store, before: i64) -> StoreResult<u64> {
    Ok(
        sqlx::query(
            "DELETE FROM bundle_exports WHERE finished_at IS NOT NULL AND finished_at < $1",
        )
        .bind(before)
        .execute(store.pool())
        .await?
        .rows_affected(),
    )
}
