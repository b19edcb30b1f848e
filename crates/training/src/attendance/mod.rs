//! Attendance: the rotating codes a trainer shows, the half-days of an
//! activity, the sheet a trainer reads live, each trainee's validation, and the BigBlueButton
//! analytics callback turned into connected minutes. The rules themselves are the domain's
//! (`hybride_domain::attendance`); the record is the store's (append-only, hash-chained).

use crate::i18n::{self, Lang};
use crate::Error;
use crate::Hybride;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use hybride_domain::attendance::{
    self as rules, AsyncState, Channel, Completion, Countersigning, CreditRule, Kind, Presence,
    RedFlag, Rules, Slot, Unit, Validation,
};
use hybride_domain::time::paris;
use hybride_domain::{HoursBudget, Modality};
use hybride_store::attendance::Document;
use hybride_store::attendance::{self as record, NewMark};
use hybride_store::cohorts::{self, Activity, Cohort};
use hybride_store::trainings::{self, Step, Training};
use hybride_store::{before as store_before, now, Store};
use serde::Serialize;
use sha2::Sha256;
use std::collections::HashMap;
use utoipa::ToSchema;

mod codes;
mod countersigning;
mod marks;
mod sheet;
mod signing;
mod validation;

pub(crate) use codes::draw_qr;
pub use codes::{accepts_code, accepts_qr, code, device_digest, qr_svg, qr_token, window};
pub use countersigning::{
    corrections_words, countersign, countersignature_words, countersigning_words, CorrectionWords,
    Countersignature, SheetCorrection,
};
pub use hybride_store::attendance::Event;
pub use marks::{check_document, correct, keep_document, mark, reason, record_join, sniff, Extra};
pub use sheet::{
    flag_text, marks_for, sheet, sheet_facts, sheet_from, Sheet, SheetFacts, SheetRow, SheetSource,
};
pub use signing::{sign_now, sign_with_code, signable, Signable};
pub use validation::{
    credit_on_validation, validations, validations_from, validations_of, TraineeValidation,
    ValidationFacts,
};

/// The half-days of an in-person or virtual activity, with the step's planned minutes spread
/// over them; none for asynchronous work.
pub fn slots(a: &Activity, steps: &[Step]) -> Vec<Slot> {
    let planned = a
        .step_id
        .and_then(|id| steps.iter().find(|s| s.id == id))
        .map(|s| s.minutes);
    slots_planned(a, planned)
}

/// The half-days of an activity whose step plans `planned` minutes (none: its length).
fn slots_planned(a: &Activity, planned: Option<i64>) -> Vec<Slot> {
    if !a.modality.is_synchronous() {
        return Vec::new();
    }
    rules::half_days(a.starts_at, a.ends_at, planned, &paris())
}

/// The half-day under way at `at` (signing margin included), if any.
pub fn slot_at(slots: &[Slot], at: i64) -> Option<Slot> {
    slots
        .iter()
        .find(|s| s.contains(at, 0))
        .or_else(|| {
            slots
                .iter()
                .find(|s| s.contains(at, rules::SIGN_MARGIN_SECONDS))
        })
        .copied()
}

pub fn find_slot(slots: &[Slot], key: &str) -> Option<Slot> {
    slots.iter().find(|s| s.key() == key).copied()
}

/// The training's validation rules as numbers; without rules, the training's minimum
/// attendance for every modality.
pub async fn rules_of(store: &Store, t: &Training) -> Result<Rules, Error> {
    let pct = |v: i64| v.clamp(0, 100) as u8;
    Ok(match store_before::validation_rules(store, t.id).await? {
        Some(r) => Rules {
            min_percent: [
                pct(r.min_in_person_percent),
                pct(r.min_synchronous_percent),
                pct(r.min_asynchronous_percent),
            ],
            mandatory_steps: r.mandatory_steps_required.0,
            evaluation: r.evaluation_required.0,
            threshold: pct(r.half_day_threshold_percent),
        },
        None => Rules {
            min_percent: [pct(t.min_attendance_percent); 3],
            ..Rules::default()
        },
    })
}

/// Loads what most attendance handlers need: the activity, its cohort, training and steps.
pub struct Context {
    pub cohort: Cohort,
    pub training: Training,
    pub steps: Vec<Step>,
    pub activity: Activity,
}

pub async fn context(state: &Hybride, cohort_id: i64, activity_id: i64) -> Result<Context, Error> {
    let s = &state.store;
    let cohort = cohorts::get(s, cohort_id).await?;
    let activity = cohorts::activity(s, cohort_id, activity_id).await?;
    let training = trainings::get(s, cohort.training_id).await?;
    let steps = trainings::steps(s, training.id).await?;
    Ok(Context {
        cohort,
        training,
        steps,
        activity,
    })
}

/// Why a correction was refused (a message key).
pub type Refusal = &'static str;

// ---- reads and writes of the record, for the pages and the API

/// Every event of one activity, in record order.
pub async fn of_activity(store: &Store, activity_id: i64) -> crate::Result<Vec<Event>> {
    Ok(hybride_store::attendance::of_activity(store, activity_id).await?)
}

/// The secret behind an activity's rotating codes, created on first use.
pub async fn signing_secret(store: &Store, activity_id: i64) -> crate::Result<String> {
    Ok(hybride_store::attendance::signing_secret(store, activity_id).await?)
}

/// The events of one activity about one person (a trainee, or a trainer's countersignatures),
/// in record order: what deciding on that person's mark needs, without the whole half-day's.
pub async fn of_subject(
    store: &Store,
    activity_id: i64,
    subject_id: i64,
) -> crate::Result<Vec<Event>> {
    Ok(hybride_store::attendance::of_subject(store, activity_id, subject_id).await?)
}

/// Every event of one cohort, in record order.
pub async fn of_cohort(store: &Store, cohort_id: i64) -> crate::Result<Vec<Event>> {
    Ok(hybride_store::attendance::of_cohort(store, cohort_id).await?)
}

/// One person's events in one cohort, in record order: what her certificate or her distance
/// work's table needs, without the others'.
pub async fn of_cohort_subject(
    store: &Store,
    cohort_id: i64,
    subject_id: i64,
) -> crate::Result<Vec<Event>> {
    Ok(hybride_store::attendance::of_cohort_subject(store, cohort_id, subject_id).await?)
}

/// A document kept with the record (a justification, a piece of evidence), and its content.
pub async fn document(store: &Store, id: i64) -> crate::Result<(Document, Vec<u8>)> {
    Ok(record::document(store, id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_rotate_and_are_accepted_only_in_their_windows() {
        let secret = "s3cret";
        let at = 1_800_000_000;
        let w = window(at);
        let c = code(secret, 7, "2027-01-14-morning", w);
        assert_eq!(c.len(), 6);
        assert!(accepts_code(secret, 7, "2027-01-14-morning", &c, at));
        assert!(accepts_code(
            secret,
            7,
            "2027-01-14-morning",
            &format!("{} {}", &c[..3], &c[3..]),
            at + 60
        ));
        assert!(!accepts_code(secret, 7, "2027-01-14-morning", &c, at + 120));
        assert!(!accepts_code(secret, 7, "2027-01-14-afternoon", &c, at));
        assert!(!accepts_code(secret, 8, "2027-01-14-morning", &c, at));
        assert!(!accepts_code("other", 7, "2027-01-14-morning", &c, at));
        let q = qr_token(secret, 7, "2027-01-14-morning", w);
        assert!(accepts_qr(secret, 7, "2027-01-14-morning", &q, at + 30));
        assert!(!accepts_qr(secret, 7, "2027-01-14-morning", &q, at + 90));
        assert_ne!(q, qr_token(secret, 7, "2027-01-14-morning", w + 1));
        assert!(qr_svg("https://example.test/s/1", "QR « test »").starts_with("<svg role=\"img\""));
    }
}
