//! The retention policy applied to the demo académie: an admin sets the durations (refused field
//! by field outside their ranges), simulates the purge (nothing removed), then the purge removes
//! exactly what the simulation announced — an archived cohort's whole record past its duration,
//! old mails, expired connections, idle trainee accounts left in no cohort — and nothing else:
//! the other cohorts' records are intact and the attendance record still verifies.

mod common;

use common::*;
use hybride_domain::retention::Retention;
use hybride_domain::{CohortStatus, Role};
use hybride_store::testing::{query_text, tamper};
use hybride_store::{cohorts, retention};
use reqwest::StatusCode;
use serde_json::json;

async fn count(s: &hybride_store::Store, sql: &str) -> i64 {
    query_text(s, &format!("SELECT CAST(({sql}) AS TEXT)"))
        .await
        .unwrap()[0]
        .parse()
        .unwrap()
}

#[tokio::test]
async fn the_purge_removes_what_the_policy_says_and_nothing_else() {
    let app = TestApp::start_with(true).await;
    let hash = hybride_training::password::hash(hybride_demo::DEMO_PASSWORD).unwrap();
    let today = hybride_domain::time::civil(hybride_store::now()).date();
    hybride_demo::seed(app.store(), &hash, today).await.unwrap();
    hybride_demo::lived::seed(&app.state).await.unwrap();
    let s = app.store();

    // A closed cohort with a record, archived, as if it had ended in 2019.
    let mut chosen = None;
    for c in cohorts::list(s, Default::default()).await.unwrap() {
        let events = count(
            s,
            &format!(
                "SELECT COUNT(*) FROM attendance_events WHERE cohort_id = {}",
                c.id
            ),
        )
        .await;
        // A cohort of trainees (not the trainers' session, whose one participant is a trainer).
        if c.status == CohortStatus::Closed && events > 0 && c.trainees > 1 {
            chosen = Some((c, events));
            break;
        }
    }
    let (old, old_events) = chosen.expect("a closed demo cohort with attendance");
    cohorts::set_status(s, old.id, CohortStatus::Archived)
        .await
        .unwrap();
    tamper(
        s,
        &format!(
            "UPDATE cohorts SET starts_on = '2019-03-01', ends_on = '2019-06-30' WHERE id = {}",
            old.id
        ),
    )
    .await
    .unwrap();
    let enrolled = count(
        s,
        &format!(
            "SELECT COUNT(*) FROM enrollments WHERE cohort_id = {}",
            old.id
        ),
    )
    .await;
    // Its trainees' accounts are old; those in no other cohort will be idle.
    tamper(
        s,
        &format!(
            "UPDATE users SET created_at = 0 WHERE id IN \
             (SELECT user_id FROM enrollments WHERE cohort_id = {})",
            old.id
        ),
    )
    .await
    .unwrap();
    let alone = count(
        s,
        &format!(
            "SELECT COUNT(*) FROM enrollments e WHERE e.cohort_id = {id} AND NOT EXISTS \
             (SELECT 1 FROM enrollments o WHERE o.user_id = e.user_id AND o.cohort_id <> {id})",
            id = old.id
        ),
    )
    .await;
    // Two mails of long ago, and the rest of today.
    tamper(
        s,
        "UPDATE outbox SET created_at = 0 WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT 2)",
    )
    .await
    .unwrap();
    let mails = count(s, "SELECT COUNT(*) FROM outbox").await;
    let others_events = count(
        s,
        &format!(
            "SELECT COUNT(*) FROM attendance_events WHERE cohort_id <> {}",
            old.id
        ),
    )
    .await;

    // The admin sets the durations: out of range refused field by field, nothing changed.
    let (admin, admin_user) = app.as_admin().await;
    let r = admin
        .post_form(
            "/settings/retention",
            &[
                ("cohorts_months", "6"),
                ("mails_days", "30"),
                ("connections_days", "jamais"),
                ("accounts_months", "24"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"f-cohorts_months-error\""));
    assert!(html.contains("id=\"f-connections_days-error\""));
    assert!(!html.contains("id=\"f-mails_days-error\""));
    assert!(html.contains("12–600"), "the range is said");
    assert_eq!(
        retention::policy(s).await.unwrap(),
        Retention::default(),
        "nothing changed"
    );
    let r = admin
        .post_form(
            "/settings/retention",
            &[
                ("cohorts_months", "60"),
                ("mails_days", "30"),
                ("connections_days", "7"),
                ("accounts_months", "24"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let policy = retention::policy(s).await.unwrap();
    assert_eq!((policy.mails_days, policy.accounts_months), (30, 24));
    let api = app.token_for(&admin_user).await;
    let (st, body) = api
        .put(
            "/api/v1/settings/retention",
            json!({"cohorts_months": 601, "mails_days": 30, "connections_days": 7, "accounts_months": 24}),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "cohorts_months", "{body}");

    // The simulation says what would go, and removes nothing.
    let (st, html) = admin.get_html("/settings/retention?preview=1").await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        html.contains("Sessions archivées terminées avant le"),
        "the page's simulation"
    );
    let (st, preview) = api.get("/api/v1/retention/preview").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(preview["applied"], false);
    let kind = |report: &serde_json::Value, k: &str| {
        report["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["kind"] == k)
            .unwrap()
            .clone()
    };
    assert_eq!(kind(&preview, "cohorts")["count"], 1);
    assert!(cohorts::get(s, old.id).await.is_ok(), "nothing removed");
    assert_eq!(count(s, "SELECT COUNT(*) FROM outbox").await, mails);

    // The purge removes exactly that.
    let report = retention::purge(s, &policy, today, hybride_store::now(), true)
        .await
        .unwrap();
    let applied = serde_json::to_value(&report).unwrap();
    for k in ["cohorts", "mails", "connections", "accounts"] {
        assert_eq!(
            kind(&applied, k)["count"],
            kind(&preview, k)["count"],
            "{k}: the simulation announced it"
        );
    }
    let rows = |k: &str, table: &str| -> i64 {
        kind(&applied, k)["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["table"] == table)
            .unwrap()["rows"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(rows("cohorts", "attendance_events"), old_events);
    assert_eq!(rows("cohorts", "enrollments"), enrolled);
    assert_eq!(rows("mails", "outbox"), 2);
    assert_eq!(kind(&applied, "accounts")["count"], alone);
    assert!(matches!(
        cohorts::get(s, old.id).await,
        Err(hybride_store::StoreError::NotFound)
    ));
    for table in [
        "attendance_events",
        "attendance_heads",
        "attendance_documents",
    ] {
        assert_eq!(
            count(
                s,
                &format!("SELECT COUNT(*) FROM {table} WHERE cohort_id = {}", old.id)
            )
            .await,
            0,
            "{table}"
        );
    }
    assert_eq!(
        count(
            s,
            &format!(
                "SELECT COUNT(*) FROM attendance_events WHERE cohort_id <> {}",
                old.id
            )
        )
        .await,
        others_events,
        "the other cohorts' records are intact"
    );
    assert_eq!(count(s, "SELECT COUNT(*) FROM outbox").await, mails - 2);
    let v = hybride_store::attendance::verify(s).await.unwrap();
    assert!(v.breaks.is_empty(), "the record still verifies");
    // The demo accounts are still there, and the admin still logged in.
    assert_eq!(
        admin.get("/settings/retention").await.status(),
        StatusCode::OK
    );
    for (email, _) in hybride_demo::DEMO_ACCOUNTS {
        let e = hybride_domain::Email::parse(email).unwrap();
        assert!(hybride_store::people::by_email(s, &e)
            .await
            .unwrap()
            .is_some());
    }
    let text = hybride_training::retention::report_text(
        hybride_training::i18n::Lang::Fr,
        &policy,
        &report,
    );
    assert!(text.starts_with("Purge selon la politique"), "{text}");
    assert!(text.contains("événements de présence"), "{text}");

    // Once more: nothing left to remove.
    let again = retention::purge(s, &policy, today, hybride_store::now(), true)
        .await
        .unwrap();
    assert_eq!(again.total(), 0, "{again:?}");
    // Only trainees' accounts go: an idle trainer's stays.
    let trainer = app.user("ancien.formateur@ac-lyon.fr", Role::Trainer).await;
    tamper(
        s,
        &format!("UPDATE users SET created_at = 0 WHERE id = {}", trainer.id),
    )
    .await
    .unwrap();
    let again = retention::purge(s, &policy, today, hybride_store::now(), true)
        .await
        .unwrap();
    assert_eq!(again.total(), 0, "a trainer's account stays");
}
