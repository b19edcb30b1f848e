//! Questions to the pilot: a trainer asks the pilot of a training she delivers, the pilot is
//! told by mail and answers from one inbox (the longest waiting first), the trainer is told,
//! either marks it resolved, and the pilot publishes it in the training's FAQ, which the
//! training's other trainers read. Another trainer reads neither her questions nor the FAQ of a
//! training she does not deliver; a pilot's answering time is measured.

mod common;

use common::*;
use hybride_domain::{Role, Title};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_trainer_asks_the_pilot_who_answers_and_publishes_it_for_the_other_trainers() {
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
    let (_, t) = api
        .post(
            "/api/v1/trainings",
            json!({"plan_id": plan.id, "dispositif_id": "26A0100123", "module_id": "48213", "title": "Évaluer par compétences",
                "in_person_minutes": 180, "synchronous_minutes": 0, "asynchronous_minutes": 0,
                "validation_criteria": "Présence à 80 %.", "min_attendance_percent": 80}),
        )
        .await;
    let tid = t["id"].as_i64().unwrap();
    let lea = app.user("lea.martin@ac-lyon.fr", Role::Trainer).await;
    let noe = app.user("noe.petit@ac-lyon.fr", Role::Trainer).await;
    let outsider = app.user("sam.roux@ac-lyon.fr", Role::Trainer).await;
    for who in [&lea, &noe] {
        api.post(
            &format!("/api/v1/trainings/{tid}/trainers"),
            json!({"user_id": who.id}),
        )
        .await;
    }

    // Léa asks from her page: every field refused is named; a training she does not deliver is
    // refused too.
    let b = app.anonymous();
    assert_eq!(
        b.login("lea.martin@ac-lyon.fr", PASSWORD).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, page) = b.get_html(&format!("/trainings/{tid}")).await;
    assert!(
        page.contains(&format!("/questions?training={tid}"))
            || page.contains(&format!("&#x2f;questions?training={tid}")),
        "the training's page leads to the question form"
    );
    let r = b
        .post_form(
            "/questions",
            &[("training_id", "999999"), ("subject", ""), ("body", " ")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    for field in ["training_id", "subject", "body"] {
        assert!(
            html.contains(&format!("href=\"#f-{field}\"")),
            "{field}: {html}"
        );
    }
    let r = b
        .post_form(
            "/questions",
            &[
                ("training_id", &tid.to_string()),
                ("subject", "Feuilles d’émargement du distanciel"),
                ("body", "Dois-je faire signer le travail asynchrone ?"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let location = r.headers()["location"].to_str().unwrap().to_owned();
    let qid: i64 = location
        .trim_start_matches("/questions/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let mail = app.last_mail_to(&pilot_user.email).await;
    assert!(
        mail.subject.contains("Évaluer par compétences"),
        "{}",
        mail.subject
    );
    assert!(mail
        .body
        .contains("Dois-je faire signer le travail asynchrone ?"));
    assert!(mail.body.contains(&format!("/questions/{qid}")));

    // The pilot's inbox: the question waits; the pilot answers; Léa is told.
    let (_, page) = pilot.get_html("/questions").await;
    assert!(
        page.contains("Feuilles d’émargement du distanciel") && page.contains("en attente depuis")
    );
    let (_, inbox) = api.get("/api/v1/questions").await;
    assert_eq!(inbox[0]["id"], qid);
    assert_eq!(inbox[0]["answered_at"], serde_json::Value::Null);
    // Nothing to publish before an answer.
    let (status, body) = api
        .put(
            &format!("/api/v1/questions/{qid}/published"),
            json!({"published": true}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let r = pilot
        .post_form(
            &format!("/questions/{qid}"),
            &[(
                "body",
                "Non : la déclaration et sa validation suffisent, elles figurent sur la feuille.",
            )],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let mail = app.last_mail_to("lea.martin@ac-lyon.fr").await;
    assert!(
        mail.body
            .contains("la déclaration et sa validation suffisent"),
        "{}",
        mail.body
    );
    let lea_api = app.token_for(&lea).await;
    let (_, c) = lea_api.get(&format!("/api/v1/questions/{qid}")).await;
    assert!(c["question"]["answered_at"].is_i64());
    assert_eq!(c["messages"].as_array().unwrap().len(), 1);
    let (_, home) = b.get_html("/").await;
    assert!(
        home.contains("Le pilote a répondu à une de vos questions."),
        "{home}"
    );

    // The pilot publishes it; Noé, who delivers the training, reads it in its FAQ; Sam, who
    // does not, reads neither the FAQ nor the question.
    let r = pilot
        .post_form(&format!("/questions/{qid}/publish"), &[("published", "on")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let noe_api = app.token_for(&noe).await;
    let (status, faq) = noe_api.get(&format!("/api/v1/trainings/{tid}/faq")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        faq[0]["question"]["subject"],
        "Feuilles d’émargement du distanciel"
    );
    assert_eq!(faq[0]["messages"].as_array().unwrap().len(), 1);
    let noe_browser = app.anonymous();
    noe_browser.login("noe.petit@ac-lyon.fr", PASSWORD).await;
    let (_, page) = noe_browser.get_html(&format!("/trainings/{tid}")).await;
    assert!(
        page.contains("la déclaration et sa validation suffisent"),
        "the FAQ on the training's page"
    );
    let (status, _) = noe_api.get(&format!("/api/v1/questions/{qid}")).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "the conversation stays between them"
    );
    let sam = app.token_for(&outsider).await;
    let (status, _) = sam.get(&format!("/api/v1/trainings/{tid}/faq")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = sam.get(&format!("/api/v1/questions/{qid}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, mine) = sam.get("/api/v1/questions").await;
    assert_eq!(mine, json!([]));
    let (status, _) = sam
        .post(
            "/api/v1/questions",
            json!({"training_id": tid, "subject": "x", "body": "y"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not her training");

    // Léa marks it resolved; nobody adds to it any more.
    let (status, q) = lea_api
        .post(&format!("/api/v1/questions/{qid}/resolve"), json!({}))
        .await;
    assert_eq!(status, StatusCode::OK, "{q}");
    assert!(q["resolved_at"].is_i64());
    let (status, body) = api
        .post(
            &format!("/api/v1/questions/{qid}/messages"),
            json!({"body": "Encore"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["type"], "/problems/refused-question-resolved");

    // The pilot's answering time: one question, answered.
    let (status, waits) = api.get("/api/v1/questions/waits").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(waits[0]["pilot_id"], pilot_user.id);
    assert_eq!(
        (waits[0]["asked"].as_i64(), waits[0]["waiting"].as_i64()),
        (Some(1), Some(0))
    );
    assert!(waits[0]["median_seconds"].is_i64());
    // A pilot cannot ask; a trainer does not read the answering times.
    let (status, _) = api
        .post(
            "/api/v1/questions",
            json!({"training_id": tid, "subject": "x", "body": "y"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = lea_api.get("/api/v1/questions/waits").await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Noé's question waits beyond the académie's delay: an admin passes it to another pilot.
    let (status, q) = app
        .token_for(&noe)
        .await
        .post(
            "/api/v1/questions",
            json!({"training_id": tid, "subject": "Salle", "body": "Quelle salle pour le 12 ?"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{q}");
    let late = q["id"].as_i64().unwrap();
    hybride_store::testing::tamper(
        s,
        &format!("UPDATE questions SET asked_at = asked_at - 7200 WHERE id = {late}"),
    )
    .await
    .unwrap();
    let (admin, admin_user) = app.as_admin().await;
    let admin_api = app.token_for(&admin_user).await;
    let (_, page) = admin.get_html("/questions").await;
    assert!(
        page.contains("Aucune question n’attend au-delà du délai de l’académie."),
        "72 h by default"
    );
    let (status, body) = admin_api
        .put("/api/v1/settings/question-delay", json!({"delay_hours": 0}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let r = admin
        .post_form("/questions/delay", &[("delay_hours", "1")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, page) = admin.get_html("/questions").await;
    assert!(
        page.contains("Questions sans réponse depuis plus d’une heure"),
        "{page}"
    );
    assert!(
        page.contains(&format!("/questions/{late}/pilot"))
            || page.contains(&format!("&#x2f;questions&#x2f;{late}&#x2f;pilot"))
    );
    let (_, other) = app.as_pilot().await;
    let r = admin
        .post_form(
            &format!("/questions/{late}/pilot"),
            &[("pilot_email", "lea.martin@ac-lyon.fr")],
        )
        .await;
    assert_eq!(
        r.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a trainer is not a pilot"
    );
    let r = admin
        .post_form(
            &format!("/questions/{late}/pilot"),
            &[("pilot_email", other.email.as_str())],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let mail = app.last_mail_to(&other.email).await;
    assert!(
        mail.body.contains("Quelle salle pour le 12 ?"),
        "{}",
        mail.body
    );
    let other_api = app.token_for(&other).await;
    let (_, inbox) = other_api.get("/api/v1/questions").await;
    assert_eq!(inbox[0]["id"], late, "the other pilot answers it now");
    let (status, _) = api.get(&format!("/api/v1/questions/{late}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no longer the first pilot's");
}
