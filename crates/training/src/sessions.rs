//! Who is signed in: browser sessions, API tokens and mailed login links, and the random secrets
//! they (and other cookies) are made of. Only digests of the secrets are stored.

use crate::people::User;
use crate::Result;
use hybride_store::outbox::Mail;
use hybride_store::security;
use hybride_store::Store;

pub use hybride_domain::second_factor::Pending;
pub use hybride_domain::sign_in::{NewToken, TokenScope};
pub use hybride_store::security::{ApiToken, UsedLink};

/// A new 256-bit random secret, URL-safe (a session, a CSRF token, a device's cookie).
pub fn secret() -> String {
    hybride_store::token::generate()
}

/// Opens a session for `user_id`; returns the secret to put in the cookie.
pub async fn create(store: &Store, user_id: i64, ttl_seconds: i64) -> Result<String> {
    Ok(security::create_session(store, user_id, ttl_seconds).await?)
}

/// Opens a session whose sign-in is not complete: it awaits `pending` (a second factor's code,
/// or its enrolment) and lets its holder do nothing else; it lasts `ttl_seconds`.
pub async fn create_pending(
    store: &Store,
    user_id: i64,
    ttl_seconds: i64,
    pending: Pending,
) -> Result<String> {
    Ok(security::create_pending_session(store, user_id, ttl_seconds, pending).await?)
}

/// The active user behind a session cookie, if the session is still valid and its sign-in
/// complete.
pub async fn user(store: &Store, secret: &str) -> Result<Option<User>> {
    Ok(security::session_user(store, secret).await?)
}

/// The active user behind a session cookie, if the session is still valid, and what its
/// sign-in still awaits (`None`: nothing).
pub async fn lookup(store: &Store, secret: &str) -> Result<Option<(User, Option<Pending>)>> {
    Ok(security::session(store, secret).await?)
}

/// Ends the session whose cookie holds `secret` (logging out).
pub async fn end(store: &Store, secret: &str) -> Result<()> {
    Ok(security::delete_session(store, secret).await?)
}

/// The active user behind an API token, if the token is known.
pub async fn api_token_user(store: &Store, secret: &str) -> Result<Option<User>> {
    Ok(security::api_token_user(store, secret).await?)
}

/// The active user behind an API token that has neither expired nor been revoked, and what it
/// may do.
pub async fn api_token(store: &Store, secret: &str) -> Result<Option<(User, TokenScope)>> {
    Ok(security::api_token(store, secret).await?)
}

/// `user`'s API tokens, newest first (never their secrets).
pub async fn api_tokens(store: &Store, user: &User) -> Result<Vec<ApiToken>> {
    Ok(security::api_tokens(store, user.id).await?)
}

/// Creates an API token for `user` as asked (label, scope, days, each checked); the secret is
/// returned once.
pub async fn create_api_token(store: &Store, user: &User, asked: &NewToken) -> Result<String> {
    let expires_at = crate::now() + asked.days * 86_400;
    let secret = security::create_scoped_api_token(
        store,
        user.id,
        asked.label.as_str(),
        asked.scope,
        expires_at,
    )
    .await?;
    tracing::info!(
        user = user.id,
        scope = asked.scope.as_str(),
        days = asked.days,
        "API token created"
    );
    Ok(secret)
}

/// Revokes one of `user`'s tokens.
pub async fn revoke_api_token(store: &Store, user: &User, id: i64) -> Result<()> {
    security::revoke_api_token(store, user.id, id).await?;
    tracing::info!(user = user.id, token = id, "API token revoked");
    Ok(())
}

/// Mails `user` a login link valid `ttl_seconds`: `mail` writes the mail around the link's
/// secret; the link and its mail are stored together. Only trainees are sent one: for anyone
/// else nothing is sent, and `false` is answered (the caller answers the same either way).
pub async fn send_login_link(
    store: &Store,
    user: &User,
    ttl_seconds: i64,
    mail: impl FnOnce(&str) -> Mail,
) -> Result<bool> {
    if !user.role.signs_in_by_mailed_link() {
        return Ok(false);
    }
    security::create_login_link(store, user.id, ttl_seconds, mail).await?;
    Ok(true)
}

/// Uses a login link once: its user, if the link is valid, unused and unexpired, and its user
/// one who signs in by mailed links (a trainee).
pub async fn consume_login_link(store: &Store, secret: &str) -> Result<Option<UsedLink>> {
    Ok(security::consume_login_link(store, secret)
        .await?
        .filter(|used| used.user.role.signs_in_by_mailed_link()))
}

/// What a session keeps that only its own browser may read back (the provider's ID token, for
/// logging out there): sealed with ChaCha20-Poly1305 under a key derived from the session's
/// secret. The database holds the secret's digest only, so a copy of the database (a backup,
/// a reader of the sessions table) cannot open it; the browser's cookie can.
pub mod kept {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use chacha20poly1305::aead::{Aead, KeyInit};
    use chacha20poly1305::{ChaCha20Poly1305, Nonce};
    use sha2::{Digest, Sha256};

    /// Marks the format (and the key's derivation) of what [`seal`] writes.
    const VERSION: &str = "v1.";

    fn cipher(session: &str) -> ChaCha20Poly1305 {
        let mut h = Sha256::new();
        h.update(b"hybride session-kept v1\0");
        h.update(session.as_bytes());
        ChaCha20Poly1305::new_from_slice(&h.finalize()).expect("a 256-bit key")
    }

    /// `text` sealed for the session whose cookie holds `session`.
    pub fn seal(session: &str, text: &str) -> String {
        let mut nonce = [0u8; 12];
        getrandom::getrandom(&mut nonce).expect("the system's random source");
        let sealed = cipher(session)
            .encrypt(&Nonce::from(nonce), text.as_bytes())
            .expect("sealing in memory cannot fail");
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!("{VERSION}{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    /// What [`seal`] sealed for `session`; `None` for another session's, a changed one, or
    /// anything else (a token kept in clear before sealing existed).
    pub fn open(session: &str, kept: &str) -> Option<String> {
        let bytes = URL_SAFE_NO_PAD.decode(kept.strip_prefix(VERSION)?).ok()?;
        if bytes.len() < 12 {
            return None;
        }
        let (nonce, sealed) = bytes.split_at(12);
        let nonce: [u8; 12] = nonce.try_into().ok()?;
        let text = cipher(session).decrypt(&Nonce::from(nonce), sealed).ok()?;
        String::from_utf8(text).ok()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn only_the_session_that_sealed_opens() {
            let session = crate::sessions::secret();
            let token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjbGFpcmUifQ.c2lnbmF0dXJl";
            let kept = seal(&session, token);
            assert!(kept.starts_with(VERSION));
            assert!(!kept.contains("eyJ"), "{kept}");
            assert_eq!(open(&session, &kept).as_deref(), Some(token));
            // Sealed twice, never the same text.
            assert_ne!(seal(&session, token), kept);
            // Another session's key opens nothing.
            assert_eq!(open(&crate::sessions::secret(), &kept), None);
            // A changed byte, a cut text, a token kept in clear: nothing.
            let mut changed = kept.clone().into_bytes();
            let last = changed.len() - 1;
            changed[last] = if changed[last] == b'A' { b'B' } else { b'A' };
            assert_eq!(open(&session, &String::from_utf8(changed).unwrap()), None);
            assert_eq!(open(&session, &kept[..20]), None);
            assert_eq!(open(&session, token), None);
            assert_eq!(open(&session, "v1."), None);
        }
    }
}
