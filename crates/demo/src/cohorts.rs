//! The cohorts: where and when each one meets relative to `today`, who follows it, and their
//! writing with their activities, up to their status.

use crate::cast::TRAINEES;
use crate::catalogue::TRAININGS;
use crate::lcg::Lcg;
use crate::refused;
use crate::schedule::{bounds, place_cohort, Slot, Timing};
use crate::trainings::{modality, TrainingIds};
use hybride_domain::{CohortStatus, Modality, Title};
use hybride_store::cohorts::{self, NewActivity, NewCohort};
use hybride_store::{Store, StoreError};
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// Where a cohort meets in person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Venue {
    city: &'static str,
    places: [&'static str; 2],
}

const LYON: Venue = Venue {
    city: "Lyon",
    places: [
        "Canopé Lyon, salle Hypatie",
        "Salle 204 — Lycée Ampère Saxe, Lyon 3e",
    ],
};
const GRENOBLE: Venue = Venue {
    city: "Grenoble",
    places: [
        "Salle B112 — Lycée Champollion, Grenoble",
        "Canopé Grenoble, salle Marie Reynoard",
    ],
};
const SAINT_ETIENNE: Venue = Venue {
    city: "Saint-Étienne",
    places: [
        "Salle 08 — Lycée Claude Fauriel, Saint-Étienne",
        "Canopé Saint-Étienne, salle Jules Verne",
    ],
};
const VALENCE: Venue = Venue {
    city: "Valence",
    places: [
        "Salle 21 — Lycée Émile Loubet, Valence",
        "Canopé Valence, salle Rovaltain",
    ],
};
const CHAMBERY: Venue = Venue {
    city: "Chambéry",
    places: [
        "Salle 5 — Lycée Louis Armand, Chambéry",
        "Canopé Chambéry, salle Savoie",
    ],
};
const ANNECY: Venue = Venue {
    city: "Annecy",
    places: [
        "Salle 210 — Lycée Berthollet, Annecy",
        "Canopé Annecy, salle du Semnoz",
    ],
};
const BOURG: Venue = Venue {
    city: "Bourg-en-Bresse",
    places: [
        "Salle 14 — Collège Jean de La Fontaine, Bourg-en-Bresse",
        "Canopé Bourg-en-Bresse, salle Brou",
    ],
};
const VILLEURBANNE: Venue = Venue {
    city: "Villeurbanne",
    places: [
        "Salle 204 — Collège Lucie Aubrac, Villeurbanne",
        "Salle polyvalente — Lycée Marie Curie, Villeurbanne",
    ],
};

#[derive(Debug, Clone, Copy)]
pub(crate) struct CohortSpec {
    /// Index into [`TRAININGS`].
    pub(crate) training: usize,
    group: u8,
    venue: Venue,
    pub(crate) timing: Timing,
    /// Indices into the trainers; each is one of the training's trainers.
    pub(crate) trainers: &'static [usize],
    /// Whether the demo trainee is enrolled.
    demo_trainee: bool,
}

const fn cohort(
    training: usize,
    group: u8,
    venue: Venue,
    timing: Timing,
    trainers: &'static [usize],
    demo_trainee: bool,
) -> CohortSpec {
    CohortSpec {
        training,
        group,
        venue,
        timing,
        trainers,
        demo_trainee,
    }
}

use Timing::{Closed, Draft, Ready, Running, Today};

/// 18 cohorts: 4 closed, 7 running, 4 ready, 3 draft.
pub(crate) const COHORTS: [CohortSpec; 18] = [
    cohort(0, 1, LYON, Closed { weeks_ago: 6 }, &[0], true),
    cohort(0, 2, GRENOBLE, Ready { in_days: 15 }, &[1], false),
    cohort(1, 1, LYON, Today { step: 2 }, &[0, 2], true),
    cohort(
        1,
        2,
        GRENOBLE,
        Running {
            step: 3,
            offset: -2,
        },
        &[2],
        false,
    ),
    cohort(
        2,
        1,
        VALENCE,
        Running { step: 2, offset: 1 },
        &[3, 4],
        false,
    ),
    cohort(3, 1, SAINT_ETIENNE, Closed { weeks_ago: 4 }, &[5], false),
    cohort(3, 2, BOURG, Ready { in_days: 9 }, &[6], false),
    cohort(
        4,
        1,
        ANNECY,
        Running {
            step: 2,
            offset: -3,
        },
        &[7],
        false,
    ),
    cohort(
        5,
        1,
        VILLEURBANNE,
        Running { step: 2, offset: 2 },
        &[0, 9],
        false,
    ),
    cohort(5, 2, SAINT_ETIENNE, Ready { in_days: 22 }, &[9], false),
    cohort(6, 1, GRENOBLE, Closed { weeks_ago: 3 }, &[1, 3], false),
    cohort(7, 1, LYON, Draft { in_weeks: 11 }, &[2, 5], false),
    cohort(8, 1, LYON, Closed { weeks_ago: 5 }, &[4, 6], false),
    cohort(8, 2, GRENOBLE, Draft { in_weeks: 13 }, &[6], false),
    cohort(9, 1, CHAMBERY, Running { step: 2, offset: 4 }, &[7], false),
    cohort(9, 2, VALENCE, Draft { in_weeks: 15 }, &[9], false),
    cohort(10, 1, VILLEURBANNE, Ready { in_days: 27 }, &[8, 3], false),
    cohort(11, 1, LYON, Running { step: 3, offset: 1 }, &[0, 1], false),
];

/// About 36 trainees follow two cohorts; everyone else follows one.
const TOTAL_ENROLLMENTS: usize = 336;
const MIN_COHORT: usize = 12;
const MAX_COHORT: usize = 25;

/// A cohort, computed, before it is written.
#[derive(Debug, Clone)]
pub(crate) struct CohortPlan {
    spec: CohortSpec,
    label: String,
    course_url: Option<String>,
    room_url: Option<String>,
    place: &'static str,
    slots: Vec<Slot>,
    /// Indices into the trainees; 0 is the demo trainee.
    trainees: Vec<usize>,
}

impl CohortPlan {
    fn status(&self) -> CohortStatus {
        match self.spec.timing {
            Closed { .. } => CohortStatus::Closed,
            Running { .. } | Today { .. } => CohortStatus::Running,
            Ready { .. } => CohortStatus::Ready,
            Draft { .. } => CohortStatus::Draft,
        }
    }

    fn starts_on(&self) -> Date {
        bounds(&self.slots).0
    }

    fn ends_on(&self) -> Date {
        bounds(&self.slots).1
    }
}

/// The 18 cohorts around `today`: their schedule, links and trainees.
pub(crate) fn cohort_plans(today: Date) -> Vec<CohortPlan> {
    let sizes = cohort_sizes();
    let mut enrolled: Vec<Vec<usize>> = vec![Vec::new(); TRAINEES]; // trainee → trainings
    let mut order: Vec<usize> = (1..TRAINEES).collect();
    let mut rng = Lcg::new(0x48_213);
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut next = 0usize;
    let mut plans = Vec::new();
    for (i, spec) in COHORTS.iter().enumerate() {
        let seed = 0xC0_4057 + i as u64;
        let steps = TRAININGS[spec.training].steps;
        let slots = place_cohort(steps, spec.timing, today, seed);

        let mut trainees = Vec::new();
        if spec.demo_trainee {
            trainees.push(0);
            enrolled[0].push(spec.training);
        }
        // Walk the shuffled trainees round and round: a first lap gives everyone a cohort, the
        // second gives some a second one (never two cohorts of the same training).
        let mut tries = 0;
        while trainees.len() < sizes[i] && tries < 2 * TRAINEES {
            let t = order[next % order.len()];
            next += 1;
            tries += 1;
            if enrolled[t].len() < 2 && !enrolled[t].contains(&spec.training) {
                enrolled[t].push(spec.training);
                trainees.push(t);
            }
        }

        let mut rng = Lcg::new(seed);
        let prepared = !matches!(spec.timing, Draft { .. });
        let course_id = 2400 + 53 * i + rng.below(40);
        let room_url = prepared.then(|| {
            let room = 10_000 + rng.below(90_000);
            let creator = 1200 + 97 * spec.trainers[0] + rng.below(90);
            let hash: String = (0..40).map(|_| char::from(b"0123456789abcdef"[rng.below(16)])).collect();
            format!("https://visio-agents.education.fr/meeting/signin/{room}/creator/{creator}/hash/{hash}")
        });
        plans.push(CohortPlan {
            spec: *spec,
            label: format!("Groupe {} — {}", spec.group, spec.venue.city),
            course_url: prepared.then(|| {
                format!("https://magistere.education.fr/ac-demo/course/view.php?id={course_id}")
            }),
            room_url,
            place: spec.venue.places[usize::from(spec.group - 1) % 2],
            slots,
            trainees,
        });
    }
    plans
}

/// Cohort sizes between 12 and 25 adding up to [`TOTAL_ENROLLMENTS`].
fn cohort_sizes() -> Vec<usize> {
    let mut rng = Lcg::new(0x5E55_1045);
    let mut sizes: Vec<usize> = COHORTS
        .iter()
        .map(|_| MIN_COHORT + rng.below(MAX_COHORT - MIN_COHORT + 1))
        .collect();
    let mut i = 0;
    while sizes.iter().sum::<usize>() != TOTAL_ENROLLMENTS {
        let total: usize = sizes.iter().sum();
        let s = &mut sizes[i % COHORTS.len()];
        if total < TOTAL_ENROLLMENTS && *s < MAX_COHORT {
            *s += 1;
        } else if total > TOTAL_ENROLLMENTS && *s > MIN_COHORT {
            *s -= 1;
        }
        i += 1;
    }
    sizes
}

/// What writing the cohorts added up to.
#[derive(Debug, Default)]
pub(crate) struct Written {
    pub(crate) cohorts: usize,
    pub(crate) enrollments: usize,
    pub(crate) activities: usize,
}

/// Writes the planned cohorts: their trainers, trainees and activities (times in `tz`), then the
/// lifecycle up to their status.
pub(crate) async fn create_all(
    store: &Store,
    tz: &TimeZone,
    plans: &[CohortPlan],
    trainings: &TrainingIds,
    trainer_ids: &[i64],
    trainee_ids: &[i64],
) -> Result<Written, StoreError> {
    let mut written = Written::default();
    for c in plans {
        let cohort = create(store, c, trainings.ids[c.spec.training]).await?;
        for &t in c.spec.trainers {
            cohorts::assign_trainer(store, cohort, trainer_ids[t]).await?;
        }
        let enrolled: Vec<i64> = c.trainees.iter().map(|&t| trainee_ids[t]).collect();
        written.enrollments += cohorts::enroll(store, cohort, &enrolled).await?;
        let step_ids = &trainings.step_ids[c.spec.training];
        written.activities += add_activities(store, tz, cohort, c, step_ids).await?;
        for next in lifecycle_to(c.status()) {
            cohorts::set_status(store, cohort, *next).await?;
        }
        written.cohorts += 1;
    }
    Ok(written)
}

/// Writes a planned cohort of the training `training_id` (a draft, without anyone); returns its id.
async fn create(store: &Store, c: &CohortPlan, training_id: i64) -> Result<i64, StoreError> {
    let cohort = cohorts::create(
        store,
        &NewCohort {
            training_id,
            label: Title::parse(&c.label).map_err(refused)?,
            gaia_session_id: Some(c.spec.group.to_string()),
            starts_on: c.starts_on(),
            ends_on: c.ends_on(),
            course_url: c.course_url.clone(),
        },
    )
    .await?;
    Ok(cohort.id)
}

/// Writes a cohort's activities, one per scheduled step (`step_ids` are the training's steps);
/// returns how many.
async fn add_activities(
    store: &Store,
    tz: &TimeZone,
    cohort_id: i64,
    c: &CohortPlan,
    step_ids: &[i64],
) -> Result<usize, StoreError> {
    let spec = &TRAININGS[c.spec.training];
    let mut added = 0;
    for slot in &c.slots {
        let step = &spec.steps[slot.step];
        let modality = modality(step)?;
        let (place, room_url) = match modality {
            Modality::InPerson => (Some(c.place.to_owned()), None),
            Modality::VirtualClass | Modality::Webinar => (None, c.room_url.clone()),
            Modality::Async => (None, None),
        };
        cohorts::add_activity(
            store,
            cohort_id,
            &NewActivity {
                step_id: Some(step_ids[slot.step]),
                title: Title::parse(step.title).map_err(refused)?,
                modality,
                starts_at: instant(tz, slot.start)?,
                ends_at: instant(tz, slot.end)?,
                place,
                room_url,
            },
        )
        .await?;
        added += 1;
    }
    Ok(added)
}

/// A civil time of a schedule, in `tz`, as an instant.
pub(crate) fn instant(tz: &TimeZone, at: DateTime) -> Result<Timestamp, StoreError> {
    at.to_zoned(tz.clone())
        .map(|z| z.timestamp())
        .map_err(|_| StoreError::Refused("demo_time_zone"))
}

/// The statuses a new (draft) cohort goes through to reach `status`.
fn lifecycle_to(status: CohortStatus) -> &'static [CohortStatus] {
    const LIFECYCLE: [CohortStatus; 4] = [
        CohortStatus::Ready,
        CohortStatus::Running,
        CohortStatus::Closed,
        CohortStatus::Archived,
    ];
    let reached = LIFECYCLE
        .iter()
        .position(|s| *s == status)
        .map_or(0, |i| i + 1);
    &LIFECYCLE[..reached]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{is_working_day, next_working_day, DRAFT_EARLIEST};
    use jiff::civil::date;
    use jiff::ToSpan;

    /// Every day of a school year and its summers, then every eleventh day (so that weekdays and
    /// Easter vary) up to 2032: dates, statuses and enrollments stay coherent.
    #[test]
    fn schedules_hold_for_any_today() {
        let mut today = date(2026, 8, 1);
        while today <= date(2032, 12, 31) {
            check_plans(today, &cohort_plans(today));
            let step = if today < date(2027, 10, 1) { 1 } else { 11 };
            today = today.saturating_add(step.days());
        }
    }

    fn check_plans(today: Date, plans: &[CohortPlan]) {
        assert_eq!(plans.len(), 18);
        let mut per_trainee = vec![0; TRAINEES];
        for plan in plans {
            let steps = TRAININGS[plan.spec.training].steps;
            assert_eq!(plan.slots.len(), steps.len(), "{today} {}", plan.label);
            assert!(
                (MIN_COHORT..=MAX_COHORT).contains(&plan.trainees.len()),
                "{today} {}",
                plan.label
            );
            for &t in &plan.trainees {
                per_trainee[t] += 1;
            }
            let (first, last) = (plan.starts_on(), plan.ends_on());
            match plan.status() {
                CohortStatus::Closed => assert!(
                    last < today.saturating_add((-20).days()),
                    "{today} {}",
                    plan.label
                ),
                CohortStatus::Running => {
                    assert!(first < today && today < last, "{today} {}", plan.label)
                }
                CohortStatus::Ready => {
                    assert!(
                        first > today.saturating_add(6.days()),
                        "{today} {}",
                        plan.label
                    );
                    // Within four weeks, or at the end of the school holidays that follow.
                    let latest = next_working_day(today.saturating_add(27.days()));
                    assert!(first <= latest, "{today} {}", plan.label);
                }
                _ => assert!(
                    first >= today.saturating_add(DRAFT_EARLIEST.days()),
                    "{today} {}",
                    plan.label
                ),
            }
            for pair in plan.slots.windows(2) {
                assert!(
                    pair[0].start < pair[1].start,
                    "{today} {} steps in order",
                    plan.label
                );
            }
            for slot in &plan.slots {
                assert!(slot.start < slot.end);
                let step = &steps[slot.step];
                let pinned_today = matches!(plan.spec.timing, Today { step } if step == slot.step);
                if step.modality == "async" {
                    let days = slot.start.date().until(slot.end.date()).unwrap().get_days();
                    assert!((7..=14).contains(&days));
                    assert_eq!(
                        (slot.start.hour(), slot.end.hour(), slot.end.minute()),
                        (8, 23, 59)
                    );
                } else {
                    assert_eq!(slot.start.date(), slot.end.date());
                    assert_eq!(
                        slot.start.date().until(slot.end.date()).unwrap().get_days(),
                        0,
                        "synchronous steps last less than a day"
                    );
                    assert_eq!(
                        slot.start.duration_until(slot.end).as_mins(),
                        i64::from(step.minutes)
                    );
                    if pinned_today {
                        assert_eq!(slot.start.date(), today);
                    }
                }
                assert!(
                    pinned_today || is_working_day(slot.start.date()),
                    "{today} {}",
                    plan.label
                );
            }
        }
        assert_eq!(per_trainee[0], 2, "the demo trainee follows two cohorts");
        assert!(per_trainee.iter().all(|&n| (1..=2).contains(&n)), "{today}");
        let demo = plans
            .iter()
            .find(|p| matches!(p.spec.timing, Today { .. }))
            .unwrap();
        assert!(demo.spec.trainers.contains(&0) && demo.trainees.contains(&0));
        assert!(demo
            .slots
            .iter()
            .any(|s| s.start.date() == today && TRAININGS[1].steps[s.step].modality != "async"));
    }
}
