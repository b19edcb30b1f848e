//! A pilot sees the trainings they pilot — their cohorts, trainees' justifications, pay forms and
//! virtual classes — and nothing of another pilot's, unless an admin grants them the whole plan.

mod common;

use common::*;
use hybride_domain::{Modality, Role, Title};
use hybride_store::cohorts::{self, NewActivity};
use reqwest::StatusCode;
use serde_json::json;

/// A training of `pilot`'s with a running cohort, one trainee with a justification, and a
/// virtual class under way; returns (training, cohort, activity, document).
async fn piloted(app: &TestApp, pilot: &Api, n: usize) -> (i64, i64, i64, i64) {
    let s = app.store();
    let plans = hybride_store::plans::list(s).await.unwrap();
    let plan = match plans.first() {
        Some(p) => p.id,
        None => {
            hybride_store::plans::create(
                s,
                hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
                &Title::parse("PAF").unwrap(),
            )
            .await
            .unwrap()
            .id
        }
    };
    let (status, t) = pilot
        .post(
            "/api/v1/trainings",
            json!({"plan_id": plan, "dispositif_id": format!("26A010088{n}"), "module_id": format!("6123{n}"),
                "title": format!("Formation {n}"), "in_person_minutes": 180, "synchronous_minutes": 90,
                "asynchronous_minutes": 60, "validation_criteria": "Présence.", "min_attendance_percent": 80}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{t}");
    let tid = t["id"].as_i64().unwrap();
    let (status, c) = pilot
        .post(
            "/api/v1/cohorts",
            json!({"training_id": tid, "label": "Groupe", "starts_on": "2026-09-01", "ends_on": "2027-06-30"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{c}");
    let cid = c["id"].as_i64().unwrap();
    let trainee = app
        .user(&format!("stagiaire{n}@ac-lyon.fr"), Role::Trainee)
        .await;
    pilot
        .post(
            &format!("/api/v1/cohorts/{cid}/enrollments"),
            json!({"user_ids": [trainee.id]}),
        )
        .await;
    let now = jiff::Timestamp::now();
    let a = cohorts::add_activity(
        s,
        cid,
        &NewActivity {
            step_id: None,
            title: Title::parse("Classe virtuelle").unwrap(),
            modality: Modality::VirtualClass,
            starts_at: now
                .checked_sub(jiff::SignedDuration::from_mins(10))
                .unwrap(),
            ends_at: now
                .checked_add(jiff::SignedDuration::from_mins(80))
                .unwrap(),
            place: None,
            room_url: Some("https://visio.ac-lyon.fr/salle".into()),
        },
    )
    .await
    .unwrap();
    let doc = hybride_store::attendance::add_document(
        s,
        cid,
        trainee.id,
        "certificat-medical.pdf",
        "application/pdf",
        b"%PDF-1.4",
    )
    .await
    .unwrap();
    (tid, cid, a.id, doc.id)
}

#[tokio::test]
async fn a_pilot_sees_their_own_trainings_and_the_whole_plan_only_when_granted() {
    let app = TestApp::start().await;
    let admin = app.user("admin@ac-lyon.fr", Role::Admin).await;
    let owner = app.user("pilote@ac-lyon.fr", Role::Pilot).await;
    let other = app.user("autre.pilote@ac-lyon.fr", Role::Pilot).await;
    let (tid, cid, activity, doc) = piloted(&app, &app.token_for(&owner).await, 0).await;
    let (other_tid, other_cid, ..) = piloted(&app, &app.token_for(&other).await, 1).await;

    let pages = [
        format!("/trainings/{tid}"),
        format!("/trainings/{tid}/scenario"),
        format!("/cohorts/{cid}"),
        format!("/cohorts/{cid}/pay"),
        format!("/cohorts/{cid}/documents/{doc}"),
        format!("/cohorts/{cid}/activities/{activity}"),
    ];
    let apis = [
        format!("/api/v1/trainings/{tid}"),
        format!("/api/v1/cohorts/{cid}"),
        format!("/api/v1/cohorts/{cid}/pay"),
        format!("/api/v1/cohorts/{cid}/validation"),
    ];
    let listed = |v: &serde_json::Value, id: i64| {
        v.as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"].as_i64() == Some(id))
    };

    // The owner sees everything of theirs.
    let b = app.anonymous();
    b.login(&owner.email, PASSWORD).await;
    for p in &pages {
        let r = b.get(p).await;
        assert!(
            r.status().is_success() || r.status().is_redirection(),
            "owner {p}: {}",
            r.status()
        );
    }

    // Another pilot: as if none of it existed, in pages, API and lists.
    let b = app.anonymous();
    b.login(&other.email, PASSWORD).await;
    for p in &pages {
        assert_eq!(
            b.get(p).await.status(),
            StatusCode::NOT_FOUND,
            "other pilot {p}"
        );
    }
    let api = app.token_for(&other).await;
    for p in &apis {
        assert_eq!(api.get(p).await.0, StatusCode::NOT_FOUND, "other pilot {p}");
    }
    let (_, cohorts_seen) = api.get("/api/v1/cohorts").await;
    assert!(!listed(&cohorts_seen, cid) && listed(&cohorts_seen, other_cid));
    let (_, trainings_seen) = api.get("/api/v1/trainings").await;
    assert!(!listed(&trainings_seen, tid) && listed(&trainings_seen, other_tid));
    let (_, html) = b.get_html("/trainings").await;
    assert!(!html.contains(&format!("/trainings/{tid}\"")), "{html}");
    assert!(html.contains(&format!("/trainings/{other_tid}\"")));

    // Granted the whole plan by an admin, they see every training, and lose it with the role.
    let admin_api = app.token_for(&admin).await;
    let (status, u) = admin_api
        .patch(
            &format!("/api/v1/users/{}", other.id),
            json!({"whole_plan": true}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{u}");
    assert_eq!(u["whole_plan"], true);
    for p in &apis {
        assert_eq!(api.get(p).await.0, StatusCode::OK, "granted pilot {p}");
    }
    assert_eq!(
        b.get(&format!("/cohorts/{cid}")).await.status(),
        StatusCode::OK
    );
    let (_, cohorts_seen) = api.get("/api/v1/cohorts").await;
    assert!(listed(&cohorts_seen, cid) && listed(&cohorts_seen, other_cid));
    // Their own list (« Seulement les miennes ») stays theirs.
    let (_, html) = b.get_html("/trainings?mine=on").await;
    assert!(!html.contains(&format!("/trainings/{tid}\"")));

    let (status, u) = admin_api
        .patch(
            &format!("/api/v1/users/{}", other.id),
            json!({"role": "trainer"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{u}");
    assert_eq!(u["whole_plan"], false);
    let (_, u) = admin_api
        .patch(
            &format!("/api/v1/users/{}", other.id),
            json!({"role": "pilot"}),
        )
        .await;
    assert_eq!(
        u["whole_plan"], false,
        "the grant does not come back with the role"
    );
}

/// The admin's account form offers the grant, and keeps it.
#[tokio::test]
async fn an_admin_grants_the_whole_plan_from_the_account_form() {
    let app = TestApp::start().await;
    let (admin, _) = app.as_admin().await;
    let pilot = app.user("pilote@ac-lyon.fr", Role::Pilot).await;
    let path = format!("/accounts/{}", pilot.id);
    let (status, html) = admin.get_html(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Voit tout le plan de formation"), "{html}");
    let r = admin
        .post_form(
            &path,
            &[
                ("last_name", "Pilote"),
                ("first_name", "Paule"),
                ("role", "pilot"),
                ("establishment", ""),
                ("password", ""),
                ("active", "on"),
                ("whole_plan", "on"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let u = hybride_store::people::get(app.store(), pilot.id)
        .await
        .unwrap();
    assert!(u.whole_plan.0);
}
