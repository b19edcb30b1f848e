//! The attendance sheets: each half-day's (in person or virtual), each asynchronous activity's,
//! and each trainee's distance work.

use super::*;

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
