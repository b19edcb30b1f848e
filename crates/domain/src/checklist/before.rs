//! The "before" phase: the duties to fulfil before a cohort opens.

use super::item::{Evidence, Item, Phase, Status};
use crate::qualification::Standing;
use jiff::civil::Date;

/// The digital space of a cohort.
#[derive(Debug, Clone, Default)]
pub struct SpaceFacts {
    pub has_course_url: bool,
    /// Titles of distance synchronous activities with no virtual room.
    pub activities_without_room: Vec<String>,
    /// Titles of in-person activities with no place.
    pub activities_without_place: Vec<String>,
    pub activities: usize,
    /// What M@gistère said of the cohort's course when its staff last checked it.
    pub magistere: Option<CourseCheck>,
}

/// A cohort's M@gistère course as read through the web service.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
pub struct CourseCheck {
    /// When it was read (Unix seconds).
    pub checked_at: i64,
    /// The course's full name, when it was found.
    pub course: Option<String>,
    /// Why it could not be read (`not-found`, `invalid-token`, `unreachable`, …).
    pub failure: Option<String>,
    /// The cohort's trainees enrolled in the course.
    pub enrolled: usize,
    /// The cohort's trainees the course does not have (« Prénom Nom »).
    pub missing: Vec<String>,
}

pub fn space_configured(f: &SpaceFacts) -> Item {
    let mut evidence = Vec::new();
    let mut status = Status::Done;
    if f.has_course_url {
        evidence.push(Evidence::new("evidence-course-url"));
    } else {
        status = Status::Todo;
        evidence.push(Evidence::new("evidence-no-course-url"));
    }
    match &f.magistere {
        None => {}
        Some(CourseCheck {
            failure: Some(why), ..
        }) => {
            status = Status::Todo;
            evidence.push(Evidence::new(if why == "not-found" {
                "evidence-magistere-not-found"
            } else {
                "evidence-magistere-unreadable"
            }));
        }
        Some(c) => {
            let course = c.course.clone().unwrap_or_default();
            if c.missing.is_empty() {
                evidence.push(
                    Evidence::new("evidence-magistere-ok")
                        .with("course", &course)
                        .with("count", c.enrolled),
                );
            } else {
                status = Status::Todo;
                for name in &c.missing {
                    evidence.push(
                        Evidence::new("evidence-magistere-missing")
                            .with("course", &course)
                            .with("name", name),
                    );
                }
            }
        }
    }
    if f.activities == 0 {
        status = Status::Todo;
        evidence.push(Evidence::new("evidence-no-activities"));
    }
    for t in &f.activities_without_room {
        status = Status::Todo;
        evidence.push(Evidence::new("evidence-no-room").with("title", t));
    }
    for t in &f.activities_without_place {
        status = Status::Todo;
        evidence.push(Evidence::new("evidence-no-place").with("title", t));
    }
    if status == Status::Done {
        evidence.push(Evidence::new("evidence-rooms-ok").with("count", f.activities));
    }
    Item {
        phase: Phase::Before,
        key: "space_configured",
        status,
        evidence,
    }
}

/// The scenario, judged by `scenario::advise_scenario`.
pub fn scenario_articulated(
    advice: &[crate::scenario::Advice],
    modalities: usize,
    steps: usize,
) -> Item {
    let blocking: Vec<&crate::scenario::Advice> =
        advice.iter().filter(|a| a.blocks_articulation()).collect();
    let status = if blocking.is_empty() {
        Status::Done
    } else {
        Status::Todo
    };
    let mut evidence = vec![Evidence::new("evidence-scenario-summary")
        .with("steps", steps)
        .with("modalities", modalities)];
    for a in blocking {
        evidence.push(Evidence::new(a.key()));
    }
    Item {
        phase: Phase::Before,
        key: "scenario_articulated",
        status,
        evidence,
    }
}

/// The accompaniment plan: which of its parts are filled in.
#[derive(Debug, Clone, Default)]
pub struct AccompanimentFacts {
    pub exists: bool,
    pub channels: bool,
    pub response_hours: bool,
    pub tutoring_slots: bool,
    pub technical_contact: bool,
    pub exchange_hours: bool,
}

pub fn accompaniment_planned(f: &AccompanimentFacts) -> Item {
    if !f.exists {
        return Item {
            phase: Phase::Before,
            key: "accompaniment_planned",
            status: Status::Todo,
            evidence: vec![Evidence::new("evidence-no-accompaniment")],
        };
    }
    let missing: Vec<Evidence> = [
        (f.channels, "evidence-missing-channels"),
        (f.response_hours, "evidence-missing-response"),
        (f.tutoring_slots, "evidence-missing-tutoring"),
        (f.technical_contact, "evidence-missing-technical"),
        (f.exchange_hours, "evidence-missing-exchange-hours"),
    ]
    .into_iter()
    .filter(|(ok, _)| !ok)
    .map(|(_, k)| Evidence::new(k))
    .collect();
    let status = if missing.is_empty() {
        Status::Done
    } else {
        Status::Todo
    };
    let evidence = if missing.is_empty() {
        vec![Evidence::new("evidence-accompaniment-complete")]
    } else {
        missing
    };
    Item {
        phase: Phase::Before,
        key: "accompaniment_planned",
        status,
        evidence,
    }
}

/// A trainer's most relevant equipment check.
#[derive(Debug, Clone)]
pub struct TrainerEquipment {
    pub name: String,
    /// When the last check was made (Unix seconds) and whether everything worked.
    pub last_check: Option<(i64, bool)>,
}

/// `first_synchronous`: the start of the cohort's first distance synchronous activity, if any.
pub fn equipment_tested(
    trainers: &[TrainerEquipment],
    first_synchronous: Option<i64>,
    now: i64,
) -> Item {
    let key = "equipment_tested";
    let Some(first) = first_synchronous else {
        return Item {
            phase: Phase::Before,
            key,
            status: Status::NotApplicable,
            evidence: vec![Evidence::new("evidence-no-synchronous")],
        };
    };
    if trainers.is_empty() {
        return Item {
            phase: Phase::Before,
            key,
            status: Status::Todo,
            evidence: vec![Evidence::new("evidence-no-trainer")],
        };
    }
    let mut status = Status::Done;
    let mut evidence = Vec::new();
    for t in trainers {
        match t.last_check {
            None => {
                status = status.max(Status::Todo);
                evidence.push(Evidence::new("evidence-equipment-untested").with("name", &t.name));
            }
            Some((_, false)) => {
                status = status.max(Status::Todo);
                evidence.push(Evidence::new("evidence-equipment-failed").with("name", &t.name));
            }
            Some((at, true)) if at > first && first <= now => {
                // Tested, but only after the first synchronous activity had begun.
                status = status.max(Status::Warning);
                evidence.push(Evidence::new("evidence-equipment-late").with("name", &t.name));
            }
            Some((_, true)) => {
                evidence.push(Evidence::new("evidence-equipment-ok").with("name", &t.name))
            }
        }
    }
    Item {
        phase: Phase::Before,
        key,
        status,
        evidence,
    }
}

/// Every trainer of the cohort is qualified in hybrid delivery, by the register (and within the
/// académie's validity). When one is not, `next_session` names the next session of a trainers'
/// training (its label and first day), where her pilot can train her.
pub fn trainer_qualified(
    trainers: &[(String, Standing)],
    next_session: Option<(&str, Date)>,
) -> Item {
    let key = "trainer_qualified";
    if trainers.is_empty() {
        return Item {
            phase: Phase::Before,
            key,
            status: Status::Todo,
            evidence: vec![Evidence::new("evidence-no-trainer")],
        };
    }
    let mut status = Status::Done;
    let mut evidence = Vec::new();
    for (name, standing) in trainers {
        evidence.push(match standing {
            Standing::Valid { until: None } => {
                Evidence::new("evidence-qualified").with("name", name)
            }
            Standing::Valid { until: Some(until) } => Evidence::new("evidence-qualified-until")
                .with("name", name)
                .with("day", until),
            Standing::Expired { on } => {
                status = Status::Todo;
                Evidence::new("evidence-qualification-expired")
                    .with("name", name)
                    .with("day", on)
            }
            Standing::Missing => {
                status = Status::Todo;
                Evidence::new("evidence-not-qualified").with("name", name)
            }
        });
    }
    if status == Status::Todo {
        evidence.push(match next_session {
            Some((label, day)) => Evidence::new("evidence-trainers-session")
                .with("session", label)
                .with("day", day),
            None => Evidence::new("evidence-no-trainers-session"),
        });
    }
    Item {
        phase: Phase::Before,
        key,
        status,
        evidence,
    }
}
