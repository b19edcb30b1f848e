//! Closing a cohort: the declarations of asynchronous work still awaiting a trainer's decision,
//! and the closing itself, refused while any does — a closed cohort is read-only, so a
//! declaration left undecided would stay uncredited for good, and its trainee's certificate
//! would show no distance work for work she did declare.

use crate::Error;
use hybride_domain::attendance::{self as rules, AsyncState};
use hybride_domain::{CohortStatus, Modality};
pub use hybride_store::after::ClosingEvent;
use hybride_store::attendance::{self as record, Event};
use hybride_store::cohorts::{self, Activity, Cohort, Enrollment};
use hybride_store::{now, Store};
use serde::Serialize;
use std::collections::HashMap;

/// A trainee's declaration of asynchronous work that awaits the trainer's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PendingDeclaration {
    pub activity_id: i64,
    pub activity_title: String,
    pub user_id: i64,
    pub last_name: String,
    pub first_name: String,
    /// When she declared it (Unix seconds).
    pub declared_at: Option<i64>,
}

/// The declarations awaiting a decision among `events` (a cohort's, or one trainee's), by
/// activity then trainee, in the order of the schedule and of the list of trainees.
pub fn pending_from(
    activities: &[Activity],
    events: &[Event],
    enrollments: &[Enrollment],
) -> Vec<PendingDeclaration> {
    let mut by: HashMap<(i64, i64), Vec<&Event>> = HashMap::new();
    for e in events {
        by.entry((e.activity_id, e.subject_id)).or_default().push(e);
    }
    let mut out = Vec::new();
    for a in activities.iter().filter(|a| a.modality == Modality::Async) {
        for t in enrollments {
            let Some(marks) = by.get(&(a.id, t.user_id)) else {
                continue;
            };
            let marks: Vec<_> = marks.iter().map(|e| e.mark()).collect();
            let c = rules::completion(&marks);
            if c.state == AsyncState::Declared {
                out.push(PendingDeclaration {
                    activity_id: a.id,
                    activity_title: a.title.clone(),
                    user_id: t.user_id,
                    last_name: t.last_name.clone(),
                    first_name: t.first_name.clone(),
                    declared_at: c.declared_at,
                });
            }
        }
    }
    out
}

/// What a closing is decided from: the record's position when it was read, and the
/// declarations it holds that await a decision.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    pub events_seq: i64,
    pub declarations: Vec<PendingDeclaration>,
}

/// The cohort's declarations awaiting a decision. Four statements, whatever its size: the
/// record's position first, so that a mark read here is never newer than it.
pub async fn pending(s: &Store, c: &Cohort) -> Result<Pending, Error> {
    let events_seq = hybride_store::after::events_seq(s, c.id).await?;
    let activities = cohorts::activities(s, c.id).await?;
    if !activities.iter().any(|a| a.modality == Modality::Async) {
        return Ok(Pending {
            events_seq,
            declarations: Vec::new(),
        });
    }
    let events = record::of_cohort(s, c.id).await?;
    let enrollments = cohorts::enrollments(s, c.id).await?;
    Ok(Pending {
        events_seq,
        declarations: pending_from(&activities, &events, &enrollments),
    })
}

/// Closes the running cohort `c`: refused (`declarations_pending`) while a declaration awaits
/// a decision, and (`record_changed`) when a mark came in between the check and the closing.
pub async fn close(s: &Store, c: &Cohort, by: Option<i64>) -> Result<Cohort, Error> {
    if c.status != CohortStatus::Running {
        return Err(Error::Refused("status_transition"));
    }
    let p = pending(s, c).await?;
    if !p.declarations.is_empty() {
        return Err(Error::Refused("declarations_pending"));
    }
    let at = now();
    let qualified = qualified_by(s, c, at).await?;
    hybride_store::after::close(s, c.id, p.events_seq, by, at, &qualified).await?;
    Ok(cohorts::get(s, c.id).await?)
}

/// Whom closing `c` qualifies in hybrid delivery: when its training trains trainers, the
/// participants its validation meets (the store keeps those who are trainers), on its last day.
async fn qualified_by(
    s: &Store,
    c: &Cohort,
    at: i64,
) -> Result<hybride_store::after::Qualified, Error> {
    let t = hybride_store::trainings::get(s, c.training_id).await?;
    let on = c
        .ends_on
        .parse::<jiff::civil::Date>()
        .unwrap_or_else(|_| hybride_domain::time::today(at));
    let mut trainers = Vec::new();
    if t.trains_trainers.0 {
        for v in crate::attendance::validations_of(s, c, &t, None, at).await? {
            if v.validation.standing == hybride_domain::attendance::Standing::Met {
                trainers.push(v.user_id);
            }
        }
    }
    Ok(hybride_store::after::Qualified { trainers, on })
}

/// Undoes the closing of `c` as it was read, within [`REOPEN_SECONDS`](hybride_domain::cohort::REOPEN_SECONDS)
/// of it, with a reason (one line) kept beside the closing. The cohort runs again: its record
/// and schedule can change, and it must be closed again.
pub async fn reopen(s: &Store, c: &Cohort, by: i64, reason: &str) -> Result<Cohort, Error> {
    let mut e = hybride_domain::FieldErrors::new();
    let reason = e.check("reason", hybride_domain::Title::parse(reason));
    let Some(reason) = reason else {
        return Err(Error::Invalid(e));
    };
    let at = now();
    let closed_at = match c.closed_at {
        Some(closed_at) if c.status == CohortStatus::Closed => closed_at,
        _ => return Err(Error::Refused("status_transition")),
    };
    if !hybride_domain::cohort::may_reopen(c.status, c.closed_at, at) {
        return Err(Error::Refused("reopen_too_late"));
    }
    hybride_store::after::reopen(s, c.id, closed_at, by, reason.as_str(), at).await?;
    tracing::info!(cohort = c.id, user = by, "cohort reopened by its staff");
    Ok(cohorts::get(s, c.id).await?)
}

/// The closings and reopenings of a cohort, oldest first.
pub async fn events(s: &Store, cohort_id: i64) -> Result<Vec<ClosingEvent>, Error> {
    Ok(hybride_store::after::closing_events(s, cohort_id).await?)
}
