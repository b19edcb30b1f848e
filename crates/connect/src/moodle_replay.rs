//! The recordings of a real Moodle 4.5's web service (`tests/fixtures/moodle/ws`, each answer
//! beside the request it answered), replayed on loopback for the tests: a request gets the
//! recorded answer whose function and parameters it repeats (501 when none does); a token other
//! than the recorded one gets Moodle's recorded « invalid token » answer. Built only with the
//! `replay` feature, which only the tests ask for.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// The token the replay accepts: the recordings write theirs `TOKEN`, which stands for it.
pub const TOKEN: &str = "5f0c3b9a1d7e4c2b8a6f0e9d3c1b7a54";

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
pub async fn replay() -> String {
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
                    let mut asked = asked;
                    if asked.get("wstoken").map(String::as_str) != Some(TOKEN) {
                        return (axum::http::StatusCode::OK, invalid_token);
                    }
                    asked.insert("wstoken".into(), "TOKEN".into());
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
