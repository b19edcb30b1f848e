//! The audit log: an admin's changes to accounts and settings are appended by the use cases,
//! whichever door they came through (page or API), shown on « Journal d’audit » in French
//! words, listed by the API, and chained so that a changed entry is found.

mod common;

use common::*;
use hybride_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn an_admins_changes_are_in_the_audit_log_page_and_api() {
    let app = TestApp::start().await;
    let (admin, admin_user) = app.as_admin().await;
    let pilot = app.user("pilote@ac-lyon.fr", Role::Pilot).await;

    // A role and a grant changed on the account form.
    let r = admin
        .post_form(
            &format!("/accounts/{}", pilot.id),
            &[
                ("last_name", "Durand"),
                ("first_name", "Camille"),
                ("role", "pilot"),
                ("establishment", ""),
                ("password", ""),
                ("active", "on"),
                ("whole_plan", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // A refused change leaves no entry.
    let api = app.token_for(&admin_user).await;
    let (status, _) = api
        .put(
            "/api/v1/settings/retention",
            json!({"cohorts_months": 601, "mails_days": 30, "connections_days": 7, "accounts_months": 24}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // Retention periods changed through the API.
    let (status, _) = api
        .put(
            "/api/v1/settings/retention",
            json!({"cohorts_months": 72, "mails_days": 30, "connections_days": 7, "accounts_months": 24}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // An account created: its password is not in the log, only that one was given.
    let (status, created) = api
        .post(
            "/api/v1/users",
            json!({"email": "ines.roux@ac-lyon.fr", "last_name": "Roux", "first_name": "Inès",
                "role": "trainer", "password": "une phrase de passe assez longue"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");

    let (status, log) = api.get("/api/v1/audit").await;
    assert_eq!(status, StatusCode::OK, "{log}");
    let log = log.as_array().unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(
        actions,
        vec!["account_created", "retention_set", "account_updated"],
        "{log:?}"
    );
    for e in log {
        assert_eq!(e["actor_id"], admin_user.id);
        assert!(!e.to_string().contains("une phrase de passe"), "{e}");
    }
    let updated: serde_json::Value =
        serde_json::from_str(log[2]["details"].as_str().unwrap()).unwrap();
    assert_eq!(updated["whole_plan"], json!([false, true]), "{updated}");
    assert!(
        updated.get("role").is_none(),
        "only what changed: {updated}"
    );
    let retention: serde_json::Value =
        serde_json::from_str(log[1]["details"].as_str().unwrap()).unwrap();
    assert_eq!(retention["cohorts_months"], json!([60, 72]), "{retention}");
    assert_eq!(log[0]["prev_hash"], log[1]["hash"]);

    // Page by page.
    let (_, older) = api
        .get(&format!("/api/v1/audit?before={}&limit=1", log[1]["seq"]))
        .await;
    assert_eq!(older.as_array().unwrap().len(), 1);
    assert_eq!(older[0]["action"], "account_updated");
    let (status, _) = api.get("/api/v1/audit?limit=0").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // The page, in words.
    let (status, html) = admin.get_html("/settings/audit").await;
    assert_eq!(status, StatusCode::OK);
    for words in [
        "Journal d’audit",
        "Compte modifié",
        "Durées de conservation modifiées",
        "Compte créé",
        "Voit tout le plan\u{a0}: non → oui",
        &admin_user.display_name(),
    ] {
        assert!(html.contains(words), "{words}: {html}");
    }
    let (_, settings) = admin.get_html("/settings").await;
    assert!(settings.contains("Journal d’audit"), "{settings}");

    // Nobody else reads it.
    let (pilot_browser, _) = app.as_pilot().await;
    let status = pilot_browser.get("/settings/audit").await.status();
    assert!(
        [StatusCode::FORBIDDEN, StatusCode::NOT_FOUND].contains(&status),
        "{status}"
    );

    let check = hybride_training::audit::verify(app.store()).await.unwrap();
    assert_eq!((check.entries, check.first_break), (3, None));
}
