//! A trainee's presence in a half-day, folded from the marks, and the minutes it is credited.

use super::marks::{Channel, Kind, Mark};
use super::slot::{Slot, SIGN_MARGIN_SECONDS};
use crate::Modality;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// An absence and whether its justification was accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Absence {
    pub reason: String,
    pub accepted: bool,
    pub recorded_at: i64,
    /// A justification given with it.
    pub document: Option<i64>,
}

/// One trainee's presence in one half-day, after every mark and correction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Presence {
    pub signed_at: Option<i64>,
    pub channel: Option<Channel>,
    /// Late arrival time.
    pub arrived_at: Option<i64>,
    /// Early departure time.
    pub left_at: Option<i64>,
    pub absence: Option<Absence>,
    /// Joined through the personal link (virtual activities).
    pub joined_at: Option<i64>,
    /// « Je suis présent » confirmations, by prompt (start, after the break).
    pub confirmations: Vec<i64>,
    /// Minutes connected, from the virtual room's analytics.
    pub connected_minutes: Option<i64>,
}

/// Folds the marks of one trainee in one half-day, in record order.
pub fn presence<'a>(marks: impl IntoIterator<Item = &'a Mark>) -> Presence {
    let mut p = Presence::default();
    for m in marks {
        match m.kind {
            Kind::Signed => {
                if p.signed_at.is_none() {
                    p.signed_at = Some(m.at);
                    p.channel = Some(m.channel);
                }
                p.absence = None;
            }
            Kind::Late => p.arrived_at = m.moment,
            Kind::Early => p.left_at = m.moment,
            Kind::Absent => {
                p.signed_at = None;
                p.channel = None;
                p.arrived_at = None;
                p.left_at = None;
                p.absence = Some(Absence {
                    reason: m.note.clone().unwrap_or_default(),
                    accepted: false,
                    recorded_at: m.at,
                    document: m.document,
                });
            }
            Kind::AbsenceAccepted => {
                if let Some(a) = p.absence.as_mut() {
                    a.accepted = true;
                }
            }
            Kind::Cancelled => {
                p.signed_at = None;
                p.channel = None;
                p.arrived_at = None;
                p.left_at = None;
                p.joined_at = None;
                p.confirmations.clear();
                p.connected_minutes = None;
            }
            Kind::Joined => {
                if p.joined_at.is_none() {
                    p.joined_at = Some(m.at);
                }
            }
            Kind::Confirmed => p.confirmations.push(m.at),
            Kind::Connected => p.connected_minutes = m.minutes,
            Kind::Countersigned | Kind::Declared | Kind::Validated | Kind::MoreRequested => {}
        }
    }
    p
}

/// How many « je suis présent » prompts a virtual half-day asks: at the start, and after the
/// break when it lasts more than 90 minutes.
pub fn prompts(slot: &Slot) -> usize {
    if slot.span_seconds() > 90 * 60 {
        2
    } else {
        1
    }
}

/// Which prompt a confirmation at `at` answers (before the start counts for the first).
pub fn prompt_of(slot: &Slot, at: i64) -> usize {
    let n = prompts(slot) as i64;
    let span = slot.span_seconds().max(1);
    ((at - slot.starts_at).clamp(0, span - 1) * n / span) as usize
}

/// Minutes of a half-day that a trainee is credited with.
/// In person: the planned share, less late arrival and early departure. Virtual: the whole
/// planned share when the half-day counts as attended (connected at least `threshold` % of
/// its length, or, without the room's analytics, joined and confirmed at every prompt).
pub fn credited(modality: Modality, slot: &Slot, p: &Presence, threshold: u8) -> i64 {
    match modality {
        Modality::InPerson => {
            if p.signed_at.is_none() {
                return 0;
            }
            let from = p.arrived_at.unwrap_or(slot.starts_at).max(slot.starts_at);
            let to = p.left_at.unwrap_or(slot.ends_at).min(slot.ends_at);
            let kept = (to - from).max(0);
            let span = slot.span_seconds().max(1);
            (i128::from(slot.planned_minutes) * i128::from(kept) / i128::from(span)) as i64
        }
        Modality::VirtualClass | Modality::Webinar => {
            if attended(slot, p, threshold) {
                slot.planned_minutes
            } else {
                0
            }
        }
        Modality::Async => 0,
    }
}

/// Whether a virtual half-day counts as attended.
pub fn attended(slot: &Slot, p: &Presence, threshold: u8) -> bool {
    // The trainer vouched for the trainee (marked present).
    if p.signed_at.is_some() {
        return true;
    }
    if let Some(minutes) = p.connected_minutes {
        // minutes / span ≥ threshold %, in integers.
        return minutes * 60 * 100 >= slot.span_seconds() * i64::from(threshold);
    }
    if p.joined_at.is_none() {
        return false;
    }
    let asked = prompts(slot);
    let answered: HashSet<usize> = p
        .confirmations
        .iter()
        .filter(|&&at| slot.contains(at, SIGN_MARGIN_SECONDS))
        .map(|&at| prompt_of(slot, at))
        .collect();
    answered.len() >= asked
}
/// Every subject's presence in one half-day.
pub fn presences(marks: &[Mark], slot: &str) -> HashMap<i64, Presence> {
    let mut by: HashMap<i64, Vec<&Mark>> = HashMap::new();
    for m in marks.iter().filter(|m| m.slot.as_deref() == Some(slot)) {
        by.entry(m.subject).or_default().push(m);
    }
    by.into_iter().map(|(k, v)| (k, presence(v))).collect()
}

/// How long after a virtual class's scheduled end its server's analytics are still heard: two
/// days (the server posts them when the meeting ends, and may try again for a while).
pub const ANALYTICS_SECONDS: i64 = 2 * 24 * 3600;

/// Whether analytics of a meeting for the activity held from `starts_at` to `ends_at` are heard
/// at `at`: not before it starts, not later than [`ANALYTICS_SECONDS`] after its end.
pub fn analytics_heard(starts_at: i64, ends_at: i64, at: i64) -> bool {
    at >= starts_at && at <= ends_at + ANALYTICS_SECONDS
}
