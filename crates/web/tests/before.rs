//! Before the training: the scenario editor and its advice, the accompaniment plan, validation
//! rules, the register of qualified trainers, the cohort's schedule and digital space, and the
//! checklist that proves each duty and gates the "ready" status.

mod common;

use common::*;
use hybride_domain::Role;
use reqwest::StatusCode;
use serde_json::json;

/// A plan and an empty training owned by a new pilot, with one assigned trainer.
async fn training(app: &TestApp) -> (Browser, Api, i64, hybride_store::people::User) {
    let plan = hybride_store::plans::create(
        app.store(),
        hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
        &hybride_domain::Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let (pilot, pilot_user) = app.as_pilot().await;
    let api = app.token_for(&pilot_user).await;
    let (status, t) = api
        .post(
            "/api/v1/trainings",
            json!({"plan_id": plan.id, "dispositif_id": "26A0100123", "module_id": "48213", "title": "Évaluer par compétences",
                "in_person_minutes": 360, "synchronous_minutes": 90, "asynchronous_minutes": 120,
                "validation_criteria": "Présence à 80 %.", "min_attendance_percent": 80}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{t}");
    let trainer = app.user("karim.benali@ac-lyon.fr", Role::Trainer).await;
    api.post(
        &format!("/api/v1/trainings/{}/trainers", t["id"]),
        json!({"user_id": trainer.id}),
    )
    .await;
    (pilot, api, t["id"].as_i64().unwrap(), trainer)
}

fn step(modality: &str, minutes: &str, title: &str) -> Vec<(&'static str, String)> {
    vec![
        ("modality", modality.into()),
        ("learning_type", "discussion".into()),
        ("title", title.into()),
        ("minutes", minutes.into()),
        (
            "instructions",
            "Lisez l’article puis répondez sur le forum.".into(),
        ),
        ("collective", "on".into()),
        ("mandatory", "on".into()),
    ]
}

async fn post(b: &Browser, path: &str, fields: Vec<(&'static str, String)>) -> reqwest::Response {
    let owned: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    b.post_form(path, &owned).await
}

#[tokio::test]
async fn a_trainer_builds_a_scenario_and_the_advice_changes_as_they_edit() {
    let app = TestApp::start().await;
    let (_, _, tid, trainer) = training(&app).await;
    let b = app.anonymous();
    assert_eq!(
        b.login(&trainer.email, PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let scenario = format!("/trainings/{tid}/scenario");

    let (status, html) = b.get_html(&scenario).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Le scénario n’a aucune étape"));

    // A step with an unreadable duration is refused field by field, nothing is added.
    let r = post(
        &b,
        &format!("/trainings/{tid}/steps"),
        step("async", "beaucoup", "Lecture"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Durée illisible"));

    let r = post(
        &b,
        &format!("/trainings/{tid}/steps"),
        step("async", "2 h", "Lecture et forum"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = b.get_html(&scenario).await;
    assert!(
        html.contains("Une seule modalité"),
        "one modality: not hybrid"
    );
    assert!(html.contains("Aucune étape n’est évaluée"));

    let mut in_person = step("in_person", "6 h", "Atelier d’ouverture");
    in_person.push(("evaluation", "Auto-positionnement".into()));
    in_person.push(("social", "on".into()));
    post(&b, &format!("/trainings/{tid}/steps"), in_person).await;
    post(
        &b,
        &format!("/trainings/{tid}/steps"),
        step("virtual_class", "", "Classe virtuelle"),
    )
    .await;
    let (_, html) = b.get_html(&scenario).await;
    assert!(!html.contains("Une seule modalité"));
    assert!(
        html.contains("L’étape 3 (Classe virtuelle) n’a pas de durée estimée"),
        "{html}"
    );
    assert!(html.contains("Distanciel synchrone\u{a0}: le scénario prévoit 0\u{a0}min pour 1\u{a0}h\u{a0}30 déclarées"));

    // Fix the virtual class: no advice remains.
    let steps: serde_json::Value = app
        .token_for(&trainer)
        .await
        .get(&format!("/api/v1/trainings/{tid}/steps"))
        .await
        .1;
    let vc = steps[2]["id"].as_i64().unwrap();
    let r = post(
        &b,
        &format!("/trainings/{tid}/steps/{vc}"),
        step("virtual_class", "1 h 30", "Classe virtuelle"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = b.get_html(&scenario).await;
    assert!(
        html.contains("Le scénario suit les bonnes pratiques"),
        "{html}"
    );

    // Reorder, duplicate, delete.
    let first = steps[0]["id"].as_i64().unwrap();
    post(
        &b,
        &format!("/trainings/{tid}/steps/{first}/action"),
        vec![("action", "down".into())],
    )
    .await;
    post(
        &b,
        &format!("/trainings/{tid}/steps/{vc}/action"),
        vec![("action", "duplicate".into())],
    )
    .await;
    let api = app.token_for(&trainer).await;
    let (_, steps) = api.get(&format!("/api/v1/trainings/{tid}/steps")).await;
    let titles: Vec<&str> = steps
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        vec![
            "Atelier d’ouverture",
            "Lecture et forum",
            "Classe virtuelle",
            "Classe virtuelle"
        ]
    );
    let positions: Vec<i64> = steps
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["position"].as_i64().unwrap())
        .collect();
    assert_eq!(positions, vec![1, 2, 3, 4]);
    let dup = steps[3]["id"].as_i64().unwrap();
    post(
        &b,
        &format!("/trainings/{tid}/steps/{dup}/action"),
        vec![("action", "delete".into())],
    )
    .await;
    let (_, advice) = api.get(&format!("/api/v1/trainings/{tid}/advice")).await;
    assert_eq!(advice, json!([]));

    // Another trainer, not on this training, may not edit it.
    let (other, _) = app.as_role(Role::Trainer).await;
    assert_eq!(other.get(&scenario).await.status(), StatusCode::NOT_FOUND);
    let (trainee, _) = app.as_role(Role::Trainee).await;
    assert_eq!(trainee.get(&scenario).await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_scenario_can_start_from_another_training() {
    let app = TestApp::start().await;
    let (pilot, api, tid, _) = training(&app).await;
    for (m, min, title) in [("in_person", 360, "Ouverture"), ("async", 120, "Forum")] {
        let (status, _) = api
            .post(&format!("/api/v1/trainings/{tid}/steps"), json!({"modality": m, "learning_type": "acquisition", "title": title, "minutes": min, "instructions": "Faites-le."}))
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (status, body) = api
        .post(
            &format!("/api/v1/trainings/{tid}/steps"),
            json!({"modality": "hybrid", "learning_type": "x", "title": "", "minutes": -1}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"].as_array().unwrap().len(), 4, "{body}");
    let plan_id = api.get(&format!("/api/v1/trainings/{tid}")).await.1["plan_id"].clone();
    let (_, other) = api
        .post("/api/v1/trainings", json!({"plan_id": plan_id, "dispositif_id": "26A0100124", "module_id": "1", "title": "Autre",
            "in_person_minutes": 360, "synchronous_minutes": 0, "asynchronous_minutes": 120, "validation_criteria": "x", "min_attendance_percent": 80}))
        .await;
    let oid = other["id"].as_i64().unwrap();
    let r = pilot
        .post_form(
            &format!("/trainings/{oid}/scenario/copy"),
            &[("from", &tid.to_string())],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, steps) = api.get(&format!("/api/v1/trainings/{oid}/steps")).await;
    assert_eq!(steps.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn the_accompaniment_plan_and_validation_rules() {
    let app = TestApp::start().await;
    let (pilot, _, tid, trainer) = training(&app).await;
    let tb = app.anonymous();
    tb.login(&trainer.email, PASSWORD).await;
    let path = format!("/trainings/{tid}/accompaniment");
    let r = tb
        .post_form(
            &path,
            &[
                ("channels", "Forum du parcours"),
                ("response_hours", "quarante-huit"),
                ("technical_contact", ""),
                ("exchange_hours", "Lundi–vendredi 8 h–18 h"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("Délai invalide") && html.contains("Ce champ est obligatoire."));
    let r = tb
        .post_form(
            &path,
            &[
                ("channels", "Forum du parcours"),
                ("response_hours", "48"),
                ("working_days_only", "on"),
                ("tutoring_slots", "Mercredi 14 h–15 h"),
                ("technical_contact", "assistance.eafc@ac-lyon.fr"),
                ("exchange_hours", "Lundi–vendredi 8 h–18 h"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let api = app.token_for(&trainer).await;
    let (_, acc) = api
        .get(&format!("/api/v1/trainings/{tid}/accompaniment"))
        .await;
    assert_eq!(
        (
            acc["response_hours"].as_i64(),
            acc["working_days_only"].as_bool()
        ),
        (Some(48), Some(true))
    );

    // Validation rules bind the académie: the pilot sets them, not the trainer.
    let rules = [
        ("min_in_person_percent", "100"),
        ("min_synchronous_percent", "80"),
        ("min_asynchronous_percent", "75"),
        ("mandatory_steps_required", "on"),
    ];
    assert_eq!(
        tb.post_form(&format!("/trainings/{tid}/validation"), &rules)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let r = pilot
        .post_form(
            &format!("/trainings/{tid}/validation"),
            &[
                ("min_in_person_percent", "120"),
                ("min_synchronous_percent", "80"),
                ("min_asynchronous_percent", "75"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        pilot
            .post_form(&format!("/trainings/{tid}/validation"), &rules)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let (_, v) = api
        .get(&format!("/api/v1/trainings/{tid}/validation-rules"))
        .await;
    assert_eq!(
        (
            v["min_asynchronous_percent"].as_i64(),
            v["mandatory_steps_required"].as_bool(),
            v["evaluation_required"].as_bool()
        ),
        (Some(75), Some(true), Some(false))
    );
}

#[tokio::test]
async fn the_register_of_trainers_trained_in_hybrid_delivery() {
    let app = TestApp::start().await;
    let (pilot, api, tid, trainer) = training(&app).await;
    let (_, cohort) = api
        .post("/api/v1/cohorts", json!({"training_id": tid, "label": "Groupe 1", "starts_on": "2027-01-11", "ends_on": "2027-02-05"}))
        .await;
    api.post(
        &format!("/api/v1/cohorts/{}/trainers", cohort["id"]),
        json!({"user_id": trainer.id}),
    )
    .await;
    let (_, html) = pilot.get_html("/qualifications").await;
    assert!(
        html.contains("sans formation à l’hybridation") && html.contains("Camille Durand"),
        "the unqualified trainer is flagged"
    );
    let r = pilot
        .post_form(
            "/qualifications",
            &[
                ("email", "karim.benali@ac-lyon.fr"),
                ("qualified_on", "2026-10-05"),
                ("content", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = pilot
        .post_form(
            "/qualifications",
            &[
                ("email", "karim.benali@ac-lyon.fr"),
                ("qualified_on", "2026-10-05"),
                (
                    "content",
                    "Atelier de 3 h : scénariser et animer une classe virtuelle.",
                ),
                ("reason", "Atelier suivi l’an dernier, attestation papier."),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = pilot.get_html("/qualifications").await;
    assert!(
        !html.contains("sans formation à l’hybridation"),
        "no longer flagged"
    );
    assert!(html.contains("lundi 5 octobre 2026"));
    let (status, list) = api.get("/api/v1/qualifications").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list[0]["trainer_id"], trainer.id);
    let (status, body) = api
        .post(
            "/api/v1/qualifications",
            json!({"email": "inconnu@ac-lyon.fr", "qualified_on": "2026-10-05", "content": "x", "reason": "y"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (trainer_browser, _) = app.as_role(Role::Trainer).await;
    assert_eq!(
        trainer_browser.get("/qualifications").await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_checklist_turns_green_from_data_and_gates_the_ready_status() {
    let app = TestApp::start().await;
    let (pilot, api, tid, trainer) = training(&app).await;
    for (m, min, title, eval) in [
        (
            "in_person",
            360,
            "Atelier d’ouverture",
            "Auto-positionnement",
        ),
        ("async", 120, "Forum", ""),
        ("virtual_class", 90, "Classe virtuelle", ""),
    ] {
        let (status, _) = api
            .post(&format!("/api/v1/trainings/{tid}/steps"), json!({"modality": m, "learning_type": "discussion", "title": title, "minutes": min, "instructions": "Faites-le.", "social": true, "collective": true, "evaluation": eval}))
            .await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (_, cohort) = api
        .post("/api/v1/cohorts", json!({"training_id": tid, "label": "Groupe 1", "starts_on": "2027-01-11", "ends_on": "2027-02-05"}))
        .await;
    let cid = cohort["id"].as_i64().unwrap();
    api.post(
        &format!("/api/v1/cohorts/{cid}/trainers"),
        json!({"user_id": trainer.id}),
    )
    .await;

    let status_of = |v: &serde_json::Value, key: &str| -> String {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["key"] == key)
            .unwrap()["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let (status, list) = api.get(&format!("/api/v1/cohorts/{cid}/checklist")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(status_of(&list, "scenario_articulated"), "done");
    for key in [
        "space_configured",
        "accompaniment_planned",
        "trainer_qualified",
    ] {
        assert_eq!(status_of(&list, key), "todo", "{key}");
    }
    assert_eq!(
        status_of(&list, "equipment_tested"),
        "not_applicable",
        "nothing synchronous scheduled yet"
    );
    assert_eq!(list["items"][0]["phase"], "before");

    // Not ready while duties are open, unless a reason is given.
    let cohort_path = format!("/cohorts/{cid}");
    let r = pilot
        .post_form(&format!("{cohort_path}/status"), &[("status", "ready")])
        .await;
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("{cohort_path}?error=ready-blocked")
    );

    // The trainer draws the schedule from the scenario, then sets places and rooms.
    let tb = app.anonymous();
    tb.login(&trainer.email, PASSWORD).await;
    assert_eq!(
        tb.post_form(&format!("{cohort_path}/schedule"), &[])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let (_, acts) = api.get(&format!("/api/v1/cohorts/{cid}/activities")).await;
    let acts = acts.as_array().unwrap().clone();
    assert_eq!(acts.len(), 3);
    let (_, list) = api.get(&format!("/api/v1/cohorts/{cid}/checklist")).await;
    assert_eq!(status_of(&list, "equipment_tested"), "todo");
    let evidence = list["items"][0]["evidence"].to_string();
    assert!(
        evidence.contains("pas de lieu") && evidence.contains("pas de salle virtuelle"),
        "{evidence}"
    );
    for a in &acts {
        let path = format!("{cohort_path}/activities/{}", a["id"]);
        let r = match a["modality"].as_str().unwrap() {
            "in_person" => {
                tb.post_form(
                    &path,
                    &[
                        ("title", "Atelier d’ouverture"),
                        ("day", "2027-01-11"),
                        ("starts", "9:00"),
                        ("ends", "12 h"),
                        ("place", "Canopé Lyon, salle Hypatie"),
                    ],
                )
                .await
            }
            "virtual_class" => {
                tb.post_form(
                    &path,
                    &[
                        ("title", "Classe virtuelle"),
                        ("day", "2027-01-16"),
                        ("starts", "10:00"),
                        ("ends", "11:30"),
                        ("room_url", "https://visio-agents.education.fr/meeting/123"),
                    ],
                )
                .await
            }
            _ => {
                tb.post_form(
                    &path,
                    &[
                        ("title", "Forum"),
                        ("day", "2027-01-12"),
                        ("last_day", "2027-01-18"),
                    ],
                )
                .await
            }
        };
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", a["modality"]);
    }
    let r = tb
        .post_form(
            &format!("{cohort_path}/edit"),
            &[
                (
                    "course_url",
                    "https://magistere.education.fr/ac-lyon/course/view.php?id=4242",
                ),
                ("label", "pirate"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, c) = api.get(&format!("/api/v1/cohorts/{cid}")).await;
    assert_eq!(
        c["label"], "Groupe 1",
        "a trainer sets the digital space only"
    );

    let (_, list) = api.get(&format!("/api/v1/cohorts/{cid}/checklist")).await;
    assert_eq!(status_of(&list, "space_configured"), "done");
    let advice = list["schedule_advice"].to_string();
    assert!(
        advice.contains("on_weekend"),
        "the virtual class falls on a Saturday: {advice}"
    );

    // Accompaniment, equipment and qualification.
    let client = reqwest::Client::new();
    let r = client
        .put(app.url(&format!("/api/v1/trainings/{tid}/accompaniment")))
        .bearer_auth(api.token.as_ref().unwrap())
        .json(&json!({"channels": "Forum", "response_hours": 48, "tutoring_slots": "Mercredi 14 h", "technical_contact": "assistance@ac-lyon.fr", "exchange_hours": "8 h–18 h"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // The trainer tested her equipment the day before the virtual class (or today, if that
    // day is still to come), so that the item reads the same whatever day the test runs.
    let day_before = jiff::civil::date(2027, 1, 15)
        .at(10, 0, 0, 0)
        .in_tz("Europe/Paris")
        .unwrap()
        .timestamp()
        .as_second();
    hybride_store::before::record_equipment_check_at(
        app.store(),
        trainer.id,
        &hybride_store::before::EquipmentInput {
            microphone: "ok".into(),
            speakers: "ok".into(),
            camera: "skipped".into(),
            screen_share: "ok".into(),
            round_trip_ms: Some(12),
            browser: "test".into(),
        },
        day_before.min(hybride_store::now()),
    )
    .await
    .unwrap();
    let (_, list) = api.get(&format!("/api/v1/cohorts/{cid}/checklist")).await;
    assert_eq!(status_of(&list, "equipment_tested"), "done");
    assert_eq!(list["open"], json!(["trainer_qualified"]));

    // The trainer's dashboard shows the preparation and the missing qualification.
    let (_, html) = tb.get_html("/").await;
    assert!(
        html.contains("Avant la formation\u{a0}: 4 engagements faits sur 5"),
        "{html}"
    );
    assert!(html.contains("ne figure pas encore au registre"));

    // The pilot overrides with a reason; it is recorded and shown.
    let r = pilot
        .post_form(
            &format!("{cohort_path}/status"),
            &[
                ("status", "ready"),
                ("reason", "Qualification prévue le 15 janvier."),
            ],
        )
        .await;
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("{cohort_path}?ok=status-changed")
    );
    let (_, html) = pilot.get_html(&cohort_path).await;
    assert!(
        html.contains("Qualification prévue le 15 janvier.") && html.contains("Décisions motivées")
    );
    let r = pilot
        .post_form(&format!("{cohort_path}/status"), &[("status", "draft")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    let r = pilot
        .post_form(
            "/qualifications",
            &[
                ("email", &trainer.email),
                ("qualified_on", "2026-10-05"),
                ("content", "Atelier hybridation"),
                ("reason", "Formé avant l’arrivée d’Hybride"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, list) = api.get(&format!("/api/v1/cohorts/{cid}/checklist")).await;
    assert_eq!(list["open"], json!([]));
    let r = pilot
        .post_form(&format!("{cohort_path}/status"), &[("status", "ready")])
        .await;
    assert_eq!(
        r.headers()["location"].to_str().unwrap(),
        format!("{cohort_path}?ok=status-changed"),
        "no reason needed now"
    );
    let (_, html) = pilot.get_html(&cohort_path).await;
    assert!(html.contains("Avant la formation\u{a0}: les engagements de la charte"));
    assert!(
        html.contains("après-midi") || html.contains("matin"),
        "half-days shown"
    );
}

#[tokio::test]
async fn school_holidays_are_kept_per_zone() {
    let app = TestApp::start().await;
    let (admin, _) = app.as_admin().await;
    let r = admin
        .post_form(
            "/holidays",
            &[
                ("label", "Noël"),
                ("first_day", "2027-01-03"),
                ("last_day", "2026-12-19"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = admin
        .post_form(
            "/holidays",
            &[
                ("label", "Vacances de Noël"),
                ("first_day", "2026-12-19"),
                ("last_day", "2027-01-03"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, html) = admin.get_html("/holidays").await;
    assert!(html.contains("Vacances de Noël") && html.contains("samedi 19 décembre 2026"));
    assert_eq!(
        admin
            .post_form("/holidays/zone", &[("zone", "B")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let (_, html) = admin.get_html("/holidays").await;
    assert!(
        !html.contains("Vacances de Noël"),
        "zone B has its own calendar"
    );
    let (pilot, _) = app.as_pilot().await;
    assert_eq!(pilot.get("/holidays").await.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_scenario_prints_as_a_chronogramme() {
    let app = TestApp::start().await;
    let (pilot, api, tid, _) = training(&app).await;
    for (m, min, title) in [
        ("in_person", 360, "Atelier d’ouverture"),
        ("async", 120, "Forum"),
        ("virtual_class", 90, "Classe virtuelle"),
    ] {
        api.post(&format!("/api/v1/trainings/{tid}/steps"), json!({"modality": m, "learning_type": "discussion", "title": title, "minutes": min, "instructions": "Faites-le."})).await;
    }
    let (_, html) = pilot.get_html(&format!("/trainings/{tid}/scenario")).await;
    assert!(html.contains(&format!("/trainings/{tid}/chronogramme.pdf")));
    let r = pilot
        .get(&format!("/trainings/{tid}/chronogramme.pdf"))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("chronogramme-26A0100123-48213.pdf"));
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let (trainee, _) = app.as_role(Role::Trainee).await;
    assert_eq!(
        trainee
            .get(&format!("/trainings/{tid}/chronogramme.pdf"))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn trainees_read_the_validation_rules_in_words() {
    let app = TestApp::start().await;
    let (_, api, tid, _) = training(&app).await;
    let client = reqwest::Client::new();
    let r = client
        .put(app.url(&format!("/api/v1/trainings/{tid}/validation-rules")))
        .bearer_auth(api.token.as_ref().unwrap())
        .json(&json!({"min_in_person_percent": 100, "min_synchronous_percent": 80, "min_asynchronous_percent": 75, "mandatory_steps_required": true, "evaluation_required": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let (_, cohort) = api.post("/api/v1/cohorts", json!({"training_id": tid, "label": "G1", "starts_on": "2027-01-11", "ends_on": "2027-01-29"})).await;
    let trainee = app.user("lea.fontaine@ac-lyon.fr", Role::Trainee).await;
    api.post(
        &format!("/api/v1/cohorts/{}/enrollments", cohort["id"]),
        json!({"user_ids": [trainee.id]}),
    )
    .await;
    let b = app.anonymous();
    b.login(&trainee.email, PASSWORD).await;
    let (status, html) = b.get_html(&format!("/cohorts/{}", cohort["id"])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Présence à 80\u{a0}%.") || html.contains("Présence à 80 %."),
        "the criteria as written"
    );
    assert!(html.contains("présentiel 100\u{a0}%, distanciel synchrone 80\u{a0}%, distanciel asynchrone 75\u{a0}%"), "{html}");
    assert!(html.contains("Toutes les activités obligatoires doivent être faites"));
    assert!(!html.contains("L’évaluation doit être réussie"));
    assert!(
        !html.contains("Avant la formation"),
        "the checklist is for the staff"
    );
}

/// A person named by id and address: a malformed address is refused even beside a good id, and
/// both must name the same person; nothing is assigned in either case.
#[tokio::test]
async fn a_trainer_named_twice_must_be_named_consistently() {
    let app = TestApp::start().await;
    let (_, api, tid, trainer) = training(&app).await;
    let other = app.user("ines.roux@ac-lyon.fr", Role::Trainer).await;
    let path = format!("/api/v1/trainings/{tid}/trainers");

    let (status, body) = api
        .post(&path, json!({"user_id": other.id, "email": "000000"}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "email", "{body}");

    let (status, body) = api
        .post(&path, json!({"user_id": other.id, "email": trainer.email}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["code"], "error-person-mismatch", "{body}");

    let (_, list) = api.get(&path).await;
    let ids: Vec<i64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![trainer.id]);

    let (status, body) = api
        .post(
            &path,
            json!({"user_id": other.id, "email": other.email.to_uppercase()}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
