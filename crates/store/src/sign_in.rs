//! The académie's identity providers, the identities linked to accounts, and the sign-ins under
//! way. Secrets that only need comparing (a sign-in's `state`, a CAS ticket) are stored as
//! digests.

use crate::people::{User, USER_COLUMNS};
use crate::{now, token, Flag, Store, StoreError, StoreResult};
use hybride_domain::sign_in::{Newcomers, Protocol, ProviderSettings};
use sqlx::FromRow;

/// A provider as stored. The client secret stays here: it is never shown again.
#[derive(Debug, Clone, FromRow)]
pub struct Provider {
    pub id: i64,
    pub slug: String,
    #[sqlx(try_from = "String")]
    pub protocol: Protocol,
    pub label: String,
    pub url: String,
    pub client_id: String,
    pub client_secret: String,
    pub email_claim: String,
    pub first_name_claim: String,
    pub last_name_claim: String,
    pub establishment_claim: String,
    pub domains: String,
    #[sqlx(try_from = "String")]
    pub newcomers: Newcomers,
    #[sqlx(try_from = "i64")]
    pub active: Flag,
    pub created_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, slug, protocol, label, url, client_id, client_secret, email_claim, \
     first_name_claim, last_name_claim, establishment_claim, domains, newcomers, active, \
     created_at, updated_at";

/// Every provider, active ones first, by label.
pub async fn providers(store: &Store) -> StoreResult<Vec<Provider>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM identity_providers ORDER BY active DESC, label, id"
    ))
    .fetch_all(store.pool())
    .await?)
}

pub async fn provider(store: &Store, id: i64) -> StoreResult<Provider> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM identity_providers WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(store.pool())
    .await?
    .ok_or(StoreError::NotFound)
}

pub async fn provider_by_slug(store: &Store, slug: &str) -> StoreResult<Option<Provider>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM identity_providers WHERE slug = $1"
    ))
    .bind(slug)
    .fetch_optional(store.pool())
    .await?)
}

/// Declares a provider; a slug already taken is a conflict.
pub async fn create_provider(store: &Store, s: &ProviderSettings) -> StoreResult<i64> {
    let at = now();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO identity_providers (slug, protocol, label, url, client_id, client_secret, \
         email_claim, first_name_claim, last_name_claim, establishment_claim, domains, newcomers, \
         active, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
    )
    .bind(&s.slug)
    .bind(s.protocol.as_str())
    .bind(s.label.as_str())
    .bind(&s.url)
    .bind(&s.client_id)
    .bind(s.client_secret.clone().unwrap_or_default())
    .bind(&s.email_claim)
    .bind(&s.first_name_claim)
    .bind(&s.last_name_claim)
    .bind(&s.establishment_claim)
    .bind(s.domains.joined())
    .bind(s.newcomers.as_str())
    .bind(i64::from(s.active))
    .bind(at)
    .fetch_one(store.pool())
    .await
    .map_err(StoreError::unique("slug"))?;
    Ok(id)
}

/// Changes a provider; the client secret only when a new one is given.
pub async fn update_provider(store: &Store, id: i64, s: &ProviderSettings) -> StoreResult<()> {
    let done = sqlx::query(
        "UPDATE identity_providers SET slug = $1, protocol = $2, label = $3, url = $4, \
         client_id = $5, client_secret = COALESCE($6, client_secret), email_claim = $7, \
         first_name_claim = $8, last_name_claim = $9, establishment_claim = $10, domains = $11, \
         newcomers = $12, active = $13, updated_at = $14 WHERE id = $15",
    )
    .bind(&s.slug)
    .bind(s.protocol.as_str())
    .bind(s.label.as_str())
    .bind(&s.url)
    .bind(&s.client_id)
    .bind(s.client_secret.clone())
    .bind(&s.email_claim)
    .bind(&s.first_name_claim)
    .bind(&s.last_name_claim)
    .bind(&s.establishment_claim)
    .bind(s.domains.joined())
    .bind(s.newcomers.as_str())
    .bind(i64::from(s.active))
    .bind(now())
    .bind(id)
    .execute(store.pool())
    .await
    .map_err(StoreError::unique("slug"))?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Keeps a sign-in under way until `expires_at`; `state` is stored as its digest.
pub async fn begin(
    store: &Store,
    provider_id: i64,
    state: &str,
    nonce: &str,
    pkce_verifier: &str,
    next_path: &str,
    expires_at: i64,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO sign_in_attempts (state_hash, provider_id, nonce, pkce_verifier, next_path, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token::digest(state))
    .bind(provider_id)
    .bind(nonce)
    .bind(pkce_verifier)
    .bind(next_path)
    .bind(expires_at)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// A sign-in under way, taken once: a second return with the same `state` finds nothing.
#[derive(Debug, Clone, FromRow)]
pub struct Attempt {
    pub provider_id: i64,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next_path: String,
}

pub async fn take(store: &Store, state: &str) -> StoreResult<Option<Attempt>> {
    Ok(sqlx::query_as(
        "DELETE FROM sign_in_attempts WHERE state_hash = $1 AND expires_at > $2 \
         RETURNING provider_id, nonce, pkce_verifier, next_path",
    )
    .bind(token::digest(state))
    .bind(now())
    .fetch_optional(store.pool())
    .await?)
}

/// The account a provider's subject is linked to, if any.
pub async fn linked(store: &Store, provider_id: i64, subject: &str) -> StoreResult<Option<User>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM external_identities x JOIN users u ON u.id = x.user_id \
         WHERE x.provider_id = $1 AND x.subject = $2"
    ))
    .bind(provider_id)
    .bind(subject)
    .fetch_optional(store.pool())
    .await?)
}

/// Links the subject to the account (or notes that it was seen again).
pub async fn link(store: &Store, provider_id: i64, subject: &str, user_id: i64) -> StoreResult<()> {
    let at = now();
    sqlx::query(
        "INSERT INTO external_identities (provider_id, subject, user_id, linked_at, last_seen_at) \
         VALUES ($1, $2, $3, $4, $4) ON CONFLICT (provider_id, subject) \
         DO UPDATE SET last_seen_at = excluded.last_seen_at",
    )
    .bind(provider_id)
    .bind(subject)
    .bind(user_id)
    .bind(at)
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Opens a session that came through a provider, for the cookie's `secret` (made by the caller,
/// who seals the ID token with it): it remembers the provider, the sealed ID token (to log out
/// there) or the CAS ticket (as a digest, to end when the CAS server asks).
pub async fn create_session(
    store: &Store,
    secret: &str,
    user_id: i64,
    ttl_seconds: i64,
    provider_id: i64,
    sealed_id_token: Option<&str>,
    ticket: Option<&str>,
) -> StoreResult<()> {
    let origin = crate::security::Origin {
        provider_id,
        id_token: sealed_id_token,
        ticket,
    };
    crate::security::insert_session_from(store, secret, user_id, ttl_seconds, None, Some(origin))
        .await
}

/// How a session was opened, for logging out: the provider and the sealed ID token, if any.
pub async fn session_origin(
    store: &Store,
    secret: &str,
) -> StoreResult<Option<(i64, Option<String>)>> {
    let row: Option<(Option<i64>, Option<String>)> =
        sqlx::query_as("SELECT provider_id, id_token FROM sessions WHERE id_hash = $1")
            .bind(token::digest(secret))
            .fetch_optional(store.pool())
            .await?;
    Ok(row.and_then(|(p, t)| p.map(|p| (p, t))))
}

/// Ends the sessions opened with a CAS ticket (single logout); returns how many ended.
pub async fn end_ticket_sessions(
    store: &Store,
    provider_id: i64,
    ticket: &str,
) -> StoreResult<u64> {
    Ok(
        sqlx::query("DELETE FROM sessions WHERE provider_id = $1 AND ticket_hash = $2")
            .bind(provider_id)
            .bind(token::digest(ticket))
            .execute(store.pool())
            .await?
            .rows_affected(),
    )
}

/// Removes sign-ins abandoned on the way; run periodically.
pub async fn purge_attempts(store: &Store) -> StoreResult<u64> {
    Ok(
        sqlx::query("DELETE FROM sign_in_attempts WHERE expires_at <= $1")
            .bind(now())
            .execute(store.pool())
            .await?
            .rows_affected(),
    )
}
