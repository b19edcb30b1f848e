//! The satisfaction surveys, tried as their users would: the jobs loop sends « à chaud » when a
//! cohort's last activity has ended (once, and not to cohorts that ended long ago), each trainee
//! gets a mail with where to answer; bad answers are refused field by field and change nothing;
//! an answer is taken once, kept without a name, and refused once the survey has closed; the
//! staff read counts, spreads, means and comments per cohort and per training, the review and
//! the pilot's dashboard carry them; « à froid » follows the académie's delay; the académie's
//! questions are refused field by field outside their rules.

mod common;

use common::*;
use hybride_domain::{CohortStatus, Modality, Role, Title};
use hybride_store::cohorts::{self, NewActivity};
use reqwest::StatusCode;
use serde_json::json;

/// A cohort of the training with three trainees, whose only activity ends `ended_ago` minutes
/// before now (negative: in the future), under way.
async fn cohort(
    app: &TestApp,
    pilot: &Api,
    tid: i64,
    trainer: i64,
    trainees: &[i64],
    label: &str,
    ended_ago: i64,
) -> i64 {
    let (st, c) = pilot
        .post(
            "/api/v1/cohorts",
            json!({"training_id": tid, "label": label, "starts_on": "2026-09-01", "ends_on": "2027-06-30"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{c}");
    let cid = c["id"].as_i64().unwrap();
    pilot
        .post(
            &format!("/api/v1/cohorts/{cid}/trainers"),
            json!({"user_id": trainer}),
        )
        .await;
    pilot
        .post(
            &format!("/api/v1/cohorts/{cid}/enrollments"),
            json!({"user_ids": trainees}),
        )
        .await;
    let now = jiff::Timestamp::now();
    let end = now
        .checked_sub(jiff::SignedDuration::from_mins(ended_ago))
        .unwrap();
    cohorts::add_activity(
        app.store(),
        cid,
        &NewActivity {
            step_id: None,
            title: Title::parse("Atelier").unwrap(),
            modality: Modality::InPerson,
            starts_at: end
                .checked_sub(jiff::SignedDuration::from_hours(3))
                .unwrap(),
            ends_at: end,
            place: Some("Salle 1".into()),
            room_url: None,
        },
    )
    .await
    .unwrap();
    for s in [CohortStatus::Ready, CohortStatus::Running] {
        cohorts::set_status(app.store(), cid, s).await.unwrap();
    }
    cid
}

async fn surveys_sent(app: &TestApp) -> Vec<(i64, String)> {
    let mut out = Vec::new();
    for c in cohorts::list(app.store(), Default::default())
        .await
        .unwrap()
    {
        for s in hybride_store::surveys::of_cohort(app.store(), c.id)
            .await
            .unwrap()
        {
            out.push((c.id, s.kind.as_str().to_owned()));
        }
    }
    out.sort();
    out
}

#[tokio::test]
async fn trainees_answer_once_without_their_name_and_the_pilot_reads_the_results() {
    let app = TestApp::start().await;
    let s = app.store();
    let (pilot_b, pilot) = app.as_pilot().await;
    let pilot_api = app.token_for(&pilot).await;
    let (trainer_b, trainer) = app.as_role(Role::Trainer).await;
    let mut trainees = Vec::new();
    for n in 0..3 {
        trainees.push(
            app.user(&format!("stagiaire{n}@ac-lyon.fr"), Role::Trainee)
                .await,
        );
    }
    let outsider = app.user("ailleurs@ac-lyon.fr", Role::Trainee).await;
    let ids: Vec<i64> = trainees.iter().map(|u| u.id).collect();
    let plan = hybride_store::plans::create(
        s,
        hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
        &Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let (st, training) = pilot_api
        .post(
            "/api/v1/trainings",
            json!({"plan_id": plan.id, "dispositif_id": "26A0100771", "module_id": "51231",
                "title": "Évaluer par compétences", "objectives": "Objectifs.",
                "in_person_minutes": 180, "synchronous_minutes": 0, "asynchronous_minutes": 0,
                "validation_criteria": "Présence.", "min_attendance_percent": 80}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{training}");
    let tid = training["id"].as_i64().unwrap();
    pilot_api
        .post(
            &format!("/api/v1/trainings/{tid}/trainers"),
            json!({"user_id": trainer.id}),
        )
        .await;
    // Ended two hours ago; ended a hundred days ago; ends tomorrow.
    let ended = cohort(&app, &pilot_api, tid, trainer.id, &ids, "Groupe A", 120).await;
    let long_ago = cohort(
        &app,
        &pilot_api,
        tid,
        trainer.id,
        &ids,
        "Groupe B",
        100 * 24 * 60,
    )
    .await;
    let running = cohort(
        &app,
        &pilot_api,
        tid,
        trainer.id,
        &ids,
        "Groupe C",
        -24 * 60,
    )
    .await;

    // The jobs loop sends « à chaud » to the cohort that just ended, once.
    hybride_training::jobs::run_once(&app.state).await.unwrap();
    hybride_training::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(surveys_sent(&app).await, [(ended, "hot".to_owned())]);
    let mail = app.last_mail_to("stagiaire1@ac-lyon.fr").await;
    assert!(
        mail.subject.contains("Évaluer par compétences"),
        "{}",
        mail.subject
    );
    let link = link_in(&mail.body, &format!("{}/cohorts/", app.url("")));
    assert!(
        link.ends_with(&format!("/cohorts/{ended}/surveys/hot")),
        "{link}"
    );
    assert!(mail.body.contains("sans votre nom"), "{}", mail.body);
    let invited = hybride_store::outbox::recent(s, 100)
        .await
        .unwrap()
        .iter()
        .filter(|m| m.subject == mail.subject)
        .count();
    assert_eq!(invited, 3, "one mail per trainee, one survey only");

    // A trainee answers from the link: bad answers are named field by field, nothing kept.
    let path = format!("/cohorts/{ended}/surveys/hot");
    let b = app.anonymous();
    b.login("stagiaire0@ac-lyon.fr", PASSWORD).await;
    let (st, html) = b.get_html(&path).await;
    assert_eq!(st, StatusCode::OK);
    assert!(html.contains("Les objectifs annoncés"), "the questions");
    let r = b
        .post_form(&path, &[("q0", "7"), ("q2", "4"), ("q3", "5")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Choisissez une réponse de 1 à 5\u{a0}: «\u{a0}7\u{a0}»"),
        "q0 named"
    );
    assert!(html.contains("id=\"f-q1-error\""), "q1 named");
    assert!(!html.contains("id=\"f-q2-error\""), "q2 was fine");
    assert!(
        html.contains("value=\"4\" checked"),
        "the answers given are kept"
    );
    let survey = &hybride_store::surveys::of_cohort(s, ended).await.unwrap()[0];
    assert_eq!(survey.answered, 0);
    let r = b
        .post_form(
            &path,
            &[
                ("q0", "5"),
                ("q1", "4"),
                ("q2", "4"),
                ("q3", "5"),
                ("q4", "Très bien, <b>concret</b>."),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = b.get_html(&path).await;
    assert!(html.contains("Merci"), "she is thanked");
    assert!(!html.contains("name=\"q0\""), "and the form is gone");
    // Twice: the page says it is done, nothing more kept.
    let r = b
        .post_form(&path, &[("q0", "1"), ("q1", "1"), ("q2", "1"), ("q3", "1")])
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let trainee0 = app.token_for(&trainees[0]).await;
    let (st, _) = trainee0
        .post(
            &format!("/api/v1/cohorts/{ended}/surveys/hot/responses"),
            json!({"answers": ["1", "1", "1", "1", ""]}),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT);

    // Another answers through the API; a third has it still to answer.
    let trainee1 = app.token_for(&trainees[1]).await;
    let (st, body) = trainee1
        .post(
            &format!("/api/v1/cohorts/{ended}/surveys/hot/responses"),
            json!({"answers": ["3", "0", "2", "4", ""]}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "q1", "{body}");
    let (st, _) = trainee1
        .post(
            &format!("/api/v1/cohorts/{ended}/surveys/hot/responses"),
            json!({"answers": ["3", "3", "2", "4", ""]}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED);
    let trainee2 = app.token_for(&trainees[2]).await;
    let (_, mine) = trainee2.get("/api/v1/me/surveys").await;
    assert_eq!(mine.as_array().unwrap().len(), 1, "{mine}");
    assert_eq!(mine[0]["questions"].as_array().unwrap().len(), 5);
    assert_eq!(mine[0]["kind"], "hot");
    let (_, none) = trainee1.get("/api/v1/me/surveys").await;
    assert_eq!(none, json!([]));
    let (_, home) = app.anonymous().get_html("/").await;
    assert!(!home.contains("Évaluations à remplir"));
    let b2 = app.anonymous();
    b2.login("stagiaire2@ac-lyon.fr", PASSWORD).await;
    let (_, home) = b2.get_html("/").await;
    assert!(home.contains(&path), "her home page links the survey");
    // Someone not enrolled sees nothing of it.
    let out = app.anonymous();
    out.login(outsider.email.as_str(), PASSWORD).await;
    assert_eq!(out.get(&path).await.status(), StatusCode::NOT_FOUND);

    // The answers carry no name: no column of theirs names a person.
    let columns = hybride_store::personal::columns(s, "survey_responses")
        .await
        .unwrap();
    assert_eq!(columns, ["id", "survey_id", "answers"]);

    // The staff read the results.
    let trainer_api = app.token_for(&trainer).await;
    let (st, results) = trainer_api
        .get(&format!("/api/v1/cohorts/{ended}/surveys"))
        .await;
    assert_eq!(st, StatusCode::OK);
    let r = &results[0];
    assert_eq!(r["survey"]["invited"], 3);
    assert_eq!(r["survey"]["answered"], 2);
    assert_eq!(r["response_percent"], 67);
    // (5 + 4 + 4 + 5 + 3 + 3 + 2 + 4) / 8
    assert_eq!(r["mean_hundredths"], 375);
    assert_eq!(r["questions"][0]["distribution"], json!([0, 0, 1, 0, 1]));
    assert_eq!(r["questions"][0]["mean_hundredths"], 400);
    assert_eq!(
        r["questions"][4]["comments"],
        json!(["Très bien, <b>concret</b>."])
    );
    let text = results.to_string();
    for t in &trainees {
        assert!(!text.contains(t.email.as_str()));
    }
    assert!(!text.contains("user_id"));
    let (st, html) = trainer_b
        .get_html(&format!("/cohorts/{ended}/surveys"))
        .await;
    assert_eq!(st, StatusCode::OK);
    assert!(html.contains("3,75"), "the mean, written the French way");
    assert!(
        html.contains("Très bien, &lt;b&gt;concret&lt;"),
        "comments shown"
    );
    assert!(!html.contains("<b>concret"), "and escaped");
    assert!(html.contains("Envoyée automatiquement"));
    // The cohort's trainees cannot read the results.
    assert_eq!(
        b.get(&format!("/cohorts/{ended}/surveys")).await.status(),
        StatusCode::FORBIDDEN
    );

    // The review's figures and the pilot's dashboard carry them.
    let figures = hybride_training::after::figures(
        s,
        &cohorts::get(s, ended).await.unwrap(),
        &hybride_store::trainings::get(s, tid).await.unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(figures.surveys.len(), 1);
    assert_eq!(figures.surveys[0].mean_hundredths, Some(375));
    let (_, html) = trainer_b
        .get_html(&format!("/cohorts/{ended}/review"))
        .await;
    assert!(
        html.contains("2 réponses sur 3"),
        "the review shows the survey"
    );
    let (_, html) = pilot_b.get_html("/pilotage").await;
    assert!(html.contains("3,75 &#x2f; 5"), "dashboard: {html}");
    let csv = pilot_b.get("/pilotage.csv").await.text().await.unwrap();
    assert!(csv.contains("Satisfaction à chaud (sur 5)"), "{csv}");
    assert!(csv.contains("3,75;67"), "{csv}");

    // By hand: not before the end; the one that ended long ago may be sent now, once.
    let r = pilot_b
        .post_form(&format!("/cohorts/{running}/surveys/hot/send"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (st, _) = pilot_api
        .post(
            &format!("/api/v1/cohorts/{long_ago}/surveys/cold"),
            json!({}),
        )
        .await;
    assert_eq!(
        st,
        StatusCode::UNPROCESSABLE_ENTITY,
        "« à froid » after « à chaud »"
    );
    let r = trainer_b
        .post_form(&format!("/cohorts/{long_ago}/surveys/hot/send"), &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (st, _) = pilot_api
        .post(
            &format!("/api/v1/cohorts/{long_ago}/surveys/hot"),
            json!({}),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT);
    let page = trainer_b
        .get_html(&format!("/cohorts/{long_ago}/surveys"))
        .await
        .1;
    assert!(page.contains("Envoyée le"), "who sent it is said");

    // « À froid » follows the académie's delay: 95 days puts the cohort of 100 days ago in.
    let admin = app
        .token_for(&app.user("admin@ac-lyon.fr", Role::Admin).await)
        .await;
    let (_, mut settings) = admin.get("/api/v1/settings/surveys").await;
    settings["cold_after_days"] = json!(95);
    let (st, _) = admin.put("/api/v1/settings/surveys", settings).await;
    assert_eq!(st, StatusCode::OK);
    hybride_training::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(
        surveys_sent(&app).await,
        [
            (ended, "hot".to_owned()),
            (long_ago, "cold".to_owned()),
            (long_ago, "hot".to_owned()),
        ]
    );

    // The training's page sums its cohorts.
    let (st, html) = pilot_b.get_html(&format!("/trainings/{tid}/surveys")).await;
    assert_eq!(st, StatusCode::OK);
    assert!(html.contains("Groupe A") && html.contains("Groupe B"));
    assert!(
        !html.contains("Groupe C"),
        "a cohort without survey has no line"
    );

    // Two days before the close, the one who has not answered is reminded, once.
    hybride_store::testing::tamper(
        s,
        &format!(
            "UPDATE surveys SET closes_at = {} WHERE cohort_id = {ended}",
            hybride_store::now() + 2 * 86_400
        ),
    )
    .await
    .unwrap();
    let reminders = |app: &TestApp| {
        let s = app.store().clone();
        async move {
            hybride_store::outbox::recent(&s, 500)
                .await
                .unwrap()
                .into_iter()
                .filter(|m| m.subject.starts_with("Rappel"))
                .map(|m| m.recipient)
                .collect::<Vec<_>>()
        }
    };
    hybride_training::jobs::run_once(&app.state).await.unwrap();
    hybride_training::jobs::run_once(&app.state).await.unwrap();
    assert_eq!(reminders(&app).await, ["stagiaire2@ac-lyon.fr"]);
    let reminder = app.last_mail_to("stagiaire2@ac-lyon.fr").await;
    assert!(reminder.body.contains(&path), "{}", reminder.body);
    assert_eq!(
        hybride_store::surveys::of_cohort(s, ended).await.unwrap()[0].reminded,
        1
    );
    let (_, html) = trainer_b
        .get_html(&format!("/cohorts/{ended}/surveys"))
        .await;
    assert!(html.contains("relancé"), "the staff see who was reminded");

    // Once closed, an answer is refused and nothing is kept.
    hybride_store::testing::tamper(
        s,
        &format!(
            "UPDATE surveys SET closes_at = {} WHERE cohort_id = {ended}",
            hybride_store::now() - 1
        ),
    )
    .await
    .unwrap();
    let (st, _) = trainee2
        .post(
            &format!("/api/v1/cohorts/{ended}/surveys/hot/responses"),
            json!({"answers": ["5", "5", "5", "5", ""]}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    let (_, html) = b2.get_html(&path).await;
    assert!(html.contains("close depuis"), "she is told it closed");
    assert_eq!(
        hybride_store::surveys::of_cohort(s, ended).await.unwrap()[0].answered,
        2
    );
    let (_, none) = trainee2.get("/api/v1/me/surveys").await;
    assert!(
        none.as_array()
            .unwrap()
            .iter()
            .all(|p| p["cohort_id"] != ended),
        "a closed survey is no longer to answer"
    );
}

#[tokio::test]
async fn the_academie_writes_its_questions_within_the_rules() {
    let app = TestApp::start().await;
    let (admin, admin_user) = app.as_admin().await;
    let api = app.token_for(&admin_user).await;
    let (st, html) = admin.get_html("/settings/surveys").await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        html.contains("Les objectifs annoncés"),
        "the default questions"
    );
    let before = hybride_store::surveys::settings(app.store()).await.unwrap();

    let long = "x".repeat(301);
    let r = admin
        .post_form(
            "/settings/surveys",
            &[
                ("open_days", "0"),
                ("remind_days", "-2"),
                ("cold_after_days", "mille"),
                ("hot_text_0", "Un mot ?"),
                ("hot_kind_0", "text"),
                ("cold_text_0", &long),
                ("cold_kind_0", "scale"),
                ("cold_text_1", "Utile ?"),
                ("cold_kind_1", "choice"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    for field in [
        "open_days",
        "remind_days",
        "cold_after_days",
        "hot_text_0",
        "cold_text_0",
        "cold_kind_1",
    ] {
        assert!(
            html.contains(&format!("id=\"f-{field}-error\"")),
            "{field} named"
        );
    }
    assert!(html.contains("au moins une question notée"));
    assert!(
        html.contains("value=\"Un mot ?\""),
        "what was typed is kept"
    );
    assert_eq!(
        hybride_store::surveys::settings(app.store()).await.unwrap(),
        before,
        "nothing changed"
    );

    let r = admin
        .post_form(
            "/settings/surveys",
            &[
                ("open_days", "14"),
                ("remind_days", "4"),
                ("cold_after_days", "60"),
                ("hot_text_0", "La formation m’a été utile."),
                ("hot_kind_0", "scale"),
                ("hot_text_3", "Un mot :"),
                ("hot_kind_3", "text"),
                ("cold_text_2", "J’ai changé ma pratique."),
                ("cold_kind_2", "scale"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let saved = hybride_store::surveys::settings(app.store()).await.unwrap();
    assert_eq!(saved.hot.len(), 2);
    assert_eq!(saved.cold.len(), 1);
    assert_eq!(
        (saved.open_days, saved.remind_days, saved.cold_after_days),
        (14, 4, 60)
    );

    // The API refuses the same things, as problems naming the fields.
    let (st, body) = api
        .put(
            "/api/v1/settings/surveys",
            json!({"hot": [{"text": "", "kind": "scale"}], "cold": [{"text": "Utile ?", "kind": "scale"}],
                "cold_after_days": 42, "open_days": 500}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "hot_text_0", "{body}");
    let (st, _) = api
        .put("/api/v1/settings/surveys", json!({"hot": "nope"}))
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(
        hybride_store::surveys::settings(app.store()).await.unwrap(),
        saved
    );
}
