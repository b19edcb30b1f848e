//! Half-days: the slots an activity splits into, their keys, and when signing is open.

use crate::{HalfDay, Invalid};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde::Serialize;

/// Signing opens this long before a half-day starts and closes this long after it ends.
pub const SIGN_MARGIN_SECONDS: i64 = 30 * 60;
/// A rotating code lives this long; the one before it is still accepted (clock skew, typing).
pub const CODE_PERIOD_SECONDS: i64 = 30;

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
