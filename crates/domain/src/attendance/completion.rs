//! Asynchronous activities: a trainee's declaration and the trainer's decision, and how the
//! time is credited.

use super::marks::{Channel, Kind, Mark};
use serde::{Deserialize, Serialize};

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

crate::words! {
    /// How an asynchronous activity's time is credited, as the scenario states it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum CreditRule (refused_with_value "error-credit-rule-unknown") {
        /// The estimated duration, on validation.
        EstimateOnValidation = "estimate_on_validation",
        /// The time the trainee declares, capped at the estimated duration, on validation.
        DeclaredCapped = "declared_capped",
    }
}

impl CreditRule {
    /// The minutes credited on validation.
    pub fn credit(self, estimate: i64, declared: Option<i64>) -> i64 {
        match self {
            CreditRule::EstimateOnValidation => estimate.max(0),
            CreditRule::DeclaredCapped => declared.unwrap_or(estimate).clamp(0, estimate.max(0)),
        }
    }
}
