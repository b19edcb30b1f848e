//! The second factor after the password: enrolment (QR code, secret in groups of four, a first
//! code, recovery codes shown once), the code asked at sign-in (each code once, wrong ones
//! counted), recovery codes, what is required of admins and only offered in the demo, and
//! login links mailed to trainees only. Codes are computed here from the secret the page shows.

mod common;

use common::*;
use hybride_domain::Role;
use reqwest::StatusCode;
use totp_rs::{Algorithm, Secret, TOTP};

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

fn session_cookie(r: &reqwest::Response) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("hybride_session="))
        .map(|c| c.split(';').next().unwrap().to_owned())
}

/// The authenticator app: codes from the secret shown on the page.
struct App {
    totp: TOTP,
}

impl App {
    /// Reads the secret from the enrolment page, as someone typing it by hand would.
    fn from_page(html: &str) -> App {
        let shown = html
            .split("id=\"second-factor-secret\">")
            .nth(1)
            .expect("the secret on the page")
            .split('<')
            .next()
            .unwrap();
        let groups: Vec<&str> = shown.split(' ').collect();
        assert!(
            groups.iter().all(|g| g.len() <= 4),
            "groups of four: {shown}"
        );
        let bytes = Secret::Encoded(groups.concat()).to_bytes().unwrap();
        App {
            totp: TOTP::new_unchecked(Algorithm::SHA1, 6, 1, 30, bytes, None, String::new()),
        }
    }

    fn step_now() -> i64 {
        hybride_training::now() / 30
    }

    fn code_at(&self, step: i64) -> String {
        self.totp.generate((step * 30) as u64)
    }

    /// A six-digit code that is none of the codes accepted around `step`.
    fn wrong_code(&self, step: i64) -> String {
        let right: Vec<String> = (step - 2..=step + 2).map(|s| self.code_at(s)).collect();
        (0..)
            .map(|n: u32| format!("{n:06}"))
            .find(|c| !right.contains(c))
            .unwrap()
    }
}

/// The recovery codes shown once on a page.
fn recovery_codes(html: &str) -> Vec<String> {
    html.split("<ul class=\"recovery-codes\">")
        .nth(1)
        .expect("recovery codes on the page")
        .split("</ul>")
        .next()
        .unwrap()
        .split("<code>")
        .skip(1)
        .map(|c| c.split('<').next().unwrap().to_owned())
        .collect()
}

/// Enrols the browser's person through the page; answers their app, the step of the code
/// used, and the recovery codes.
async fn enrol(b: &Browser) -> (App, i64, Vec<String>) {
    let (status, html) = b.get_html("/second-factor").await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert!(
        html.contains("<svg role=\"img\""),
        "the QR code inline: {html}"
    );
    assert!(html.contains("autocomplete=\"one-time-code\""));
    assert!(html.contains("inputmode=\"numeric\""));
    let app = App::from_page(&html);
    // The page shown again keeps the same secret (one enrolment under way).
    let (_, again) = b.get_html("/second-factor").await;
    assert_eq!(
        App::from_page(&again).code_at(1),
        app.code_at(1),
        "the same secret"
    );
    let step = App::step_now();
    let r = b
        .post_form("/second-factor", &[("code", &app.code_at(step))])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = r.text().await.unwrap();
    let codes = recovery_codes(&html);
    assert_eq!(codes.len(), 10, "{html}");
    assert!(html.contains("Ils ne seront plus affichés"), "{html}");
    (app, step, codes)
}

#[tokio::test]
async fn an_admin_with_a_password_enrols_before_going_anywhere_then_signs_in_with_a_code() {
    let app = TestApp::start().await;
    let admin = app.user_alone("gestion@ac-lyon.fr", Role::Admin).await;
    let b = app.anonymous();

    // The password is right: not signed in yet, held at enrolment.
    let r = b.login_password(&admin.email, PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/second-factor");
    let held = session_cookie(&r).expect("a session awaiting enrolment");
    for page in ["/", "/accounts", "/password", "/login/second-factor"] {
        let r = b.get(page).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{page}");
        assert!(
            location(&r).starts_with("/second-factor") || location(&r) == "/login",
            "{page} → {}",
            location(&r)
        );
    }
    let api = b.client.get(app.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(
        api.status(),
        StatusCode::UNAUTHORIZED,
        "the API knows nobody"
    );
    // Turning it off is not even reachable.
    let r = b
        .post_form("/second-factor/disable", &[("code", "123456")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    let (status, html) = b.get_html("/second-factor").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("la double authentification y est obligatoire"));
    let totp = App::from_page(&html);

    // A wrong code, then a recovery code (not one yet): refused field by field.
    let step = App::step_now();
    let r = b
        .post_form("/second-factor", &[("code", &totp.wrong_code(step))])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("Ce code n’est pas valable"), "{html}");
    assert!(
        html.contains("href=\"#f-code\""),
        "the error summary names the field"
    );
    let r = b.post_form("/second-factor", &[("code", "12 34")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("un code de secours de seize caractères"));

    // The right code: recovery codes shown once, and signed in under a new session.
    let step = App::step_now();
    let r = b
        .post_form("/second-factor", &[("code", &totp.code_at(step))])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let signed_in = session_cookie(&r).expect("a new session");
    assert_ne!(signed_in, held, "the session changes at sign-in");
    let html = r.text().await.unwrap();
    assert_eq!(recovery_codes(&html).len(), 10);
    let (status, home) = b.get_html("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Comptes, plans de formation"), "{home}");
    let (_, page) = b.get_html("/second-factor").await;
    assert!(page.contains("Il vous reste 10 codes de secours"), "{page}");
    assert!(page.contains("elle ne peut pas être désactivée"));
    assert!(!page.contains("action=\"/second-factor/disable\""));
    assert!(!page.contains("recovery-codes\"><li>"), "shown once only");

    // Next time: the password, then a code.
    b.post_form("/logout", &[]).await;
    let r = b.login_password(&admin.email, PASSWORD).await;
    assert_eq!(location(&r), "/login/second-factor?next=%2F");
    let (status, html) = b.get_html("/login/second-factor?next=%2F").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("autocomplete=\"one-time-code\""));
    assert!(html.contains("inputmode=\"numeric\""));
    // Not signed in meanwhile.
    let r = b.get("/accounts").await;
    assert_eq!(location(&r), "/login/second-factor");

    // The code that confirmed enrolment is used: refused.
    let r = b
        .post_form(
            "/login/second-factor",
            &[("code", &totp.code_at(step)), ("next", "/accounts")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The next step's code is accepted, once.
    let r = b
        .post_form(
            "/login/second-factor",
            &[("code", &totp.code_at(step + 1)), ("next", "/accounts")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&r), "/accounts");
    assert_ne!(session_cookie(&r), None);
    assert_eq!(b.get("/accounts").await.status(), StatusCode::OK);

    b.post_form("/logout", &[]).await;
    b.login_password(&admin.email, PASSWORD).await;
    let r = b
        .post_form("/login/second-factor", &[("code", &totp.code_at(step + 1))])
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a replayed code"
    );
    let r = b
        .post_form("/login/second-factor", &[("code", &totp.code_at(step))])
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "an earlier code"
    );
    assert_eq!(b.get("/").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn wrong_codes_are_counted_like_wrong_passwords() {
    let app = TestApp::start().await;
    let (b, trainer) = app.as_role(Role::Trainer).await;
    let (totp, step, _) = enrol(&b).await;
    b.post_form("/logout", &[]).await;

    let b = app.anonymous();
    let r = b.login_password(&trainer.email, PASSWORD).await;
    assert!(location(&r).starts_with("/login/second-factor"));
    for n in 0..10 {
        let r = b
            .post_form("/login/second-factor", &[("code", &totp.wrong_code(step))])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "attempt {n}");
    }
    // Past the limit, even the right code waits.
    let r = b
        .post_form("/login/second-factor", &[("code", &totp.code_at(step + 1))])
        .await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(b.get("/").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_recovery_code_works_once_and_new_ones_replace_the_old() {
    let app = TestApp::start().await;
    let (b, pilot) = app.as_role(Role::Pilot).await;
    let (totp, step, codes) = enrol(&b).await;
    b.post_form("/logout", &[]).await;

    // Typed in lower case with spaces: still the code.
    b.login_password(&pilot.email, PASSWORD).await;
    let typed = codes[0].to_lowercase().replace('-', " ");
    let r = b
        .post_form("/login/second-factor", &[("code", &typed)])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = b.get_html("/second-factor").await;
    assert!(page.contains("Il vous reste 9 codes de secours"), "{page}");
    b.post_form("/logout", &[]).await;

    b.login_password(&pilot.email, PASSWORD).await;
    let r = b
        .post_form("/login/second-factor", &[("code", &codes[0])])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "used already");
    let r = b
        .post_form("/login/second-factor", &[("code", &codes[1])])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // New codes, after a code: the old ones stop working.
    let r = b
        .post_form(
            "/second-factor/recovery-codes",
            &[("code", &totp.wrong_code(step))],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("href=\"#f-recovery_code\""));
    let r = b
        .post_form(
            "/second-factor/recovery-codes",
            &[("code", &totp.code_at(step + 1))],
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let fresh = recovery_codes(&r.text().await.unwrap());
    assert_eq!(fresh.len(), 10);
    assert!(fresh.iter().all(|c| !codes.contains(c)));
    b.post_form("/logout", &[]).await;
    b.login_password(&pilot.email, PASSWORD).await;
    let r = b
        .post_form("/login/second-factor", &[("code", &codes[2])])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "an old code");
    let r = b
        .post_form("/login/second-factor", &[("code", &fresh[0])])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn others_may_turn_it_off_with_a_code_and_are_then_asked_nothing() {
    let app = TestApp::start().await;
    let (b, trainee) = app.as_role(Role::Trainee).await;
    let (totp, step, _) = enrol(&b).await;
    let r = b.post_form("/second-factor/disable", &[("code", "")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("href=\"#f-disable_code\""));
    let r = b
        .post_form(
            "/second-factor/disable",
            &[("code", &totp.code_at(step + 1))],
        )
        .await;
    assert_eq!(location(&r), "/second-factor?ok=second-factor-disabled");
    b.post_form("/logout", &[]).await;
    let r = b.login_password(&trainee.email, PASSWORD).await;
    assert_eq!(location(&r), "/");
}

#[tokio::test]
async fn in_the_demo_the_admin_is_offered_it_on_the_home_page_not_forced() {
    let app = TestApp::start_with(true).await;
    let admin = app.user_alone("gestion@ac-lyon.fr", Role::Admin).await;
    let b = app.anonymous();
    let r = b.login_password(&admin.email, PASSWORD).await;
    assert_eq!(location(&r), "/");
    let (_, home) = b.get_html("/").await;
    assert!(home.contains("href=\"/second-factor\""), "{home}");
    assert!(home.contains("activez la double authentification"));
    // Once enrolled, the offer goes, and the code is asked.
    enrol(&b).await;
    let (_, home) = b.get_html("/").await;
    assert!(!home.contains("activez la double authentification"));
    b.post_form("/logout", &[]).await;
    let r = b.login_password(&admin.email, PASSWORD).await;
    assert!(location(&r).starts_with("/login/second-factor"));
}

#[tokio::test]
async fn login_links_are_mailed_to_trainees_only_and_staff_are_told_the_same() {
    let app = TestApp::start().await;
    let mut answers = Vec::new();
    for (email, role) in [
        ("lea@ac-lyon.fr", Role::Trainee),
        ("formatrice@ac-lyon.fr", Role::Trainer),
        ("pilote@ac-lyon.fr", Role::Pilot),
        ("gestion@ac-lyon.fr", Role::Admin),
        ("personne@ac-lyon.fr", Role::Trainee),
    ] {
        if email != "personne@ac-lyon.fr" {
            app.user(email, role).await;
        }
        let r = app
            .anonymous()
            .post_form("/login/link", &[("email", email)])
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let html = r.text().await.unwrap().replace(email, "ADDRESS");
        // The page differs only by its CSRF token.
        let at = html.find("name=\"csrf\"").map_or(html.len(), |i| i);
        answers.push(html[..at].to_owned());
    }
    assert!(
        answers.iter().all(|a| *a == answers[0]),
        "one neutral answer"
    );
    let mails = hybride_store::outbox::recent(app.store(), 100)
        .await
        .unwrap();
    let to: Vec<&str> = mails.iter().map(|m| m.recipient.as_str()).collect();
    assert_eq!(to, ["lea@ac-lyon.fr"], "a link to the trainee only");

    // A login link that reached a staff member by any other way opens nothing.
    let trainer = hybride_store::people::by_email(
        app.store(),
        &hybride_domain::Email::parse("formatrice@ac-lyon.fr").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    let mut secret = String::new();
    hybride_store::security::create_login_link(app.store(), trainer.id, 900, |s| {
        secret = s.to_owned();
        hybride_store::outbox::Mail::new(trainer.email.clone(), "x", "x")
    })
    .await
    .unwrap();
    let b = app.anonymous();
    let r = b.post_form(&format!("/m/{secret}"), &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(b.get("/").await.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_admin_resets_the_second_factor_of_someone_who_lost_it() {
    let app = TestApp::start().await;
    let (admin, me) = app.as_admin().await;
    // A colleague who lost her phone and her recovery codes; she is signed in elsewhere.
    let lost = app.user("nadia.roux@ac-lyon.fr", Role::Admin).await;
    let elsewhere = app.anonymous();
    assert_eq!(
        elsewhere.login(&lost.email, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(elsewhere.get_html("/").await.0, StatusCode::OK);

    // Her account's page says the factor is on and leads to a page that says what will happen.
    let (s, html) = admin.get_html(&format!("/accounts/{}", lost.id)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Activée depuis le"), "{html}");
    let reset = format!("/accounts/{}/second-factor/reset", lost.id);
    assert!(html.contains(&reset));
    let (s, html) = admin.get_html(&reset).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Réinitialiser la double authentification de Camille Durand"));
    assert!(html.contains("ses sessions ouvertes se ferment"));

    let r = admin.post_form(&reset, &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&r),
        format!("/accounts/{}?ok=second-factor-reset", lost.id)
    );
    let (_, html) = admin
        .get_html(&format!("/accounts/{}?ok=second-factor-reset", lost.id))
        .await;
    assert!(html.contains("La double authentification est réinitialisée"));
    assert!(html.contains("Pas activée."));

    // Her sessions ended; she is told by mail; the audit log names who did it.
    assert_eq!(elsewhere.get_html("/").await.0, StatusCode::SEE_OTHER);
    let mail = app.last_mail_to(&lost.email).await;
    assert!(
        mail.subject.contains("double authentification"),
        "{}",
        mail.subject
    );
    assert!(mail
        .body
        .contains("a réinitialisé la double authentification"));
    let entries = hybride_store::audit::recent(app.store(), None, 10)
        .await
        .unwrap();
    let entry = entries
        .iter()
        .find(|e| e.action == "second_factor_reset")
        .expect("an audit entry");
    assert_eq!(entry.actor_id, Some(me.id));
    assert_eq!(entry.subject, format!("user:{}", lost.id));

    // At her next sign-in with her password she enrols again.
    let again = app.anonymous();
    let r = again.login_password(&lost.email, PASSWORD).await;
    assert_eq!(location(&r), "/second-factor");

    // Twice, or one's own, is refused; in the API too, where only admins may ask.
    let r = admin.post_form(&reset, &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let api = app.token_for(&me).await;
    let (s, body) = api
        .delete(&format!("/api/v1/users/{}/second-factor", me.id))
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["type"], "/problems/refused-second-factor-reset-self");
    let other = app.user("paul.girard@ac-lyon.fr", Role::Admin).await;
    let (s, _) = api
        .delete(&format!("/api/v1/users/{}/second-factor", other.id))
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, body) = api
        .delete(&format!("/api/v1/users/{}/second-factor", other.id))
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["type"], "/problems/refused-second-factor-none");
    let (s, _) = api.delete("/api/v1/users/999999/second-factor").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let pilot = app.user("pilote.x@ac-lyon.fr", Role::Pilot).await;
    let (s, _) = app
        .token_for(&pilot)
        .await
        .delete(&format!("/api/v1/users/{}/second-factor", other.id))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}
