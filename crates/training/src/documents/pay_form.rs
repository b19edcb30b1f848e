//! Each trainer's pay form (fiche de rémunération), from the half-days they led.

use super::*;
use crate::pay::{HalfDayLed, TrainerPay};
use hybride_domain::pay::{self as pay_rules, euros, per_mille_words};
use hybride_store::after::{self as store_after, TrainingAfter};

/// What a trainer's pay form is drawn from, gathered at once by [`PayFacts::gather`].
struct PayFacts {
    trainer: hybride_store::people::User,
    /// The ids of the cohort's trainers: who leads a half-day nobody countersigned.
    cohort_trainers: Vec<i64>,
    rates: pay_rules::Rates,
    after: TrainingAfter,
    steps: Vec<Step>,
    rules: rules::Rules,
    activities: Vec<Activity>,
    enrollments: Vec<cohorts::Enrollment>,
    events: Vec<hybride_store::attendance::Event>,
    lumps: Vec<store_after::PayLump>,
    profile: Option<store_after::PayProfile>,
    plan: String,
}

impl PayFacts {
    /// Eleven statements, whatever the number of trainees, trainers, activities or marks (one
    /// when `trainer` is not a trainer of the cohort: none then).
    async fn gather(
        s: &Store,
        c: &Cohort,
        training: &Training,
        trainer: i64,
    ) -> Result<Option<PayFacts>, Error> {
        let trainers = cohorts::trainers(s, c.id).await?;
        let cohort_trainers = trainers.iter().map(|u| u.id).collect();
        let Some(trainer) = trainers.into_iter().find(|u| u.id == trainer) else {
            return Ok(None);
        };
        Ok(Some(PayFacts {
            rates: store_after::pay_rates(s).await?,
            after: store_after::training_after(s, training.id).await?,
            steps: hybride_store::trainings::steps(s, training.id).await?,
            rules: att::rules_of(s, training).await?,
            activities: cohorts::activities(s, c.id).await?,
            enrollments: cohorts::enrollments(s, c.id).await?,
            events: hybride_store::attendance::of_cohort(s, c.id).await?,
            lumps: store_after::lumps(s, c.id).await?,
            profile: store_after::pay_profile(s, trainer.id).await?,
            plan: plan_label(s, training.plan_id).await?,
            trainer,
            cohort_trainers,
        }))
    }
}

/// A trainer's pay form (fiche de rémunération) for the cohort, with its file name; none when
/// `trainer` is not a trainer of the cohort.
///
/// Gathered first ([`PayFacts::gather`]), then drawn — the half-days held, as
/// [`crate::pay::pay_forms`] reads them, and the trainer's form — then put in words.
pub async fn pay_form(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    training: &Training,
    trainer: i64,
) -> Result<Option<Record>, Error> {
    let Some(facts) = PayFacts::gather(s, c, training, trainer).await? else {
        return Ok(None);
    };
    let led = half_days_led(&facts, c, now());
    let p = trainer_pay(&facts, &led);
    let head = Head {
        lang,
        cohort: c,
        training,
        plan: &facts.plan,
    };
    Ok(Some(pay_record(head, &facts, &p, &led)))
}

/// Every in-person or synchronous half-day of the cohort with at least one trainee present, and
/// who led it, by time (as [`crate::pay::facts_from`] reads the record).
fn half_days_led(f: &PayFacts, c: &Cohort, now: i64) -> Vec<HalfDayLed> {
    let src = crate::pay::RecordSource {
        events: &f.events,
        enrollments: &f.enrollments,
        activities: &f.activities,
        steps: &f.steps,
        rules: &f.rules,
        cohort_trainers: &f.cohort_trainers,
    };
    crate::pay::facts_from(&src, c, now).led
}

/// The trainer's pay, as the pay pages compute it.
fn trainer_pay(f: &PayFacts, led: &[HalfDayLed]) -> TrainerPay {
    crate::pay::trainer_pay(
        f.trainer.clone(),
        f.profile.clone(),
        &f.after,
        &f.rates,
        led,
        &f.lumps,
    )
}

/// A trainer's pay form in words.
fn pay_record(head: Head<'_>, f: &PayFacts, p: &TrainerPay, led: &[HalfDayLed]) -> Record {
    let lang = head.lang;
    Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-pay-title",
            &[("training", head.training.title.clone())],
        ),
        subtitle: subtitle(head.plan, head.training),
        facts: pay_facts(lang, head.cohort, f, p),
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
        rows: pay_rows(lang, p, led),
        empty: t(lang, "pay-nothing"),
        notes: pay_notes(lang, p, led),
        signatures: vec![
            (t(lang, "pay-sign-trainer"), t(lang, "pay-sign-date")),
            (t(lang, "pay-sign-pilot"), t(lang, "pay-sign-date")),
            (t(lang, "pay-sign-service"), t(lang, "pay-sign-date")),
        ],
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    }
}

/// A pay form's facts: the trainer and their statut, the session, its places, the band and the
/// co-animation rule.
fn pay_facts(lang: Lang, c: &Cohort, f: &PayFacts, p: &TrainerPay) -> Vec<(String, String)> {
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
    let places: std::collections::BTreeSet<String> = f
        .activities
        .iter()
        .filter_map(|a| a.place.clone().filter(|p| !p.trim().is_empty()))
        .collect();
    if !places.is_empty() {
        facts.push((
            t(lang, "pdf-place"),
            places.into_iter().collect::<Vec<_>>().join(" ; "),
        ));
    }
    let band = t(lang, &format!("pay-band-{}", f.after.pay_band.as_str()));
    let rate = euros(f.rates.hourly(f.after.pay_band));
    facts.push((
        t(lang, "pay-band"),
        tr(lang, "pay-band-rate", &[("band", band), ("rate", rate)]),
    ));
    facts.push((
        t(lang, "pay-coanimation"),
        tr(
            lang,
            "pay-coanimation-rule",
            &[("hours", per_mille_words(f.rates.coanimation_per_mille))],
        ),
    ));
    facts
}

/// A pay form's lines: each half-day led, then each lump sum.
fn pay_rows(lang: Lang, p: &TrainerPay, led: &[HalfDayLed]) -> Vec<Vec<String>> {
    let titles: std::collections::HashMap<(i64, String), &HalfDayLed> = led
        .iter()
        .map(|h| ((h.activity_id, h.slot.clone()), h))
        .collect();
    p.form
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
        .collect()
}

/// Under a pay form's table: hours, totals, the source, and the half-days not countersigned.
fn pay_notes(lang: Lang, p: &TrainerPay, led: &[HalfDayLed]) -> Vec<String> {
    let not_countersigned = led
        .iter()
        .filter(|h| h.trainers.contains(&p.trainer.id) && !h.countersigned)
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
    notes
}
