//! Personal links (a trainee's login, join and calendar links): issued, opened, revoked.

use crate::Result;
use hybride_store::Store;

pub use hybride_store::links::{PersonalLink, Purpose, Scope};

/// Creates a link on its own.
pub async fn issue(store: &Store, scope: Scope) -> Result<String> {
    Ok(hybride_store::links::issue(store, scope).await?)
}

/// Opens a link: if it is valid for `purpose` (not expired, not revoked, its owner active),
/// records the opening — and, for a cohort's link, that the trainee has received their links —
/// and returns it.
pub async fn open(store: &Store, secret: &str, purpose: Purpose) -> Result<Option<PersonalLink>> {
    Ok(hybride_store::links::open(store, secret, purpose).await?)
}

/// A person's links for `purpose` that still open: neither revoked nor expired.
pub async fn active(store: &Store, user_id: i64, purpose: Purpose) -> Result<Vec<PersonalLink>> {
    Ok(hybride_store::links::active(store, user_id, purpose).await?)
}

/// Revokes every active link of `user_id` for `purpose`; returns how many.
pub async fn revoke_all(store: &Store, user_id: i64, purpose: Purpose) -> Result<u64> {
    Ok(hybride_store::links::revoke_all(store, user_id, purpose).await?)
}
