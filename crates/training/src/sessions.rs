//! Who is signed in: browser sessions, API tokens and mailed login links, and the random secrets
//! they (and other cookies) are made of. Only digests of the secrets are stored.

use crate::people::User;
use crate::Result;
use hybride_store::outbox::Mail;
use hybride_store::security;
use hybride_store::Store;

pub use hybride_store::security::UsedLink;

/// A new 256-bit random secret, URL-safe (a session, a CSRF token, a device's cookie).
pub fn secret() -> String {
    hybride_store::token::generate()
}

/// Opens a session for `user_id`; returns the secret to put in the cookie.
pub async fn create(store: &Store, user_id: i64, ttl_seconds: i64) -> Result<String> {
    Ok(security::create_session(store, user_id, ttl_seconds).await?)
}

/// The active user behind a session cookie, if the session is still valid.
pub async fn user(store: &Store, secret: &str) -> Result<Option<User>> {
    Ok(security::session_user(store, secret).await?)
}

/// Ends the session whose cookie holds `secret` (logging out).
pub async fn end(store: &Store, secret: &str) -> Result<()> {
    Ok(security::delete_session(store, secret).await?)
}

/// The active user behind an API token, if the token is known.
pub async fn api_token_user(store: &Store, secret: &str) -> Result<Option<User>> {
    Ok(security::api_token_user(store, secret).await?)
}

/// Mails `user_id` a login link valid `ttl_seconds`: `mail` writes the mail around the link's
/// secret; the link and its mail are stored together.
pub async fn send_login_link(
    store: &Store,
    user_id: i64,
    ttl_seconds: i64,
    mail: impl FnOnce(&str) -> Mail,
) -> Result<()> {
    Ok(security::create_login_link(store, user_id, ttl_seconds, mail).await?)
}

/// Uses a login link once: its user, if the link is valid, unused and unexpired.
pub async fn consume_login_link(store: &Store, secret: &str) -> Result<Option<UsedLink>> {
    Ok(security::consume_login_link(store, secret).await?)
}
