//! Good practice of a hybrid scenario, as advice with its reason. Nothing here forbids: the
//! trainer decides; the product says what the charter and experience recommend, and why.
//!
//! Two levels: the training's scenario (steps and declared hours), and a cohort's schedule
//! (dates, times, places, how many trainees).

use crate::modality::HoursBudget;
use crate::{LearningType, Minutes, Modality};
use jiff::civil::{Date, DateTime, Time, Weekday};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What the rules need to know of a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepFacts {
    pub position: u32,
    pub modality: Modality,
    pub learning_type: LearningType,
    pub collective: bool,
    pub social: bool,
    pub minutes: u32,
    pub has_instructions: bool,
    pub has_evaluation: bool,
}

/// Hours a training declares per budget.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Hours {
    pub in_person: Minutes,
    pub synchronous: Minutes,
    pub asynchronous: Minutes,
}

impl Hours {
    pub fn get(&self, b: HoursBudget) -> Minutes {
        match b {
            HoursBudget::InPerson => self.in_person,
            HoursBudget::Synchronous => self.synchronous,
            HoursBudget::Asynchronous => self.asynchronous,
        }
    }

    fn add(&mut self, b: HoursBudget, m: Minutes) {
        match b {
            HoursBudget::InPerson => self.in_person = self.in_person + m,
            HoursBudget::Synchronous => self.synchronous = self.synchronous + m,
            HoursBudget::Asynchronous => self.asynchronous = self.asynchronous + m,
        }
    }

    pub fn total(&self) -> Minutes {
        self.in_person + self.synchronous + self.asynchronous
    }
}

pub const BUDGETS: [HoursBudget; 3] = [
    HoursBudget::InPerson,
    HoursBudget::Synchronous,
    HoursBudget::Asynchronous,
];

/// The scenario's planned hours per budget.
pub fn planned_hours(steps: &[StepFacts]) -> Hours {
    let mut h = Hours::default();
    for s in steps {
        h.add(
            s.modality.budget(),
            Minutes::new(s.minutes).unwrap_or(Minutes::ZERO),
        );
    }
    h
}

/// A piece of advice; `key` names its message, the fields fill it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Advice {
    /// No step yet.
    EmptyScenario,
    /// One modality only: the training is not hybrid.
    SingleModality { modality: Modality },
    /// A step without an estimated duration.
    NoDuration { step: u32, modality: Modality },
    /// A step without instructions (consignes).
    NoInstructions { step: u32, modality: Modality },
    /// The scenario's hours differ from the declared hours for a budget.
    HoursMismatch {
        budget: HoursBudget,
        planned: u32,
        declared: u32,
    },
    /// No social activity (forum, group work…).
    NoSocialActivity,
    /// No step with an evaluation.
    NoEvaluation,
    /// More than 2 h of asynchronous work planned in one week.
    AsyncOverload { week_of: Date, minutes: u32 },
    /// A distance synchronous activity on a Saturday or Sunday.
    OnWeekend { activity: i64, day: Date },
    /// A distance synchronous activity on a French public holiday.
    OnPublicHoliday { activity: i64, day: Date },
    /// A distance synchronous activity during the school holidays of the académie's zone.
    OnSchoolHoliday { activity: i64, day: Date },
    /// A distance synchronous activity outside working hours.
    OutsideWorkingHours { activity: i64, day: Date },
    /// A participatory virtual class for more trainees than can take part.
    TooManyToParticipate { activity: i64, trainees: u32 },
}

impl Advice {
    /// The translation key of the advice.
    pub fn key(&self) -> &'static str {
        match self {
            Advice::EmptyScenario => "advice-empty-scenario",
            Advice::SingleModality { .. } => "advice-single-modality",
            Advice::NoDuration { .. } => "advice-no-duration",
            Advice::NoInstructions { .. } => "advice-no-instructions",
            Advice::HoursMismatch { .. } => "advice-hours-mismatch",
            Advice::NoSocialActivity => "advice-no-social",
            Advice::NoEvaluation => "advice-no-evaluation",
            Advice::AsyncOverload { .. } => "advice-async-overload",
            Advice::OnWeekend { .. } => "advice-on-weekend",
            Advice::OnPublicHoliday { .. } => "advice-on-public-holiday",
            Advice::OnSchoolHoliday { .. } => "advice-on-school-holiday",
            Advice::OutsideWorkingHours { .. } => "advice-outside-hours",
            Advice::TooManyToParticipate { .. } => "advice-too-many",
        }
    }

    /// Whether the "scenario articulated" duty is unmet because of it (others are advice only).
    pub fn blocks_articulation(&self) -> bool {
        matches!(
            self,
            Advice::EmptyScenario
                | Advice::SingleModality { .. }
                | Advice::NoDuration { .. }
                | Advice::NoInstructions { .. }
                | Advice::HoursMismatch { .. }
        )
    }
}

/// The limits the advice applies, stated once.
pub mod limits {
    use jiff::civil::Time;
    /// Asynchronous work per week, in minutes (2 h).
    pub const ASYNC_MINUTES_PER_WEEK: u32 = 120;
    /// Trainees who can all take part in a participatory virtual class.
    pub const PARTICIPATORY_TRAINEES: u32 = 12;
    /// Working hours for distance synchronous activities.
    pub const DAY_STARTS: Time = Time::constant(8, 0, 0, 0);
    pub const DAY_ENDS: Time = Time::constant(18, 30, 0, 0);
}

/// Advice on a training's scenario.
pub fn advise_scenario(steps: &[StepFacts], declared: Hours) -> Vec<Advice> {
    let mut out = Vec::new();
    if steps.is_empty() {
        out.push(Advice::EmptyScenario);
        return out;
    }
    let modalities: BTreeSet<Modality> = steps.iter().map(|s| s.modality).collect();
    if modalities.len() == 1 {
        out.push(Advice::SingleModality {
            modality: steps[0].modality,
        });
    }
    for s in steps {
        if s.minutes == 0 {
            out.push(Advice::NoDuration {
                step: s.position,
                modality: s.modality,
            });
        }
        if !s.has_instructions {
            out.push(Advice::NoInstructions {
                step: s.position,
                modality: s.modality,
            });
        }
    }
    let planned = planned_hours(steps);
    for b in BUDGETS {
        if planned.get(b) != declared.get(b) {
            out.push(Advice::HoursMismatch {
                budget: b,
                planned: planned.get(b).get(),
                declared: declared.get(b).get(),
            });
        }
    }
    if !steps.iter().any(|s| s.social) {
        out.push(Advice::NoSocialActivity);
    }
    if !steps.iter().any(|s| s.has_evaluation) {
        out.push(Advice::NoEvaluation);
    }
    out
}

/// What the rules need to know of a scheduled activity, in Europe/Paris civil time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityFacts {
    pub id: i64,
    pub modality: Modality,
    pub starts: DateTime,
    pub ends: DateTime,
    /// From its step; `None` for an activity added outside the scenario.
    pub learning_type: Option<LearningType>,
    pub collective: bool,
    /// The estimated duration of the work, for asynchronous activities (their window is longer).
    pub minutes: u32,
}

/// A period of school holidays, first and last day included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holidays {
    pub first_day: Date,
    pub last_day: Date,
}

fn participatory(t: Option<LearningType>) -> bool {
    matches!(
        t,
        Some(
            LearningType::Discussion
                | LearningType::Collaboration
                | LearningType::Practice
                | LearningType::Investigation
        )
    )
}

/// The Monday of the week of `d`.
fn monday_of(d: Date) -> Date {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    d.checked_sub(jiff::Span::new().days(back)).unwrap_or(d)
}

/// Advice on a cohort's schedule.
pub fn advise_schedule(
    activities: &[ActivityFacts],
    trainees: u32,
    holidays: &[Holidays],
) -> Vec<Advice> {
    let mut out = Vec::new();
    // Asynchronous work is spread evenly over the days of its window, then counted per week.
    let mut per_week: BTreeMap<Date, f64> = BTreeMap::new();
    for a in activities.iter().filter(|a| a.modality == Modality::Async) {
        let first = a.starts.date();
        let last = a.ends.date().max(first);
        let days = (first.until(last).map(|s| s.get_days()).unwrap_or(0).max(0) + 1) as f64;
        let share = f64::from(a.minutes) / days;
        let mut d = first;
        while d <= last {
            *per_week.entry(monday_of(d)).or_insert(0.0) += share;
            match d.tomorrow() {
                Ok(n) => d = n,
                Err(_) => break,
            }
        }
    }
    for (week_of, minutes) in per_week {
        let minutes = minutes.round() as u32;
        if minutes > limits::ASYNC_MINUTES_PER_WEEK {
            out.push(Advice::AsyncOverload { week_of, minutes });
        }
    }
    for a in activities
        .iter()
        .filter(|a| a.modality.is_synchronous() && a.modality.is_distance())
    {
        let day = a.starts.date();
        if matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
            out.push(Advice::OnWeekend {
                activity: a.id,
                day,
            });
        }
        if crate::calendar::is_public_holiday(day) {
            out.push(Advice::OnPublicHoliday {
                activity: a.id,
                day,
            });
        }
        if holidays
            .iter()
            .any(|h| h.first_day <= day && day <= h.last_day)
        {
            out.push(Advice::OnSchoolHoliday {
                activity: a.id,
                day,
            });
        }
        let ends: Time = a.ends.time();
        if a.starts.time() < limits::DAY_STARTS || ends > limits::DAY_ENDS || a.ends.date() != day {
            out.push(Advice::OutsideWorkingHours {
                activity: a.id,
                day,
            });
        }
        if a.modality == Modality::VirtualClass
            && a.collective
            && participatory(a.learning_type)
            && trainees > limits::PARTICIPATORY_TRAINEES
        {
            out.push(Advice::TooManyToParticipate {
                activity: a.id,
                trainees,
            });
        }
    }
    out
}

/// A first schedule drawn from the scenario, for the trainer to adjust: one slot per step, on
/// working days from `start` (no weekend, public holiday or school holiday), in-person and
/// virtual activities at usual times, asynchronous work in a window of a week after them.
pub fn draft_schedule(
    steps: &[StepFacts],
    start: Date,
    holidays: &[Holidays],
) -> Vec<(DateTime, DateTime)> {
    let is_off = |d: Date| {
        matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
            || crate::calendar::is_public_holiday(d)
            || holidays.iter().any(|h| h.first_day <= d && d <= h.last_day)
    };
    let next_working = |mut d: Date| {
        // A year of holidays at most; past that, keep the date rather than loop.
        for _ in 0..366 {
            if !is_off(d) {
                break;
            }
            match d.tomorrow() {
                Ok(n) => d = n,
                Err(_) => break,
            }
        }
        d
    };
    let plus_days = |d: Date, n: i64| d.checked_add(jiff::Span::new().days(n)).unwrap_or(d);
    let mut day = next_working(start);
    let mut morning_free = true;
    let mut out = Vec::with_capacity(steps.len());
    for s in steps {
        let minutes = i64::from(s.minutes.max(30));
        match s.modality {
            Modality::InPerson => {
                let at = if morning_free {
                    Time::constant(9, 0, 0, 0)
                } else {
                    Time::constant(13, 30, 0, 0)
                };
                let starts = day.to_datetime(at);
                let ends = starts
                    .checked_add(jiff::Span::new().minutes(minutes))
                    .unwrap_or(starts);
                out.push((starts, ends));
                if morning_free && minutes <= 210 {
                    morning_free = false;
                } else {
                    day = next_working(plus_days(day, 1));
                    morning_free = true;
                }
            }
            Modality::VirtualClass | Modality::Webinar => {
                if !morning_free {
                    day = next_working(plus_days(day, 1));
                }
                let starts = day.to_datetime(Time::constant(14, 0, 0, 0));
                let ends = starts
                    .checked_add(jiff::Span::new().minutes(minutes))
                    .unwrap_or(starts);
                out.push((starts, ends));
                day = next_working(plus_days(day, 1));
                morning_free = true;
            }
            Modality::Async => {
                if !morning_free {
                    // The work follows the morning's session: its window opens the next day.
                    day = next_working(plus_days(day, 1));
                }
                let opens = day.to_datetime(Time::constant(8, 0, 0, 0));
                let closes_on = plus_days(day, 6);
                out.push((opens, closes_on.to_datetime(Time::constant(23, 59, 0, 0))));
                day = next_working(plus_days(day, 7));
                morning_free = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn step(position: u32, modality: Modality, minutes: u32) -> StepFacts {
        StepFacts {
            position,
            modality,
            learning_type: LearningType::Acquisition,
            collective: true,
            social: false,
            minutes,
            has_instructions: true,
            has_evaluation: false,
        }
    }

    fn hours(p: u32, s: u32, a: u32) -> Hours {
        Hours {
            in_person: Minutes::new(p).unwrap(),
            synchronous: Minutes::new(s).unwrap(),
            asynchronous: Minutes::new(a).unwrap(),
        }
    }

    #[test]
    fn a_good_scenario_gets_no_advice() {
        let mut steps = vec![
            step(1, Modality::InPerson, 180),
            step(2, Modality::Async, 60),
            step(3, Modality::VirtualClass, 90),
        ];
        steps[1].social = true;
        steps[2].has_evaluation = true;
        assert_eq!(advise_scenario(&steps, hours(180, 90, 60)), vec![]);
    }

    #[test]
    fn each_rule_says_why() {
        let mut steps = vec![step(1, Modality::Async, 0), step(2, Modality::Async, 60)];
        steps[1].has_instructions = false;
        let advice = advise_scenario(&steps, hours(180, 0, 60));
        assert!(advice.contains(&Advice::SingleModality {
            modality: Modality::Async
        }));
        assert!(advice.contains(&Advice::NoDuration {
            step: 1,
            modality: Modality::Async
        }));
        assert!(advice.contains(&Advice::NoInstructions {
            step: 2,
            modality: Modality::Async
        }));
        assert!(advice.contains(&Advice::HoursMismatch {
            budget: HoursBudget::InPerson,
            planned: 0,
            declared: 180
        }));
        assert!(advice.contains(&Advice::NoSocialActivity));
        assert!(advice.contains(&Advice::NoEvaluation));
        assert_eq!(
            advise_scenario(&[], hours(0, 0, 0)),
            vec![Advice::EmptyScenario]
        );
    }

    fn at(d: Date, h: i8, m: i8) -> DateTime {
        d.at(h, m, 0, 0)
    }

    fn virtual_class(id: i64, d: Date, from: (i8, i8), to: (i8, i8)) -> ActivityFacts {
        ActivityFacts {
            id,
            modality: Modality::VirtualClass,
            starts: at(d, from.0, from.1),
            ends: at(d, to.0, to.1),
            learning_type: Some(LearningType::Discussion),
            collective: true,
            minutes: 0,
        }
    }

    #[test]
    fn schedule_rules() {
        let holidays = [Holidays {
            first_day: date(2026, 12, 19),
            last_day: date(2027, 1, 3),
        }];
        let acts = vec![
            virtual_class(1, date(2026, 11, 28), (10, 0), (11, 0)), // Saturday
            virtual_class(2, date(2026, 11, 11), (14, 0), (15, 0)), // Armistice
            virtual_class(3, date(2026, 12, 22), (14, 0), (15, 0)), // Christmas holidays
            virtual_class(4, date(2026, 12, 1), (18, 0), (19, 30)), // too late
            virtual_class(5, date(2026, 12, 2), (14, 0), (15, 30)), // fine, unless the group is large
        ];
        let advice = advise_schedule(&acts, 20, &holidays);
        assert!(advice.contains(&Advice::OnWeekend {
            activity: 1,
            day: date(2026, 11, 28)
        }));
        assert!(advice.contains(&Advice::OnPublicHoliday {
            activity: 2,
            day: date(2026, 11, 11)
        }));
        assert!(advice.contains(&Advice::OnSchoolHoliday {
            activity: 3,
            day: date(2026, 12, 22)
        }));
        assert!(advice.contains(&Advice::OutsideWorkingHours {
            activity: 4,
            day: date(2026, 12, 1)
        }));
        assert!(advice.contains(&Advice::TooManyToParticipate {
            activity: 5,
            trainees: 20
        }));
        assert!(!advise_schedule(&acts[4..], 12, &holidays)
            .iter()
            .any(|a| matches!(a, Advice::TooManyToParticipate { .. })));
    }

    #[test]
    fn asynchronous_work_is_counted_per_week() {
        let window = |id, from: Date, to: Date, minutes| ActivityFacts {
            id,
            modality: Modality::Async,
            starts: at(from, 8, 0),
            ends: at(to, 23, 59),
            learning_type: None,
            collective: false,
            minutes,
        };
        // 180 minutes over two weeks: 90 a week, fine.
        assert!(advise_schedule(
            &[window(1, date(2026, 11, 30), date(2026, 12, 13), 180)],
            10,
            &[]
        )
        .is_empty());
        // 180 minutes in one week: too much.
        let advice = advise_schedule(
            &[window(1, date(2026, 11, 30), date(2026, 12, 6), 180)],
            10,
            &[],
        );
        assert_eq!(
            advice,
            vec![Advice::AsyncOverload {
                week_of: date(2026, 11, 30),
                minutes: 180
            }]
        );
    }

    #[test]
    fn a_draft_schedule_avoids_days_off_and_follows_the_steps() {
        let steps = vec![
            step(1, Modality::InPerson, 180),
            step(2, Modality::Async, 90),
            step(3, Modality::VirtualClass, 90),
            step(4, Modality::InPerson, 180),
        ];
        let holidays = [Holidays {
            first_day: date(2026, 12, 19),
            last_day: date(2027, 1, 3),
        }];
        // Friday 11 December 2026.
        let plan = draft_schedule(&steps, date(2026, 12, 11), &holidays);
        assert_eq!(plan.len(), 4);
        assert_eq!(plan[0].0, date(2026, 12, 11).at(9, 0, 0, 0));
        assert_eq!(plan[1].0.date(), date(2026, 12, 14), "the next working day");
        assert_eq!(plan[1].1.date(), date(2026, 12, 20));
        assert_eq!(
            plan[2].0.date(),
            date(2027, 1, 4),
            "after the Christmas holidays"
        );
        for (a, b) in &plan {
            assert!(a < b);
        }
        let windows: Vec<_> = plan.windows(2).map(|w| w[0].0 <= w[1].0).collect();
        assert!(windows.iter().all(|x| *x), "in the scenario's order");
    }

    fn arb_step() -> impl Strategy<Value = StepFacts> {
        (
            0usize..4,
            0usize..6,
            any::<bool>(),
            any::<bool>(),
            0u32..600,
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(
                |(m, t, collective, social, minutes, has_instructions, has_evaluation)| StepFacts {
                    position: 0,
                    modality: Modality::ALL[m],
                    learning_type: LearningType::ALL[t],
                    collective,
                    social,
                    minutes,
                    has_instructions,
                    has_evaluation,
                },
            )
    }

    proptest! {
        #[test]
        fn advice_is_exactly_the_rules(mut steps in proptest::collection::vec(arb_step(), 0..12)) {
            for (i, s) in steps.iter_mut().enumerate() {
                s.position = i as u32 + 1;
            }
            // Declaring exactly what is planned never draws an hours mismatch.
            let advice = advise_scenario(&steps, planned_hours(&steps));
            let mismatch = advice.iter().any(|a| matches!(a, Advice::HoursMismatch { .. }));
            prop_assert!(!mismatch, "declared = planned");
            let modalities: BTreeSet<_> = steps.iter().map(|s| s.modality).collect();
            prop_assert_eq!(advice.iter().any(|a| matches!(a, Advice::SingleModality { .. })), modalities.len() == 1);
            prop_assert_eq!(advice.contains(&Advice::NoSocialActivity), !steps.is_empty() && !steps.iter().any(|s| s.social));
            let missing = steps.iter().filter(|s| s.minutes == 0).count();
            prop_assert_eq!(advice.iter().filter(|a| matches!(a, Advice::NoDuration { .. })).count(), missing);
            // A scenario is articulated exactly when nothing blocks it.
            let articulated = !steps.is_empty()
                && modalities.len() >= 2
                && steps.iter().all(|s| s.minutes > 0 && s.has_instructions);
            prop_assert_eq!(!advice.iter().any(Advice::blocks_articulation), articulated);
        }

        #[test]
        fn draft_schedules_use_working_days(mut steps in proptest::collection::vec(arb_step(), 0..15), day in 0i64..700) {
            for (i, s) in steps.iter_mut().enumerate() {
                s.position = i as u32 + 1;
            }
            let start = date(2026, 9, 1).checked_add(jiff::Span::new().days(day)).unwrap();
            let plan = draft_schedule(&steps, start, &[]);
            prop_assert_eq!(plan.len(), steps.len());
            for (s, (a, b)) in steps.iter().zip(&plan) {
                prop_assert!(a < b);
                prop_assert!(a.date() >= start);
                if s.modality.is_synchronous() {
                    prop_assert!(!matches!(a.date().weekday(), Weekday::Saturday | Weekday::Sunday));
                    prop_assert!(!crate::calendar::is_public_holiday(a.date()));
                }
            }
        }

        #[test]
        fn schedule_advice_never_panics(day in 0i32..800, hour in 0i8..23, len in 1i64..600, trainees in 0u32..200, async_minutes in 0u32..3000, window in 0i64..40) {
            let d = date(2026, 1, 1).checked_add(jiff::Span::new().days(day)).unwrap();
            let starts = d.at(hour, 0, 0, 0);
            let ends = starts.checked_add(jiff::Span::new().minutes(len)).unwrap();
            let acts = vec![
                ActivityFacts { id: 1, modality: Modality::VirtualClass, starts, ends, learning_type: Some(LearningType::Collaboration), collective: true, minutes: 0 },
                ActivityFacts { id: 2, modality: Modality::Async, starts, ends: starts.checked_add(jiff::Span::new().days(window)).unwrap(), learning_type: None, collective: false, minutes: async_minutes },
            ];
            let advice = advise_schedule(&acts, trainees, &[]);
            let weekly: u32 = advice.iter().filter_map(|a| match a { Advice::AsyncOverload { minutes, .. } => Some(*minutes), _ => None }).sum();
            // Each week is rounded to the minute: at most one minute off per week of the window.
            prop_assert!(weekly <= async_minutes + 7);
        }
    }
}
