//! A cohort's lifecycle: draft → ready → running → closed → archived.

use crate::Invalid;
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
pub enum CohortStatus {
    Draft,
    Ready,
    Running,
    Closed,
    Archived,
}

impl CohortStatus {
    /// Convocations (and the mails that come with a cohort's life) may go out once the cohort
    /// is ready, and while it runs.
    pub fn may_convoke(self) -> bool {
        matches!(self, CohortStatus::Ready | CohortStatus::Running)
    }

    pub const ALL: [CohortStatus; 5] = [
        CohortStatus::Draft,
        CohortStatus::Ready,
        CohortStatus::Running,
        CohortStatus::Closed,
        CohortStatus::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CohortStatus::Draft => "draft",
            CohortStatus::Ready => "ready",
            CohortStatus::Running => "running",
            CohortStatus::Closed => "closed",
            CohortStatus::Archived => "archived",
        }
    }

    pub fn parse(raw: &str) -> Result<CohortStatus, Invalid> {
        CohortStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == raw.trim())
            .ok_or_else(|| Invalid::with("error-cohort-status-unknown", raw.trim()))
    }

    /// Moves forward one stage at a time; a ready cohort may go back to draft to be reworked.
    pub fn can_become(self, next: CohortStatus) -> bool {
        use CohortStatus::*;
        matches!(
            (self, next),
            (Draft, Ready)
                | (Ready, Draft)
                | (Ready, Running)
                | (Running, Closed)
                | (Closed, Archived)
        )
    }

    /// Enrollments and schedule can change until the cohort is closed.
    pub fn is_editable(self) -> bool {
        matches!(
            self,
            CohortStatus::Draft | CohortStatus::Ready | CohortStatus::Running
        )
    }
}

impl TryFrom<String> for CohortStatus {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        CohortStatus::parse(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifecycle() {
        use CohortStatus::*;
        assert!(Draft.can_become(Ready));
        assert!(Ready.can_become(Running));
        assert!(!Draft.can_become(Running));
        assert!(!Closed.can_become(Running));
        assert!(!Archived.can_become(Draft));
        for s in CohortStatus::ALL {
            assert_eq!(CohortStatus::parse(s.as_str()).unwrap(), s);
            assert!(!s.can_become(s));
        }
        assert!(!Closed.is_editable());
    }
}
