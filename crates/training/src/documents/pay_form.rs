//! Each trainer's pay form (fiche de rémunération), from the half-days they led.

use super::*;

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
