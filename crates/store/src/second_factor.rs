//! A person's second factor: the authenticator app's secret (kept as it is: codes are computed
//! from it), when it was confirmed, the time step of the last code accepted, and the recovery
//! codes, stored only as their SHA-256 digest.

use crate::{now, token, Store, StoreResult};

/// A person's second factor as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SecondFactor {
    pub user_id: i64,
    /// The app's secret, in base 32.
    pub secret: String,
    pub created_at: i64,
    /// `None` until a first code confirmed it: until then it asks for nothing.
    pub confirmed_at: Option<i64>,
    /// The time step of the last code accepted.
    pub last_step: Option<i64>,
}

/// `user_id`'s second factor, confirmed or not.
pub async fn get(store: &Store, user_id: i64) -> StoreResult<Option<SecondFactor>> {
    Ok(sqlx::query_as(
        "SELECT user_id, secret, created_at, confirmed_at, last_step FROM second_factors \
         WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(store.pool())
    .await?)
}

/// Starts an enrolment with `secret`, unless one is under way or confirmed; returns the
/// factor as it now stands (the one under way keeps its secret, so that a page shown again
/// shows the same QR code).
pub async fn start(store: &Store, user_id: i64, secret: &str) -> StoreResult<SecondFactor> {
    sqlx::query(
        "INSERT INTO second_factors (user_id, secret, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(secret)
    .bind(now())
    .execute(store.pool())
    .await?;
    get(store, user_id)
        .await?
        .ok_or(crate::StoreError::NotFound)
}

/// Confirms `user_id`'s enrolment under way with a code of time step `step`, and gives them
/// the recovery `codes` (as normalised; stored as their digests; any earlier ones removed), in
/// one transaction. `false` when there is no enrolment under way (confirmed meanwhile, or removed).
pub async fn confirm(
    store: &Store,
    user_id: i64,
    step: i64,
    codes: &[String],
) -> StoreResult<bool> {
    let mut tx = store.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE second_factors SET confirmed_at = $1, last_step = $2 \
         WHERE user_id = $3 AND confirmed_at IS NULL",
    )
    .bind(now())
    .bind(step)
    .bind(user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if done == 0 {
        return Ok(false);
    }
    replace_codes_in(&mut tx, user_id, codes).await?;
    tx.commit().await?;
    Ok(true)
}

/// Accepts a code of time step `step` for `user_id`'s confirmed factor, once: `false` when a
/// code of this step or a later one was accepted already (by another request too).
pub async fn accept_step(store: &Store, user_id: i64, step: i64) -> StoreResult<bool> {
    Ok(sqlx::query(
        "UPDATE second_factors SET last_step = $1 WHERE user_id = $2 \
         AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < $1)",
    )
    .bind(step)
    .bind(user_id)
    .execute(store.pool())
    .await?
    .rows_affected()
        == 1)
}

/// Uses one of `user_id`'s recovery codes (`code` as normalised), once: `false` when it is not
/// one of theirs or was used already.
pub async fn use_recovery_code(store: &Store, user_id: i64, code: &str) -> StoreResult<bool> {
    Ok(sqlx::query(
        "UPDATE recovery_codes SET used_at = $1 \
         WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(now())
    .bind(user_id)
    .bind(token::digest(code))
    .execute(store.pool())
    .await?
    .rows_affected()
        == 1)
}

/// Replaces `user_id`'s recovery codes by `codes` (as normalised; stored as their digests):
/// the old ones stop working.
pub async fn replace_recovery_codes(
    store: &Store,
    user_id: i64,
    codes: &[String],
) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    replace_codes_in(&mut tx, user_id, codes).await?;
    tx.commit().await?;
    Ok(())
}

async fn replace_codes_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user_id: i64,
    codes: &[String],
) -> StoreResult<()> {
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    let at = now();
    for code in codes {
        sqlx::query(
            "INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)",
        )
        .bind(user_id)
        .bind(token::digest(code))
        .bind(at)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// How many of `user_id`'s recovery codes are still unused.
pub async fn recovery_codes_left(store: &Store, user_id: i64) -> StoreResult<i64> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL",
    )
    .bind(user_id)
    .fetch_one(store.pool())
    .await?;
    Ok(n)
}

/// Removes `user_id`'s second factor and recovery codes.
pub async fn remove(store: &Store, user_id: i64) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM second_factors WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Resets `user_id`'s second factor for them (they lost their phone and their recovery codes):
/// the factor and its codes go, and so do their sessions, all at once. `false` when they had
/// no confirmed one (nothing changes: an enrolment under way is theirs to finish or restart).
pub async fn reset(store: &Store, user_id: i64) -> StoreResult<bool> {
    let mut tx = store.pool().begin().await?;
    let removed =
        sqlx::query("DELETE FROM second_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL")
            .bind(user_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    if removed == 0 {
        return Ok(false);
    }
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}
