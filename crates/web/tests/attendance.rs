//! Attendance, tried as people would: trainees sign a half-day with the code read aloud and
//! with the QR code, the trainer sees them arrive, corrects and countersigns; BigBlueButton's
//! analytics callback (a JWT made by PyJWT) credits connected minutes; a trainee declares an
//! asynchronous activity and the trainer validates it; an LMS export is imported; each
//! trainee's validation follows; a row edited in the database is found by the chain. A
//! countersigned half-day is frozen: the marks after it are corrections, shown as such on the
//! page, the PDF, the CSV and in the API, until the trainer countersigns again.

mod common;

use common::*;
use hybride_domain::attendance::Kind;
use hybride_domain::{Modality, Role, Title};
use hybride_store::attendance as record;
use hybride_store::cohorts::{self, NewActivity};
use hybride_store::people::User;
use hybride_training::i18n::{clock, day_words, instant_words, Lang};
use reqwest::StatusCode;
use serde_json::{json, Value};

struct Setup {
    api: Api,
    /// The training's pilot.
    pilot: User,
    cohort: i64,
    trainer: User,
    trainees: Vec<User>,
    step_in_person: i64,
    step_sync: i64,
    step_async: i64,
}

async fn browser_of(app: &TestApp, user: &User) -> Browser {
    let b = app.anonymous();
    let r = b.login(user.email.as_str(), PASSWORD).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    b
}

/// A running cohort of three trainees with one trainer, and a scenario of three steps (in
/// person 2 h, virtual class 1 h 30, asynchronous 2 h credited by the time declared).
async fn setup(app: &TestApp) -> Setup {
    let plan = hybride_store::plans::create(
        app.store(),
        hybride_domain::SchoolYear::parse("2026-2027").unwrap(),
        &Title::parse("PAF").unwrap(),
    )
    .await
    .unwrap();
    let (_, pilot) = app.as_pilot().await;
    let api = app.token_for(&pilot).await;
    let (status, t) = api
        .post(
            "/api/v1/trainings",
            json!({"plan_id": plan.id, "dispositif_id": "26A0100777", "module_id": "51234",
                "title": "Évaluer par compétences", "objectives": "Construire des grilles.",
                "in_person_minutes": 120, "synchronous_minutes": 90, "asynchronous_minutes": 120,
                "validation_criteria": "Présence à 80 % et production déposée.",
                "min_attendance_percent": 80}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{t}");
    let tid = t["id"].as_i64().unwrap();
    let mut steps = Vec::new();
    for body in [
        json!({"modality": "in_person", "learning_type": "practice", "title": "Atelier grilles", "minutes": 120}),
        json!({"modality": "virtual_class", "learning_type": "discussion", "title": "Classe virtuelle", "minutes": 90}),
        json!({"modality": "async", "learning_type": "production", "title": "Produire une grille", "minutes": 120,
            "credit_rule": "declared_capped"}),
    ] {
        let (status, step) = api
            .post(&format!("/api/v1/trainings/{tid}/steps"), body)
            .await;
        assert_eq!(status, StatusCode::CREATED, "{step}");
        steps.push(step["id"].as_i64().unwrap());
    }
    let (status, bad) = api
        .post(
            &format!("/api/v1/trainings/{tid}/steps"),
            json!({"modality": "async", "learning_type": "production", "title": "X", "minutes": 10, "credit_rule": "whatever"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad["errors"][0]["field"], "credit_rule");
    let (_, cohort) = api
        .post("/api/v1/cohorts", json!({"training_id": tid, "label": "Groupe B", "starts_on": "2026-09-01", "ends_on": "2027-06-30"}))
        .await;
    let cid = cohort["id"].as_i64().unwrap();
    let trainer = app.user("nadia.haddad@ac-lyon.fr", Role::Trainer).await;
    api.post(
        &format!("/api/v1/cohorts/{cid}/trainers"),
        json!({"user_id": trainer.id}),
    )
    .await;
    let mut trainees = Vec::new();
    for email in [
        "ines.garcia@ac-lyon.fr",
        "tom.leroy@ac-lyon.fr",
        "zoe.faure@ac-lyon.fr",
    ] {
        trainees.push(app.user(email, Role::Trainee).await);
    }
    let (status, _) = api
        .post(
            &format!("/api/v1/cohorts/{cid}/enrollments"),
            json!({"user_ids": trainees.iter().map(|u| u.id).collect::<Vec<_>>()}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    Setup {
        api,
        pilot,
        cohort: cid,
        trainer,
        trainees,
        step_in_person: steps[0],
        step_sync: steps[1],
        step_async: steps[2],
    }
}

/// A trainer of no cohort of the test.
async fn trainer_browser_of_other(app: &TestApp) -> Browser {
    app.as_role(Role::Trainer).await.0
}

/// Minutes from now `(from, to)` around now, clipped to the current half-day (no 13:00 nor
/// midnight in Europe/Paris between them), so that an activity under way is one half-day
/// whatever the hour the test runs at. Right before a boundary, waits until it has passed.
async fn around_now(before: i64, after: i64) -> (i64, i64) {
    loop {
        let now = jiff::Timestamp::now().in_tz("Europe/Paris").unwrap();
        let today = now.date();
        let at = |d: jiff::civil::Date, h: i8| {
            d.at(h, 0, 0, 0)
                .in_tz("Europe/Paris")
                .unwrap()
                .timestamp()
                .as_second()
        };
        let ts = now.timestamp().as_second();
        let noon = at(today, 13);
        let (start, end) = if ts < noon {
            (at(today, 0), noon)
        } else {
            (noon, at(today.tomorrow().unwrap(), 0))
        };
        let from = (-before).max((start - ts + 59) / 60);
        let to = after.min((end - ts) / 60);
        if to >= 3 {
            return (from, to);
        }
        tokio::time::sleep(std::time::Duration::from_secs(
            ((end - ts) + 5).max(1) as u64
        ))
        .await;
    }
}

/// `from` to `to` minutes from now, kept inside the current half-day (half-days split at 13:00
/// and at midnight, Paris time), so that an activity under way opens one half-day to
/// signatures whatever the hour the test runs at.
fn within_this_half_day(from: i64, to: i64) -> (i64, i64) {
    let now = jiff::Timestamp::now().to_zoned(hybride_domain::time::paris());
    let date = now.date();
    let at = |d: jiff::civil::Date, h: i8| {
        d.at(h, 0, 0, 0)
            .to_zoned(hybride_domain::time::paris())
            .unwrap()
            .timestamp()
    };
    let (start, end) = if now.time() < jiff::civil::time(13, 0, 0, 0) {
        (at(date, 0), at(date, 13))
    } else {
        (at(date, 13), at(date.tomorrow().unwrap(), 0))
    };
    let t = now.timestamp();
    let before = (t.as_second() - start.as_second()) / 60;
    let after = (end.as_second() - t.as_second()) / 60;
    (from.max(-before), to.min(after.max(1)))
}

fn minutes_from_now(m: i64) -> jiff::Timestamp {
    jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_mins(m))
        .unwrap()
}

async fn activity(
    app: &TestApp,
    s: &Setup,
    step: i64,
    modality: Modality,
    from: i64,
    to: i64,
    title: &str,
) -> cohorts::Activity {
    cohorts::add_activity(
        app.store(),
        s.cohort,
        &NewActivity {
            step_id: Some(step),
            title: Title::parse(title).unwrap(),
            modality,
            starts_at: minutes_from_now(from),
            ends_at: minutes_from_now(to),
            place: (modality == Modality::InPerson).then(|| "Lycée Ampère, salle 12".into()),
            room_url: None,
        },
    )
    .await
    .unwrap()
}

async fn run(app: &TestApp, s: &Setup) {
    for status in ["ready", "running"] {
        let (code, body) = s
            .api
            .post(
                &format!("/api/v1/cohorts/{}/status", s.cohort),
                json!({"status": status}),
            )
            .await;
        assert_eq!(code, StatusCode::OK, "{body}");
    }
    let _ = app;
}

/// The code shown on the trainer's sheet, digits only.
fn code_in(html: &str) -> String {
    let at = html.find("class=\"code\"").expect("a code on the sheet");
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    let end = rest.find("</p>").unwrap();
    rest[start..end]
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}

/// The fingerprint of the sheet the trainer reads, as the countersigning form sends it.
fn seen_in(html: &str) -> String {
    let field = "name=\"seen\" value=\"";
    let at = html.find(field).expect("a countersigning form");
    html[at + field.len()..]
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_half_day_is_signed_by_code_and_by_qr_code_corrected_and_countersigned() {
    let app = TestApp::start().await;
    let s = setup(&app).await;
    let (from, to) = within_this_half_day(-20, 100);
    let a = activity(
        &app,
        &s,
        s.step_in_person,
        Modality::InPerson,
        from,
        to,
        "Atelier grilles",
    )
    .await;
    run(&app, &s).await;
    let trainer = browser_of(&app, &s.trainer).await;
    let [ines, tom, zoe] = [0, 1, 2].map(|i| s.trainees[i].clone());
    let (b_ines, b_tom, b_zoe) = (
        browser_of(&app, &ines).await,
        browser_of(&app, &tom).await,
        browser_of(&app, &zoe).await,
    );

    // The trainee's space says where to sign.
    let (_, space) = b_ines.get_html(&format!("/cohorts/{}", s.cohort)).await;
    assert!(space.contains("href=\"/sign\""), "{space}");
    let (status, page) = b_ines.get_html("/sign").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Atelier grilles") && page.contains("autocomplete=\"one-time-code\""));
    assert!(
        page.contains("inputmode=\"numeric\""),
        "the phone's numeric keypad"
    );
    // Her home page and her menu lead there while the half-day is open to her signature.
    let (_, home) = b_ines.get_html("/").await;
    assert!(
        home.contains("Une demi-journée est ouverte à votre signature"),
        "{home}"
    );
    assert!(home.contains("<a href=\"/sign\">Signer ma présence</a>"));

    // The trainer's live screen shows the code; a wrong code is refused on its field.
    let sheet_path = format!("/cohorts/{}/activities/{}/attendance", s.cohort, a.id);
    let (status, sheet) = trainer.get_html(&sheet_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(sheet.contains("<svg role=\"img\""), "a QR code");
    assert!(sheet.contains("Aucune signature sur 3"));
    let code = code_in(&sheet);
    assert_eq!(code.len(), 6);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let r = b_ines.post_form("/sign", &[("code", wrong)]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.headers().get("set-cookie").is_some(), "a device cookie");
    let html = r.text().await.unwrap();
    assert!(html.contains("aria-invalid=\"true\"") && html.contains("n’est pas le bon"));

    // Signed by the code read aloud; signing again changes nothing.
    let r = b_ines.post_form("/sign", &[("code", &code)]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Votre présence est enregistrée"));
    let (_, home) = b_ines.get_html("/").await;
    assert!(
        !home.contains("ouverte à votre signature"),
        "signed: nothing left to sign"
    );
    let r = b_ines
        .post_form(
            "/sign",
            &[("code", &format!("{} {}", &code[..3], &code[3..]))],
        )
        .await;
    assert!(r.text().await.unwrap().contains("Vous avez signé"));

    // Signed by the QR code: the page asks for a tap, then signs.
    let training = cohorts::get(app.store(), s.cohort)
        .await
        .unwrap()
        .training_id;
    let steps = hybride_store::trainings::steps(app.store(), training)
        .await
        .unwrap();
    let slots = hybride_training::attendance::slots(&a, &steps);
    let slot = hybride_training::attendance::slot_at(&slots, hybride_store::now()).unwrap();
    let secret = record::signing_secret(app.store(), a.id).await.unwrap();
    let token = hybride_training::attendance::qr_token(
        &secret,
        a.id,
        &slot.key(),
        hybride_training::attendance::window(hybride_store::now()),
    );
    let qr = format!("/sign/{}/{}/{token}", a.id, slot.key());
    let (status, page) = b_tom.get_html(&qr).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("Je signe ma présence"));
    let r = b_tom.post_form(&qr, &[]).await;
    assert_eq!(r.status(), StatusCode::OK);
    // A forged or stale token signs nothing.
    let (status, _) = b_zoe
        .get_html(&format!("/sign/{}/{}/AAAAAAAAAAAAAAAA", a.id, slot.key()))
        .await;
    assert_eq!(status, StatusCode::GONE);
    // Someone of another cohort cannot use the code.
    let (outsider, _) = app.as_role(Role::Trainee).await;
    let r = outsider.post_form("/sign", &[("code", &code)]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("Aucune demi-journée"));

    // The trainer sees them arrive, live.
    let (status, live) = trainer
        .get_html(&format!("{sheet_path}/live?slot={}", slot.key()))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(live.contains("2 sur 3 ont signé"), "{live}");
    assert!(live.contains("code lu") && live.contains("code QR"));
    assert!(!live.contains("<html"), "a fragment, not a page");
    // Trainees never see the codes.
    let (status, _) = b_ines.get_html(&sheet_path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Corrections: an absence needs its reason; a late arrival its time.
    let mark = format!("{sheet_path}/mark");
    let zoe_id = zoe.id.to_string();
    let ines_id = ines.id.to_string();
    let key = slot.key();
    let r = trainer
        .post_form(
            &mark,
            &[
                ("slot", &key),
                ("user", &zoe_id),
                ("action", "absent"),
                ("reason", " "),
            ],
        )
        .await;
    assert!(location(&r).contains("error=reason-required"));
    let r = trainer
        .post_form(
            &mark,
            &[
                ("slot", &key),
                ("user", &zoe_id),
                ("action", "absent"),
                ("reason", "Convoquée à un jury d’examen"),
            ],
        )
        .await;
    assert!(location(&r).contains("ok=marked"), "{}", location(&r));
    trainer
        .post_form(
            &mark,
            &[("slot", &key), ("user", &zoe_id), ("action", "accept")],
        )
        .await;
    let r = trainer
        .post_form(
            &mark,
            &[
                ("slot", &key),
                ("user", &ines_id),
                ("action", "late"),
                ("time", "25:99"),
            ],
        )
        .await;
    assert!(location(&r).contains("error=time-invalid"));
    let r = trainer
        .post_form(
            &mark,
            &[("slot", &key), ("user", &ines_id), ("action", "present")],
        )
        .await;
    assert!(location(&r).contains("error=already-signed"));

    // Countersigned by the trainer, not by the training's pilot.
    let pilot_browser = browser_of(&app, &s.pilot).await;
    let r = pilot_browser
        .post_form(&format!("{sheet_path}/countersign"), &[("slot", &key)])
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // The half-day is under way: countersigning now needs its reason, and attests the sheet
    // the trainer read.
    let (_, sheet) = trainer.get_html(&format!("{sheet_path}?slot={key}")).await;
    let seen = seen_in(&sheet);
    let r = trainer
        .post_form(
            &format!("{sheet_path}/countersign"),
            &[("slot", &key), ("seen", &seen)],
        )
        .await;
    assert!(
        location(&r).contains("error=countersign-early"),
        "{}",
        location(&r)
    );
    let r = trainer
        .post_form(
            &format!("{sheet_path}/countersign"),
            &[
                ("slot", &key),
                ("seen", &seen),
                ("reason", "Je quitte la salle avant la fin."),
            ],
        )
        .await;
    assert!(location(&r).contains("ok=countersigned"));
    let (_, sheet) = trainer.get_html(&format!("{sheet_path}?slot={key}")).await;
    assert!(
        sheet.contains("Contresignée par Camille Durand"),
        "countersigned"
    );
    assert!(sheet.contains("Je quitte la salle avant la fin."));
    assert!(sheet.contains("Absence justifiée") && sheet.contains("jury d’examen"));

    // The sheet as a PDF: the people, how and when they signed, the countersignature, and the
    // fingerprint of the record, read back from the file.
    let r = trainer.get(&format!("{sheet_path}.pdf?slot={key}")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let pdf = r.bytes().await.unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc
        .extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let fingerprint = {
        let at = sheet.find("Empreinte de l’enregistrement").unwrap();
        sheet[at..]
            .split(':')
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .trim()
            .to_owned()
    };
    for needle in [
        "Feuille d’émargement",
        "26A0100777",
        "Lycée Ampère, salle 12",
        "Durand Camille",
        "code lu",
        "code QR",
        "Convoquée à un jury d’examen",
        "Contresignée par Camille Durand",
        fingerprint.as_str(),
    ] {
        assert!(text.contains(needle), "{needle} is not in the PDF: {text}");
    }
    assert_eq!(
        trainer_browser_of_other(&app)
            .await
            .get(&format!("{sheet_path}.pdf?slot={key}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    // The API tells the same, with the record behind it.
    let trainer_api = app.token_for(&s.trainer).await;
    let (status, att) = trainer_api
        .get(&format!("/api/v1/activities/{}/attendance", a.id))
        .await;
    assert_eq!(status, StatusCode::OK, "{att}");
    let sheet = att["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["slot"]["starts_at"] == slot.starts_at)
        .unwrap()
        .clone();
    assert_eq!(sheet["signed"], 2);
    assert_eq!(sheet["absent"], 1);
    let channels: Vec<&str> = att["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "signed")
        .map(|e| e["channel"].as_str().unwrap())
        .collect();
    assert_eq!(channels, ["code", "qr"]);
    // Marks by the API too, refused the same way.
    let (status, p) = trainer_api
        .post(
            &format!("/api/v1/activities/{}/attendance", a.id),
            json!({"slot": key, "user_id": tom.id, "action": "early", "time": "bad"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    let (status, p) = trainer_api
        .post(
            &format!("/api/v1/activities/{}/attendance", a.id),
            json!({"slot": key, "user_id": tom.id, "action": "dance"}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{p}");

    // Signing by the API (the trainee's own token).
    let zoe_api = app.token_for(&zoe).await;
    let (status, p) = zoe_api.post("/api/v1/sign", json!({"code": "12"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");

    // Validation: the trainee sees only their own.
    let ines_api = app.token_for(&ines).await;
    let (status, mine) = ines_api
        .get(&format!("/api/v1/cohorts/{}/validation", s.cohort))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["user_id"], ines.id);
    let (_, all) = trainer_api
        .get(&format!("/api/v1/cohorts/{}/validation", s.cohort))
        .await;
    assert_eq!(all.as_array().unwrap().len(), 3);
    let zoe_v = all
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["user_id"] == zoe.id)
        .unwrap();
    let in_person = &zoe_v["validation"]["budgets"][0];
    assert_eq!(in_person["budget"], "in_person");
    assert!(in_person["excused_minutes"].as_i64().unwrap() > 0);

    // The same table as CSV, for a spreadsheet.
    let r = trainer.get(&format!("{sheet_path}.csv?slot={key}")).await;
    assert_eq!(r.status(), StatusCode::OK);
    let csv = r.text().await.unwrap();
    assert!(
        csv.starts_with('\u{feff}'),
        "a byte-order mark for spreadsheets"
    );
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines.len(), 4, "a header and one line per trainee: {csv}");
    assert!(lines[0].starts_with("Stagiaire;Signature;Moyen;"));
    assert!(csv.contains("code lu") && csv.contains("Convoquée à un jury d’examen"));

    // Each trainee's certificate (PDF): none while the cohort runs; once it has ended (here,
    // closed) and with its signatory named, to the staff and to the trainee herself only.
    let cert = format!(
        "/cohorts/{}/certificates/{}/certificat.pdf",
        s.cohort, zoe.id
    );
    let r = trainer.get(&cert).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    hybride_store::cohorts::set_status(app.store(), s.cohort, hybride_domain::CohortStatus::Closed)
        .await
        .unwrap();
    let signatory =
        hybride_domain::certificate::Signatory::parse("Claire Martin", "Directrice", "director")
            .unwrap();
    hybride_store::certificates::name(app.store(), &signatory, None, hybride_store::now())
        .await
        .unwrap();
    let r = trainer.get(&cert).await;
    assert_eq!(r.status(), StatusCode::OK);
    let pdf = r.bytes().await.unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc
        .extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "Certificat de réalisation",
        "Évaluer par compétences",
        "Présentiel",
        "Pour l’EAFC",
    ] {
        assert!(
            text.contains(needle),
            "{needle} is not in the certificate: {text}"
        );
    }
    assert_eq!(b_zoe.get(&cert).await.status(), StatusCode::OK);
    assert_eq!(b_ines.get(&cert).await.status(), StatusCode::NOT_FOUND);

    // The record is intact, until a row is edited in the database.
    let v = record::verify(app.store()).await.unwrap();
    assert!(v.breaks.is_empty(), "{v:?}");
    assert_eq!(
        v.events, 5,
        "two signatures, an absence, its acceptance, a countersignature"
    );
    hybride_store::testing::tamper(
        app.store(),
        &format!(
            "UPDATE attendance_events SET at = at - 3600 WHERE cohort_id = {} AND seq = 2",
            s.cohort
        ),
    )
    .await
    .unwrap();
    let v = record::verify(app.store()).await.unwrap();
    assert_eq!(v.breaks.len(), 1);
    assert_eq!((v.breaks[0].seq, v.breaks[0].problem), (2, "altered"));
}

/// Like [`around_now`], with the activity started two minutes ago at least (a late arrival
/// is then a past time inside it).
async fn under_way(before: i64, after: i64) -> (i64, i64) {
    loop {
        let (from, to) = around_now(before, after).await;
        if from <= -2 {
            return (from, to);
        }
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    }
}

/// `HH:MM` in Europe/Paris, `seconds` from now (floored to the minute).
fn hh_mm_in(seconds: i64) -> String {
    jiff::Timestamp::from_second(hybride_store::now() + seconds)
        .unwrap()
        .in_tz("Europe/Paris")
        .unwrap()
        .strftime("%H:%M")
        .to_string()
}

/// The text of a PDF, its whitespace collapsed.
fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// An in-person half-day under way, its trainer (Nadia Haddad) and its three trainees (Inès
/// Garcia, Tom Leroy, Zoé Faure), each in their browser.
struct HalfDay {
    app: TestApp,
    s: Setup,
    a: cohorts::Activity,
    slot: hybride_domain::attendance::Slot,
    trainer: Browser,
    trainees: [Browser; 3],
    api: Api,
    sheet_path: String,
}

impl HalfDay {
    async fn start() -> HalfDay {
        let app = TestApp::start().await;
        let s = setup(&app).await;
        let (from, to) = under_way(20, 100).await;
        let a = activity(
            &app,
            &s,
            s.step_in_person,
            Modality::InPerson,
            from,
            to,
            "Atelier grilles",
        )
        .await;
        run(&app, &s).await;
        for (u, first, last) in [
            (&s.trainer, "Nadia", "Haddad"),
            (&s.trainees[0], "Inès", "Garcia"),
            (&s.trainees[1], "Tom", "Leroy"),
            (&s.trainees[2], "Zoé", "Faure"),
        ] {
            let sql = format!(
                "UPDATE users SET first_name = '{first}', last_name = '{last}' WHERE id = {}",
                u.id
            );
            hybride_store::testing::tamper(app.store(), &sql)
                .await
                .unwrap();
        }
        let training = cohorts::get(app.store(), s.cohort)
            .await
            .unwrap()
            .training_id;
        let steps = hybride_store::trainings::steps(app.store(), training)
            .await
            .unwrap();
        let slots = hybride_training::attendance::slots(&a, &steps);
        let slot = hybride_training::attendance::slot_at(&slots, hybride_store::now()).unwrap();
        let trainer = browser_of(&app, &s.trainer).await;
        let mut trainees = Vec::new();
        for t in &s.trainees {
            trainees.push(browser_of(&app, t).await);
        }
        HalfDay {
            api: app.token_for(&s.trainer).await,
            sheet_path: format!("/cohorts/{}/activities/{}/attendance", s.cohort, a.id),
            trainees: trainees.try_into().ok().unwrap(),
            app,
            s,
            a,
            slot,
            trainer,
        }
    }

    fn key(&self) -> String {
        self.slot.key()
    }

    fn url(&self) -> String {
        format!("{}?slot={}", self.sheet_path, self.key())
    }

    async fn sheet(&self) -> String {
        self.trainer.get_html(&self.url()).await.1
    }

    /// The `i`-th trainee signs with the code the trainer's sheet shows now.
    async fn sign_by_code(&self, i: usize) {
        let code = code_in(&self.sheet().await);
        let r = self.trainees[i]
            .post_form("/sign", &[("code", &code)])
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let html = r.text().await.unwrap();
        assert!(html.contains("Votre présence est enregistrée"));
    }

    /// The trainer marks the `i`-th trainee; where the page sends them.
    async fn mark(&self, i: usize, action: &str, time: &str, reason: &str) -> String {
        let user = self.s.trainees[i].id.to_string();
        let fields = [
            ("slot", self.key()),
            ("user", user),
            ("action", action.into()),
            ("time", time.into()),
            ("reason", reason.into()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = self
            .trainer
            .post_form(&format!("{}/mark", self.sheet_path), &fields)
            .await;
        location(&r)
    }

    /// The trainer countersigns what they read (`seen`); where the page sends them.
    async fn countersign(&self, seen: &str, reason: &str) -> String {
        let key = self.key();
        let fields = [("slot", key.as_str()), ("seen", seen), ("reason", reason)];
        let r = self
            .trainer
            .post_form(&format!("{}/countersign", self.sheet_path), &fields)
            .await;
        location(&r)
    }

    /// The half-day's events, in record order.
    async fn events(&self) -> Vec<record::Event> {
        let key = self.key();
        let all = record::of_activity(self.app.store(), self.a.id)
            .await
            .unwrap();
        all.into_iter()
            .filter(|e| e.slot.as_deref() == Some(key.as_str()))
            .collect()
    }

    /// The half-day's sheet, as the API gives it.
    async fn api_sheet(&self) -> Value {
        let (_, att) = self
            .api
            .get(&format!("/api/v1/activities/{}/attendance", self.a.id))
            .await;
        let sheets = att["sheets"].as_array().unwrap();
        sheets
            .iter()
            .find(|x| x["slot"]["starts_at"] == self.slot.starts_at)
            .unwrap()
            .clone()
    }

    /// « Contresignée par Nadia Haddad le jeudi 3 décembre 2026 à 8 h 23. »
    fn countersigned_at(&self, at: i64) -> String {
        format!(
            "Contresignée par Nadia Haddad le {} à {}.",
            day_words(Lang::Fr, self.slot.date),
            clock(Lang::Fr, at)
        )
    }
}

#[tokio::test]
async fn a_countersigned_half_day_is_frozen_until_its_corrections_are_countersigned_again() {
    let h = HalfDay::start().await;
    let (seen, first) = countersigned_before_the_end(&h).await;
    assert_eq!(led_countersigned(&h).await, Some(true));
    late_marks_arrive(&h).await;
    let after = the_sheet_shows_them_as_corrections(&h, &first).await;
    assert_eq!(after.len(), 3, "{after:?}");
    // Pay forms and the review count it as not countersigned meanwhile, as the sheet says.
    assert_eq!(led_countersigned(&h).await, Some(false));
    countersigned_again(&h, &seen, &first).await;
    assert_eq!(led_countersigned(&h).await, Some(true));
}

/// Whether the half-day counts as countersigned where trainers are paid (pay forms, review).
async fn led_countersigned(h: &HalfDay) -> Option<bool> {
    let s = h.app.store();
    let c = hybride_training::cohorts::get(s, h.s.cohort).await.unwrap();
    let t = hybride_training::trainings::get(s, c.training_id)
        .await
        .unwrap();
    hybride_training::pay::half_days(s, &c, &t)
        .await
        .unwrap()
        .iter()
        .find(|l| l.activity_id == h.a.id && l.slot == h.slot.key())
        .map(|l| l.countersigned)
}

/// Inès signs by code; Zoé is absent, her justification accepted. The trainer countersigns,
/// before the end with its reason: the sheet they read, its fingerprint (`seen`), and the
/// countersignature.
async fn countersigned_before_the_end(h: &HalfDay) -> (String, record::Event) {
    h.sign_by_code(0).await;
    h.mark(2, "absent", "", "Jury d’examen").await;
    h.mark(2, "accept", "", "").await;
    let seen = seen_in(&h.sheet().await);
    let to = h.countersign(&seen, "Sortie scolaire à encadrer").await;
    assert!(to.contains("ok=countersigned"), "{to}");
    let first = h.events().await.last().unwrap().clone();
    assert_eq!(first.kind, Kind::Countersigned);
    assert_eq!(first.attests.as_deref(), Some(seen.as_str()));
    let sheet = h.sheet().await;
    assert!(sheet.contains(&h.countersigned_at(first.at)), "{sheet}");
    assert!(sheet.contains("Sortie scolaire à encadrer"));
    assert!(!sheet.contains("À contresigner de nouveau"));
    let v = record::verify(h.app.store()).await.unwrap();
    assert!(
        v.breaks.is_empty() && v.to_countersign_again.is_empty(),
        "{v:?}"
    );
    (seen, first)
}

/// Then Tom signs late, by code; Zoé, whose absence was accepted, signs too; the trainer
/// records Tom's late arrival. A time still to come is refused, on its field, in the pages and
/// in the API.
async fn late_marks_arrive(h: &HalfDay) {
    h.sign_by_code(1).await;
    h.sign_by_code(2).await;
    let to = h.mark(1, "late", &hh_mm_in(-60), "").await;
    assert!(to.contains("ok=marked"), "{to}");
    let ines = h.s.trainees[0].id;
    let to = h.mark(0, "early", &hh_mm_in(120), "").await;
    assert!(
        to.contains("error=time-future") && to.contains(&format!("user={ines}")),
        "{to}"
    );
    let (_, page) = h.trainer.get_html(&to).await;
    let field = &page[page.find(&format!("id=\"f-time-{ines}\"")).unwrap()..];
    assert!(field[..field.find('>').unwrap()].contains("aria-invalid=\"true\""));
    let message = format!("id=\"f-time-{ines}-error\">Cette heure n’est pas encore passée");
    assert!(page.contains(&message), "{page}");
    let (status, p) = h
        .api
        .post(
            &format!("/api/v1/activities/{}/attendance", h.a.id),
            json!({"slot": h.key(), "user_id": ines, "action": "early", "time": hh_mm_in(120)}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
    assert_eq!(p["errors"][0]["field"], "time", "{p}");
    assert!(p["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("pas encore passée"));
}

/// The sheet keeps the countersignature as it was, shows the marks that came after it as
/// corrections (when, by whom), and the half-day is to countersign again — on the page, the
/// cohort's overview, the PDF, the CSV and in the API; `hybride verify` agrees. The marks
/// after the countersignature.
async fn the_sheet_shows_them_as_corrections(
    h: &HalfDay,
    first: &record::Event,
) -> Vec<record::Event> {
    let events = h.events().await;
    let after: Vec<record::Event> = events
        .into_iter()
        .skip_while(|e| e.id != first.id)
        .skip(1)
        .collect();
    let sheet = h.sheet().await;
    assert!(sheet.contains(&h.countersigned_at(first.at)));
    assert!(
        sheet.contains("À contresigner de nouveau")
            && sheet.contains("Corrections après la contresignature"),
        "{sheet}"
    );
    for e in &after {
        assert!(sheet.contains(&instant_words(Lang::Fr, e.at)), "{sheet}");
    }
    let late = format!(
        "Arrivée en retard à {}",
        clock(Lang::Fr, after[2].moment.unwrap())
    );
    for (who, what) in [
        ("Leroy Tom", "Signature (code lu)"),
        ("Faure Zoé", "Signature (code lu)"),
        ("Leroy Tom", &late),
    ] {
        let row = format!("<th scope=\"row\">{who}</th><td>{what}</td>");
        assert!(sheet.contains(&row), "{row}: {sheet}");
    }
    assert!(sheet.contains("<td>Nadia Haddad</td>") && sheet.contains("<td>Tom Leroy</td>"));
    let (_, overview) = h
        .trainer
        .get_html(&format!("/cohorts/{}/attendance", h.s.cohort))
        .await;
    assert!(overview.contains("À contresigner de nouveau"));
    let r = h
        .trainer
        .get(&format!("{}.pdf?slot={}", h.sheet_path, h.key()))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let text = pdf_text(&r.bytes().await.unwrap());
    for needle in [
        "Contresignée par Nadia Haddad",
        "Sortie scolaire à encadrer",
        "À contresigner de nouveau",
        "Après contresignature",
        "Signature (code lu)",
        "par Tom Leroy",
        "par Nadia Haddad",
        "à contresigner de nouveau",
    ] {
        assert!(text.contains(needle), "{needle} is not in the PDF: {text}");
    }
    let r = h
        .trainer
        .get(&format!("{}.csv?slot={}", h.sheet_path, h.key()))
        .await;
    let csv = r.text().await.unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].ends_with(";Après contresignature"), "{csv}");
    let line_of = |name: &str| *lines.iter().find(|l| l.contains(name)).unwrap();
    let tom = format!(
        "{} — par Tom Leroy — à contresigner de nouveau",
        instant_words(Lang::Fr, after[0].at)
    );
    assert!(
        line_of("Leroy Tom").contains("Signature (code lu)") && line_of("Leroy Tom").contains(&tom)
    );
    assert!(line_of("Faure Zoé").contains("à contresigner de nouveau"));
    assert!(
        line_of("Garcia Inès").ends_with(';'),
        "no correction for Inès"
    );
    let sheet = h.api_sheet().await;
    assert_eq!(sheet["countersigning"], "to_countersign_again");
    let corrections = sheet["corrections"].as_array().unwrap();
    assert_eq!(corrections.len(), 3);
    assert!(corrections.iter().all(|c| c["countersigned_at"].is_null()));
    let v = record::verify(h.app.store()).await.unwrap();
    assert!(v.breaks.is_empty(), "{v:?}");
    let waiting = record::HalfDayRef {
        cohort_id: h.s.cohort,
        activity_id: h.a.id,
        slot: h.key(),
    };
    assert_eq!(v.to_countersign_again, [waiting]);
    after
}

/// The trainer countersigns again once they have read the corrections (not from the sheet read
/// before them), still with the reason; then nothing is left to countersign.
async fn countersigned_again(h: &HalfDay, seen_before: &str, first: &record::Event) {
    let to = h
        .countersign(seen_before, "Sortie scolaire à encadrer")
        .await;
    assert!(to.contains("error=sheet-changed"), "{to}");
    let sheet = h.sheet().await;
    assert!(sheet.contains("Contresigner de nouveau"));
    let to = h.countersign(&seen_in(&sheet), "").await;
    assert!(to.contains("error=countersign-early"), "{to}");
    let (_, page) = h.trainer.get_html(&to).await;
    assert!(page.contains("id=\"f-countersign-reason-error\""), "{page}");
    let to = h
        .countersign(&seen_in(&sheet), "Sortie scolaire à encadrer")
        .await;
    assert!(to.contains("ok=countersigned"), "{to}");
    let second = h.events().await.last().unwrap().clone();
    let sheet = h.sheet().await;
    assert!(sheet.contains(&h.countersigned_at(first.at)));
    assert!(sheet.contains("Contresignée de nouveau par Nadia Haddad"));
    assert!(!sheet.contains("À contresigner de nouveau"), "{sheet}");
    let again = format!(
        "contresignée de nouveau le {}",
        instant_words(Lang::Fr, second.at)
    );
    assert!(sheet.contains(&again), "{sheet}");
    let api = h.api_sheet().await;
    assert_eq!(api["countersigning"], "countersigned");
    let corrections = api["corrections"].as_array().unwrap();
    assert!(corrections
        .iter()
        .all(|c| c["countersigned_at"] == second.at));
    let v = record::verify(h.app.store()).await.unwrap();
    assert!(
        v.breaks.is_empty() && v.to_countersign_again.is_empty(),
        "{v:?}"
    );
    // Nothing new since: nothing to countersign.
    assert!(!h.sheet().await.contains("name=\"seen\""));
    let seen = record::fingerprint(&h.events().await);
    let to = h.countersign(&seen, "x").await;
    assert!(to.contains("error=already-countersigned"), "{to}");
}

#[tokio::test]
async fn virtual_classes_count_from_the_servers_analytics_or_from_confirmations() {
    python_package("jwt", "PyJWT");
    let secret = "bbb-shared-secret-for-tests";
    let app = TestApp::start_configured(|c| {
        c.with_bbb(hybride_connect::bbb::BbbConfig {
            api_url: "http://127.0.0.1:9/bigbluebutton/api/".into(),
            secret: secret.into(),
            checksum: hybride_connect::bbb::Checksum::Sha256,
        })
    })
    .await;
    let s = setup(&app).await;
    // A virtual class of 90 minutes yesterday morning (09:00–10:30, one half-day), on
    // BigBlueButton.
    let yesterday_nine = jiff::Timestamp::now()
        .in_tz("Europe/Paris")
        .unwrap()
        .date()
        .yesterday()
        .unwrap()
        .at(9, 0, 0, 0)
        .in_tz("Europe/Paris")
        .unwrap()
        .timestamp();
    let ago = (jiff::Timestamp::now().as_second() - yesterday_nine.as_second()) / 60;
    let vc = activity(
        &app,
        &s,
        s.step_sync,
        Modality::VirtualClass,
        -ago,
        -ago + 90,
        "Classe virtuelle",
    )
    .await;
    // Another one under way, on another tool, within the current half-day.
    let (from, to) = around_now(5, 60).await;
    let live = activity(
        &app,
        &s,
        s.step_sync,
        Modality::Webinar,
        from,
        to,
        "Webinaire",
    )
    .await;
    run(&app, &s).await;
    cohorts::set_bbb_room(
        app.store(),
        s.cohort,
        vc.id,
        "hybride-meeting-abc",
        &format!("{}/rooms/{}", app.base, vc.id),
    )
    .await
    .unwrap();
    let start = vc.starts_at;
    let payload = json!({
        "version": "1.0",
        "meeting_id": "hybride-meeting-abc",
        "internal_meeting_id": "f00-123",
        "data": {
            "metadata": {"analytics_callback_url": "…"},
            "duration": 5400,
            "start": start, "finish": vc.ends_at,
            "attendees": [
                // 85 minutes of 90: counted.
                {"ext_user_id": s.trainees[0].id.to_string(), "name": "Inès", "moderator": false,
                 "joins": [start + 60], "leaves": [start + 60 + 85 * 60]},
                // 30 + 20 minutes: not counted.
                {"ext_user_id": s.trainees[1].id.to_string(), "name": "Tom", "moderator": false,
                 "joins": [start, start + 3000], "leaves": [start + 1800, start + 4200]},
                {"ext_user_id": s.trainer.id.to_string(), "name": "Nadia", "moderator": true,
                 "joins": [start], "leaves": [vc.ends_at]},
                {"ext_user_id": "w_guest", "name": "Invité", "moderator": false, "duration": 5400}
            ]
        }
    });
    let jwt_with = |key: &str, claims: &str| {
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(format!(
                "import jwt, time, uuid; print(jwt.encode({claims}, '{key}', algorithm='HS512'))"
            ))
            .output()
            .expect("python3 with PyJWT");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    };
    // Each token differs (`jti`), as the server's do from one meeting to the next.
    let jwt = |key: &str| {
        jwt_with(
            key,
            "{'exp': int(time.time()) + 86400, 'jti': str(uuid.uuid4())}",
        )
    };
    let client = reqwest::Client::new();
    let post = |token: String| {
        client
            .post(app.url("/api/v1/bbb/analytics"))
            .bearer_auth(token)
            .json(&payload)
            .send()
    };
    // A wrong secret, or no token at all, records nothing.
    let r = post(jwt("not-the-secret")).await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = client
        .post(app.url("/api/v1/bbb/analytics"))
        .json(&payload)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    // A token without its end (`exp`) is good for nothing.
    let r = post(jwt_with(secret, "{'jti': 'no-end'}")).await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(record::of_activity(app.store(), vc.id)
        .await
        .unwrap()
        .is_empty());
    let token = jwt(secret);
    let r = post(token.clone()).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body, json!({"credited": 2, "ignored": 2}));
    let n = record::of_activity(app.store(), vc.id).await.unwrap().len();
    // Heard once: the same meeting posted again, with a new token or the captured one, is
    // refused and records nothing.
    for t in [jwt(secret), token.clone()] {
        let r = post(t).await.unwrap();
        assert_eq!(r.status(), StatusCode::CONFLICT);
    }
    assert_eq!(
        record::of_activity(app.store(), vc.id).await.unwrap().len(),
        n
    );
    // The captured token does not serve for another meeting either (yesterday afternoon's);
    // a fresh one is heard.
    let afternoon = activity(
        &app,
        &s,
        s.step_sync,
        Modality::VirtualClass,
        -ago + 300,
        -ago + 360,
        "Classe virtuelle de l’après-midi",
    )
    .await;
    cohorts::set_bbb_room(
        app.store(),
        s.cohort,
        afternoon.id,
        "hybride-meeting-live",
        &format!("{}/rooms/{}", app.base, afternoon.id),
    )
    .await
    .unwrap();
    let mut other = payload.clone();
    other["meeting_id"] = json!("hybride-meeting-live");
    other["data"]["attendees"] = json!([]);
    let post_other = |token: String| {
        client
            .post(app.url("/api/v1/bbb/analytics"))
            .bearer_auth(token)
            .json(&other)
            .send()
    };
    assert_eq!(
        post_other(token).await.unwrap().status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        post_other(jwt(secret)).await.unwrap().status(),
        StatusCode::OK
    );
    // A room whose activity ended three days ago: too late, in words.
    let old = activity(
        &app,
        &s,
        s.step_sync,
        Modality::VirtualClass,
        -ago - 3 * 24 * 60,
        -ago - 3 * 24 * 60 + 90,
        "Classe virtuelle ancienne",
    )
    .await;
    cohorts::set_bbb_room(
        app.store(),
        s.cohort,
        old.id,
        "hybride-meeting-old",
        &format!("{}/rooms/{}", app.base, old.id),
    )
    .await
    .unwrap();
    let mut late = payload.clone();
    late["meeting_id"] = json!("hybride-meeting-old");
    let r = client
        .post(app.url("/api/v1/bbb/analytics"))
        .bearer_auth(jwt(secret))
        .json(&late)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let p: Value = r.json().await.unwrap();
    assert!(p["title"].as_str().unwrap().contains("trop tard"), "{p}");
    assert!(record::of_activity(app.store(), old.id)
        .await
        .unwrap()
        .is_empty());

    let trainer_api = app.token_for(&s.trainer).await;
    let (_, att) = trainer_api
        .get(&format!("/api/v1/activities/{}/attendance", vc.id))
        .await;
    let rows: Vec<(i64, bool, i64)> = att["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|sh| sh["rows"].as_array().unwrap().clone())
        .filter(|r| r["presence"]["connected_minutes"].is_i64())
        .map(|r| {
            (
                r["presence"]["connected_minutes"].as_i64().unwrap(),
                r["attended"].as_bool().unwrap(),
                r["credited_minutes"].as_i64().unwrap(),
            )
        })
        .collect();
    let total: i64 = rows.iter().map(|r| r.0).sum();
    assert_eq!(total, 85 + 50, "{att}");
    assert!(rows.iter().any(|r| r.1 && r.2 > 0));

    // Without the server's data: « je suis présent » in the webinar under way.
    let ines = browser_of(&app, &s.trainees[0]).await;
    let (_, space) = ines.get_html(&format!("/cohorts/{}", s.cohort)).await;
    assert!(
        space.contains(&format!("/activities/{}/present", live.id)),
        "{space}"
    );
    let r = ines
        .post_form(
            &format!("/cohorts/{}/activities/{}/present", s.cohort, live.id),
            &[],
        )
        .await;
    assert!(location(&r).contains("ok=presence-confirmed"));
    let marks = record::of_activity(app.store(), live.id).await.unwrap();
    let kinds: Vec<&str> = marks.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["joined", "confirmed"]);

    // The validation reflects the minutes: Inès's two virtual half-days count (the server's
    // minutes, then her confirmation), Tom's 50 minutes of 90 do not.
    let (_, all) = trainer_api
        .get(&format!("/api/v1/cohorts/{}/validation", s.cohort))
        .await;
    let sync_of = |id: i64| {
        all.as_array()
            .unwrap()
            .iter()
            .find(|v| v["user_id"] == id)
            .unwrap()["validation"]["budgets"][1]["achieved_minutes"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(sync_of(s.trainees[0].id), 180);
    assert_eq!(sync_of(s.trainees[1].id), 0);
}

#[tokio::test]
async fn asynchronous_work_is_declared_validated_and_imported_from_the_lms() {
    let app = TestApp::start().await;
    let s = setup(&app).await;
    let a = activity(
        &app,
        &s,
        s.step_async,
        Modality::Async,
        -60,
        7 * 24 * 60,
        "Produire une grille",
    )
    .await;
    let later = activity(
        &app,
        &s,
        s.step_async,
        Modality::Async,
        3 * 24 * 60,
        10 * 24 * 60,
        "Analyser une copie",
    )
    .await;
    run(&app, &s).await;
    let ines = browser_of(&app, &s.trainees[0]).await;
    let trainer = browser_of(&app, &s.trainer).await;
    // An activity that has not opened yet cannot be declared.
    let r = ines
        .post_form(
            &format!("/cohorts/{}/activities/{}/declaration", s.cohort, later.id),
            &[("text", "Déjà fait ?")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let path = format!("/cohorts/{}/activities/{}/declaration", s.cohort, a.id);
    let (status, page) = ines.get_html(&path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Non déclarée") && page.contains("dans la limite de la durée estimée"));
    // Evidence is required; a link must be one.
    let r = ines.post_form(&path, &[("text", ""), ("link", "")]).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = ines
        .post_form(&path, &[("text", "ok"), ("link", "javascript:alert(1)")])
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("f-link-error"));
    let r = ines
        .post_form(
            &path,
            &[
                ("text", "Grille construite avec ma collègue de SVT."),
                (
                    "link",
                    "https://magistere.education.fr/ac-lyon/mod/assign/view.php?id=42",
                ),
                ("minutes", "1 h 30"),
            ],
        )
        .await;
    assert!(location(&r).contains("ok=declared"));

    // The trainer asks for more (with a comment), then validates.
    let sheet = format!("/cohorts/{}/activities/{}/attendance", s.cohort, a.id);
    let (_, html) = trainer.get_html(&sheet).await;
    assert!(html.contains("Déclarée, à valider") && html.contains("ma collègue de SVT"));
    let decide = format!(
        "/cohorts/{}/activities/{}/declarations/{}",
        s.cohort, a.id, s.trainees[0].id
    );
    let r = trainer.post_form(&decide, &[("decision", "more")]).await;
    assert!(location(&r).contains("error=reason-required"));
    trainer
        .post_form(
            &decide,
            &[
                ("decision", "more"),
                ("comment", "Ajoutez un exemple corrigé."),
            ],
        )
        .await;
    let (_, page) = ines.get_html(&path).await;
    assert!(page.contains("Complément demandé") && page.contains("exemple corrigé"));
    ines.post_form(
        &path,
        &[("text", "Exemple corrigé ajouté."), ("minutes", "3 h")],
    )
    .await;
    let r = trainer
        .post_form(&decide, &[("decision", "validate")])
        .await;
    assert!(location(&r).contains("ok=decided"));
    // Declared 3 h, capped at the 2 h estimate.
    let (_, page) = ines.get_html(&path).await;
    assert!(
        page.contains("Validée") && page.contains("Temps retenu\u{a0}: 2\u{a0}h"),
        "{page}"
    );

    // An LMS export: all or nothing, with line numbers.
    let import = format!("{sheet}/import");
    let upload = |csv: &'static str| {
        let trainer = &trainer;
        let import = import.clone();
        async move {
            let token = trainer.csrf().await;
            let form = reqwest::multipart::Form::new().text("csrf", token).part(
                "file",
                reqwest::multipart::Part::bytes(csv.as_bytes().to_vec())
                    .file_name("achevement.csv"),
            );
            trainer
                .client
                .post(format!("{}{}", trainer.base, import))
                .multipart(form)
                .send()
                .await
                .unwrap()
        }
    };
    let r = upload(
        "Prénom;Nom;Adresse de courriel;Produire une grille;Produire une grille - date\n\
         Tom;Leroy;tom.leroy@ac-lyon.fr;Terminé;20/11/2026\n\
         X;Y;inconnu@ac-lyon.fr;Terminé;20/11/2026\n",
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Ligne 3") && html.contains("inconnu@ac-lyon.fr"),
        "{html}"
    );
    let before = record::of_activity(app.store(), a.id).await.unwrap().len();
    let r = upload(
        "Prénom;Nom;Adresse de courriel;Produire une grille;Produire une grille - date\n\
         Tom;Leroy;tom.leroy@ac-lyon.fr;Terminé;20/11/2026\n\
         Zoé;Faure;zoe.faure@ac-lyon.fr;Non terminé;\n",
    )
    .await;
    assert!(location(&r).contains("ok=imported"), "{}", location(&r));
    let events = record::of_activity(app.store(), a.id).await.unwrap();
    assert_eq!(events.len(), before + 1);
    let last = events.last().unwrap();
    assert_eq!(last.subject_id, s.trainees[1].id);
    assert_eq!(last.channel.as_str(), "import");

    // Evidence may be a file (PDF, PNG, JPEG, known by its bytes): kept, linked, and part of the
    // record — a file swapped afterwards is found.
    let tom = browser_of(&app, &s.trainees[1]).await;
    let send = |bytes: Vec<u8>, name: &'static str| {
        let tom = &tom;
        let path = path.clone();
        async move {
            let token = tom.csrf().await;
            let form = reqwest::multipart::Form::new()
                .text("csrf", token)
                .text("text", "")
                .part(
                    "document",
                    reqwest::multipart::Part::bytes(bytes).file_name(name),
                );
            tom.client
                .post(format!("{}{}", tom.base, path))
                .multipart(form)
                .send()
                .await
                .unwrap()
        }
    };
    let r = send(b"MZ\x90\x00 not a document".to_vec(), "grille.pdf").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Seuls les fichiers PDF, PNG ou JPEG"));
    // A file over 10 Mo: the form again, with the refusal on its field; far over, a page in
    // words (never the bare « payload too large »).
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(11 * 1024 * 1024, b'0');
    let r = send(big, "scan.pdf").await;
    let status = r.status();
    let html = r.text().await.unwrap();
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("Le fichier dépasse 10"), "{html}");
    let mut huge = b"%PDF-1.7\n".to_vec();
    huge.resize(20 * 1024 * 1024, b'0');
    let r = send(huge, "scan.pdf").await;
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let html = r.text().await.unwrap();
    assert!(html.contains("10\u{a0}Mo au plus par fichier"), "{html}");
    let r = send(
        b"%PDF-1.7\n% grille de Tom\n".to_vec(),
        "../../grille Tom.pdf",
    )
    .await;
    assert!(location(&r).contains("ok=declared"), "{}", location(&r));
    let (_, page) = tom.get_html(&path).await;
    let doc_at = page.find("/documents/").expect("a link to the file");
    let doc_path: String = page[doc_at - 20..]
        .split('"')
        .find(|p| p.contains("/documents/"))
        .unwrap()
        .to_owned();
    let r = tom.get(&doc_path).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("grille_Tom.pdf"));
    assert_eq!(
        r.bytes().await.unwrap().as_ref(),
        b"%PDF-1.7\n% grille de Tom\n"
    );
    assert_eq!(trainer.get(&doc_path).await.status(), StatusCode::OK);
    assert_eq!(ines.get(&doc_path).await.status(), StatusCode::NOT_FOUND);
    assert!(record::verify(app.store()).await.unwrap().breaks.is_empty());
    hybride_store::testing::tamper(
        app.store(),
        "UPDATE attendance_documents SET name = name || '' ",
    )
    .await
    .unwrap();
    assert!(
        record::verify(app.store()).await.unwrap().breaks.is_empty(),
        "the name is not the proof"
    );
    hybride_store::testing::tamper(
        app.store(),
        "UPDATE attendance_documents SET body = body || body",
    )
    .await
    .unwrap();
    let v = record::verify(app.store()).await.unwrap();
    assert_eq!(v.breaks.len(), 1, "{v:?}");
    assert_eq!(v.breaks[0].problem, "document");
    hybride_store::testing::tamper(
        app.store(),
        "UPDATE attendance_documents SET body = substr(body, 1, length(body) / 2)",
    )
    .await
    .unwrap();
    assert!(
        record::verify(app.store()).await.unwrap().breaks.is_empty(),
        "restored"
    );

    // The trainee's validation shows the credited time.
    let api = app.token_for(&s.trainees[0]).await;
    let (_, mine) = api
        .get(&format!("/api/v1/cohorts/{}/validation", s.cohort))
        .await;
    assert_eq!(mine[0]["validation"]["budgets"][2]["achieved_minutes"], 120);
    let (status, page) = ines
        .get_html(&format!("/cohorts/{}/validation", s.cohort))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Ma validation") && !page.contains("Leroy"));
}
