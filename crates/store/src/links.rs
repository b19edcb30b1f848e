//! Personal links: long random secrets mailed to one person for one purpose (joining an
//! activity, subscribing to a calendar). Only their digest is stored; each expires, can be
//! revoked, and records when it was first and last opened — nothing more about who opened it.

use crate::{now, token, StoreResult};
use serde::Serialize;
use sqlx::{Any, FromRow, Transaction};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// `/j/{token}`: into one activity (virtual room, or its page).
    Join,
    /// `/calendar/{token}.ics`: every activity of the person's cohorts.
    Calendar,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Join => "join",
            Purpose::Calendar => "calendar",
        }
    }
}

impl TryFrom<String> for Purpose {
    type Error = crate::StoreError;
    fn try_from(s: String) -> Result<Purpose, crate::StoreError> {
        match s.as_str() {
            "join" => Ok(Purpose::Join),
            "calendar" => Ok(Purpose::Calendar),
            _ => Err(crate::StoreError::Refused("purpose")),
        }
    }
}

#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct PersonalLink {
    pub id: i64,
    pub user_id: i64,
    #[sqlx(try_from = "String")]
    pub purpose: Purpose,
    pub cohort_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub created_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
    pub first_opened_at: Option<i64>,
    pub last_opened_at: Option<i64>,
    pub opened_count: i64,
}

const COLUMNS: &str = "id, user_id, purpose, cohort_id, activity_id, created_at, expires_at, \
                       revoked_at, first_opened_at, last_opened_at, opened_count";

/// What a link opens.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    pub user_id: i64,
    pub purpose: Purpose,
    pub cohort_id: Option<i64>,
    pub activity_id: Option<i64>,
    pub expires_at: i64,
}

/// Creates a link inside the caller's transaction; returns the secret, which is never stored.
pub(crate) async fn issue_in(tx: &mut Transaction<'_, Any>, scope: Scope) -> StoreResult<String> {
    let secret = token::generate();
    sqlx::query(
        "INSERT INTO personal_links (token_hash, user_id, purpose, cohort_id, activity_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(token::digest(&secret))
    .bind(scope.user_id)
    .bind(scope.purpose.as_str())
    .bind(scope.cohort_id)
    .bind(scope.activity_id)
    .bind(now())
    .bind(scope.expires_at)
    .execute(&mut **tx)
    .await?;
    Ok(secret)
}

/// Creates a link on its own.
pub async fn issue(store: &crate::Store, scope: Scope) -> StoreResult<String> {
    let mut tx = store.pool().begin().await?;
    let secret = issue_in(&mut tx, scope).await?;
    tx.commit().await?;
    Ok(secret)
}

/// Records that a trainee opened one of the cohort's links (a convocation's login or join
/// link), once: the « links received » duty counts it.
pub(crate) async fn mark_opened_in(
    tx: &mut Transaction<'_, Any>,
    cohort_id: i64,
    user_id: i64,
    at: i64,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE enrollments SET links_opened_at = $1 WHERE cohort_id = $2 AND user_id = $3 \
         AND links_opened_at IS NULL",
    )
    .bind(at)
    .bind(cohort_id)
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Opens a link: if it is valid for `purpose` (not expired, not revoked, its owner active),
/// records the opening — and, for a cohort's link, that the trainee has received their links —
/// and returns it.
pub async fn open(
    store: &crate::Store,
    secret: &str,
    purpose: Purpose,
) -> StoreResult<Option<PersonalLink>> {
    if secret.len() > 200 {
        return Ok(None);
    }
    let at = now();
    let mut tx = store.pool().begin().await?;
    let link: Option<PersonalLink> = sqlx::query_as(&format!(
        "UPDATE personal_links SET opened_count = opened_count + 1, last_opened_at = $1, \
         first_opened_at = COALESCE(first_opened_at, $1) \
         WHERE token_hash = $2 AND purpose = $3 AND revoked_at IS NULL AND expires_at > $1 \
         AND EXISTS (SELECT 1 FROM users u WHERE u.id = personal_links.user_id AND u.active = 1) \
         RETURNING {COLUMNS}"
    ))
    .bind(at)
    .bind(token::digest(secret))
    .bind(purpose.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(l) = &link {
        if let Some(cohort_id) = l.cohort_id {
            mark_opened_in(&mut tx, cohort_id, l.user_id, at).await?;
        }
    }
    tx.commit().await?;
    Ok(link)
}

/// A person's links, newest first.
pub async fn of_user(store: &crate::Store, user_id: i64) -> StoreResult<Vec<PersonalLink>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM personal_links WHERE user_id = $1 ORDER BY id DESC"
    ))
    .bind(user_id)
    .fetch_all(store.pool())
    .await?)
}

/// A person's links for `purpose` that still open: neither revoked nor expired.
pub async fn active(
    store: &crate::Store,
    user_id: i64,
    purpose: Purpose,
) -> StoreResult<Vec<PersonalLink>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM personal_links WHERE user_id = $1 AND purpose = $2 \
         AND revoked_at IS NULL AND expires_at > $3 ORDER BY id DESC"
    ))
    .bind(user_id)
    .bind(purpose.as_str())
    .bind(now())
    .fetch_all(store.pool())
    .await?)
}

/// Revokes every active link of `user_id` for `purpose`; returns how many.
pub async fn revoke_all(store: &crate::Store, user_id: i64, purpose: Purpose) -> StoreResult<u64> {
    let done = sqlx::query(
        "UPDATE personal_links SET revoked_at = $1 WHERE user_id = $2 AND purpose = $3 AND revoked_at IS NULL",
    )
    .bind(now())
    .bind(user_id)
    .bind(purpose.as_str())
    .execute(store.pool())
    .await?;
    Ok(done.rows_affected())
}

/// Revokes one link of `user_id`.
pub async fn revoke(store: &crate::Store, user_id: i64, id: i64) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE personal_links SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(now())
    .bind(id)
    .bind(user_id)
    .execute(store.pool())
    .await?;
    if done.rows_affected() == 0 {
        return Err(crate::StoreError::NotFound);
    }
    Ok(())
}
