//! The pilot trains the trainers in hybrid delivery: a trainer asks from her space, her pilot is
//! told and enrols her in a session of the trainers' training, her attendance there validates
//! her, and closing the session records her in the register by itself — which turns her
//! cohort's `trainer_qualified` done. Reopening the session takes the record back; a validity
//! set by the académie makes an old record one to renew; a record by hand keeps its reason.

mod common;

use common::*;
use hybride_domain::{Modality, Role, Title};
use hybride_store::cohorts::{self, NewActivity};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn item<'a>(checklist: &'a Value, key: &str) -> &'a Value {
    checklist["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == key)
        .unwrap_or_else(|| panic!("no item {key} in {checklist}"))
}

/// Yesterday, in Paris: the day the trainers' session took place, whatever the hour now.
fn yesterday() -> jiff::civil::Date {
    jiff::Zoned::now()
        .in_tz("Europe/Paris")
        .unwrap()
        .date()
        .yesterday()
        .unwrap()
}

/// A training of the pilot's plan, with one in-person step of three hours.
async fn training(api: &Api, plan_id: i64, title: &str, gaia: &str) -> i64 {
    let (status, t) = api
        .post(
            "/api/v1/trainings",
            json!({"plan_id": plan_id, "dispositif_id": gaia, "module_id": "48213", "title": title,
                "in_person_minutes": 180, "synchronous_minutes": 0, "asynchronous_minutes": 0,
                "validation_criteria": "Présence à 80 %.", "min_attendance_percent": 80}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{t}");
    let id = t["id"].as_i64().unwrap();
    let (status, step) = api
        .post(
            &format!("/api/v1/trainings/{id}/steps"),
            json!({"modality": "in_person", "learning_type": "practice", "title": "Atelier",
                "minutes": 180, "collective": true}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{step}");
    id
}

#[tokio::test]
async fn a_trainer_asks_is_trained_by_her_pilot_and_the_register_records_it_by_itself() {
    let app = TestApp::start().await;
    let s = app.store();
    let plan = hybride_store::plans::create(
        s,
        hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
        &Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let (pilot, pilot_user) = app.as_pilot().await;
    let api = app.token_for(&pilot_user).await;
    let delivered = training(&api, plan.id, "Évaluer par compétences", "26A0100123").await;
    let trainers_training = training(&api, plan.id, "Former en hybride", "26A0100999").await;

    // Léa delivers a cohort of the first training; she is not trained in hybrid delivery.
    let lea = app.user("lea.martin@ac-lyon.fr", Role::Trainer).await;
    let (_, cohort) = api
        .post("/api/v1/cohorts", json!({"training_id": delivered, "label": "Groupe 1", "starts_on": "2027-03-01", "ends_on": "2027-03-26"}))
        .await;
    let cid = cohort["id"].as_i64().unwrap();
    api.post(
        &format!("/api/v1/cohorts/{cid}/trainers"),
        json!({"user_id": lea.id}),
    )
    .await;
    let (_, list) = api.get(&format!("/api/v1/cohorts/{cid}/checklist")).await;
    let qualified = item(&list, "trainer_qualified");
    assert_eq!(qualified["status"], "todo", "{list}");
    assert_eq!(qualified["fix_url"], "/qualifications/requests");
    assert!(
        qualified["evidence"][1]
            .as_str()
            .unwrap()
            .contains("Aucune session de la formation des formateurs"),
        "{qualified}"
    );

    // The pilot marks the second training as the trainers' one, from its page.
    let r = pilot
        .post_form(
            &format!("/trainings/{trainers_training}/trains-trainers"),
            &[("trains_trainers", "on")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = pilot
        .get_html(&format!("/trainings/{trainers_training}"))
        .await;
    assert!(page.contains("Formation des formateurs à l’hybridation"));
    // Its session happened yesterday morning; a trainee's account cannot follow it as a trainer
    // would, but a trainer's can be enrolled in it (and only in it).
    let day = yesterday();
    let (status, session) = api
        .post("/api/v1/cohorts", json!({"training_id": trainers_training, "label": "Session formateurs", "starts_on": day.to_string(), "ends_on": day.to_string()}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{session}");
    let sid = session["id"].as_i64().unwrap();
    let (status, body) = api
        .post(
            &format!("/api/v1/cohorts/{cid}/enrollments"),
            json!({"user_ids": [lea.id]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let tz = jiff::tz::TimeZone::get("Europe/Paris").unwrap();
    let at = |h: i8| day.at(h, 0, 0, 0).to_zoned(tz.clone()).unwrap().timestamp();
    let workshop = cohorts::add_activity(
        s,
        sid,
        &NewActivity {
            step_id: None,
            title: Title::parse("Atelier").unwrap(),
            modality: Modality::InPerson,
            starts_at: at(9),
            ends_at: at(12),
            place: Some("EAFC, salle 3".into()),
            room_url: None,
        },
    )
    .await
    .unwrap();
    // Yesterday's session is over; the checklist names the next one, which has not started.
    let spring = day.checked_add(jiff::Span::new().days(40)).unwrap();
    let (status, next) = api
        .post("/api/v1/cohorts", json!({"training_id": trainers_training, "label": "Session de printemps", "starts_on": spring.to_string(), "ends_on": spring.to_string()}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{next}");
    let (_, list) = api.get(&format!("/api/v1/cohorts/{cid}/checklist")).await;
    let evidence = item(&list, "trainer_qualified")["evidence"].to_string();
    assert!(
        evidence.contains("Prochaine session de la formation des formateurs")
            && evidence.contains("Former en hybride — Session de printemps"),
        "the next session is named: {evidence}"
    );

    // Léa asks from her space: every field refused is named, in French.
    let lea_browser = app.anonymous();
    assert_eq!(
        lea_browser
            .login("lea.martin@ac-lyon.fr", PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let (_, page) = lea_browser.get_html("/qualifications/requests").await;
    assert!(page.contains("ne figure pas encore au registre"), "{page}");
    let r = lea_browser
        .post_form(
            "/qualifications/requests",
            &[("reason", " "), ("availability", "")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("href=\"#f-reason\"") && page.contains("href=\"#f-availability\""),
        "{page}"
    );
    let r = lea_browser
        .post_form(
            "/qualifications/requests",
            &[
                ("reason", "Première session hybride en mars."),
                ("availability", "Les mercredis après-midi."),
            ],
        )
        .await;
    assert_eq!(
        r.headers()["location"],
        "/qualifications/requests?ok=qualification-asked"
    );
    // One open request at a time.
    let lea_api = app.token_for(&lea).await;
    let (status, body) = lea_api
        .post(
            "/api/v1/qualifications/requests",
            json!({"reason": "Encore", "availability": "Toujours"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["type"], "/problems/refused-request-open", "{body}");
    let mail = app.last_mail_to(&pilot_user.email).await;
    assert!(
        mail.subject.contains("demande à être formé"),
        "{}",
        mail.subject
    );
    assert!(mail.body.contains("Les mercredis après-midi."));
    assert!(mail.body.contains("/qualifications/requests"));

    // The pilot sees it, with her cohorts to come, and enrols her in yesterday's session.
    let (_, page) = pilot.get_html("/qualifications/requests").await;
    assert!(
        page.contains("Première session hybride en mars.")
            && page.contains("Groupe 1")
            && page.contains("Session formateurs"),
        "{page}"
    );
    let (_, requests) = api.get("/api/v1/qualifications/requests").await;
    let rid = requests[0]["id"].as_i64().unwrap();
    assert_eq!(requests[0]["status"], "waiting");
    // Another pilot, whose trainings Léa does not deliver, neither sees nor answers it.
    let (_, other_pilot) = app.as_pilot().await;
    let other = app.token_for(&other_pilot).await;
    let (status, seen) = other.get("/api/v1/qualifications/requests").await;
    assert_eq!((status, seen), (StatusCode::OK, json!([])));
    let (status, _) = other
        .post(
            &format!("/api/v1/qualifications/requests/{rid}/decline"),
            json!({"answer": "Non"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let r = pilot
        .post_form(
            &format!("/qualifications/requests/{rid}/enrol"),
            &[("cohort_id", &cid.to_string()), ("answer", "")],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "not a trainers' session"
    );
    let r = pilot
        .post_form(
            &format!("/qualifications/requests/{rid}/enrol"),
            &[
                ("cohort_id", &sid.to_string()),
                ("answer", "Bienvenue parmi nous."),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let mail = app.last_mail_to("lea.martin@ac-lyon.fr").await;
    assert!(
        mail.body.contains("Former en hybride")
            && mail.body.contains(&hybride_training::i18n::day_words(
                hybride_training::i18n::Lang::Fr,
                day
            )),
        "{}",
        mail.body
    );
    let (_, mine) = lea_api.get("/api/v1/qualifications/requests").await;
    assert_eq!(mine[0]["status"], "enrolled");
    assert_eq!(mine[0]["cohort_id"], sid);
    // Answering again from a stale page is refused.
    let (status, body) = api
        .post(
            &format!("/api/v1/qualifications/requests/{rid}/decline"),
            json!({"answer": "Non"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    // She attends; the pilot closes the session, which records her qualification by itself.
    cohorts::set_status(s, sid, hybride_domain::CohortStatus::Ready)
        .await
        .unwrap();
    cohorts::set_status(s, sid, hybride_domain::CohortStatus::Running)
        .await
        .unwrap();
    let (status, body) = api
        .post(
            &format!("/api/v1/activities/{}/attendance", workshop.id),
            json!({"slot": format!("{day}-morning"), "user_id": lea.id, "action": "present",
                "reason": "Feuille papier du matin reportée."}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let r = pilot
        .post_form(&format!("/cohorts/{sid}/status"), &[("status", "closed")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, register) = api.get("/api/v1/qualifications").await;
    assert_eq!(register.as_array().unwrap().len(), 1, "{register}");
    assert_eq!(register[0]["trainer_id"], lea.id);
    assert_eq!(register[0]["cohort_id"], sid);
    assert_eq!(register[0]["qualified_on"], day.to_string());
    assert_eq!(register[0]["trained_by"], pilot_user.id);
    assert_eq!(register[0]["recorded_by"], Value::Null);
    let (_, mine) = lea_api.get("/api/v1/qualifications/requests").await;
    assert_eq!(mine[0]["status"], "qualified");
    let (_, list) = api.get(&format!("/api/v1/cohorts/{cid}/checklist")).await;
    assert_eq!(item(&list, "trainer_qualified")["status"], "done", "{list}");
    let (_, page) = pilot.get_html("/qualifications").await;
    assert!(
        page.contains(&format!("href=\"&#x2f;cohorts&#x2f;{sid}\""))
            || page.contains(&format!("href=\"/cohorts/{sid}\"")),
        "the register links the session as evidence"
    );

    // Reopened, the session is not over: the record goes; closed again, it comes back.
    let (status, body) = api
        .post(
            &format!("/api/v1/cohorts/{sid}/reopen"),
            json!({"reason": "Une présence oubliée"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, register) = api.get("/api/v1/qualifications").await;
    assert_eq!(register, json!([]));
    let (_, list) = api.get(&format!("/api/v1/cohorts/{cid}/checklist")).await;
    assert_eq!(item(&list, "trainer_qualified")["status"], "todo");
    let r = pilot
        .post_form(&format!("/cohorts/{sid}/status"), &[("status", "closed")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, register) = api.get("/api/v1/qualifications").await;
    assert_eq!(register.as_array().unwrap().len(), 1);

    // The académie sets a validity of one school year: Léa's lasts to the end of this one.
    let (admin, admin_user) = app.as_admin().await;
    let admin_api = app.token_for(&admin_user).await;
    let (status, body) = admin_api
        .put(
            "/api/v1/settings/qualification-validity",
            json!({"validity_years": 11}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = admin_api
        .put(
            "/api/v1/settings/qualification-validity",
            json!({"validity_years": 1}),
        )
        .await;
    assert_eq!(
        (status, &body["validity_years"]),
        (StatusCode::OK, &json!(1))
    );
    let until = hybride_domain::qualification::valid_until(day, 1);
    let (_, register) = api.get("/api/v1/qualifications").await;
    assert_eq!(register[0]["valid_until"], until.to_string());
    assert_eq!(register[0]["expired"], false);

    // A trainer trained years ago, recorded by hand with why, is now to renew.
    let noe = app.user("noe.petit@ac-lyon.fr", Role::Trainer).await;
    api.post(
        &format!("/api/v1/cohorts/{cid}/trainers"),
        json!({"user_id": noe.id}),
    )
    .await;
    let r = pilot
        .post_form(
            "/qualifications",
            &[
                ("email", "noe.petit@ac-lyon.fr"),
                ("qualified_on", "2022-10-03"),
                ("content", "Atelier de 6 h"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the reason is required"
    );
    let r = admin
        .post_form(
            "/qualifications",
            &[
                ("email", "noe.petit@ac-lyon.fr"),
                ("qualified_on", "2022-10-03"),
                ("content", "Atelier de 6 h"),
                ("reason", "Formé avant Hybride ; attestation papier."),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, register) = api.get("/api/v1/qualifications").await;
    let noe_record = register
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["trainer_id"] == noe.id)
        .unwrap();
    assert_eq!(noe_record["expired"], true);
    assert_eq!(noe_record["recorded_by"], admin_user.id);
    assert_eq!(
        noe_record["reason"],
        "Formé avant Hybride ; attestation papier."
    );
    let (_, list) = api.get(&format!("/api/v1/cohorts/{cid}/checklist")).await;
    let qualified = item(&list, "trainer_qualified");
    assert_eq!(qualified["status"], "todo");
    assert!(
        qualified["evidence"]
            .to_string()
            .contains("à renouveler depuis le jeudi 31 août 2023"),
        "{qualified}"
    );
    let (_, page) = pilot.get_html("/qualifications").await;
    assert!(page.contains("à renouveler"));
    let (_, audit) = admin_api.get("/api/v1/audit").await;
    let actions: Vec<&str> = audit["entries"]
        .as_array()
        .or(audit.as_array())
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"qualification_recorded")
            && actions.contains(&"qualification_validity_set"),
        "{actions:?}"
    );

    // Noé asks; the pilot answers with a word instead (required), and Noé is told.
    let noe_api = app.token_for(&noe).await;
    let (status, asked) = noe_api
        .post(
            "/api/v1/qualifications/requests",
            json!({"reason": "À renouveler", "availability": "Le jeudi"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{asked}");
    let nid = asked["id"].as_i64().unwrap();
    let (status, _) = api
        .post(
            &format!("/api/v1/qualifications/requests/{nid}/decline"),
            json!({"answer": " "}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = api
        .post(
            &format!("/api/v1/qualifications/requests/{nid}/decline"),
            json!({"answer": "La prochaine session ouvre en mai : je vous y inscrirai."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "declined");
    let mail = app.last_mail_to("noe.petit@ac-lyon.fr").await;
    assert!(mail.body.contains("La prochaine session ouvre en mai"));

    // A trainer sees her own requests only; a pilot and an admin cannot ask.
    let (_, mine) = noe_api.get("/api/v1/qualifications/requests").await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    let (status, _) = api
        .post(
            "/api/v1/qualifications/requests",
            json!({"reason": "x", "availability": "y"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Nothing was written by the refused requests: two requests in all.
    let (_, all) = admin_api.get("/api/v1/qualifications/requests").await;
    assert_eq!(all.as_array().unwrap().len(), 2);
}
