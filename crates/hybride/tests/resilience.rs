//! Resilience, with the binary as it runs: the server is killed (SIGKILL, no chance to clean up)
//! while trainees sign a half-day through the API, then started again, three times. Every
//! signature that was acknowledged is in the record, the record's chains are intact
//! (`hybride verify`), and SQLite's own integrity check passes.

use hybride_domain::accounts::NewAccount;
use hybride_domain::*;
use hybride_store::cohorts::{self, NewActivity, NewCohort};
use hybride_store::testing::TestDatabase;
use hybride_store::trainings::{self, NewStep, NewTraining};
use hybride_store::{people, plans, security, Store};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

mod common;

use common::*;

fn person(email: &str, role: Role) -> NewAccount {
    NewAccount {
        email: Email::parse(email).unwrap(),
        last_name: PersonName::parse("Martin").unwrap(),
        first_name: PersonName::parse("Alex").unwrap(),
        role,
        establishment: None,
    }
}

/// A running cohort of `n` trainees with an in-person half-day under way; their API tokens.
async fn cohort_signing_now(
    s: &Store,
    n: usize,
) -> (cohorts::Activity, String, Vec<(i64, String)>) {
    let pilot = people::create(s, &person("pilote@ac-lyon.fr", Role::Pilot), None)
        .await
        .unwrap();
    let trainer = people::create(s, &person("formateur@ac-lyon.fr", Role::Trainer), None)
        .await
        .unwrap();
    let plan = plans::create(
        s,
        SchoolYear::parse("2026-2027").unwrap(),
        &Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let t = trainings::create(
        s,
        &NewTraining {
            plan_id: plan.id,
            dispositif_id: DispositifId::parse("26A0100999").unwrap(),
            module_id: ModuleId::parse("49999").unwrap(),
            title: Title::parse("Atelier").unwrap(),
            objectives: LongText::parse("Objectifs.").unwrap(),
            public: LongText::parse("Professeurs").unwrap(),
            in_person: Minutes::parse_hours("3").unwrap(),
            synchronous: Minutes::parse_hours("0").unwrap(),
            asynchronous: Minutes::parse_hours("0").unwrap(),
            validation_criteria: LongText::parse("Présence").unwrap(),
            min_attendance_percent: 80,
            pilot_id: pilot.id,
        },
    )
    .await
    .unwrap();
    let step = trainings::add_step(
        s,
        t.id,
        &NewStep {
            modality: Modality::InPerson,
            learning_type: LearningType::Practice,
            title: Title::parse("Atelier").unwrap(),
            collective: true,
            social: false,
            minutes: Minutes::parse_hours("3").unwrap(),
            instructions: LongText::parse("").unwrap(),
            resources: LongText::parse("").unwrap(),
            evidence: LongText::parse("").unwrap(),
            evaluation: LongText::parse("").unwrap(),
            trainer_role: LongText::parse("").unwrap(),
            mandatory: true,
            credit_rule: attendance::CreditRule::EstimateOnValidation,
        },
    )
    .await
    .unwrap();
    let c = cohorts::create(
        s,
        &NewCohort {
            training_id: t.id,
            label: Title::parse("Groupe").unwrap(),
            gaia_session_id: None,
            starts_on: jiff::civil::date(2026, 9, 1),
            ends_on: jiff::civil::date(2027, 6, 30),
            course_url: None,
        },
    )
    .await
    .unwrap();
    cohorts::assign_trainer(s, c.id, trainer.id).await.unwrap();
    let mut trainees = Vec::new();
    for i in 0..n {
        let u = people::create(
            s,
            &person(&format!("stagiaire{i}@ac-lyon.fr"), Role::Trainee),
            None,
        )
        .await
        .unwrap();
        trainees.push(u.id);
    }
    cohorts::enroll(s, c.id, &trainees).await.unwrap();
    let now = jiff::Timestamp::now();
    let a = cohorts::add_activity(
        s,
        c.id,
        &NewActivity {
            step_id: Some(step.id),
            title: Title::parse("Atelier").unwrap(),
            modality: Modality::InPerson,
            starts_at: now
                .checked_sub(jiff::SignedDuration::from_mins(20))
                .unwrap(),
            ends_at: now
                .checked_add(jiff::SignedDuration::from_mins(160))
                .unwrap(),
            place: Some("Salle 1".into()),
            room_url: None,
        },
    )
    .await
    .unwrap();
    cohorts::set_status(s, c.id, CohortStatus::Ready)
        .await
        .unwrap();
    cohorts::set_status(s, c.id, CohortStatus::Running)
        .await
        .unwrap();
    let secret = hybride_store::attendance::signing_secret(s, a.id)
        .await
        .unwrap();
    let mut tokens = Vec::new();
    for id in trainees {
        tokens.push((id, security::create_api_token(s, id, "test").await.unwrap()));
    }
    (a, secret, tokens)
}

async fn start(url: &str, port: u16) -> Server {
    serve(
        url,
        port,
        &std::env::temp_dir().join(format!("hybride-crash-mail-{port}")),
    )
    .await
}

#[tokio::test]
async fn signatures_acknowledged_before_a_sigkill_are_kept() {
    const ROUNDS: usize = 3;
    const PER_ROUND: usize = 60;
    let db = TestDatabase::new().await.unwrap();
    let (activity, secret, tokens) = cohort_signing_now(&db.store, ROUNDS * PER_ROUND).await;
    let steps = trainings::steps(&db.store, {
        let c = cohorts::get(&db.store, activity.cohort_id).await.unwrap();
        c.training_id
    })
    .await
    .unwrap();
    let slot = hybride_training::attendance::slot_at(
        &hybride_training::attendance::slots(&activity, &steps),
        hybride_store::now(),
    )
    .unwrap()
    .key();
    let acknowledged: Arc<Mutex<Vec<i64>>> = Arc::new(Mutex::new(Vec::new()));
    let mut killed_with_work_in_flight = 0;
    for round in 0..ROUNDS {
        let port = free_port();
        let mut server = start(&db.url, port).await;
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap();
        let mut tasks = Vec::new();
        for (user, token) in tokens[round * PER_ROUND..(round + 1) * PER_ROUND]
            .iter()
            .cloned()
        {
            let (client, acknowledged, secret, slot) = (
                client.clone(),
                acknowledged.clone(),
                secret.clone(),
                slot.clone(),
            );
            let aid = activity.id;
            tasks.push(tokio::spawn(async move {
                let code = hybride_training::attendance::code(
                    &secret,
                    aid,
                    &slot,
                    hybride_training::attendance::window(hybride_store::now()),
                );
                let r = client
                    .post(format!("http://127.0.0.1:{port}/api/v1/sign"))
                    .bearer_auth(&token)
                    .json(&serde_json::json!({ "code": code }))
                    .send()
                    .await;
                if let Ok(r) = r {
                    if r.status() == 200 {
                        acknowledged.lock().unwrap().push(user);
                    }
                }
            }));
        }
        // Kill it mid-load: once a few signatures are acknowledged, not all.
        let before = acknowledged.lock().unwrap().len();
        let deadline = Instant::now() + Duration::from_secs(30);
        while acknowledged.lock().unwrap().len() < before + PER_ROUND / 4
            && Instant::now() < deadline
        {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        if acknowledged.lock().unwrap().len() < before + PER_ROUND {
            killed_with_work_in_flight += 1;
        }
        server.0.kill().unwrap(); // SIGKILL
        server.0.wait().unwrap();
        for t in tasks {
            t.await.unwrap();
        }
        drop(server);

        // Started again: every acknowledged signature is there, once.
        let store = Store::open(&db.url).await.unwrap();
        let events = hybride_store::attendance::of_activity(&store, activity.id)
            .await
            .unwrap();
        for user in acknowledged.lock().unwrap().iter() {
            let n = events
                .iter()
                .filter(|e| e.subject_id == *user && e.kind.as_str() == "signed")
                .count();
            assert_eq!(n, 1, "round {round}: the acknowledged signature of {user}");
        }
        let v = hybride_store::attendance::verify(&store).await.unwrap();
        assert!(v.breaks.is_empty(), "round {round}: {v:?}");
        eprintln!(
            "round {round}: {} acknowledged in all, {} signatures recorded",
            acknowledged.lock().unwrap().len(),
            events
                .iter()
                .filter(|e| e.kind.as_str() == "signed")
                .count()
        );
        if store.backend() == hybride_store::Backend::Sqlite {
            let check = hybride_store::testing::query_text(&store, "PRAGMA integrity_check")
                .await
                .unwrap();
            assert_eq!(check, ["ok"], "round {round}");
        }
        store.close().await;
    }
    assert!(
        killed_with_work_in_flight >= 1,
        "the server was killed while signatures were still being sent at least once"
    );
    let out = hybride(&db.url).arg("verify").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let total = acknowledged.lock().unwrap().len();
    assert!(
        total >= ROUNDS * PER_ROUND / 4,
        "{total} signatures acknowledged"
    );
}

/// Logs in with the demo password on one instance; answers the session cookie.
async fn session_on(base: &str, email: &str) -> String {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = client.get(format!("{base}/login")).send().await.unwrap();
    let csrf_cookie = page
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .find(|c| c.starts_with("hybride_csrf="))
        .unwrap();
    let html = page.text().await.unwrap();
    let at = html.find("name=\"csrf\" value=\"").unwrap() + 19;
    let token = html[at..].split('"').next().unwrap().to_owned();
    let r = client
        .post(format!("{base}/login"))
        .header("cookie", &csrf_cookie)
        .form(&[
            ("csrf", token.as_str()),
            ("email", email),
            ("password", "demo"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303, "login on {base}");
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .find(|c| c.starts_with("hybride_session="))
        .expect("a session cookie")
}

#[tokio::test]
async fn two_instances_share_sessions_and_send_each_mail_once() {
    let db = TestDatabase::new().await.unwrap();
    let out = hybride(&db.url).arg("demo").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let queued = hybride_store::outbox::pending_count(&db.store)
        .await
        .unwrap();
    assert!(
        queued > 50,
        "the demo's convocations wait in the outbox: {queued}"
    );
    // Two instances on one database, each with its own mail folder, no sticky sessions.
    let mut instances = Vec::new();
    for _ in 0..2 {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("hybride-two-{}-{port}", std::process::id()));
        let server = spawn_server(&db.url, port, &dir);
        instances.push((server, port, dir));
    }
    for (_, port, _) in &instances {
        wait_ready(*port).await;
    }
    let (a, b) = (
        format!("http://127.0.0.1:{}", instances[0].1),
        format!("http://127.0.0.1:{}", instances[1].1),
    );
    // A session opened on one instance works on the other.
    let session = session_on(&a, "formateur@demo.hybride.test").await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for base in [&a, &b] {
        let r = client
            .get(format!("{base}/"))
            .header("cookie", &session)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{base}");
        assert!(r.text().await.unwrap().contains("formateur ou formatrice"));
    }
    // Both workers deliver the outbox: every mail once, by one of them.
    let started = Instant::now();
    while hybride_store::outbox::pending_count(&db.store)
        .await
        .unwrap()
        > 0
    {
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "the outbox was not emptied"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let files = |dir: &std::path::Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .map(|d| {
                d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".eml"))
                    .collect()
            })
            .unwrap_or_default()
    };
    let first = files(&instances[0].2);
    let second = files(&instances[1].2);
    let both: Vec<&String> = first.iter().filter(|f| second.contains(f)).collect();
    assert!(both.is_empty(), "sent twice: {both:?}");
    let sent: i64 = hybride_store::testing::query_text(
        &db.store,
        "SELECT CAST(COUNT(*) AS TEXT) FROM outbox WHERE sent_at IS NOT NULL",
    )
    .await
    .unwrap()[0]
        .parse()
        .unwrap();
    assert!(sent >= queued);
    assert_eq!(
        (first.len() + second.len()) as i64,
        sent,
        "one file per mail sent"
    );
    for (_, _, dir) in &instances {
        let _ = std::fs::remove_dir_all(dir);
    }
}
