//! The documents of a cohort: the attendance sheet of each half-day and of each asynchronous
//! activity, each trainee's certificat de réalisation, each trainer's pay form, the
//! chronogramme; their list, and the bundle (zip) that goes to the training service.
//!
//! Each document is built here, once, from the record; the pages, the API and the command line
//! only choose which and typeset it.

use crate::attendance as att;
use crate::i18n::{hm, key, slot_label, t, tr, Lang};
use crate::Error;
use hybride_docs::{Chronogramme, Record};
use hybride_domain::attendance::{self as rules, Slot};
use hybride_domain::{Minutes, Modality};
use hybride_store::cohorts::{self, Activity, Cohort};
use hybride_store::trainings::{Step, Training};
use hybride_store::{now, people, Store};
use serde::Serialize;
use utoipa::ToSchema;

/// Typesets off the threads that serve requests, on threads of its own, started once: one per
/// core but one (at least one), so that a burst of documents always leaves a core to the pages.
/// Typesetting is CPU and memory (about 35 MiB at its peak for a sheet, measured in
/// `bench/RESULTS.md`): documents asked at once wait their turn, and the memory stays with these
/// few threads (the allocator keeps an arena per thread) instead of growing the arenas of
/// whichever blocking threads ran it.
pub async fn typeset<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Error> {
    type Job = Box<dyn FnOnce() + Send>;
    static QUEUE: std::sync::OnceLock<std::sync::mpsc::Sender<Job>> = std::sync::OnceLock::new();
    let queue = QUEUE.get_or_init(|| {
        let (send, receive) = std::sync::mpsc::channel::<Job>();
        let receive = std::sync::Arc::new(std::sync::Mutex::new(receive));
        let threads = std::thread::available_parallelism()
            .map(|n| n.get().saturating_sub(1).max(1))
            .unwrap_or(1);
        for n in 0..threads {
            let receive = receive.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("typesetting-{n}"))
                .spawn(move || loop {
                    let job = receive
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .recv();
                    match job {
                        // A job that panics drops its answer: its request fails, the thread goes on.
                        Ok(job) => {
                            drop(std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)))
                        }
                        Err(_) => break,
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "a typesetting thread could not start");
            }
        }
        send
    });
    let (answer, answered) = tokio::sync::oneshot::channel();
    queue
        .send(Box::new(move || {
            let _ = answer.send(f());
        }))
        .map_err(|_| Error::Internal(anyhow::anyhow!("typesetting has stopped")))?;
    answered
        .await
        .map_err(|_| Error::Internal(anyhow::anyhow!("typesetting failed")))
}

/// « PAF 2026-2027 »: the plan as documents name it.
pub async fn plan_label(s: &Store, plan_id: i64) -> Result<String, Error> {
    let p = hybride_store::plans::get(s, plan_id).await?;
    Ok(format!("{} {}", p.title, p.school_year))
}

/// Today, in words, for a document's footer and signature block.
pub fn today_words(lang: Lang) -> String {
    crate::i18n::day_words(lang, hybride_domain::time::civil(now()).date())
}

/// A cell that a spreadsheet would run as a formula is kept as text (a leading apostrophe).
pub fn csv_cell(c: &str) -> String {
    if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{c}")
    } else {
        c.to_owned()
    }
}

/// A table as CSV, the way French spreadsheets open it: UTF-8 with a byte-order mark, `;`, and
/// every cell a spreadsheet would run as a formula (text typed by a trainee) kept as text.
pub fn csv_bytes(headers: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let fail = |e: csv::Error| Error::Internal(e.into());
    w.write_record(headers).map_err(fail)?;
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| csv_cell(c)).collect();
        w.write_record(&cells).map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Error::Internal(anyhow::anyhow!("{e}")))
}

/// A table as an Excel workbook: one sheet named `name` (31 characters at most), the headers in
/// bold and frozen, every cell text (nothing a trainee typed can become a formula), columns fitted.
pub fn xlsx_bytes(name: &str, headers: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, Error> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| Error::Internal(anyhow::anyhow!("xlsx: {e}"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let safe: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    sheet
        .set_name(if safe.is_empty() { "Hybride" } else { &safe })
        .map_err(fail)?;
    let bold = Format::new().set_bold();
    for (col, h) in headers.iter().enumerate() {
        let col = u16::try_from(col).map_err(|e| Error::Internal(e.into()))?;
        sheet
            .write_string_with_format(0, col, h, &bold)
            .map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|e| Error::Internal(e.into()))?;
        for (col, cell) in row.iter().enumerate() {
            let col = u16::try_from(col).map_err(|e| Error::Internal(e.into()))?;
            sheet.write_string(r, col, cell).map_err(fail)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    sheet.autofit();
    book.save_to_buffer().map_err(fail)
}

/// The spreadsheet formats a table is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spreadsheet {
    Csv,
    Xlsx,
}

/// A table as a file: its bytes, its extension and its content type.
pub fn spreadsheet(
    kind: Spreadsheet,
    name: &str,
    headers: &[String],
    rows: &[Vec<String>],
) -> Result<(Vec<u8>, &'static str, &'static str), Error> {
    Ok(match kind {
        Spreadsheet::Csv => (csv_bytes(headers, rows)?, "csv", "text/csv; charset=utf-8"),
        Spreadsheet::Xlsx => (
            xlsx_bytes(name, headers, rows)?,
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    })
}

/// The chronogramme of a training: its scenario, step by step.
pub fn chronogramme(lang: Lang, training: &Training, steps: &[Step]) -> Chronogramme {
    use hybride_docs::{ChronoHeaders, ChronoStep};
    let duration = |m: i64| {
        Minutes::new(u32::try_from(m).unwrap_or(0))
            .map(|m| m.to_string())
            .unwrap_or_default()
    };
    let today = jiff::Zoned::now()
        .with_time_zone(hybride_domain::time::paris())
        .date();
    Chronogramme {
        lang: lang.code().to_owned(),
        title: training.title.clone(),
        subtitle: tr(
            lang,
            "chrono-subtitle",
            &[
                ("year", training.school_year.clone()),
                ("dispositif", training.dispositif_id.clone()),
                ("module", training.module_id.clone()),
            ],
        ),
        public: training.public.clone(),
        hours: vec![
            (
                t(lang, "modality-in_person"),
                duration(training.in_person_minutes),
            ),
            (
                t(lang, "hours-synchronous"),
                duration(training.synchronous_minutes),
            ),
            (
                t(lang, "modality-async"),
                duration(training.asynchronous_minutes),
            ),
        ],
        headers: ChronoHeaders {
            position: t(lang, "chrono-position"),
            title: t(lang, "step-title"),
            modality: t(lang, "step-modality"),
            learning: t(lang, "step-learning"),
            duration: t(lang, "step-duration"),
            instructions: t(lang, "step-instructions"),
            evidence: t(lang, "step-evidence"),
            trainer_role: t(lang, "step-trainer-role"),
        },
        steps: steps
            .iter()
            .map(|s| {
                let mut tags = Vec::new();
                if s.social.0 {
                    tags.push(t(lang, "step-social"));
                }
                if !s.mandatory.0 {
                    tags.push(t(lang, "step-optional"));
                }
                ChronoStep {
                    position: u32::try_from(s.position).unwrap_or(0),
                    title: s.title.clone(),
                    modality: t(lang, &format!("modality-{}", s.modality.as_str())),
                    modality_key: s.modality.as_str().to_owned(),
                    learning: t(lang, &format!("learning-{}", s.learning_type.as_str())),
                    duration: duration(s.minutes),
                    instructions: s.instructions.clone(),
                    evidence: s.evidence.clone(),
                    trainer_role: s.trainer_role.clone(),
                    tags,
                }
            })
            .collect(),
        footer: tr(
            lang,
            "chrono-footer",
            &[("day", crate::i18n::day_words(lang, today))],
        ),
    }
}

/// The attendance sheet of one half-day of `a` (or of an asynchronous activity, `slot` none).
/// (Every document's file name comes from [`filename`].)
pub async fn sheet(
    s: &Store,
    lang: Lang,
    cohort: &Cohort,
    training: &Training,
    a: &Activity,
    steps: &[Step],
    slot: Option<Slot>,
) -> Result<Record, Error> {
    let rules = att::rules_of(s, training).await?;
    let sheet = att::sheet(s, cohort, a, steps, slot, &rules).await?;
    let plan = plan_label(s, training.plan_id).await?;
    let trainers: Vec<String> = cohorts::trainers(s, cohort.id)
        .await?
        .iter()
        .map(|u| u.display_name())
        .collect();
    let mut facts = vec![
        session_fact(lang, cohort),
        (t(lang, "pdf-activity"), a.title.clone()),
    ];
    match slot {
        Some(slot) => facts.push((
            t(lang, "pdf-when"),
            format!(
                "{} ({} – {})",
                slot_label(lang, &slot),
                hm(slot.starts_at),
                hm(slot.ends_at)
            ),
        )),
        None => facts.push((
            t(lang, "pdf-when"),
            tr(
                lang,
                "activity-window",
                &[
                    (
                        "start",
                        crate::i18n::day_words(
                            lang,
                            hybride_domain::time::civil(a.starts_at).date(),
                        ),
                    ),
                    (
                        "end",
                        crate::i18n::day_words(lang, hybride_domain::time::civil(a.ends_at).date()),
                    ),
                ],
            ),
        )),
    }
    if let Some(place) = a.place.as_deref().filter(|p| !p.is_empty()) {
        facts.push((t(lang, "pdf-place"), place.to_owned()));
    }
    facts.push((t(lang, "pdf-trainers"), trainers.join(", ")));
    let (headers, widths, rows) = sheet_table(lang, a.modality, &sheet);
    let total_credited: i64 = sheet.rows.iter().map(|r| r.credited_minutes).sum();
    let notes = vec![
        match a.modality {
            Modality::Async => tr(
                lang,
                "sheet-declared",
                &[
                    ("declared", sheet.signed.to_string()),
                    ("total", sheet.total.to_string()),
                ],
            ),
            _ => tr(
                lang,
                "sheet-count",
                &[
                    ("signed", sheet.signed.to_string()),
                    ("total", sheet.total.to_string()),
                    ("absent", sheet.absent.to_string()),
                ],
            ),
        },
        tr(
            lang,
            "pdf-total-credited",
            &[("time", crate::i18n::duration(total_credited))],
        ),
        tr(
            lang,
            "sheet-fingerprint",
            &[("value", sheet.fingerprint.clone())],
        ),
    ];
    let signatures = if a.modality == Modality::InPerson {
        if sheet.countersigners.is_empty() {
            vec![(
                t(lang, "sheet-countersign-title"),
                t(lang, "sheet-not-countersigned"),
            )]
        } else {
            sheet
                .countersigners
                .iter()
                .map(|cs| {
                    (
                        t(lang, "sheet-countersign-title"),
                        tr(
                            lang,
                            "sheet-countersigned-by",
                            &[
                                ("name", cs.name.clone()),
                                (
                                    "day",
                                    crate::i18n::day_words(
                                        lang,
                                        hybride_domain::time::civil(cs.at).date(),
                                    ),
                                ),
                                ("time", hm(cs.at)),
                            ],
                        ),
                    )
                })
                .collect()
        }
    } else {
        Vec::new()
    };
    let doc = Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-sheet-title",
            &[("training", training.title.clone())],
        ),
        subtitle: subtitle(&plan, training),
        facts,
        headers,
        widths,
        rows,
        empty: t(lang, "trainees-none"),
        notes,
        signatures,
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    };
    Ok(doc)
}

/// A trainee's exchanges with the trainers, in words: posts, answers received, reminders.
fn exchanges_line(lang: Lang, x: &hybride_store::discussion::Exchanges) -> String {
    tr(
        lang,
        "exchanges-line",
        &[
            ("posts", x.posts.to_string()),
            ("answers", x.answers.to_string()),
            ("messages", x.messages.to_string()),
        ],
    )
}

/// A trainee's asynchronous work, one line per asynchronous activity of the cohort: its window
/// and estimated duration, what she declared and when, her evidence, the trainer's decision and
/// the time credited; her exchanges with the trainers; signature blocks for her and the
/// trainer. None when the cohort has no asynchronous activity or she is not enrolled.
pub async fn declarations(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    training: &Training,
    user: i64,
) -> Result<Option<Record>, Error> {
    if !cohorts::is_enrolled(s, c.id, user).await? {
        return Ok(None);
    }
    let steps = hybride_store::trainings::steps(s, training.id).await?;
    let rules = att::rules_of(s, training).await?;
    let mut rows = Vec::new();
    let (mut credited, mut estimated) = (0i64, 0i64);
    let mut exchanges = None;
    for a in cohorts::activities(s, c.id).await? {
        if a.modality != Modality::Async {
            continue;
        }
        let sheet = att::sheet(s, c, &a, &steps, None, &rules).await?;
        let Some(r) = sheet.rows.iter().find(|r| r.user_id == user) else {
            continue;
        };
        let minutes = a
            .step_id
            .and_then(|id| steps.iter().find(|x| x.id == id))
            .map(|x| x.minutes)
            .unwrap_or_default();
        estimated += minutes;
        credited += r.credited_minutes;
        if exchanges.is_none() {
            exchanges = r.exchanges;
        }
        let done = r.completion.clone();
        let when = |ts: i64| format!("{} {}", hybride_domain::time::civil(ts).date(), hm(ts));
        rows.push(vec![
            a.title.clone(),
            format!(
                "{} – {}",
                hybride_domain::time::civil(a.starts_at).date(),
                hybride_domain::time::civil(a.ends_at).date()
            ),
            crate::i18n::duration(minutes),
            done.as_ref()
                .map(|x| t(lang, &format!("async-{}", key(&x.state))))
                .unwrap_or_default(),
            done.as_ref()
                .and_then(|x| x.declared_at)
                .map(when)
                .unwrap_or_default(),
            done.as_ref()
                .map(|x| {
                    let mut parts: Vec<String> = x.evidence.iter().cloned().collect();
                    if x.document.is_some() {
                        parts.push(t(lang, "pdf-declarations-file"));
                    }
                    if let Some(m) = x.declared_minutes {
                        parts.push(tr(
                            lang,
                            "pdf-declarations-spent",
                            &[("time", crate::i18n::duration(m))],
                        ));
                    }
                    parts.join(" · ")
                })
                .unwrap_or_default(),
            done.as_ref()
                .and_then(|x| x.decided_at)
                .map(when)
                .unwrap_or_default(),
            crate::i18n::duration(r.credited_minutes),
        ]);
    }
    if rows.is_empty() {
        return Ok(None);
    }
    let trainee = people::get(s, user).await?;
    let plan = plan_label(s, training.plan_id).await?;
    let mut facts = trainee_facts(lang, &trainee);
    facts.push(session_fact(lang, c));
    facts.push(dates_fact(lang, c));
    let mut notes = vec![tr(
        lang,
        "pdf-declarations-total",
        &[
            ("credited", crate::i18n::duration(credited)),
            ("estimated", crate::i18n::duration(estimated)),
        ],
    )];
    if let Some(x) = exchanges {
        notes.push(exchanges_line(lang, &x));
    }
    let doc = Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-declarations-title",
            &[("training", training.title.clone())],
        ),
        subtitle: subtitle(&plan, training),
        facts,
        headers: [
            "pdf-activity",
            "pdf-declarations-window",
            "pdf-declarations-estimated",
            "pdf-state",
            "pdf-declared",
            "pdf-evidence",
            "pdf-declarations-decided",
            "pdf-credited",
        ]
        .iter()
        .map(|k| t(lang, k))
        .collect(),
        widths: vec![3, 2, 1, 2, 2, 3, 2, 1],
        rows,
        empty: String::new(),
        notes,
        signatures: vec![
            (t(lang, "pdf-declarations-trainee-signature"), String::new()),
            (t(lang, "pdf-declarations-trainer-signature"), String::new()),
        ],
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    };
    Ok(Some(doc))
}

/// A trainee's certificat de réalisation: identity, training, dates, hours per modality planned
/// and achieved, validation status; none when `user` is not a trainee of the cohort.
pub async fn certificate(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    training: &Training,
    user: i64,
) -> Result<Option<Record>, Error> {
    let Some(v) = att::validations(s, c, Some(user), now()).await?.pop() else {
        return Ok(None);
    };
    let trainee = people::get(s, user).await?;
    let plan = plan_label(s, training.plan_id).await?;
    let mut facts = trainee_facts(lang, &trainee);
    facts.push(session_fact(lang, c));
    facts.push(dates_fact(lang, c));
    facts.push((
        t(lang, "field-validation"),
        training.validation_criteria.clone(),
    ));
    let rows = v
        .validation
        .budgets
        .iter()
        .map(|b| {
            vec![
                t(lang, &format!("budget-{}", key(&b.budget))),
                crate::i18n::duration(b.planned_minutes),
                crate::i18n::duration(b.achieved_minutes),
                crate::i18n::duration(b.required_minutes),
                t(lang, &format!("standing-{}", key(&b.standing))),
            ]
        })
        .collect();
    let doc = Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-certificate-title",
            &[("training", training.title.clone())],
        ),
        subtitle: subtitle(&plan, training),
        facts,
        headers: [
            "step-modality",
            "validation-planned",
            "validation-achieved",
            "validation-required",
            "validation-standing",
        ]
        .iter()
        .map(|k| t(lang, k))
        .collect(),
        widths: vec![3, 2, 2, 2, 3],
        rows,
        empty: String::new(),
        notes: vec![
            tr(
                lang,
                "pdf-certificate-standing",
                &[(
                    "standing",
                    t(lang, &format!("standing-{}", key(&v.validation.standing))),
                )],
            ),
            exchanges_line(lang, &v.exchanges),
        ],
        signatures: vec![(
            t(lang, "pdf-certificate-signature"),
            tr(lang, "pdf-certificate-done", &[("day", today_words(lang))]),
        )],
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    };
    Ok(Some(doc))
}

/// The table of a sheet: headers, relative widths, rows — the same in the PDF and the CSV.
pub fn sheet_table(
    lang: crate::i18n::Lang,
    modality: Modality,
    sheet: &att::Sheet,
) -> (Vec<String>, Vec<u32>, Vec<Vec<String>>) {
    use crate::i18n::{t, tr};
    let channel = |ch: Option<rules::Channel>| {
        ch.map(|c| t(lang, &format!("channel-{}", c.as_str())))
            .unwrap_or_default()
    };
    let table: (Vec<String>, Vec<u32>, Vec<Vec<String>>) = match modality {
        Modality::Async => (
            [
                "pdf-trainee",
                "pdf-state",
                "pdf-declared",
                "pdf-evidence",
                "pdf-credited",
            ]
            .iter()
            .map(|k| t(lang, k))
            .collect(),
            vec![3, 2, 2, 4, 1],
            sheet
                .rows
                .iter()
                .map(|r| {
                    let done = r.completion.clone();
                    vec![
                        format!("{} {}", r.last_name, r.first_name),
                        done.as_ref()
                            .map(|x| t(lang, &format!("async-{}", key(&x.state))))
                            .unwrap_or_default(),
                        done.as_ref()
                            .and_then(|x| x.declared_at)
                            .map(|ts| {
                                format!("{} {}", hybride_domain::time::civil(ts).date(), hm(ts))
                            })
                            .unwrap_or_default(),
                        done.as_ref()
                            .and_then(|x| x.evidence.clone())
                            .unwrap_or_default(),
                        crate::i18n::duration(r.credited_minutes),
                    ]
                })
                .collect(),
        ),
        Modality::InPerson => (
            [
                "pdf-trainee",
                "pdf-signature",
                "pdf-channel",
                "pdf-times",
                "pdf-absence",
                "pdf-credited",
            ]
            .iter()
            .map(|k| t(lang, k))
            .collect(),
            vec![3, 1, 2, 2, 3, 1],
            sheet
                .rows
                .iter()
                .map(|r| {
                    let p = r.presence.clone().unwrap_or_default();
                    let mut times = Vec::new();
                    if let Some(a) = p.arrived_at {
                        times.push(tr(lang, "sheet-arrived", &[("time", hm(a))]));
                    }
                    if let Some(l) = p.left_at {
                        times.push(tr(lang, "sheet-left", &[("time", hm(l))]));
                    }
                    vec![
                        format!("{} {}", r.last_name, r.first_name),
                        p.signed_at.map(hm).unwrap_or_default(),
                        channel(p.channel),
                        times.join(" "),
                        p.absence
                            .as_ref()
                            .map(|a| {
                                format!(
                                    "{} — {}",
                                    if a.accepted {
                                        t(lang, "sheet-absent-justified")
                                    } else {
                                        t(lang, "sheet-absent")
                                    },
                                    a.reason
                                )
                            })
                            .unwrap_or_default(),
                        crate::i18n::duration(r.credited_minutes),
                    ]
                })
                .collect(),
        ),
        _ => (
            [
                "pdf-trainee",
                "pdf-connection",
                "pdf-confirmations",
                "pdf-counted",
                "pdf-credited",
            ]
            .iter()
            .map(|k| t(lang, k))
            .collect(),
            vec![3, 2, 2, 1, 1],
            sheet
                .rows
                .iter()
                .map(|r| {
                    let p = r.presence.clone().unwrap_or_default();
                    vec![
                        format!("{} {}", r.last_name, r.first_name),
                        match (p.connected_minutes, p.joined_at) {
                            (Some(m), _) => {
                                tr(lang, "sheet-connected", &[("minutes", m.to_string())])
                            }
                            (None, Some(j)) => tr(lang, "sheet-joined", &[("time", hm(j))]),
                            _ => String::new(),
                        },
                        p.confirmations.len().to_string(),
                        if r.attended {
                            t(lang, "yes")
                        } else {
                            t(lang, "no")
                        },
                        crate::i18n::duration(r.credited_minutes),
                    ]
                })
                .collect(),
        ),
    };
    table
}

/// A trainer's pay form (fiche de rémunération) for the cohort, with its file name; none when
/// `trainer` is not a trainer of the cohort.
pub async fn pay_form(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    training: &Training,
    trainer: i64,
) -> Result<Option<Record>, Error> {
    use hybride_domain::pay::{euros, per_mille_words};
    let (forms, led, rates, after) = crate::pay::pay_forms(s, c, training, Some(trainer)).await?;
    let Some(p) = forms.into_iter().next() else {
        return Ok(None);
    };
    let plan = plan_label(s, training.plan_id).await?;
    let mut facts = vec![
        (t(lang, "pay-trainer"), p.trainer.display_name()),
        (t(lang, "pdf-email"), p.trainer.email.clone()),
    ];
    match &p.profile {
        Some(pr) => {
            facts.push((
                t(lang, "pay-status"),
                [
                    t(lang, &format!("pay-status-{}", pr.status.as_str())),
                    pr.grade.clone(),
                ]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect::<Vec<_>>()
                .join(" — "),
            ));
            if !pr.employer.is_empty() {
                facts.push((t(lang, "pay-employer"), pr.employer.clone()));
            }
        }
        None => facts.push((t(lang, "pay-status"), t(lang, "pay-status-missing"))),
    }
    facts.push(session_fact(lang, c));
    facts.push(dates_fact(lang, c));
    let places: std::collections::BTreeSet<String> = cohorts::activities(s, c.id)
        .await?
        .into_iter()
        .filter_map(|a| a.place.filter(|p| !p.trim().is_empty()))
        .collect();
    if !places.is_empty() {
        facts.push((
            t(lang, "pdf-place"),
            places.into_iter().collect::<Vec<_>>().join(" ; "),
        ));
    }
    facts.push((
        t(lang, "pay-band"),
        tr(
            lang,
            "pay-band-rate",
            &[
                (
                    "band",
                    t(lang, &format!("pay-band-{}", after.pay_band.as_str())),
                ),
                ("rate", euros(rates.hourly(after.pay_band))),
            ],
        ),
    ));
    facts.push((
        t(lang, "pay-coanimation"),
        tr(
            lang,
            "pay-coanimation-rule",
            &[("hours", per_mille_words(rates.coanimation_per_mille))],
        ),
    ));
    let titles: std::collections::HashMap<(i64, String), &crate::pay::HalfDayLed> = led
        .iter()
        .map(|h| ((h.activity_id, h.slot.clone()), h))
        .collect();
    let rows: Vec<Vec<String>> = p
        .form
        .lines
        .iter()
        .map(|l| match (&l.slot, l.activity_id) {
            (Some(slot), Some(aid)) => {
                let h = titles.get(&(aid, slot.clone()));
                vec![
                    h.map(|h| {
                        format!(
                            "{} {}–{}",
                            hybride_domain::time::civil(h.starts_at).date(),
                            hm(h.starts_at),
                            hm(h.ends_at)
                        )
                    })
                    .unwrap_or_default(),
                    h.map(|h| h.title.clone()).unwrap_or_default(),
                    l.modality
                        .map(|m| t(lang, &format!("modality-{}", m.as_str())))
                        .unwrap_or_default(),
                    crate::i18n::duration(l.minutes),
                    l.co_trainers.to_string(),
                    crate::i18n::duration(l.paid_minutes),
                    euros(l.rate_cents),
                    euros(l.amount_cents),
                ]
            }
            _ => vec![
                String::new(),
                format!(
                    "{}{}",
                    t(lang, &format!("pay-lump-{}", l.kind)),
                    if l.note.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", l.note)
                    }
                ),
                t(lang, "pay-lump"),
                String::new(),
                String::new(),
                String::new(),
                euros(l.rate_cents),
                euros(l.amount_cents),
            ],
        })
        .collect();
    let not_countersigned = led
        .iter()
        .filter(|h| h.trainers.contains(&trainer) && !h.countersigned)
        .count();
    let mut notes = vec![
        tr(
            lang,
            "pay-hours-line",
            &[
                ("delivered", crate::i18n::duration(p.form.delivered_minutes)),
                ("paid", crate::i18n::duration(p.form.paid_minutes)),
            ],
        ),
        tr(
            lang,
            "pay-total-line",
            &[
                ("formation", euros(p.form.formation_cents)),
                ("lumps", euros(p.form.lumps_cents)),
                ("total", euros(p.form.total_cents)),
            ],
        ),
        t(lang, "pay-source"),
    ];
    if not_countersigned > 0 {
        notes.push(tr(
            lang,
            "pay-not-countersigned",
            &[("count", not_countersigned.to_string())],
        ));
    }
    let doc = Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-pay-title",
            &[("training", training.title.clone())],
        ),
        subtitle: subtitle(&plan, training),
        facts,
        headers: [
            "pay-col-when",
            "pay-col-activity",
            "step-modality",
            "pay-col-duration",
            "pay-col-co",
            "pay-col-paid",
            "pay-col-rate",
            "pay-col-amount",
        ]
        .iter()
        .map(|k| t(lang, k))
        .collect(),
        widths: vec![3, 4, 2, 2, 1, 2, 2, 2],
        rows,
        empty: t(lang, "pay-nothing"),
        notes,
        signatures: vec![
            (t(lang, "pay-sign-trainer"), t(lang, "pay-sign-date")),
            (t(lang, "pay-sign-pilot"), t(lang, "pay-sign-date")),
            (t(lang, "pay-sign-service"), t(lang, "pay-sign-date")),
        ],
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    };
    Ok(Some(doc))
}

/// The cohort's schedule as a document's table: when, what, how, where.
async fn schedule_table(
    s: &Store,
    lang: Lang,
    c: &Cohort,
) -> Result<(Vec<String>, Vec<u32>, Vec<Vec<String>>), Error> {
    let rows = cohorts::activities(s, c.id)
        .await?
        .into_iter()
        .map(|a| {
            let when = if a.modality == Modality::Async {
                tr(
                    lang,
                    "activity-window",
                    &[
                        (
                            "start",
                            hybride_domain::time::civil(a.starts_at).date().to_string(),
                        ),
                        (
                            "end",
                            hybride_domain::time::civil(a.ends_at).date().to_string(),
                        ),
                    ],
                )
            } else {
                format!(
                    "{} {}–{}",
                    hybride_domain::time::civil(a.starts_at).date(),
                    hm(a.starts_at),
                    hm(a.ends_at)
                )
            };
            let place = match a.modality {
                Modality::InPerson => a.place.clone().unwrap_or_default(),
                Modality::Async => t(lang, "pdf-in-the-space"),
                _ => t(lang, "pdf-personal-link"),
            };
            vec![
                when,
                a.title,
                t(lang, &format!("modality-{}", a.modality.as_str())),
                place,
            ]
        })
        .collect();
    Ok((
        [
            "pay-col-when",
            "pay-col-activity",
            "step-modality",
            "pdf-place",
        ]
        .iter()
        .map(|k| t(lang, k))
        .collect(),
        vec![3, 5, 2, 4],
        rows,
    ))
}

/// « PAF 2026-2027 · GAIA 26A0100777 / 51234 »: every document's subtitle.
fn subtitle(plan: &str, training: &Training) -> String {
    format!(
        "{} · GAIA {} / {}",
        plan, training.dispositif_id, training.module_id
    )
}

/// The cohort's first and last days, in words.
fn dates_fact(lang: Lang, c: &Cohort) -> (String, String) {
    let day = |d: &str| {
        d.parse::<jiff::civil::Date>()
            .map(|d| crate::i18n::day_words(lang, d))
            .unwrap_or_else(|_| d.to_owned())
    };
    (
        t(lang, "pdf-when"),
        tr(
            lang,
            "activity-window",
            &[("start", day(&c.starts_on)), ("end", day(&c.ends_on))],
        ),
    )
}

/// A trainee as documents name her: her name, and her establishment when known.
fn trainee_facts(lang: Lang, trainee: &hybride_store::people::User) -> Vec<(String, String)> {
    let mut facts = vec![(
        t(lang, "pdf-trainee"),
        format!("{} {}", trainee.first_name, trainee.last_name),
    )];
    if let Some(e) = trainee.establishment.as_deref().filter(|e| !e.is_empty()) {
        facts.push((t(lang, "pdf-establishment"), e.to_owned()));
    }
    facts
}

/// The session, with its GAIA id when known.
fn session_fact(lang: Lang, c: &Cohort) -> (String, String) {
    (
        t(lang, "pdf-session"),
        format!(
            "{}{}",
            c.label,
            c.gaia_session_id
                .as_deref()
                .map(|g| format!(" (GAIA {g})"))
                .unwrap_or_default()
        ),
    )
}

/// The opening message as published, with the schedule; none while it is not published.
pub async fn opening(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    training: &Training,
) -> Result<Option<Record>, Error> {
    let Some(m) = hybride_store::during::published_opening(s, c.id).await? else {
        return Ok(None);
    };
    let plan = plan_label(s, training.plan_id).await?;
    let trainers: Vec<String> = cohorts::trainers(s, c.id)
        .await?
        .iter()
        .map(|u| u.display_name())
        .collect();
    let (headers, widths, rows) = schedule_table(s, lang, c).await?;
    let section = |key: &str, text: &str| format!("{}\u{a0}: {}", t(lang, key), text.trim());
    let doc = Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-opening-title",
            &[("training", training.title.clone())],
        ),
        subtitle: subtitle(&plan, training),
        facts: vec![
            session_fact(lang, c),
            (t(lang, "pdf-trainers"), trainers.join(", ")),
            (
                t(lang, "pdf-published"),
                m.published_at
                    .map(|at| crate::i18n::day_words(lang, hybride_domain::time::civil(at).date()))
                    .unwrap_or_default(),
            ),
        ],
        headers,
        widths,
        rows,
        empty: t(lang, "pdf-no-activity"),
        notes: vec![
            m.introduction.trim().to_owned(),
            section("opening-objectives", &m.objectives),
            section("opening-validation", &m.validation),
            section("opening-accompaniment", &m.accompaniment),
            section("opening-availability", &m.availability),
        ],
        signatures: Vec::new(),
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    };
    Ok(Some(doc))
}

/// A trainee's convocation: who, which training and session, its objectives, the schedule with
/// places, and where the personal links are; none when `user` is not a trainee of the cohort.
pub async fn convocation(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    training: &Training,
    user: i64,
) -> Result<Option<Record>, Error> {
    if !cohorts::is_enrolled(s, c.id, user).await? {
        return Ok(None);
    }
    let trainee = people::get(s, user).await?;
    let plan = plan_label(s, training.plan_id).await?;
    let trainers: Vec<String> = cohorts::trainers(s, c.id)
        .await?
        .iter()
        .map(|u| u.display_name())
        .collect();
    let mut facts = trainee_facts(lang, &trainee);
    facts.push(session_fact(lang, c));
    facts.push(dates_fact(lang, c));
    facts.push((t(lang, "pdf-trainers"), trainers.join(", ")));
    let (headers, widths, rows) = schedule_table(s, lang, c).await?;
    let doc = Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-convocation-title",
            &[("training", training.title.clone())],
        ),
        subtitle: subtitle(&plan, training),
        facts,
        headers,
        widths,
        rows,
        empty: t(lang, "pdf-no-activity"),
        notes: vec![
            format!(
                "{}\u{a0}: {}",
                t(lang, "opening-objectives"),
                training.objectives.trim()
            ),
            t(lang, "pdf-convocation-links"),
        ],
        signatures: vec![(
            t(lang, "pdf-certificate-signature"),
            tr(lang, "pdf-certificate-done", &[("day", today_words(lang))]),
        )],
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    };
    Ok(Some(doc))
}

/// Which document of a cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Which {
    /// The attendance sheet of a half-day (or of an asynchronous activity, `slot` none).
    Sheet {
        activity_id: i64,
        slot: Option<String>,
    },
    Certificate {
        user_id: i64,
    },
    Pay {
        trainer_id: i64,
    },
    Chronogramme,
    /// The opening message as published.
    Opening,
    Convocation {
        user_id: i64,
    },
    /// A trainee's asynchronous work.
    Declarations {
        user_id: i64,
    },
}

/// One document of a cohort, as its list shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Entry {
    #[serde(flatten)]
    pub which: Which,
    /// `sheets`, `certificates`, `pay` or `scenario`.
    pub group: String,
    pub title: String,
    pub filename: String,
    /// Where to download the PDF.
    pub url: String,
    /// The same table as CSV, for sheets.
    pub csv_url: Option<String>,
    /// The same table as an Excel workbook, for sheets.
    pub xlsx_url: Option<String>,
}

/// Every document of the cohort, in the order of the bundle; with `viewer` (a trainer), the
/// pay forms of that trainer only.
pub async fn list(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    t_: &Training,
    viewer: Option<i64>,
) -> Result<Vec<Entry>, Error> {
    let steps = hybride_store::trainings::steps(s, t_.id).await?;
    let mut out = Vec::new();
    for a in cohorts::activities(s, c.id).await? {
        let base = format!("/cohorts/{}/activities/{}/attendance", c.id, a.id);
        let slots = att::slots(&a, &steps);
        if a.modality == Modality::Async || slots.is_empty() {
            out.push(Entry {
                which: Which::Sheet {
                    activity_id: a.id,
                    slot: None,
                },
                group: "sheets".into(),
                title: format!(
                    "{} — {}",
                    a.title,
                    t(lang, &format!("modality-{}", a.modality.as_str()))
                ),
                filename: filename(
                    t_,
                    c,
                    &Which::Sheet {
                        activity_id: a.id,
                        slot: None,
                    },
                ),
                url: format!("{base}.pdf"),
                csv_url: Some(format!("{base}.csv")),
                xlsx_url: Some(format!("{base}.xlsx")),
            });
            continue;
        }
        for slot in slots {
            let k = slot.key();
            out.push(Entry {
                which: Which::Sheet {
                    activity_id: a.id,
                    slot: Some(k.clone()),
                },
                group: "sheets".into(),
                title: format!("{} — {}", a.title, slot_label(lang, &slot)),
                filename: filename(
                    t_,
                    c,
                    &Which::Sheet {
                        activity_id: a.id,
                        slot: Some(k.clone()),
                    },
                ),
                url: format!("{base}.pdf?slot={k}"),
                csv_url: Some(format!("{base}.csv?slot={k}")),
                xlsx_url: Some(format!("{base}.xlsx?slot={k}")),
            });
        }
    }
    let enrolled = cohorts::enrollments(s, c.id).await?;
    // One trainee's document: her name in its title, its address under the cohort's.
    let of_trainee =
        |e: &cohorts::Enrollment, which: Which, group: &str, key: &str, path: &str| Entry {
            group: group.into(),
            title: tr(
                lang,
                key,
                &[("name", format!("{} {}", e.first_name, e.last_name))],
            ),
            filename: filename(t_, c, &which),
            url: format!("/cohorts/{}/{path}", c.id),
            which,
            csv_url: None,
            xlsx_url: None,
        };
    for e in &enrolled {
        out.push(of_trainee(
            e,
            Which::Certificate { user_id: e.user_id },
            "certificates",
            "documents-certificate-of",
            &format!("certificates/{}/certificat.pdf", e.user_id),
        ));
    }
    // Each trainee's asynchronous work, when the cohort has some.
    if cohorts::activities(s, c.id)
        .await?
        .iter()
        .any(|a| a.modality == Modality::Async)
    {
        for e in &enrolled {
            out.push(of_trainee(
                e,
                Which::Declarations { user_id: e.user_id },
                "declarations",
                "documents-declarations-of",
                &format!("declarations/{}/travail-distance.pdf", e.user_id),
            ));
        }
    }
    for tr_ in cohorts::trainers(s, c.id).await? {
        if viewer.is_some_and(|v| v != tr_.id) {
            continue;
        }
        out.push(Entry {
            which: Which::Pay { trainer_id: tr_.id },
            group: "pay".into(),
            title: tr(lang, "documents-pay-of", &[("name", tr_.display_name())]),
            filename: filename(t_, c, &Which::Pay { trainer_id: tr_.id }),
            url: format!("/cohorts/{}/pay/{}/remuneration.pdf", c.id, tr_.id),
            csv_url: None,
            xlsx_url: None,
        });
    }
    for e in &enrolled {
        out.push(of_trainee(
            e,
            Which::Convocation { user_id: e.user_id },
            "convocations",
            "documents-convocation-of",
            &format!("convocations/{}/convocation.pdf", e.user_id),
        ));
    }
    if hybride_store::during::published_opening(s, c.id)
        .await?
        .is_some()
    {
        out.push(Entry {
            which: Which::Opening,
            group: "scenario".into(),
            title: t(lang, "documents-opening"),
            filename: filename(t_, c, &Which::Opening),
            url: format!("/cohorts/{}/opening.pdf", c.id),
            csv_url: None,
            xlsx_url: None,
        });
    }
    out.push(Entry {
        which: Which::Chronogramme,
        group: "scenario".into(),
        title: t(lang, "documents-chronogramme"),
        filename: filename(t_, c, &Which::Chronogramme),
        url: format!("/trainings/{}/chronogramme.pdf", t_.id),
        csv_url: None,
        xlsx_url: None,
    });
    // The table behind each other document, as CSV and Excel.
    for e in &mut out {
        if e.csv_url.is_none() && e.which != Which::Chronogramme {
            e.csv_url = Some(table_url(c.id, &e.filename, "csv"));
            e.xlsx_url = Some(table_url(c.id, &e.filename, "xlsx"));
        }
    }
    Ok(out)
}

/// One document of the list (but the chronogramme, a document of its own kind) as its record:
/// facts, table, notes, signatures.
pub async fn record(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    t_: &Training,
    which: &Which,
) -> Result<Record, Error> {
    Ok(match which {
        Which::Sheet { activity_id, slot } => {
            let a = cohorts::activity(s, c.id, *activity_id).await?;
            let steps = hybride_store::trainings::steps(s, t_.id).await?;
            let slot = match slot {
                Some(k) => Some(att::find_slot(&att::slots(&a, &steps), k).ok_or(Error::NotFound)?),
                None => None,
            };
            sheet(s, lang, c, t_, &a, &steps, slot).await?
        }
        Which::Certificate { user_id } => certificate(s, lang, c, t_, *user_id)
            .await?
            .ok_or(Error::NotFound)?,
        Which::Pay { trainer_id } => pay_form(s, lang, c, t_, *trainer_id)
            .await?
            .ok_or(Error::NotFound)?,
        Which::Opening => opening(s, lang, c, t_).await?.ok_or(Error::NotFound)?,
        Which::Convocation { user_id } => convocation(s, lang, c, t_, *user_id)
            .await?
            .ok_or(Error::NotFound)?,
        Which::Declarations { user_id } => declarations(s, lang, c, t_, *user_id)
            .await?
            .ok_or(Error::NotFound)?,
        Which::Chronogramme => return Err(Error::NotFound),
    })
}

/// A document's file name: its kind, the training's GAIA ids and whom or what it is about.
pub fn filename(t_: &Training, c: &Cohort, which: &Which) -> String {
    let (d, m) = (&t_.dispositif_id, &t_.module_id);
    match which {
        Which::Sheet {
            activity_id,
            slot: None,
        } => format!("emargement-{d}-{activity_id}-asynchrone.pdf"),
        Which::Sheet {
            activity_id,
            slot: Some(k),
        } => format!("emargement-{d}-{activity_id}-{k}.pdf"),
        Which::Certificate { user_id } => format!("certificat-{d}-{m}-{user_id}.pdf"),
        Which::Declarations { user_id } => format!("travail-distance-{d}-{m}-{user_id}.pdf"),
        Which::Convocation { user_id } => format!("convocation-{d}-{m}-{user_id}.pdf"),
        Which::Pay { trainer_id } => format!("remuneration-{d}-{}-{trainer_id}.pdf", c.id),
        Which::Opening => format!("message-ouverture-{d}-{}.pdf", c.id),
        Which::Chronogramme => format!("chronogramme-{d}-{m}.pdf"),
    }
}

/// The person a document is about, when it is one trainee's.
pub fn trainee_of(which: &Which) -> Option<i64> {
    match which {
        Which::Certificate { user_id }
        | Which::Convocation { user_id }
        | Which::Declarations { user_id } => Some(*user_id),
        _ => None,
    }
}

/// Where the table behind a document is downloaded (`ext`: `csv` or `xlsx`): the document's
/// file name with that extension.
pub fn table_url(cohort_id: i64, filename: &str, ext: &str) -> String {
    format!(
        "/cohorts/{cohort_id}/tables/{}.{ext}",
        filename.trim_end_matches(".pdf")
    )
}

/// Typesets one document of the list.
pub async fn render(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    t_: &Training,
    which: &Which,
) -> Result<Vec<u8>, Error> {
    let fail = |e: hybride_docs::DocError| {
        tracing::warn!(error = %e, "document not typeset");
        Error::Refused("document")
    };
    match which {
        Which::Chronogramme => {
            let steps = hybride_store::trainings::steps(s, t_.id).await?;
            let doc = chronogramme(lang, t_, &steps);
            typeset(move || hybride_docs::chronogramme_pdf(&doc))
                .await?
                .map_err(fail)
        }
        other => {
            let doc = record(s, lang, c, t_, other).await?;
            typeset(move || hybride_docs::record_pdf(&doc))
                .await?
                .map_err(fail)
        }
    }
}

/// A cohort's bundle: every document's PDF, a summary of each trainee's hours and standing
/// (`synthese.csv`), and the list of files with their SHA-256 (`fichiers.csv`).
pub struct Bundle {
    pub zip: Vec<u8>,
    pub documents: usize,
    pub sha256: String,
    pub filename: String,
    /// The attendance record's last event when the bundle was made.
    pub events_seq: i64,
}

/// Builds the bundle; `progress` is called after each document with (done, total).
pub async fn bundle(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    t_: &Training,
    viewer: Option<i64>,
    mut progress: impl FnMut(usize, usize),
) -> Result<Bundle, Error> {
    use std::io::Write;
    let events_seq = hybride_store::after::events_seq(s, c.id).await?;
    let entries = list(s, lang, c, t_, viewer).await?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        files.push((e.filename.clone(), render(s, lang, c, t_, &e.which).await?));
        progress(i + 1, entries.len());
    }
    // The summary: one line per trainee.
    let mut headers = vec![t(lang, "pdf-trainee"), t(lang, "pdf-establishment")];
    let validations = att::validations(s, c, None, now()).await?;
    let people: std::collections::HashMap<i64, Option<String>> = cohorts::enrollments(s, c.id)
        .await?
        .into_iter()
        .map(|e| (e.user_id, e.establishment))
        .collect();
    if let Some(v) = validations.first() {
        for b in &v.validation.budgets {
            let name = t(lang, &format!("budget-{}", key(&b.budget)));
            headers.push(format!("{name} — {}", t(lang, "validation-planned")));
            headers.push(format!("{name} — {}", t(lang, "validation-achieved")));
        }
    }
    headers.push(t(lang, "validation-standing"));
    let rows: Vec<Vec<String>> = validations
        .iter()
        .map(|v| {
            let mut r = vec![
                format!("{} {}", v.last_name, v.first_name),
                people
                    .get(&v.user_id)
                    .cloned()
                    .flatten()
                    .unwrap_or_default(),
            ];
            for b in &v.validation.budgets {
                r.push(crate::i18n::duration(b.planned_minutes));
                r.push(crate::i18n::duration(b.achieved_minutes));
            }
            r.push(t(
                lang,
                &format!("standing-{}", key(&v.validation.standing)),
            ));
            r
        })
        .collect();
    let summary = csv_bytes(&headers, &rows)?;
    let summary_xlsx = xlsx_bytes(&t(lang, "documents-summary-sheet"), &headers, &rows)?;
    let listing: Vec<Vec<String>> = files
        .iter()
        .map(|(name, body)| {
            vec![
                name.clone(),
                body.len().to_string(),
                hybride_store::token::digest_bytes(body),
            ]
        })
        .collect();
    let listing = csv_bytes(
        &[
            t(lang, "documents-file"),
            t(lang, "documents-size"),
            "SHA-256".to_owned(),
        ],
        &listing,
    )?;
    let documents = files.len();
    files.push(("synthese.csv".into(), summary));
    files.push(("synthese.xlsx".into(), summary_xlsx));
    files.push(("fichiers.csv".into(), listing));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // PDFs are compressed inside already: the files are stored as they are.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip_time());
    let fail = |e: zip::result::ZipError| Error::Internal(e.into());
    for (name, body) in &files {
        zip.start_file(name.as_str(), options).map_err(fail)?;
        zip.write_all(body).map_err(|e| Error::Internal(e.into()))?;
    }
    let zip = zip.finish().map_err(fail)?.into_inner();
    Ok(Bundle {
        sha256: hybride_store::token::digest_bytes(&zip),
        documents,
        filename: format!(
            "session-{}-{}-{}.zip",
            t_.dispositif_id,
            t_.module_id,
            c.gaia_session_id
                .clone()
                .unwrap_or_else(|| c.id.to_string())
        ),
        zip,
        events_seq,
    })
}

/// Now in Europe/Paris, as a zip entry's date.
fn zip_time() -> zip::DateTime {
    let d = hybride_domain::time::civil(now());
    zip::DateTime::from_date_and_time(
        u16::try_from(d.year()).unwrap_or(1980),
        u8::try_from(d.month()).unwrap_or(1),
        u8::try_from(d.day()).unwrap_or(1),
        u8::try_from(d.hour()).unwrap_or(0),
        u8::try_from(d.minute()).unwrap_or(0),
        u8::try_from(d.second()).unwrap_or(0),
    )
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn typesetting_answers_each_job_and_survives_a_panic() {
        let answers: Vec<_> = (0..6).map(|n| typeset(move || n * 2)).collect();
        let mut got = Vec::new();
        for a in answers {
            got.push(a.await.unwrap());
        }
        assert_eq!(got, [0, 2, 4, 6, 8, 10]);
        let failed = typeset(|| -> u8 { panic!("a document that cannot be typeset") }).await;
        assert!(matches!(failed, Err(Error::Internal(_))));
        // The threads go on.
        assert_eq!(typeset(|| "next").await.unwrap(), "next");
    }
}
