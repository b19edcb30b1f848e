//! Virtual rooms on BigBlueButton, against a fake server on loopback that checks every call's
//! checksum the way BigBlueButton does.

mod common;

use axum::extract::{Query, State};
use axum::routing::get;
use common::*;
use hybride_connect::bbb::{BbbConfig, Checksum};
use hybride_domain::Role;
use reqwest::StatusCode;
use serde_json::json;
use sha2::Digest;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const SECRET: &str = "8cd8ef52e8e101574e400365b55e11a6";

#[derive(Clone, Default)]
struct FakeBbb {
    created: Arc<Mutex<Vec<HashMap<String, String>>>>,
}

/// Checks `checksum = sha256(call + query-without-checksum + secret)`.
fn valid(call: &str, raw_query: &str) -> bool {
    let Some((q, sum)) = raw_query.rsplit_once("&checksum=") else {
        return false;
    };
    let expected: String = sha2::Sha256::digest(format!("{call}{q}{SECRET}").as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    expected == sum
}

async fn fake_bbb() -> (String, FakeBbb) {
    let fake = FakeBbb::default();
    let app = axum::Router::new()
        .route(
            "/bigbluebutton/api/create",
            get(|State(f): State<FakeBbb>, uri: axum::http::Uri, Query(q): Query<HashMap<String, String>>| async move {
                if !valid("create", uri.query().unwrap_or("")) {
                    return "<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey><message>Checksum error</message></response>".to_owned();
                }
                f.created.lock().unwrap().push(q);
                "<response><returncode>SUCCESS</returncode><meetingID>x</meetingID></response>".to_owned()
            }),
        )
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!(
        "http://{}/bigbluebutton/api/",
        listener.local_addr().unwrap()
    );
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, fake)
}

#[tokio::test]
async fn rooms_are_created_on_bigbluebutton_and_joined_with_personal_links() {
    let (url, fake) = fake_bbb().await;
    let app = TestApp::start_configured(|c| {
        c.with_bbb(BbbConfig {
            api_url: url.clone(),
            secret: SECRET.into(),
            checksum: Checksum::Sha256,
        })
    })
    .await;
    let plan = hybride_store::plans::create(
        app.store(),
        hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
        &hybride_domain::Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let (_, pilot_user) = app.as_pilot().await;
    let api = app.token_for(&pilot_user).await;
    let (_, t) = api
        .post("/api/v1/trainings", json!({"plan_id": plan.id, "dispositif_id": "26A0100123", "module_id": "1", "title": "Classe virtuelle", "in_person_minutes": 0, "synchronous_minutes": 90, "asynchronous_minutes": 0, "validation_criteria": "x", "min_attendance_percent": 80}))
        .await;
    let tid = t["id"].as_i64().unwrap();
    api.post(&format!("/api/v1/trainings/{tid}/steps"), json!({"modality": "virtual_class", "learning_type": "discussion", "title": "Échanges de pratiques", "minutes": 90, "instructions": "Venez avec un exemple."})).await;
    let (_, c) = api.post("/api/v1/cohorts", json!({"training_id": tid, "label": "G1", "starts_on": "2027-01-11", "ends_on": "2027-01-29"})).await;
    let cid = c["id"].as_i64().unwrap();
    let trainer = app.user("formateur@ac-lyon.fr", Role::Trainer).await;
    let trainee = app.user("stagiaire@ac-lyon.fr", Role::Trainee).await;
    api.post(
        &format!("/api/v1/cohorts/{cid}/trainers"),
        json!({"user_id": trainer.id}),
    )
    .await;
    api.post(
        &format!("/api/v1/cohorts/{cid}/enrollments"),
        json!({"user_ids": [trainee.id]}),
    )
    .await;

    let tb = app.anonymous();
    tb.login(&trainer.email, PASSWORD).await;
    assert_eq!(
        tb.post_form(&format!("/cohorts/{cid}/schedule"), &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let (_, acts) = api.get(&format!("/api/v1/cohorts/{cid}/activities")).await;
    let aid = acts[0]["id"].as_i64().unwrap();
    let (_, html) = tb
        .get_html(&format!("/cohorts/{cid}/activities/{aid}"))
        .await;
    assert!(html.contains("Créer la salle BigBlueButton"));

    let r = tb
        .post_form(&format!("/cohorts/{cid}/activities/{aid}/room"), &[])
        .await;
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("/cohorts/{cid}/activities/{aid}?ok=room-created")
    );
    let created = fake.created.lock().unwrap().clone();
    assert_eq!(created.len(), 1);
    let meeting = created[0]["meetingID"].clone();
    assert!(
        meeting.starts_with(&format!("hybride-{aid}-")) && meeting.len() > 20,
        "unguessable: {meeting}"
    );
    assert_eq!(
        created[0]["name"],
        "Classe virtuelle — Échanges de pratiques"
    );
    let (_, acts) = api.get(&format!("/api/v1/cohorts/{cid}/activities")).await;
    assert_eq!(acts[0]["room_url"], format!("{}/rooms/{aid}", app.base));

    // Each enters by a personal, signed link: the trainee as a viewer, the trainer as moderator.
    let sb = app.anonymous();
    sb.login(&trainee.email, PASSWORD).await;
    for (browser, role, user) in [(&sb, "VIEWER", &trainee), (&tb, "MODERATOR", &trainer)] {
        let r = browser.get(&format!("/rooms/{aid}")).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let location = r.headers()["location"].to_str().unwrap().to_owned();
        assert!(location.starts_with(&format!("{url}join?")), "{location}");
        assert!(
            location.contains(&format!("role={role}"))
                && location.contains(&format!("userID={}", user.id)),
            "{location}"
        );
        assert!(valid("join", location.split_once('?').unwrap().1), "signed");
    }
    let (stranger, _) = app.as_role(Role::Trainee).await;
    assert_eq!(
        stranger.get(&format!("/rooms/{aid}")).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.anonymous().get(&format!("/rooms/{aid}")).await.status(),
        StatusCode::SEE_OTHER,
        "to the login page"
    );
}

#[tokio::test]
async fn a_refusing_or_absent_server_is_said_plainly() {
    let (url, fake) = fake_bbb().await;
    let wrong = TestApp::start_configured(|c| {
        c.with_bbb(BbbConfig {
            api_url: url.clone(),
            secret: "not the secret".into(),
            checksum: Checksum::Sha256,
        })
    })
    .await;
    let none = TestApp::start().await;
    for (app, error) in [(&wrong, "bbb-failed"), (&none, "bbb-off")] {
        let plan = hybride_store::plans::create(
            app.store(),
            hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
            &hybride_domain::Title::parse("PAF").unwrap(),
        )
        .await
        .unwrap();
        let (pilot, pilot_user) = app.as_pilot().await;
        let api = app.token_for(&pilot_user).await;
        let (_, t) = api
            .post("/api/v1/trainings", json!({"plan_id": plan.id, "dispositif_id": "26A0100123", "module_id": "1", "title": "CV", "in_person_minutes": 0, "synchronous_minutes": 60, "asynchronous_minutes": 0, "validation_criteria": "x", "min_attendance_percent": 80}))
            .await;
        let tid = t["id"].as_i64().unwrap();
        api.post(&format!("/api/v1/trainings/{tid}/steps"), json!({"modality": "webinar", "learning_type": "acquisition", "title": "Webinaire", "minutes": 60, "instructions": "x"})).await;
        let (_, c) = api.post("/api/v1/cohorts", json!({"training_id": tid, "label": "G1", "starts_on": "2027-01-11", "ends_on": "2027-01-29"})).await;
        let cid = c["id"].as_i64().unwrap();
        pilot
            .post_form(&format!("/cohorts/{cid}/schedule"), &[])
            .await;
        let (_, acts) = api.get(&format!("/api/v1/cohorts/{cid}/activities")).await;
        let aid = acts[0]["id"].as_i64().unwrap();
        let r = pilot
            .post_form(&format!("/cohorts/{cid}/activities/{aid}/room"), &[])
            .await;
        let location = r.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(
            location,
            format!("/cohorts/{cid}/activities/{aid}?error={error}")
        );
        let (_, html) = pilot.get_html(&location).await;
        assert!(html.contains("BigBlueButton"), "{html}");
        assert_eq!(
            pilot.get(&format!("/rooms/{aid}")).await.status(),
            StatusCode::NOT_FOUND,
            "no room was recorded"
        );
    }
    assert!(
        fake.created.lock().unwrap().is_empty(),
        "nothing created with a wrong secret"
    );
}
