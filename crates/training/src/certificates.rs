//! The certificats de réalisation: who signs them (named by the académie's admins), and
//! whether a cohort's are issued.
//!
//! A certificate exists only once its cohort has ended (its last activity over, or the cohort
//! closed), and is dated by that end; before, the trainee follows her progress instead. It
//! names the signatory in office at that end — and without one, it is not issued at all: an
//! unsigned certificate is worth nothing to the trainee who files it, and one handed out
//! unsigned would have to be withdrawn and issued again, so the admins are told instead. A
//! trainee whose declaration of distance work still awaits a decision waits for it too, so
//! that no certificate credits « 0 min » of work she declared.

use crate::closing::{pending_from, PendingDeclaration};
use crate::Error;
use hybride_domain::certificate::Signatory;
use hybride_domain::Modality;
use hybride_store::attendance::{self as record, Event};
use hybride_store::certificates as store;
use hybride_store::cohorts::{self, Activity, Cohort, Enrollment};
use hybride_store::{now, Store};
use serde::Serialize;

pub use hybride_store::certificates::NamedSignatory;

/// Names the signatory of the certificates from now on (`by`: the admin); the same one again
/// is kept as named, not named twice.
pub async fn name_signatory(
    s: &Store,
    signatory: &Signatory,
    by: &crate::people::User,
) -> Result<NamedSignatory, Error> {
    if let Some(n) = store::current(s).await? {
        let same = n.name == signatory.name.as_str()
            && n.title == signatory.title.as_str()
            && n.capacity == signatory.capacity;
        if same {
            return Ok(n);
        }
    }
    let named = store::name(s, signatory, Some(by.id), now()).await?;
    let details = serde_json::json!({
        "name": named.name,
        "title": named.title,
        "capacity": named.capacity,
    });
    crate::audit::record(
        s,
        crate::audit::Actor::Person(by),
        hybride_domain::audit::AuditAction::SignatoryNamed,
        "settings:signatory",
        details,
    )
    .await?;
    Ok(named)
}

/// Whether a cohort's certificates are issued, and if not, why.
#[derive(Debug, Clone, Serialize)]
pub struct Issuing {
    /// When the cohort ended (its certificates' date); none while it has not.
    pub ended_at: Option<i64>,
    /// When its last activity ends (none without activities).
    pub last_activity_end: Option<i64>,
    /// Who signs them: the signatory in office when the cohort ended.
    pub signatory: Option<NamedSignatory>,
    /// Declarations awaiting a decision, while the cohort is not closed: their trainees'
    /// certificates wait for it.
    pub pending: Vec<PendingDeclaration>,
}

impl Issuing {
    /// Why `user`'s certificate is not issued (the refusal's key), none when it is.
    pub fn refusal(&self, user: i64) -> Option<&'static str> {
        if self.ended_at.is_none() {
            Some("certificate_not_ended")
        } else if self.signatory.is_none() {
            Some("certificate_unsigned")
        } else if self.pending.iter().any(|p| p.user_id == user) {
            Some("certificate_declarations_pending")
        } else {
            None
        }
    }

    /// The cohort has ended, but no signatory is named: none of its certificates is issued.
    pub fn signatory_missing(&self) -> bool {
        self.ended_at.is_some() && self.signatory.is_none()
    }
}

/// When the cohort `c` with these `activities` ended, at `at` (see
/// [`hybride_domain::cohort::ended_at`]).
pub fn ended_at(c: &Cohort, activities: &[Activity], at: i64) -> Option<i64> {
    let last = activities.iter().map(|a| a.ends_at).max();
    hybride_domain::cohort::ended_at(c.status, c.closed_at, last, at)
}

/// The cohort's certificates, from its activities, trainees and (asynchronous work) marks
/// already read: `events` are the cohort's marks, or one trainee's when only hers matter; when
/// none are given and they matter, they are read (one statement). The signatory is read only
/// once the cohort has ended (one statement).
pub async fn issuing_of(
    s: &Store,
    c: &Cohort,
    activities: &[Activity],
    enrollments: &[Enrollment],
    events: Option<&[Event]>,
) -> Result<Issuing, Error> {
    let ended = ended_at(c, activities, now());
    let mut out = Issuing {
        ended_at: ended,
        last_activity_end: activities.iter().map(|a| a.ends_at).max(),
        signatory: None,
        pending: Vec::new(),
    };
    let Some(at) = ended else {
        return Ok(out);
    };
    out.signatory = store::in_office_at(s, at).await?;
    // Once closed, the record is final (a closed cohort is read-only, and is closed only once
    // every declaration is decided): nothing is waited for any more.
    let closed = c.status.is_closed();
    if !closed && activities.iter().any(|a| a.modality == Modality::Async) {
        out.pending = match events {
            Some(events) => pending_from(activities, events, enrollments),
            None => {
                let events = record::of_cohort(s, c.id).await?;
                pending_from(activities, &events, enrollments)
            }
        };
    }
    Ok(out)
}

/// The cohort's certificates: up to five statements.
pub async fn issuing(s: &Store, c: &Cohort) -> Result<Issuing, Error> {
    let activities = cohorts::activities(s, c.id).await?;
    let enrollments = cohorts::enrollments(s, c.id).await?;
    issuing_of(s, c, &activities, &enrollments, None).await
}

// ---- reads and writes of the record, for the pages and the API

/// Every signatory named, the current one first.
pub async fn history(store: &Store) -> crate::Result<Vec<NamedSignatory>> {
    Ok(hybride_store::certificates::history(store).await?)
}

/// The signatory in office now, if any is named.
pub async fn current(store: &Store) -> crate::Result<Option<NamedSignatory>> {
    Ok(hybride_store::certificates::current(store).await?)
}
