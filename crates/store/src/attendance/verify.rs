//! Checking the record: each cohort's chain (every event's hash, its link to the one before, the
//! sequence, the head), the documents its marks name, and what each countersignature attests;
//! and a half-day read against its countersignatures exactly as the sheets read it, so that
//! `verify` and the sheets agree on which half-days wait to be countersigned again.

use super::{body_column, of_cohort, Event, GENESIS};
use crate::token::digest_bytes as sha256_hex;
use crate::{Store, StoreResult};
use hybride_domain::attendance::{self as rules, Countersigning, Kind};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// A digest of events, in record order: what a sheet prints as the fingerprint of the events
/// behind it, and what a countersignature attests of its half-day.
pub fn fingerprint<'a>(events: impl IntoIterator<Item = &'a Event>) -> String {
    let mut h = Sha256::new();
    for e in events {
        h.update(e.hash.as_bytes());
    }
    short(h)
}

/// The first 16 hexadecimal digits of a digest, as sheets print it.
fn short(h: Sha256) -> String {
    crate::chain::hex(&h.finalize()[..8])
}

/// For each event of one half-day (record order) that is a countersignature: how many of the
/// events before it it attests, those whose fingerprint it carries (every one before it when
/// it carries none, as countersignatures recorded before attestations were kept). `None` for
/// the other events, and for a countersignature that no such events match (an altered record).
fn attested(events: &[&Event]) -> Vec<Option<usize>> {
    let carried = events.iter().any(|e| e.attests.is_some());
    let mut h = Sha256::new();
    // The fingerprint of the first `i` events, at `i`: computed only when some are attested.
    let mut prefixes: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        if carried {
            prefixes.push(short(h.clone()));
        }
        out.push(match (e.kind, &e.attests) {
            (Kind::Countersigned, None) => Some(i),
            (Kind::Countersigned, Some(a)) => prefixes.iter().rposition(|p| p == a),
            _ => None,
        });
        h.update(e.hash.as_bytes());
    }
    out
}

/// One half-day's events (record order) read against its countersignatures, by the domain's
/// rule ([`rules::freeze`]): a countersignature whose attestation does not hold attests nothing.
pub fn freeze(events: &[&Event]) -> rules::Freeze {
    let seen = attested(events);
    let marks: Vec<_> = events.iter().map(|e| e.mark()).collect();
    rules::freeze(&marks, |i| seen.get(i).copied().flatten().unwrap_or(0))
}

/// A half-day of an activity, as `verify` names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HalfDayRef {
    pub cohort_id: i64,
    pub activity_id: i64,
    pub slot: String,
}

/// The SHA-256 of a stored document's content, computed afresh (none when it is gone).
async fn document_digest(store: &Store, id: i64) -> StoreResult<Option<String>> {
    let row: Option<(Vec<u8>,)> = sqlx::query_as(&format!(
        "SELECT {} FROM attendance_documents WHERE id = $1",
        body_column(store)
    ))
    .bind(id)
    .fetch_optional(store.pool())
    .await?;
    Ok(row.map(|(b,)| sha256_hex(&b)))
}

/// Where a chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Break {
    pub cohort_id: i64,
    /// The first event that does not hold (none when events are missing at the end).
    pub event_id: Option<i64>,
    pub seq: i64,
    /// `altered` (fields changed), `link` (previous hash does not match), `gap` (an event is
    /// missing or was inserted), `head` (the last events were removed), `document` (a file
    /// given with a mark was changed or removed), `attestation` (a countersignature attests
    /// events its half-day does not have before it).
    pub problem: &'static str,
}

/// What `verify` found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Verification {
    pub chains: usize,
    pub events: usize,
    pub breaks: Vec<Break>,
    /// Half-days countersigned, then corrected, that wait to be countersigned again, as their
    /// sheets say.
    pub to_countersign_again: Vec<HalfDayRef>,
}

/// Checks every cohort's chain: each event's hash, its link to the previous one, the sequence
/// without gaps, and the head. Reports the first break of each chain.
pub async fn verify(store: &Store) -> StoreResult<Verification> {
    let mut cohorts: Vec<(i64,)> = sqlx::query_as(
        "SELECT cohort_id FROM attendance_heads UNION SELECT cohort_id FROM attendance_events",
    )
    .fetch_all(store.pool())
    .await?;
    cohorts.sort_unstable();
    cohorts.dedup();
    let mut out = Verification::default();
    for (cohort_id,) in cohorts {
        out.chains += 1;
        let events = of_cohort(store, cohort_id).await?;
        out.events += events.len();
        let head: Option<(i64, String)> =
            sqlx::query_as("SELECT seq, hash FROM attendance_heads WHERE cohort_id = $1")
                .bind(cohort_id)
                .fetch_optional(store.pool())
                .await?;
        if let Some(b) = check_chain(cohort_id, &events, head) {
            out.breaks.push(b);
            continue;
        }
        if let Some(b) = check_documents(store, cohort_id, &events).await? {
            out.breaks.push(b);
            continue;
        }
        match check_half_days(cohort_id, &events) {
            Ok(waiting) => out.to_countersign_again.extend(waiting),
            Err(b) => out.breaks.push(b),
        }
    }
    Ok(out)
}

/// Each document still is the one its mark names: the first that is not, if any.
async fn check_documents(
    store: &Store,
    cohort_id: i64,
    events: &[Event],
) -> StoreResult<Option<Break>> {
    for e in events.iter().filter(|e| e.document_id.is_some()) {
        let sha = document_digest(store, e.document_id.unwrap_or(0)).await?;
        if sha.as_deref() != e.document_sha256.as_deref() {
            return Ok(Some(Break {
                cohort_id,
                event_id: Some(e.id),
                seq: e.seq,
                problem: "document",
            }));
        }
    }
    Ok(None)
}

/// Each countersigned half-day of a cohort whose chain holds: every countersignature attests
/// events its half-day has before it (else the first that does not, as a break); and the
/// half-days that wait to be countersigned again.
fn check_half_days(cohort_id: i64, events: &[Event]) -> Result<Vec<HalfDayRef>, Break> {
    let mut half_days: BTreeMap<(i64, &str), Vec<&Event>> = BTreeMap::new();
    for e in events {
        if let Some(slot) = e.slot.as_deref() {
            half_days.entry((e.activity_id, slot)).or_default().push(e);
        }
    }
    let mut waiting = Vec::new();
    for ((activity_id, slot), day) in half_days {
        if !day.iter().any(|e| e.kind == Kind::Countersigned) {
            continue;
        }
        let seen = attested(&day);
        if let Some((e, _)) = day
            .iter()
            .zip(&seen)
            .find(|(e, s)| e.kind == Kind::Countersigned && s.is_none())
        {
            return Err(Break {
                cohort_id,
                event_id: Some(e.id),
                seq: e.seq,
                problem: "attestation",
            });
        }
        if freeze(&day).state == Countersigning::ToCountersignAgain {
            waiting.push(HalfDayRef {
                cohort_id,
                activity_id,
                slot: slot.to_owned(),
            });
        }
    }
    Ok(waiting)
}

/// The first break of one cohort's chain, if any.
pub fn check_chain(cohort_id: i64, events: &[Event], head: Option<(i64, String)>) -> Option<Break> {
    let mut prev = GENESIS.to_owned();
    let mut expected_seq = 1;
    for e in events {
        let brk = |problem| Break {
            cohort_id,
            event_id: Some(e.id),
            seq: e.seq,
            problem,
        };
        if e.seq != expected_seq {
            return Some(brk("gap"));
        }
        if e.prev_hash != prev {
            return Some(brk("link"));
        }
        if e.expected_hash() != e.hash {
            return Some(brk("altered"));
        }
        prev = e.hash.clone();
        expected_seq += 1;
    }
    let last = expected_seq - 1;
    match head {
        Some((seq, hash)) if seq == last && (hash == prev || last == 0) => None,
        None if last == 0 => None,
        Some((seq, _)) => Some(Break {
            cohort_id,
            event_id: None,
            seq: seq.max(last),
            problem: "head",
        }),
        None => Some(Break {
            cohort_id,
            event_id: None,
            seq: last,
            problem: "head",
        }),
    }
}
