//! The red flags a controller looks for in signatures and countersignatures.

use super::marks::{Channel, Kind, Mark};
use super::presence::{presences, Presence};
use super::slot::{Slot, SIGN_MARGIN_SECONDS};
use crate::calendar;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Signatures from one device this close together are a burst.
pub const BURST_SECONDS: i64 = 60;
/// How many signatures make a burst.
pub const BURST_COUNT: usize = 3;

/// What a controller would ask about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RedFlag {
    /// A signature given outside the half-day's time (margin included).
    OutsideTime { slot: String, subject: i64, at: i64 },
    /// Signatures on a public holiday.
    PublicHoliday { slot: String },
    /// One device signed for several trainees.
    SharedDevice { slot: String, subjects: Vec<i64> },
    /// Several signatures within seconds from one device.
    Burst {
        slot: String,
        count: usize,
        seconds: i64,
    },
    /// More signatures than the room holds.
    OverCapacity {
        slot: String,
        signed: usize,
        capacity: i64,
    },
    /// A trainer countersigned two overlapping half-days in different places.
    TwoPlaces {
        trainer: i64,
        activity: i64,
        slot: String,
        other_activity: i64,
    },
}

/// Red flags of one activity's in-person signatures.
pub fn red_flags(slots: &[Slot], marks: &[Mark], capacity: Option<i64>) -> Vec<RedFlag> {
    let mut flags = Vec::new();
    for slot in slots {
        let key = slot.key();
        let signed: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.kind == Kind::Signed && m.slot.as_deref() == Some(key.as_str()))
            .collect();
        for m in &signed {
            if !slot.contains(m.at, SIGN_MARGIN_SECONDS) {
                flags.push(RedFlag::OutsideTime {
                    slot: key.clone(),
                    subject: m.subject,
                    at: m.at,
                });
            }
        }
        if !signed.is_empty() && calendar::is_public_holiday(slot.date) {
            flags.push(RedFlag::PublicHoliday { slot: key.clone() });
        }
        let mut by_device: BTreeMap<&str, Vec<&Mark>> = BTreeMap::new();
        for m in &signed {
            if let (Some(d), Channel::Qr | Channel::Code) = (m.device.as_deref(), m.channel) {
                by_device.entry(d).or_default().push(m);
            }
        }
        for list in by_device.values() {
            let mut subjects: Vec<i64> = list.iter().map(|m| m.subject).collect();
            subjects.sort_unstable();
            subjects.dedup();
            if subjects.len() > 1 {
                flags.push(RedFlag::SharedDevice {
                    slot: key.clone(),
                    subjects,
                });
            }
            let mut times: Vec<i64> = list.iter().map(|m| m.at).collect();
            times.sort_unstable();
            if let Some(w) = times
                .windows(BURST_COUNT)
                .find(|w| w[BURST_COUNT - 1] - w[0] <= BURST_SECONDS)
            {
                flags.push(RedFlag::Burst {
                    slot: key.clone(),
                    count: BURST_COUNT,
                    seconds: w[BURST_COUNT - 1] - w[0],
                });
            }
        }
        if let Some(cap) = capacity.filter(|c| *c > 0) {
            let per: HashMap<i64, Presence> = presences(marks, &key);
            let n = per.values().filter(|p| p.signed_at.is_some()).count();
            if n as i64 > cap {
                flags.push(RedFlag::OverCapacity {
                    slot: key.clone(),
                    signed: n,
                    capacity: cap,
                });
            }
        }
    }
    flags
}

/// A trainer's countersigned half-day, to find one trainer in two places at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Countersign {
    pub trainer: i64,
    pub activity: i64,
    pub place: String,
    pub slot: String,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// Pairs of countersigned half-days of one trainer that overlap in time in different places.
pub fn two_places(list: &[Countersign]) -> Vec<RedFlag> {
    let mut flags = Vec::new();
    for (i, a) in list.iter().enumerate() {
        for b in &list[i + 1..] {
            if a.trainer == b.trainer
                && a.activity != b.activity
                && a.starts_at < b.ends_at
                && b.starts_at < a.ends_at
                && a.place.trim().to_lowercase() != b.place.trim().to_lowercase()
            {
                flags.push(RedFlag::TwoPlaces {
                    trainer: a.trainer,
                    activity: a.activity,
                    slot: a.slot.clone(),
                    other_activity: b.activity,
                });
            }
        }
    }
    flags
}
