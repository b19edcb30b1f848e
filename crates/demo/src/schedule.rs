//! The cohorts' calendar: each cohort's steps placed on working days according to its timing,
//! away from weekends, public holidays and school holidays.

use crate::catalogue::StepSpec;
use crate::lcg::Lcg;
use Timing::{Closed, Draft, Ready, Running, Today};

/// When a cohort runs, relative to `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Timing {
    /// Finished: its last activity ended at least `weeks_ago` weeks before today.
    Closed { weeks_ago: i64 },
    /// Under way: step `step` falls on a working day near `today + offset`.
    Running { step: usize, offset: i64 },
    /// The demo's cohort: step `step` (in person or virtual class) falls on today itself.
    Today { step: usize },
    /// Starts on the first working day from `today + in_days`.
    Ready { in_days: i64 },
    /// Planned later in the year, still being prepared: `in_weeks` weeks from today, or earlier
    /// (but not within [`DRAFT_EARLIEST`](DRAFT_EARLIEST) days) so as to end before the summer holidays.
    Draft { in_weeks: i64 },
}
use hybride_domain::SchoolYear;
use jiff::civil::{Date, DateTime, Weekday};
use jiff::ToSpan;

/// One scheduled step, in Europe/Paris civil time. Asynchronous work: its open/close window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    pub(crate) step: usize,
    pub(crate) start: DateTime,
    pub(crate) end: DateTime,
}

/// Schedules a cohort's steps according to its timing.
pub(crate) fn place_cohort(
    steps: &[StepSpec],
    timing: Timing,
    today: Date,
    seed: u64,
) -> Vec<Slot> {
    match timing {
        Today { step } => pinned(steps, step, today, seed),
        Running { step, offset } => {
            // The working day nearest `today + offset` on which the step can fall with the cohort
            // started before today and ending after it (holidays can push it a long way).
            let target = today.saturating_add(offset.days());
            std::iter::once(0)
                .chain((1..=120).flat_map(|n| [-n, n]))
                .map(|delta: i64| target.saturating_add(delta.days()))
                .filter(|day| is_working_day(*day))
                .map(|day| pinned(steps, step, day, seed))
                .find(|slots| {
                    let (first, last) = bounds(slots);
                    first < today && today < last
                })
                .unwrap_or_else(|| pinned(steps, step, today, seed))
        }
        Closed { weeks_ago } => {
            let deadline = today.saturating_add((-7 * weeks_ago).days());
            latest(deadline, None, seed, steps, |slots| {
                slots.iter().all(|s| s.end.date() <= deadline)
            })
        }
        Ready { in_days } => schedule(steps, today.saturating_add(in_days.days()), None, seed),
        Draft { in_weeks } => {
            let preferred = schedule(
                steps,
                today.saturating_add((7 * in_weeks).days()),
                None,
                seed,
            );
            // Rather finish before the summer, as long as it still starts after the ready cohorts.
            let summer = Date::new(SchoolYear::containing(today).start_year() + 1, 7, 3);
            let Ok(summer) = summer else { return preferred };
            if bounds(&preferred).1 <= summer {
                return preferred;
            }
            let fitted = latest(summer, None, seed, steps, |slots| bounds(slots).1 <= summer);
            if bounds(&fitted).0 >= today.saturating_add(DRAFT_EARLIEST.days()) {
                fitted
            } else {
                preferred
            }
        }
    }
}

/// Draft cohorts start at least this many days from today (after the ready ones).
pub(crate) const DRAFT_EARLIEST: i64 = 35;

/// The latest schedule in which step `k` falls on `day` and every earlier step ends before it.
fn pinned(steps: &[StepSpec], k: usize, day: Date, seed: u64) -> Vec<Slot> {
    latest(day, Some((k, day)), seed, steps, |slots| {
        slots[..k].iter().all(|s| s.end.date() < day)
    })
}

/// The schedule with the latest start (up to `before`) for which `fits` holds.
///
/// Every slot moves later or stays when the start moves later (the generator's draws do not
/// depend on dates), so `fits` — "ends before a day" — holds for every start up to some day:
/// a binary search finds it.
fn latest(
    before: Date,
    pin: Option<(usize, Date)>,
    seed: u64,
    steps: &[StepSpec],
    fits: impl Fn(&[Slot]) -> bool,
) -> Vec<Slot> {
    let at = |back: i64| schedule(steps, before.saturating_add((-back).days()), pin, seed);
    let (mut lo, mut hi) = (0i64, 730i64); // invariant: `hi` fits (two years back always does)
    while lo < hi {
        let mid = (lo + hi) / 2;
        if fits(&at(mid)) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    at(hi)
}

/// The first and last days of a schedule.
pub(crate) fn bounds(slots: &[Slot]) -> (Date, Date) {
    let first = slots.iter().map(|s| s.start.date()).min();
    let last = slots.iter().map(|s| s.end.date()).max();
    (first.unwrap_or_default(), last.unwrap_or_default())
}

/// Schedules every step in order from `start`: in-person and synchronous steps on working days
/// (in person 09:00 or 13:30, virtual classes and webinars 14:00 or 16:30, for the step's
/// duration), asynchronous steps as a window opening at 08:00 and closing 7 to 14 days later at
/// 23:59. `pin` forces one step onto a given day (at 13:30 when it is in person).
fn schedule(steps: &[StepSpec], start: Date, pin: Option<(usize, Date)>, seed: u64) -> Vec<Slot> {
    let mut rng = Lcg::new(seed);
    let mut cursor = start;
    let mut previous_synchronous = false;
    let mut slots = Vec::with_capacity(steps.len());
    for (i, step) in steps.iter().enumerate() {
        let minutes = i64::from(step.minutes);
        let synchronous = step.modality != "async";
        if synchronous && previous_synchronous {
            // Two live sessions in a row: leave a few days between them.
            cursor = cursor.saturating_add((1 + rng.below(5) as i64).days());
        }
        let forced = pin.filter(|(k, _)| *k == i).map(|(_, d)| d);
        let day = forced.unwrap_or_else(|| next_working_day(cursor));
        let slot = match step.modality {
            "async" => {
                let days = (7 + minutes / 30 + rng.below(3) as i64).min(14);
                let close = day.saturating_add(days.days());
                cursor = close.saturating_add(1.day());
                Slot {
                    step: i,
                    start: day.at(8, 0, 0, 0),
                    end: close.at(23, 59, 0, 0),
                }
            }
            modality => {
                let afternoon = rng.below(2) == 1;
                let (h, m) = match (modality, forced.is_some(), afternoon) {
                    ("in_person", true, _) | ("in_person", false, true) => (13, 30),
                    ("in_person", false, false) => (9, 0),
                    (_, _, false) => (14, 0),
                    (_, _, true) => (16, 30),
                };
                let begin = day.at(h, m, 0, 0);
                cursor = day.saturating_add(1.day());
                Slot {
                    step: i,
                    start: begin,
                    end: begin.saturating_add(minutes.minutes()),
                }
            }
        };
        previous_synchronous = synchronous;
        slots.push(slot);
    }
    slots
}

/// Monday to Friday, except French public holidays and school holidays.
pub(crate) fn is_working_day(d: Date) -> bool {
    !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
        && !hybride_domain::calendar::is_public_holiday(d)
        && !is_school_holiday(d)
}

/// School holidays, approximately (zone A, which covers Lyon and Grenoble; the exact dates move
/// by a few days from year to year): Toussaint, Noël, hiver, printemps, été.
fn is_school_holiday(d: Date) -> bool {
    const PERIODS: [((i8, i8), (i8, i8)); 6] = [
        ((1, 1), (1, 3)),
        ((2, 7), (2, 22)),
        ((4, 4), (4, 19)),
        ((7, 4), (8, 31)),
        ((10, 17), (11, 2)),
        ((12, 19), (12, 31)),
    ];
    let day = (d.month(), d.day());
    PERIODS
        .iter()
        .any(|(from, to)| (*from..=*to).contains(&day))
}

/// The first working day from `d` (`d` itself when it is one).
pub(crate) fn next_working_day(mut d: Date) -> Date {
    while !is_working_day(d) {
        d = d.saturating_add(1.day());
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn working_days() {
        assert!(!is_working_day(date(2026, 11, 11)), "Armistice");
        assert!(!is_working_day(date(2026, 11, 28)), "a Saturday");
        assert!(is_working_day(date(2026, 11, 30)));
        assert!(!is_working_day(date(2026, 12, 24)), "Christmas holidays");
        assert_eq!(next_working_day(date(2026, 12, 19)), date(2027, 1, 4));
        assert_eq!(next_working_day(date(2027, 7, 3)), date(2027, 9, 1));
    }
}
