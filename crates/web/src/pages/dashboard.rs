//! Each role lands on a dashboard made for it.

use super::page;
use crate::access::Anyone;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use hybride_domain::Role;
use hybride_store::cohorts::{self, CohortFilter};
use hybride_store::people::{self, UserFilter};
use hybride_store::trainings::{self, TrainingFilter};
use hybride_store::{now, plans};
use minijinja::context;

pub async fn home(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let user = &who.user;
    let data = match user.role {
        Role::Admin => {
            let mut counts = Vec::new();
            for role in Role::ALL {
                let f = UserFilter {
                    role: Some(role),
                    limit: 1,
                    ..Default::default()
                };
                counts
                    .push(context! { role => role.as_str(), count => people::count(s, &f).await? });
            }
            let trainings = trainings::list(s, TrainingFilter::default()).await?;
            let cohorts = cohorts::list(s, CohortFilter::default()).await?;
            context! {
                counts => counts,
                plans => plans::list(s).await?,
                trainings_count => trainings.len(),
                cohorts_count => cohorts.len(),
            }
        }
        Role::Pilot => {
            let trainings = trainings::list(
                s,
                TrainingFilter {
                    pilot_id: Some(user.id),
                    ..Default::default()
                },
            )
            .await?;
            let cohorts = cohorts::list(
                s,
                CohortFilter {
                    pilot_id: Some(user.id),
                    ..Default::default()
                },
            )
            .await?;
            context! { trainings => trainings, cohorts => cohorts }
        }
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
            let cohorts = cohorts::list(s, filter).await?;
            let upcoming: Vec<_> = cohorts::upcoming_for(s, user.id, now(), 8)
                .await?
                .into_iter()
                .map(|(a, training)| context! { activity => a, training => training })
                .collect();
            context! { cohorts => cohorts, upcoming => upcoming, now => now() }
        }
    };
    page(
        &state,
        &who.ctx,
        "dashboard.html",
        context! { role => user.role.as_str(), ..data },
        false,
    )
}
