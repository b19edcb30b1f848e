//! `/api/v1`: the JSON API, described by `/api/openapi.json`, which utoipa builds from the
//! handlers themselves so that it cannot drift from them.

mod accounts;
mod after;
mod attendance;
mod audit;
mod before;
mod bounds;
mod during;
mod equipment;
mod exports;
mod magistere;
mod planning;
mod qualifications;
mod questions;
mod retention;
mod sign_in;
mod signatory;
mod surveys;

use crate::error::AppError;
use crate::AppState;
use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
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
        (name = "after", description = "After the training: documents, bundle and its transmission, trainers' pay"),
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

/// Errors are served as `application/problem+json` (RFC 9457): say so in the document, where
/// utoipa writes `application/json` for every body; and document the errors any operation may
/// answer (a malformed request, no or a bad token, a role not admitted, an unknown id, refused
/// values, too many attempts), so that clients and schema-driven tests know them.
struct ProblemContentType;

const COMMON_ERRORS: [(&str, &str); 6] = [
    (
        "400",
        "Malformed request (not JSON, wrong types, a non-numeric id)",
    ),
    ("401", "No valid token or session"),
    ("403", "The caller's role is not admitted"),
    ("404", "No such resource, or not visible to the caller"),
    ("422", "Values refused, field by field"),
    ("429", "Too many attempts; try again later"),
];

impl Modify for ProblemContentType {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::RefOr;
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                item.get.as_mut(),
                item.put.as_mut(),
                item.post.as_mut(),
                item.delete.as_mut(),
                item.patch.as_mut(),
            ];
            for op in operations.into_iter().flatten() {
                for (status, description) in COMMON_ERRORS {
                    if !op.responses.responses.contains_key(status) {
                        let problem = utoipa::openapi::ResponseBuilder::new()
                            .description(description)
                            .content(
                                "application/json",
                                utoipa::openapi::ContentBuilder::new()
                                    .schema(Some(utoipa::openapi::Ref::from_schema_name("Problem")))
                                    .build(),
                            )
                            .build();
                        op.responses
                            .responses
                            .insert(status.to_owned(), RefOr::T(problem));
                    }
                }
                for response in op.responses.responses.values_mut() {
                    let RefOr::T(response) = response else {
                        continue;
                    };
                    let problem = response.content.get("application/json").is_some_and(|c| {
                        matches!(&c.schema, Some(RefOr::Ref(r)) if r.ref_location.ends_with("/Problem"))
                    });
                    if problem {
                        if let Some(c) = response.content.shift_remove("application/json") {
                            response
                                .content
                                .insert("application/problem+json".to_owned(), c);
                        }
                    }
                }
            }
        }
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
    /// The refused fields, when there are some.
    pub errors: Option<Vec<FieldProblemDoc>>,
}

/// What is wrong with one field.
#[derive(Serialize, ToSchema)]
#[schema(as = FieldProblem)]
pub struct FieldProblemDoc {
    pub field: String,
    pub message: String,
    /// The rule that refused the value, stable across languages (e.g. `error-required`).
    pub code: String,
}

pub fn openapi_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(accounts::me))
        .routes(routes!(accounts::export_me))
        .routes(routes!(accounts::export_user))
        .routes(routes!(accounts::list_users, accounts::create_user))
        .routes(routes!(accounts::import_users))
        .routes(routes!(accounts::update_user))
        .routes(routes!(accounts::reset_second_factor))
        .routes(routes!(sign_in::list, sign_in::create))
        .routes(routes!(sign_in::get, sign_in::update))
        .routes(routes!(sign_in::put_sso_only))
        .routes(routes!(
            magistere::get_connection,
            magistere::put_connection
        ))
        .routes(routes!(magistere::check_connection))
        .routes(routes!(magistere::check_course))
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
        .routes(routes!(planning::reopen_cohort))
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
        .routes(routes!(after::documents))
        .routes(routes!(after::pay))
        .routes(routes!(after::transmit))
        .routes(routes!(surveys::cohort_surveys))
        .routes(routes!(surveys::send_survey))
        .routes(routes!(surveys::my_surveys))
        .routes(routes!(surveys::answer))
        .routes(routes!(surveys::get_settings, surveys::put_settings))
        .routes(routes!(retention::get_policy, retention::put_policy))
        .routes(routes!(signatory::get_signatory, signatory::put_signatory))
        .routes(routes!(retention::preview))
        .routes(routes!(audit::list))
        .routes(routes!(exports::list, exports::request))
        .routes(routes!(before::scenario_advice))
        .routes(routes!(before::add_step))
        .routes(routes!(before::update_step, before::delete_step))
        .routes(routes!(
            before::get_accompaniment,
            before::put_accompaniment
        ))
        .routes(routes!(before::get_validation, before::put_validation))
        .routes(routes!(
            qualifications::list_qualifications,
            qualifications::add_qualification
        ))
        .routes(routes!(qualifications::remove_qualification))
        .routes(routes!(
            qualifications::get_validity,
            qualifications::put_validity
        ))
        .routes(routes!(qualifications::list_requests, qualifications::ask))
        .routes(routes!(qualifications::enrol))
        .routes(routes!(qualifications::decline))
        .routes(routes!(qualifications::put_trains_trainers))
        .routes(routes!(questions::list, questions::ask))
        .routes(routes!(questions::waits))
        .routes(routes!(questions::get))
        .routes(routes!(questions::reply))
        .routes(routes!(questions::resolve))
        .routes(routes!(questions::publish))
        .routes(routes!(questions::faq))
        .routes(routes!(questions::pass))
        .routes(routes!(questions::get_delay, questions::put_delay))
}

/// The OpenAPI document, as served.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut doc = openapi_router().split_for_parts().1;
    // After the routes are merged in: the document's modifiers ran before.
    ProblemContentType.modify(&mut doc);
    doc
}

pub fn router() -> Router<AppState> {
    let (router, mut doc) = openapi_router().split_for_parts();
    ProblemContentType.modify(&mut doc);
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

/// A JSON body whose rejections are problems with a detail, like every other error. It must be
/// an object, as every request body of the document is.
///
/// A number written with a zero fraction (`1088.0`) is the integer it names, as JSON Schema reads
/// it: integral numbers are made integers before the body meets its type, so that `1088.0` is
/// accepted wherever `1088` is.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let Json(mut value) = Json::<serde_json::Value>::from_request(req, state)
            .await
            .map_err(|rejection| AppError::BadRequest(rejection.body_text()))?;
        // Every body is an object: serde would also read a struct from an array (`[]`), which
        // the document does not allow.
        if !value.is_object() {
            return Err(AppError::BadRequest(
                "the body must be a JSON object".into(),
            ));
        }
        integral_numbers(&mut value);
        serde_json::from_value(value).map(ApiJson).map_err(|e| {
            AppError::BadRequest(format!(
                "Failed to deserialize the JSON body into the target type: {e}"
            ))
        })
    }
}

/// A path's parameters, where an integer may also be written with a zero fraction (`/cohorts/7.0`).
/// Parameters that read as they are keep their meaning; only when they do not are integral
/// numbers tried as integers.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let rejection = match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => return Ok(Path(v)),
            Err(rejection) => rejection,
        };
        let bad = || AppError::BadRequest(rejection.body_text());
        let raw = axum::extract::RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| bad())?;
        let mut values: Vec<serde_json::Value> = raw
            .iter()
            .map(|(_, v)| match integral(v) {
                Some(n) => serde_json::Value::from(n),
                None => serde_json::Value::from(v),
            })
            .collect();
        let value = if values.len() == 1 {
            values.remove(0)
        } else {
            serde_json::Value::Array(values)
        };
        serde_json::from_value(value).map(Path).map_err(|_| bad())
    }
}

/// A query string, where an integer may also be written with a zero fraction (`?limit=10.0`),
/// tried only when the query does not read as it is (a search for « 1.0 » stays a search).
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or("");
        let first = match serde_urlencoded::from_str::<T>(query) {
            Ok(v) => return Ok(Query(v)),
            Err(e) => e,
        };
        let bad = || AppError::BadRequest(format!("Failed to deserialize query string: {first}"));
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).map_err(|_| bad())?;
        let pairs: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| match integral(&v) {
                Some(n) => (k, n.to_string()),
                None => (k, v),
            })
            .collect();
        let again = serde_urlencoded::to_string(&pairs).map_err(|_| bad())?;
        serde_urlencoded::from_str::<T>(&again)
            .map(Query)
            .map_err(|_| bad())
    }
}

/// `12`, `12.0` or `-3.00` as the integer they name.
fn integral(raw: &str) -> Option<i64> {
    let (whole, fraction) = raw.split_once('.').unwrap_or((raw, ""));
    if !fraction.bytes().all(|b| b == b'0') {
        return None;
    }
    let digits = whole.strip_prefix('-').unwrap_or(whole);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    whole.parse().ok()
}

/// Turns every number with a zero fraction that fits an `i64` into that integer.
fn integral_numbers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => {
            if let Some(f) = n.as_f64() {
                // The bounds are exact: every f64 in [-2^63, 2^63) converts without loss.
                if f.fract() == 0.0
                    && (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f)
                {
                    *value = Value::from(f as i64);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_numbers),
        Value::Object(fields) => fields.values_mut().for_each(integral_numbers),
        _ => {}
    }
}

/// Responses with a status of our choosing.
pub fn created<T: Serialize>(value: T) -> axum::response::Response {
    (axum::http::StatusCode::CREATED, Json(value)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use hybride_domain::retention::RecordKind;

    #[test]
    fn integral_numbers_are_integers() {
        assert_eq!(integral("12"), Some(12));
        assert_eq!(integral("12.0"), Some(12));
        assert_eq!(integral("-3.00"), Some(-3));
        assert_eq!(integral("12.5"), None);
        assert_eq!(integral("1e3"), None);
        assert_eq!(integral("."), None);
        assert_eq!(integral("hot"), None);
        let mut v = serde_json::json!({"a": 1088.0, "b": [2.0, 2.5], "c": "3.0", "d": 1e300});
        integral_numbers(&mut v);
        assert_eq!(
            v,
            serde_json::json!({"a": 1088, "b": [2, 2.5], "c": "3.0", "d": 1e300})
        );
    }

    /// The document states the ranges the retention policy enforces.
    #[test]
    fn retention_bounds_are_the_policys() {
        let doc = serde_json::to_value(openapi()).unwrap();
        let fields = &doc["components"]["schemas"]["Retention"]["properties"];
        for kind in RecordKind::ALL {
            let (min, max) = kind.range();
            let field = &fields[kind.field()];
            assert_eq!(
                field["minimum"].as_f64(),
                Some(min as f64),
                "{}",
                kind.field()
            );
            assert_eq!(
                field["maximum"].as_f64(),
                Some(max as f64),
                "{}",
                kind.field()
            );
        }
    }

    /// Every text, enumeration and number of a request body says what it accepts.
    #[test]
    fn request_bodies_state_their_bounds() {
        let doc = serde_json::to_value(openapi()).unwrap();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let mut loose = Vec::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                let Some(r) =
                    op["requestBody"]["content"]["application/json"]["schema"]["$ref"].as_str()
                else {
                    continue;
                };
                let name = r.rsplit('/').next().unwrap();
                let props = schemas[name]["properties"]
                    .as_object()
                    .cloned()
                    .unwrap_or_default();
                for (field, s) in props {
                    let types = s["type"].to_string();
                    let bounded = if types.contains("string") {
                        s.get("enum").is_some()
                            || s.get("maxLength").is_some()
                            || s.get("format").is_some()
                    } else if types.contains("integer") {
                        s.get("maximum").is_some()
                    } else {
                        true
                    };
                    // Any text is taken, cut to 200 characters without control characters.
                    let any_text = (name, field.as_str()) == ("NewEquipmentCheck", "browser");
                    if !bounded && !any_text {
                        loose.push(format!("{method} {path} {name}.{field}"));
                    }
                }
            }
        }
        assert!(loose.is_empty(), "fields without bounds: {loose:#?}");
    }
}
