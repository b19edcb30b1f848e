//! The proof a controller accepts: a certificat de réalisation exists only once its cohort has
//! ended, names its signatory (named by an admin, on a page or through the API) and says what
//! was achieved; before, the trainee follows her progress and the certificate's address says
//! why not yet; a cohort closes only once every declaration of distance work is decided.

use crate::common::*;
use hybride_domain::attendance::{Channel, Kind};
use hybride_domain::{CohortStatus, Modality, Role, Title};
use hybride_store::cohorts::{self, Activity, Cohort, NewActivity};
use hybride_store::people::User;
use hybride_store::Store;
use hybride_training::attendance::Extra;
use reqwest::StatusCode;
use serde_json::json;

/// Decides every declaration of distance work awaiting a decision in `c`, as its trainer does
/// from the sheet the closing page links to (`b`: the trainer's browser).
pub async fn decide_every_declaration(b: &Browser, s: &Store, c: &Cohort) {
    for d in hybride_training::closing::pending(s, c)
        .await
        .unwrap()
        .declarations
    {
        let r = b
            .post_form(
                &format!(
                    "/cohorts/{}/activities/{}/declarations/{}",
                    c.id, d.activity_id, d.user_id
                ),
                &[("decision", "validate"), ("comment", "")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
    }
    assert!(hybride_training::closing::pending(s, c)
        .await
        .unwrap()
        .declarations
        .is_empty());
}

fn paris(day: jiff::civil::Date, hour: i8) -> jiff::Timestamp {
    day.at(hour, 0, 0, 0)
        .to_zoned(hybride_domain::time::paris())
        .unwrap()
        .timestamp()
}

fn days_from_today(n: i64) -> jiff::civil::Date {
    hybride_domain::time::civil(hybride_store::now())
        .date()
        .checked_add(jiff::Span::new().days(n))
        .unwrap()
}

/// A running cohort of a training in person and at a distance: its trainer, two trainees,
/// a workshop two days ago, distance work open from six days ago until yesterday evening, and
/// (with `more_to_come`) a workshop in two days.
struct Running {
    cohort: Cohort,
    trainer: User,
    trainees: [User; 2],
    work: Activity,
}

async fn running_cohort(app: &TestApp, pilot: &User, more_to_come: bool) -> Running {
    let s = app.store();
    let api = app.token_for(pilot).await;
    let plan = hybride_store::plans::create(
        s,
        hybride_domain::SchoolYear::containing(days_from_today(0)),
        &Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let (_, training) = api
        .post(
            "/api/v1/trainings",
            json!({"plan_id": plan.id, "dispositif_id": "26A0100999", "module_id": "51999",
                "title": "Évaluer par compétences", "objectives": "Construire des grilles.",
                "in_person_minutes": 180, "synchronous_minutes": 0, "asynchronous_minutes": 60,
                "validation_criteria": "Présence et travail rendu.", "min_attendance_percent": 80}),
        )
        .await;
    let tid = training["id"].as_i64().unwrap();
    let mut steps = Vec::new();
    for (modality, title, minutes) in [("in_person", "Atelier", 180), ("async", "Lecture", 60)] {
        let (_, step) = api
            .post(
                &format!("/api/v1/trainings/{tid}/steps"),
                json!({"modality": modality, "learning_type": "practice", "title": title, "minutes": minutes}),
            )
            .await;
        steps.push(step["id"].as_i64().unwrap());
    }
    let (_, cohort) = api
        .post("/api/v1/cohorts", json!({"training_id": tid, "label": "Groupe 1",
            "starts_on": days_from_today(-6).to_string(), "ends_on": days_from_today(2).to_string()}))
        .await;
    let cid = cohort["id"].as_i64().unwrap();
    let tag = &hybride_store::token::generate()[..8];
    let trainer = app
        .user(&format!("formatrice-{tag}@ac-lyon.fr"), Role::Trainer)
        .await;
    let trainees = [
        app.user(&format!("lea-{tag}@ac-lyon.fr"), Role::Trainee)
            .await,
        app.user(&format!("tom-{tag}@ac-lyon.fr"), Role::Trainee)
            .await,
    ];
    cohorts::assign_trainer(s, cid, trainer.id).await.unwrap();
    cohorts::enroll(s, cid, &[trainees[0].id, trainees[1].id])
        .await
        .unwrap();
    let mut schedule = vec![
        (Some(steps[0]), Modality::InPerson, -2, 9, -2, 12),
        (Some(steps[1]), Modality::Async, -6, 8, -1, 20),
    ];
    if more_to_come {
        schedule.push((Some(steps[0]), Modality::InPerson, 2, 9, 2, 12));
    }
    let mut activities = Vec::new();
    for (step_id, modality, d0, h0, d1, h1) in schedule {
        activities.push(
            cohorts::add_activity(
                s,
                cid,
                &NewActivity {
                    step_id,
                    title: Title::parse(if modality == Modality::Async {
                        "Lecture"
                    } else {
                        "Atelier"
                    })
                    .unwrap(),
                    modality,
                    starts_at: paris(days_from_today(d0), h0),
                    ends_at: paris(days_from_today(d1), h1),
                    place: (modality == Modality::InPerson).then(|| "Salle 12".into()),
                    room_url: None,
                },
            )
            .await
            .unwrap(),
        );
    }
    for status in [CohortStatus::Ready, CohortStatus::Running] {
        cohorts::set_status(s, cid, status).await.unwrap();
    }
    // Both trainees declared their reading; nobody decided yet.
    for t in &trainees {
        hybride_training::attendance::mark(
            s,
            &activities[1],
            None,
            t.id,
            Kind::Declared,
            Channel::Trainee,
            t.id,
            Extra {
                minutes: Some(55),
                note: Some("Fiche de lecture déposée.".into()),
                ..Extra::default()
            },
        )
        .await
        .unwrap();
    }
    Running {
        cohort: cohorts::get(s, cid).await.unwrap(),
        trainer,
        trainees,
        work: activities[1].clone(),
    }
}

async fn logged_in(app: &TestApp, u: &User) -> Browser {
    let b = app.anonymous();
    assert_eq!(
        b.login(u.email.as_str(), PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    b
}

#[tokio::test]
async fn an_admin_names_who_signs_the_certificates() {
    let app = TestApp::start().await;
    let (admin, admin_user) = app.as_admin().await;
    let (status, html) = admin.get_html("/settings").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Signataire des certificats"), "{html}");
    let (status, html) = admin.get_html("/settings/signatory").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Aucun signataire n’est désigné"), "{html}");

    // Refused field by field, nothing named.
    let r = admin
        .post_form(
            "/settings/signatory",
            &[
                ("name", " "),
                ("title", "Directrice"),
                ("capacity", "recteur"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("f-name-error") && html.contains("f-capacity-error"));
    assert!(!html.contains("f-title-error"));
    assert!(hybride_store::certificates::current(app.store())
        .await
        .unwrap()
        .is_none());
    let r = admin
        .post_form(
            "/settings/signatory",
            &[
                ("name", "Claire Martin"),
                ("title", "Directrice de l’EAFC"),
                ("capacity", "director"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = admin
        .get_html("/settings/signatory?ok=signatory-saved")
        .await;
    assert!(html.contains("Signataire des certificats enregistré."));
    assert!(html.contains("value=\"Claire Martin\""), "{html}");

    // The API: the same setting, each field checked, those named before kept.
    let api = app.token_for(&admin_user).await;
    let (status, got) = api.get("/api/v1/settings/signatory").await;
    assert_eq!(status, StatusCode::OK, "{got}");
    assert_eq!(got["current"]["name"], "Claire Martin");
    assert_eq!(got["current"]["set_by"], admin_user.id);
    let (status, p) = api
        .put(
            "/api/v1/settings/signatory",
            json!({"name": "Paul Roux", "title": "", "capacity": "delegate"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(p["errors"][0]["field"], "title");
    let (status, got) = api
        .put(
            "/api/v1/settings/signatory",
            json!({"name": "Paul Roux", "title": "Adjoint à la directrice de l’EAFC", "capacity": "delegate"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{got}");
    assert_eq!(got["current"]["capacity"], "delegate");
    assert_eq!(got["history"].as_array().unwrap().len(), 2);
    assert_eq!(got["history"][1]["name"], "Claire Martin");
    // The same again is not named twice.
    let (_, again) = api
        .put(
            "/api/v1/settings/signatory",
            json!({"name": "Paul Roux", "title": "Adjoint à la directrice de l’EAFC", "capacity": "delegate"}),
        )
        .await;
    assert_eq!(again["history"].as_array().unwrap().len(), 2);
    let (_, html) = admin.get_html("/settings/signatory").await;
    assert!(html.contains("Signataires successifs") && html.contains("Claire Martin"));

    // The OpenAPI document states the bounds the handler enforces.
    let doc = serde_json::to_value(hybride_web::api::openapi()).unwrap();
    let body = &doc["components"]["schemas"]["SignatoryBody"]["properties"];
    assert_eq!(body["name"]["maxLength"], 100, "{body}");
    assert_eq!(body["title"]["maxLength"], 200);
    assert_eq!(body["capacity"]["enum"], json!(["director", "delegate"]));
    assert!(body["name"]["pattern"].is_string());
    // Nobody else names it.
    let (pilot, _) = app.as_pilot().await;
    assert_eq!(
        pilot.get("/settings/signatory").await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_cohort_closes_once_every_declaration_is_decided() {
    let app = TestApp::start().await;
    let s = app.store();
    let (_, pilot) = app.as_pilot().await;
    let run = running_cohort(&app, &pilot, true).await;
    let id = run.cohort.id;
    let b = logged_in(&app, &run.trainer).await;

    // The page lists each declaration awaiting a decision, with where to decide it, instead of
    // the button.
    let (_, page) = b.get_html(&format!("/cohorts/{id}")).await;
    assert!(page.contains("Avant de clore"), "{page}");
    assert!(page.contains("2 déclarations de travail à distance attendent une décision"));
    // Each « Décider » link leads to the trainee's own row of the sheet.
    let sheet = format!("/cohorts/{id}/activities/{}/attendance", run.work.id);
    let anchor = format!("{sheet}#trainee-");
    let rows: Vec<String> = page
        .match_indices(&anchor)
        .map(|(at, _)| {
            page[at + anchor.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 2, "{page}");
    assert_ne!(rows[0], rows[1]);
    let (_, sheet_page) = b.get_html(&sheet).await;
    for row in &rows {
        assert!(
            sheet_page.contains(&format!("<tr id=\"trainee-{row}\">")),
            "{sheet_page}"
        );
    }
    assert!(!page.contains("Clore la session"));
    // Closing anyway (a page left open) is refused, in French, and the cohort keeps running.
    let r = b
        .post_form(&format!("/cohorts/{id}/status"), &[("status", "closed")])
        .await;
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(
        to,
        format!("/cohorts/{id}?error=declarations-pending#h-closing")
    );
    let (_, page) = b.get_html(&to).await;
    assert!(page.contains("La session ne peut pas être close"), "{page}");
    // The API refuses it the same way, for the pilot.
    let api = app.token_for(&pilot).await;
    let (status, p) = api
        .post(
            &format!("/api/v1/cohorts/{id}/status"),
            json!({"status": "closed"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert!(
        p["title"]
            .as_str()
            .unwrap()
            .starts_with("La session ne peut pas être close"),
        "{p}"
    );
    assert_eq!(
        cohorts::get(s, id).await.unwrap().status,
        CohortStatus::Running
    );

    // One declaration validated, one sent back for more: nothing awaits the trainer.
    let decide = |user: i64, decision: &'static str| {
        let path = format!(
            "/cohorts/{id}/activities/{}/declarations/{user}",
            run.work.id
        );
        let b = &b;
        async move {
            b.post_form(
                &path,
                &[
                    ("decision", decision),
                    ("comment", "Merci, complétez la fiche."),
                ],
            )
            .await
            .status()
        }
    };
    assert_eq!(
        decide(run.trainees[0].id, "validate").await,
        StatusCode::SEE_OTHER
    );
    let (_, page) = b.get_html(&format!("/cohorts/{id}")).await;
    assert!(page.contains("Une déclaration de travail à distance attend une décision"));
    assert_eq!(
        decide(run.trainees[1].id, "more").await,
        StatusCode::SEE_OTHER
    );
    let (_, page) = b.get_html(&format!("/cohorts/{id}")).await;
    assert!(!page.contains("Avant de clore") && page.contains("Clore la session"));
    let (status, closed) = api
        .post(
            &format!("/api/v1/cohorts/{id}/status"),
            json!({"status": "closed"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{closed}");
    assert_eq!(closed["status"], "closed");
    assert!(closed["closed_at"].is_i64());
}

#[tokio::test]
async fn a_certificate_exists_once_the_cohort_has_ended_and_names_its_signatory() {
    let app = TestApp::start().await;
    let s = app.store();
    let (admin, _) = app.as_admin().await;
    let (_, pilot) = app.as_pilot().await;
    let run = running_cohort(&app, &pilot, true).await;
    let id = run.cohort.id;
    let lea = &run.trainees[0];
    let certificate = format!("/cohorts/{id}/certificates/{}/certificat.pdf", lea.id);

    // Before the end: her progress, no certificate; its address says why, in French.
    let her = logged_in(&app, lea).await;
    let (_, space) = her.get_html(&format!("/cohorts/{id}")).await;
    assert!(!space.contains("certificat.pdf"), "{space}");
    assert!(
        space.contains("sera délivré à la fin de la formation"),
        "{space}"
    );
    assert!(space.contains(&format!("/cohorts/{id}/validation")));
    let (_, progress) = her.get_html(&format!("/cohorts/{id}/validation")).await;
    assert!(!progress.contains("certificat.pdf"), "{progress}");
    let r = her.get(&certificate).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("n’existe qu’à la fin de la formation"));
    let trainer = logged_in(&app, &run.trainer).await;
    let api = app.token_for(&run.trainer).await;
    let (_, docs) = api.get(&format!("/api/v1/cohorts/{id}/documents")).await;
    assert!(
        !docs["documents"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["kind"] == "certificate"),
        "{docs}"
    );

    // Closed once its declarations are decided: it has ended. Without a signatory, no
    // certificate is issued, and the admins are told where to name one.
    decide_every_declaration(&trainer, s, &run.cohort).await;
    let r = trainer
        .post_form(&format!("/cohorts/{id}/status"), &[("status", "closed")])
        .await;
    assert_eq!(
        r.headers()["location"],
        format!("/cohorts/{id}?ok=status-changed")
    );
    let r = her.get(&certificate).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("désigné la personne qui les signe"));
    let (_, page) = admin.get_html(&format!("/cohorts/{id}/documents")).await;
    assert!(
        page.contains("Aucun signataire des certificats n’est désigné"),
        "{page}"
    );
    assert!(page.contains("Désigner le signataire"), "{page}");
    assert!(
        !page.contains("bundle.zip"),
        "no bundle without its certificates"
    );
    let (_, list) = api.get(&format!("/api/v1/cohorts/{id}/checklist")).await;
    let item = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "admin_documents")
        .unwrap()
        .clone();
    assert_eq!(item["status"], "todo");
    assert!(
        item["evidence"].to_string().contains("Aucun signataire"),
        "{item}"
    );
    assert_eq!(
        trainer
            .get(&format!("/cohorts/{id}/bundle.zip"))
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (status, p) = api
        .post(&format!("/api/v1/cohorts/{id}/transmissions"), json!({}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");

    // Named: the certificate is hers, signed, dated by the cohort's closing, with what she did.
    admin
        .post_form(
            "/settings/signatory",
            &[
                ("name", "Claire Martin"),
                ("title", "Directrice de l’EAFC"),
                ("capacity", "director"),
            ],
        )
        .await;
    let (_, space) = her.get_html(&format!("/cohorts/{id}")).await;
    assert!(space.contains(&certificate), "{space}");
    let r = her.get(&certificate).await;
    assert_eq!(r.status(), StatusCode::OK);
    let text = crate::pdf_text(&r.bytes().await.unwrap());
    let closed = cohorts::get(s, id).await.unwrap();
    let day = hybride_training::i18n::day_words(
        hybride_training::i18n::Lang::Fr,
        hybride_domain::time::civil(closed.closed_at.unwrap()).date(),
    );
    for needle in [
        "Certificat de réalisation".to_owned(),
        "Claire Martin, Directrice de l’EAFC, atteste de la réalisation".to_owned(),
        format!("Fait le {day}"),
        "Durée retenue".to_owned(),
        "Distanciel asynchrone".to_owned(),
    ] {
        let needle = needle.replace('\u{a0}', " ");
        assert!(text.contains(&needle), "{needle} in {text}");
    }
    // Her validated reading is credited: its 60 minutes, not « 0 min ».
    assert!(text.contains("1 h"), "{text}");
    let (_, docs) = api.get(&format!("/api/v1/cohorts/{id}/documents")).await;
    let issued = docs["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "certificate")
        .count();
    assert_eq!(issued, 2);
    let (_, page) = admin.get_html(&format!("/cohorts/{id}/documents")).await;
    assert!(
        page.contains("Signés par Claire Martin, Directrice de l’EAFC."),
        "{page}"
    );
}

#[tokio::test]
async fn an_ended_cohort_says_so_closes_after_a_confirmation_and_reopens_within_seven_days() {
    let app = TestApp::start().await;
    let s = app.store();
    let (_, pilot) = app.as_pilot().await;
    let run = running_cohort(&app, &pilot, false).await;
    let id = run.cohort.id;
    let b = logged_in(&app, &run.trainer).await;
    decide_every_declaration(&b, s, &run.cohort).await;

    // Its last activity is over: « terminée », on the trainer's home and the cohort's page.
    assert_eq!(
        cohorts::get(s, id).await.unwrap().stage,
        hybride_domain::cohort::Stage::Ended
    );
    let (_, home) = b.get_html("/").await;
    assert!(
        home.contains("Une session terminée attend d’être close"),
        "{home}"
    );
    assert!(home.contains(&format!("/cohorts/{id}#close")), "{home}");
    let (_, page) = b.get_html(&format!("/cohorts/{id}")).await;
    assert!(
        page.contains("<span class=\"badge status-ended\">terminée</span>"),
        "{page}"
    );
    assert!(page.contains("la session est terminée"), "{page}");
    assert!(
        page.contains(&format!("href=\"/cohorts/{id}/close\"")),
        "{page}"
    );

    // The button leads to what closing does; nothing is closed yet.
    let (status, confirm) = b.get_html(&format!("/cohorts/{id}/close")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        confirm.contains("Clore la session «\u{a0}Groupe 1\u{a0}»\u{a0}?"),
        "{confirm}"
    );
    assert!(
        confirm.contains("Les 2 stagiaires inscrits gardent"),
        "{confirm}"
    );
    assert!(confirm.contains("pendant 7 jours"), "{confirm}");
    assert_eq!(
        cohorts::get(s, id).await.unwrap().status,
        CohortStatus::Running
    );
    let r = b
        .post_form(&format!("/cohorts/{id}/status"), &[("status", "closed")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        cohorts::get(s, id).await.unwrap().status,
        CohortStatus::Closed
    );
    // A closed cohort's page no longer leads to its closing.
    assert_eq!(
        b.get(&format!("/cohorts/{id}/close")).await.status(),
        StatusCode::SEE_OTHER
    );

    // Undone by its trainer: a reason is required, and both events are kept.
    let (_, page) = b.get_html(&format!("/cohorts/{id}")).await;
    assert!(page.contains("Rouvrir la session"), "{page}");
    let name = format!("{} {}", run.trainer.first_name, run.trainer.last_name);
    assert!(page.contains(&format!("par {name}")), "{page}");
    let r = b
        .post_form(&format!("/cohorts/{id}/reopen"), &[("reason", "  ")])
        .await;
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, format!("/cohorts/{id}?error=reopen-reason#reopen"));
    let (_, page) = b.get_html(&to).await;
    assert!(
        page.contains("Motif de la réouverture\u{a0}: ce champ est obligatoire"),
        "{page}"
    );
    assert_eq!(
        cohorts::get(s, id).await.unwrap().status,
        CohortStatus::Closed
    );
    let r = b
        .post_form(
            &format!("/cohorts/{id}/reopen"),
            &[("reason", "Une présence oubliée")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    let reopened = cohorts::get(s, id).await.unwrap();
    assert_eq!(reopened.status, CohortStatus::Running);
    assert_eq!(reopened.closed_at, None);
    let (_, page) = b.get_html(&to).await;
    assert!(page.contains("La session est rouverte"), "{page}");
    assert!(page.contains("Close le "), "{page}");
    assert!(
        page.contains(&format!("par {name} — «\u{a0}Une présence oubliée\u{a0}»")),
        "{page}"
    );

    // Closed eight days ago: too late to undo, and the form is gone.
    let seq = hybride_store::after::events_seq(s, id).await.unwrap();
    let eight_days_ago = hybride_store::now() - 8 * 86_400;
    hybride_store::after::close(
        s,
        id,
        seq,
        Some(pilot.id),
        eight_days_ago,
        &hybride_store::after::Qualified::none(),
    )
    .await
    .unwrap();
    let (_, page) = b.get_html(&format!("/cohorts/{id}")).await;
    assert!(!page.contains("Rouvrir la session"), "{page}");
    let r = b
        .post_form(
            &format!("/cohorts/{id}/reopen"),
            &[("reason", "Encore une")],
        )
        .await;
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, format!("/cohorts/{id}?error=reopen-too-late#reopen"));
    assert_eq!(
        cohorts::get(s, id).await.unwrap().status,
        CohortStatus::Closed
    );
    // The API says the same, and reopens a fresh closing.
    let api = app.token_for(&run.trainer).await;
    let reopen = format!("/api/v1/cohorts/{id}/reopen");
    let (status, p) = api.post(&reopen, json!({"reason": "Encore une"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert!(
        p["title"]
            .as_str()
            .unwrap()
            .starts_with("La clôture ne peut plus être annulée"),
        "{p}"
    );
    let seq = hybride_store::after::events_seq(s, id).await.unwrap();
    hybride_store::after::reopen(
        s,
        id,
        eight_days_ago,
        pilot.id,
        "Test",
        hybride_store::now(),
    )
    .await
    .unwrap();
    hybride_store::after::close(
        s,
        id,
        seq,
        Some(pilot.id),
        hybride_store::now(),
        &hybride_store::after::Qualified::none(),
    )
    .await
    .unwrap();
    let (status, c) = api
        .post(&reopen, json!({"reason": "Une absence à justifier"}))
        .await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!(c["status"], "running");
    assert_eq!(c["stage"], "ended");
    let kinds: Vec<_> = hybride_training::closing::events(s, id)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    // In the order of their moments (the test dated one closing eight days back).
    assert_eq!(
        kinds,
        ["closed", "closed", "reopened", "reopened", "closed", "reopened"]
    );
}

#[tokio::test]
async fn removing_a_trainee_asks_first_and_says_what_it_does() {
    let app = TestApp::start().await;
    let s = app.store();
    let (_, pilot) = app.as_pilot().await;
    let run = running_cohort(&app, &pilot, true).await;
    let id = run.cohort.id;
    let b = logged_in(&app, &pilot).await;
    let lea = &run.trainees[0];
    let path = format!("/cohorts/{id}/enrollments/{}/remove", lea.id);
    let (_, page) = b.get_html(&format!("/cohorts/{id}")).await;
    assert!(page.contains(&format!("href=\"{path}\"")), "{page}");
    let (status, confirm) = b.get_html(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        confirm.contains(&format!(
            "Retirer {} {} de la session\u{a0}?",
            lea.first_name, lea.last_name
        )),
        "{confirm}"
    );
    assert!(confirm.contains("reste dans le registre"), "{confirm}");
    assert_eq!(cohorts::enrollments(s, id).await.unwrap().len(), 2);
    assert_eq!(
        b.post_form(&path, &[]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(cohorts::enrollments(s, id).await.unwrap().len(), 1);
    // Someone no longer enrolled has no such page.
    assert_eq!(b.get(&path).await.status(), StatusCode::NOT_FOUND);
}
