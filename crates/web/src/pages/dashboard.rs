//! Each role lands on a dashboard made for it.

use super::page;
use crate::access::Anyone;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use hybride_domain::cohort::Stage;
use hybride_domain::Role;
use hybride_training::cohorts::{self, Cohort, CohortFilter};
use hybride_training::people::{self, UserFilter};
use hybride_training::trainings::{self, TrainingFilter};
use hybride_training::{now, plans};
use minijinja::context;

pub async fn home(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let user = &who.user;
    let data = match user.role {
        Role::Admin => admin_home(s).await?,
        Role::Pilot => pilot_home(s, user.id).await?,
        Role::Trainer | Role::Trainee => {
            let filter = if user.role == Role::Trainer {
                CohortFilter {
                    trainer_id: Some(user.id),
                    ..Default::default()
                }
            } else {
                CohortFilter {
                    trainee_id: Some(user.id),
                    ..Default::default()
                }
            };
            let mut cohorts = cohorts::list(s, filter).await?;
            if user.role == Role::Trainee {
                // An archived cohort's contents are no longer available to its trainees.
                cohorts.retain(|c| c.status != hybride_domain::CohortStatus::Archived);
            }
            let upcoming: Vec<_> = cohorts::upcoming_for(s, user.id, now(), 8)
                .await?
                .into_iter()
                .map(|(a, training)| context! { activity => a, training => training })
                .collect();
            // The accompaniment to give now: overdue questions, quiet trainees, per running cohort.
            let mut flags = Vec::new();
            if user.role == Role::Trainer {
                for c in cohorts
                    .iter()
                    .filter(|c| c.status == hybride_domain::CohortStatus::Running)
                {
                    let acc = hybride_training::discussion::accompaniment(s, c).await?;
                    if !acc.overdue.is_empty() || !acc.inactive.is_empty() {
                        flags.push(context! {
                            cohort => c,
                            overdue => acc.overdue.len(),
                            inactive => acc.inactive.len(),
                        });
                    }
                }
            }
            let (progress, unqualified) = if user.role == Role::Trainer {
                let progress = preparation(s, &cohorts).await?;
                let qualified = hybride_training::qualifications::standing(s, user.id)
                    .await?
                    .is_valid();
                (
                    progress,
                    !qualified && cohorts.iter().any(|c| c.status.is_editable()),
                )
            } else {
                (std::collections::BTreeMap::new(), false)
            };
            let (surveys, sign_open) = if user.role == Role::Trainee {
                // The half-days open to her signature right now, not yet signed.
                let open = hybride_training::attendance::signable(s, user.id)
                    .await?
                    .iter()
                    .filter(|x| x.signed_at.is_none())
                    .count();
                (
                    hybride_training::surveys::pending(s, user.id, now()).await?,
                    open,
                )
            } else {
                (Vec::new(), 0)
            };
            let ended = if user.role == Role::Trainer {
                ended(&cohorts)
            } else {
                Vec::new()
            };
            context! { ended => ended, cohorts => cohorts, upcoming => upcoming, now => now(), progress => progress, unqualified => unqualified, flags => flags, surveys => surveys, sign_open => sign_open }
        }
    };
    // Where enrolling a second factor is suggested rather than required (the demo's admin),
    // the home page offers it until it is done (the rule only ever suggests it to admins: the
    // other homes, trainees' above all, are spared the queries).
    let second_factor_suggested = user.role == Role::Admin
        && hybride_training::second_factor::enrolment(&state, user).await?
            == hybride_training::second_factor::Enrolment::Suggested
        && hybride_training::second_factor::status(s, user)
            .await?
            .is_none();
    // Planners see the trainers' requests to be trained that wait for an answer.
    let qualification_requests = if hybride_training::qualifications::may_answer(user) {
        hybride_training::qualifications::requests_for(s, user, true)
            .await?
            .len()
    } else {
        0
    };
    let (questions_waiting, questions_answered) =
        hybride_training::questions::on_home(s, user).await?;
    page(
        &state,
        &who.ctx,
        "dashboard.html",
        context! {
            role => user.role.as_str(), second_factor_suggested => second_factor_suggested,
            qualification_requests => qualification_requests, questions_waiting => questions_waiting,
            questions_answered => questions_answered, ..data
        },
        false,
    )
}

/// The admin's home: accounts by role, the plans, how many trainings and cohorts.
async fn admin_home(s: &hybride_training::Store) -> Result<minijinja::Value, AppError> {
    let mut counts = Vec::new();
    for role in Role::ALL {
        let f = UserFilter {
            role: Some(role),
            limit: 1,
            ..Default::default()
        };
        counts.push(context! { role => role.as_str(), count => people::count(s, &f).await? });
    }
    let trainings = trainings::list(s, TrainingFilter::default()).await?;
    let cohorts = cohorts::list(s, CohortFilter::default()).await?;
    Ok(context! {
        ended => ended(&cohorts),
        counts => counts,
        plans => plans::list(s).await?,
        trainings_count => trainings.len(),
        cohorts_count => cohorts.len(),
    })
}

/// A pilot's home: their trainings and cohorts, and how far each cohort's preparation is.
async fn pilot_home(
    s: &hybride_training::Store,
    pilot_id: i64,
) -> Result<minijinja::Value, AppError> {
    let trainings = trainings::list(
        s,
        TrainingFilter {
            pilot_id: Some(pilot_id),
            ..Default::default()
        },
    )
    .await?;
    let cohorts = cohorts::list(
        s,
        CohortFilter {
            pilot_id: Some(pilot_id),
            ..Default::default()
        },
    )
    .await?;
    let progress = preparation(s, &cohorts).await?;
    Ok(
        context! { ended => ended(&cohorts), trainings => trainings, cohorts => cohorts, progress => progress },
    )
}

/// The cohorts whose last activity is over and that wait for their staff to close them.
fn ended(cohorts: &[Cohort]) -> Vec<&Cohort> {
    cohorts.iter().filter(|c| c.stage == Stage::Ended).collect()
}

/// For cohorts still in preparation (draft or ready): how many "before" duties are done.
async fn preparation(
    s: &hybride_training::Store,
    list: &[cohorts::Cohort],
) -> Result<std::collections::BTreeMap<String, minijinja::Value>, AppError> {
    use hybride_domain::checklist::Status;
    use hybride_domain::CohortStatus;
    let mut out = std::collections::BTreeMap::new();
    for c in list
        .iter()
        .filter(|c| matches!(c.status, CohortStatus::Draft | CohortStatus::Ready))
    {
        let t = trainings::get(s, c.training_id).await?;
        let items = hybride_training::checklist::before(s, c, &t).await?;
        let applicable = items
            .iter()
            .filter(|i| i.status != Status::NotApplicable)
            .count();
        let done = items.iter().filter(|i| i.status == Status::Done).count();
        out.insert(
            c.id.to_string(),
            context! { done => done, total => applicable },
        );
    }
    Ok(out)
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::get;
    axum::Router::new().route("/", get(home))
}
