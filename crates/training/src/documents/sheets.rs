//! The attendance sheets: each half-day's (in person or virtual), each asynchronous activity's,
//! and each trainee's distance work.

use super::*;

/// The attendance sheet of one half-day of `a` (or of an asynchronous activity, `slot` none).
/// (Every document's file name comes from [`filename`].)
///
/// Gathered first — at most six statements whatever the number of trainees or trainers: the
/// training's rules, the sheet's facts ([`att::sheet_facts`]), the plan, the cohort's trainers
/// — then drawn ([`att::sheet_from`]), then put in words.
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
    let facts = att::sheet_facts(s, cohort, a, slot).await?;
    let plan = plan_label(s, training.plan_id).await?;
    let trainers = cohorts::trainers(s, cohort.id).await?;
    let sheet = att::sheet_from(facts.source(), cohort, a, steps, slot, &rules, now());
    let trainers: Vec<String> = trainers.iter().map(|u| u.display_name()).collect();
    let head = Head {
        lang,
        cohort,
        training,
        plan: &plan,
    };
    Ok(sheet_record(head, a, &sheet, &trainers))
}

/// A drawn sheet in words.
fn sheet_record(head: Head<'_>, a: &Activity, sheet: &att::Sheet, trainers: &[String]) -> Record {
    let lang = head.lang;
    let (headers, widths, rows) = sheet_table(lang, a.modality, sheet);
    Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-sheet-title",
            &[("training", head.training.title.clone())],
        ),
        subtitle: subtitle(head.plan, head.training),
        facts: sheet_facts(lang, head.cohort, a, sheet.slot, trainers),
        headers,
        widths,
        rows,
        empty: t(lang, "trainees-none"),
        notes: sheet_notes(lang, a.modality, sheet),
        signatures: sheet_signatures(lang, a.modality, sheet),
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    }
}

/// A sheet's facts: the session, the activity, when, where, the trainers.
fn sheet_facts(
    lang: Lang,
    cohort: &Cohort,
    a: &Activity,
    slot: Option<Slot>,
    trainers: &[String],
) -> Vec<(String, String)> {
    let mut facts = vec![
        session_fact(lang, cohort),
        (t(lang, "pdf-activity"), a.title.clone()),
    ];
    let day = |ts: i64| crate::i18n::day_words(lang, hybride_domain::time::civil(ts).date());
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
                &[("start", day(a.starts_at)), ("end", day(a.ends_at))],
            ),
        )),
    }
    if let Some(place) = a.place.as_deref().filter(|p| !p.is_empty()) {
        facts.push((t(lang, "pdf-place"), place.to_owned()));
    }
    facts.push((t(lang, "pdf-trainers"), trainers.join(", ")));
    facts
}

/// Under a sheet's table: how many signed (or declared), the time credited, the fingerprint.
fn sheet_notes(lang: Lang, modality: Modality, sheet: &att::Sheet) -> Vec<String> {
    let total_credited: i64 = sheet.rows.iter().map(|r| r.credited_minutes).sum();
    vec![
        match modality {
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
    ]
}

/// An in-person sheet's countersignatures, each with what it attests (the latest when they do
/// not all fit), after where the half-day stands when it waits to be countersigned (again).
fn sheet_signatures(lang: Lang, modality: Modality, sheet: &att::Sheet) -> Vec<(String, String)> {
    if modality != Modality::InPerson {
        return Vec::new();
    }
    let title = t(lang, "sheet-countersign-title");
    let mut out: Vec<(String, String)> = att::countersigning_words(lang, sheet)
        .map(|w| (title.clone(), w))
        .into_iter()
        .collect();
    let room = SIGNATURE_BLOCKS - out.len();
    let skip = sheet.countersignatures.len().saturating_sub(room);
    for cs in sheet.countersignatures.iter().skip(skip) {
        out.push((
            title.clone(),
            att::countersignature_words(lang, cs).join(" "),
        ));
    }
    out
}

/// How many signature blocks a record's PDF holds.
const SIGNATURE_BLOCKS: usize = 4;

/// A trainee's exchanges with the trainers, in words: posts, answers received, reminders.
pub(super) fn exchanges_line(lang: Lang, x: &hybride_store::discussion::Exchanges) -> String {
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
///
/// Gathered first — seven statements whatever the number of trainees or activities: her
/// enrollment, the steps, the activities, her events, the exchanges, her account, the plan —
/// then drawn, then put in words.
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
    let activities = cohorts::activities(s, c.id).await?;
    let events = hybride_store::attendance::of_cohort_subject(s, c.id, user).await?;
    let exchanges = hybride_store::discussion::exchanges(s, c.id).await?;
    let trainee = people::get(s, user).await?;
    let plan = plan_label(s, training.plan_id).await?;
    let work = distance_work(&activities, &steps, &events);
    if work.is_empty() {
        return Ok(None);
    }
    let exchanges = exchanges.into_iter().find(|x| x.user_id == user);
    let head = Head {
        lang,
        cohort: c,
        training,
        plan: &plan,
    };
    Ok(Some(declarations_record(head, &trainee, &work, exchanges)))
}

/// One asynchronous activity as a trainee did it.
struct Work<'a> {
    activity: &'a Activity,
    /// The step's estimated minutes.
    estimated: i64,
    done: rules::Completion,
}

/// Each asynchronous activity, as the trainee whose events these are did it.
fn distance_work<'a>(
    activities: &'a [Activity],
    steps: &[Step],
    events: &[hybride_store::attendance::Event],
) -> Vec<Work<'a>> {
    activities
        .iter()
        .filter(|a| a.modality == Modality::Async)
        .map(|a| {
            let marks: Vec<_> = events
                .iter()
                .filter(|e| e.activity_id == a.id)
                .map(hybride_store::attendance::Event::mark)
                .collect();
            Work {
                activity: a,
                estimated: a
                    .step_id
                    .and_then(|id| steps.iter().find(|x| x.id == id))
                    .map(|x| x.minutes)
                    .unwrap_or_default(),
                done: rules::completion(&marks),
            }
        })
        .collect()
}

/// A trainee's distance work in words.
fn declarations_record(
    head: Head<'_>,
    trainee: &hybride_store::people::User,
    work: &[Work<'_>],
    exchanges: Option<hybride_store::discussion::Exchanges>,
) -> Record {
    let lang = head.lang;
    let credited: i64 = work.iter().map(|w| w.done.credited_minutes).sum();
    let estimated: i64 = work.iter().map(|w| w.estimated).sum();
    let mut facts = trainee_facts(lang, trainee);
    facts.push(session_fact(lang, head.cohort));
    facts.push(dates_fact(lang, head.cohort));
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
    Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-declarations-title",
            &[("training", head.training.title.clone())],
        ),
        subtitle: subtitle(head.plan, head.training),
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
        rows: work.iter().map(|w| work_row(lang, w)).collect(),
        empty: String::new(),
        notes,
        signatures: vec![
            (t(lang, "pdf-declarations-trainee-signature"), String::new()),
            (t(lang, "pdf-declarations-trainer-signature"), String::new()),
        ],
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    }
}

/// One asynchronous activity's line on a trainee's distance work.
fn work_row(lang: Lang, w: &Work<'_>) -> Vec<String> {
    let (a, x) = (w.activity, &w.done);
    let when = |ts: i64| format!("{} {}", hybride_domain::time::civil(ts).date(), hm(ts));
    let mut evidence: Vec<String> = x.evidence.iter().cloned().collect();
    if x.document.is_some() {
        evidence.push(t(lang, "pdf-declarations-file"));
    }
    if let Some(m) = x.declared_minutes {
        evidence.push(tr(
            lang,
            "pdf-declarations-spent",
            &[("time", crate::i18n::duration(m))],
        ));
    }
    vec![
        a.title.clone(),
        format!(
            "{} – {}",
            hybride_domain::time::civil(a.starts_at).date(),
            hybride_domain::time::civil(a.ends_at).date()
        ),
        crate::i18n::duration(w.estimated),
        t(lang, &format!("async-{}", key(&x.state))),
        x.declared_at.map(when).unwrap_or_default(),
        evidence.join(" · "),
        x.decided_at.map(when).unwrap_or_default(),
        crate::i18n::duration(x.credited_minutes),
    ]
}

/// A table: headers, relative widths, rows.
type Table = (Vec<String>, Vec<u32>, Vec<Vec<String>>);

/// The table of a sheet: headers, relative widths, rows — the same in the PDF and the CSV.
pub fn sheet_table(
    lang: crate::i18n::Lang,
    modality: Modality,
    sheet: &att::Sheet,
) -> (Vec<String>, Vec<u32>, Vec<Vec<String>>) {
    match modality {
        Modality::Async => async_table(lang, sheet),
        Modality::InPerson => in_person_table(lang, sheet),
        _ => virtual_table(lang, sheet),
    }
}

fn headers(lang: Lang, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| t(lang, k)).collect()
}

/// An asynchronous activity's sheet: each trainee's state, declaration, evidence, time.
fn async_table(lang: Lang, sheet: &att::Sheet) -> Table {
    let rows = sheet
        .rows
        .iter()
        .map(|r| {
            let done = r.completion.as_ref();
            vec![
                format!("{} {}", r.last_name, r.first_name),
                done.map(|x| t(lang, &format!("async-{}", key(&x.state))))
                    .unwrap_or_default(),
                done.and_then(|x| x.declared_at)
                    .map(|ts| format!("{} {}", hybride_domain::time::civil(ts).date(), hm(ts)))
                    .unwrap_or_default(),
                done.and_then(|x| x.evidence.clone()).unwrap_or_default(),
                crate::i18n::duration(r.credited_minutes),
            ]
        })
        .collect();
    (
        headers(
            lang,
            &[
                "pdf-trainee",
                "pdf-state",
                "pdf-declared",
                "pdf-evidence",
                "pdf-credited",
            ],
        ),
        vec![3, 2, 2, 4, 1],
        rows,
    )
}

/// An in-person half-day's sheet: each trainee's signature, channel, times, absence, time, and
/// the corrections recorded after the countersignature (when, by whom, countersigned again or
/// not).
fn in_person_table(lang: Lang, sheet: &att::Sheet) -> Table {
    let corrections = att::corrections_words(lang, sheet);
    let channel = |ch: Option<rules::Channel>| {
        ch.map(|c| t(lang, &format!("channel-{}", c.as_str())))
            .unwrap_or_default()
    };
    let rows = sheet
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
            let absence = p.absence.as_ref().map(|a| {
                let word = if a.accepted {
                    t(lang, "sheet-absent-justified")
                } else {
                    t(lang, "sheet-absent")
                };
                format!("{word} — {}", a.reason)
            });
            let after: Vec<String> = corrections
                .iter()
                .filter(|c| c.user_id == r.user_id)
                .map(|c| c.line.clone())
                .collect();
            vec![
                format!("{} {}", r.last_name, r.first_name),
                p.signed_at.map(hm).unwrap_or_default(),
                channel(p.channel),
                times.join(" "),
                absence.unwrap_or_default(),
                crate::i18n::duration(r.credited_minutes),
                after.join(" ; "),
            ]
        })
        .collect();
    (
        headers(
            lang,
            &[
                "pdf-trainee",
                "pdf-signature",
                "pdf-channel",
                "pdf-times",
                "pdf-absence",
                "pdf-credited",
                "pdf-corrections",
            ],
        ),
        vec![3, 2, 2, 2, 3, 2, 4],
        rows,
    )
}

/// A virtual half-day's sheet: each trainee's connection, confirmations, whether it counts.
fn virtual_table(lang: Lang, sheet: &att::Sheet) -> Table {
    let rows = sheet
        .rows
        .iter()
        .map(|r| {
            let p = r.presence.clone().unwrap_or_default();
            vec![
                format!("{} {}", r.last_name, r.first_name),
                match (p.connected_minutes, p.joined_at) {
                    (Some(m), _) => tr(lang, "sheet-connected", &[("minutes", m.to_string())]),
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
        .collect();
    (
        headers(
            lang,
            &[
                "pdf-trainee",
                "pdf-connection",
                "pdf-confirmations",
                "pdf-counted",
                "pdf-credited",
            ],
        ),
        vec![3, 2, 2, 1, 1],
        rows,
    )
}
