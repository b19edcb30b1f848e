//! Delivers the outbox: over SMTP when a server is configured, otherwise (the default and demo
//! mode) as `.eml` files in the mail folder, visible on the admin's outbox page. Failed mails
//! are retried with a growing delay and given up after `outbox::MAX_ATTEMPTS`; the trainer sees
//! both on the cohort page.

use hybride_connect::mail::{Mailer, Outgoing};
use hybride_store::{outbox, Store};
use std::time::Duration;

/// Delivers due mails every two seconds, for ever.
pub async fn run(store: Store, mailer: Mailer) {
    let mut tick = tokio::time::interval(Duration::from_secs(2));
    loop {
        tick.tick().await;
        if let Err(e) = deliver_due(&store, &mailer).await {
            tracing::warn!(error = %e, "mail delivery round failed");
        }
    }
}

/// One delivery round; returns how many mails the server accepted.
pub async fn deliver_due(store: &Store, mailer: &Mailer) -> anyhow::Result<usize> {
    let mut delivered = 0;
    loop {
        let batch = outbox::claim_due(store, 20).await?;
        if batch.is_empty() {
            return Ok(delivered);
        }
        for mail in batch {
            let attachment = match (
                &mail.attachment_name,
                &mail.attachment_type,
                &mail.attachment,
            ) {
                (Some(n), Some(t), Some(c)) => Some((n.as_str(), t.as_str(), c.as_str())),
                _ => None,
            };
            let outgoing = Outgoing {
                id: mail.id,
                to: &mail.recipient,
                subject: &mail.subject,
                body: &mail.body,
                attachment,
            };
            match mailer.send(&outgoing).await {
                Ok(()) => {
                    outbox::mark_sent(store, mail.id).await?;
                    delivered += 1;
                }
                Err(e) => {
                    tracing::warn!(mail = mail.id, error = %e, permanent = e.is_permanent(), "mail not delivered");
                    outbox::mark_failed(store, mail.id, &e.to_string(), e.is_permanent()).await?;
                }
            }
        }
    }
}
