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

/// A person's active calendar link as they see it: where it was sent, and its use.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CalendarLink {
    pub id: i64,
    /// The cohort whose convocation carried it (« Session 1 — Former en hybride »); none for a
    /// link made on the calendar page or through the API.
    pub sent_with: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
    pub last_opened_at: Option<i64>,
    pub opened_count: i64,
}

/// `user_id`'s active calendar links, newest first, each with where it was sent.
pub async fn calendar_links(store: &Store, user_id: i64) -> Result<Vec<CalendarLink>> {
    let mut out = Vec::new();
    for l in active(store, user_id, Purpose::Calendar).await? {
        let sent_with = match l.cohort_id {
            Some(id) => match crate::cohorts::get(store, id).await {
                Ok(c) => {
                    let t = crate::trainings::get(store, c.training_id).await?;
                    Some(format!("{} — {}", t.title, c.label))
                }
                Err(crate::Error::NotFound) => None,
                Err(e) => return Err(e),
            },
            None => None,
        };
        out.push(CalendarLink {
            id: l.id,
            sent_with,
            created_at: l.created_at,
            expires_at: l.expires_at,
            last_opened_at: l.last_opened_at,
            opened_count: l.opened_count,
        });
    }
    Ok(out)
}

/// Revokes one of `user_id`'s links (someone else's is not found).
pub async fn revoke(store: &Store, user_id: i64, id: i64) -> Result<()> {
    hybride_store::links::revoke(store, user_id, id).await?;
    tracing::info!(user = user_id, link = id, "personal link revoked");
    Ok(())
}
