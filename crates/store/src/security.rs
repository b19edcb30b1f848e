//! Sessions, API tokens and magic login links. Only digests of the secrets are stored.

use crate::people::{User, USER_COLUMNS};
use crate::Found;
use crate::{now, outbox, token, Store, StoreError, StoreResult};
use hybride_domain::second_factor::Pending;
use hybride_domain::sign_in::TokenScope;

/// Opens a session for `user_id`; returns the secret to put in the cookie.
pub async fn create_session(store: &Store, user_id: i64, ttl_seconds: i64) -> StoreResult<String> {
    insert_session(store, user_id, ttl_seconds, None).await
}

/// Opens a session whose sign-in is not complete (`pending`: what it awaits, a second factor's
/// code or its enrolment): it identifies nobody to [`session_user`], only to [`session`].
pub async fn create_pending_session(
    store: &Store,
    user_id: i64,
    ttl_seconds: i64,
    pending: Pending,
) -> StoreResult<String> {
    insert_session(store, user_id, ttl_seconds, Some(pending)).await
}

async fn insert_session(
    store: &Store,
    user_id: i64,
    ttl_seconds: i64,
    pending: Option<Pending>,
) -> StoreResult<String> {
    let secret = token::generate();
    insert_session_from(store, &secret, user_id, ttl_seconds, pending, None).await?;
    Ok(secret)
}

/// Where a session signed in through a provider came from, for logging out there.
pub(crate) struct Origin<'a> {
    pub provider_id: i64,
    /// The ID token as the caller seals it (never in clear).
    pub id_token: Option<&'a str>,
    pub ticket: Option<&'a str>,
}

/// The one way a session row is written, for the cookie's `secret` (only its digest is kept):
/// by a password (with what its sign-in still awaits), or through a provider (`origin`).
pub(crate) async fn insert_session_from(
    store: &Store,
    secret: &str,
    user_id: i64,
    ttl_seconds: i64,
    pending: Option<Pending>,
    origin: Option<Origin<'_>>,
) -> StoreResult<()> {
    let at = now();
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, created_at, expires_at, pending, provider_id, \
         id_token, ticket_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(token::digest(secret))
    .bind(user_id)
    .bind(at)
    .bind(at + ttl_seconds)
    .bind(pending.map(Pending::as_str))
    .bind(origin.as_ref().map(|o| o.provider_id))
    .bind(origin.as_ref().and_then(|o| o.id_token))
    .bind(origin.as_ref().and_then(|o| o.ticket).map(token::digest))
    .execute(store.pool())
    .await?;
    Ok(())
}

/// A session unused for this long ends, whatever its maximum age: a browser left open in a
/// staff room is not signed in the next morning.
pub const IDLE_SECONDS: i64 = 4 * 3600;

/// How often a session's last use is written down: not on every request.
const TOUCH_SECONDS: i64 = 60;

#[derive(sqlx::FromRow)]
struct SeenUser {
    #[sqlx(flatten)]
    user: User,
    seen_at: i64,
    pending: Option<String>,
}

/// The active user behind a session cookie, if the session is still valid (before its maximum
/// age, and used within the last [`IDLE_SECONDS`]) and its sign-in complete.
pub async fn session_user(store: &Store, secret: &str) -> StoreResult<Option<User>> {
    Ok(session(store, secret)
        .await?
        .and_then(|(user, pending)| pending.is_none().then_some(user)))
}

/// The active user behind a session cookie, if the session is still valid, and what its
/// sign-in still awaits (`None`: nothing, it is complete).
pub async fn session(store: &Store, secret: &str) -> StoreResult<Option<(User, Option<Pending>)>> {
    let at = now();
    let digest = token::digest(secret);
    let found: Option<SeenUser> = sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS}, COALESCE(s.last_seen_at, s.created_at) AS seen_at, s.pending \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.active = 1 \
         AND COALESCE(s.last_seen_at, s.created_at) > $3"
    ))
    .bind(&digest)
    .bind(at)
    .bind(at - IDLE_SECONDS)
    .fetch_optional(store.pool())
    .await?;
    let Some(found) = found else {
        return Ok(None);
    };
    if at - found.seen_at >= TOUCH_SECONDS {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(at)
            .bind(&digest)
            .execute(store.pool())
            .await?;
    }
    let pending = match found.pending.as_deref() {
        None => None,
        Some(p) => match Pending::parse(p) {
            Some(stage) => Some(stage),
            // A stage this version does not know identifies nobody.
            None => return Ok(None),
        },
    };
    Ok(Some((found.user, pending)))
}

pub async fn delete_session(store: &Store, secret: &str) -> StoreResult<()> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(token::digest(secret))
        .execute(store.pool())
        .await?;
    Ok(())
}

/// Ends every session of `user_id` but the one whose secret is `keep` (after a password change,
/// the person's other browsers are signed out); returns how many ended.
pub async fn end_other_sessions(
    store: &Store,
    user_id: i64,
    keep: Option<&str>,
) -> StoreResult<u64> {
    let keep = keep.map(token::digest).unwrap_or_default();
    Ok(
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
            .bind(user_id)
            .bind(keep)
            .execute(store.pool())
            .await?
            .rows_affected(),
    )
}

/// Removes expired sessions and login links; run periodically.
pub async fn purge_expired(store: &Store) -> StoreResult<u64> {
    let at = now();
    let a = sqlx::query(
        "DELETE FROM sessions WHERE expires_at <= $1 OR COALESCE(last_seen_at, created_at) <= $2",
    )
    .bind(at)
    .bind(at - IDLE_SECONDS)
    .execute(store.pool())
    .await?;
    let b = sqlx::query("DELETE FROM login_links WHERE expires_at <= $1")
        .bind(at)
        .execute(store.pool())
        .await?;
    let c = sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1")
        .bind(at)
        .execute(store.pool())
        .await?;
    Ok(a.rows_affected() + b.rows_affected() + c.rows_affected())
}

/// Creates a bearer token for the API that may read and write for a year; the secret is
/// returned once and never stored.
pub async fn create_api_token(store: &Store, user_id: i64, label: &str) -> StoreResult<String> {
    create_scoped_api_token(
        store,
        user_id,
        label,
        TokenScope::Write,
        now() + 365 * 86_400,
    )
    .await
}

/// Creates a bearer token of `scope`, valid until `expires_at`; the secret is returned once and
/// never stored.
pub async fn create_scoped_api_token(
    store: &Store,
    user_id: i64,
    label: &str,
    scope: TokenScope,
    expires_at: i64,
) -> StoreResult<String> {
    let secret = token::generate();
    sqlx::query(
        "INSERT INTO api_tokens (user_id, token_hash, label, created_at, scope, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(user_id)
    .bind(token::digest(&secret))
    .bind(label)
    .bind(now())
    .bind(scope.as_str())
    .bind(expires_at)
    .execute(store.pool())
    .await
    .map_err(StoreError::unique("token"))?;
    Ok(secret)
}

/// The active user behind a bearer token. Records its use at most once a minute.
pub async fn api_token_user(store: &Store, secret: &str) -> StoreResult<Option<User>> {
    Ok(api_token(store, secret).await?.map(|(u, _)| u))
}

/// The active user behind a bearer token that has neither expired nor been revoked, and what
/// the token may do. Records its use at most once a minute.
pub async fn api_token(store: &Store, secret: &str) -> StoreResult<Option<(User, TokenScope)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        user: User,
        last_used_at: Option<i64>,
        #[sqlx(try_from = "String")]
        scope: TokenScope,
    }
    let digest = token::digest(secret);
    let at = now();
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS}, t.last_used_at, t.scope FROM api_tokens t \
         JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active = 1 \
         AND (t.expires_at IS NULL OR t.expires_at > $2)"
    ))
    .bind(&digest)
    .bind(at)
    .fetch_optional(store.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    // When it was last used, to the minute: written only when a minute has passed, so that a
    // client's burst of requests reads and never waits for the write lock.
    if row.last_used_at.is_none_or(|t| t < at - 60) {
        sqlx::query(
            "UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2 \
             AND (last_used_at IS NULL OR last_used_at < $3)",
        )
        .bind(at)
        .bind(&digest)
        .bind(at - 60)
        .execute(store.pool())
        .await?;
    }
    Ok(Some((row.user, row.scope)))
}

/// An API token as its owner sees it (never its secret).
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ApiToken {
    pub id: i64,
    pub label: String,
    #[sqlx(try_from = "String")]
    pub scope: TokenScope,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub expires_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// A person's API tokens, newest first.
pub async fn api_tokens(store: &Store, user_id: i64) -> StoreResult<Vec<ApiToken>> {
    Ok(sqlx::query_as(
        "SELECT id, label, scope, created_at, last_used_at, expires_at, revoked_at \
         FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(user_id)
    .fetch_all(store.pool())
    .await?)
}

/// Revokes one of `user_id`'s tokens; another's, or one already revoked, is not found.
pub async fn revoke_api_token(store: &Store, user_id: i64, id: i64) -> StoreResult<()> {
    sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(now())
    .bind(id)
    .bind(user_id)
    .execute(store.pool())
    .await?
    .found()?;
    Ok(())
}

/// A magic login link to mail: creates the link and queues the e-mail in one transaction, so
/// that a link is never created without its mail nor mailed without being usable.
pub async fn create_login_link(
    store: &Store,
    user_id: i64,
    ttl_seconds: i64,
    mail: impl FnOnce(&str) -> outbox::Mail,
) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    let secret = create_login_link_in(&mut tx, user_id, now() + ttl_seconds, None).await?;
    outbox::enqueue_in(&mut tx, &mail(&secret)).await?;
    tx.commit().await?;
    Ok(())
}

/// A login link inside the caller's transaction, valid until `expires_at`; one from a cohort's
/// convocation leads into that cohort and counts as the trainee having received their links.
pub(crate) async fn create_login_link_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user_id: i64,
    expires_at: i64,
    cohort_id: Option<i64>,
) -> StoreResult<String> {
    let secret = token::generate();
    sqlx::query(
        "INSERT INTO login_links (user_id, token_hash, created_at, expires_at, cohort_id) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(user_id)
    .bind(token::digest(&secret))
    .bind(now())
    .bind(expires_at)
    .bind(cohort_id)
    .execute(&mut **tx)
    .await?;
    Ok(secret)
}

/// A used login link: who, and the cohort it leads into, if any.
#[derive(Debug, Clone)]
pub struct UsedLink {
    pub user: User,
    pub cohort_id: Option<i64>,
}

/// Uses a login link once: returns its user if the link is valid, unused and unexpired.
pub async fn consume_login_link(store: &Store, secret: &str) -> StoreResult<Option<UsedLink>> {
    let at = now();
    let mut tx = store.pool().begin().await?;
    let row: Option<(i64, Option<i64>)> = sqlx::query_as(
        "UPDATE login_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
         RETURNING user_id, cohort_id",
    )
    .bind(at)
    .bind(token::digest(secret))
    .fetch_optional(&mut *tx)
    .await?;
    let Some((user_id, cohort_id)) = row else {
        return Ok(None);
    };
    if let Some(c) = cohort_id {
        crate::links::mark_opened_in(&mut tx, c, user_id, at).await?;
    }
    tx.commit().await?;
    let user = crate::people::get(store, user_id).await?;
    Ok(user.active.0.then_some(UsedLink { user, cohort_id }))
}

/// Mails a password reset link for `user_id`, valid `ttl_seconds`: the link's secret and the
/// mail are written together, or neither.
pub async fn create_password_reset(
    store: &Store,
    user_id: i64,
    ttl_seconds: i64,
    mail: impl FnOnce(&str) -> outbox::Mail,
) -> StoreResult<()> {
    let secret = token::generate();
    let at = now();
    let mut tx = store.pool().begin().await?;
    sqlx::query(
        "INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(user_id)
    .bind(token::digest(&secret))
    .bind(at)
    .bind(at + ttl_seconds)
    .execute(&mut *tx)
    .await?;
    outbox::enqueue_in(&mut tx, &mail(&secret)).await?;
    tx.commit().await?;
    Ok(())
}

/// The account a reset link is for, while it is valid and unused.
pub async fn password_reset_user(store: &Store, secret: &str) -> StoreResult<Option<User>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM password_resets r JOIN users u ON u.id = r.user_id \
         WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND u.active = 1"
    ))
    .bind(token::digest(secret))
    .bind(now())
    .fetch_optional(store.pool())
    .await?)
}

/// Uses a reset link: the password becomes `hash`, every session of the person ends, and the
/// link (with any other the person was sent) can no longer be used. `user` is the link's holder
/// as [`password_reset_user`] read it; `None` when the link is no longer theirs to use (used or
/// expired in the meantime).
pub async fn reset_password(
    store: &Store,
    secret: &str,
    user: User,
    hash: &str,
) -> StoreResult<Option<User>> {
    let at = now();
    let mut tx = store.pool().begin().await?;
    let taken = sqlx::query(
        "UPDATE password_resets SET used_at = $1 \
         WHERE token_hash = $2 AND user_id = $3 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(at)
    .bind(token::digest(secret))
    .bind(user.id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if taken == 0 {
        // Used by another request in the meantime.
        return Ok(None);
    }
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(at)
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some(user))
}
