//! A cohort's lifecycle: draft → ready → running → closed → archived.

use serde::{Deserialize, Serialize};

crate::words! {
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
    pub enum CohortStatus (refused_with_value "error-cohort-status-unknown") {
        Draft = "draft",
        Ready = "ready",
        Running = "running",
        Closed = "closed",
        Archived = "archived",
    }
}

impl CohortStatus {
    /// Closed, or archived since: its activities no longer take place.
    pub fn is_closed(self) -> bool {
        matches!(self, CohortStatus::Closed | CohortStatus::Archived)
    }

    /// Convocations (and the mails that come with a cohort's life) may go out once the cohort
    /// is ready, and while it runs.
    pub fn may_convoke(self) -> bool {
        matches!(self, CohortStatus::Ready | CohortStatus::Running)
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

crate::words! {
    /// Where a cohort stands as its people see it: its status, except that a cohort whose last
    /// activity is over reads « terminée » until its staff close it.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum Stage (refused_with_value "error-cohort-status-unknown") {
        #[default]
        Draft = "draft",
        Ready = "ready",
        Running = "running",
        /// Its last activity is over; it waits to be closed.
        Ended = "ended",
        Closed = "closed",
        Archived = "archived",
    }
}

/// The stage of a cohort with this status whose last activity ends at `last_activity_end`
/// (none without activities), at `at`.
pub fn stage(status: CohortStatus, last_activity_end: Option<i64>, at: i64) -> Stage {
    let over = last_activity_end.is_some_and(|end| end <= at);
    match status {
        CohortStatus::Ready | CohortStatus::Running if over => Stage::Ended,
        CohortStatus::Draft => Stage::Draft,
        CohortStatus::Ready => Stage::Ready,
        CohortStatus::Running => Stage::Running,
        CohortStatus::Closed => Stage::Closed,
        CohortStatus::Archived => Stage::Archived,
    }
}

/// How long after closing a cohort its staff may undo the closing (a declaration forgotten, a
/// correction to make): seven days.
pub const REOPEN_SECONDS: i64 = 7 * 24 * 3600;

/// Until when a cohort closed at `closed_at` may be reopened.
pub fn reopen_until(closed_at: i64) -> i64 {
    closed_at + REOPEN_SECONDS
}

/// Whether a cohort with this status, closed at `closed_at`, may be reopened at `at`.
pub fn may_reopen(status: CohortStatus, closed_at: Option<i64>, at: i64) -> bool {
    status == CohortStatus::Closed && closed_at.is_some_and(|c| at < reopen_until(c))
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
    let closed = status.is_closed().then(|| closed_at.unwrap_or(at).min(at));
    match (over, closed) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cohort_reads_ended_once_its_last_activity_is_over_until_it_is_closed() {
        use CohortStatus::*;
        assert_eq!(stage(Running, Some(100), 99), Stage::Running);
        assert_eq!(stage(Running, Some(100), 100), Stage::Ended);
        assert_eq!(stage(Ready, Some(100), 200), Stage::Ended);
        assert_eq!(stage(Running, None, 200), Stage::Running);
        assert_eq!(stage(Draft, Some(100), 200), Stage::Draft);
        assert_eq!(stage(Closed, Some(100), 200), Stage::Closed);
        assert_eq!(stage(Archived, None, 200), Stage::Archived);
    }

    #[test]
    fn a_closing_is_undone_within_seven_days_only() {
        use CohortStatus::*;
        assert!(may_reopen(Closed, Some(1_000), 1_000 + REOPEN_SECONDS - 1));
        assert!(!may_reopen(Closed, Some(1_000), 1_000 + REOPEN_SECONDS));
        assert!(!may_reopen(Closed, None, 1_000));
        assert!(!may_reopen(Archived, Some(1_000), 1_001));
        assert!(!may_reopen(Running, Some(1_000), 1_001));
    }

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
            if status.is_closed() {
                proptest::prop_assert!(end.is_some());
            }
            if last.is_some_and(|l| l <= at) {
                proptest::prop_assert!(end.is_some_and(|e| e <= last.unwrap()));
            }
        }
    }
}
