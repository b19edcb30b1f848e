//! The "before" checklist of a cohort and the advice on its schedule, gathered from the store
//! and judged by the domain's rules. Shared by the cohort page, the API and the lifecycle gate.

use crate::Error;
use hybride_domain::checklist::{self, Item};
use hybride_domain::scenario::{self, ActivityFacts, Advice, Holidays, Hours, StepFacts};
use hybride_domain::time::civil;
use hybride_domain::{Minutes, Modality};
use hybride_store::cohorts::{Activity, Cohort};
use hybride_store::people::User;
use hybride_store::trainings::{Step, Training};
use hybride_store::{before, Store};
use std::collections::HashMap;

pub fn step_facts(steps: &[Step]) -> Vec<StepFacts> {
    steps
        .iter()
        .map(|s| StepFacts {
            position: s.position as u32,
            modality: s.modality,
            learning_type: s.learning_type,
            collective: s.collective.0,
            social: s.social.0,
            minutes: u32::try_from(s.minutes).unwrap_or(0),
            has_instructions: !s.instructions.trim().is_empty(),
            has_evaluation: !s.evaluation.trim().is_empty(),
        })
        .collect()
}

pub fn declared(t: &Training) -> Hours {
    let m = |v: i64| Minutes::new(u32::try_from(v).unwrap_or(0)).unwrap_or(Minutes::ZERO);
    Hours {
        in_person: m(t.in_person_minutes),
        synchronous: m(t.synchronous_minutes),
        asynchronous: m(t.asynchronous_minutes),
    }
}

/// Advice on a training's scenario.
pub fn scenario_advice(t: &Training, steps: &[Step]) -> Vec<Advice> {
    scenario::advise_scenario(&step_facts(steps), declared(t))
}

/// Advice on a cohort's schedule.
pub async fn schedule_advice(
    store: &Store,
    c: &Cohort,
    steps: &[Step],
    activities: &[Activity],
) -> Result<Vec<Advice>, Error> {
    let by_step: HashMap<i64, &Step> = steps.iter().map(|s| (s.id, s)).collect();
    let facts: Vec<ActivityFacts> = activities
        .iter()
        .map(|a| {
            let step = a.step_id.and_then(|id| by_step.get(&id));
            ActivityFacts {
                id: a.id,
                modality: a.modality,
                starts: civil(a.starts_at),
                ends: civil(a.ends_at),
                learning_type: step.map(|s| s.learning_type),
                collective: step.is_some_and(|s| s.collective.0),
                minutes: step
                    .map(|s| u32::try_from(s.minutes).unwrap_or(0))
                    .unwrap_or_else(|| u32::try_from((a.ends_at - a.starts_at) / 60).unwrap_or(0)),
            }
        })
        .collect();
    let holidays = zone_holidays(store).await?;
    Ok(scenario::advise_schedule(
        &facts,
        u32::try_from(c.trainees).unwrap_or(0),
        &holidays,
    ))
}

/// The school holidays of the académie's zone, as the scenario rules read them.
pub async fn zone_holidays(store: &Store) -> Result<Vec<Holidays>, Error> {
    let zone = before::school_zone(store).await?;
    Ok(before::school_holidays(store, &zone)
        .await?
        .into_iter()
        .filter_map(|h| {
            Some(Holidays {
                first_day: h.first_day.parse().ok()?,
                last_day: h.last_day.parse().ok()?,
            })
        })
        .collect())
}

use crate::i18n::{self, Lang};
use hybride_domain::checklist::{Evidence, Status};
use hybride_domain::modality::HoursBudget;
use hybride_store::before::SchoolHoliday;
pub use hybride_store::before::{
    Accompaniment, AccompanimentInput, EquipmentCheck, EquipmentInput, ValidationInput,
    ValidationRules, CHECK_RESULTS,
};
use serde::Serialize;

/// The translation key naming an hours budget.
pub fn budget_key(b: HoursBudget) -> &'static str {
    match b {
        HoursBudget::InPerson => "modality-in_person",
        HoursBudget::Synchronous => "hours-synchronous",
        HoursBudget::Asynchronous => "modality-async",
    }
}

fn day_text(lang: Lang, d: jiff::civil::Date) -> String {
    crate::i18n::day_words(lang, d)
}

/// Advice in words.
pub fn advice_text(lang: Lang, a: &Advice) -> String {
    let modality = |m: Modality| i18n::t(lang, &format!("modality-{}", m.as_str()));
    let duration = |m: u32| Minutes::new(m).map(|m| m.to_string()).unwrap_or_default();
    let args: Vec<(&str, String)> = match a {
        Advice::EmptyScenario | Advice::NoSocialActivity | Advice::NoEvaluation => vec![],
        Advice::SingleModality { modality: m } => vec![("modality", modality(*m))],
        Advice::NoDuration { step, modality: m } | Advice::NoInstructions { step, modality: m } => {
            vec![("step", step.to_string()), ("modality", modality(*m))]
        }
        Advice::HoursMismatch {
            budget,
            planned,
            declared,
        } => vec![
            ("budget", i18n::t(lang, budget_key(*budget))),
            ("planned", duration(*planned)),
            ("declared", duration(*declared)),
        ],
        Advice::AsyncOverload { week_of, minutes } => vec![
            ("day", day_text(lang, *week_of)),
            ("duration", duration(*minutes)),
        ],
        Advice::OnWeekend { day, .. }
        | Advice::OnPublicHoliday { day, .. }
        | Advice::OnSchoolHoliday { day, .. }
        | Advice::OutsideWorkingHours { day, .. } => vec![("day", day_text(lang, *day))],
        Advice::TooManyToParticipate { trainees, .. } => vec![
            ("trainees", trainees.to_string()),
            (
                "limit",
                scenario::limits::PARTICIPATORY_TRAINEES.to_string(),
            ),
        ],
    };
    i18n::tr(lang, a.key(), &args)
}

pub fn evidence_text(lang: Lang, e: &Evidence) -> String {
    // Dates (`day`, ISO) and instants (`at`, Unix seconds) are read in words.
    let args: Vec<(&str, String)> = e
        .args
        .iter()
        .map(|(k, v)| {
            let shown = match *k {
                "day" => v
                    .parse::<jiff::civil::Date>()
                    .map(|d| crate::i18n::day_words(lang, d))
                    .ok(),
                "at" => v.parse::<i64>().ok().map(|ts| {
                    format!(
                        "{} {}",
                        crate::i18n::day_words(lang, civil(ts).date()),
                        crate::i18n::hm(ts)
                    )
                }),
                _ => None,
            };
            (*k, shown.unwrap_or_else(|| v.clone()))
        })
        .collect();
    i18n::tr(lang, e.key, &args)
}

/// A checklist item as people read it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ShownItem {
    pub phase: checklist::Phase,
    /// `space_configured`, `scenario_articulated`, …
    pub key: String,
    pub status: Status,
    /// The charter's duty, in words.
    pub duty: String,
    /// The facts behind the status, in words.
    pub evidence: Vec<String>,
    /// Where to fix it.
    pub fix_url: String,
}

pub fn show(lang: Lang, c: &Cohort, items: &[Item]) -> Vec<ShownItem> {
    items
        .iter()
        .map(|i| ShownItem {
            phase: i.phase,
            key: i.key.to_owned(),
            status: i.status,
            duty: i18n::t(lang, &format!("duty-{}", i.key.replace('_', "-"))),
            evidence: i.evidence.iter().map(|e| evidence_text(lang, e)).collect(),
            fix_url: match i.key {
                "space_configured" => format!("/cohorts/{}/edit", c.id),
                "scenario_articulated" => format!("/trainings/{}/scenario", c.training_id),
                "accompaniment_planned" => format!("/trainings/{}/accompaniment", c.training_id),
                "equipment_tested" => "/equipment".to_owned(),
                "links_received" => format!("/cohorts/{}#h-links", c.id),
                "opening_message" => format!("/cohorts/{}/opening", c.id),
                "instructions_published" => format!("/cohorts/{}#h-schedule", c.id),
                "social_activity" => format!("/cohorts/{}/forum", c.id),
                "contents_available" => format!("/cohorts/{}#h-after", c.id),
                "admin_documents" => format!("/cohorts/{}/documents", c.id),
                "pilot_feedback" => format!("/cohorts/{}/review", c.id),
                "open_courses_promoted" => {
                    format!("/trainings/{}/after#h-courses", c.training_id)
                }
                _ => "/qualifications/requests".to_owned(),
            },
        })
        .collect()
}

// ---- reads and writes of the record, for the pages and the API

pub async fn record_equipment_check(
    store: &Store,
    user_id: i64,
    c: &EquipmentInput,
) -> crate::Result<EquipmentCheck> {
    Ok(hybride_store::before::record_equipment_check(store, user_id, c).await?)
}

/// A user's checks, most recent first.
pub async fn equipment_checks(
    store: &Store,
    user_id: i64,
    limit: i64,
) -> crate::Result<Vec<EquipmentCheck>> {
    Ok(hybride_store::before::equipment_checks(store, user_id, limit).await?)
}

pub async fn validation_rules(
    store: &Store,
    training_id: i64,
) -> crate::Result<Option<ValidationRules>> {
    Ok(hybride_store::before::validation_rules(store, training_id).await?)
}

pub async fn save_validation_rules(
    store: &Store,
    training_id: i64,
    v: &ValidationInput,
) -> crate::Result<ValidationRules> {
    Ok(hybride_store::before::save_validation_rules(store, training_id, v).await?)
}

pub async fn save_accompaniment(
    store: &Store,
    training_id: i64,
    a: &AccompanimentInput,
) -> crate::Result<Accompaniment> {
    Ok(hybride_store::before::save_accompaniment(store, training_id, a).await?)
}

pub async fn accompaniment(
    store: &Store,
    training_id: i64,
) -> crate::Result<Option<Accompaniment>> {
    Ok(hybride_store::before::accompaniment(store, training_id).await?)
}

/// The académie's school-holiday zone (setting `school_zone`, `A` by default).
pub async fn school_zone(store: &Store) -> crate::Result<String> {
    Ok(hybride_store::before::school_zone(store).await?)
}

pub async fn set_setting(store: &Store, key: &str, value: &str) -> crate::Result<()> {
    Ok(hybride_store::before::set_setting(store, key, value).await?)
}

pub async fn school_holidays(store: &Store, zone: &str) -> crate::Result<Vec<SchoolHoliday>> {
    Ok(hybride_store::before::school_holidays(store, zone).await?)
}

pub async fn delete_school_holiday(store: &Store, by: &User, id: i64) -> crate::Result<()> {
    hybride_store::before::delete_school_holiday(store, id).await?;
    crate::audit::record(
        store,
        crate::audit::Actor::Person(by),
        hybride_domain::audit::AuditAction::HolidayRemoved,
        &format!("holiday:{id}"),
        serde_json::json!({}),
    )
    .await?;
    Ok(())
}

/// Sets the académie's school-holiday zone.
pub async fn set_school_zone(store: &Store, by: &User, zone: &str) -> crate::Result<()> {
    let before = school_zone(store).await?;
    hybride_store::before::set_setting(store, "school_zone", zone).await?;
    if before != zone {
        crate::audit::record(
            store,
            crate::audit::Actor::Person(by),
            hybride_domain::audit::AuditAction::SchoolZoneSet,
            "settings:school_zone",
            serde_json::json!({ "zone": [before, zone] }),
        )
        .await?;
    }
    Ok(())
}

pub async fn add_school_holiday(
    store: &Store,
    by: &User,
    zone: &str,
    label: &str,
    first_day: jiff::civil::Date,
    last_day: jiff::civil::Date,
) -> crate::Result<SchoolHoliday> {
    let h =
        hybride_store::before::add_school_holiday(store, zone, label, first_day, last_day).await?;
    let details = serde_json::json!({
        "zone": zone,
        "label": label,
        "first_day": first_day.to_string(),
        "last_day": last_day.to_string(),
    });
    crate::audit::record(
        store,
        crate::audit::Actor::Person(by),
        hybride_domain::audit::AuditAction::HolidayAdded,
        &format!("holiday:{}", h.id),
        details,
    )
    .await?;
    Ok(h)
}
