//! The demo académie seen by each of its accounts: every page reachable from their dashboard
//! renders, in French and in English.

mod common;

use common::*;
use reqwest::StatusCode;
use std::collections::BTreeSet;

#[tokio::test]
async fn every_page_reachable_by_each_demo_account_renders() {
    let app = TestApp::start_with(true).await;
    let hash = hybride_training::password::hash(hybride_demo::DEMO_PASSWORD).unwrap();
    let today = jiff::civil::date(2026, 11, 30);
    let summary = hybride_demo::seed(app.store(), &hash, today).await.unwrap();
    assert!(summary.created);
    let convoked = hybride_demo::lived::seed(&app.state).await.unwrap();
    assert!(convoked > 100, "{convoked}");
    assert_eq!(
        hybride_demo::lived::seed(&app.state).await.unwrap(),
        0,
        "once"
    );

    for (email, _) in hybride_demo::DEMO_ACCOUNTS {
        for lang in ["fr", "en"] {
            let b = app.anonymous();
            assert_eq!(
                b.login(email, hybride_demo::DEMO_PASSWORD).await.status(),
                StatusCode::SEE_OTHER,
                "{email}"
            );
            assert_eq!(
                b.post_form("/language", &[("lang", lang), ("next", "/")])
                    .await
                    .status(),
                StatusCode::SEE_OTHER
            );
            let mut seen = BTreeSet::new();
            let mut pdf_seen = false;
            let mut zip_seen = false;
            let mut xlsx_seen = false;
            let mut todo = vec!["/".to_owned()];
            while let Some(path) = todo.pop() {
                if !seen.insert(path.clone()) || seen.len() > 120 {
                    continue;
                }
                if path.split('?').next().unwrap_or("").ends_with(".csv") {
                    // Exports: answered, as a spreadsheet file.
                    let r = b.get(&path).await;
                    assert_eq!(r.status(), StatusCode::OK, "{path}");
                    assert!(r.headers()["content-type"]
                        .to_str()
                        .unwrap()
                        .starts_with("text/csv"));
                    continue;
                }
                if path.split('?').next().unwrap_or("").ends_with(".xlsx") {
                    // Workbooks: answered as one (a zip container), once per account.
                    if lang == "fr" && !xlsx_seen {
                        let r = b.get(&path).await;
                        assert_eq!(r.status(), StatusCode::OK, "{path}");
                        assert!(r.headers()["content-type"]
                            .to_str()
                            .unwrap()
                            .contains("spreadsheetml"));
                        assert!(r.bytes().await.unwrap().starts_with(b"PK"), "{path}");
                        xlsx_seen = true;
                    }
                    continue;
                }
                if path.split('?').next().unwrap_or("").ends_with(".zip") {
                    // A cohort's bundle: every document typeset, so once per account.
                    if lang == "fr" && !zip_seen {
                        let r = b.get(&path).await;
                        assert_eq!(r.status(), StatusCode::OK, "{path}");
                        assert!(r.bytes().await.unwrap().starts_with(b"PK"), "{path}");
                        zip_seen = true;
                    }
                    continue;
                }
                if path.split('?').next().unwrap_or("").ends_with(".pdf") {
                    // Documents: typeset once per account is enough to know they render.
                    if lang == "fr" && !pdf_seen {
                        let r = b.get(&path).await;
                        assert_eq!(r.status(), StatusCode::OK, "{path}");
                        assert!(r.bytes().await.unwrap().starts_with(b"%PDF-"), "{path}");
                        pdf_seen = true;
                    }
                    continue;
                }
                let (status, html) = b.get_html(&path).await;
                assert_eq!(status, StatusCode::OK, "{email} ({lang}) {path}");
                assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{path}");
                todo.extend(links(&html).into_iter().filter(|l| !seen.contains(l)));
            }
            assert!(seen.len() >= 3, "{email} reached {seen:?}");
        }
    }
}
