//! What Hybride does for a training, without HTTP: one module per domain word.
//!
//! The web layer and the binary call these functions; nothing here knows a request or a
//! response. Modules depend on each other in one direction only (a test checks that no two
//! import each other in a circle): the wording (`i18n`, `texts`) and the facts of the record
//! (`attendance`, `pay`) at the bottom, the use cases above them, and at the top the ones that
//! compose the others: `checklist` (the charter's items, from every phase's facts) and `jobs`
//! (what runs on its own). Nobody imports those two.

pub mod accounts;
pub mod after;
pub mod attendance;
pub mod audit;
pub mod before;
pub mod certificates;
pub mod checklist;
pub mod closing;
pub mod cohorts;
pub mod courses;
pub mod dashboard;
pub mod discussion;
pub mod documents;
pub mod during;
mod error;
pub mod exports;
pub mod housekeeping;
pub mod i18n;
pub mod import;
pub mod jobs;
pub mod limits;
pub mod links;
pub mod magistere;
pub mod mailer;
pub mod outbox;
pub mod password;
pub mod password_reset;
pub mod pay;
pub mod people;
pub mod plans;
pub mod qualifications;
pub mod questions;
pub mod retention;
pub mod second_factor;
pub mod sessions;
pub mod sign_in;
pub mod surveys;
pub mod texts;
pub mod trainings;

pub use error::{Error, Result};
/// The database every use case reads and writes, held by [`Hybride`].
pub use hybride_store::Store;

/// Now, in seconds since the Unix epoch: the clock every use case reads.
pub fn now() -> i64 {
    hybride_store::now()
}
use std::path::PathBuf;
use std::sync::Arc;

/// How Hybride runs; read from the command line and the environment by the binary.
#[derive(Clone)]
pub struct Config {
    /// The address users reach Hybride at, used in e-mailed links (`http://127.0.0.1:8080`).
    pub public_url: String,
    /// Adds `Secure` to cookies; on whenever `public_url` is https.
    pub secure_cookies: bool,
    /// Where mails are written when no SMTP server is configured.
    pub mail_dir: PathBuf,
    /// Demo mode shows the demo accounts on the login page.
    pub demo: bool,
    /// The BigBlueButton server rooms are created on, when there is one.
    pub bbb: Option<hybride_connect::bbb::BbbConfig>,
    /// The SMTP server mail goes through (`smtp://host:port`), and the sender's address; with
    /// none, mails are written to `mail_dir`.
    pub smtp: Option<(String, String)>,
    /// The reverse proxies in front of Hybride: only from them is the client's address read in
    /// `X-Forwarded-For` / `Forwarded` (otherwise every user would share the proxy's address in
    /// the attempt limits, and anyone could claim any address).
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// Written to logs: the SMTP server's password (in its URL) stays out.
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("public_url", &self.public_url)
            .field("secure_cookies", &self.secure_cookies)
            .field("mail_dir", &self.mail_dir)
            .field("demo", &self.demo)
            .field("bbb", &self.bbb)
            .field("trusted_proxies", &self.trusted_proxies)
            .field(
                "smtp",
                &self
                    .smtp
                    .as_ref()
                    .map(|(url, from)| (without_password(url), from)),
            )
            .finish()
    }
}

/// `smtp://user:secret@host` as `smtp://user:…@host`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => match rest[..at].split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:…{}", &rest[at..]),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

impl Config {
    pub fn new(public_url: impl Into<String>, mail_dir: PathBuf, demo: bool) -> Config {
        let public_url = public_url.into().trim_end_matches('/').to_owned();
        Config {
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            mail_dir,
            demo,
            bbb: None,
            smtp: None,
            trusted_proxies: Vec::new(),
        }
    }

    pub fn with_smtp(mut self, url: impl Into<String>, from: impl Into<String>) -> Config {
        self.smtp = Some((url.into(), from.into()));
        self
    }

    /// Where mail goes; an SMTP URL or sender that cannot be used is refused at start-up.
    pub fn mailer(&self) -> anyhow::Result<hybride_connect::mail::Mailer> {
        use hybride_connect::mail::Mailer;
        match &self.smtp {
            Some((url, from)) => Mailer::smtp(url, from)
                .map(|m| m.keeping_reserved_in(self.mail_dir.clone()))
                .map_err(anyhow::Error::msg),
            None => Ok(Mailer::folder(self.mail_dir.clone())),
        }
    }

    pub fn with_bbb(mut self, bbb: hybride_connect::bbb::BbbConfig) -> Config {
        self.bbb = Some(bbb);
        self
    }
}

/// What every use case works with: the store, the configuration and the mails' templates.
/// Cheap to clone.
#[derive(Clone)]
pub struct Hybride {
    pub store: Store,
    pub config: Arc<Config>,
    pub texts: Arc<texts::Texts>,
}

impl Hybride {
    pub fn new(store: Store, config: Config) -> Hybride {
        Hybride {
            store,
            config: Arc::new(config),
            texts: Arc::new(texts::Texts::new()),
        }
    }
}

/// The largest file a form accepts (a scanned certificate, a photo of a production): 10 Mo.
pub const MAX_UPLOAD: usize = 10 * 1024 * 1024;

/// A file a person sent with a form (a justification, a piece of evidence).
#[derive(Debug, Clone)]
pub struct Upload {
    /// The file's name as the browser gave it, without any folder.
    pub name: String,
    /// Its content; empty when it was larger than [`MAX_UPLOAD`] (then `too_large`).
    pub bytes: Vec<u8>,
    /// Larger than [`MAX_UPLOAD`]: not kept, refused on its field with the rest of the form.
    pub too_large: bool,
}

#[cfg(test)]
mod tests {
    use super::Config;

    #[test]
    fn the_smtp_password_stays_out_of_logs() {
        let c = Config::new("https://formation.ac-lyon.fr", "/tmp".into(), false).with_smtp(
            "smtp://eafc:tr3s-s3cret@smtp.ac-lyon.fr:587",
            "eafc@ac-lyon.fr",
        );
        let shown = format!("{c:?}");
        assert!(!shown.contains("tr3s-s3cret"), "{shown}");
        assert!(
            shown.contains("smtp://eafc:…@smtp.ac-lyon.fr:587"),
            "{shown}"
        );
        assert_eq!(
            super::without_password("smtp://smtp.ac-lyon.fr:25"),
            "smtp://smtp.ac-lyon.fr:25"
        );
    }
}
