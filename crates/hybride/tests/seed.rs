//! `hybride seed --scale tiny`: the same code as the académie-sized benchmark plan, in
//! seconds. Every table holds the announced rows, the chains pass `hybride verify`, and the
//! bench accounts, cohort and join link work on a running server.

use hybride_store::testing::TestDatabase;
use std::collections::HashMap;

mod common;

use common::*;

fn facts(path: &std::path::Path) -> HashMap<String, String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

#[tokio::test]
async fn seeds_a_tiny_academie_that_verifies_and_serves() {
    let db = TestDatabase::new().await.unwrap();
    let dir = std::env::temp_dir().join(format!("hybride-seed-{}", free_port()));
    std::fs::create_dir_all(&dir).unwrap();
    let facts_path = dir.join("bench.env");
    let out = hybride(&db.url)
        .args(["seed", "--scale", "tiny", "--facts"])
        .arg(&facts_path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Taille de la base"), "{stdout}");

    // tiny: 400 staff, 10 trainings of 5 steps, 32 cohorts of 30 and 20 trainees, 5 activities
    // each, 10 events per enrollment.
    let counts: HashMap<String, i64> = db.store.counts().await.unwrap().into_iter().collect();
    for (table, n) in [
        ("users", 400),
        ("plans", 1),
        ("trainings", 10),
        ("steps", 50),
        ("validation_rules", 10),
        ("cohorts", 32),
        ("enrollments", 800),
        ("activities", 160),
        ("attendance_events", 8_000),
        ("attendance_heads", 32),
        ("personal_links", 1),
    ] {
        assert_eq!(counts[table], n, "{table}");
    }

    let out = hybride(&db.url).arg("verify").output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("8000 événements dans 32 sessions"));

    // A second seed into the same database is refused.
    let again = hybride(&db.url)
        .args(["seed", "--scale", "tiny"])
        .output()
        .unwrap();
    assert!(!again.status.success());

    let f = facts(&facts_path);
    let marks = std::fs::read_to_string(&f["BENCH_MARKS"]).unwrap();
    // 8 bench cohorts of 30 and 20 trainees in turn, 3 in-person half-days each, 4 for the
    // bench cohort (today's 08:00-20:00 makes two).
    assert_eq!(marks.lines().count(), 30 * 4 + 3 * 30 * 3 + 4 * 20 * 3);

    // The bench trainer's token, then the pages the load script measures.
    let out = hybride(&db.url)
        .args(["token", "create", "--email", &f["BENCH_TRAINER"]])
        .output()
        .unwrap();
    assert!(out.status.success());
    let trainer = String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap()
        .to_owned();
    let port = free_port();
    let _server = serve(&db.url, port, &dir.join("mail")).await;
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let (cohort, activity, slot) = (&f["BENCH_COHORT"], &f["BENCH_ACTIVITY"], &f["BENCH_SLOT"]);
    for path in [
        format!("/cohorts/{cohort}/activities/{activity}/attendance?slot={slot}"),
        format!("/cohorts/{cohort}"),
        format!("/cohorts/{cohort}/activities/{activity}/attendance.pdf?slot={slot}"),
    ] {
        let r = client
            .get(format!("{base}{path}"))
            .bearer_auth(&trainer)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{path}");
    }
    let sheet = client
        .get(format!(
            "{base}/cohorts/{cohort}/activities/{activity}/attendance?slot={slot}"
        ))
        .bearer_auth(&trainer)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(sheet.contains("Groupe banc d’essai"), "{sheet}");

    // The trainer marks a trainee of the bench cohort: a new event in the chain.
    let line = marks.lines().next().unwrap();
    let mut parts = line.split(' ');
    let (a, s, u) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let r = client
        .post(format!("{base}/api/v1/activities/{a}/attendance"))
        .bearer_auth(&trainer)
        .json(&serde_json::json!({
            "slot": s, "user_id": u.parse::<i64>().unwrap(),
            "action": "absent", "reason": "Banc d’essai"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201, "{}", r.text().await.unwrap());

    // The join link leads into today's virtual class.
    let r = client
        .get(format!("{base}/j/{}", f["BENCH_JOIN_TOKEN"]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());

    // The bench trainee logs in with the password and sees her home page.
    let jar = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let form = jar
        .get(format!("{base}/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = form
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();
    let home = jar
        .post(format!("{base}/login"))
        .form(&[
            ("email", f["BENCH_TRAINEE"].as_str()),
            ("password", f["BENCH_PASSWORD"].as_str()),
            ("csrf", csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(home.status(), 200);
    let html = home.text().await.unwrap();
    assert!(html.contains("Groupe banc d’essai"), "{html}");

    let out = hybride(&db.url).arg("verify").output().unwrap();
    assert!(out.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
