//! What M@gistère said of each cohort's course when it was last checked (as JSON, written and
//! read by the training crate).

use crate::{Store, StoreResult};

/// Keeps the latest check of `cohort_id`'s course, replacing the one before.
pub async fn put(store: &Store, cohort_id: i64, checked_at: i64, result: &str) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO magistere_checks (cohort_id, checked_at, result) VALUES ($1, $2, $3) \
         ON CONFLICT (cohort_id) DO UPDATE SET checked_at = excluded.checked_at, result = excluded.result",
    )
    .bind(cohort_id)
    .bind(checked_at)
    .bind(result)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The latest check of `cohort_id`'s course: when, and what it found.
pub async fn get(store: &Store, cohort_id: i64) -> StoreResult<Option<(i64, String)>> {
    Ok(
        sqlx::query_as("SELECT checked_at, result FROM magistere_checks WHERE cohort_id = $1")
            .bind(cohort_id)
            .fetch_optional(store.pool())
            .await?,
    )
}
