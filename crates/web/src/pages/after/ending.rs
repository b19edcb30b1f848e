//! What pages show of a cohort's end: to those who close it, the declarations of distance work
//! awaiting a decision (each with where to decide it); to a trainee, her certificate once
//! issued, or why not yet; to the staff, why some certificates are not issued.

use super::*;
use hybride_training::certificates::{self, Issuing};
use hybride_training::closing::{self, PendingDeclaration};
use hybride_training::cohorts::Activity;

/// The declarations awaiting a decision, as pages list them: who, which activity, when
/// declared (each links to its activity's sheet, where it is decided).
pub fn pending_rows(pending: &[PendingDeclaration]) -> Vec<minijinja::Value> {
    pending.iter().map(|p| context! { p => p }).collect()
}

/// A trainee's certificate as her pages show it: issued (`ready`), or why not yet (`refusal`:
/// `not-ended`, `not-ended-undated` when the cohort has no activity, `unsigned`,
/// `declarations-pending`), with when the cohort's last activity ends.
pub fn trainee_certificate(issuing: &Issuing, user: i64) -> minijinja::Value {
    let refusal = issuing.refusal(user).map(|r| {
        let r = r.trim_start_matches("certificate_").replace('_', "-");
        match (r.as_str(), issuing.last_activity_end) {
            ("not-ended", None) => "not-ended-undated".to_owned(),
            _ => r,
        }
    });
    context! {
        ready => refusal.is_none(),
        refusal => refusal,
        ends_at => issuing.last_activity_end,
    }
}

/// The cohort page's part about its end (`closer`: the viewer may close it). Up to four
/// statements for a closer of a running cohort, two for a trainee, none otherwise.
pub async fn cohort_end(
    s: &Store,
    user: &User,
    c: &Cohort,
    activities: &[Activity],
    closer: bool,
) -> Result<minijinja::Value, AppError> {
    if closer && c.status == CohortStatus::Running {
        let pending = closing::pending(s, c).await?;
        return Ok(context! { pending => pending_rows(&pending.declarations) });
    }
    if access::attends(user) {
        let hers: Vec<_> = cohorts::enrollments(s, c.id)
            .await?
            .into_iter()
            .filter(|e| e.user_id == user.id)
            .collect();
        let events = if certificates::ended_at(c, activities, hybride_training::now()).is_some() {
            hybride_training::attendance::of_cohort_subject(s, c.id, user.id).await?
        } else {
            Vec::new()
        };
        let issuing = certificates::issuing_of(s, c, activities, &hers, Some(&events)).await?;
        return Ok(context! { certificate => trainee_certificate(&issuing, user.id) });
    }
    Ok(context! {})
}

/// Each trainee's certificate (see [`trainee_certificate`]), keyed by her id as text, for the
/// pages that list trainees. Up to five statements.
pub async fn certificates_of(
    s: &Store,
    c: &Cohort,
    users: impl IntoIterator<Item = i64>,
) -> Result<std::collections::BTreeMap<String, minijinja::Value>, AppError> {
    let issuing = certificates::issuing(s, c).await?;
    Ok(users
        .into_iter()
        .map(|u| (u.to_string(), trainee_certificate(&issuing, u)))
        .collect())
}
