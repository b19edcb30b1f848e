//! Modalities of a hybrid training, ABC learning types, and the half-day, the unit of attendance.

use crate::Invalid;
use jiff::civil::Time;
use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    InPerson,
    VirtualClass,
    Webinar,
    Async,
}

impl Modality {
    pub const ALL: [Modality; 4] = [
        Modality::InPerson,
        Modality::VirtualClass,
        Modality::Webinar,
        Modality::Async,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Modality::InPerson => "in_person",
            Modality::VirtualClass => "virtual_class",
            Modality::Webinar => "webinar",
            Modality::Async => "async",
        }
    }

    pub fn parse(raw: &str) -> Result<Modality, Invalid> {
        match raw.trim() {
            "in_person" => Ok(Modality::InPerson),
            "virtual_class" => Ok(Modality::VirtualClass),
            "webinar" => Ok(Modality::Webinar),
            "async" => Ok(Modality::Async),
            "" => Err(Invalid::new("error-required")),
            other => Err(Invalid::with("error-modality-unknown", other)),
        }
    }

    /// Synchronous modalities happen at a set time and split into half-days.
    pub fn is_synchronous(self) -> bool {
        !matches!(self, Modality::Async)
    }

    /// Distance modalities need a virtual room or an online space.
    pub fn is_distance(self) -> bool {
        !matches!(self, Modality::InPerson)
    }

    /// Which of the training's three declared hour budgets this modality counts against.
    pub fn budget(self) -> HoursBudget {
        match self {
            Modality::InPerson => HoursBudget::InPerson,
            Modality::VirtualClass | Modality::Webinar => HoursBudget::Synchronous,
            Modality::Async => HoursBudget::Asynchronous,
        }
    }
}

/// The three hour budgets a training declares (présentiel, distanciel synchrone, asynchrone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HoursBudget {
    InPerson,
    Synchronous,
    Asynchronous,
}

/// Laurillard's ABC learning types, used to describe each step of a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LearningType {
    Acquisition,
    Investigation,
    Practice,
    Production,
    Discussion,
    Collaboration,
}

impl LearningType {
    pub const ALL: [LearningType; 6] = [
        LearningType::Acquisition,
        LearningType::Investigation,
        LearningType::Practice,
        LearningType::Production,
        LearningType::Discussion,
        LearningType::Collaboration,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LearningType::Acquisition => "acquisition",
            LearningType::Investigation => "investigation",
            LearningType::Practice => "practice",
            LearningType::Production => "production",
            LearningType::Discussion => "discussion",
            LearningType::Collaboration => "collaboration",
        }
    }

    pub fn parse(raw: &str) -> Result<LearningType, Invalid> {
        LearningType::ALL
            .into_iter()
            .find(|t| t.as_str() == raw.trim())
            .ok_or_else(|| Invalid::with("error-learning-type-unknown", raw.trim()))
    }
}

/// Matin / après-midi. In-person and synchronous attendance is counted per half-day.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum HalfDay {
    Morning,
    Afternoon,
}

impl HalfDay {
    /// The boundary between morning and afternoon: an activity starting before 13:00 belongs
    /// to the morning.
    pub const NOON: Time = Time::constant(13, 0, 0, 0);

    pub fn of(start: Time) -> HalfDay {
        if start < Self::NOON {
            HalfDay::Morning
        } else {
            HalfDay::Afternoon
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            HalfDay::Morning => "morning",
            HalfDay::Afternoon => "afternoon",
        }
    }
}

impl TryFrom<String> for Modality {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        Modality::parse(&s)
    }
}

impl TryFrom<String> for LearningType {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        LearningType::parse(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modalities_round_trip() {
        for m in Modality::ALL {
            assert_eq!(Modality::parse(m.as_str()).unwrap(), m);
        }
        assert!(Modality::parse("hybrid").is_err());
        assert!(!Modality::Async.is_synchronous());
        assert_eq!(Modality::Webinar.budget(), HoursBudget::Synchronous);
    }

    #[test]
    fn half_day_boundary() {
        assert_eq!(HalfDay::of(Time::constant(8, 30, 0, 0)), HalfDay::Morning);
        assert_eq!(HalfDay::of(Time::constant(12, 59, 0, 0)), HalfDay::Morning);
        assert_eq!(HalfDay::of(Time::constant(13, 0, 0, 0)), HalfDay::Afternoon);
    }

    #[test]
    fn learning_types_round_trip() {
        for t in LearningType::ALL {
            assert_eq!(LearningType::parse(t.as_str()).unwrap(), t);
        }
    }
}
