//! A plan's batch export from the pages, on the demo académie: an admin asks for it (once at a
//! time), it is prepared in the background with its progress kept, and the zip holds one
//! bundle per closed cohort of the plan — each a bundle of its own, with its summary — and the
//! list of cohorts; old exports go. (Claims by several instances: the storage suite.)

mod common;

use common::*;
use hybride_domain::CohortStatus;
use hybride_store::exports;
use hybride_store::testing::tamper;
use reqwest::StatusCode;
use std::io::Read;

#[tokio::test]
async fn an_admin_exports_every_closed_cohort_of_a_plan() {
    let app = TestApp::start_with(true).await;
    let hash = hybride_training::password::hash(hybride_demo::DEMO_PASSWORD).unwrap();
    let today = hybride_domain::time::civil(hybride_store::now()).date();
    hybride_demo::seed(app.store(), &hash, today).await.unwrap();
    hybride_demo::lived::seed(&app.state).await.unwrap();
    let s = app.store();
    let plan = hybride_store::plans::list(s)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.trainings > 0)
        .expect("the demo's plan");
    let closed = hybride_training::exports::closed_cohorts(s, plan.id)
        .await
        .unwrap();
    assert!(closed.len() >= 2, "the demo has closed cohorts");
    assert!(closed
        .iter()
        .all(|(c, _)| matches!(c.status, CohortStatus::Closed | CohortStatus::Archived)));

    let (admin, admin_user) = app.as_admin().await;
    let (_, html) = admin.get_html("/plans").await;
    assert!(html.contains(&format!("/plans/{}/exports", plan.id)));
    let page = format!("/plans/{}/exports", plan.id);
    let (st, html) = admin.get_html(&page).await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        html.contains(&format!("{} sessions closes", closed.len())),
        "{html}"
    );
    let r = admin.post_form(&page, &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // One at a time: a second request while the first waits is refused.
    let api = app.token_for(&admin_user).await;
    let (st, body) = api
        .post(
            &format!("/api/v1/plans/{}/exports", plan.id),
            serde_json::json!({}),
        )
        .await;
    if st != StatusCode::CONFLICT {
        // The server's worker may have finished it already; then a new one is accepted.
        assert_eq!(st, StatusCode::ACCEPTED, "{body}");
    }
    // A pilot may not.
    let (pilot, _) = app.as_pilot().await;
    assert_eq!(pilot.get(&page).await.status(), StatusCode::FORBIDDEN);

    // Prepared in the background (here, or by the server's worker).
    let started = std::time::Instant::now();
    let done = loop {
        hybride_training::exports::work_once(&app.state)
            .await
            .unwrap();
        let list = exports::list(s, plan.id).await.unwrap();
        if list.iter().all(|e| e.status == "done") {
            break list;
        }
        assert!(
            list.iter().all(|e| e.status != "failed"),
            "{:?}",
            list.iter().map(|e| &e.error).collect::<Vec<_>>()
        );
        assert!(
            started.elapsed().as_secs() < 120,
            "the export never finished"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    let e = done.last().unwrap();
    assert_eq!(e.cohorts_total, closed.len() as i64);
    assert_eq!(e.cohorts_done, e.cohorts_total);
    assert!(e.documents > 0);
    let (_, html) = admin.get_html(&page).await;
    assert!(html.contains("Prêt"), "the page says it is ready");
    let (_, listed) = api.get(&format!("/api/v1/plans/{}/exports", plan.id)).await;
    let url = listed.as_array().unwrap().last().unwrap()["download_url"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = admin.get(&url).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/zip");
    let zip = r.bytes().await.unwrap();
    assert!(
        zip.len() as i64 > e.size.unwrap(),
        "every part, and the zip's own records"
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.to_vec())).unwrap();
    assert_eq!(
        archive.len(),
        closed.len() + 1,
        "one bundle per cohort and the list"
    );
    let mut inner_documents = 0;
    let mut listing = String::new();
    archive
        .by_name("sessions.csv")
        .unwrap()
        .read_to_string(&mut listing)
        .unwrap();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let name = f.name().to_owned();
        let mut body = Vec::new();
        f.read_to_end(&mut body).unwrap();
        if name == "sessions.csv" {
            let text = String::from_utf8(body).unwrap();
            assert_eq!(text.lines().count(), closed.len() + 1, "{text}");
            assert!(text.contains(&closed[0].0.label));
            continue;
        }
        assert!(
            name.starts_with("session-") && name.ends_with(".zip"),
            "{name}"
        );
        let sha = hybride_store::token::digest_bytes(&body);
        assert!(
            listing.contains(&format!("{name};")) && listing.contains(&sha),
            "{name} is listed with its SHA-256"
        );
        let mut bundle = zip::ZipArchive::new(std::io::Cursor::new(body)).unwrap();
        let names: Vec<String> = bundle.file_names().map(str::to_owned).collect();
        assert!(names.contains(&"synthese.csv".to_owned()), "{names:?}");
        assert!(
            names.iter().any(|n| n.starts_with("certificat-")),
            "{names:?}"
        );
        inner_documents += names.iter().filter(|n| n.ends_with(".pdf")).count();
        let mut summary = String::new();
        bundle
            .by_name("synthese.csv")
            .unwrap()
            .read_to_string(&mut summary)
            .unwrap();
        assert!(summary.lines().count() >= 2);
    }
    assert_eq!(
        inner_documents as i64, e.documents,
        "every document counted"
    );
    // Not another plan's.
    let other = format!("/plans/{}/exports/{}/download", plan.id + 1000, e.id);
    assert_eq!(admin.get(&other).await.status(), StatusCode::NOT_FOUND);

    // Old exports go.
    tamper(s, "UPDATE bundle_exports SET finished_at = 1")
        .await
        .unwrap();
    let removed = exports::purge(s, hybride_store::now() - 86_400)
        .await
        .unwrap();
    assert_eq!(removed as usize, done.len());
    assert!(exports::list(s, plan.id).await.unwrap().is_empty());
}
