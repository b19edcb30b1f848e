//! Attendance arithmetic: activities split into half-days, marks folded into each trainee's
//! presence, the threshold that makes a distance half-day count, credited minutes, each
//! trainee's validation against the training's rules, and the red flags a controller looks for.
//!
//! Pure: times are unix seconds, the time zone is given. The record itself (append-only,
//! hash-chained) lives in the store; this module only reads it.

use crate::{calendar, HalfDay, HoursBudget, Invalid, Modality};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Signing opens this long before a half-day starts and closes this long after it ends.
pub const SIGN_MARGIN_SECONDS: i64 = 30 * 60;
/// A rotating code lives this long; the one before it is still accepted (clock skew, typing).
pub const CODE_PERIOD_SECONDS: i64 = 30;
/// Signatures from one device this close together are a burst.
pub const BURST_SECONDS: i64 = 60;
/// How many signatures make a burst.
pub const BURST_COUNT: usize = 3;

/// One half-day of an activity: the unit of in-person and synchronous attendance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Slot {
    #[schema(value_type = String)]
    pub date: Date,
    pub half: HalfDay,
    pub starts_at: i64,
    pub ends_at: i64,
    /// The share of the step's planned minutes that falls in this half-day.
    pub planned_minutes: i64,
}

impl Slot {
    /// `2026-11-29-morning`: names the half-day in URLs and in the record.
    pub fn key(&self) -> String {
        slot_key(self.date, self.half)
    }

    pub fn span_seconds(&self) -> i64 {
        self.ends_at - self.starts_at
    }

    /// Whether `at` falls in the half-day, give or take `margin` seconds.
    pub fn contains(&self, at: i64, margin: i64) -> bool {
        at >= self.starts_at - margin && at <= self.ends_at + margin
    }
}

pub fn slot_key(date: Date, half: HalfDay) -> String {
    format!("{date}-{}", half.as_str())
}

/// Reads a slot key back; refuses anything else.
pub fn parse_slot_key(raw: &str) -> Result<(Date, HalfDay), Invalid> {
    let bad = || {
        Invalid::with(
            "error-slot-unknown",
            raw.chars().take(40).collect::<String>(),
        )
    };
    if raw.len() < 12 || !raw.is_char_boundary(10) {
        return Err(bad());
    }
    let (day, rest) = raw.split_at(10);
    let date: Date = day.parse().map_err(|_| bad())?;
    let half = match rest {
        "-morning" => HalfDay::Morning,
        "-afternoon" => HalfDay::Afternoon,
        _ => return Err(bad()),
    };
    Ok((date, half))
}

fn at_local(date: Date, hour: i8, tz: &TimeZone) -> i64 {
    date.at(hour, 0, 0, 0)
        .to_zoned(tz.clone())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(i64::MAX)
}

/// Splits `[start, end)` into half-days in `tz` (at 13:00 and at midnight, local time), and
/// spreads `planned` minutes over them in proportion to their length, so that the shares add
/// up to `planned` exactly. With no planned duration, the span itself is planned.
pub fn half_days(start: i64, end: i64, planned: Option<i64>, tz: &TimeZone) -> Vec<Slot> {
    let mut slots = Vec::new();
    if end <= start {
        return slots;
    }
    let mut cur = start;
    while cur < end {
        let Ok(ts) = Timestamp::from_second(cur) else {
            break;
        };
        let local = ts.to_zoned(tz.clone());
        let date = local.date();
        let half = HalfDay::of(local.time());
        let boundary = match half {
            HalfDay::Morning => at_local(date, 13, tz),
            HalfDay::Afternoon => date
                .tomorrow()
                .map(|d| at_local(d, 0, tz))
                .unwrap_or(i64::MAX),
        };
        let next = boundary.min(end).max(cur + 1);
        slots.push(Slot {
            date,
            half,
            starts_at: cur,
            ends_at: next,
            planned_minutes: 0,
        });
        cur = next;
    }
    let total_seconds = end - start;
    let total = planned.unwrap_or(total_seconds / 60).max(0);
    let mut given = 0;
    let n = slots.len();
    for (i, s) in slots.iter_mut().enumerate() {
        let share = if i + 1 == n {
            total - given
        } else {
            (i128::from(total) * i128::from(s.span_seconds()) / i128::from(total_seconds)) as i64
        };
        s.planned_minutes = share;
        given += share;
    }
    slots
}

/// What happened, in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A trainee's signature for a half-day.
    Signed,
    /// A late arrival (`moment` is the arrival time).
    Late,
    /// An early departure (`moment` is the departure time).
    Early,
    /// An absence, with its reason.
    Absent,
    /// The trainer accepts the absence's justification.
    AbsenceAccepted,
    /// A correction: the presence recorded before no longer holds (with its reason).
    Cancelled,
    /// The trainer countersigns the half-day.
    Countersigned,
    /// The trainee opened their personal link into a virtual activity.
    Joined,
    /// « Je suis présent »: the trainee confirms being there.
    Confirmed,
    /// Minutes connected to the virtual room in the half-day (from the server's analytics).
    Connected,
    /// The trainee declares an asynchronous activity done, with evidence.
    Declared,
    /// The trainer validates a declaration; `minutes` is the credited time.
    Validated,
    /// The trainer asks for more before validating.
    MoreRequested,
}

impl Kind {
    pub const ALL: [Kind; 13] = [
        Kind::Signed,
        Kind::Late,
        Kind::Early,
        Kind::Absent,
        Kind::AbsenceAccepted,
        Kind::Cancelled,
        Kind::Countersigned,
        Kind::Joined,
        Kind::Confirmed,
        Kind::Connected,
        Kind::Declared,
        Kind::Validated,
        Kind::MoreRequested,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Signed => "signed",
            Kind::Late => "late",
            Kind::Early => "early",
            Kind::Absent => "absent",
            Kind::AbsenceAccepted => "absence_accepted",
            Kind::Cancelled => "cancelled",
            Kind::Countersigned => "countersigned",
            Kind::Joined => "joined",
            Kind::Confirmed => "confirmed",
            Kind::Connected => "connected",
            Kind::Declared => "declared",
            Kind::Validated => "validated",
            Kind::MoreRequested => "more_requested",
        }
    }

    pub fn parse(raw: &str) -> Result<Kind, Invalid> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| Invalid::with("error-mark-unknown", raw))
    }
}

impl TryFrom<String> for Kind {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        Kind::parse(&s)
    }
}

/// How it was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The rotating QR code, scanned by the trainee's own phone.
    Qr,
    /// The short code read aloud, typed by the trainee.
    Code,
    /// By the trainer (marking, countersigning, validating).
    Trainer,
    /// By the trainee in their space (absence, confirmation, declaration).
    Trainee,
    /// BigBlueButton's analytics callback.
    Bbb,
    /// The trainee's personal join link.
    Link,
    /// An LMS completion export (M@gistère / Moodle).
    Import,
}

impl Channel {
    pub const ALL: [Channel; 7] = [
        Channel::Qr,
        Channel::Code,
        Channel::Trainer,
        Channel::Trainee,
        Channel::Bbb,
        Channel::Link,
        Channel::Import,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Qr => "qr",
            Channel::Code => "code",
            Channel::Trainer => "trainer",
            Channel::Trainee => "trainee",
            Channel::Bbb => "bbb",
            Channel::Link => "link",
            Channel::Import => "import",
        }
    }

    pub fn parse(raw: &str) -> Result<Channel, Invalid> {
        Channel::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| Invalid::with("error-channel-unknown", raw))
    }
}

impl TryFrom<String> for Channel {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        Channel::parse(&s)
    }
}

/// One mark of the record, as this module reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub slot: Option<String>,
    pub subject: i64,
    pub kind: Kind,
    pub channel: Channel,
    pub actor: i64,
    pub at: i64,
    pub device: Option<String>,
    pub minutes: Option<i64>,
    pub moment: Option<i64>,
    pub note: Option<String>,
    /// A document given with the mark (its id in the record's documents).
    pub document: Option<i64>,
}

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

/// Where one trainee stands with an asynchronous activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AsyncState {
    NotDeclared,
    Declared,
    MoreRequested,
    Validated,
}

/// One trainee's asynchronous activity, after every declaration and decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Completion {
    pub state: AsyncState,
    pub declared_at: Option<i64>,
    pub evidence: Option<String>,
    /// A file given as evidence.
    pub document: Option<i64>,
    pub channel: Option<Channel>,
    /// Time the trainee says they spent, when they gave it.
    pub declared_minutes: Option<i64>,
    pub comment: Option<String>,
    pub decided_at: Option<i64>,
    pub credited_minutes: i64,
}

pub fn completion<'a>(marks: impl IntoIterator<Item = &'a Mark>) -> Completion {
    let mut c = Completion {
        state: AsyncState::NotDeclared,
        declared_at: None,
        evidence: None,
        document: None,
        channel: None,
        declared_minutes: None,
        comment: None,
        decided_at: None,
        credited_minutes: 0,
    };
    for m in marks {
        match m.kind {
            Kind::Declared => {
                if c.state != AsyncState::Validated {
                    c.state = AsyncState::Declared;
                }
                c.declared_at = Some(m.at);
                c.evidence = m.note.clone();
                c.document = m.document;
                c.channel = Some(m.channel);
                c.declared_minutes = m.minutes;
            }
            Kind::MoreRequested => {
                c.state = AsyncState::MoreRequested;
                c.comment = m.note.clone();
                c.decided_at = Some(m.at);
                c.credited_minutes = 0;
            }
            Kind::Validated => {
                c.state = AsyncState::Validated;
                c.comment = m.note.clone();
                c.decided_at = Some(m.at);
                c.credited_minutes = m.minutes.unwrap_or(0).max(0);
            }
            Kind::Cancelled => {
                c.state = AsyncState::NotDeclared;
                c.credited_minutes = 0;
                c.comment = m.note.clone();
            }
            _ => {}
        }
    }
    c
}

/// How an asynchronous activity's time is credited, as the scenario states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CreditRule {
    /// The estimated duration, on validation.
    EstimateOnValidation,
    /// The time the trainee declares, capped at the estimated duration, on validation.
    DeclaredCapped,
}

impl CreditRule {
    pub const ALL: [CreditRule; 2] = [CreditRule::EstimateOnValidation, CreditRule::DeclaredCapped];

    pub fn as_str(self) -> &'static str {
        match self {
            CreditRule::EstimateOnValidation => "estimate_on_validation",
            CreditRule::DeclaredCapped => "declared_capped",
        }
    }

    pub fn parse(raw: &str) -> Result<CreditRule, Invalid> {
        CreditRule::ALL
            .into_iter()
            .find(|k| k.as_str() == raw.trim())
            .ok_or_else(|| Invalid::with("error-credit-rule-unknown", raw.trim()))
    }

    /// The minutes credited on validation.
    pub fn credit(self, estimate: i64, declared: Option<i64>) -> i64 {
        match self {
            CreditRule::EstimateOnValidation => estimate.max(0),
            CreditRule::DeclaredCapped => declared.unwrap_or(estimate).clamp(0, estimate.max(0)),
        }
    }
}

impl TryFrom<String> for CreditRule {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        CreditRule::parse(&s)
    }
}

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

/// Every subject's presence in one half-day.
pub fn presences(marks: &[Mark], slot: &str) -> HashMap<i64, Presence> {
    let mut by: HashMap<i64, Vec<&Mark>> = HashMap::new();
    for m in marks.iter().filter(|m| m.slot.as_deref() == Some(slot)) {
        by.entry(m.subject).or_default().push(m);
    }
    by.into_iter().map(|(k, v)| (k, presence(v))).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn paris() -> TimeZone {
        TimeZone::get("Europe/Paris").unwrap()
    }

    fn at(y: i16, mo: i8, d: i8, h: i8, mi: i8) -> i64 {
        jiff::civil::date(y, mo, d)
            .at(h, mi, 0, 0)
            .to_zoned(paris())
            .unwrap()
            .timestamp()
            .as_second()
    }

    fn mark(subject: i64, kind: Kind, at: i64) -> Mark {
        Mark {
            slot: None,
            subject,
            kind,
            channel: Channel::Code,
            actor: subject,
            at,
            device: None,
            minutes: None,
            moment: None,
            note: None,
            document: None,
        }
    }

    #[test]
    fn a_day_splits_at_one_pm_and_shares_the_planned_time() {
        // 9:00–17:00 with six hours planned (lunch inside the span).
        let s = half_days(
            at(2026, 12, 3, 9, 0),
            at(2026, 12, 3, 17, 0),
            Some(360),
            &paris(),
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].half, HalfDay::Morning);
        assert_eq!(s[0].ends_at, at(2026, 12, 3, 13, 0));
        assert_eq!(s[1].half, HalfDay::Afternoon);
        assert_eq!(s[0].planned_minutes, 180);
        assert_eq!(s[1].planned_minutes, 180);
        assert_eq!(s[0].key(), "2026-12-03-morning");
        assert_eq!(
            parse_slot_key("2026-12-03-morning").unwrap().1,
            HalfDay::Morning
        );
        assert!(parse_slot_key("2026-12-03-evening").is_err());
        assert!(parse_slot_key("é").is_err());
        assert!(parse_slot_key("2026-1é-03-morning").is_err());
    }

    #[test]
    fn presence_follows_corrections() {
        let t = at(2026, 12, 3, 9, 5);
        let mut late = mark(1, Kind::Late, t + 60);
        late.moment = Some(at(2026, 12, 3, 10, 0));
        let marks = [mark(1, Kind::Signed, t), late.clone()];
        let slot = half_days(
            at(2026, 12, 3, 9, 0),
            at(2026, 12, 3, 13, 0),
            None,
            &paris(),
        )[0];
        let p = presence(&marks);
        assert_eq!(p.signed_at, Some(t));
        // One hour late out of four: three quarters of 240 minutes.
        assert_eq!(credited(Modality::InPerson, &slot, &p, 80), 180);
        let cancelled = [
            mark(1, Kind::Signed, t),
            late,
            mark(1, Kind::Cancelled, t + 120),
        ];
        assert_eq!(presence(&cancelled).signed_at, None);
        let mut absent = mark(1, Kind::Absent, t);
        absent.note = Some("Malade".into());
        let p = presence(&[absent, mark(1, Kind::AbsenceAccepted, t + 5)]);
        assert!(p.absence.unwrap().accepted);
    }

    #[test]
    fn virtual_half_days_count_above_the_threshold() {
        let slot = half_days(
            at(2026, 12, 3, 14, 0),
            at(2026, 12, 3, 16, 0),
            None,
            &paris(),
        )[0];
        let mut p = Presence {
            connected_minutes: Some(96),
            ..Presence::default()
        };
        assert!(attended(&slot, &p, 80));
        p.connected_minutes = Some(95);
        assert!(!attended(&slot, &p, 80));
        // Without analytics: joined and confirmed at both prompts.
        let mut q = Presence {
            joined_at: Some(slot.starts_at),
            confirmations: vec![slot.starts_at + 60],
            ..Presence::default()
        };
        assert!(!attended(&slot, &q, 80));
        q.confirmations.push(slot.starts_at + 70 * 60);
        assert!(attended(&slot, &q, 80));
        assert_eq!(credited(Modality::VirtualClass, &slot, &q, 80), 120);
    }

    fn unit(b: HoursBudget, start: i64, planned: i64, credited: i64) -> Unit {
        Unit {
            budget: b,
            title: "x".into(),
            starts_at: start,
            ends_at: start + planned * 60,
            planned,
            credited,
            excused: 0,
            mandatory: false,
            evaluation: false,
        }
    }

    #[test]
    fn validation_warns_early_when_a_criterion_cannot_be_met() {
        let rules = Rules::default();
        let d = 86_400;
        let units = vec![
            unit(HoursBudget::InPerson, 0, 180, 0),
            unit(HoursBudget::InPerson, d, 180, 0),
            unit(HoursBudget::InPerson, 2 * d, 180, 0),
        ];
        // After the first half-day missed: 2 × 180 = 360 < 80 % of 540 = 432.
        let v = validate(&rules, &units, 3 * 3600, false);
        assert_eq!(v.budgets[0].standing, Standing::Unreachable);
        assert_eq!(v.standing, Standing::Unreachable);
        // An accepted absence is excused: 80 % of 360 = 288 ≤ 360.
        let mut excused = units.clone();
        excused[0].excused = 180;
        let v = validate(&rules, &excused, 3 * 3600, false);
        assert_eq!(v.budgets[0].standing, Standing::OnTrack);
        excused[1].credited = 180;
        excused[2].credited = 180;
        let v = validate(&rules, &excused, 3 * d, true);
        assert_eq!(v.standing, Standing::Met);
        assert_eq!(v.budgets[1].standing, Standing::NotApplicable);
    }

    proptest! {
        #[test]
        fn half_days_cover_the_span_and_share_the_plan(
            day in 0i64..800, start_min in 0i64..(24 * 60), len in 1i64..(3 * 24 * 60),
            planned in proptest::option::of(0i64..5000)
        ) {
            let start = at(2025, 1, 1, 0, 0) + day * 86_400 + start_min * 60;
            let end = start + len * 60;
            let slots = half_days(start, end, planned, &paris());
            prop_assert!(!slots.is_empty());
            prop_assert_eq!(slots[0].starts_at, start);
            prop_assert_eq!(slots.last().unwrap().ends_at, end);
            for w in slots.windows(2) {
                prop_assert_eq!(w[0].ends_at, w[1].starts_at);
                prop_assert!(w[0].key() != w[1].key());
            }
            for s in &slots {
                prop_assert!(s.ends_at > s.starts_at);
                prop_assert!(s.planned_minutes >= 0);
                let local = Timestamp::from_second(s.ends_at - 1).unwrap().to_zoned(paris());
                prop_assert_eq!(local.date(), s.date);
                prop_assert_eq!(HalfDay::of(local.time()), s.half);
            }
            let total: i64 = slots.iter().map(|s| s.planned_minutes).sum();
            prop_assert_eq!(total, planned.unwrap_or(len));
        }

        #[test]
        fn credit_never_exceeds_the_plan(
            planned in 0i64..600, late in 0i64..400, early in 0i64..400, threshold in 0u8..=100,
            connected in proptest::option::of(0i64..600)
        ) {
            let start = at(2026, 12, 3, 9, 0);
            let slot = half_days(start, start + 4 * 3600, Some(planned), &paris())[0];
            let p = Presence {
                signed_at: Some(start),
                channel: Some(Channel::Qr),
                arrived_at: Some(start + late * 60),
                left_at: Some(slot.ends_at - early * 60),
                connected_minutes: connected,
                ..Presence::default()
            };
            for m in Modality::ALL {
                let c = credited(m, &slot, &p, threshold);
                prop_assert!(c >= 0 && c <= planned);
            }
            if threshold == 0 && connected.is_some() {
                prop_assert!(attended(&slot, &p, threshold));
            }
        }

        #[test]
        fn validation_is_monotone_in_credit(
            plan in proptest::collection::vec((0usize..3, 1i64..400, 0i64..400, 0i64..400), 1..12),
            pct in 0u8..=100, now in 0i64..2_000_000
        ) {
            let budgets = [HoursBudget::InPerson, HoursBudget::Synchronous, HoursBudget::Asynchronous];
            let units: Vec<Unit> = plan.iter().enumerate().map(|(i, &(b, p, c, e))| Unit {
                excused: e.min(p) / 2,
                ..unit(budgets[b], i as i64 * 100_000, p, c.min(p))
            }).collect();
            let rules = Rules { min_percent: [pct; 3], ..Rules::default() };
            let v = validate(&rules, &units, now, false);
            for p in &v.budgets {
                prop_assert!(p.achieved_minutes <= p.reachable_minutes);
                prop_assert!(p.required_minutes <= p.planned_minutes);
                if p.standing == Standing::Met {
                    prop_assert!(p.achieved_minutes >= p.required_minutes);
                }
            }
            // Crediting every unit fully meets every criterion.
            let full: Vec<Unit> = units.iter().map(|u| Unit { credited: u.planned, ..u.clone() }).collect();
            let v = validate(&rules, &full, now, now % 2 == 0);
            prop_assert_eq!(v.standing, Standing::Met);
        }
    }
}
