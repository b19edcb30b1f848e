//! After the training, tried as people would on the demo académie: the trainer closes a running
//! cohort (its contents stay available, the checklist says until when), downloads the bundle and
//! finds in it every sheet, certificate and pay form with the right people and hours; the pay
//! form's hours are the attendance record's; the bundle is marked as transmitted and
//! `admin_documents` turns done, then warns when the record changes afterwards; pay rates and
//! lump sums are refused field by field outside the arrêté's ranges.

#[path = "after/certificates.rs"]
mod certificates;
mod common;

use common::*;
use hybride_domain::attendance::{Channel, Kind};
use hybride_domain::{CohortStatus, Email, Modality};
use hybride_store::{cohorts, people, trainings};
use reqwest::StatusCode;
use std::io::Read;

fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A poppler tool (`pdftotext`, `pdftoppm`) run on `pdf`; none when poppler-utils is missing
/// outside CI (`.ci/run` installs it, and there its absence fails the test).
fn poppler(tool: &str, pdf: &[u8], args: &[&str]) -> Option<std::process::Output> {
    let dir = std::env::temp_dir().join(format!(
        "hybride-poppler-{}-{}",
        std::process::id(),
        pdf.len()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("document.pdf");
    std::fs::write(&file, pdf).unwrap();
    match std::process::Command::new(tool)
        .args(args)
        .arg(&file)
        .arg(dir.join("out"))
        .output()
    {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(out)
        }
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("{tool} is missing (poppler-utils): the PDF checks by poppler are skipped");
            None
        }
        Err(e) => panic!("{tool} (poppler-utils) is needed in CI: {e}"),
    }
}

/// The PDF's text as poppler reads it (blanks as one space).
fn poppler_text(pdf: &[u8]) -> Option<String> {
    let dir = std::env::temp_dir().join(format!(
        "hybride-poppler-{}-{}",
        std::process::id(),
        pdf.len()
    ));
    poppler("pdftotext", pdf, &["-enc", "UTF-8"])?;
    let text = std::fs::read_to_string(dir.join("out")).unwrap();
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The first page rendered by poppler in grey at 40 dpi: (width, height, share of inked pixels
/// in thousandths).
fn poppler_render(pdf: &[u8]) -> Option<(usize, usize, usize)> {
    let dir = std::env::temp_dir().join(format!(
        "hybride-poppler-{}-{}",
        std::process::id(),
        pdf.len()
    ));
    poppler(
        "pdftoppm",
        pdf,
        &["-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile"],
    )?;
    let pgm = std::fs::read(dir.join("out.pgm")).unwrap();
    // P5 (binary grey map): magic, width, height, maxval, then one byte per pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = &pgm[at + 1..];
    assert_eq!(pixels.len(), w * h);
    let inked = pixels.iter().filter(|p| **p < 128).count();
    Some((w, h, inked * 1000 / (w * h)))
}

fn item<'a>(checklist: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    checklist["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == key)
        .unwrap_or_else(|| panic!("{key} in {checklist}"))
}

#[tokio::test]
async fn a_trainer_closes_a_cohort_and_hands_in_its_documents() {
    let app = TestApp::start_with(true).await;
    let hash = hybride_training::password::hash(hybride_demo::DEMO_PASSWORD).unwrap();
    hybride_demo::seed(app.store(), &hash, jiff::civil::date(2026, 11, 30))
        .await
        .unwrap();
    hybride_demo::lived::seed(&app.state).await.unwrap();
    let s = app.store();
    let email = Email::parse("formateur@demo.hybride.test").unwrap();
    let trainer = people::by_email(s, &email).await.unwrap().unwrap();
    let api = app.token_for(&trainer).await;
    // The demo's closed cohorts were closed with every declaration decided.
    for c in cohorts::list(s, cohorts::CohortFilter::default())
        .await
        .unwrap()
    {
        if c.status == CohortStatus::Closed {
            let pending = hybride_training::closing::pending(s, &c).await.unwrap();
            assert!(pending.declarations.is_empty(), "{}", c.label);
        }
    }

    // A running cohort of the demo trainer with in-person half-days attended.
    let mut chosen = None;
    for c in cohorts::list(
        s,
        cohorts::CohortFilter {
            trainer_id: Some(trainer.id),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    {
        if c.status != CohortStatus::Running {
            continue;
        }
        let t = trainings::get(s, c.training_id).await.unwrap();
        let led = hybride_training::pay::half_days(s, &c, &t).await.unwrap();
        if led.iter().any(|h| h.modality == Modality::InPerson) {
            chosen = Some((c, t, led));
            break;
        }
    }
    let (c, t, led) = chosen.expect("a running demo cohort with attended half-days");
    let id = c.id;

    // Before closing: nothing to hand in yet, contents planned.
    let (status, list) = api.get(&format!("/api/v1/cohorts/{id}/checklist")).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(item(&list, "admin_documents")["status"], "not_applicable");

    // The trainer closes the cohort from its page.
    let b = app.anonymous();
    assert_eq!(
        b.login(email.as_str(), hybride_demo::DEMO_PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // Declarations of distance work still awaiting a decision keep it open: the page lists
    // them instead of the button, and closing is refused until the trainer decides them.
    let pending = hybride_training::closing::pending(s, &c).await.unwrap();
    let (_, page) = b.get_html(&format!("/cohorts/{id}")).await;
    if !pending.declarations.is_empty() {
        assert!(page.contains("Avant de clore"), "{page}");
        assert!(!page.contains("Clore la session"), "{page}");
        let r = b
            .post_form(&format!("/cohorts/{id}/status"), &[("status", "closed")])
            .await;
        assert_eq!(
            r.headers()["location"],
            format!("/cohorts/{id}?error=declarations-pending#h-closing")
        );
        assert_eq!(
            cohorts::get(s, id).await.unwrap().status,
            CohortStatus::Running
        );
        certificates::decide_every_declaration(&b, s, &c).await;
    }
    let (_, page) = b.get_html(&format!("/cohorts/{id}")).await;
    assert!(page.contains("Clore la session"), "the trainer may close");
    let r = b
        .post_form(&format!("/cohorts/{id}/status"), &[("status", "closed")])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let c = cohorts::get(s, id).await.unwrap();
    assert_eq!(c.status, CohortStatus::Closed);
    assert!(c.closed_at.is_some());
    let (_, list) = api.get(&format!("/api/v1/cohorts/{id}/checklist")).await;
    let contents = item(&list, "contents_available");
    assert_eq!(contents["status"], "done");
    let until = hybride_store::after::contents_until(&c.ends_on, 24);
    assert!(
        contents["evidence"][0]
            .as_str()
            .unwrap()
            .contains(&until.year().to_string()),
        "{contents}"
    );
    assert_eq!(item(&list, "admin_documents")["status"], "todo");

    // The pay form's hours are the attendance record's: every attended half-day's planned
    // minutes, shared by the co-animation rule between those who led it.
    let (forms, _, rates, _) = hybride_training::pay::pay_forms(s, &c, &t, Some(trainer.id))
        .await
        .unwrap();
    let mine = &forms[0].form;
    let expected: i64 = led
        .iter()
        .filter(|h| h.trainers.contains(&trainer.id))
        .map(|h| h.minutes)
        .sum();
    assert!(expected > 0);
    assert_eq!(mine.delivered_minutes, expected);
    let paid: i64 = led
        .iter()
        .filter(|h| h.trainers.contains(&trainer.id))
        .map(|h| {
            hybride_domain::pay::paid_minutes(
                h.minutes,
                h.trainers.len(),
                rates.coanimation_per_mille,
            )
        })
        .sum();
    assert_eq!(mine.paid_minutes, paid);
    // Each half-day's minutes, checked against the sheets' own arithmetic.
    let steps = trainings::steps(s, t.id).await.unwrap();
    for h in &led {
        let a = cohorts::activity(s, id, h.activity_id).await.unwrap();
        let slot = hybride_training::attendance::slots(&a, &steps)
            .into_iter()
            .find(|x| x.key() == h.slot)
            .unwrap();
        assert_eq!(slot.planned_minutes, h.minutes);
    }
    let (_, pay_page) = b.get_html(&format!("/cohorts/{id}/pay")).await;
    assert!(pay_page.contains(&trainer.last_name), "{pay_page}");

    // The trainer states their statut; a bad one is refused on its field.
    let r = b
        .post_form(
            &format!("/cohorts/{id}/pay/{}/profile", trainer.id),
            &[
                ("status", "bénévole"),
                ("grade", "certifié"),
                ("employer", ""),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = b
        .post_form(
            &format!("/cohorts/{id}/pay/{}/profile", trainer.id),
            &[
                ("status", "civil"),
                ("grade", "Professeure certifiée"),
                ("employer", "Collège Jean-Moulin"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // A trainer grants no lump sum; the pilot does, inside the arrêté's range.
    let r = b
        .post_form(
            &format!("/cohorts/{id}/pay/lumps"),
            &[
                ("trainer", &trainer.id.to_string()),
                ("kind", "tutoring"),
                ("amount", "200"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // The training's pilot or an admin grants it.
    let (pilot, _) = app.as_admin().await;
    let (status, html) = {
        let r = pilot
            .post_form(
                &format!("/cohorts/{id}/pay/lumps"),
                &[
                    ("trainer", &trainer.id.to_string()),
                    ("kind", "tutoring"),
                    ("amount", "900"),
                ],
            )
            .await;
        let st = r.status();
        (st, r.text().await.unwrap())
    };
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("fourchette"), "the range is named");
    let r = pilot
        .post_form(
            &format!("/cohorts/{id}/pay/lumps"),
            &[
                ("trainer", &trainer.id.to_string()),
                ("kind", "tutoring"),
                ("amount", "200"),
                ("note", "Suivi du forum"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let pdf = b
        .get(&format!(
            "/cohorts/{id}/pay/{}/remuneration.pdf",
            trainer.id
        ))
        .await
        .bytes()
        .await
        .unwrap();
    let text = pdf_text(&pdf);
    for needle in [
        "Fiche de rémunération",
        &t.title,
        trainer.last_name.as_str(),
        "Professeure certifiée",
        "Accompagnement pédagogique",
        "200,00",
    ] {
        let needle = needle.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&needle), "{needle} in {text}");
    }
    // The total the record gives now (the hours the demo has attended by today's hour, and the
    // lump sum), as the form writes it in French.
    let (forms, _, _, _) = hybride_training::pay::pay_forms(s, &c, &t, Some(trainer.id))
        .await
        .unwrap();
    let cents = forms[0].form.total_cents;
    assert!(
        cents > 20_000,
        "the lump sum (200 €) and the hours: {cents}"
    );
    // The last three digits of the euros: a larger total groups its thousands with a space.
    let total = format!("{},{:02}", (cents / 100) % 1000, cents % 100);
    // The same form read by poppler: its text, and its first page drawn as an A4 portrait page
    // with ink on it.
    if let Some(text) = poppler_text(&pdf) {
        for needle in [
            "Fiche de rémunération",
            trainer.last_name.as_str(),
            total.as_str(),
        ] {
            assert!(text.contains(needle), "{needle} in {text}");
        }
    }
    if let Some((w, h, inked)) = poppler_render(&pdf) {
        // A4 at 40 dpi: 331 × 468 pixels.
        assert!(
            (325..=335).contains(&w) && (462..=474).contains(&h),
            "{w} × {h}"
        );
        // A blank page draws nothing; every document of the bundle draws 4 ‰ to 7 ‰ at 40 dpi
        // (a chronogramme 24 ‰), depending on its names and rows.
        assert!(inked >= 2, "a page with text and a table: {inked}‰ inked");
    }
    // Another trainer's pay form is not the trainer's to read.
    let other = forms.len();
    assert_eq!(other, 1);

    // The bundle: every document, the summary, the list of files.
    let r = b.get(&format!("/cohorts/{id}/bundle.zip")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/zip");
    let zip = r.bytes().await.unwrap().to_vec();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let names: Vec<String> = archive.file_names().map(str::to_owned).collect();
    let enrolled = cohorts::enrollments(s, id).await.unwrap();
    let certificates = names
        .iter()
        .filter(|n| n.starts_with("certificat-"))
        .count();
    assert_eq!(certificates, enrolled.len());
    assert!(names.iter().any(|n| n.starts_with("remuneration-")));
    assert!(names.iter().any(|n| n.starts_with("chronogramme-")));
    assert!(names.contains(&"synthese.csv".to_owned()));
    // The sheet of the in-person half-day most attended (which half-days have ended depends on
    // the hour the demo was seeded at): signatures, a table, a fingerprint.
    let shown = led
        .iter()
        .filter(|h| h.modality == Modality::InPerson)
        .max_by_key(|h| (h.attended, h.starts_at))
        .expect("an attended in-person half-day");
    let suffix = format!("-{}-{}.pdf", shown.activity_id, shown.slot);
    let sheet_name = names
        .iter()
        .find(|n| n.starts_with("emargement-") && n.ends_with(&suffix))
        .unwrap_or_else(|| panic!("{suffix} in {names:?}"))
        .clone();
    let mut sheet = Vec::new();
    archive
        .by_name(&sheet_name)
        .unwrap()
        .read_to_end(&mut sheet)
        .unwrap();
    let text = pdf_text(&sheet);
    let title = t.title.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&title), "{text}");
    assert!(
        enrolled.iter().any(|e| text.contains(&e.last_name)),
        "a trainee's name in {text}"
    );
    if let Some(text) = poppler_text(&sheet) {
        assert!(text.contains(&title), "{text}");
        assert!(
            text.contains("Empreinte"),
            "the events' fingerprint: {text}"
        );
    }
    if let Some((w, h, inked)) = poppler_render(&sheet) {
        assert!(w < h, "portrait: {w} × {h}");
        assert!(inked >= 2, "{inked}‰ inked");
    }
    // Each trainee's distance work when the cohort has some: her lines, her credited time as
    // her validation counts it, and a place for both signatures.
    let async_activities = cohorts::activities(s, id)
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.modality == Modality::Async)
        .count();
    let works: Vec<String> = names
        .iter()
        .filter(|n| n.starts_with("travail-distance-"))
        .cloned()
        .collect();
    if async_activities > 0 {
        assert_eq!(works.len(), enrolled.len(), "{names:?}");
        let who = enrolled
            .iter()
            .find(|e| works[0].ends_with(&format!("-{}.pdf", e.user_id)))
            .unwrap();
        let mut work = Vec::new();
        archive
            .by_name(&works[0])
            .unwrap()
            .read_to_end(&mut work)
            .unwrap();
        let text = pdf_text(&work);
        assert!(
            text.contains("Relevé du travail à distance") && text.contains(&who.last_name),
            "{text}"
        );
        assert!(text.contains("Le ou la stagiaire"), "{text}");
        let credited: i64 = hybride_training::attendance::validations(
            s,
            &cohorts::get(s, id).await.unwrap(),
            Some(who.user_id),
            hybride_store::now(),
        )
        .await
        .unwrap()[0]
            .validation
            .budgets
            .iter()
            .filter(|b| hybride_training::i18n::key(&b.budget) == "asynchronous")
            .map(|b| b.achieved_minutes)
            .sum();
        // The text as read, blanks (no-break spaces too) as one space.
        let credited = format!(
            "Temps retenu : {} sur",
            hybride_training::i18n::duration(credited)
        )
        .replace('\u{a0}', " ");
        assert!(text.contains(&credited), "{credited} in {text}");
        // Hers to download from her space; another trainee's is not.
        let api_docs = api.get(&format!("/api/v1/cohorts/{id}/documents")).await.1;
        assert_eq!(
            api_docs["documents"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["kind"] == "declarations")
                .count(),
            enrolled.len()
        );
    } else {
        assert!(works.is_empty());
    }
    // The table behind each document, as CSV: a certificate's budgets, her own only for a
    // trainee; a trainer's pay form, theirs only.
    let (_, list) = api.get(&format!("/api/v1/cohorts/{id}/documents")).await;
    let certificate = list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "certificate")
        .unwrap()
        .clone();
    let csv_url = certificate["csv_url"].as_str().unwrap();
    assert!(csv_url.contains("/tables/certificat-") && csv_url.ends_with(".csv"));
    let csv = b.get(csv_url).await.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'), "a BOM for spreadsheets");
    assert!(
        csv.contains("Présentiel") || csv.contains("présentiel"),
        "{csv}"
    );
    let xlsx = b
        .get(certificate["xlsx_url"].as_str().unwrap())
        .await
        .bytes()
        .await
        .unwrap();
    assert_eq!(&xlsx[..2], b"PK");
    let owner = certificate["user_id"].as_i64().unwrap();
    let owner = people::get(s, owner).await.unwrap();
    let her = app.anonymous();
    hybride_store::people::set_password(s, owner.id, &hash)
        .await
        .unwrap();
    her.login(owner.email.as_str(), hybride_demo::DEMO_PASSWORD)
        .await;
    assert_eq!(her.get(csv_url).await.status(), StatusCode::OK);
    let someone_else = list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "certificate" && d["user_id"] != owner.id)
        .unwrap()["csv_url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(her.get(&someone_else).await.status(), StatusCode::NOT_FOUND);
    let pay = list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "pay")
        .unwrap()["csv_url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(b.get(&pay).await.status(), StatusCode::OK);
    assert_eq!(her.get(&pay).await.status(), StatusCode::NOT_FOUND);
    // One convocation per trainee, naming her, with the schedule's places.
    let convocations: Vec<String> = names
        .iter()
        .filter(|n| n.starts_with("convocation-"))
        .cloned()
        .collect();
    assert_eq!(convocations.len(), enrolled.len());
    let first = enrolled
        .iter()
        .find(|e| convocations[0].ends_with(&format!("-{}.pdf", e.user_id)))
        .unwrap();
    let mut convocation = Vec::new();
    archive
        .by_name(&convocations[0])
        .unwrap()
        .read_to_end(&mut convocation)
        .unwrap();
    let text = pdf_text(&convocation);
    assert!(
        text.contains("Convocation") && text.contains(&first.last_name),
        "{text}"
    );
    // Its schedule reads as French dates (« jeudi 3 décembre 2026, 8 h 00 – 12 h 00 »), never ISO.
    let chars: Vec<char> = text.chars().collect();
    let iso = chars.windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == '-',
            _ => c.is_ascii_digit(),
        })
    });
    assert!(!iso, "an ISO date in the convocation: {text}");
    assert!(text.contains(" h "), "{text}");
    // The opening message, when published, with its parts.
    if hybride_store::during::published_opening(s, id)
        .await
        .unwrap()
        .is_some()
    {
        let name = names
            .iter()
            .find(|n| n.starts_with("message-ouverture-"))
            .expect("the published opening message in the bundle");
        let mut opening = Vec::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_end(&mut opening)
            .unwrap();
        let text = pdf_text(&opening);
        assert!(
            text.contains("Objectifs") || text.contains("objectifs"),
            "{text}"
        );
    }
    let mut summary = String::new();
    archive
        .by_name("synthese.csv")
        .unwrap()
        .read_to_string(&mut summary)
        .unwrap();
    assert_eq!(summary.lines().count(), enrolled.len() + 1, "{summary}");
    let mut listing = String::new();
    archive
        .by_name("fichiers.csv")
        .unwrap()
        .read_to_string(&mut listing)
        .unwrap();
    assert_eq!(listing.lines().count(), names.len() - 3 + 1, "{listing}");

    // The same list in the API, with the bundle's address; the pay forms as data.
    let (status, docs) = api.get(&format!("/api/v1/cohorts/{id}/documents")).await;
    assert_eq!(status, StatusCode::OK, "{docs}");
    assert_eq!(docs["documents"].as_array().unwrap().len(), names.len() - 3);
    assert!(names.contains(&"synthese.xlsx".to_owned()));
    assert_eq!(docs["bundle_url"], format!("/cohorts/{id}/bundle.zip"));
    let (status, pay) = api.get(&format!("/api/v1/cohorts/{id}/pay")).await;
    assert_eq!(status, StatusCode::OK, "{pay}");
    assert_eq!(pay[0]["form"]["delivered_minutes"], expected);
    assert_eq!(pay[0]["profile"]["grade"], "Professeure certifiée");

    // Marked as transmitted: admin_documents turns done, unless half-days lack a
    // countersignature (a warning that names them).
    let r = b
        .post_form(
            &format!("/cohorts/{id}/transmissions"),
            &[("note", "Dépôt Sofia n° 4512")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, list) = api.get(&format!("/api/v1/cohorts/{id}/checklist")).await;
    let docs = item(&list, "admin_documents");
    assert_ne!(docs["status"], "todo", "{docs}");
    let (_, page) = b.get_html(&format!("/cohorts/{id}/documents")).await;
    assert!(page.contains("Dépôt Sofia n° 4512"));

    // A correction after the transmission: the record changed, the checklist warns.
    let a = cohorts::activity(s, id, led[0].activity_id).await.unwrap();
    hybride_training::attendance::mark(
        s,
        &a,
        Some(&led[0].slot),
        enrolled[0].user_id,
        Kind::Absent,
        Channel::Trainer,
        trainer.id,
        hybride_training::attendance::Extra::note("Correction après dépôt"),
    )
    .await
    .unwrap();
    let (_, list) = api.get(&format!("/api/v1/cohorts/{id}/checklist")).await;
    let docs = item(&list, "admin_documents");
    assert_eq!(docs["status"], "warning", "{docs}");
    assert!(
        docs["evidence"].to_string().contains("transmettez"),
        "{docs}"
    );
}

#[tokio::test]
async fn pay_rates_stay_inside_the_arrete() {
    let app = TestApp::start().await;
    let (admin, _) = app.as_admin().await;
    let (status, html) = admin.get_html("/settings/pay").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Approfondissement"));
    let r = admin
        .post_form(
            "/settings/pay",
            &[
                ("hourly_initiation", "45"),
                ("hourly_deepening", "40"),
                ("hourly_expertise", "50"),
                ("hourly_lecture", "60"),
                ("hourly_exceptional_lecture", "120"),
                ("lump_engineering", "150"),
                ("lump_tutoring", "deux cents"),
                ("coanimation", "1,5"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(html.contains("f-lump_tutoring-error"), "field by field");
    assert_eq!(
        hybride_store::after::pay_rates(app.store()).await.unwrap(),
        hybride_domain::pay::Rates::default(),
        "nothing changed"
    );
    let r = admin
        .post_form(
            "/settings/pay",
            &[
                ("hourly_initiation", "35"),
                ("hourly_deepening", "42,50"),
                ("hourly_expertise", "50"),
                ("hourly_lecture", "60"),
                ("hourly_exceptional_lecture", "120"),
                ("lump_engineering", "150"),
                ("lump_tutoring", "200"),
                ("coanimation", "2"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let rates = hybride_store::after::pay_rates(app.store()).await.unwrap();
    assert_eq!(rates.hourly[1], 4_250);
    assert_eq!(rates.coanimation_per_mille, 2_000);
}

#[tokio::test]
async fn the_review_reaches_the_pilot_and_the_courses_reach_the_trainees() {
    let app = TestApp::start_with(true).await;
    let hash = hybride_training::password::hash(hybride_demo::DEMO_PASSWORD).unwrap();
    // Placed around today, so that its running cohort has not ended whatever the day.
    let today = hybride_domain::time::today(hybride_store::now());
    hybride_demo::seed(app.store(), &hash, today).await.unwrap();
    hybride_demo::lived::seed(&app.state).await.unwrap();
    let s = app.store();
    let email = Email::parse("formateur@demo.hybride.test").unwrap();
    let trainer = people::by_email(s, &email).await.unwrap().unwrap();
    let api = app.token_for(&trainer).await;
    let c = cohorts::list(
        s,
        cohorts::CohortFilter {
            trainer_id: Some(trainer.id),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .into_iter()
    .find(|c| c.status == CohortStatus::Running)
    .unwrap();
    let (id, tid) = (c.id, c.training_id);
    let b = app.anonymous();
    b.login(email.as_str(), hybride_demo::DEMO_PASSWORD).await;

    // The catalogue: a bad file imports nothing and names its lines; a good one goes in whole.
    let (admin, _) = app.as_admin().await;
    let before = hybride_store::courses::list(s).await.unwrap().len();
    let bad = "titre;organisme;lien;durée\n\
               Enseigner avec le numérique;DGESCO;https://magistere.education.fr/f/1;3\n\
               Sans organisme;;https://magistere.education.fr/f/2;2\n";
    let r = admin
        .post_multipart("/courses/import", "file", "catalogue.csv", bad.as_bytes())
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Ligne") && html.contains("Organisme"),
        "{html}"
    );
    assert_eq!(hybride_store::courses::list(s).await.unwrap().len(), before);
    let good = "titre;organisme;lien;durée;thèmes\n\
                Enseigner avec le numérique;DGESCO;https://magistere.education.fr/f/1;3;numérique\n\
                Évaluer autrement;Réseau Canopé;https://www.reseau-canope.fr/evaluer;1 h 30;évaluation\n";
    let r = admin
        .post_multipart("/courses/import", "file", "catalogue.csv", good.as_bytes())
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let catalogue = hybride_store::courses::list(s).await.unwrap();
    assert_eq!(catalogue.len(), before + 2);
    // The same address again is refused, on its field.
    let r = admin
        .post_form(
            "/courses",
            &[
                ("title", "Doublon"),
                ("provider", "IFÉ"),
                ("url", "https://www.reseau-canope.fr/evaluer"),
                ("duration", "1"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Before the end: nothing to do yet.
    let (_, list) = api.get(&format!("/api/v1/cohorts/{id}/checklist")).await;
    assert_eq!(
        item(&list, "open_courses_promoted")["status"],
        "not_applicable"
    );
    assert_eq!(item(&list, "pilot_feedback")["status"], "not_applicable");

    // The trainer recommends one, closes the cohort and sends the closing message.
    let course = catalogue
        .iter()
        .find(|c| c.url == "https://magistere.education.fr/f/1")
        .unwrap();
    let r = b
        .post_form(
            &format!("/trainings/{tid}/courses"),
            &[("course", &course.id.to_string())],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    certificates::decide_every_declaration(&b, s, &c).await;
    b.post_form(&format!("/cohorts/{id}/status"), &[("status", "closed")])
        .await;
    assert_eq!(
        cohorts::get(s, id).await.unwrap().status,
        CohortStatus::Closed
    );
    let (_, list) = api.get(&format!("/api/v1/cohorts/{id}/checklist")).await;
    assert_eq!(item(&list, "open_courses_promoted")["status"], "todo");
    assert_eq!(item(&list, "pilot_feedback")["status"], "todo");
    let r = b.post_form(&format!("/cohorts/{id}/closing"), &[]).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let enrolled = cohorts::enrollments(s, id).await.unwrap();
    let mail = app.last_mail_to(&enrolled[0].email).await;
    assert!(
        mail.subject.contains("Fin de la formation"),
        "{}",
        mail.subject
    );
    assert!(mail.body.contains(&course.url), "{}", mail.body);
    assert!(mail.body.contains("certificat.pdf"), "{}", mail.body);
    let (_, list) = api.get(&format!("/api/v1/cohorts/{id}/checklist")).await;
    assert_eq!(item(&list, "open_courses_promoted")["status"], "done");
    // The trainees see it in their space.
    people::set_password(s, enrolled[0].user_id, &hash)
        .await
        .unwrap();
    let tb = app.anonymous();
    let r = tb
        .login(&enrolled[0].email, hybride_demo::DEMO_PASSWORD)
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, space) = tb.get_html(&format!("/cohorts/{id}")).await;
    assert!(
        space.contains(&course.title),
        "the trainee's space shows the course"
    );
    // The review: to submit it, what worked and what to change are required.
    let r = b
        .post_form(
            &format!("/cohorts/{id}/review"),
            &[("worked", "Les ateliers."), ("action", "submit")],
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = b
        .post_form(
            &format!("/cohorts/{id}/review"),
            &[
                ("worked", "Les ateliers en présentiel et le forum."),
                ("to_change", "Raccourcir la classe virtuelle."),
                ("next_year", "Ouvrir une session dans la Loire."),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (_, list) = api.get(&format!("/api/v1/cohorts/{id}/checklist")).await;
    assert_eq!(item(&list, "pilot_feedback")["status"], "done");
    let t = trainings::get(s, tid).await.unwrap();
    let pilot = people::get(s, t.pilot_id).await.unwrap();
    let mail = app.last_mail_to(pilot.email.as_str()).await;
    assert!(
        mail.body.contains("Raccourcir la classe virtuelle."),
        "{}",
        mail.body
    );
    let review = &hybride_store::after::reviews(s, id).await.unwrap()[0];
    let figures: serde_json::Value = serde_json::from_str(&review.figures).unwrap();
    assert_eq!(figures["trainees"], enrolled.len());
    let (status, html) = admin.get_html("/reviews").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Raccourcir la classe virtuelle."));

    // The pilot's dashboard: a chart per training (an image with its numbers as its name) and the
    // same numbers in a table and a CSV.
    let insights = hybride_training::dashboard::insights(s, None, None)
        .await
        .unwrap();
    let row = insights.iter().find(|r| r.training_id == tid).unwrap();
    assert!(row.cohorts >= 1 && row.reviews >= 1, "{row:?}");
    assert_eq!(
        row.finished_trainees,
        row.trainees - {
            // Trainees of the training's cohorts still running.
            let mut running = 0;
            for c in cohorts::list(
                s,
                cohorts::CohortFilter {
                    training_id: Some(tid),
                    ..Default::default()
                },
            )
            .await
            .unwrap()
            {
                if c.status == CohortStatus::Running {
                    running += c.trainees as usize;
                }
            }
            running
        }
    );
    let (status, html) = admin.get_html("/pilotage").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("role=\"img\""), "{html}");
    assert!(html.contains(&t.title.replace('\'', "&#x27;")) || html.contains(&t.title));
    let r = admin.get("/pilotage.csv").await;
    assert_eq!(r.status(), StatusCode::OK);
    let csv = r.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.lines().count(), insights.len() + 1, "{csv}");
    // The page shows the trainings a page at a time, in the same order; the files hold them all.
    let count = trainings::count(s, hybride_training::dashboard::insights_filter(None))
        .await
        .unwrap();
    assert_eq!(count as usize, insights.len());
    for (n, whole) in insights.iter().enumerate() {
        let one = hybride_training::dashboard::insights(s, None, Some((1, n as i64)))
            .await
            .unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].training_id, whole.training_id);
        assert_eq!(one[0].trainees, whole.trainees);
    }
    // A page past the last shows the last.
    let (status, html) = admin.get_html("/pilotage?page=999").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&t.title.replace('\'', "&#x27;")) || html.contains(&t.title));
    let (status, _) = b.get_html("/pilotage").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "not the trainers'");
}

#[test]
fn a_table_becomes_a_workbook_with_every_cell_as_text() {
    let headers = vec!["Stagiaire".to_owned(), "Preuve".to_owned()];
    let rows = vec![vec![
        "Fontaine Léa".to_owned(),
        "=HYPERLINK(\"http://x\")".to_owned(),
    ]];
    let bytes = hybride_training::documents::xlsx_bytes("Feuille: [1]/2", &headers, &rows).unwrap();
    let mut book = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = String::new();
    book.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    // Text cells only (shared strings), never a formula.
    assert!(!sheet.contains("<f>"), "{sheet}");
    let mut strings = String::new();
    book.by_name("xl/sharedStrings.xml")
        .unwrap()
        .read_to_string(&mut strings)
        .unwrap();
    assert!(strings.contains("=HYPERLINK"), "{strings}");
    assert!(strings.contains("Fontaine Léa"));
    let mut workbook = String::new();
    book.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    assert!(workbook.contains("name=\"Feuille 12\""), "{workbook}");
}

#[tokio::test]
async fn a_person_takes_away_everything_held_about_them() {
    let app = TestApp::start_with(true).await;
    let hash = hybride_training::password::hash(hybride_demo::DEMO_PASSWORD).unwrap();
    hybride_demo::seed(app.store(), &hash, jiff::civil::date(2026, 11, 30))
        .await
        .unwrap();
    hybride_demo::lived::seed(&app.state).await.unwrap();
    let s = app.store();
    // Every table and column the export names exists, on this backend.
    for (table, keys) in hybride_store::personal::PERSONAL_TABLES {
        let cols = hybride_store::personal::columns(s, table).await.unwrap();
        for k in *keys {
            assert!(cols.iter().any(|c| c == k), "{table}.{k} in {cols:?}");
        }
    }
    let email = Email::parse("stagiaire@demo.hybride.test").unwrap();
    let trainee = people::by_email(s, &email).await.unwrap().unwrap();
    let api = app.token_for(&trainee).await;
    let (status, mine) = api.get("/api/v1/me/export").await;
    assert_eq!(status, StatusCode::OK, "{mine}");
    assert_eq!(mine["email"], "stagiaire@demo.hybride.test");
    let tables = mine["tables"].as_object().unwrap();
    assert_eq!(tables.len(), hybride_store::personal::PERSONAL_TABLES.len());
    assert_eq!(tables["users"].as_array().unwrap().len(), 1);
    assert!(!tables["enrollments"].as_array().unwrap().is_empty());
    assert!(!tables["attendance_events"].as_array().unwrap().is_empty());
    assert!(!tables["api_tokens"].as_array().unwrap().is_empty());
    assert!(
        !mine["mails"].as_array().unwrap().is_empty(),
        "her convocations"
    );
    let text = mine.to_string();
    for secret in ["password_hash", "token_hash", "id_hash", "$argon2"] {
        assert!(!text.contains(secret), "{secret} left the database");
    }
    // An admin gets the same for her; she gets nobody else's.
    let (admin, _) = app.as_admin().await;
    let r = admin
        .get(&format!("/api/v1/users/{}/export", trainee.id))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let theirs: serde_json::Value = r.json().await.unwrap();
    assert_eq!(
        theirs["tables"]["enrollments"],
        mine["tables"]["enrollments"]
    );
    let (status, _) = api.get("/api/v1/users/1/export").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}
