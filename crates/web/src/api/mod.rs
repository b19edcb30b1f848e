//! `/api/v1`: the JSON API, described by `/api/openapi.json`, which utoipa builds from the
//! handlers themselves so that it cannot drift from them.

mod accounts;
mod attendance;
mod before;
mod during;
mod equipment;
mod planning;

use crate::error::AppError;
use crate::AppState;
use axum::extract::{FromRequest, Request, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::sync::Arc;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Hybride",
        description = "Hybrid teacher training: plans, trainings, cohorts, attendance and proofs. \
                       Authenticate with `Authorization: Bearer TOKEN` (`hybride token create --email …`) \
                       or the session cookie. Errors are `application/problem+json`, in French or English \
                       following `Accept-Language`.",
        version = "1"
    ),
    modifiers(&Security),
    security(("bearer" = [])),
    components(schemas(ProblemDoc, FieldProblemDoc)),
    tags(
        (name = "accounts", description = "Accounts and roles"),
        (name = "planning", description = "Plans, trainings, cohorts and enrollments"),
        (name = "before", description = "Before the training: checklist, scenario, accompaniment, qualified trainers"),
        (name = "during", description = "During the training: convocations and personal links, opening message, instructions"),
        (name = "attendance", description = "Attendance in person, in virtual classes and in asynchronous work; each trainee's validation"),
    )
)]
struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// An error (RFC 9457).
#[derive(Serialize, ToSchema)]
#[schema(as = Problem)]
pub struct ProblemDoc {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: Option<String>,
    pub errors: Vec<FieldProblemDoc>,
}

/// What is wrong with one field.
#[derive(Serialize, ToSchema)]
#[schema(as = FieldProblem)]
pub struct FieldProblemDoc {
    pub field: String,
    pub message: String,
}

pub fn openapi_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(accounts::me))
        .routes(routes!(accounts::list_users, accounts::create_user))
        .routes(routes!(accounts::import_users))
        .routes(routes!(accounts::update_user))
        .routes(routes!(planning::list_plans, planning::create_plan))
        .routes(routes!(planning::list_trainings, planning::create_training))
        .routes(routes!(planning::get_training))
        .routes(routes!(planning::training_steps))
        .routes(routes!(
            planning::training_trainers,
            planning::add_training_trainer
        ))
        .routes(routes!(planning::remove_training_trainer))
        .routes(routes!(
            planning::cohort_trainers,
            planning::add_cohort_trainer
        ))
        .routes(routes!(planning::unenroll))
        .routes(routes!(planning::list_cohorts, planning::create_cohort))
        .routes(routes!(planning::get_cohort))
        .routes(routes!(planning::cohort_status))
        .routes(routes!(planning::list_enrollments, planning::enroll))
        .routes(routes!(planning::cohort_activities))
        .routes(routes!(equipment::list_checks, equipment::record_check))
        .routes(routes!(before::checklist))
        .routes(routes!(during::links))
        .routes(routes!(during::convoke))
        .routes(routes!(during::received))
        .routes(routes!(during::messages))
        .routes(routes!(during::put_opening))
        .routes(routes!(during::opening_draft))
        .routes(routes!(during::publish_opening))
        .routes(routes!(during::put_instructions))
        .routes(routes!(during::new_calendar))
        .routes(routes!(during::posts, during::add_post))
        .routes(routes!(during::accompaniment))
        .routes(routes!(attendance::validation))
        .routes(routes!(attendance::activity_attendance, attendance::mark))
        .routes(routes!(attendance::sign))
        .routes(routes!(attendance::bbb_analytics))
        .routes(routes!(before::scenario_advice))
        .routes(routes!(before::add_step))
        .routes(routes!(before::update_step, before::delete_step))
        .routes(routes!(
            before::get_accompaniment,
            before::put_accompaniment
        ))
        .routes(routes!(before::get_validation, before::put_validation))
        .routes(routes!(
            before::list_qualifications,
            before::add_qualification
        ))
}

/// The OpenAPI document, as served.
pub fn openapi() -> utoipa::openapi::OpenApi {
    openapi_router().split_for_parts().1
}

pub fn router() -> Router<AppState> {
    let (router, doc) = openapi_router().split_for_parts();
    let doc = Arc::new(serde_json::to_value(&doc).expect("the OpenAPI document serialises"));
    router
        .route(
            "/api/openapi.json",
            get(move || async move { Json(doc.as_ref().clone()) }),
        )
        .route("/readyz", get(readyz))
}

async fn readyz(State(state): State<AppState>) -> Result<&'static str, AppError> {
    state.store.ping().await.map_err(|e| {
        tracing::error!(error = %e, "database unreachable");
        AppError::Unavailable
    })?;
    Ok("ready")
}

/// A JSON body whose rejections are problems with a detail, like every other error.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => Err(AppError::BadRequest(rejection.body_text())),
        }
    }
}

/// Responses with a status of our choosing.
pub fn created<T: Serialize>(value: T) -> axum::response::Response {
    (axum::http::StatusCode::CREATED, Json(value)).into_response()
}
