//! The HTTP suite: the real application on port 0, exercised the way people use it.
//! Runs on SQLite by default and on PostgreSQL with HYBRIDE_TEST_DATABASE_URL.

mod common;

use common::*;
use hybride_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn health_readiness_and_openapi() {
    let app = TestApp::start().await;
    let b = app.anonymous();
    assert_eq!(b.get("/healthz").await.text().await.unwrap(), "ok");
    assert_eq!(b.get("/readyz").await.status(), StatusCode::OK);
    // Probes and static files concern nobody: no CSRF token is minted, no cookie set.
    for path in [
        "/healthz",
        "/readyz",
        "/assets/hybride.css",
        "/favicon.svg",
        "/assets/nothing.css",
    ] {
        let r = app.anonymous().get(path).await;
        assert!(!r.headers().contains_key("set-cookie"), "{path}");
    }
    let r = app.anonymous().get("/login").await;
    assert!(
        r.headers().contains_key("set-cookie"),
        "a page mints its CSRF token"
    );
    let r = b.get("/api/openapi.json").await;
    assert_eq!(r.status(), StatusCode::OK);
    let doc: serde_json::Value = r.json().await.unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    for path in [
        "/api/v1/me",
        "/api/v1/trainings",
        "/api/v1/cohorts/{id}/enrollments",
        "/api/v1/users/import",
    ] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
    assert!(doc["components"]["schemas"]["Training"].is_object());
}

#[tokio::test]
async fn pages_carry_a_strict_policy_and_no_inline_code() {
    let app = TestApp::start().await;
    let r = app.anonymous().get("/login").await;
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    assert!(r.headers().contains_key("x-request-id"));
    let html = r.text().await.unwrap();
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(
        !html.contains("<script") && !html.contains("style=\""),
        "inline code in the page"
    );
    assert!(
        !html.contains("http://") || html.matches("http://").count() == 0,
        "no outside resources"
    );
}

#[tokio::test]
async fn each_role_logs_in_with_a_password_and_lands_on_its_dashboard() {
    let app = TestApp::start().await;
    for (role, lead) in [
        (Role::Admin, "Comptes, plans de formation"),
        (Role::Pilot, "Vos formations"),
        (Role::Trainer, "Vos prochaines séances et vos groupes"),
        (Role::Trainee, "Vos prochaines séances, avec leurs lieux"),
    ] {
        let (b, user) = app.as_role(role).await;
        let (status, html) = b.get_html("/").await;
        assert_eq!(status, StatusCode::OK, "{role:?}");
        assert!(html.contains(lead), "{role:?} dashboard: {html}");
        assert!(html.contains(&user.first_name));
    }
}

#[tokio::test]
async fn a_wrong_password_is_refused_in_french_and_nothing_is_opened() {
    let app = TestApp::start().await;
    app.user("formatrice@ac-lyon.fr", Role::Trainer).await;
    let b = app.anonymous();
    let r = b.login("formatrice@ac-lyon.fr", "not the password").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("Adresse électronique ou mot de passe incorrect."));
    assert!(
        html.contains("value=\"formatrice@ac-lyon.fr\""),
        "the address is kept"
    );
    let r = b.login("nobody@ac-lyon.fr", PASSWORD).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = b.get("/").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/login?next=%2F");
}

#[tokio::test]
async fn the_interface_switches_to_english() {
    let app = TestApp::start().await;
    let (b, _) = app.as_role(Role::Trainee).await;
    let r = b
        .post_form("/language", &[("lang", "en"), ("next", "/")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = b.get_html("/").await;
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Your next sessions"), "{html}");
    let r = b
        .post_form("/language", &[("lang", "de"), ("next", "/")])
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_trainee_logs_in_with_a_mailed_single_use_link() {
    let app = TestApp::start().await;
    app.user("lea.fontaine@ac-lyon.fr", Role::Trainee).await;
    let b = app.anonymous();
    let r = b
        .post_form("/login/link", &[("email", "Lea.Fontaine@ac-lyon.fr")])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("un lien de connexion vient de lui être envoyé"));

    let mail = app.last_mail_to("lea.fontaine@ac-lyon.fr").await;
    assert!(mail.sent_at.is_some(), "delivered by the worker");
    let link = mail
        .body
        .split_whitespace()
        .find(|w| w.starts_with(&app.base))
        .expect("a link in the mail")
        .to_owned();
    let path = link.trim_start_matches(&app.base).to_owned();
    assert!(path.starts_with("/m/"));
    let files: Vec<_> = std::fs::read_dir(&app.mail_dir).unwrap().collect();
    assert_eq!(files.len(), 1, "written to the mail folder");

    // Opening the link does not use it up (mail scanners follow links); the button does.
    let (status, _) = b.get_html(&path).await;
    assert_eq!(status, StatusCode::OK);
    let r = b.post_form(&path, &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (status, html) = b.get_html("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Vos prochaines séances"));

    let other = app.anonymous();
    let r = other.post_form(&path, &[]).await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a link works once"
    );

    // Unknown addresses get the same answer and no mail.
    let r = other
        .post_form("/login/link", &[("email", "inconnu@ac-lyon.fr")])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = other
        .post_form("/login/link", &[("email", "pas une adresse")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Adresse électronique invalide"));
}

#[tokio::test]
async fn forms_without_the_token_or_from_elsewhere_are_refused() {
    let app = TestApp::start().await;
    app.user("pilote@ac-lyon.fr", Role::Pilot).await;
    let b = app.anonymous();
    let r = b
        .client
        .post(app.url("/login"))
        .form(&[("email", "pilote@ac-lyon.fr"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(r.text().await.unwrap().contains("Le formulaire a expiré"));
    let token = b.csrf().await;
    let r = b
        .client
        .post(app.url("/login"))
        .header("origin", "https://evil.example")
        .form(&[
            ("csrf", token.as_str()),
            ("email", "pilote@ac-lyon.fr"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = b
        .client
        .post(app.url("/login"))
        .header("sec-fetch-site", "cross-site")
        .form(&[
            ("csrf", token.as_str()),
            ("email", "pilote@ac-lyon.fr"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn roles_are_enforced_on_pages() {
    let app = TestApp::start().await;
    let (trainee, _) = app.as_role(Role::Trainee).await;
    assert_eq!(
        trainee.get("/accounts").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        trainee.get("/trainings").await.status(),
        StatusCode::FORBIDDEN
    );
    let (trainer, _) = app.as_role(Role::Trainer).await;
    assert_eq!(
        trainer.get("/accounts").await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(trainer.get("/trainings").await.status(), StatusCode::OK);
    // The filter form with « Tous les plans » sends an empty plan: every plan is listed.
    assert_eq!(
        trainer.get("/trainings?plan=&mine=1").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        trainer.get("/trainings?plan=abc").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        trainer.get("/trainings/new").await.status(),
        StatusCode::FORBIDDEN
    );
    let (pilot, _) = app.as_pilot().await;
    assert_eq!(pilot.get("/accounts").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(pilot.get("/trainings/new").await.status(), StatusCode::OK);
    let anon = app.anonymous();
    let r = anon.get("/accounts?role=pilot").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"],
        "/login?next=%2Faccounts%3Frole%3Dpilot"
    );
    let (status, html) = anon.get_html("/nowhere").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("introuvable"));
}

#[tokio::test]
async fn an_admin_creates_accounts_with_errors_shown_field_by_field() {
    let app = TestApp::start().await;
    let (admin, _) = app.as_admin().await;
    let r = admin
        .post_form(
            "/accounts",
            &[
                ("email", "pas-une-adresse"),
                ("last_name", ""),
                ("first_name", "Inès"),
                ("role", "chef"),
                ("password", "court"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    for message in [
        "Adresse électronique invalide",
        "Ce champ est obligatoire.",
        "Rôle inconnu",
        "Mot de passe trop court",
    ] {
        assert!(html.contains(message), "missing {message:?}");
    }
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("value=\"Inès\""), "what was typed is kept");
    let count = |app: &TestApp| {
        let s = app.store().clone();
        async move {
            hybride_store::people::count(
                &s,
                &hybride_store::people::UserFilter {
                    limit: 1,
                    ..Default::default()
                },
            )
            .await
            .unwrap()
        }
    };
    assert_eq!(count(&app).await, 1, "nothing created");

    let r = admin
        .post_form(
            "/accounts",
            &[
                ("email", "ines.benali@ac-lyon.fr"),
                ("last_name", "Benali"),
                ("first_name", "Inès"),
                ("role", "trainer"),
                ("password", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/accounts?ok=account-created");
    let (_, html) = admin.get_html("/accounts?ok=account-created").await;
    assert!(html.contains("Le compte a été créé."));
    let (_, html) = admin.get_html("/accounts?q=ben").await;
    assert!(
        html.contains("ines.benali@ac-lyon.fr") && html.contains("Un compte"),
        "search by the start of a name"
    );
    let r = admin
        .post_form(
            "/accounts",
            &[
                ("email", "INES.BENALI@ac-lyon.fr"),
                ("last_name", "Benali"),
                ("first_name", "Inès"),
                ("role", "trainer"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Un compte existe déjà avec cette adresse."));
}

#[tokio::test]
async fn a_deactivated_account_loses_its_session_and_tokens() {
    let app = TestApp::start().await;
    let (admin, _) = app.as_admin().await;
    let (trainer, user) = app.as_role(Role::Trainer).await;
    let api = app.token_for(&user).await;
    assert_eq!(api.get("/api/v1/me").await.0, StatusCode::OK);
    let path = format!("/accounts/{}", user.id);
    let r = admin
        .post_form(
            &path,
            &[
                ("last_name", "Durand"),
                ("first_name", "Camille"),
                ("role", "trainer"),
                ("establishment", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        trainer.get("/").await.status(),
        StatusCode::SEE_OTHER,
        "logged out"
    );
    assert_eq!(api.get("/api/v1/me").await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        trainer.login(&user.email, PASSWORD).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

const GOOD_CSV: &str = "nom;prénom;courriel;rôle;établissement\n\
Durand;Camille;camille.durand@ac-lyon.fr;stagiaire;Collège Jean Moulin\n\
Nguyen;Minh;minh.nguyen@ac-lyon.fr;formateur;\n";

const BAD_CSV: &str = "nom;prénom;courriel;rôle\n\
Durand;Camille;camille.durand@ac-lyon.fr;stagiaire\n\
;Minh;minh.nguyen@ac-lyon;formateur\n\
Roux;Isabelle;isabelle.roux@ac-lyon.fr;chef\n";

#[tokio::test]
async fn account_imports_are_all_or_nothing_in_the_page() {
    let app = TestApp::start().await;
    let (admin, _) = app.as_admin().await;
    let token = admin.csrf().await;
    let upload = |csv: &'static str, token: String| {
        let form = reqwest::multipart::Form::new().text("csrf", token).part(
            "file",
            reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("comptes.csv"),
        );
        admin
            .client
            .post(app.url("/accounts/import"))
            .multipart(form)
            .send()
    };
    let r = upload(BAD_CSV, token.clone()).await.unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Import refusé") && html.contains("3 erreurs"),
        "{html}"
    );
    assert!(
        html.contains("<td>3</td>") && html.contains("<td>4</td>"),
        "line numbers"
    );
    assert!(html.contains("Rôle inconnu"));
    assert_eq!(
        hybride_store::people::count(
            app.store(),
            &hybride_store::people::UserFilter {
                limit: 1,
                ..Default::default()
            }
        )
        .await
        .unwrap(),
        1,
        "the good line of a refused file was not kept"
    );
    let r = upload(GOOD_CSV, token.clone()).await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = upload(GOOD_CSV, token).await.unwrap();
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "re-importing the same people is refused"
    );
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("camille.durand@ac-lyon.fr"));
}

#[tokio::test]
async fn account_imports_through_the_api() {
    let app = TestApp::start().await;
    let admin = app.user("admin@ac-lyon.fr", Role::Admin).await;
    let api = app.token_for(&admin).await;
    let (status, ct, body) = api
        .post_raw("/api/v1/users/import", "text/csv", BAD_CSV)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(ct.starts_with("application/problem+json"));
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let lines: Vec<u64> = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![3, 3, 4]);
    let (status, _, body) = api
        .post_raw("/api/v1/users/import", "text/csv", GOOD_CSV)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (_, users) = api.get("/api/v1/users?role=trainer").await;
    assert_eq!(users["total"], 1);
    assert_eq!(users["items"][0]["email"], "minh.nguyen@ac-lyon.fr");
}

#[tokio::test]
async fn a_pilot_builds_a_training_and_a_cohort_in_the_pages() {
    let app = TestApp::start().await;
    let plan = hybride_store::plans::create(
        app.store(),
        hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
        &hybride_domain::Title::parse("PAF 2026-2027").unwrap(),
    )
    .await
    .unwrap();
    let (pilot, _) = app.as_pilot().await;
    let plan_id = plan.id.to_string();
    let mut fields = vec![
        ("plan_id", plan_id.as_str()),
        ("dispositif_id", "26X01"),
        ("module_id", "48213"),
        ("title", "Évaluer par compétences"),
        ("objectives", "Construire des grilles critériées."),
        ("public", "Professeurs de collège"),
        ("in_person", "6"),
        ("synchronous", "1 h 30"),
        ("asynchronous", "deux heures"),
        ("validation_criteria", "Présence à 80 % des demi-journées."),
        ("min_attendance_percent", "80"),
    ];
    let r = pilot.post_form("/trainings", &fields).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("Identifiant de dispositif GAIA invalide"));
    assert!(html.contains("Durée illisible"));
    fields[1] = ("dispositif_id", "26A0100123");
    fields[8] = ("asynchronous", "2");
    let r = pilot.post_form("/trainings", &fields).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    let training_path = location.split('?').next().unwrap().to_owned();
    let (_, html) = pilot.get_html(&location).await;
    assert!(html.contains("Évaluer par compétences") && html.contains("1\u{a0}h\u{a0}30"));

    // The same GAIA ids again are refused next to the field.
    let r = pilot.post_form("/trainings", &fields).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("porte déjà ces identifiants"));

    app.user("karim.benali@ac-lyon.fr", Role::Trainer).await;
    let r = pilot
        .post_form(
            &format!("{training_path}/trainers"),
            &[("email", "karim.benali@ac-lyon.fr")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = pilot.get_html(&training_path).await;
    assert!(html.contains("karim.benali@ac-lyon.fr"));

    let r = pilot
        .post_form(
            &format!("{training_path}/cohorts"),
            &[
                ("label", "Groupe 1 — Lyon"),
                ("starts_on", "2026-12-15"),
                ("ends_on", "2026-12-01"),
                ("course_url", "ftp://x"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Le dernier jour doit suivre le premier.")
            && html.contains("Adresse web invalide")
    );
    let r = pilot
        .post_form(
            &format!("{training_path}/cohorts"),
            &[
                ("label", "Groupe 1 — Lyon"),
                ("gaia_session_id", "1"),
                ("starts_on", "2026-12-01"),
                ("ends_on", "2027-01-15"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let cohort_path = r.headers()["location"]
        .to_str()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned();

    let trainee = app.user("lea.fontaine@ac-lyon.fr", Role::Trainee).await;
    let r = pilot
        .post_form(
            &format!("{cohort_path}/enrollments"),
            &[("emails", "lea.fontaine@ac-lyon.fr\ninconnu@ac-lyon.fr")],
        )
        .await;
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("{cohort_path}?error=enroll-unknown")
    );
    let r = pilot
        .post_form(
            &format!("{cohort_path}/enrollments"),
            &[("emails", "lea.fontaine@ac-lyon.fr")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = pilot
        .post_form(
            &format!("{cohort_path}/trainers"),
            &[("email", "karim.benali@ac-lyon.fr")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = pilot.get_html(&cohort_path).await;
    assert!(html.contains("Stagiaires inscrits (1)") && html.contains("lea.fontaine@ac-lyon.fr"));
    let r = pilot
        .post_form(&format!("{cohort_path}/status"), &[("status", "closed")])
        .await;
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("{cohort_path}?error=status-transition")
    );
    // Nothing is prepared yet: "ready" needs the checklist done, or a stated reason.
    let r = pilot
        .post_form(&format!("{cohort_path}/status"), &[("status", "ready")])
        .await;
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("{cohort_path}?error=ready-blocked")
    );
    let r = pilot
        .post_form(
            &format!("{cohort_path}/status"),
            &[
                ("status", "ready"),
                ("reason", "Ouverture des inscriptions GAIA"),
            ],
        )
        .await;
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("{cohort_path}?ok=status-changed")
    );

    // The trainee sees their cohort, not the list of others; another pilot cannot manage it.
    let b = app.anonymous();
    assert_eq!(
        b.login(&trainee.email, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let (status, html) = b.get_html(&cohort_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("Stagiaires inscrits"));
    let (other_pilot, _) = app.as_pilot().await;
    let r = other_pilot
        .post_form(
            &format!("{cohort_path}/enrollments"),
            &[("emails", "lea.fontaine@ac-lyon.fr")],
        )
        .await;
    // Another pilot's cohort is, to a pilot without the whole plan, unknown.
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let (stranger, _) = app.as_role(Role::Trainee).await;
    assert_eq!(
        stranger.get(&cohort_path).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_api_speaks_problem_json_in_the_callers_language() {
    let app = TestApp::start().await;
    let anon = app.api_anonymous();
    let (status, body) = anon.get("/api/v1/trainings").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["title"], "Connexion nécessaire.");
    let forged = Api {
        token: Some("x".repeat(43)),
        ..app.api_anonymous()
    };
    assert_eq!(forged.get("/api/v1/me").await.0, StatusCode::UNAUTHORIZED);

    let pilot = app.user("pilote@ac-lyon.fr", Role::Pilot).await;
    let api = app.token_for(&pilot).await;
    let (status, me) = api.get("/api/v1/me").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (me["email"].as_str(), me["role"].as_str()),
        (Some("pilote@ac-lyon.fr"), Some("pilot"))
    );

    let (status, body) = api.post("/api/v1/trainings", json!({"plan_id": 1, "dispositif_id": "nope", "module_id": "1234567", "title": "", "in_person_minutes": -5, "synchronous_minutes": 0, "asynchronous_minutes": 0, "validation_criteria": "x", "min_attendance_percent": 180})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in [
        "dispositif_id",
        "module_id",
        "title",
        "in_person",
        "min_attendance_percent",
    ] {
        assert!(fields.contains(&f), "{f} not reported in {body}");
    }
    assert_eq!(body["title"], "Certaines valeurs ne conviennent pas.");

    let api_en = app.token_for(&pilot).await.in_english();
    let (_, body) = api_en
        .post(
            "/api/v1/plans",
            json!({"school_year": "2026-2027", "title": "PAF"}),
        )
        .await;
    assert_eq!(body["title"], "You do not have access to this page.");
    let (status, body) = api_en
        .post("/api/v1/trainings", json!({"plan_id": 1}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["detail"].as_str().unwrap().contains("missing field"),
        "{body}"
    );
    let (status, _, body) = api
        .post_raw("/api/v1/trainings", "application/json", "{not json")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = api.get("/api/v1/trainings/not-a-number").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["status"], 400);
    let (status, body) = api.get("/api/v1/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["title"], "Page ou ressource introuvable.");
    let (status, _) = api.get("/api/v1/trainings/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_api_covers_plans_trainings_cohorts_and_enrollments() {
    let app = TestApp::start().await;
    let admin = app
        .token_for(&app.user("admin@ac-lyon.fr", Role::Admin).await)
        .await;
    let pilot_user = app.user("pilote@ac-lyon.fr", Role::Pilot).await;
    let pilot = app.token_for(&pilot_user).await;
    let trainer_user = app.user("formateur@ac-lyon.fr", Role::Trainer).await;
    let trainer = app.token_for(&trainer_user).await;
    let trainee_user = app.user("stagiaire@ac-lyon.fr", Role::Trainee).await;
    let trainee = app.token_for(&trainee_user).await;

    let (status, plan) = admin
        .post(
            "/api/v1/plans",
            json!({"school_year": "2026-2027", "title": "PAF 2026-2027"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{plan}");
    let (status, _) = admin
        .post(
            "/api/v1/plans",
            json!({"school_year": "2026-2027", "title": "Encore"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    let body = json!({"plan_id": plan["id"], "dispositif_id": "26A0100123", "module_id": "48213", "title": "Évaluer par compétences",
        "objectives": "", "public": "", "in_person_minutes": 360, "synchronous_minutes": 90, "asynchronous_minutes": 120,
        "validation_criteria": "Présence à 80 %", "min_attendance_percent": 80});
    let (status, training) = pilot.post("/api/v1/trainings", body.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{training}");
    assert_eq!(training["pilot_id"], pilot_user.id);
    let (status, _) = pilot.post("/api/v1/trainings", body).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let tid = training["id"].as_i64().unwrap();

    let (status, _) = pilot
        .post(
            &format!("/api/v1/trainings/{tid}/trainers"),
            json!({"email": "stagiaire@ac-lyon.fr"}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a trainee cannot train"
    );
    let (status, trainers) = pilot
        .post(
            &format!("/api/v1/trainings/{tid}/trainers"),
            json!({"user_id": trainer_user.id}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(trainers[0]["email"], "formateur@ac-lyon.fr");

    let (status, cohort) = pilot
        .post("/api/v1/cohorts", json!({"training_id": tid, "label": "Groupe 1", "starts_on": "2026-12-01", "ends_on": "2027-01-15", "course_url": "https://magistere.education.fr/ac-lyon/course/view.php?id=42"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{cohort}");
    let cid = cohort["id"].as_i64().unwrap();
    let (status, enrolled) = pilot
        .post(
            &format!("/api/v1/cohorts/{cid}/enrollments"),
            json!({"emails": ["stagiaire@ac-lyon.fr"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{enrolled}");
    let (status, _) = pilot
        .post(
            &format!("/api/v1/cohorts/{cid}/enrollments"),
            json!({"user_ids": [trainee_user.id]}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, list) = pilot
        .get(&format!("/api/v1/cohorts/{cid}/enrollments"))
        .await;
    assert_eq!(
        (
            list[0]["last_name"].as_str(),
            list[0]["first_name"].as_str()
        ),
        (Some("Durand"), Some("Camille"))
    );

    // Trainers see the trainings they deliver; trainees see their cohorts, never the rosters.
    let (_, mine) = trainer.get("/api/v1/trainings").await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    let (_, mine) = trainee.get("/api/v1/cohorts").await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(
        trainee
            .get(&format!("/api/v1/cohorts/{cid}/enrollments"))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        trainee.get("/api/v1/trainings").await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        trainee
            .get(&format!("/api/v1/cohorts/{cid}/activities"))
            .await
            .0,
        StatusCode::OK
    );

    let (status, c) = pilot
        .post(
            &format!("/api/v1/cohorts/{cid}/status"),
            json!({"status": "ready"}),
        )
        .await;
    assert_eq!(
        (status, c["status"].as_str()),
        (StatusCode::OK, Some("ready"))
    );
    let (status, body) = pilot
        .post(
            &format!("/api/v1/cohorts/{cid}/status"),
            json!({"status": "archived"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["title"], "Ce changement d’état n’est pas possible.");
}

#[tokio::test]
async fn the_api_changes_accounts_cohort_trainers_and_enrollments() {
    let app = TestApp::start().await;
    let admin_user = app.user("admin@ac-lyon.fr", Role::Admin).await;
    let admin = app.token_for(&admin_user).await;
    let trainer = app.user("formateur@ac-lyon.fr", Role::Trainer).await;
    let trainee = app.user("stagiaire@ac-lyon.fr", Role::Trainee).await;

    let c = reqwest::Client::new();
    let patch = |path: String, body: serde_json::Value| {
        c.patch(app.url(&path))
            .bearer_auth(admin.token.as_ref().unwrap())
            .json(&body)
            .send()
    };
    let r = patch(
        format!("/api/v1/users/{}", trainer.id),
        json!({"last_name": "Benali", "establishment": "Lycée Ampère"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(
        (
            v["last_name"].as_str(),
            v["first_name"].as_str(),
            v["establishment"].as_str()
        ),
        (Some("Benali"), Some("Camille"), Some("Lycée Ampère"))
    );
    let r = patch(
        format!("/api/v1/users/{}", admin_user.id),
        json!({"active": false}),
    )
    .await
    .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "an admin cannot lock themself out"
    );
    let r = patch(
        format!("/api/v1/users/{}", trainer.id),
        json!({"role": "chef", "password": "court"}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["errors"].as_array().unwrap().len(), 2, "{v}");

    let (_, plan) = admin
        .post(
            "/api/v1/plans",
            json!({"school_year": "2026-2027", "title": "PAF"}),
        )
        .await;
    let pilot = app.user("pilote@ac-lyon.fr", Role::Pilot).await;
    let (status, training) = admin
        .post("/api/v1/trainings", json!({"plan_id": plan["id"], "pilot_id": pilot.id, "dispositif_id": "26A0100001", "module_id": "1",
            "title": "Former à distance", "in_person_minutes": 180, "synchronous_minutes": 60, "asynchronous_minutes": 60,
            "validation_criteria": "Tout suivre.", "min_attendance_percent": 100}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{training}");
    assert_eq!(training["pilot_name"], "Camille Durand");
    let (_, cohort) = admin
        .post("/api/v1/cohorts", json!({"training_id": training["id"], "label": "G1", "starts_on": "2027-01-04", "ends_on": "2027-01-29"}))
        .await;
    let cid = cohort["id"].as_i64().unwrap();
    let (status, trainers) = admin
        .post(
            &format!("/api/v1/cohorts/{cid}/trainers"),
            json!({"email": "formateur@ac-lyon.fr"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(trainers[0]["last_name"], "Benali");
    let (_, of_training) = admin
        .get(&format!("/api/v1/trainings/{}/trainers", training["id"]))
        .await;
    assert_eq!(
        of_training.as_array().unwrap().len(),
        1,
        "a cohort's trainer trains the training"
    );
    admin
        .post(
            &format!("/api/v1/cohorts/{cid}/enrollments"),
            json!({"user_ids": [trainee.id]}),
        )
        .await;
    let del = |path: String| {
        c.delete(app.url(&path))
            .bearer_auth(admin.token.as_ref().unwrap())
            .send()
    };
    assert_eq!(
        del(format!("/api/v1/cohorts/{cid}/enrollments/{}", trainee.id))
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        del(format!("/api/v1/cohorts/{cid}/enrollments/{}", trainee.id))
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    let r = del(format!(
        "/api/v1/trainings/{}/trainers/{}",
        training["id"], trainer.id
    ))
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn password_guessing_and_link_requests_are_limited() {
    let app = TestApp::start().await;
    let user = app.user("camille.durand@ac-lyon.fr", Role::Trainer).await;
    let b = app.anonymous();
    // Successful logins do not count; failed ones do.
    for _ in 0..3 {
        assert_eq!(
            b.login(&user.email, PASSWORD).await.status(),
            StatusCode::SEE_OTHER
        );
    }
    for _ in 0..10 {
        assert_eq!(
            b.login(&user.email, "mauvais mot de passe").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    // The eleventh try is refused, even with the right password, in French.
    let r = b.login(&user.email, PASSWORD).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().await.unwrap().contains("Trop de tentatives"));
    // Another account is not affected.
    let other = app.user("lea.martin@ac-lyon.fr", Role::Trainee).await;
    assert_eq!(
        app.anonymous().login(&other.email, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );

    // Five login links an hour for one address; the sixth request is refused, and sends nothing.
    let b = app.anonymous();
    for _ in 0..5 {
        assert_eq!(
            b.post_form("/login/link", &[("email", "lea.martin@ac-lyon.fr")])
                .await
                .status(),
            StatusCode::OK
        );
    }
    let r = b
        .post_form("/login/link", &[("email", "lea.martin@ac-lyon.fr")])
        .await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let mails = hybride_store::outbox::recent(app.store(), 100)
        .await
        .unwrap();
    assert_eq!(
        mails
            .iter()
            .filter(|m| m.recipient == "lea.martin@ac-lyon.fr")
            .count(),
        5
    );
}

#[tokio::test]
async fn the_accessibility_statement_is_public_and_linked_from_every_page() {
    let app = TestApp::start().await;
    let b = app.anonymous();
    let (status, html) = b.get_html("/accessibilite").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("<h1>Déclaration d’accessibilité</h1>"),
        "{html}"
    );
    assert!(html.contains("partiellement conforme"));
    assert!(html.contains("Défenseur des droits"));
    let (_, login) = b.get_html("/login").await;
    assert!(login.contains("href=\"/accessibilite\""));
}

/// utoipa names a schema after its type and keeps the last one registered under a name, so two
/// types of one name would silently describe each other's answers (found twice by schemathesis:
/// `Accompaniment`, then `Status`). Every type that derives `ToSchema` in the workspace must have
/// a schema name of its own.
#[test]
fn every_schema_has_a_name_of_its_own() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                if !p.ends_with("target") {
                    dirs.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "rs")
                && p.to_string_lossy().contains("/src/")
            {
                files.push(p);
            }
        }
    }
    let mut seen: std::collections::BTreeMap<String, String> = Default::default();
    let mut clashes = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            if !(l.trim_start().starts_with("#[derive(") && l.contains("ToSchema")) {
                continue;
            }
            let mut renamed = None;
            for next in &lines[i + 1..(i + 12).min(lines.len())] {
                let t = next.trim();
                if let Some(rest) = t.strip_prefix("#[schema(as = ") {
                    renamed = rest.split(')').next().map(str::to_owned);
                }
                let item = t
                    .strip_prefix("pub struct ")
                    .or_else(|| t.strip_prefix("pub enum "))
                    .or_else(|| t.strip_prefix("struct "))
                    .or_else(|| t.strip_prefix("enum "));
                if let Some(item) = item {
                    let name = renamed.clone().unwrap_or_else(|| {
                        item.split(|c: char| !c.is_alphanumeric() && c != '_')
                            .next()
                            .unwrap()
                            .to_owned()
                    });
                    let here = format!("{}:{}", f.display(), i + 1);
                    if let Some(first) = seen.insert(name.clone(), here.clone()) {
                        clashes.push(format!("{name}: {first} and {here}"));
                    }
                    break;
                }
            }
        }
    }
    assert!(seen.len() > 50, "found only {} schemas", seen.len());
    assert!(
        clashes.is_empty(),
        "schema names used twice:\n{}",
        clashes.join("\n")
    );
}

/// After signing in, only a path of this site is followed: `/%09/evil.example` is read by
/// browsers as `//evil.example` (another site), and is not followed.
#[tokio::test]
async fn a_login_never_sends_a_person_to_another_site() {
    let app = TestApp::start().await;
    let (admin, _) = app.as_admin().await;
    for next in [
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%5Cevil.example",
        "//evil.example",
    ] {
        let r = admin.get(&format!("/login?next={next}")).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{next}");
        assert_eq!(r.headers()["location"], "/", "{next}");
    }
    let r = admin.get("/login?next=%2Faccounts%3Frole%3Dpilot").await;
    assert_eq!(r.headers()["location"], "/accounts?role=pilot");
    let user = app.user("lea.fontaine@ac-lyon.fr", Role::Trainer).await;
    let anon = app.anonymous();
    let r = anon
        .post_form(
            "/login",
            &[
                ("email", user.email.as_str()),
                ("password", PASSWORD),
                ("next", "/\t/evil.example"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/");
}

/// Parallel wrong passwords cannot all pass the limit before the first failure is counted: each
/// attempt is counted before the password is checked, so at most ten of them are judged in a
/// quarter of an hour, and then even the right password waits.
#[tokio::test]
async fn parallel_password_guesses_stop_at_the_limit() {
    let app = TestApp::start().await;
    let user = app.user("cible@ac-lyon.fr", Role::Trainer).await;
    let browser = app.anonymous();
    let token = browser.csrf().await;
    let guesses = (0..40).map(|i| {
        let client = browser.client.clone();
        let url = app.url("/login");
        let fields = vec![
            ("csrf".to_owned(), token.clone()),
            ("email".to_owned(), user.email.clone()),
            ("password".to_owned(), format!("mauvais mot de passe {i}")),
            ("next".to_owned(), "/".to_owned()),
        ];
        async move {
            client
                .post(url)
                .form(&fields)
                .send()
                .await
                .unwrap()
                .status()
        }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let judged = statuses
        .iter()
        .filter(|s| **s != StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(judged <= 10, "{judged} guesses judged: {statuses:?}");
    let r = browser.login(&user.email, PASSWORD).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
}

/// Served over https, every answer tells browsers to keep to https (HSTS); over plain http (a
/// developer's machine), no answer says so.
#[tokio::test]
async fn https_deployments_send_hsts() {
    let app = TestApp::start_configured(|mut c| {
        c.public_url = "https://formation.ac-lyon.fr".into();
        c.secure_cookies = true;
        c
    })
    .await;
    let r = app.anonymous().get("/healthz").await;
    assert_eq!(
        r.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    let r = app.anonymous().get("/nowhere").await;
    assert!(r.headers().contains_key("strict-transport-security"));
    let plain = TestApp::start().await;
    let r = plain.anonymous().get("/healthz").await;
    assert!(!r.headers().contains_key("strict-transport-security"));

    // Over https the cookies are `__Host-` ones: only this host, Secure, the whole site; a
    // cookie without the prefix (which a neighbouring sub-domain could plant) opens nothing.
    let r = app.anonymous().get("/login").await;
    let set = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(set.starts_with("__Host-hybride_csrf="), "{set}");
    assert!(
        set.contains("; Path=/;") && set.ends_with("; Secure"),
        "{set}"
    );
    let user = app.user("formatrice@ac-lyon.fr", Role::Trainer).await;
    let secret = hybride_store::security::create_session(app.store(), user.id, 3600)
        .await
        .unwrap();
    let bare = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for (cookie, signed_in) in [
        (format!("hybride_session={secret}"), false),
        (format!("__Host-hybride_session={secret}"), true),
    ] {
        let r = bare
            .get(app.url("/"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status() == StatusCode::OK, signed_in, "{cookie}");
    }
}

/// A person changes their own password: the current one is asked, the new one typed twice; the
/// person's other sessions end, this one stays; the old password no longer signs in.
#[tokio::test]
async fn signing_in_ends_the_session_the_browser_held_before() {
    let app = TestApp::start().await;
    let first = app.user("camille.durand@ac-lyon.fr", Role::Trainer).await;
    let second = app.user("nadia.roux@ac-lyon.fr", Role::Pilot).await;
    let b = app.anonymous();
    assert_eq!(
        b.login(&first.email, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let held = session_of(&b);
    assert!(hybride_store::security::session_user(app.store(), &held)
        .await
        .unwrap()
        .is_some());

    // Someone else signs in on the same browser: the session held before is over, not left
    // alive beside the new one.
    assert_eq!(
        b.login(&second.email, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let now_held = session_of(&b);
    assert_ne!(now_held, held);
    assert!(hybride_store::security::session_user(app.store(), &held)
        .await
        .unwrap()
        .is_none());
    let (s, _) = b.get_html("/").await;
    assert_eq!(s, StatusCode::OK);

    // A request that sets no session leaves it be.
    let _ = b.get_html("/password").await;
    assert!(
        hybride_store::security::session_user(app.store(), &now_held)
            .await
            .unwrap()
            .is_some()
    );
}

/// The session secret `b`'s cookie holds.
fn session_of(b: &common::Browser) -> String {
    b.cookie("hybride_session").expect("a session cookie")
}

#[tokio::test]
async fn a_person_changes_their_password_and_their_other_sessions_end() {
    let app = TestApp::start().await;
    let user = app.user("camille.durand@ac-lyon.fr", Role::Trainer).await;
    let here = app.anonymous();
    assert_eq!(
        here.login(&user.email, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let elsewhere = app.anonymous();
    assert_eq!(
        elsewhere.login(&user.email, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let (status, html) = here.get_html("/password").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Mot de passe actuel"));

    let new = "une phrase de passe toute neuve";
    let r = here
        .post_form(
            "/password",
            &[
                ("current_password", "pas le bon"),
                ("new_password", new),
                ("confirm_password", new),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Ce n’est pas votre mot de passe actuel."));
    let r = here
        .post_form(
            "/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", new),
                ("confirm_password", "autre chose encore"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Les deux saisies du nouveau mot de passe diffèrent."));
    let r = here
        .post_form(
            "/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "court"),
                ("confirm_password", "court"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Nothing changed so far: the other browser is still signed in.
    assert_eq!(elsewhere.get("/").await.status(), StatusCode::OK);

    let r = here
        .post_form(
            "/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", new),
                ("confirm_password", new),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/password?ok=password-changed");
    assert_eq!(here.get("/").await.status(), StatusCode::OK);
    let r = elsewhere.get("/").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "the other session ended");
    let again = app.anonymous();
    let r = again.login(&user.email, PASSWORD).await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the old password is refused (the form again)"
    );
    assert_eq!(
        again.login(&user.email, new).await.status(),
        StatusCode::SEE_OTHER
    );
}

/// Someone who signs in with mailed links has no password to change, and is told so.
#[tokio::test]
async fn a_trainee_without_a_password_is_told_how_she_signs_in() {
    let app = TestApp::start().await;
    let account = hybride_domain::accounts::NewAccount {
        email: hybride_domain::Email::parse("lina.morel@ac-lyon.fr").unwrap(),
        last_name: hybride_domain::PersonName::parse("Morel").unwrap(),
        first_name: hybride_domain::PersonName::parse("Lina").unwrap(),
        role: Role::Trainee,
        establishment: None,
    };
    let trainee = hybride_store::people::create(app.store(), &account, None)
        .await
        .unwrap();
    let secret = hybride_store::security::create_session(app.store(), trainee.id, 3600)
        .await
        .unwrap();
    let r = app
        .anonymous()
        .client
        .get(app.url("/password"))
        .header("cookie", format!("hybride_session={secret}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let html = r.text().await.unwrap();
    assert!(html.contains("Vous vous connectez sans mot de passe"));
    assert!(!html.contains("Mot de passe actuel"));
}

/// Behind the académie's reverse proxy, each person is counted under their own address (read
/// from the proxy's `X-Forwarded-For`), not all under the proxy's; without a declared proxy, the
/// header is the client's own claim and is ignored.
#[tokio::test]
async fn attempts_are_counted_per_person_behind_a_declared_proxy() {
    /// The login attempts counted under each of `addresses`.
    async fn counted(app: &TestApp, addresses: &[&str]) -> Vec<i64> {
        let mut out = Vec::new();
        for a in addresses {
            let key = format!("login-address:{a}");
            out.push(
                hybride_store::limits::attempts(app.store(), &key, 900)
                    .await
                    .unwrap(),
            );
        }
        out
    }
    async fn attempt_from(app: &TestApp, forwarded: &str) {
        let b = app.anonymous();
        let token = b.csrf().await;
        let r = b
            .client
            .post(app.url("/login"))
            .header("x-forwarded-for", forwarded)
            .form(&[
                ("csrf", token.as_str()),
                ("email", "personne@ac-lyon.fr"),
                ("password", "pas le bon mot de passe"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let behind = TestApp::start_configured(|mut c| {
        c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
        c
    })
    .await;
    attempt_from(&behind, "192.0.2.60").await;
    attempt_from(&behind, "203.0.113.9, 192.0.2.61").await;
    assert_eq!(
        counted(&behind, &["192.0.2.60", "192.0.2.61", "127.0.0.1"]).await,
        [1, 1, 0]
    );
    let direct = TestApp::start().await;
    attempt_from(&direct, "192.0.2.60").await;
    assert_eq!(counted(&direct, &["192.0.2.60", "127.0.0.1"]).await, [0, 1]);
}

/// A request body is a JSON object, as the document says: an array is refused even where every
/// field may be left out.
#[tokio::test]
async fn a_body_that_is_not_an_object_is_refused() {
    let app = TestApp::start().await;
    let (_, admin) = app.as_admin().await;
    let api = app.token_for(&admin).await;
    let (status, problem) = api.post("/api/v1/cohorts/1/convocations", json!([])).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(problem["type"], "/problems/problem-bad-request");
    let (status, _) = api.post("/api/v1/plans", json!("2026-2027")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
