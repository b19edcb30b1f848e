//! Signing in through the académie's identity providers, against real ones started on
//! loopback: the OpenID Certified `oidc-provider` (npm) and `django-cas-server` (PyPI), driven
//! through their own login pages. The bad ID tokens come from a test double of our own (an
//! in-process provider that signs what it is told to, with HS256 and the client secret), since
//! a real provider will not sign a wrong audience or an expired token on request.

mod common;

use common::*;
use hybride_domain::Role;
use reqwest::StatusCode;
use serde_json::json;
use std::io::BufRead;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;

const SECRET: &str = "un-secret-client-de-test";

/// A peer process, stopped when dropped.
struct Peer {
    child: Child,
    base: String,
}

impl Drop for Peer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn repo() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Installs the OpenID Connect peer's packages once (from its lock file).
fn oidc_packages() {
    static ONCE: Mutex<bool> = Mutex::new(false);
    let mut done = ONCE.lock().unwrap_or_else(|e| e.into_inner());
    let dir = repo().join("peers/oidc-provider");
    if !*done && !dir.join("node_modules/oidc-provider").exists() {
        let ok = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .status()
            .expect("npm runs");
        assert!(ok.success(), "npm ci in peers/oidc-provider");
    }
    *done = true;
}

fn ready_line(child: &mut Child) -> String {
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    loop {
        let mut line = String::new();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the peer stopped before it was ready"
        );
        if let Some(base) = line.trim().strip_prefix("ready ") {
            return base.to_owned();
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The académie's OpenID Connect provider, knowing Hybride as client `hybride`.
fn oidc_provider(app: &TestApp, slug: &str, signed_userinfo: bool) -> Peer {
    oidc_packages();
    let mut child = Command::new("node")
        .arg(repo().join("peers/oidc-provider/provider.mjs"))
        .arg(free_port().to_string())
        .arg("hybride")
        .arg(SECRET)
        .arg(app.url(&format!("/sso/{slug}/callback")))
        .arg(app.url("/login?ok=logged-out"))
        .env(
            "OIDC_PEER_SIGNED_USERINFO",
            if signed_userinfo { "1" } else { "0" },
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("node runs");
    let base = ready_line(&mut child);
    Peer { child, base }
}

/// The académie's CAS server, accepting Hybride's addresses as services.
fn cas_server(app: &TestApp) -> Peer {
    let mut child = Command::new("python3")
        .arg(repo().join("peers/cas/serve.py"))
        .arg("0")
        .arg(app.url("/sso/"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 runs");
    let base = ready_line(&mut child);
    Peer { child, base }
}

/// An admin declares a provider through the settings page.
async fn declare(app: &TestApp, fields: &[(&str, &str)]) {
    let (admin, _) = app.as_admin().await;
    let r = admin.post_form("/settings/sign-in", fields).await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
}

async fn declare_oidc(app: &TestApp, slug: &str, issuer: &str, newcomers: &str) {
    declare(
        app,
        &[
            ("label", "Compte académique"),
            ("slug", slug),
            ("protocol", "oidc"),
            ("url", issuer),
            ("client_id", "hybride"),
            ("client_secret", SECRET),
            ("establishment_claim", "rne"),
            ("domains", "ac-lyon.fr"),
            ("newcomers", newcomers),
            ("active", "on"),
        ],
    )
    .await;
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .unwrap_or_else(|| panic!("a redirect, got {}", r.status()))
        .to_str()
        .unwrap()
        .to_owned()
}

fn absolute(base: &str, to: &str) -> String {
    if to.starts_with("http") {
        to.to_owned()
    } else {
        let origin: String = base.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
        format!("{origin}{to}")
    }
}

/// Signs in through the OpenID Connect provider's own pages as `login`; returns the address
/// Hybride was sent back to (the callback) and Hybride's answer to it.
async fn through_oidc(b: &Browser, slug: &str, login: &str) -> (String, reqwest::Response) {
    let mut r = b.get(&format!("/sso/{slug}")).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let mut at = location(&r);
    for _ in 0..10 {
        if at.starts_with(&b.base) && at.contains("/callback") {
            let answer = b.client.get(&at).send().await.unwrap();
            return (at, answer);
        }
        r = b.client.get(&at).send().await.unwrap();
        if r.status().is_redirection() {
            at = absolute(&at, &location(&r));
            continue;
        }
        let html = r.text().await.unwrap();
        assert!(
            html.contains("name=\"login\""),
            "the provider's login page: {html}"
        );
        let action = html
            .split("action=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let post = b
            .client
            .post(absolute(&at, action))
            .form(&[
                ("prompt", "login"),
                ("login", login),
                ("password", "peu importe"),
            ])
            .send()
            .await
            .unwrap();
        assert!(post.status().is_redirection(), "login at the provider");
        at = absolute(&at, &location(&post));
    }
    panic!("never came back from the provider");
}

async fn home_of(b: &Browser) -> String {
    let (s, html) = b.get_html("/").await;
    assert_eq!(s, StatusCode::OK);
    html
}

#[tokio::test]
async fn staff_sign_in_through_the_academie_openid_connect_provider() {
    let app = TestApp::start().await;
    let peer = oidc_provider(&app, "academie", false);
    declare_oidc(&app, "academie", &peer.base, "refuse").await;
    let claire = app.user("claire.fontaine@ac-lyon.fr", Role::Trainer).await;

    // The login page offers the provider.
    let (_, login) = app.anonymous().get_html("/login").await;
    assert!(login.contains("href=\"/sso/academie\""), "{login}");
    assert!(login.contains("Se connecter avec Compte académique"));

    // Claire signs in on the provider's page; her account (same vouched address) is linked.
    let b = app.anonymous();
    let (callback, r) = through_oidc(&b, "academie", "claire.fontaine").await;
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    assert_eq!(location(&r), "/");
    assert!(home_of(&b).await.contains("Camille Durand"));
    let linked = hybride_store::sign_in::linked(app.store(), 1, "claire.fontaine")
        .await
        .unwrap()
        .expect("linked");
    assert_eq!(linked.id, claire.id);

    // The same return, played again, opens nothing.
    let replay = b.client.get(&callback).send().await.unwrap();
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
    assert!(replay
        .text()
        .await
        .unwrap()
        .contains("a expiré ou a déjà été utilisée"));

    // A return that another browser started is refused too (no `state` cookie).
    let (callback, _) = through_oidc(&app.anonymous(), "academie", "claire.fontaine").await;
    let stranger = app.anonymous();
    let r = stranger.client.get(&callback).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    // The ID token is kept sealed: the database alone cannot read it.
    let session = b.cookie("hybride_session").expect("a session");
    let (_, kept) = hybride_store::sign_in::session_origin(app.store(), &session)
        .await
        .unwrap()
        .expect("a session through a provider");
    let kept = kept.expect("an ID token kept");
    assert!(kept.starts_with("v1.") && !kept.contains("eyJ"), "{kept}");

    // Logging out ends the session at the provider too, with the ID token as a hint.
    // A page that goes there at once: a form's answer may not lead to another site (the
    // policy's form-action), a page may.
    let r = b.post_form("/logout", &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = r
        .text()
        .await
        .unwrap()
        .replace("&#x2f;", "/")
        .replace("&amp;", "&");
    assert!(
        html.contains("<meta http-equiv=\"refresh\" content=\"0; url="),
        "{html}"
    );
    let to = html
        .split("<a href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the provider's logout")
        .to_owned();
    assert!(
        to.starts_with(&format!("{}/session/end?", peer.base)),
        "{to}"
    );
    assert!(to.contains("id_token_hint=eyJ"), "{to}");
    assert!(to.contains("post_logout_redirect_uri="), "{to}");
    let (s, _) = b.get_html("/").await;
    assert_eq!(s, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_first_sign_in_is_refused_or_creates_a_trainee_as_the_academie_says() {
    let app = TestApp::start().await;
    let peer = oidc_provider(&app, "academie", true);
    declare_oidc(&app, "academie", &peer.base, "refuse").await;

    // Paul has no account: refused, with a page telling whom to ask.
    let (_, r) = through_oidc(&app.anonymous(), "academie", "paul.girard").await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r.text().await.unwrap().contains("Aucun compte Hybride"));

    // Someone whose address the provider does not speak for is refused whatever the setting.
    let (_, r) = through_oidc(&app.anonymous(), "academie", "inconnu.ailleurs").await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r.text().await.unwrap().contains("domaines"));

    // The académie now creates trainee accounts: Paul gets one, with his establishment, from
    // the claims of a signed userinfo answer (as ProConnect sends them).
    let (admin, _) = app.as_admin().await;
    let r = admin
        .post_form(
            "/settings/sign-in/1",
            &[
                ("label", "Compte académique"),
                ("slug", "academie"),
                ("protocol", "oidc"),
                ("url", &peer.base),
                ("client_id", "hybride"),
                ("client_secret", ""),
                ("establishment_claim", "rne"),
                ("domains", "ac-lyon.fr"),
                ("newcomers", "create_trainee"),
                ("active", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let b = app.anonymous();
    let (_, r) = through_oidc(&b, "academie", "paul.girard").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let paul = hybride_store::people::by_email(
        app.store(),
        &hybride_domain::Email::parse("paul.girard@ac-lyon.fr").unwrap(),
    )
    .await
    .unwrap()
    .expect("created");
    assert_eq!(
        (paul.role, paul.first_name.as_str(), paul.last_name.as_str()),
        (Role::Trainee, "Paul", "Girard")
    );
    assert_eq!(paul.establishment.as_deref(), Some("0690002B"));
    assert!(home_of(&b).await.contains("Paul Girard"));
}

#[tokio::test]
async fn staff_can_be_made_to_come_in_through_the_provider_only() {
    let app = TestApp::start().await;
    let (admin, _) = app.as_admin().await;
    // Not without a provider to come in through.
    let r = admin
        .post_form("/settings/sign-in/only", &[("only", "on")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    declare_oidc(&app, "academie", "https://idp.ac-lyon.fr", "refuse").await;
    let r = admin
        .post_form("/settings/sign-in/only", &[("only", "on")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    app.user("formatrice@ac-lyon.fr", Role::Trainer).await;
    let r = app
        .anonymous()
        .login("formatrice@ac-lyon.fr", PASSWORD)
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("compte académique"));
    // Trainees keep their way in.
    app.user("stagiaire@ac-lyon.fr", Role::Trainee).await;
    let r = app
        .anonymous()
        .login("stagiaire@ac-lyon.fr", PASSWORD)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn provider_settings_are_checked_field_by_field_and_the_secret_never_shown() {
    let app = TestApp::start().await;
    let (admin, _) = app.as_admin().await;
    let r = admin
        .post_form(
            "/settings/sign-in",
            &[
                ("label", ""),
                ("slug", "Mauvais Nom"),
                ("protocol", "oidc"),
                ("url", "http://idp.ac-lyon.fr"),
                ("client_id", "hybride"),
                ("client_secret", ""),
                ("domains", "pas un domaine"),
                ("newcomers", "refuse"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    for field in ["label", "slug", "url", "client_secret", "domains"] {
        assert!(
            html.contains(&format!("id=\"f-{field}-error\"")),
            "{field}: {html}"
        );
    }
    assert!(html.contains("https:"));
    assert!(hybride_store::sign_in::providers(app.store())
        .await
        .unwrap()
        .is_empty());

    declare_oidc(&app, "academie", "https://idp.ac-lyon.fr", "refuse").await;
    let (_, html) = admin.get_html("/settings/sign-in/1").await;
    assert!(!html.contains(SECRET));
    assert!(html
        .replace("&#x2f;", "/")
        .contains("/sso/academie/callback"));
    // Two providers cannot share a short name.
    let (s, html) = {
        let r = admin
            .post_form(
                "/settings/sign-in",
                &[
                    ("label", "Autre"),
                    ("slug", "academie"),
                    ("protocol", "cas"),
                    ("url", "https://cas.ac-lyon.fr/cas"),
                    ("domains", "ac-lyon.fr"),
                    ("newcomers", "refuse"),
                ],
            )
            .await;
        (r.status(), r.text().await.unwrap())
    };
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("déjà celui d’un autre service"));
}

#[tokio::test]
async fn staff_sign_in_through_the_academie_cas_and_its_single_logout_ends_the_session() {
    let app = TestApp::start().await;
    let cas = cas_server(&app);
    declare(
        &app,
        &[
            ("label", "Portail académique"),
            ("slug", "portail"),
            ("protocol", "cas"),
            ("url", &cas.base),
            ("email_claim", "email"),
            ("first_name_claim", "first_name"),
            ("last_name_claim", "last_name"),
            ("establishment_claim", "uai"),
            ("domains", "ac-lyon.fr"),
            ("newcomers", "create_trainee"),
            ("active", "on"),
        ],
    )
    .await;

    let b = app.anonymous();
    let r = b.get("/sso/portail").await;
    let login_url = location(&r);
    assert!(login_url.starts_with(&format!("{}/login?service=", cas.base)));
    // The CAS server's own login form (Django's CSRF token, CAS's login ticket).
    let page = b
        .client
        .get(&login_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let hidden = |name: &str| -> String {
        let at = page
            .find(&format!("name=\"{name}\""))
            .unwrap_or_else(|| panic!("{name}: {page}"));
        let tag_start = page[..at].rfind('<').unwrap();
        let tag = &page[tag_start..tag_start + page[tag_start..].find('>').unwrap()];
        tag.split("value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned()
    };
    let (csrf, lt, service) = (
        hidden("csrfmiddlewaretoken"),
        hidden("lt"),
        hidden("service"),
    );
    let post = b
        .client
        .post(format!("{}/login", cas.base))
        .header("Referer", &login_url)
        .form(&[
            ("csrfmiddlewaretoken", csrf.as_str()),
            ("lt", lt.as_str()),
            ("service", service.as_str()),
            ("username", "claire.fontaine"),
            ("password", "motdepasse-claire"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        post.status(),
        StatusCode::FOUND,
        "{}",
        post.text().await.unwrap()
    );
    let back = location(&post);
    assert!(
        back.starts_with(&app.url("/sso/portail/cas?state=")),
        "{back}"
    );
    let ticket = back.split("ticket=").nth(1).unwrap().to_owned();
    let r = b.client.get(&back).send().await.unwrap();
    assert_eq!(
        r.status(),
        StatusCode::SEE_OTHER,
        "{}",
        r.text().await.unwrap()
    );
    assert!(home_of(&b).await.contains("Claire Fontaine"));
    let claire = hybride_store::people::by_email(
        app.store(),
        &hybride_domain::Email::parse("claire.fontaine@ac-lyon.fr").unwrap(),
    )
    .await
    .unwrap()
    .expect("a trainee account, created at her first sign-in");
    assert_eq!(claire.establishment.as_deref(), Some("0690001A"));

    // The ticket cannot be used twice.
    let again = app.anonymous().client.get(&back).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);

    // The CAS server's single logout (as it posts it, server to server) ends the session.
    let slo = format!(
        "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"x\" Version=\"2.0\" IssueInstant=\"2026-12-03T08:00:00Z\"><saml:NameID xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"></saml:NameID><samlp:SessionIndex>{ticket}</samlp:SessionIndex></samlp:LogoutRequest>"
    );
    let r = reqwest::Client::new()
        .post(app.url("/sso/portail/cas"))
        .form(&[("logoutRequest", slo.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let (s, _) = b.get_html("/").await;
    assert_eq!(s, StatusCode::SEE_OTHER, "signed out by the CAS server");
}

/// The test double: a provider that signs (HS256, with the client secret) whatever claims the
/// test gives it, so that each bad token can be shown to Hybride.
mod double {
    use axum::extract::State;
    use axum::routing::{get, post};
    use axum::{Json, Router};
    use base64::Engine;
    use hmac::{Hmac, Mac};
    use serde_json::{json, Value};
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    pub struct Next(pub Arc<Mutex<Option<String>>>);

    pub fn sign(header: &Value, claims: &Value, key: &str) -> String {
        let b64 = |v: &Value| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(serde_json::to_vec(v).unwrap())
        };
        let input = format!("{}.{}", b64(header), b64(claims));
        if header["alg"] == "none" {
            return format!("{input}.");
        }
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
        mac.update(input.as_bytes());
        let sig =
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{input}.{sig}")
    }

    /// Serves discovery, an empty key set and a token endpoint answering with the next token.
    pub async fn start(next: Next) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let issuer = base.clone();
        let app = Router::new()
            .route(
                "/.well-known/openid-configuration",
                get(move || {
                    let i = issuer.clone();
                    async move {
                        Json(json!({
                            "issuer": i,
                            "authorization_endpoint": format!("{i}/auth"),
                            "token_endpoint": format!("{i}/token"),
                            "jwks_uri": format!("{i}/jwks"),
                            "response_types_supported": ["code"],
                            "subject_types_supported": ["public"],
                            "id_token_signing_alg_values_supported": ["HS256"],
                        }))
                    }
                }),
            )
            .route("/jwks", get(|| async { Json(json!({ "keys": [] })) }))
            .route(
                "/token",
                post(|State(n): State<Next>| async move {
                    let t = n.0.lock().unwrap().take().unwrap_or_default();
                    Json(json!({ "access_token": "at", "token_type": "Bearer", "expires_in": 60, "id_token": t }))
                }),
            )
            .with_state(next);
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        base
    }
}

#[tokio::test]
async fn bad_id_tokens_are_each_refused_with_a_clear_page() {
    use serde_json::json;
    let app = TestApp::start().await;
    let next = double::Next::default();
    let issuer = double::start(next.clone()).await;
    declare_oidc(&app, "double", &issuer, "create_trainee").await;
    app.user("claire.fontaine@ac-lyon.fr", Role::Trainer).await;

    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    // Each case: how the token is made from a good one, and the words of the refusal.
    type Make = Box<dyn Fn(&mut serde_json::Value, &mut serde_json::Value, &mut String)>;
    let cases: Vec<(&str, Make, &str)> = vec![
        ("good", Box::new(|_, _, _| {}), ""),
        (
            "wrong signature",
            Box::new(|_, _, key| *key = "un-autre-secret".into()),
            "n’a pas pu être vérifiée",
        ),
        (
            "wrong audience",
            Box::new(|_, c, _| c["aud"] = json!("une-autre-application")),
            "n’a pas pu être vérifiée",
        ),
        (
            "expired",
            Box::new(move |_, c, _| {
                c["exp"] = json!(now - 3600);
                c["iat"] = json!(now - 7200);
            }),
            "a expiré",
        ),
        (
            "nonce of another sign-in",
            Box::new(|_, c, _| c["nonce"] = json!("le-nonce-d-une-autre-connexion")),
            "ne correspond pas à votre connexion",
        ),
        (
            "alg none",
            Box::new(|h, _, _| *h = json!({ "alg": "none", "typ": "JWT" })),
            "n’a pas pu être vérifiée",
        ),
    ];
    for (name, make, words) in cases {
        let b = app.anonymous();
        let r = b.get("/sso/double").await;
        let auth = location(&r);
        let q: std::collections::HashMap<String, String> = url_query(&auth).into_iter().collect();
        let mut header = json!({ "alg": "HS256", "typ": "JWT" });
        let mut claims = json!({
            "iss": issuer, "sub": "claire.fontaine", "aud": "hybride",
            "exp": now + 300, "iat": now, "nonce": q["nonce"],
            "email": "claire.fontaine@ac-lyon.fr", "email_verified": true,
        });
        let mut key = SECRET.to_owned();
        make(&mut header, &mut claims, &mut key);
        *next.0.lock().unwrap() = Some(double::sign(&header, &claims, &key));
        let r = b
            .get(&format!("/sso/double/callback?state={}&code=c", q["state"]))
            .await;
        if words.is_empty() {
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{name}");
        } else {
            assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{name}");
            let html = r.text().await.unwrap();
            assert!(html.contains(words), "{name}: {html}");
            let (s, _) = b.get_html("/").await;
            assert_eq!(s, StatusCode::SEE_OTHER, "{name}: nobody is signed in");
        }
    }
}

fn url_query(url: &str) -> Vec<(String, String)> {
    let q = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
    serde_urlencoded::from_str(q).unwrap()
}

#[tokio::test]
async fn a_forgotten_password_is_reset_through_a_mailed_link() {
    let app = TestApp::start().await;
    app.user("formatrice@ac-lyon.fr", Role::Trainer).await;
    let elsewhere = app.anonymous();
    assert_eq!(
        elsewhere
            .login("formatrice@ac-lyon.fr", PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );

    // The login page leads there; a bad address is refused field by field.
    let (_, login) = app.anonymous().get_html("/login").await;
    assert!(login.contains("href=\"/password/forgotten\""));
    let b = app.anonymous();
    let r = b
        .post_form("/password/forgotten", &[("email", "pas une adresse")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // An unknown address gets the same answer as a known one, and no mail.
    let r = b
        .post_form("/password/forgotten", &[("email", "personne@ac-lyon.fr")])
        .await;
    let unknown = r.text().await.unwrap();
    let r = b
        .post_form("/password/forgotten", &[("email", "formatrice@ac-lyon.fr")])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let known = r.text().await.unwrap();
    assert_eq!(
        unknown.replace("personne@ac-lyon.fr", "X"),
        known.replace("formatrice@ac-lyon.fr", "X")
    );
    let mail = app.last_mail_to("formatrice@ac-lyon.fr").await;
    assert!(mail.body.contains("30 minutes"), "{}", mail.body);
    let link = link_in(&mail.body, &app.url("/password/reset/"));
    let path = link.trim_start_matches(&app.base).to_owned();
    let outbox = hybride_store::outbox::recent(app.store(), 100)
        .await
        .unwrap();
    assert!(!outbox.iter().any(|m| m.recipient == "personne@ac-lyon.fr"));

    // Admins see the mail on « Courriels » without its working link.
    let (admin, _) = app.as_admin().await;
    let (_, outbox) = admin.get_html("/outbox").await;
    let secret = path.rsplit('/').next().unwrap();
    assert!(!outbox.contains(secret), "the link is not shown");
    assert!(
        outbox.replace("&#x2f;", "/").contains("/password/reset/…"),
        "{outbox}"
    );

    // Opening the link uses nothing; the new password follows the rules, typed twice.
    let (s, html) = b.get_html(&path).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("new_password"));
    let r = b
        .post_form(
            &path,
            &[
                ("new_password", "un nouveau mot de passe"),
                ("confirm_password", "autre chose"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = b
        .post_form(
            &path,
            &[
                ("new_password", "un nouveau mot de passe"),
                ("confirm_password", "un nouveau mot de passe"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/login?ok=password-reset");

    // The new password opens, the old one no longer; the other browser is signed out.
    let (s, _) = elsewhere.get_html("/").await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(
        app.anonymous()
            .login("formatrice@ac-lyon.fr", PASSWORD)
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        app.anonymous()
            .login("formatrice@ac-lyon.fr", "un nouveau mot de passe")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // The link works once.
    let (s, html) = b.get_html(&path).await;
    assert_eq!(s, StatusCode::GONE);
    assert!(html.contains("n’est plus valable"));
    let r = b
        .post_form(
            &path,
            &[
                ("new_password", "encore un autre mot de passe"),
                ("confirm_password", "encore un autre mot de passe"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::GONE);
}

#[tokio::test]
async fn api_tokens_expire_may_only_read_and_are_revoked_one_by_one() {
    let app = TestApp::start().await;
    let (admin, me) = app.as_admin().await;
    let (s, html) = admin.get_html("/tokens").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Vous n’avez aucun jeton."));

    // Every field is checked.
    let r = admin
        .post_form(
            "/tokens",
            &[("label", ""), ("scope", "tout"), ("days", "400")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    for field in ["label", "scope", "days"] {
        assert!(html.contains(&format!("id=\"f-{field}-error\"")), "{field}");
    }

    // A read-only token, its secret shown once.
    let made = |label: &'static str, scope: &'static str| {
        let admin = &admin;
        async move {
            let r = admin
                .post_form(
                    "/tokens",
                    &[("label", label), ("scope", scope), ("days", "30")],
                )
                .await;
            assert_eq!(r.status(), StatusCode::OK);
            let html = r.text().await.unwrap();
            html.split("<code class=\"secret\">")
                .nth(1)
                .unwrap()
                .split('<')
                .next()
                .unwrap()
                .to_owned()
        }
    };
    let reader = made("Tableau de bord", "read").await;
    let writer = made("Script d’import", "write").await;
    let (_, html) = admin.get_html("/tokens").await;
    assert!(!html.contains(&reader), "never shown again");
    assert!(html.contains("Tableau de bord") && html.contains("Lecture seule"));

    let api = |secret: &str| Api {
        base: app.base.clone(),
        token: Some(secret.to_owned()),
        client: reqwest::Client::new(),
        lang: None,
    };
    let (s, body) = api(&reader).get("/api/v1/me").await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let plan = serde_json::json!({"school_year": "2027-2028", "title": "PAF 2027"});
    let (s, body) = api(&reader).post("/api/v1/plans", plan.clone()).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["title"], "Ce jeton ne permet que la lecture.");
    let (s, body) = api(&writer).post("/api/v1/plans", plan).await;
    assert_eq!(s, StatusCode::CREATED, "{body}");

    // Revoked, it opens nothing; someone else's cannot be revoked.
    let tokens = hybride_store::security::api_tokens(app.store(), me.id)
        .await
        .unwrap();
    let reader_id = tokens
        .iter()
        .find(|t| t.label == "Tableau de bord")
        .unwrap()
        .id;
    let (other, _) = app.as_pilot().await;
    let r = other
        .post_form(&format!("/tokens/{reader_id}/revoke"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = admin
        .post_form(&format!("/tokens/{reader_id}/revoke"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (s, _) = api(&reader).get("/api/v1/me").await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);

    // Expired, neither.
    hybride_store::testing::tamper(
        app.store(),
        &format!(
            "UPDATE api_tokens SET expires_at = {} WHERE label = 'Script d’import'",
            hybride_store::now() - 1
        ),
    )
    .await
    .unwrap();
    let (s, _) = api(&writer).get("/api/v1/me").await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (_, html) = admin.get_html("/tokens").await;
    assert!(html.contains("expiré") && html.contains("révoqué"));
}

#[tokio::test]
async fn an_admin_signing_in_through_the_provider_is_not_asked_for_a_code() {
    let app = TestApp::start().await;
    let peer = oidc_provider(&app, "academie", false);
    declare_oidc(&app, "academie", &peer.base, "refuse").await;
    // An admin with a password and a confirmed second factor (the harness gives one).
    let admin = app.user("claire.fontaine@ac-lyon.fr", Role::Admin).await;

    // With the password, a code is asked…
    let r = app.anonymous().login_password(&admin.email, PASSWORD).await;
    assert!(
        location(&r).starts_with("/login/second-factor"),
        "{}",
        location(&r)
    );

    // …through the académie's provider, which is responsible for how she proved who she is,
    // none.
    let b = app.anonymous();
    let (_, r) = through_oidc(&b, "academie", "claire.fontaine").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/");
    assert!(home_of(&b).await.contains("Comptes, plans de formation"));
}

#[tokio::test]
async fn admins_declare_and_change_providers_through_the_api() {
    let app = TestApp::start().await;
    let (_, admin) = app.as_admin().await;
    let api = app.token_for(&admin).await;
    let (s, body) = api.get("/api/v1/sign-in/providers").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(body, json!({"providers": [], "sso_only_for_staff": false}));

    // Providers-only needs a provider first.
    let (s, body) = api
        .put(
            "/api/v1/sign-in/sso-only",
            json!({"sso_only_for_staff": true}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["type"], "/problems/refused-sso-only-without-provider");

    // Every field refused is named at once, in French, and nothing is stored.
    let (s, body) = api
        .post(
            "/api/v1/sign-in/providers",
            json!({"slug": "Mauvais Nom", "protocol": "oidc", "label": " ",
                   "url": "http://idp.ac-lyon.fr", "domains": ["pas un domaine"],
                   "newcomers": "refuse"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let named: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for field in [
        "slug",
        "label",
        "url",
        "client_id",
        "client_secret",
        "domains",
    ] {
        assert!(named.contains(&field), "{field}: {body}");
    }
    assert_eq!(
        api.get("/api/v1/sign-in/providers").await.1["providers"],
        json!([])
    );

    let (s, body) = api
        .post(
            "/api/v1/sign-in/providers",
            json!({"slug": "academie", "protocol": "oidc", "label": "Compte académique",
                   "url": "https://idp.ac-lyon.fr", "client_id": "hybride",
                   "client_secret": SECRET, "establishment_claim": "rne",
                   "domains": ["ac-lyon.fr", "ac-grenoble.fr", "ac-lyon.fr"], "newcomers": "create_trainee"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    assert!(!body.to_string().contains(SECRET));
    assert_eq!(body["has_secret"], true);
    assert_eq!(body["email_claim"], "email");
    assert_eq!(body["domains"], json!(["ac-lyon.fr", "ac-grenoble.fr"]));
    assert_eq!(body["active"], true);
    assert!(body["redirect_uri"]
        .as_str()
        .unwrap()
        .ends_with("/sso/academie/callback"));
    let id = body["id"].as_i64().unwrap();

    // Changed without a secret: the stored one stays.
    let (s, body) = api
        .put(
            &format!("/api/v1/sign-in/providers/{id}"),
            json!({"slug": "academie", "protocol": "oidc", "label": "ProConnect",
                   "url": "https://idp.ac-lyon.fr", "client_id": "hybride",
                   "domains": ["ac-lyon.fr"], "newcomers": "refuse", "active": true}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(body["label"], "ProConnect");
    let stored = hybride_store::sign_in::provider(app.store(), id)
        .await
        .unwrap();
    assert_eq!(stored.client_secret, SECRET);

    // A second provider cannot take its short name.
    let (s, _) = api
        .post(
            "/api/v1/sign-in/providers",
            json!({"slug": "academie", "protocol": "cas", "label": "Annuaire",
                   "url": "https://cas.ac-lyon.fr/cas", "domains": ["ac-lyon.fr"],
                   "newcomers": "refuse"}),
        )
        .await;
    assert_eq!(s, StatusCode::CONFLICT);

    let (s, body) = api
        .put(
            "/api/v1/sign-in/sso-only",
            json!({"sso_only_for_staff": true}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(body["sso_only_for_staff"], true);
    assert_eq!(body["providers"][0]["label"], "ProConnect");
    let (s, _) = api.get("/api/v1/sign-in/providers/999999").await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    // Both changes are in the audit log, by this admin.
    let entries = hybride_store::audit::recent(app.store(), None, 10)
        .await
        .unwrap();
    assert_eq!(
        entries
            .iter()
            .filter(|e| e.action == "provider_saved" && e.actor_id == Some(admin.id))
            .count(),
        2
    );
    assert!(entries.iter().any(|e| e.action == "sso_only_set"));

    // Nobody else reads them.
    let pilot = app.user("pilote@ac-lyon.fr", Role::Pilot).await;
    let (s, _) = app
        .token_for(&pilot)
        .await
        .get("/api/v1/sign-in/providers")
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}
