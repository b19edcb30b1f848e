//! The académie's M@gistère connection, against the recorded answers of a real Moodle 4.5
//! replayed on loopback (`hybride_connect::moodle_replay`): set on the settings page (each field
//! checked, the token never shown again), checked at once, every Moodle error said in French;
//! the same through the API; both in the audit log.

mod common;

use common::*;
use hybride_connect::moodle_replay::{replay, TOKEN};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn an_admin_connects_magistere_and_sees_whether_it_works() {
    let app = TestApp::start().await;
    let moodle = replay().await;
    let (admin, me) = app.as_admin().await;

    let (s, html) = admin.get_html("/settings/magistere").await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("core_enrol_get_enrolled_users"));
    assert!(!html.contains("Tester la connexion"));
    let (_, html) = admin.get_html("/settings").await;
    assert!(html.contains("/settings/magistere") || html.contains("&#x2f;settings&#x2f;magistere"));

    // Each field refused is named, in French; nothing is stored.
    let r = admin
        .post_form(
            "/settings/magistere",
            &[("url", "ftp://magistere"), ("token", "court")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"f-url-error\""), "{html}");
    assert!(html.contains("id=\"f-token-error\""));
    assert!(html.contains("de 16 à 128 lettres et chiffres"));

    // A wrong token: saved, and the check says so at once.
    let wrong = "0123456789abcdef0123456789abcdef";
    let r = admin
        .post_form("/settings/magistere", &[("url", &moodle), ("token", wrong)])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = r.text().await.unwrap();
    assert!(html.contains("La connexion ne fonctionne pas"), "{html}");
    assert!(html.contains("M@gistère refuse ce jeton"));
    assert!(!html.contains(wrong));

    // The right one, the address kept: the site, its release and who the token is.
    let r = admin
        .post_form("/settings/magistere", &[("url", &moodle), ("token", TOKEN)])
        .await;
    let html = r.text().await.unwrap();
    assert!(html.contains("La connexion fonctionne"), "{html}");
    assert!(html.contains("Anchors Moodle 4.5"));
    assert!(html.contains("4.5.6 (Build: 20250811)"));
    assert!(html.contains("Marc Pilote (manager1)"));
    // Checked again later, with the token kept (the field left empty).
    let r = admin.post_form("/settings/magistere/check", &[]).await;
    assert!(r.text().await.unwrap().contains("La connexion fonctionne"));
    let r = admin
        .post_form("/settings/magistere", &[("url", &moodle), ("token", "")])
        .await;
    assert!(r.text().await.unwrap().contains("La connexion fonctionne"));

    // An address that is not Moodle's web service.
    let r = admin
        .post_form(
            "/settings/magistere",
            &[("url", &format!("{moodle}/autre")), ("token", "")],
        )
        .await;
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("ne mène pas au service web d’un site Moodle"));

    // The API says the same, never the token.
    let api = app.token_for(&me).await;
    let (s, body) = api
        .put(
            "/api/v1/settings/magistere",
            json!({"url": moodle, "token": TOKEN}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(body, json!({"url": moodle, "has_token": true}));
    let (s, body) = api
        .post("/api/v1/settings/magistere/check", json!({}))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(body["ok"], true);
    assert_eq!(body["sitename"], "Anchors Moodle 4.5");
    assert_eq!(body["missing"], json!([]));
    let (s, body) = api
        .put(
            "/api/v1/settings/magistere",
            json!({"url": moodle, "token": wrong}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (_, body) = api
        .post("/api/v1/settings/magistere/check", json!({}))
        .await;
    assert_eq!(body["ok"], false);
    assert_eq!(body["failure"], "invalid-token");
    let (s, body) = api
        .put(
            "/api/v1/settings/magistere",
            json!({"url": "http://magistere.fr"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "url");

    // Every change is in the audit log, never with the token.
    let entries = hybride_store::audit::recent(app.store(), None, 20)
        .await
        .unwrap();
    let changes: Vec<_> = entries
        .iter()
        .filter(|e| e.action == "magistere_set")
        .collect();
    assert_eq!(changes.len(), 6);
    assert!(changes
        .iter()
        .all(|e| !e.details.contains(TOKEN) && !e.details.contains(wrong)));
}

#[tokio::test]
async fn checking_before_any_connection_is_refused_clearly() {
    let app = TestApp::start().await;
    let (admin, me) = app.as_admin().await;
    let r = admin.post_form("/settings/magistere/check", &[]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (s, body) = app
        .token_for(&me)
        .await
        .post("/api/v1/settings/magistere/check", json!({}))
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["type"], "/problems/refused-magistere-not-configured");
}

#[tokio::test]
async fn the_cohorts_course_is_read_on_magistere_for_the_before_checklist() {
    let app = TestApp::start().await;
    let moodle = replay().await;
    let (admin, me) = app.as_admin().await;
    let api = app.token_for(&me).await;
    let (s, _) = api
        .put(
            "/api/v1/settings/magistere",
            json!({"url": moodle, "token": TOKEN}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let plan = hybride_store::plans::create(
        app.store(),
        hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
        &hybride_domain::Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let pilot = app
        .user("pilote@ac-lyon.fr", hybride_domain::Role::Pilot)
        .await;
    let (s, t) = api
        .post(
            "/api/v1/trainings",
            json!({"plan_id": plan.id, "pilot_id": pilot.id, "dispositif_id": "26A0100456",
                "module_id": "48999", "title": "Enseigner en hybride",
                "objectives": "Concevoir une séquence hybride.", "in_person_minutes": 360,
                "synchronous_minutes": 90, "asynchronous_minutes": 120,
                "validation_criteria": "Présence à 80 %.", "min_attendance_percent": 80}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{t}");
    // Course 3 of the recorded site: student01 is enrolled there, Nadia is not.
    let (s, c) = api
        .post(
            "/api/v1/cohorts",
            json!({"training_id": t["id"], "label": "Groupe A", "starts_on": "2026-11-01",
                "ends_on": "2027-02-05", "course_url": format!("{moodle}/course/view.php?id=3")}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{c}");
    let cid = c["id"].as_i64().unwrap();
    for email in ["student01@example.invalid", "nadia.roux@ac-lyon.fr"] {
        app.user(email, hybride_domain::Role::Trainee).await;
    }
    let (s, body) = api
        .post(
            &format!("/api/v1/cohorts/{cid}/enrollments"),
            json!({"emails": ["student01@example.invalid", "nadia.roux@ac-lyon.fr"]}),
        )
        .await;
    assert!(s.is_success(), "{body}");

    // Before any check, the checklist says nothing of M@gistère beyond the address.
    let (_, html) = admin.get_html(&format!("/cohorts/{cid}")).await;
    assert!(
        html.contains("Vérifier le parcours sur M@gistère"),
        "{html}"
    );
    assert!(!html.contains("Pas d’inscription"));

    // The page's button reads the course: it exists; one trainee is missing from it.
    let r = admin
        .post_form(&format!("/cohorts/{cid}/magistere"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = admin
        .get_html(&format!("/cohorts/{cid}?ok=magistere-checked"))
        .await;
    assert!(html.contains("Le parcours a été lu sur M@gistère"));
    assert!(
        html.contains(
            "Pas d’inscription au parcours M@gistère «\u{a0}Formation hybride ATT30\u{a0}» pour Camille Durand."
        ),
        "{html}"
    );
    let (_, list) = api.get(&format!("/api/v1/cohorts/{cid}/checklist")).await;
    let space = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "space_configured")
        .unwrap()
        .clone();
    assert_eq!(space["status"], "todo", "{space}");

    // Through the API: the same reading.
    let (s, check) = api
        .post(&format!("/api/v1/cohorts/{cid}/magistere/check"), json!({}))
        .await;
    assert_eq!(s, StatusCode::OK, "{check}");
    assert_eq!(check["course"], "Formation hybride ATT30");
    assert_eq!(check["enrolled"], 1);
    assert_eq!(check["missing"], json!(["Camille Durand"]));

    // Once the trainee not enrolled leaves the session, the course has everyone.
    let nadia = hybride_store::people::by_email(
        app.store(),
        &hybride_domain::Email::parse("nadia.roux@ac-lyon.fr").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    hybride_store::cohorts::unenroll(app.store(), cid, nadia.id)
        .await
        .unwrap();
    let (_, check) = api
        .post(&format!("/api/v1/cohorts/{cid}/magistere/check"), json!({}))
        .await;
    assert_eq!(check["missing"], json!([]));
    let (_, html) = admin.get_html(&format!("/cohorts/{cid}")).await;
    assert!(
        html.contains("Le parcours M@gistère «\u{a0}Formation hybride ATT30\u{a0}» existe et son stagiaire y est inscrit."),
        "{html}"
    );

    // A course address of another site names nothing here.
    let (s, body) = api
        .post(
            "/api/v1/cohorts",
            json!({"training_id": t["id"], "label": "Groupe B", "starts_on": "2026-11-01",
                "ends_on": "2027-02-05", "course_url": "https://autre.example/course/view.php?id=3"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{body}");
    let (s, body) = api
        .post(
            &format!("/api/v1/cohorts/{}/magistere/check", body["id"]),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["type"], "/problems/refused-magistere-course-unknown");
}
