//! Delivers the outbox. With no SMTP server configured (the default and demo mode), each mail
//! is written as an `.eml` file in the mail folder and stays visible on the admin's outbox page.

use hybride_store::{outbox, Store};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Delivers pending mails every two seconds, for ever.
pub async fn run(store: Store, dir: PathBuf) {
    let mut tick = tokio::time::interval(Duration::from_secs(2));
    loop {
        tick.tick().await;
        if let Err(e) = deliver_pending(&store, &dir).await {
            tracing::warn!(error = %e, "mail delivery round failed");
        }
    }
}

/// One delivery round; returns how many mails were delivered.
pub async fn deliver_pending(store: &Store, dir: &Path) -> anyhow::Result<usize> {
    let mut delivered = 0;
    for mail in outbox::pending(store, 50).await? {
        match write_eml(dir, &mail).await {
            Ok(()) => {
                outbox::mark_sent(store, mail.id).await?;
                delivered += 1;
            }
            Err(e) => {
                tracing::warn!(mail = mail.id, error = %e, "mail not delivered");
                outbox::mark_failed(store, mail.id, &e.to_string()).await?;
            }
        }
    }
    Ok(delivered)
}

async fn write_eml(dir: &Path, mail: &outbox::OutboxMail) -> anyhow::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let date = jiff::Timestamp::from_second(mail.created_at)?;
    let text = format!(
        "To: {}\r\nSubject: {}\r\nDate: {}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
        mail.recipient,
        mail.subject,
        date,
        mail.body.replace('\n', "\r\n")
    );
    let path = dir.join(format!("{:08}.eml", mail.id));
    tokio::fs::write(path, text).await?;
    Ok(())
}
