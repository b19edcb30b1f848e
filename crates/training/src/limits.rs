//! Attempt counters (guessing a password, a link, a signing code), counted in the database so
//! that every instance shares them. Which limits apply, and what a refusal looks like, is the
//! caller's: here an attempt is counted and given back.

use crate::Result;
use hybride_store::{limits, Store};

/// Counts one more attempt for `key` in the current window of `window_seconds`; returns the
/// attempts so far in that window, this one included.
pub async fn hit(store: &Store, key: &str, window_seconds: i64) -> Result<i64> {
    Ok(limits::hit(store, key, window_seconds).await?)
}

/// Counts one more attempt for `key` now, as [`hit`] does; returns the attempts so far and the
/// start of their window, which [`forgive`] needs to give the attempt back.
pub async fn hit_in_window(store: &Store, key: &str, window_seconds: i64) -> Result<(i64, i64)> {
    let window_start = limits::window_start(window_seconds, crate::now());
    let hits = limits::hit_at(store, key, window_start).await?;
    Ok((hits, window_start))
}

/// Takes back one attempt of `key` in the window that starts at `window_start` (an attempt
/// counted before it was judged, which succeeded).
pub async fn forgive(store: &Store, key: &str, window_start: i64) -> Result<()> {
    Ok(limits::forgive(store, key, window_start).await?)
}
