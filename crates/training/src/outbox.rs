//! Mails waiting in the outbox (the worker in `mailer` sends them): queued by the use cases, and
//! the latest ones shown to admins.

use crate::Result;
use hybride_store::Store;

pub use hybride_store::outbox::{Mail, OutboxMail};

/// Queues one mail on its own.
pub async fn enqueue(store: &Store, mail: &Mail) -> Result<i64> {
    Ok(hybride_store::outbox::enqueue(store, mail).await?)
}

/// The most recent mails first.
pub async fn recent(store: &Store, limit: i64) -> Result<Vec<OutboxMail>> {
    Ok(hybride_store::outbox::recent(store, limit).await?)
}
