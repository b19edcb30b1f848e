//! Attempt counters in the database, so that every instance shares them: how many times a key
//! (an account, a network address) was used in the current fixed window.

use crate::{now, Store, StoreResult};

/// Counts one more attempt for `key` in the current window of `window_seconds`; returns the
/// attempts so far in that window, this one included.
pub async fn hit(store: &Store, key: &str, window_seconds: i64) -> StoreResult<i64> {
    hit_at(store, key, window_start(window_seconds, now())).await
}

/// Counts one more attempt for `key` in the window that starts at `start`.
pub async fn hit_at(store: &Store, key: &str, start: i64) -> StoreResult<i64> {
    let (hits,): (i64,) = sqlx::query_as(
        "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits",
    )
    .bind(key)
    .bind(start)
    .fetch_one(store.pool())
    .await?;
    Ok(hits)
}

/// The attempts of `key` in the current window, without counting one more.
pub async fn attempts(store: &Store, key: &str, window_seconds: i64) -> StoreResult<i64> {
    let window = window_seconds.max(1);
    let start = now() / window * window;
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT hits FROM rate_limits WHERE key = $1 AND window_start = $2")
            .bind(key)
            .bind(start)
            .fetch_optional(store.pool())
            .await?;
    Ok(row.map_or(0, |r| r.0))
}

/// Takes back one attempt of `key` in the window that starts at `window_start` (an attempt
/// counted before it was judged, which succeeded).
pub async fn forgive(store: &Store, key: &str, window_start: i64) -> StoreResult<()> {
    sqlx::query(
        "UPDATE rate_limits SET hits = hits - 1 WHERE key = $1 AND window_start = $2 AND hits > 0",
    )
    .bind(key)
    .bind(window_start)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// The start of the window of `window_seconds` that holds the instant `at`.
pub fn window_start(window_seconds: i64, at: i64) -> i64 {
    let window = window_seconds.max(1);
    at / window * window
}

/// Forgets windows that ended before `before`; run periodically.
pub async fn purge(store: &Store, before: i64) -> StoreResult<u64> {
    Ok(
        sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
            .bind(before)
            .execute(store.pool())
            .await?
            .rows_affected(),
    )
}
