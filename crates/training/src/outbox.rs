//! Mails waiting in the outbox (the worker in `mailer` sends them): queued by the use cases, and
//! the latest ones shown to admins.

use crate::Result;
use hybride_store::Store;

pub use hybride_store::outbox::{Mail, OutboxMail};

/// Queues one mail on its own.
pub async fn enqueue(store: &Store, mail: &Mail) -> Result<i64> {
    Ok(hybride_store::outbox::enqueue(store, mail).await?)
}

/// The most recent mails first, as admins see them: without their working links (a login link
/// mailed to someone else must not open their account to whoever reads it here).
pub async fn recent(store: &Store, limit: i64) -> Result<Vec<OutboxMail>> {
    let mut mails = hybride_store::outbox::recent(store, limit).await?;
    for m in &mut mails {
        m.body = hybride_domain::text::without_working_links(&m.body);
    }
    Ok(mails)
}
