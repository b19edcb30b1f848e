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

/// When a cohort ended, none while it has not: when its last activity was over
/// (`last_activity_end`, none without activities), or when it was closed (`closed_at`),
/// whichever came first. A closed or archived cohort has always ended (at `at` when its
/// closing moment is unknown). Its certificates exist from that moment, and are dated by it.
pub fn ended_at(
    status: CohortStatus,
    closed_at: Option<i64>,
    last_activity_end: Option<i64>,
    at: i64,
) -> Option<i64> {
    let over = last_activity_end.filter(|end| *end <= at);
    let closed = matches!(status, CohortStatus::Closed | CohortStatus::Archived)
        .then(|| closed_at.unwrap_or(at).min(at));
    match (over, closed) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
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

    #[test]
    fn a_cohort_ends_with_its_last_activity_or_its_closing() {
        use CohortStatus::*;
        let now = 1_000_000;
        assert_eq!(ended_at(Running, None, Some(now + 60), now), None);
        assert_eq!(ended_at(Running, None, None, now), None);
        assert_eq!(ended_at(Running, None, Some(now - 60), now), Some(now - 60));
        assert_eq!(
            ended_at(Closed, Some(now - 10), Some(now + 60), now),
            Some(now - 10)
        );
        assert_eq!(
            ended_at(Closed, Some(now - 10), Some(now - 60), now),
            Some(now - 60)
        );
        assert_eq!(ended_at(Archived, None, None, now), Some(now));
    }

    proptest::proptest! {
        #[test]
        fn the_end_is_never_in_the_future_and_closing_always_ends(
            status in proptest::sample::select(CohortStatus::ALL.to_vec()),
            closed_at in proptest::option::of(0i64..2_000_000),
            last in proptest::option::of(0i64..2_000_000),
            at in 0i64..2_000_000,
        ) {
            let end = ended_at(status, closed_at, last, at);
            proptest::prop_assert!(end.is_none_or(|e| e <= at));
            if matches!(status, CohortStatus::Closed | CohortStatus::Archived) {
                proptest::prop_assert!(end.is_some());
            }
            if last.is_some_and(|l| l <= at) {
                proptest::prop_assert!(end.is_some_and(|e| e <= last.unwrap()));
            }
        }
    }
}
