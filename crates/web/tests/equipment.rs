//! The equipment test page and its API: a trainer tests microphone, speakers, camera, screen
//! sharing and round-trip time, saves the result, and finds it in their history.
//! Runs on SQLite by default and on PostgreSQL with HYBRIDE_TEST_DATABASE_URL.

mod common;

use common::*;
use hybride_domain::Role;
use reqwest::StatusCode;
use serde_json::{json, Value};

const CHECKS: &str = "/api/v1/equipment-checks";

fn check(mic: &str, speakers: &str, camera: &str, screen: &str, rtt: Option<u32>) -> Value {
    json!({
        "microphone": mic,
        "speakers": speakers,
        "camera": camera,
        "screen_share": screen,
        "round_trip_ms": rtt,
        "browser": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    })
}

/// The fields a 422 problem names.
fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The row of the history table for one saved check.
fn history_row(html: &str, id: i64) -> &str {
    let start = html
        .find(&format!("<tr data-id=\"{id}\""))
        .unwrap_or_else(|| panic!("check {id} missing from the history: {html}"));
    let end = html[start..].find("</tr>").expect("row end") + start;
    &html[start..end]
}

#[tokio::test]
async fn the_page_offers_five_tests_to_trainers_and_trainees_without_inline_code() {
    let app = TestApp::start().await;
    for role in [Role::Trainer, Role::Trainee] {
        let (b, _) = app.as_role(role).await;
        let r = b.get("/equipment").await;
        assert_eq!(r.status(), StatusCode::OK, "{role:?}");
        let csp = r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(csp.contains("script-src 'self'"), "{csp}");
        let html = r.text().await.unwrap();
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(html.contains("<h1>Tester mon équipement</h1>"), "{html}");
        assert!(html.contains("<script src=\"/assets/equipment.js\" defer></script>"));
        assert_eq!(
            html.matches("<script").count(),
            1,
            "one script, no inline code"
        );
        assert!(!html.contains("style=\"") && !html.contains("<style"));
        for test in [
            "data-test=\"microphone\"",
            "data-test=\"speakers\"",
            "data-test=\"camera\"",
            "data-test=\"screen_share\"",
            "data-test=\"round_trip\"",
        ] {
            assert!(html.contains(test), "{test} missing");
        }
        assert!(html.contains("<meter id=\"equipment-microphone-meter\""));
        assert!(html.contains("<video muted playsinline autoplay"));
        assert!(html.contains("Avez-vous entendu le son\u{a0}?"));
        assert!(html.contains("aria-live=\"polite\""));
        for label in ["Fonctionne", "Ne fonctionne pas", "Non testé"] {
            assert!(html.contains(&format!(">{label}</label>")), "{label}");
        }
        assert!(html.contains(
            "id=\"equipment-microphone-skipped\" name=\"microphone\" value=\"skipped\" checked"
        ));
        assert!(html.contains("Enregistrer le résultat"));
        assert!(html.contains("avant la première activité synchrone"));
        assert!(html.contains("Aucun test enregistré pour l’instant."));
    }
}

#[tokio::test]
async fn the_script_is_served_and_every_message_it_shows_comes_from_the_page() {
    let app = TestApp::start().await;
    let (b, _) = app.as_role(Role::Trainer).await;
    let r = b.get("/assets/equipment.js").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    let js = r.text().await.unwrap();
    assert!(js.contains("'/api/v1/equipment-checks'"));
    assert!(js.contains("fetch('/healthz', { cache: 'no-store'"));
    assert!(
        !js.contains(".style") && !js.contains("innerHTML"),
        "CSP-safe DOM updates"
    );
    // Names passed as literals, and those the script builds from a device or a verdict.
    let mut names: Vec<String> = js
        .split("msg('")
        .skip(1)
        .map(|s| s.split('\'').next().unwrap().to_owned())
        .filter(|name| !name.ends_with('-'))
        .collect();
    for device in ["microphone", "camera", "screen"] {
        names.push(format!("{device}-denied"));
    }
    for name in [
        "microphone-ok",
        "microphone-silent",
        "microphone-missing",
        "camera-missing",
        "camera-stopped",
        "screen-stopped",
        "camera-waiting",
        "screen-waiting",
        "camera-on",
        "screen-on",
        "rtt-good",
        "rtt-fair",
        "rtt-slow",
        "speakers-ok",
        "speakers-failed",
    ] {
        names.push(name.to_owned());
    }
    for lang in ["fr", "en"] {
        if lang == "en" {
            b.post_form("/language", &[("lang", "en"), ("next", "/")])
                .await;
        }
        let (_, html) = b.get_html("/equipment").await;
        for name in &names {
            let attr = format!("data-msg-{name}=\"");
            let at = html
                .find(&attr)
                .unwrap_or_else(|| panic!("{attr} missing from the page in {lang}"));
            let value = html[at + attr.len()..].split('"').next().unwrap();
            assert!(
                !value.is_empty() && !value.starts_with("equipment-"),
                "{name} in {lang}: {value:?}"
            );
        }
    }
}

#[tokio::test]
async fn an_anonymous_visitor_is_sent_to_the_login_form() {
    let app = TestApp::start().await;
    let r = app.anonymous().get("/equipment").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/login?next=%2Fequipment");
    let (status, problem) = app.api_anonymous().get(CHECKS).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem["status"], 401);
    let (status, _) = app
        .api_anonymous()
        .post(CHECKS, check("ok", "ok", "ok", "ok", Some(20)))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn checks_are_recorded_and_listed_for_their_owner_only() {
    let app = TestApp::start().await;
    let (_, trainer) = app.as_role(Role::Trainer).await;
    let (_, other) = app.as_role(Role::Trainee).await;
    let api = app.token_for(&trainer).await;

    let (status, first) = api
        .post(CHECKS, check("ok", "failed", "skipped", "ok", Some(42)))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert_eq!(first["user_id"], trainer.id);
    assert_eq!(first["microphone"], "ok");
    assert_eq!(first["speakers"], "failed");
    assert_eq!(first["camera"], "skipped");
    assert_eq!(first["screen_share"], "ok");
    assert_eq!(first["round_trip_ms"], 42);
    assert!(first["browser"].as_str().unwrap().contains("Firefox/128.0"));
    assert!(first["checked_at"].as_i64().unwrap() > 1_700_000_000);

    let mut second = check("ok", "ok", "failed", "ok", None);
    second["browser"] = Value::Null;
    let (status, second) = api.post(CHECKS, second).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_eq!(second["round_trip_ms"], Value::Null);
    assert_eq!(second["browser"], "");

    let (status, list) = api.get(CHECKS).await;
    assert_eq!(status, StatusCode::OK);
    let ids: Vec<i64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(
        ids,
        vec![
            second["id"].as_i64().unwrap(),
            first["id"].as_i64().unwrap()
        ],
        "most recent first"
    );
    assert_eq!(list[1]["speakers"], "failed");

    let (status, theirs) = app.token_for(&other).await.get(CHECKS).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(theirs, json!([]), "another user sees none of them");
}

#[tokio::test]
async fn unknown_results_and_slow_round_trips_are_refused_field_by_field() {
    let app = TestApp::start().await;
    let (_, trainer) = app.as_role(Role::Trainer).await;
    let api = app.token_for(&trainer).await;

    let (status, problem) = api
        .post(CHECKS, check("yes", "ok", "", "OK", Some(60_001)))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(
        fields(&problem),
        ["microphone", "camera", "screen_share", "round_trip_ms"]
    );
    assert_eq!(problem["title"], "Certaines valeurs ne conviennent pas.");
    assert_eq!(
        problem["errors"][0]["message"],
        "Résultat inconnu\u{a0}: «\u{a0}yes\u{a0}». Valeurs possibles\u{a0}: ok, failed, skipped."
    );
    assert!(problem["errors"][3]["message"]
        .as_str()
        .unwrap()
        .contains("60000"));

    let (status, problem) = app
        .token_for(&trainer)
        .await
        .in_english()
        .post(CHECKS, check("ok", "maybe", "ok", "ok", Some(60_000)))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&problem), ["speakers"]);
    assert!(problem["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("Unknown result: “maybe”."));

    // A value of any length or content is answered, never with a 500.
    let long = "x\u{0}é".repeat(10_000);
    let (status, problem) = api.post(CHECKS, check(&long, "ok", "ok", "ok", None)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(problem["errors"][0]["message"].as_str().unwrap().len() < 200);
    let mut odd_browser = check("ok", "ok", "ok", "ok", Some(0));
    odd_browser["browser"] = json!(format!("Bad\u{0}Browser{}", "é".repeat(1000)));
    let (status, saved) = api.post(CHECKS, odd_browser).await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    let browser = saved["browser"].as_str().unwrap();
    assert!(browser.starts_with("BadBrowser") && browser.chars().count() == 200);

    let (status, list) = api.get(CHECKS).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "nothing refused was saved"
    );
}

#[tokio::test]
async fn malformed_bodies_are_bad_requests() {
    let app = TestApp::start().await;
    let (_, trainer) = app.as_role(Role::Trainer).await;
    let api = app.token_for(&trainer).await;
    for (content_type, body) in [
        ("application/json", "{\"microphone\": \"ok\","),
        ("application/json", "{\"microphone\": \"ok\"}"),
        (
            "application/json",
            "{\"microphone\":\"ok\",\"speakers\":\"ok\",\"camera\":\"ok\",\"screen_share\":\"ok\",\"round_trip_ms\":-3}",
        ),
        ("application/json", "[]"),
        ("text/plain", "microphone=ok"),
    ] {
        let (status, ct, text) = api.post_raw(CHECKS, content_type, body).await;
        assert!(
            status == StatusCode::BAD_REQUEST || status == StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{body}: {status}"
        );
        assert!(ct.starts_with("application/problem+json"), "{body}: {ct}");
        let problem: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(problem["status"], status.as_u16());
    }
    let (status, _, _) = api.post_raw(CHECKS, "application/json", "{not json").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_browser_saves_with_its_session_from_this_site_only() {
    let app = TestApp::start().await;
    let (b, _) = app.as_role(Role::Trainer).await;
    let post = |origin: &str| {
        b.client
            .post(app.url(CHECKS))
            .header("origin", origin)
            .json(&check("ok", "ok", "ok", "ok", Some(30)))
            .send()
    };
    let r = post(&app.base).await.unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let r = post("https://elsewhere.example").await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "cross-site refused");
    let r = b.get(CHECKS).await;
    assert_eq!(r.status(), StatusCode::OK);
    let list: Value = r.json().await.unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn the_history_shows_saved_checks_and_whether_they_are_ready_to_lead() {
    let app = TestApp::start().await;
    let (b, trainer) = app.as_role(Role::Trainer).await;
    let api = app.token_for(&trainer).await;
    let (_, ready) = api
        .post(CHECKS, check("ok", "ok", "failed", "ok", Some(35)))
        .await;
    let (_, not_ready) = api
        .post(CHECKS, check("ok", "ok", "ok", "skipped", None))
        .await;

    let (status, html) = b.get_html("/equipment").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Vos tests précédents"));
    assert!(!html.contains("Aucun test enregistré"));
    let newest = html
        .find(&format!("data-id=\"{}\"", not_ready["id"]))
        .unwrap();
    let oldest = html.find(&format!("data-id=\"{}\"", ready["id"])).unwrap();
    assert!(newest < oldest, "most recent first");

    let row = history_row(&html, ready["id"].as_i64().unwrap());
    assert!(row.contains("data-ready=\"true\""), "{row}");
    assert!(row.contains(">Prêt pour animer<"), "{row}");
    assert!(row.contains("Ne fonctionne pas"), "{row}");
    assert!(row.contains("35\u{a0}ms"), "{row}");
    assert!(row.contains("Linux x86_64; rv:128.0"), "{row}");
    assert!(row.contains("<time datetime=\""), "{row}");
    assert!(row.contains("\u{a0}h\u{a0}"), "French time: {row}");

    let row = history_row(&html, not_ready["id"].as_i64().unwrap());
    assert!(row.contains("data-ready=\"false\""), "{row}");
    assert!(row.contains("Pas encore prêt pour animer"), "{row}");
    assert!(!row.contains(">Prêt pour animer<"), "{row}");
    assert!(
        row.contains("Non testé") && row.contains("Non mesuré"),
        "{row}"
    );
}

#[tokio::test]
async fn the_history_keeps_the_ten_most_recent_checks() {
    let app = TestApp::start().await;
    let (b, trainer) = app.as_role(Role::Trainer).await;
    let api = app.token_for(&trainer).await;
    for _ in 0..12 {
        let (status, _) = api
            .post(CHECKS, check("ok", "ok", "ok", "ok", Some(10)))
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (_, html) = b.get_html("/equipment").await;
    assert_eq!(html.matches("<tr data-id=").count(), 10);
}

#[tokio::test]
async fn the_page_speaks_english() {
    let app = TestApp::start().await;
    let (b, trainer) = app.as_role(Role::Trainee).await;
    let (status, saved) = app
        .token_for(&trainer)
        .await
        .post(CHECKS, check("ok", "ok", "skipped", "ok", Some(12)))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let r = b
        .post_form("/language", &[("lang", "en"), ("next", "/")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (status, html) = b.get_html("/equipment").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<h1>Test my equipment</h1>"), "{html}");
    for text in [
        "Why this test?",
        "Test the microphone",
        "Play the test sound",
        "Did you hear the sound?",
        "Test the camera",
        "Test screen sharing",
        "Measure the round-trip time",
        "Save the result",
        ">Works</label>",
        ">Does not work</label>",
        ">Not tested</label>",
        "Your previous tests",
    ] {
        assert!(html.contains(text), "{text} missing");
    }
    assert!(!html.contains("Fonctionne"));
    let row = history_row(&html, saved["id"].as_i64().unwrap());
    assert!(row.contains(">Ready to lead<"), "{row}");
    assert!(row.contains("12\u{a0}ms") || row.contains("12 ms"), "{row}");
}

#[tokio::test]
async fn the_api_is_described_in_the_openapi_document() {
    let app = TestApp::start().await;
    let r = app.anonymous().get("/api/openapi.json").await;
    let doc: Value = r.json().await.unwrap();
    let path = &doc["paths"][CHECKS];
    assert!(
        path["get"].is_object() && path["post"].is_object(),
        "{path}"
    );
    assert!(path["post"]["responses"]["201"].is_object());
    assert!(path["post"]["responses"]["422"].is_object());
    let input = &doc["components"]["schemas"]["NewEquipmentCheck"];
    assert_eq!(
        input["required"],
        json!(["microphone", "speakers", "camera", "screen_share"]),
        "{input}"
    );
    assert!(doc["components"]["schemas"]["EquipmentCheck"].is_object());
}
