use super::*;
use crate::{HalfDay, HoursBudget, Modality};
use jiff::tz::TimeZone;
use jiff::Timestamp;
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

#[test]
fn a_countersigned_half_day_is_frozen_and_what_follows_is_a_correction() {
    // The trainer (9) countersigns at 8:23; Tom signs by code at 8:30, and Zoé, whose absence
    // had been accepted, signs too: two corrections, the half-day to countersign again.
    let t = at(2026, 12, 3, 8, 0);
    let mut marks = vec![
        mark(3, Kind::Absent, t - 86_400),
        mark(3, Kind::AbsenceAccepted, t),
        mark(1, Kind::Signed, t + 60),
        mark(9, Kind::Countersigned, t + 23 * 60),
        mark(2, Kind::Signed, t + 30 * 60),
        mark(3, Kind::Signed, t + 31 * 60),
    ];
    let f = freeze(&marks, |i| i);
    assert_eq!(f.state, Countersigning::ToCountersignAgain);
    let corrected: Vec<usize> = f.corrections.iter().map(|c| c.index).collect();
    assert_eq!(corrected, [4, 5]);
    assert!(f.corrections.iter().all(|c| c.attested_by.is_none()));
    assert_eq!(f.pending(), 2);
    assert!(f.awaits(9), "the trainer has corrections to attest");
    // Countersigned again: everything is attested, the corrections by the second one.
    marks.push(mark(9, Kind::Countersigned, t + 4 * 3600));
    let f = freeze(&marks, |i| i);
    assert_eq!(f.state, Countersigning::Countersigned);
    assert_eq!(f.corrections.len(), 2);
    assert!(f.corrections.iter().all(|c| c.attested_by == Some(1)));
    assert!(!f.awaits(9), "nothing new since");
    assert!(f.awaits(10), "a co-trainer countersigns too");
    // A countersignature attests what its trainer read: a mark that slipped in before it, but
    // after the sheet was read, is a correction.
    let f = freeze(&marks[..4], |i| i - 1);
    assert_eq!(f.state, Countersigning::ToCountersignAgain);
    assert_eq!(f.corrections[0].index, 2);
    assert_eq!(
        freeze(&marks[..3], |i| i).state,
        Countersigning::NotCountersigned
    );
}

#[test]
fn countersigning_comes_after_the_half_day_or_with_a_reason_and_times_are_past() {
    let slot = half_days(
        at(2026, 12, 3, 9, 0),
        at(2026, 12, 3, 12, 0),
        None,
        &paris(),
    )[0];
    let f = freeze(&[mark(1, Kind::Signed, slot.starts_at)], |i| i);
    let during = slot.ends_at - 600;
    assert_eq!(
        countersign_refusal(&slot, &f, 9, during, false),
        Some("countersign-early")
    );
    assert_eq!(countersign_refusal(&slot, &f, 9, during, true), None);
    assert_eq!(countersign_refusal(&slot, &f, 9, slot.ends_at, false), None);
    let signed = freeze(
        &[
            mark(1, Kind::Signed, slot.starts_at),
            mark(9, Kind::Countersigned, slot.ends_at),
        ],
        |i| i,
    );
    assert_eq!(
        countersign_refusal(&slot, &signed, 9, slot.ends_at + 60, true),
        Some("already-countersigned")
    );
    // A late arrival at 10:00, recorded at 9:30, is refused; at 10:30, kept.
    let ten = at(2026, 12, 3, 10, 0);
    assert_eq!(moment_refusal(&slot, ten, ten - 1800), Some("time-future"));
    assert_eq!(moment_refusal(&slot, ten, ten), None);
    assert_eq!(moment_refusal(&slot, ten, ten + 1800), None);
    assert_eq!(
        moment_refusal(&slot, slot.ends_at + 60, slot.ends_at + 3600),
        Some("time-outside")
    );
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

    #[test]
    fn what_follows_the_first_countersignature_is_a_correction_until_countersigned_again(
        kinds in proptest::collection::vec(0usize..4, 0..30)
    ) {
        // 0: a countersignature by trainer 9; otherwise a trainee's mark.
        let marks: Vec<Mark> = kinds.iter().enumerate().map(|(i, &k)| match k {
            0 => mark(9, Kind::Countersigned, i as i64),
            1 => mark(1, Kind::Signed, i as i64),
            2 => mark(2, Kind::Late, i as i64),
            _ => mark(3, Kind::Absent, i as i64),
        }).collect();
        let f = freeze(&marks, |i| i);
        let first = kinds.iter().position(|&k| k == 0);
        let last = kinds.iter().rposition(|&k| k == 0);
        let after_last = last.map_or(0, |l| kinds[l..].iter().filter(|&&k| k != 0).count());
        match first {
            None => {
                prop_assert_eq!(f.state, Countersigning::NotCountersigned);
                prop_assert!(f.corrections.is_empty());
                prop_assert!(f.awaits(9));
            }
            Some(first) => {
                let expected = kinds[first..].iter().filter(|&&k| k != 0).count();
                prop_assert_eq!(f.corrections.len(), expected);
                prop_assert_eq!(f.pending(), after_last);
                prop_assert_eq!(f.state == Countersigning::Countersigned, after_last == 0);
                prop_assert_eq!(f.awaits(9), after_last > 0);
                for c in &f.corrections {
                    prop_assert!(c.index > first);
                    if let Some(a) = c.attested_by {
                        prop_assert!(f.attestations[a].index > c.index);
                    }
                }
            }
        }
    }
}

#[test]
fn a_meetings_analytics_are_heard_from_its_start_until_two_days_after_its_end() {
    assert!(!analytics_heard(1_000, 2_000, 999));
    assert!(analytics_heard(1_000, 2_000, 1_500));
    assert!(analytics_heard(1_000, 2_000, 2_000 + ANALYTICS_SECONDS));
    assert!(!analytics_heard(1_000, 2_000, 2_001 + ANALYTICS_SECONDS));
}
