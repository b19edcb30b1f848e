//! M@gistère's web services, answered by the recordings of a real Moodle 4.5 (`fixtures/moodle/ws`,
//! each answer beside the request it answered), replayed on loopback: a request gets the recorded
//! answer whose function and parameters it repeats; a token other than the recorded one gets
//! Moodle's recorded « invalid token » answer.

use hybride_connect::moodle::{Failure, Site, NEEDED};
use std::collections::BTreeMap;
use std::path::PathBuf;

const TOKEN: &str = "TOKEN";

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/moodle/ws")
}

/// Every recording: its request's parameters (without the token and format), its answer.
fn recordings() -> Vec<(BTreeMap<String, String>, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("url") {
            continue;
        }
        let url = reqwest::Url::parse(std::fs::read_to_string(&path).unwrap().trim()).unwrap();
        let params = url
            .query_pairs()
            .filter(|(k, _)| k != "moodlewsrestformat")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let answer = std::fs::read_to_string(path.with_extension("json")).unwrap();
        out.push((params, answer));
    }
    out
}

/// Replays the recordings at `/webservice/rest/server.php`, on a free loopback port.
async fn replay() -> String {
    use axum::routing::post;
    let recorded = std::sync::Arc::new(recordings());
    let invalid_token =
        std::fs::read_to_string(fixtures().join("error__invalid_token.json")).unwrap();
    let app = axum::Router::new()
        .route(
            "/webservice/rest/server.php",
            post(move |body: String| {
                let recorded = recorded.clone();
                let invalid_token = invalid_token.clone();
                async move {
                    let asked: BTreeMap<String, String> =
                        reqwest::Url::parse(&format!("http://x/?{body}"))
                            .unwrap()
                            .query_pairs()
                            .filter(|(k, _)| k != "moodlewsrestformat")
                            .map(|(k, v)| (k.into_owned(), v.into_owned()))
                            .collect();
                    if asked.get("wstoken").map(String::as_str) != Some(TOKEN) {
                        return (axum::http::StatusCode::OK, invalid_token);
                    }
                    match recorded.iter().find(|(params, _)| *params == asked) {
                        Some((_, answer)) => (axum::http::StatusCode::OK, answer.clone()),
                        None => (
                            axum::http::StatusCode::NOT_IMPLEMENTED,
                            format!("no recording answers {asked:?}"),
                        ),
                    }
                }
            }),
        )
        .route(
            "/",
            axum::routing::get(|| async { "<html>Autre chose</html>" }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

fn http() -> reqwest::Client {
    reqwest::Client::new()
}

#[tokio::test]
async fn the_site_says_who_the_token_is_and_what_it_may_call() {
    let site = Site {
        url: replay().await,
        token: TOKEN.into(),
    };
    let info = site.site_info(&http()).await.unwrap();
    assert_eq!(info.sitename, "Anchors Moodle 4.5");
    assert_eq!(info.release, "4.5.6 (Build: 20250811)");
    assert_eq!(info.username, "manager1");
    assert_eq!(info.fullname, "Marc Pilote");
    for f in NEEDED {
        assert!(info.functions.iter().any(|g| g == f), "{f}");
    }
    assert!(info.missing().is_empty());
    let mut fewer = info.clone();
    fewer
        .functions
        .retain(|f| f != "core_enrol_get_enrolled_users");
    assert_eq!(fewer.missing(), vec!["core_enrol_get_enrolled_users"]);
}

#[tokio::test]
async fn moodle_errors_answered_with_200_become_failures() {
    let url = replay().await;
    let site = Site {
        url: url.clone(),
        token: TOKEN.into(),
    };
    let wrong = Site {
        url: url.clone(),
        token: "0123456789abcdef0123456789abcdef".into(),
    };
    assert_eq!(
        wrong.site_info(&http()).await.unwrap_err(),
        Failure::InvalidToken
    );
    assert_eq!(
        site.call(&http(), "core_does_not_exist", &[])
            .await
            .unwrap_err(),
        Failure::NoSuchFunction("core_does_not_exist".into())
    );
    assert_eq!(
        site.call(
            &http(),
            "core_user_get_users_by_field",
            &[
                ("field", "username".into()),
                ("values[0]", "student01".into())
            ]
        )
        .await
        .unwrap_err(),
        Failure::NotInService("core_user_get_users_by_field".into())
    );
    assert_eq!(
        site.call(
            &http(),
            "core_course_get_contents",
            &[("courseid", "999999".into())]
        )
        .await
        .unwrap_err()
        .code(),
        "not-found"
    );
    assert_eq!(
        site.call(&http(), "core_course_get_contents", &[])
            .await
            .unwrap_err()
            .code(),
        "refused"
    );
    // A recorded answer comes through whole.
    let found = site
        .call(
            &http(),
            "core_course_get_courses_by_field",
            &[("field", "shortname".into()), ("value", "ATT30".into())],
        )
        .await
        .unwrap();
    assert_eq!(found["courses"][0]["id"], 3);
}

#[tokio::test]
async fn another_address_or_none_is_said_so() {
    let url = replay().await;
    let elsewhere = Site {
        url: format!("{url}/autre"),
        token: TOKEN.into(),
    };
    assert_eq!(
        elsewhere.site_info(&http()).await.unwrap_err().code(),
        "not-moodle"
    );
    // A port nobody listens on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let nobody = Site {
        url: format!("http://127.0.0.1:{port}"),
        token: TOKEN.into(),
    };
    assert_eq!(
        nobody.site_info(&http()).await.unwrap_err().code(),
        "unreachable"
    );
}
