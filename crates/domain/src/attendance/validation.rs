//! Each trainee's validation against the training's rules: per budget, and overall.

use crate::HoursBudget;
use serde::{Deserialize, Serialize};

/// The training's validation rules, as numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Minimum share of each budget's planned time, in percent: in person, synchronous,
    /// asynchronous.
    pub min_percent: [u8; 3],
    pub mandatory_steps: bool,
    pub evaluation: bool,
    /// Share of a virtual half-day's length that makes it count.
    pub threshold: u8,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            min_percent: [80, 80, 80],
            mandatory_steps: false,
            evaluation: false,
            threshold: 80,
        }
    }
}

/// One unit of a trainee's programme: a half-day of an in-person or virtual activity, or an
/// asynchronous activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub budget: HoursBudget,
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub planned: i64,
    pub credited: i64,
    /// Planned minutes excused by an accepted absence.
    pub excused: i64,
    pub mandatory: bool,
    pub evaluation: bool,
}

/// Where a trainee stands on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Nothing planned in this modality.
    NotApplicable,
    /// The criterion is met.
    Met,
    /// On course to meet it.
    OnTrack,
    /// Behind what should be achieved by now, but still reachable.
    Behind,
    /// Can no longer be met, whatever happens next.
    Unreachable,
}

/// One budget's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Progress {
    pub budget: HoursBudget,
    pub planned_minutes: i64,
    /// Planned minutes of the units that have ended.
    pub planned_so_far: i64,
    pub achieved_minutes: i64,
    pub excused_minutes: i64,
    /// What the rule asks over the whole programme (planned less excused, times the percentage).
    pub required_minutes: i64,
    /// The most that can still be achieved.
    pub reachable_minutes: i64,
    pub min_percent: u8,
    pub standing: Standing,
}

/// A trainee's validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Validation {
    pub standing: Standing,
    pub budgets: Vec<Progress>,
    /// Mandatory activities that ended without the trainee, with no accepted absence.
    pub missed_mandatory: Vec<String>,
    /// Evaluations not yet passed.
    pub evaluations_pending: Vec<String>,
}

fn percent_of(minutes: i64, pct: u8) -> i64 {
    // Rounded up: 80 % of 7 h 30 is 6 h exactly, of 7 h 31 is 6 h 01.
    (minutes.max(0) * i64::from(pct) + 99) / 100
}

/// Each budget's standing and the trainee's, at `now`.
/// A half-day is "ended" at its end; an asynchronous activity can be validated after its window
/// closes, so it stays reachable until the cohort is `closed`.
pub fn validate(rules: &Rules, units: &[Unit], now: i64, closed: bool) -> Validation {
    let budgets = [
        HoursBudget::InPerson,
        HoursBudget::Synchronous,
        HoursBudget::Asynchronous,
    ];
    let mut out = Vec::new();
    for (i, b) in budgets.into_iter().enumerate() {
        let pct = rules.min_percent[i].min(100);
        let mine: Vec<&Unit> = units.iter().filter(|u| u.budget == b).collect();
        let planned: i64 = mine.iter().map(|u| u.planned).sum();
        let ended: Vec<&&Unit> = mine.iter().filter(|u| u.ends_at <= now).collect();
        let planned_so_far: i64 = ended.iter().map(|u| u.planned).sum();
        let excused: i64 = mine.iter().map(|u| u.excused.min(u.planned)).sum();
        let excused_so_far: i64 = ended.iter().map(|u| u.excused.min(u.planned)).sum();
        let achieved: i64 = mine.iter().map(|u| u.credited.min(u.planned)).sum();
        let reachable: i64 = mine
            .iter()
            .map(|u| {
                let credited = u.credited.min(u.planned);
                let open = !closed
                    && (u.ends_at > now || (b == HoursBudget::Asynchronous && credited == 0));
                if open {
                    u.planned.max(credited)
                } else {
                    credited
                }
            })
            .sum();
        let required = percent_of(planned - excused, pct);
        let expected_now = percent_of(planned_so_far - excused_so_far, pct);
        let standing = if planned == 0 {
            Standing::NotApplicable
        } else if achieved >= required {
            Standing::Met
        } else if reachable < required {
            Standing::Unreachable
        } else if achieved < expected_now {
            Standing::Behind
        } else {
            Standing::OnTrack
        };
        out.push(Progress {
            budget: b,
            planned_minutes: planned,
            planned_so_far,
            achieved_minutes: achieved,
            excused_minutes: excused,
            required_minutes: required,
            reachable_minutes: reachable,
            min_percent: pct,
            standing,
        });
    }
    let missed_mandatory: Vec<String> = if rules.mandatory_steps {
        units
            .iter()
            .filter(|u| u.mandatory && u.ends_at <= now && u.credited == 0 && u.excused == 0)
            .filter(|u| u.budget != HoursBudget::Asynchronous)
            .map(|u| u.title.clone())
            .collect()
    } else {
        Vec::new()
    };
    let evaluations_pending: Vec<String> = if rules.evaluation {
        units
            .iter()
            .filter(|u| u.evaluation && u.credited == 0)
            .map(|u| u.title.clone())
            .collect()
    } else {
        Vec::new()
    };
    let standings: Vec<Standing> = out.iter().map(|p| p.standing).collect();
    let standing = if !missed_mandatory.is_empty() || standings.contains(&Standing::Unreachable) {
        Standing::Unreachable
    } else if standings
        .iter()
        .all(|s| matches!(s, Standing::Met | Standing::NotApplicable))
        && evaluations_pending.is_empty()
    {
        if units.is_empty() {
            Standing::NotApplicable
        } else {
            Standing::Met
        }
    } else if standings.contains(&Standing::Behind) {
        Standing::Behind
    } else {
        Standing::OnTrack
    };
    Validation {
        standing,
        budgets: out,
        missed_mandatory,
        evaluations_pending,
    }
}
