//! A test harness that speaks the domain: the real application on port 0, a fresh database
//! (SQLite, or PostgreSQL when HYBRIDE_TEST_DATABASE_URL is set), and one HTTP client per person.

#![allow(dead_code)]

use hybride_domain::accounts::NewAccount;
use hybride_domain::{Email, PersonName, Role};
use hybride_store::people::User;
use hybride_store::testing::TestDatabase;
use hybride_store::Store;
use hybride_web::{AppState, Config};
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

pub const PASSWORD: &str = "correct horse battery staple";

/// The second factor's secret of the admins this harness creates (base 32).
pub const TEST_TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// Recovery codes the harness gives each admin it creates: one per login.
const HARNESS_CODES: usize = 30;

/// The `k`th recovery code the harness gives `email`.
fn harness_code(email: &str, k: usize) -> String {
    let digest = hybride_store::token::digest(&format!("harness {email} {k}"));
    let mut bytes = [0u8; hybride_domain::second_factor::RECOVERY_BYTES];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(&digest[2 * i..2 * i + 2], 16).unwrap();
    }
    hybride_domain::second_factor::recovery_code(&bytes)
}

pub struct TestApp {
    pub base: String,
    /// The running application's state, for jobs a test runs itself (the scheduler).
    pub state: AppState,
    pub db: TestDatabase,
    pub mail_dir: std::path::PathBuf,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

/// One password hash for every test account: Argon2 is deliberately slow.
fn password_hash() -> &'static str {
    static H: OnceLock<String> = OnceLock::new();
    H.get_or_init(|| hybride_training::password::hash(PASSWORD).unwrap())
}

impl TestApp {
    pub async fn start() -> TestApp {
        Self::start_with(false).await
    }

    pub async fn start_with(demo: bool) -> TestApp {
        Self::start_configured(move |c| Config { demo, ..c }).await
    }

    /// Starts the application with a configuration adjusted by `adjust`.
    pub async fn start_configured(adjust: impl FnOnce(Config) -> Config) -> TestApp {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("warn,hybride_web=info"))
            .with_test_writer()
            .try_init();
        let db = TestDatabase::new().await.expect("test database");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let base = format!("http://{addr}");
        let mail_dir = std::env::temp_dir().join(format!(
            "hybride-mail-{}",
            &hybride_store::token::generate()[..12]
        ));
        let state = AppState::new(
            db.store.clone(),
            adjust(Config::new(base.clone(), mail_dir.clone(), false)),
        );
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let kept = state.clone();
        tokio::spawn(async move {
            hybride_web::serve_on(state, listener, async {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
        TestApp {
            base,
            state: kept,
            db,
            mail_dir,
            shutdown: Some(tx),
        }
    }

    pub fn store(&self) -> &Store {
        &self.db.store
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Creates an account with the test password. An admin also gets a confirmed second factor
    /// (required of admins with a password), signed in with by [`Browser::login`] through
    /// recovery codes of this harness, one per login.
    pub async fn user(&self, email: &str, role: Role) -> User {
        let user = self.user_alone(email, role).await;
        if role == Role::Admin {
            hybride_store::second_factor::start(self.store(), user.id, TEST_TOTP_SECRET)
                .await
                .unwrap();
            let codes: Vec<String> = (0..HARNESS_CODES)
                .map(|k| {
                    hybride_domain::second_factor::normalise_recovery(&harness_code(email, k))
                        .unwrap()
                })
                .collect();
            assert!(
                hybride_store::second_factor::confirm(self.store(), user.id, 0, &codes)
                    .await
                    .unwrap()
            );
        }
        user
    }

    /// Creates an account with the test password, and nothing else (no second factor).
    pub async fn user_alone(&self, email: &str, role: Role) -> User {
        let account = NewAccount {
            email: Email::parse(email).unwrap(),
            last_name: PersonName::parse("Durand").unwrap(),
            first_name: PersonName::parse("Camille").unwrap(),
            role,
            establishment: None,
        };
        hybride_store::people::create(self.store(), &account, Some(password_hash()))
            .await
            .unwrap()
    }

    /// A browser with no one logged in.
    pub fn anonymous(&self) -> Browser {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        Browser {
            base: self.base.clone(),
            client: Client::builder()
                .cookie_provider(jar.clone())
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            jar,
        }
    }

    /// A browser logged in with a password as a new account of `role`.
    pub async fn as_role(&self, role: Role) -> (Browser, User) {
        let email = format!(
            "{}-{}@ac-lyon.fr",
            role.as_str(),
            &hybride_store::token::digest(&hybride_store::token::generate())[..8]
        );
        let user = self.user(&email, role).await;
        let b = self.anonymous();
        let r = b.login(&email, PASSWORD).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "login of {email}");
        (b, user)
    }

    pub async fn as_admin(&self) -> (Browser, User) {
        self.as_role(Role::Admin).await
    }

    pub async fn as_pilot(&self) -> (Browser, User) {
        self.as_role(Role::Pilot).await
    }

    /// A bearer token for `user`, as `hybride token create` makes one.
    pub async fn token_for(&self, user: &User) -> Api {
        let token = hybride_store::security::create_api_token(self.store(), user.id, "test")
            .await
            .unwrap();
        Api {
            base: self.base.clone(),
            token: Some(token),
            client: Client::new(),
            lang: None,
        }
    }

    pub fn api_anonymous(&self) -> Api {
        Api {
            base: self.base.clone(),
            token: None,
            client: Client::new(),
            lang: None,
        }
    }

    /// One round of the mail worker, into the mail folder.
    pub async fn deliver(&self) -> usize {
        let mailer = hybride_connect::mail::Mailer::folder(&self.mail_dir);
        hybride_training::mailer::deliver_due(self.store(), &mailer)
            .await
            .unwrap()
    }

    /// The last mail queued for `email`, after the worker delivered it.
    /// The server's own worker may have claimed it first: then this waits (10 s at most) for
    /// that worker to finish.
    pub async fn last_mail_to(&self, email: &str) -> hybride_store::outbox::OutboxMail {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            self.deliver().await;
            let mail = hybride_store::outbox::recent(self.store(), 100)
                .await
                .unwrap()
                .into_iter()
                .find(|m| m.recipient == email)
                .expect("a mail was sent");
            if mail.sent_at.is_some()
                || mail.failed_at.is_some()
                || mail.last_error.is_some()
                || std::time::Instant::now() > deadline
            {
                return mail;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = std::fs::remove_dir_all(&self.mail_dir);
    }
}

/// A browser: cookies kept, redirects not followed (tests look at them).
pub struct Browser {
    pub base: String,
    pub client: Client,
    /// Its cookies.
    pub jar: std::sync::Arc<reqwest::cookie::Jar>,
}

/// The CSRF token of the first form in a page.
pub fn csrf_in(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token");
    html[at + 19..].split('"').next().unwrap().to_owned()
}

impl Browser {
    /// The value of cookie `name` this browser holds for the site.
    pub fn cookie(&self, name: &str) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let url = self.base.parse().unwrap();
        let all = self.jar.cookies(&url)?;
        all.to_str()
            .unwrap()
            .split("; ")
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_owned())
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{}", self.base, path))
            .send()
            .await
            .unwrap()
    }

    pub async fn get_html(&self, path: &str) -> (StatusCode, String) {
        let r = self.get(path).await;
        let s = r.status();
        (s, r.text().await.unwrap())
    }

    /// The CSRF token this browser must put in forms.
    pub async fn csrf(&self) -> String {
        let (_, html) = self.get_html("/login").await;
        if html.contains("name=\"csrf\"") {
            return csrf_in(&html);
        }
        csrf_in(&self.get_html("/").await.1)
    }

    /// Submits a form with this browser's CSRF token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.client
            .post(format!("{}{}", self.base, path))
            .form(&all)
            .send()
            .await
            .unwrap()
    }

    /// Submits a form with one file (multipart), with this browser's CSRF token.
    pub async fn post_multipart(
        &self,
        path: &str,
        field: &str,
        filename: &str,
        bytes: &[u8],
    ) -> Response {
        let token = self.csrf().await;
        let form = reqwest::multipart::Form::new().text("csrf", token).part(
            field.to_owned(),
            reqwest::multipart::Part::bytes(bytes.to_vec())
                .file_name(filename.to_owned())
                .mime_str("text/csv")
                .unwrap(),
        );
        self.client
            .post(format!("{}{}", self.base, path))
            .multipart(form)
            .send()
            .await
            .unwrap()
    }

    /// Logs in with a password; when a second factor is asked for, answers with the next of
    /// the harness's recovery codes for `email` (see [`TestApp::user`]).
    pub async fn login(&self, email: &str, password: &str) -> Response {
        let r = self.login_password(email, password).await;
        let asks_code = r
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.starts_with("/login/second-factor"));
        if !asks_code {
            return r;
        }
        let k = {
            static USED: Mutex<BTreeMap<String, usize>> = Mutex::new(BTreeMap::new());
            let mut used = USED.lock().unwrap();
            let n = used.entry(format!("{} {email}", self.base)).or_insert(0);
            *n += 1;
            *n - 1
        };
        assert!(
            k < HARNESS_CODES,
            "more logins of {email} than harness codes"
        );
        self.post_form(
            "/login/second-factor",
            &[("code", &harness_code(email, k)), ("next", "/")],
        )
        .await
    }

    /// Posts the login form only: the answer to the password.
    pub async fn login_password(&self, email: &str, password: &str) -> Response {
        self.post_form(
            "/login",
            &[("email", email), ("password", password), ("next", "/")],
        )
        .await
    }
}

/// An API client.
pub struct Api {
    pub base: String,
    pub token: Option<String>,
    pub client: Client,
    pub lang: Option<&'static str>,
}

impl Api {
    pub fn in_english(mut self) -> Api {
        self.lang = Some("en");
        self
    }

    fn req(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let mut r = self
            .client
            .request(method, format!("{}{}", self.base, path));
        if let Some(t) = &self.token {
            r = r.bearer_auth(t);
        }
        if let Some(l) = self.lang {
            r = r.header("accept-language", l);
        }
        r
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        let r = self.req(reqwest::Method::GET, path).send().await.unwrap();
        let s = r.status();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::POST, path, body).await
    }

    pub async fn put(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::PUT, path, body).await
    }

    pub async fn patch(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::PATCH, path, body).await
    }

    pub async fn delete(&self, path: &str) -> (StatusCode, Value) {
        let r = self
            .req(reqwest::Method::DELETE, path)
            .send()
            .await
            .unwrap();
        let s = r.status();
        (s, r.json().await.unwrap_or(Value::Null))
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Value) -> (StatusCode, Value) {
        let r = self.req(method, path).json(&body).send().await.unwrap();
        let s = r.status();
        let ct = r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let v: Value = r.json().await.unwrap_or(Value::Null);
        if !s.is_success() {
            assert!(
                ct.starts_with("application/problem+json"),
                "{path}: error {s} as {ct}"
            );
        }
        (s, v)
    }

    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> (StatusCode, String, String) {
        let r = self
            .req(reqwest::Method::POST, path)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        let s = r.status();
        let ct = r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (s, ct, r.text().await.unwrap())
    }
}

/// A Python module whose package has another name on PyPI (`jwt` is PyJWT's).
pub fn python_package(module: &str, package: &str) {
    let present = |m: &str| {
        std::process::Command::new("python3")
            .arg("-c")
            .arg(format!("import {m}"))
            .status()
            .is_ok_and(|s| s.success())
    };
    if present(module) {
        return;
    }
    let status = std::process::Command::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            package,
        ])
        .status()
        .expect("python3 runs");
    assert!(
        status.success() && present(module),
        "could not install {package} with pip"
    );
}

/// Python modules the tests use as independent peers; installed with pip when missing.
pub fn python_modules(modules: &[&str]) {
    let check = |m: &[&str]| {
        std::process::Command::new("python3")
            .arg("-c")
            .arg(format!("import {}", m.join(", ")))
            .status()
            .is_ok_and(|s| s.success())
    };
    if check(modules) {
        return;
    }
    let status = std::process::Command::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(modules)
        .status()
        .expect("python3 runs");
    assert!(
        status.success() && check(modules),
        "could not install {modules:?} with pip"
    );
}

/// A real SMTP server on loopback (Python's aiosmtpd): every mail it receives is kept as JSON.
pub struct SmtpSink {
    pub port: u16,
    pub dir: std::path::PathBuf,
    child: std::process::Child,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        use std::io::BufRead;
        python_modules(&["aiosmtpd", "icalendar", "vobject"]);
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = std::env::temp_dir().join(format!(
            "hybride-smtp-{}",
            &hybride_store::token::generate()[..12]
        ));
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/smtp_sink.py");
        let mut child = std::process::Command::new("python3")
            .arg(script)
            .arg(&dir)
            .arg(port.to_string())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 runs");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP sink started");
        SmtpSink { port, dir, child }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every mail received so far, in order.
    pub fn received(&self) -> Vec<Value> {
        let mut files: Vec<_> = std::fs::read_dir(&self.dir)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "json"));
        files.sort();
        files
            .iter()
            .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
            .collect()
    }

    /// Waits (up to 30 s) until at least `n` mails have arrived.
    pub async fn wait_for(&self, n: usize) -> Vec<Value> {
        for _ in 0..300 {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!("expected {n} mails, got {}", self.received().len());
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The first link in `text` that starts with `prefix`.
pub fn link_in(text: &str, prefix: &str) -> String {
    let start = text
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix} in {text}"));
    text[start..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_owned()
}

/// The application's own links of a page (assets left out), as a crawler follows them.
pub fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|h| h.starts_with('/') && !h.starts_with("/assets") && !h.starts_with("/favicon"))
        .map(|h| h.replace("&amp;", "&"))
        .collect()
}
