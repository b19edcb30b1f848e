//! What the attendance record says once a cohort's half-days took place (each half-day held
//! and who led it, the declarations waiting) and each trainer's pay form drawn from it.

use crate::attendance as att;
use crate::Error;
use hybride_domain::attendance::{AsyncState, Countersigning};
use hybride_domain::pay::{self, Delivered, PayForm};
use hybride_domain::pay::{Lump, Rates, TrainerStatus};
use hybride_domain::Modality;
use hybride_store::after::{self as store, PayProfile, TrainingAfter};
use hybride_store::cohorts::{self, Cohort};
use hybride_store::people::User;
use hybride_store::trainings::{self, Training};
use hybride_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

/// A half-day of the cohort as the pay form and the transmission see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HalfDayLed {
    pub activity_id: i64,
    pub title: String,
    pub slot: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub modality: Modality,
    pub minutes: i64,
    /// Trainees whose presence counts.
    pub attended: usize,
    /// The trainers who countersigned; when nobody did, the cohort's trainers lead it.
    pub trainers: Vec<i64>,
    pub countersigned: bool,
}

/// What the attendance record says of a cohort once its activities took place, read in one
/// pass over its sheets: each half-day held and who led it, and the declarations of
/// asynchronous work still waiting for a decision. The checklist, the review's figures and the
/// dashboard share it.
#[derive(Debug, Clone, Default)]
pub struct RecordFacts {
    pub led: Vec<HalfDayLed>,
    pub pending_declarations: usize,
}

/// Gathers the cohort's record (six statements, whatever the number of trainees, activities or
/// marks), then reads it with [`facts_from`].
pub async fn record_facts(s: &Store, c: &Cohort, t: &Training) -> Result<RecordFacts, Error> {
    let steps = trainings::steps(s, t.id).await?;
    let rules = att::rules_of(s, t).await?;
    let cohort_trainers: Vec<i64> = cohorts::trainers(s, c.id)
        .await?
        .iter()
        .map(|u| u.id)
        .collect();
    let activities = cohorts::activities(s, c.id).await?;
    let enrollments = cohorts::enrollments(s, c.id).await?;
    let events = hybride_store::attendance::of_cohort(s, c.id).await?;
    let src = RecordSource {
        events: &events,
        enrollments: &enrollments,
        activities: &activities,
        steps: &steps,
        rules: &rules,
        cohort_trainers: &cohort_trainers,
    };
    Ok(facts_from(&src, c, hybride_store::now()))
}

/// What [`facts_from`] reads: the cohort's whole record, gathered at once.
pub(crate) struct RecordSource<'a> {
    pub events: &'a [hybride_store::attendance::Event],
    pub enrollments: &'a [cohorts::Enrollment],
    pub activities: &'a [cohorts::Activity],
    pub steps: &'a [trainings::Step],
    pub rules: &'a hybride_domain::attendance::Rules,
    /// Who leads a half-day that nobody countersigned.
    pub cohort_trainers: &'a [i64],
}

/// Each half-day held with at least one trainee present and who led it (its countersigners;
/// when nobody countersigned, the cohort's trainers), by time; and the declarations of
/// asynchronous work waiting for a decision. Pure: the pay form and the checklist share it.
pub(crate) fn facts_from(src: &RecordSource<'_>, c: &Cohort, now: i64) -> RecordFacts {
    let mut by_activity: std::collections::HashMap<i64, Vec<hybride_store::attendance::Event>> =
        std::collections::HashMap::new();
    for e in src.events {
        by_activity
            .entry(e.activity_id)
            .or_default()
            .push(e.clone());
    }
    let mut out = RecordFacts::default();
    for a in src.activities {
        let sheet_src = att::SheetSource {
            events: by_activity.get(&a.id).map(Vec::as_slice).unwrap_or(&[]),
            enrollments: src.enrollments,
            exchanges: &[],
            countersigns: &[],
        };
        if a.modality == Modality::Async {
            let sheet = att::sheet_from(sheet_src, c, a, src.steps, None, src.rules, now);
            out.pending_declarations += sheet
                .rows
                .iter()
                .filter(|r| {
                    r.completion
                        .as_ref()
                        .is_some_and(|x| x.state == AsyncState::Declared)
                })
                .count();
            continue;
        }
        for slot in att::slots(a, src.steps) {
            let sheet = att::sheet_from(sheet_src, c, a, src.steps, Some(slot), src.rules, now);
            if sheet.signed == 0 {
                continue;
            }
            // A half-day whose later marks wait to be countersigned again is not attested as
            // it stands: pay forms and the review say so, as its sheet does.
            let countersigned = sheet.countersigning == Countersigning::Countersigned;
            out.led.push(HalfDayLed {
                activity_id: a.id,
                title: a.title.clone(),
                slot: slot.key(),
                starts_at: slot.starts_at,
                ends_at: slot.ends_at,
                modality: a.modality,
                minutes: slot.planned_minutes,
                attended: sheet.signed,
                trainers: if !sheet.countersigners.is_empty() {
                    sheet.countersigners.iter().map(|x| x.trainer_id).collect()
                } else {
                    src.cohort_trainers.to_vec()
                },
                countersigned,
            });
        }
    }
    out.led.sort_by_key(|h| (h.starts_at, h.activity_id));
    out
}

/// Every past in-person or synchronous half-day of the cohort with at least one trainee
/// present, and who led it.
pub async fn half_days(s: &Store, c: &Cohort, t: &Training) -> Result<Vec<HalfDayLed>, Error> {
    Ok(record_facts(s, c, t).await?.led)
}

/// One trainer's pay for the cohort.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrainerPay {
    pub trainer: User,
    pub profile: Option<PayProfile>,
    pub form: PayForm,
    /// Lump sums by id, in the order of the form's lump lines.
    pub lump_ids: Vec<i64>,
}

/// One trainer's pay: the half-days they led (of the cohort's `led`) and their lump sums (of the
/// cohort's `lumps`), at the training's band. Pure: the pay pages and the pay form share it.
pub(crate) fn trainer_pay(
    trainer: User,
    profile: Option<PayProfile>,
    after: &TrainingAfter,
    rates: &pay::Rates,
    led: &[HalfDayLed],
    lumps: &[store::PayLump],
) -> TrainerPay {
    let delivered: Vec<Delivered> = led
        .iter()
        .map(|h| Delivered {
            activity_id: h.activity_id,
            slot: h.slot.clone(),
            starts_at: h.starts_at,
            modality: h.modality,
            minutes: h.minutes,
            trainers: h.trainers.clone(),
        })
        .collect();
    let mine: Vec<_> = lumps.iter().filter(|l| l.user_id == trainer.id).collect();
    let own: Vec<_> = mine.iter().map(|l| l.lump.clone()).collect();
    TrainerPay {
        form: pay::form(trainer.id, after.pay_band, rates, &delivered, &own),
        profile,
        lump_ids: mine.iter().map(|l| l.id).collect(),
        trainer,
    }
}

/// The pay form of every trainer of the cohort (or only of `only`).
pub async fn pay_forms(
    s: &Store,
    c: &Cohort,
    t: &Training,
    only: Option<i64>,
) -> Result<(Vec<TrainerPay>, Vec<HalfDayLed>, pay::Rates, TrainingAfter), Error> {
    let rates = store::pay_rates(s).await?;
    let after = store::training_after(s, t.id).await?;
    let led = half_days(s, c, t).await?;
    let lumps = store::lumps(s, c.id).await?;
    let mut out = Vec::new();
    for trainer in cohorts::trainers(s, c.id).await? {
        if only.is_some_and(|o| o != trainer.id) {
            continue;
        }
        let profile = store::pay_profile(s, trainer.id).await?;
        out.push(trainer_pay(trainer, profile, &after, &rates, &led, &lumps));
    }
    Ok((out, led, rates, after))
}

/// Grants a lump sum (already checked against the arrêté's range) to a trainer of the cohort.
pub async fn add_lump(
    s: &Store,
    cohort_id: i64,
    user_id: i64,
    lump: &Lump,
    by: i64,
) -> Result<i64, Error> {
    Ok(store::add_lump(s, cohort_id, user_id, lump, by).await?)
}

/// Withdraws a lump sum granted in the cohort.
pub async fn delete_lump(s: &Store, cohort_id: i64, id: i64) -> Result<(), Error> {
    Ok(store::delete_lump(s, cohort_id, id).await?)
}

/// States a trainer's pay profile: status, grade and employer.
pub async fn set_profile(
    s: &Store,
    user_id: i64,
    status: TrainerStatus,
    grade: &str,
    employer: &str,
) -> Result<(), Error> {
    Ok(store::set_pay_profile(s, user_id, status, grade, employer).await?)
}

/// The académie's pay rates (the defaults until an admin sets them).
pub async fn rates(s: &Store) -> Result<Rates, Error> {
    Ok(store::pay_rates(s).await?)
}

/// Stores rates already checked against the arrêté.
pub async fn set_rates(s: &Store, by: &crate::people::User, rates: &Rates) -> Result<(), Error> {
    let before = store::pay_rates(s).await?;
    store::set_pay_rates(s, rates).await?;
    crate::audit::record_change(
        s,
        by,
        hybride_domain::audit::AuditAction::PayRatesSet,
        "settings:pay",
        &before,
        rates,
    )
    .await
}
