//! Sending e-mail: over SMTP (lettre), or, with no server configured, into a folder of `.eml`
//! files (demo mode). The outbox worker decides what to send and when; this module only sends.

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;

/// One mail, ready to go.
#[derive(Debug, Clone)]
pub struct Outgoing<'a> {
    /// The outbox id: makes the Message-ID, so that a resent mail is recognised as the same.
    pub id: i64,
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    /// (file name, content type, text content)
    pub attachment: Option<(&'a str, &'a str, &'a str)>,
}

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    /// Trying again will not help (a refused address, a malformed mail).
    #[error("{0}")]
    Permanent(String),
    /// The server was unreachable or busy: try again later.
    #[error("{0}")]
    Transient(String),
}

impl SendError {
    pub fn is_permanent(&self) -> bool {
        matches!(self, SendError::Permanent(_))
    }
}

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    Folder(PathBuf),
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
        /// The domain of Message-IDs.
        domain: String,
        /// Where mail to reserved domains (`.test`, `.invalid`, `.example`…: the demo's people)
        /// is written instead of being relayed.
        reserved_dir: PathBuf,
    },
}

/// Domains that never receive mail (RFC 2606 and RFC 6761): the demo's people live there.
pub fn is_reserved(address: &str) -> bool {
    let domain = address
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .trim_end_matches('>')
        .to_ascii_lowercase();
    ["test", "invalid", "example", "localhost"]
        .iter()
        .any(|tld| domain == *tld || domain.ends_with(&format!(".{tld}")))
        || ["example.com", "example.net", "example.org"]
            .iter()
            .any(|d| domain == *d || domain.ends_with(&format!(".{d}")))
}

async fn write_eml(dir: &std::path::Path, m: &Outgoing<'_>) -> Result<(), SendError> {
    let from: Mailbox = "Hybride <ne-pas-repondre@hybride.invalid>"
        .parse()
        .map_err(|e| SendError::Permanent(format!("{e}")))?;
    let message = build(m, &from, "hybride.invalid")?;
    tokio::fs::create_dir_all(dir)
        .await
        .map_err(|e| SendError::Transient(e.to_string()))?;
    tokio::fs::write(dir.join(format!("{:08}.eml", m.id)), message.formatted())
        .await
        .map_err(|e| SendError::Transient(e.to_string()))
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Folder(p) => write!(f, "Folder({})", p.display()),
            Mailer::Smtp { from, .. } => write!(f, "Smtp(from {from})"),
        }
    }
}

impl Mailer {
    /// An SMTP server from a URL such as `smtp://127.0.0.1:2525`,
    /// `smtp://user:password@relay.ac-lyon.fr:587?tls=required` or `smtps://relay:465`.
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, String> {
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("sender address {from:?}: {e}"))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SMTP URL: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let domain = from.email.domain().to_owned();
        Ok(Mailer::Smtp {
            transport,
            from,
            domain,
            reserved_dir: PathBuf::from("hybride-mail"),
        })
    }

    /// Mail to reserved domains is written to `dir` rather than relayed.
    pub fn keeping_reserved_in(self, dir: impl Into<PathBuf>) -> Mailer {
        match self {
            Mailer::Smtp {
                transport,
                from,
                domain,
                ..
            } => Mailer::Smtp {
                transport,
                from,
                domain,
                reserved_dir: dir.into(),
            },
            folder => folder,
        }
    }

    pub fn folder(dir: impl Into<PathBuf>) -> Mailer {
        Mailer::Folder(dir.into())
    }

    /// Sends one mail.
    pub async fn send(&self, m: &Outgoing<'_>) -> Result<(), SendError> {
        match self {
            Mailer::Folder(dir) => write_eml(dir, m).await,
            // Never relayed: nobody is there (the demo's people), and a real relay would try.
            Mailer::Smtp { reserved_dir, .. } if is_reserved(m.to) => {
                tracing::info!(
                    mail = m.id,
                    "reserved domain: written to the mail folder, not relayed"
                );
                write_eml(reserved_dir, m).await
            }
            Mailer::Smtp {
                transport,
                from,
                domain,
                ..
            } => {
                let message = build(m, from, domain)?;
                match transport.send(message).await {
                    Ok(_) => Ok(()),
                    Err(e) if e.is_permanent() => Err(SendError::Permanent(e.to_string())),
                    Err(e) => Err(SendError::Transient(e.to_string())),
                }
            }
        }
    }
}

fn build(m: &Outgoing<'_>, from: &Mailbox, domain: &str) -> Result<Message, SendError> {
    let to: Mailbox =
        m.to.parse()
            .map_err(|e| SendError::Permanent(format!("recipient {:?}: {e}", m.to)))?;
    let builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(m.subject)
        .message_id(Some(format!("<outbox-{}@{domain}>", m.id)));
    let text = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(m.body.to_owned());
    let message = match m.attachment {
        None => builder.singlepart(text),
        Some((name, content_type, content)) => {
            let ct = ContentType::parse(content_type)
                .map_err(|e| SendError::Permanent(format!("content type {content_type:?}: {e}")))?;
            builder.multipart(
                MultiPart::mixed()
                    .singlepart(text)
                    .singlepart(Attachment::new(name.to_owned()).body(content.to_owned(), ct)),
            )
        }
    };
    message.map_err(|e| SendError::Permanent(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_folder_receives_a_readable_mail_with_its_attachment() {
        let dir = std::env::temp_dir().join(format!("hybride-mail-{}", std::process::id()));
        let mailer = Mailer::folder(&dir);
        mailer
            .send(&Outgoing {
                id: 7,
                to: "lea.martin@ac-lyon.fr",
                subject: "Convocation : « Enseigner en hybride »",
                body: "Bonjour Léa,\nvoici vos liens.",
                attachment: Some((
                    "formation.ics",
                    "text/calendar; charset=utf-8",
                    "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
                )),
            })
            .await
            .unwrap();
        let eml = std::fs::read_to_string(dir.join("00000007.eml")).unwrap();
        assert!(eml.contains("To: lea.martin@ac-lyon.fr"));
        assert!(eml.contains("Message-ID: <outbox-7@hybride.invalid>"));
        assert!(eml.contains("multipart/mixed"));
        assert!(eml.contains("filename=\"formation.ics\""));
        // Non-ASCII subjects are encoded (RFC 2047), never sent raw.
        let headers = eml.split("\r\n\r\n").next().unwrap();
        assert!(headers.contains("=?utf-8?"), "{headers}");
        assert!(!headers.contains('«'), "{headers}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[tokio::test]
    async fn mail_to_reserved_domains_is_never_relayed() {
        assert!(is_reserved("lea.martin@ac-demo.test"));
        assert!(is_reserved("x@hybride.invalid") && is_reserved("x@example.org"));
        assert!(!is_reserved("lea.martin@ac-lyon.fr") && !is_reserved("x@testing.fr"));
        // Port 9 on loopback: nothing listens, so a relay attempt would fail; it is written down.
        let dir = std::env::temp_dir().join(format!("hybride-reserved-{}", std::process::id()));
        let mailer = Mailer::smtp("smtp://127.0.0.1:9", "Hybride <hybride@ac-lyon.fr>")
            .unwrap()
            .keeping_reserved_in(&dir);
        mailer
            .send(&Outgoing {
                id: 3,
                to: "lea.martin@ac-demo.test",
                subject: "Convocation",
                body: "Bonjour.",
                attachment: None,
            })
            .await
            .unwrap();
        assert!(dir.join("00000003.eml").exists());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[tokio::test]
    async fn a_bad_recipient_is_a_permanent_failure() {
        let mailer = Mailer::folder(std::env::temp_dir());
        let e = mailer
            .send(&Outgoing {
                id: 1,
                to: "not an address",
                subject: "x",
                body: "x",
                attachment: None,
            })
            .await
            .unwrap_err();
        assert!(e.is_permanent());
    }

    #[tokio::test]
    async fn an_unreachable_server_is_a_transient_failure() {
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        let mailer = Mailer::smtp("smtp://127.0.0.1:9", "Hybride <hybride@ac-lyon.fr>").unwrap();
        let e = mailer
            .send(&Outgoing {
                id: 1,
                to: "lea.martin@ac-lyon.fr",
                subject: "x",
                body: "x",
                attachment: None,
            })
            .await
            .unwrap_err();
        assert!(!e.is_permanent(), "{e}");
    }
}
