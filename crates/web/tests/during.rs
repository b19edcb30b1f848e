//! During the training, tried as people would: a trainer sends convocations through a real SMTP
//! server, trainees follow the links found in the mails, acknowledge, read the opening message
//! and the instructions; the trainer sees every step and the "during" checklist turns green.

mod common;

use common::*;
use hybride_domain::{CohortStatus, Role};
use hybride_store::cohorts::{self, NewActivity};
use reqwest::StatusCode;
use serde_json::{json, Value};

struct Setup {
    api: Api,
    trainer: Browser,
    trainer_api: Api,
    cohort: i64,
    trainees: Vec<hybride_store::people::User>,
    virtual_class: i64,
    started: i64,
}

fn status_of(list: &Value, key: &str) -> String {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == key)
        .unwrap_or_else(|| panic!("no {key} in {list}"))["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A ready cohort with two trainees: a virtual class in ten minutes (external room), an
/// asynchronous activity that started an hour ago, and an in-person day next week.
async fn setup(app: &TestApp) -> Setup {
    let plan = hybride_store::plans::create(
        app.store(),
        hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
        &hybride_domain::Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let (_, pilot) = app.as_pilot().await;
    let api = app.token_for(&pilot).await;
    let (status, t) = api
        .post(
            "/api/v1/trainings",
            json!({"plan_id": plan.id, "dispositif_id": "26A0100456", "module_id": "48999",
                "title": "Enseigner en hybride", "objectives": "Concevoir une séquence hybride.",
                "in_person_minutes": 360, "synchronous_minutes": 90, "asynchronous_minutes": 120,
                "validation_criteria": "Présence à 80 % et production finale déposée.",
                "min_attendance_percent": 80}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{t}");
    let tid = t["id"].as_i64().unwrap();
    let (status, step) = api
        .post(&format!("/api/v1/trainings/{tid}/steps"), json!({"modality": "async", "learning_type": "investigation",
            "title": "Lecture et forum", "minutes": 120, "instructions": "Lisez l’article, puis publiez une question sur le forum."}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{step}");
    hybride_store::before::save_accompaniment(
        app.store(),
        tid,
        &hybride_store::before::AccompanimentInput {
            channels: "forum de la session, messagerie académique".into(),
            response_hours: 48,
            working_days_only: true,
            tutoring_slots: "mercredi 14 h – 16 h".into(),
            technical_contact: "assistance-eafc@ac-lyon.fr".into(),
            exchange_hours: "8 h – 18 h, jours ouvrés".into(),
        },
    )
    .await
    .unwrap();
    let (_, cohort) = api
        .post("/api/v1/cohorts", json!({"training_id": tid, "label": "Groupe A", "starts_on": "2026-11-01", "ends_on": "2027-02-05"}))
        .await;
    let cid = cohort["id"].as_i64().unwrap();
    let trainer_user = app.user("karim.benali@ac-lyon.fr", Role::Trainer).await;
    api.post(
        &format!("/api/v1/cohorts/{cid}/trainers"),
        json!({"user_id": trainer_user.id}),
    )
    .await;
    let mut trainees = Vec::new();
    for email in ["lea.martin@ac-lyon.fr", "hugo.petit@ac-lyon.fr"] {
        trainees.push(app.user(email, Role::Trainee).await);
    }
    let (status, _) = api
        .post(
            &format!("/api/v1/cohorts/{cid}/enrollments"),
            json!({"user_ids": trainees.iter().map(|u| u.id).collect::<Vec<_>>()}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let now = jiff::Timestamp::now();
    let at = |mins: i64| {
        now.checked_add(jiff::SignedDuration::from_mins(mins))
            .unwrap()
    };
    let title = |s: &str| hybride_domain::Title::parse(s).unwrap();
    let vc = cohorts::add_activity(
        app.store(),
        cid,
        &NewActivity {
            step_id: None,
            title: title("Classe virtuelle de lancement"),
            modality: hybride_domain::Modality::VirtualClass,
            starts_at: at(10),
            ends_at: at(100),
            place: None,
            room_url: Some("https://visio.ac-lyon.fr/salle/lancement".into()),
        },
    )
    .await
    .unwrap();
    let started = cohorts::add_activity(
        app.store(),
        cid,
        &NewActivity {
            step_id: Some(step["id"].as_i64().unwrap()),
            title: title("Lecture et forum"),
            modality: hybride_domain::Modality::Async,
            starts_at: at(-60),
            ends_at: at(7 * 24 * 60),
            place: None,
            room_url: None,
        },
    )
    .await
    .unwrap();
    cohorts::add_activity(
        app.store(),
        cid,
        &NewActivity {
            step_id: None,
            title: title("Atelier en présentiel"),
            modality: hybride_domain::Modality::InPerson,
            starts_at: at(7 * 24 * 60),
            ends_at: at(7 * 24 * 60 + 180),
            place: Some("Lycée Ampère, salle B12".into()),
            room_url: None,
        },
    )
    .await
    .unwrap();
    cohorts::set_status(app.store(), cid, hybride_domain::CohortStatus::Ready)
        .await
        .unwrap();
    let trainer = app.anonymous();
    trainer.login(&trainer_user.email, PASSWORD).await;
    let trainer_api = app.token_for(&trainer_user).await;
    Setup {
        api,
        trainer,
        trainer_api,
        cohort: cid,
        trainees,
        virtual_class: vc.id,
        started: started.id,
    }
}

#[tokio::test]
async fn convocations_reach_trainees_through_smtp_and_every_link_is_followed() {
    let sink = SmtpSink::start();
    let app =
        TestApp::start_configured(|c| c.with_smtp(sink.url(), "EAFC Lyon <eafc@ac-lyon.fr>")).await;
    let s = setup(&app).await;
    let cid = s.cohort;
    let cohort_path = format!("/cohorts/{cid}");

    // Before anything is sent, the trainer sees what to do.
    let (_, list) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/checklist"))
        .await;
    assert_eq!(status_of(&list, "links_received"), "todo");
    assert_eq!(status_of(&list, "opening_message"), "todo");
    let (status, html) = s.trainer.get_html(&cohort_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Envoyer les convocations (2)"), "{html}");
    // The asynchronous activity began an hour ago: the trainer is warned that they come late.
    assert!(
        html.contains("ces 2 convocations arriveront en retard"),
        "{html}"
    );

    // The trainer sends the convocations; the worker hands them to the SMTP server.
    let r = s
        .trainer
        .post_form(&format!("{cohort_path}/convocations"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"],
        format!("{cohort_path}?ok=convocations-sent-late#h-during").as_str(),
        "the confirmation comes before the fragment"
    );
    let mails = sink.wait_for(2).await;
    let lea = mails
        .iter()
        .find(|m| m["rcpt_to"][0] == "lea.martin@ac-lyon.fr")
        .expect("Léa's convocation");
    assert_eq!(lea["mail_from"], "eafc@ac-lyon.fr");
    assert_eq!(lea["subject"], "Convocation\u{a0}: Enseigner en hybride");
    let text = lea["text"].as_str().unwrap();
    assert!(text.contains("Bonjour Camille,"), "{text}");
    assert!(text.contains("Concevoir une séquence hybride."));
    assert!(text.contains("Lycée Ampère, salle B12"));
    assert!(text.contains(&format!("{}/equipment", app.base)));
    // The calendar attachment parses in two independent libraries, with the three activities.
    let ics = &lea["attachments"][0];
    assert_eq!(ics["name"], "formation.ics");
    assert_eq!(ics["icalendar"]["ok"], true, "{ics}");
    assert_eq!(ics["icalendar"]["events"], 3);
    assert_eq!(ics["vobject"]["ok"], true, "{ics}");
    assert_eq!(ics["vobject"]["events"], 3);

    // Delivery is recorded; nobody has opened anything yet.
    let (_, links) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/links"))
        .await;
    let links = links.as_array().unwrap();
    assert_eq!(links.len(), 2);
    for l in links {
        assert_eq!(l["sent_count"], 1);
        assert!(l["delivered_at"].is_i64(), "{l}");
        assert!(l["opened_at"].is_null());
    }

    // Léa follows her personal link to the virtual class: she lands in the room.
    let join = link_in(text, &format!("{}/j/", app.base));
    let anonymous = app.anonymous();
    let r = anonymous.get(join.trim_start_matches(&app.base)).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"],
        "https://visio.ac-lyon.fr/salle/lancement"
    );
    // A made-up token leads nowhere.
    let (status, html) = anonymous.get_html("/j/not-a-real-token").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("n’est pas ou plus valide"));

    // Her calendar feed parses too, and lists her activities.
    let feed = link_in(text, &format!("{}/calendar/", app.base));
    let r = anonymous.get(feed.trim_start_matches(&app.base)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/calendar"));
    let body = r.text().await.unwrap();
    let file = sink.dir.join("feed.ics");
    std::fs::write(&file, &body).unwrap();
    let out = std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/smtp_sink.py"
        ))
        .arg("--check-ics")
        .arg(&file)
        .output()
        .unwrap();
    let parsed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(parsed["icalendar"]["ok"], true, "{parsed}");
    assert_eq!(parsed["icalendar"]["events"], 3);
    assert_eq!(parsed["vobject"]["ok"], true, "{parsed}");

    // Hugo logs in with the single-use link of his mail and says he received his links.
    let hugo_mail = mails
        .iter()
        .find(|m| m["rcpt_to"][0] == "hugo.petit@ac-lyon.fr")
        .unwrap();
    let login = link_in(
        hugo_mail["text"].as_str().unwrap(),
        &format!("{}/m/", app.base),
    );
    let hugo = app.anonymous();
    let path = login.trim_start_matches(&app.base).to_owned();
    let (status, _) = hugo.get_html(&path).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a mail scanner opening it does not use it up"
    );
    let r = hugo.post_form(&path, &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], cohort_path.as_str());
    let (_, html) = hugo.get_html(&cohort_path).await;
    assert!(html.contains("J’ai bien reçu mes liens"), "{html}");
    let r = hugo
        .post_form(&format!("{cohort_path}/received"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = hugo.get_html(&cohort_path).await;
    assert!(html.contains("Réception de vos liens confirmée"));

    // The trainer sees both; the duty is done.
    let (_, links) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/links"))
        .await;
    let by = |email: &str| {
        links
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["email"] == email)
            .unwrap()
            .clone()
    };
    assert!(by("lea.martin@ac-lyon.fr")["opened_at"].is_i64());
    assert!(by("hugo.petit@ac-lyon.fr")["acknowledged_at"].is_i64());
    assert!(
        by("hugo.petit@ac-lyon.fr")["opened_at"].is_i64(),
        "the login link counts"
    );
    let (_, list) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/checklist"))
        .await;
    assert_eq!(status_of(&list, "links_received"), "done");

    // Resending gives fresh links, and a new mail.
    let r = s
        .trainer
        .post_form(
            &format!("{cohort_path}/convocations/{}", s.trainees[0].id),
            &[],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let mails = sink.wait_for(3).await;
    let again = link_in(
        mails[2]["text"].as_str().unwrap(),
        &format!("{}/j/", app.base),
    );
    assert_ne!(again, join);
    let (_, links) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/links"))
        .await;
    assert_eq!(
        links
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["sent_count"].as_i64().unwrap())
            .sum::<i64>(),
        3
    );

    // The opening message: drawn from the training, refused without the accompaniment,
    // then published to the space and by e-mail.
    let (status, html) = s.trainer.get_html(&format!("{cohort_path}/opening")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Présence à 80 % et production finale déposée."),
        "{html}"
    );
    assert!(
        html.contains("sous 48\u{a0}heures") || html.contains("sous 48 heures"),
        "{html}"
    );
    let fields = |accompaniment: &str, action: &str| {
        vec![
            ("introduction", "Bienvenue à toutes et à tous.".to_owned()),
            ("objectives", "Concevoir une séquence hybride.".to_owned()),
            (
                "validation",
                "Présence à 80 % et production finale déposée.".to_owned(),
            ),
            ("accompaniment", accompaniment.to_owned()),
            ("availability", "Contenus disponibles deux ans.".to_owned()),
            ("by_mail", "on".to_owned()),
            ("action", action.to_owned()),
        ]
    };
    let post = |f: Vec<(&'static str, String)>| {
        let b = &s.trainer;
        let path = format!("{cohort_path}/opening");
        async move {
            let owned: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            b.post_form(&path, &owned).await
        }
    };
    let r = post(fields("  ", "publish")).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("aria-invalid=\"true\""), "{html}");
    let (_, list) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/checklist"))
        .await;
    assert_eq!(
        status_of(&list, "opening_message"),
        "todo",
        "nothing was saved"
    );
    let r = post(fields("Forum, réponse sous 48 h ouvrées.", "publish")).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let mails = sink.wait_for(5).await;
    assert!(mails[3..]
        .iter()
        .all(|m| m["subject"] == "Message d’ouverture\u{a0}: Enseigner en hybride"));
    let (_, list) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/checklist"))
        .await;
    assert_eq!(status_of(&list, "opening_message"), "done");
    let (_, html) = hugo.get_html(&cohort_path).await;
    assert!(html.contains("Forum, réponse sous 48 h ouvrées."));
    // A later draft changes nothing for trainees until it is published.
    let r = post(fields("Nouvelle version du brouillon.", "save")).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = s
        .trainer
        .get_html(&format!("{cohort_path}/opening?ok=opening-saved"))
        .await;
    assert!(html.contains("Message d’ouverture enregistré."), "{html}");
    let (_, html) = hugo.get_html(&cohort_path).await;
    assert!(html.contains("Forum, réponse sous 48 h ouvrées."));
    assert!(!html.contains("Nouvelle version du brouillon."));

    // Instructions: the activity that has started shows a warning until the scheduler
    // publishes its instructions (from the scenario step); then trainees read them.
    let (_, list) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/checklist"))
        .await;
    assert_eq!(status_of(&list, "instructions_published"), "warning");
    let (_, html) = hugo.get_html(&cohort_path).await;
    assert!(!html.contains("Lisez l’article"), "not published yet");
    hybride_training::jobs::run_once(&app.state).await.unwrap();
    let (_, list) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/checklist"))
        .await;
    assert_eq!(status_of(&list, "instructions_published"), "done");
    let (_, html) = hugo.get_html(&cohort_path).await;
    assert!(html.contains("Lisez l’article, puis publiez une question sur le forum."));
    let hugo_api = app.token_for(&s.trainees[1]).await;
    let (_, messages) = hugo_api
        .get(&format!("/api/v1/cohorts/{cid}/messages"))
        .await;
    assert_eq!(
        messages["instructions"].as_array().unwrap().len(),
        1,
        "{messages}"
    );
    assert_eq!(messages["instructions"][0]["activity_id"], s.started);
    assert!(messages["opening"]["published_at"].is_i64());

    // The trainer publishes the virtual class's own instructions early, by e-mail.
    let (status, a) = s
        .trainer_api
        .put(
            &format!("/api/v1/cohorts/{cid}/activities/{}/instructions", s.virtual_class),
            json!({"instructions": "Testez votre micro avant 9 h.", "by_mail": true, "publish": true}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{a}");
    assert!(a["published_at"].is_i64());
    let mails = sink.wait_for(7).await;
    assert!(mails[5]["text"]
        .as_str()
        .unwrap()
        .contains("Testez votre micro avant 9 h."));

    // Trainees cannot send convocations; staff of another cohort cannot see these links.
    let (status, _) = hugo_api
        .post(&format!("/api/v1/cohorts/{cid}/convocations"), json!({}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let other = app.user("autre.formateur@ac-lyon.fr", Role::Trainer).await;
    let (status, _) = app
        .token_for(&other)
        .await
        .get(&format!("/api/v1/cohorts/{cid}/links"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    drop(s.api);
}

#[tokio::test]
async fn a_reminder_goes_once_to_those_who_have_not_opened_their_links() {
    let app = TestApp::start().await;
    let s = setup(&app).await;
    let cid = s.cohort;
    let (status, q) = s
        .trainer_api
        .post(&format!("/api/v1/cohorts/{cid}/convocations"), json!({}))
        .await;
    assert_eq!(status, StatusCode::ACCEPTED, "{q}");
    assert_eq!(q["queued"], 2);
    // Nothing more to send: a second call queues none.
    let (_, q) = s
        .trainer_api
        .post(&format!("/api/v1/cohorts/{cid}/convocations"), json!({}))
        .await;
    assert_eq!(q["queued"], 0);
    // Léa acknowledges; Hugo does nothing. The first synchronous activity is in ten minutes,
    // well within two working days: the scheduler reminds Hugo, once, even when run twice.
    let lea = app.token_for(&s.trainees[0]).await;
    let (status, _) = lea
        .post(&format!("/api/v1/cohorts/{cid}/received"), json!({}))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    hybride_training::jobs::run_once(&app.state).await.unwrap();
    hybride_training::jobs::run_once(&app.state).await.unwrap();
    let (_, links) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/links"))
        .await;
    let links = links.as_array().unwrap();
    let hugo = links
        .iter()
        .find(|l| l["email"] == "hugo.petit@ac-lyon.fr")
        .unwrap();
    assert_eq!(hugo["sent_count"], 2, "{hugo}");
    assert!(hugo["reminded_at"].is_i64());
    let lea_row = links
        .iter()
        .find(|l| l["email"] == "lea.martin@ac-lyon.fr")
        .unwrap();
    assert_eq!(lea_row["sent_count"], 1);
    let mail = app.last_mail_to("hugo.petit@ac-lyon.fr").await;
    assert_eq!(
        mail.subject,
        "Rappel\u{a0}: vos liens pour «\u{a0}Enseigner en hybride\u{a0}»"
    );

    // Resending to someone not enrolled is refused, field by field, and sends nothing.
    let (status, p) = s
        .trainer_api
        .post(
            &format!("/api/v1/cohorts/{cid}/convocations"),
            json!({"user_ids": [s.trainees[0].id, 999999]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(p["errors"][0]["field"], "user_ids");
    let (_, links) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/links"))
        .await;
    assert_eq!(
        links
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["sent_count"].as_i64().unwrap())
            .sum::<i64>(),
        3
    );

    // An opening message without the accompaniment is refused by the API too.
    let (status, p) = s
        .trainer_api
        .put(
            &format!("/api/v1/cohorts/{cid}/opening"),
            json!({"validation": "Présence.", "accompaniment": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(p["errors"][0]["field"], "accompaniment");
    let (status, draft) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/opening/draft"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(draft["accompaniment"]
        .as_str()
        .unwrap()
        .contains("assistance-eafc@ac-lyon.fr"));

    // /api/v1/me gives a calendar link once (Léa has one already, from her convocation);
    // asking for a new one revokes the previous.
    let (_, me) = lea.get("/api/v1/me").await;
    assert!(me["calendar_url"].is_null(), "{me}");
    assert_eq!(me["calendar_links"], 1);
    let newcomer = app
        .user("nouvelle.stagiaire@ac-lyon.fr", Role::Trainee)
        .await;
    let newcomer = app.token_for(&newcomer).await;
    let (_, me) = newcomer.get("/api/v1/me").await;
    let first = me["calendar_url"].as_str().unwrap().to_owned();
    let (_, me) = newcomer.get("/api/v1/me").await;
    assert!(me["calendar_url"].is_null());
    let (status, fresh) = newcomer.post("/api/v1/me/calendar", json!({})).await;
    assert_eq!(status, StatusCode::CREATED);
    let b = app.anonymous();
    assert_eq!(
        b.get(first.trim_start_matches(&app.base)).await.status(),
        StatusCode::NOT_FOUND
    );
    let fresh = fresh["calendar_url"].as_str().unwrap();
    let r = b.get(fresh.trim_start_matches(&app.base)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().starts_with("BEGIN:VCALENDAR"));
}

#[tokio::test]
async fn mail_that_cannot_be_delivered_is_retried_then_shown_as_failed() {
    // Nothing listens on this port: every attempt fails, and is retried later.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let app = TestApp::start().await;
    let s = setup(&app).await;
    let cid = s.cohort;
    s.trainer_api
        .post(&format!("/api/v1/cohorts/{cid}/convocations"), json!({}))
        .await;
    let mailer =
        hybride_connect::mail::Mailer::smtp(&format!("smtp://127.0.0.1:{port}"), "eafc@ac-lyon.fr")
            .unwrap();
    assert_eq!(
        hybride_training::mailer::deliver_due(app.store(), &mailer)
            .await
            .unwrap(),
        0
    );
    let pending = hybride_store::outbox::pending(app.store(), 10)
        .await
        .unwrap();
    assert_eq!(pending.len(), 2);
    for m in &pending {
        assert_eq!(m.attempts, 1);
        assert!(m.last_error.is_some());
        assert!(
            m.next_attempt_at > hybride_store::now(),
            "retried later, not at once"
        );
    }
    // Not due yet: a second round leaves them alone.
    hybride_training::mailer::deliver_due(app.store(), &mailer)
        .await
        .unwrap();
    assert_eq!(
        hybride_store::outbox::pending(app.store(), 10)
            .await
            .unwrap()[0]
            .attempts,
        1
    );
    // After the last attempt, the trainer sees the failure with its reason.
    for m in &pending {
        for _ in 1..hybride_store::outbox::MAX_ATTEMPTS {
            hybride_store::outbox::mark_failed(app.store(), m.id, "connection refused", false)
                .await
                .unwrap();
        }
    }
    let (_, html) = s.trainer.get_html(&format!("/cohorts/{cid}")).await;
    assert!(html.contains("Échec"), "{html}");
    let (_, list) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/checklist"))
        .await;
    let evidence = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "links_received")
        .unwrap()["evidence"]
        .to_string();
    assert!(
        evidence.contains("2 convocations non distribuées"),
        "{evidence}"
    );
}

#[tokio::test]
async fn the_discussion_space_notifies_and_measures_the_accompaniment() {
    let app = TestApp::start().await;
    let s = setup(&app).await;
    let cid = s.cohort;
    // A response time of zero hours: any unanswered question is overdue at once.
    let training = hybride_store::cohorts::get(app.store(), cid)
        .await
        .unwrap()
        .training_id;
    hybride_store::before::save_accompaniment(
        app.store(),
        training,
        &hybride_store::before::AccompanimentInput {
            channels: "forum".into(),
            response_hours: 0,
            working_days_only: false,
            tutoring_slots: "mercredi".into(),
            technical_contact: "assistance".into(),
            exchange_hours: "8 h – 18 h".into(),
        },
    )
    .await
    .unwrap();
    let hugo = app.anonymous();
    hugo.login("hugo.petit@ac-lyon.fr", PASSWORD).await;
    let lea = app.anonymous();
    lea.login("lea.martin@ac-lyon.fr", PASSWORD).await;
    let forum = format!("/cohorts/{cid}/forum");

    // Léa wants every message by e-mail.
    let r = lea
        .post_form(&format!("{forum}/notify"), &[("mode", "each")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    // An empty message is refused in French, and nothing is posted.
    let r = hugo
        .post_form(&format!("{forum}/general"), &[("body", "   ")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("obligatoire"));

    // Hugo asks a question, with Markdown, a script and a mention of his trainer.
    let r = hugo
        .post_form(
            &format!("{forum}/general"),
            &[(
                "body",
                "**Question** : où trouver l’article ? <script>alert(1)</script> @karim.benali",
            )],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (status, html) = hugo.get_html(&format!("{forum}/general")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<strong>Question</strong>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;") && !html.contains("<script>alert"),
        "{html}"
    );
    assert!(html.contains("En attente de réponse"));
    let trainer_mail = app.last_mail_to("karim.benali@ac-lyon.fr").await;
    assert!(
        trainer_mail.subject.contains("vous a mentionné"),
        "{}",
        trainer_mail.subject
    );
    let lea_mail = app.last_mail_to("lea.martin@ac-lyon.fr").await;
    assert!(lea_mail.subject.contains("a écrit"), "{}", lea_mail.subject);
    assert!(lea_mail.body.contains("**Question**"));

    // Past the promised time, the question shows on the trainer's dashboard and the checklist.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let status_now = |list: &Value| status_of(list, "social_activity");
    let (_, list) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/checklist"))
        .await;
    assert_eq!(status_now(&list), "warning", "{list}");
    let (_, acc) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/accompaniment"))
        .await;
    assert_eq!(acc["overdue"].as_array().unwrap().len(), 1, "{acc}");
    assert_eq!(acc["overdue"][0]["author_name"], "Camille Durand");
    // Opened by hand, unless the scheduler (every 30 s) opened it first: its first activity
    // has started.
    match cohorts::set_status(app.store(), cid, hybride_domain::CohortStatus::Running).await {
        Ok(_) | Err(hybride_store::StoreError::Refused("status_transition")) => {}
        Err(e) => panic!("{e}"),
    }
    assert_eq!(
        cohorts::get(app.store(), cid).await.unwrap().status,
        hybride_domain::CohortStatus::Running
    );
    let (_, home) = s.trainer.get_html("/").await;
    assert!(home.contains("1 question en retard"), "{home}");

    // The trainer answers through the API: the question is answered, the duty is done.
    let question = acc["overdue"][0]["post_id"].as_i64().unwrap();
    let (status, reply) = s
        .trainer_api
        .post(
            &format!("/api/v1/cohorts/{cid}/posts"),
            json!({"body": "Dans l’onglet Ressources.", "parent_id": question}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{reply}");
    let (_, list) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/checklist"))
        .await;
    assert_eq!(status_now(&list), "done", "{list}");
    let (_, posts) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/posts"))
        .await;
    assert_eq!(posts.as_array().unwrap().len(), 2);
    assert!(posts[0]["answered_at"].is_i64());
    assert_eq!(posts[1]["parent_id"], question);
    // A reply to a reply is refused.
    let (status, _) = s
        .trainer_api
        .post(
            &format!("/api/v1/cohorts/{cid}/posts"),
            json!({"body": "x", "parent_id": reply["id"]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // Once the cohort has run a week, Léa (never seen) is listed for a personal follow-up;
    // Hugo, who posted, is not.
    let started = cohorts::activity(app.store(), cid, s.started)
        .await
        .unwrap();
    let ten_days_ago = jiff::Timestamp::now()
        .checked_sub(jiff::SignedDuration::from_hours(240))
        .unwrap();
    cohorts::update_activity(
        app.store(),
        cid,
        s.started,
        &NewActivity {
            step_id: started.step_id,
            title: hybride_domain::Title::parse(&started.title).unwrap(),
            modality: started.modality,
            starts_at: ten_days_ago,
            ends_at: jiff::Timestamp::from_second(started.ends_at).unwrap(),
            place: None,
            room_url: None,
        },
    )
    .await
    .unwrap();
    let (_, acc) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/accompaniment"))
        .await;
    let quiet: Vec<&str> = acc["inactive"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["email"].as_str().unwrap())
        .collect();
    assert_eq!(quiet, vec!["lea.martin@ac-lyon.fr"], "{acc}");
    let lea_id = s.trainees[0].id;
    let (status, html) = s
        .trainer
        .get_html(&format!("/cohorts/{cid}/follow-up/{lea_id}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Bonjour Camille"), "{html}");
    let r = s
        .trainer
        .post_form(
            &format!("/cohorts/{cid}/follow-up/{lea_id}"),
            &[("message", "Bonjour Léa, tout va bien ?")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.last_mail_to("lea.martin@ac-lyon.fr").await.body,
        "Bonjour Léa, tout va bien ?"
    );
    let (_, acc) = s
        .trainer_api
        .get(&format!("/api/v1/cohorts/{cid}/accompaniment"))
        .await;
    assert!(
        acc["inactive"].as_array().unwrap().is_empty(),
        "followed up: {acc}"
    );

    // Hugo chose nothing: trainees get a daily digest of others' messages, once a day.
    let sent = hybride_training::discussion::send_digests(&app.state)
        .await
        .unwrap();
    assert_eq!(sent, 1, "Hugo only: Léa gets each message, the trainer too");
    assert_eq!(
        hybride_training::discussion::send_digests(&app.state)
            .await
            .unwrap(),
        0
    );
    let digest = app.last_mail_to("hugo.petit@ac-lyon.fr").await;
    assert!(
        digest.body.contains("Dans l’onglet Ressources."),
        "{}",
        digest.body
    );

    // Someone outside the cohort cannot read it.
    let (outsider, _) = app.as_role(Role::Trainee).await;
    assert_eq!(
        outsider.get(&format!("{forum}/general")).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_ready_cohort_runs_once_its_first_activity_has_started_without_anyone_clicking() {
    let app = TestApp::start().await;
    let s = setup(&app).await;
    let (_, c) = s.api.get(&format!("/api/v1/cohorts/{}", s.cohort)).await;
    assert_eq!(c["status"], "ready");
    // The scheduler's round (on every instance: the second finds nothing left to do).
    hybride_training::jobs::run_once(&app.state).await.unwrap();
    hybride_training::jobs::run_once(&app.state).await.unwrap();
    let (_, c) = s.api.get(&format!("/api/v1/cohorts/{}", s.cohort)).await;
    assert_eq!(c["status"], "running");
    let (_, html) = s.trainer.get_html("/").await;
    assert!(
        html.contains("status-running"),
        "the trainer’s home shows it running"
    );
}

#[tokio::test]
async fn a_person_sees_where_each_calendar_link_went_and_revokes_one() {
    let app = TestApp::start().await;
    let s = setup(&app).await;
    let cid = s.cohort;
    let (status, _) = s
        .trainer_api
        .post(&format!("/api/v1/cohorts/{cid}/convocations"), json!({}))
        .await;
    assert!(status.is_success());
    let lea = &s.trainees[0];
    let b = app.anonymous();
    assert_eq!(
        b.login(lea.email.as_str(), PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );

    // Her convocation carried a calendar link: the page says so, and that it was never used.
    let (status, html) = b.get_html("/calendar").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Envoyé avec la convocation «\u{a0}Enseigner en hybride — Groupe A\u{a0}»"),
        "{html}"
    );
    assert!(html.contains("Jamais utilisé"));
    let mail = app.last_mail_to(lea.email.as_str()).await;
    let feed = link_in(&mail.body, &format!("{}/calendar/", app.base));
    let anonymous = app.anonymous();
    let path = feed.trim_start_matches(&app.base).to_owned();
    assert_eq!(anonymous.get(&path).await.status(), StatusCode::OK);
    let (_, html) = b.get_html("/calendar").await;
    assert!(html.contains("Utilisé une fois, le"), "{html}");

    // Nobody else can revoke it.
    let html = html.replace("&#x2f;", "/");
    let action = html
        .split("action=\"/calendar/links/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a revoke button")
        .to_owned();
    let other = app.anonymous();
    other.login(s.trainees[1].email.as_str(), PASSWORD).await;
    let r = other
        .post_form(&format!("/calendar/links/{action}"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(anonymous.get(&path).await.status(), StatusCode::OK);

    // She revokes it: the feed stops, the page says so.
    let r = b.post_form(&format!("/calendar/links/{action}"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"],
        "/calendar?ok=calendar-link-revoked"
    );
    assert_eq!(anonymous.get(&path).await.status(), StatusCode::NOT_FOUND);
    let (_, html) = b.get_html("/calendar?ok=calendar-link-revoked").await;
    assert!(html.contains("Le lien d’agenda est révoqué"));
    assert!(html.contains("Vous n’avez pas de lien d’agenda actif."));
}

#[tokio::test]
async fn a_closed_sessions_activities_and_join_links_leave_the_trainees_space() {
    let app = TestApp::start().await;
    let s = setup(&app).await;
    let cid = s.cohort;
    let (status, _) = s
        .trainer_api
        .post(&format!("/api/v1/cohorts/{cid}/convocations"), json!({}))
        .await;
    assert!(status.is_success());
    let lea = &s.trainees[0];
    let mail = app.last_mail_to(lea.email.as_str()).await;
    let join = link_in(&mail.body, &format!("{}/j/", app.base));
    let join = join.trim_start_matches(&app.base).to_owned();
    let b = app.anonymous();
    assert_eq!(
        b.login(lea.email.as_str(), PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, html) = b.get_html(&format!("/cohorts/{cid}")).await;
    assert!(html.contains("Classe virtuelle de lancement"), "{html}");

    for next in [CohortStatus::Running, CohortStatus::Closed] {
        hybride_store::cohorts::set_status(app.store(), cid, next)
            .await
            .unwrap();
    }
    // Her link to the virtual class no longer opens the room; the page says why.
    let r = app.anonymous().get(&join).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Cette session est close\u{a0}: ses activités n’ont plus lieu."));
    // Her space shows no activity to come, nor a room's address; what took place stays.
    let (_, html) = b.get_html(&format!("/cohorts/{cid}")).await;
    assert!(!html.contains("Classe virtuelle de lancement"), "{html}");
    assert!(!html.contains("Atelier en présentiel"));
    assert!(!html.contains("visio.ac-lyon.fr"));
    assert!(
        html.contains("Lecture et forum"),
        "the activity under way when it closed"
    );
    // Its staff still see the whole schedule.
    let (_, html) = s.trainer.get_html(&format!("/cohorts/{cid}")).await;
    assert!(html.contains("Classe virtuelle de lancement"));
}

#[tokio::test]
async fn a_trainee_expected_in_two_places_at_once_is_pointed_out_to_the_staff() {
    let app = TestApp::start().await;
    let s = setup(&app).await;
    let cid = s.cohort;
    let (_, cohort) = s.api.get(&format!("/api/v1/cohorts/{cid}")).await;
    let (status, other) = s
        .api
        .post(
            "/api/v1/cohorts",
            json!({"training_id": cohort["training_id"], "label": "Groupe B",
                "starts_on": "2026-11-01", "ends_on": "2027-02-05"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{other}");
    let other = other["id"].as_i64().unwrap();
    // The same morning next week, in another school, for Léa only.
    let week = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_mins(7 * 24 * 60 + 60))
        .unwrap();
    cohorts::add_activity(
        app.store(),
        other,
        &NewActivity {
            step_id: None,
            title: hybride_domain::Title::parse("Atelier de pratique").unwrap(),
            modality: hybride_domain::Modality::InPerson,
            starts_at: week,
            ends_at: week
                .checked_add(jiff::SignedDuration::from_mins(120))
                .unwrap(),
            place: Some("Collège Jean Moulin".into()),
            room_url: None,
        },
    )
    .await
    .unwrap();
    let lea = &s.trainees[0];
    let (status, body) = s
        .api
        .post(
            &format!("/api/v1/cohorts/{other}/enrollments"),
            json!({"user_ids": [lea.id]}),
        )
        .await;
    assert!(status.is_success(), "{body}");

    let (_, html) = s.trainer.get_html(&format!("/cohorts/{cid}")).await;
    assert!(
        html.contains("Une personne inscrite est attendue au même moment dans un autre lieu"),
        "{html}"
    );
    let line = format!(
        "{} {} — «\u{a0}Atelier en présentiel\u{a0}»",
        lea.first_name, lea.last_name
    );
    assert!(html.contains(&line), "{html}");
    assert!(html.contains("a aussi «\u{a0}Atelier de pratique\u{a0}» (Enseigner en hybride — Groupe B), Collège Jean Moulin"));
    // The other cohort's staff see it from their side too; the trainee sees none of it.
    let (admin, _) = app.as_admin().await;
    let (_, html) = admin.get_html(&format!("/cohorts/{other}")).await;
    assert!(
        html.contains("a aussi «\u{a0}Atelier en présentiel\u{a0}»"),
        "{html}"
    );
    let b = app.anonymous();
    b.login(lea.email.as_str(), PASSWORD).await;
    let (_, html) = b.get_html(&format!("/cohorts/{cid}")).await;
    assert!(!html.contains("attendue au même moment"));
}
