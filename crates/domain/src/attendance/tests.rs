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
