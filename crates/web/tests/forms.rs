//! Every form of the demo académie, posted with hostile values by each demo account: empty,
//! very long, control characters, markup, SQL, huge and negative numbers, impossible dates,
//! right-to-left overrides, emoji. No answer is a server error, and a refusal says what is
//! wrong (a page with its error summary, or an error page with its message).

mod common;

use common::*;
use std::collections::{BTreeMap, BTreeSet};

/// The pages a page links to (files left out: they hold no form).
fn pages(html: &str) -> Vec<String> {
    links(html)
        .into_iter()
        .filter(|h| {
            ![".pdf", ".csv", ".xlsx", ".zip", ".ics"]
                .iter()
                .any(|x| h.split('?').next().unwrap_or("").ends_with(x))
        })
        .collect()
}

/// The URL-encoded forms of a page: their action and the names of their fields.
fn forms(html: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for part in html.split("<form").skip(1) {
        let head = part.split('>').next().unwrap_or("");
        if !head.contains("method=\"post\"") || head.contains("multipart") {
            continue;
        }
        let Some(action) = head
            .split("action=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
        else {
            continue;
        };
        let body = part.split("</form>").next().unwrap_or("");
        let mut names = BTreeSet::new();
        for tag in ["<input", "<textarea", "<select"] {
            for field in body.split(tag).skip(1) {
                let field = field.split('>').next().unwrap_or("");
                if field.contains("type=\"file\"") {
                    continue;
                }
                if let Some(name) = field
                    .split("name=\"")
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                {
                    if name != "csrf" {
                        names.insert(name.to_owned());
                    }
                }
            }
        }
        out.push((action.replace("&amp;", "&"), names));
    }
    out
}

/// Values no form expects, the most hostile first.
fn hostile() -> Vec<String> {
    let mut v: Vec<String> = vec!["x".repeat(20_000)];
    v.extend(
        [
            "",
            " ",
            "\u{0}\u{7}\u{1b}[31m",
            "'; DROP TABLE users; --",
            "<script>alert(1)</script>",
            "-1",
            "99999999999999999999999",
            "2026-02-30",
            "\u{202e}evil\u{202c}",
            "😀👩‍🏫",
        ]
        .iter()
        .map(|s| (*s).to_owned()),
    );
    // A few strings of any characters, from a fixed seed: the same every run.
    let mut seed: u32 = 0x9e37_79b9;
    for _ in 0..3 {
        let mut s = String::new();
        for _ in 0..40 {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            if let Some(c) = char::from_u32(seed >> 11) {
                s.push(c);
            }
        }
        v.push(s);
    }
    v
}

#[tokio::test]
async fn every_form_refuses_hostile_values_without_a_server_error() {
    let app = TestApp::start_with(true).await;
    let hash = hybride_training::password::hash(hybride_demo::DEMO_PASSWORD).unwrap();
    let today = hybride_domain::time::civil(hybride_store::now()).date();
    hybride_demo::seed(app.store(), &hash, today).await.unwrap();
    hybride_demo::lived::seed(&app.state).await.unwrap();
    let values = hostile();
    let mut tried = 0;
    let mut actions = BTreeSet::new();
    let mut wrong = Vec::new();
    for (email, _) in hybride_demo::DEMO_ACCOUNTS {
        let b = app.anonymous();
        b.login(email, hybride_demo::DEMO_PASSWORD).await;
        // The forms this account is shown, one per action.
        let mut seen = BTreeSet::new();
        let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut todo = vec!["/".to_owned()];
        while let Some(path) = todo.pop() {
            if !seen.insert(path.clone()) || seen.len() > 80 {
                continue;
            }
            let (_, html) = b.get_html(&path).await;
            for (action, names) in forms(&html) {
                found.entry(action).or_default().extend(names);
            }
            todo.extend(pages(&html).into_iter().filter(|l| !seen.contains(l)));
        }
        // One form per route: `/cohorts/3/follow-up/134` stands for every follow-up.
        let mut routes = BTreeSet::new();
        for (action, names) in &found {
            // Leaving, or switching language, is not a form with content.
            if action == "/logout" || action == "/language" {
                continue;
            }
            let route: String = action
                .split('/')
                .map(|seg| {
                    if !seg.is_empty() && seg.chars().all(|c| c.is_ascii_digit()) {
                        "{n}"
                    } else {
                        seg
                    }
                })
                .collect::<Vec<_>>()
                .join("/");
            if !routes.insert(route) {
                continue;
            }
            actions.insert(action.clone());
            // A form whose success is heavy work (typesetting a whole bundle) gets the most
            // hostile values only, within a few seconds.
            let started = std::time::Instant::now();
            for value in &values {
                if started.elapsed() > std::time::Duration::from_secs(4) {
                    break;
                }
                let fields: Vec<(&str, &str)> =
                    names.iter().map(|n| (n.as_str(), value.as_str())).collect();
                let r = b.post_form(action, &fields).await;
                tried += 1;
                let status = r.status();
                let html = r.text().await.unwrap_or_default();
                if status.is_server_error() {
                    wrong.push(format!(
                        "{email} POST {action} ({} chars): {status}",
                        value.chars().count()
                    ));
                } else if status.as_u16() == 422 && !html.contains("role=\"alert\"") {
                    wrong.push(format!(
                        "{email} POST {action}: 422 without saying what is wrong"
                    ));
                }
            }
        }
    }
    assert!(
        actions.len() >= 20,
        "the crawl reached the forms: {actions:?}"
    );
    assert!(
        wrong.is_empty(),
        "{} of {tried} posts went wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
