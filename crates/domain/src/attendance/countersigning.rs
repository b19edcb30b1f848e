//! A countersigned half-day is frozen. A trainer's countersignature attests exactly the marks
//! their sheet showed when they countersigned: the first marks of the half-day's record, up to
//! what they read. Whatever is recorded afterwards — a trainee's late signature by code, a
//! trainer's change, an accepted absence replaced by a signature — is kept as it came (the
//! record is append-only) and read as a *correction*: shown with its time and its author, and
//! the half-day is « à contresigner de nouveau » until a trainer countersigns it again.
//!
//! A trainee may still sign by code after the countersignature, while signing is open (the
//! half-day and its half-hour margins): refusing her would leave someone who was there with no
//! mark of her own, or have the trainer write one for her. Her own signature, from her own
//! device, shown as a correction that the trainer must attest again, is the stronger proof,
//! and it hides nothing from a controller.
//!
//! A trainer countersigns once the half-day has ended, or earlier with a stated reason (kept
//! with the countersignature and shown). A late arrival or an early departure is a time inside
//! the half-day that has already come.

use super::marks::{Kind, Mark};
use super::slot::Slot;
use serde::Serialize;

/// Where a half-day stands with its trainers' countersignatures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Countersigning {
    /// No trainer has countersigned it.
    NotCountersigned,
    /// Countersigned, and every mark of the half-day is attested.
    Countersigned,
    /// Marks came after the last countersignature: a trainer must countersign again.
    ToCountersignAgain,
}

impl Countersigning {
    pub fn as_str(self) -> &'static str {
        match self {
            Countersigning::NotCountersigned => "not_countersigned",
            Countersigning::Countersigned => "countersigned",
            Countersigning::ToCountersignAgain => "to_countersign_again",
        }
    }
}

/// One countersignature, read against the marks before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attestation {
    /// Its place among the half-day's marks (record order).
    pub index: usize,
    pub trainer: i64,
    /// How many of the half-day's marks, from the first, it attests.
    pub attests: usize,
}

/// A mark that came after the half-day was first countersigned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Correction {
    /// Its place among the half-day's marks (record order).
    pub index: usize,
    /// The first countersignature that attests it (its place in [`Freeze::attestations`]);
    /// none while it waits for one.
    pub attested_by: Option<usize>,
}

/// A half-day's marks read against its countersignatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Freeze {
    pub state: Countersigning,
    /// Every countersignature, in record order.
    pub attestations: Vec<Attestation>,
    /// The marks recorded after what the first countersignature attests, in record order.
    pub corrections: Vec<Correction>,
    /// The place of the half-day's last mark that is not a countersignature.
    last_mark: Option<usize>,
}

/// Reads a half-day's marks (record order, countersignatures included) against its
/// countersignatures. `seen(i)` is, for the countersignature at `i`, how many of the marks
/// before it its trainer read (`i` when they read them all).
pub fn freeze(marks: &[Mark], seen: impl Fn(usize) -> usize) -> Freeze {
    let attestations: Vec<Attestation> = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == Kind::Countersigned)
        .map(|(i, m)| Attestation {
            index: i,
            trainer: m.subject,
            attests: seen(i).min(i),
        })
        .collect();
    let corrections: Vec<Correction> = match attestations.first() {
        None => Vec::new(),
        Some(first) => marks
            .iter()
            .enumerate()
            .skip(first.attests)
            .filter(|(_, m)| m.kind != Kind::Countersigned)
            .map(|(i, _)| Correction {
                index: i,
                attested_by: attestations.iter().position(|a| a.attests > i),
            })
            .collect(),
    };
    let state = if attestations.is_empty() {
        Countersigning::NotCountersigned
    } else if corrections.iter().all(|c| c.attested_by.is_some()) {
        Countersigning::Countersigned
    } else {
        Countersigning::ToCountersignAgain
    };
    Freeze {
        state,
        attestations,
        corrections,
        last_mark: marks.iter().rposition(|m| m.kind != Kind::Countersigned),
    }
}

impl Freeze {
    /// Whether `trainer` has something to countersign: the half-day, if they never did (a
    /// co-trainer countersigns too), or marks recorded after what they last attested.
    pub fn awaits(&self, trainer: i64) -> bool {
        let attested = self
            .attestations
            .iter()
            .filter(|a| a.trainer == trainer)
            .map(|a| a.attests)
            .max();
        match (attested, self.last_mark) {
            (None, _) => true,
            (Some(n), Some(last)) => last >= n,
            (Some(_), None) => false,
        }
    }

    /// The corrections no countersignature attests yet.
    pub fn pending(&self) -> usize {
        self.corrections
            .iter()
            .filter(|c| c.attested_by.is_none())
            .count()
    }
}

/// Why `trainer` may not countersign the half-day at `at`, if they may not: nothing new since
/// they last did (`already-countersigned`), or the half-day has not ended and no reason is
/// given (`countersign-early`).
pub fn countersign_refusal(
    slot: &Slot,
    freeze: &Freeze,
    trainer: i64,
    at: i64,
    with_reason: bool,
) -> Option<&'static str> {
    if !freeze.awaits(trainer) {
        Some("already-countersigned")
    } else if at < slot.ends_at && !with_reason {
        Some("countersign-early")
    } else {
        None
    }
}

/// Why `moment` cannot be a late arrival's or an early departure's time, recorded at `now`, if
/// it cannot: outside the half-day (`time-outside`), or still to come (`time-future`).
pub fn moment_refusal(slot: &Slot, moment: i64, now: i64) -> Option<&'static str> {
    if moment < slot.starts_at || moment > slot.ends_at {
        Some("time-outside")
    } else if moment > now {
        Some("time-future")
    } else {
        None
    }
}
