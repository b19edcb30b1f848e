//! A burst of documents: once the typesetting pool holds as many as it takes, the next one is
//! answered 503 with `Retry-After` at once, in words, instead of waiting (and growing) behind
//! the burst; it is served again once the pool drains. Alone in its test binary: it fills the
//! process's one pool.

mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_full_typesetting_queue_answers_503_with_retry_after_then_serves_again() {
    let app = TestApp::start().await;
    let (b, pilot) = app.as_pilot().await;
    let plan = hybride_store::plans::create(
        app.store(),
        hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
        &hybride_domain::Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let (status, training) = app
        .token_for(&pilot)
        .await
        .post(
            "/api/v1/trainings",
            json!({"plan_id": plan.id, "dispositif_id": "26A0100999", "module_id": "51999",
                "title": "Évaluer par compétences", "objectives": "Construire des grilles.",
                "in_person_minutes": 180, "synchronous_minutes": 0, "asynchronous_minutes": 60,
                "validation_criteria": "Présence et travail rendu.", "min_attendance_percent": 80}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{training}");
    let training = training["id"].as_i64().unwrap();
    let pdf = format!("/trainings/{training}/chronogramme.pdf");
    assert_eq!(b.get(&pdf).await.status(), StatusCode::OK);

    // Fill the pool with documents that wait for a signal.
    let (release, hold) = std::sync::mpsc::channel::<()>();
    let hold = std::sync::Arc::new(std::sync::Mutex::new(hold));
    let mut burst = Vec::new();
    for _ in 0..hybride_docs::typesetting_capacity() {
        let hold = hold.clone();
        burst.push(tokio::spawn(hybride_docs::typeset(move || {
            hold.lock().unwrap().recv().unwrap();
        })));
    }
    // Each takes its place when first run.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;

    let r = b.get(&pdf).await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.headers()["retry-after"], "5");
    let page = r.text().await.unwrap();
    assert!(page.contains("lang=\"fr\""), "{page}");

    for _ in 0..burst.len() {
        release.send(()).unwrap();
    }
    for job in burst {
        job.await.unwrap().unwrap();
    }
    assert_eq!(b.get(&pdf).await.status(), StatusCode::OK);
}
