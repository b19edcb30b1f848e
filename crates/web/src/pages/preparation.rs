//! Preparing trainings: the accompaniment plan and validation rules of a training, and the
//! school holidays of the académie's zone.

use super::{done, field_errors, flash, page, Flash};
use crate::access::{self, Admins, Staff};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::forms;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use hybride_domain::{FieldErrors, Invalid, LongText, Title};
use hybride_training::before::{self, AccompanimentInput, ValidationInput};
use hybride_training::trainings::{self, Training};
use minijinja::context;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct AccompanimentForm {
    #[serde(default)]
    channels: String,
    #[serde(default)]
    response_hours: String,
    #[serde(default)]
    working_days_only: Option<String>,
    #[serde(default)]
    tutoring_slots: String,
    #[serde(default)]
    technical_contact: String,
    #[serde(default)]
    exchange_hours: String,
}

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct ValidationForm {
    #[serde(default)]
    min_in_person_percent: String,
    #[serde(default)]
    min_synchronous_percent: String,
    #[serde(default)]
    min_asynchronous_percent: String,
    #[serde(default)]
    mandatory_steps_required: Option<String>,
    #[serde(default)]
    evaluation_required: Option<String>,
    #[serde(default)]
    half_day_threshold_percent: String,
}

/// Parses an accompaniment plan (pages and API).
pub fn parse_accompaniment(
    channels: &str,
    response_hours: Result<u32, Invalid>,
    working_days_only: bool,
    tutoring_slots: &str,
    technical_contact: &str,
    exchange_hours: &str,
) -> Result<AccompanimentInput, FieldErrors> {
    let mut e = FieldErrors::new();
    let required = forms::required_text;
    let channels = e.check("channels", required(channels));
    let response_hours = e.check(
        "response_hours",
        response_hours.and_then(|h| {
            if (1..=720).contains(&h) {
                Ok(h)
            } else {
                Err(Invalid::with("error-response-hours", h))
            }
        }),
    );
    let tutoring_slots = e.check("tutoring_slots", LongText::parse(tutoring_slots));
    let technical_contact = e.check("technical_contact", required(technical_contact));
    let exchange_hours = e.check("exchange_hours", required(exchange_hours));
    match (
        channels,
        response_hours,
        tutoring_slots,
        technical_contact,
        exchange_hours,
    ) {
        (Some(c), Some(r), Some(t), Some(tc), Some(x)) => Ok(AccompanimentInput {
            channels: c.to_string(),
            response_hours: r,
            working_days_only,
            tutoring_slots: t.to_string(),
            technical_contact: tc.to_string(),
            exchange_hours: x.to_string(),
        }),
        _ => Err(e),
    }
}

pub fn parse_hours_count(raw: &str) -> Result<u32, Invalid> {
    let s = raw.trim().trim_end_matches('h').trim();
    if s.is_empty() {
        return Err(Invalid::new("error-required"));
    }
    s.parse::<u32>()
        .map_err(|_| Invalid::with("error-response-hours", s))
}

async fn preparation_page(
    state: &AppState,
    who: &Allowed<Staff>,
    t: &Training,
    acc: &AccompanimentForm,
    val: &ValidationForm,
    errors: &FieldErrors,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let can_edit = access::edit_scenario(&state.store, &who.user, t)
        .await
        .is_ok();
    page(
        state,
        &who.ctx,
        "accompaniment.html",
        context! { training => t, acc => acc, val => val, errors => field_errors(&who.ctx, errors), can_edit => can_edit, flash => flash },
        !errors.is_empty(),
    )
}

async fn forms_of(
    state: &AppState,
    t: &Training,
) -> Result<(AccompanimentForm, ValidationForm), AppError> {
    let acc = match before::accompaniment(&state.store, t.id).await? {
        Some(a) => AccompanimentForm {
            channels: a.channels,
            response_hours: a.response_hours.to_string(),
            working_days_only: a.working_days_only.0.then(|| "on".into()),
            tutoring_slots: a.tutoring_slots,
            technical_contact: a.technical_contact,
            exchange_hours: a.exchange_hours,
        },
        None => AccompanimentForm {
            response_hours: "48".into(),
            working_days_only: Some("on".into()),
            ..Default::default()
        },
    };
    let p = t.min_attendance_percent.to_string();
    let val = match before::validation_rules(&state.store, t.id).await? {
        Some(v) => ValidationForm {
            min_in_person_percent: v.min_in_person_percent.to_string(),
            min_synchronous_percent: v.min_synchronous_percent.to_string(),
            min_asynchronous_percent: v.min_asynchronous_percent.to_string(),
            mandatory_steps_required: v.mandatory_steps_required.0.then(|| "on".into()),
            evaluation_required: v.evaluation_required.0.then(|| "on".into()),
            half_day_threshold_percent: v.half_day_threshold_percent.to_string(),
        },
        None => ValidationForm {
            min_in_person_percent: p.clone(),
            min_synchronous_percent: p.clone(),
            min_asynchronous_percent: p,
            mandatory_steps_required: Some("on".into()),
            evaluation_required: None,
            half_day_threshold_percent: "80".into(),
        },
    };
    Ok((acc, val))
}

async fn visible(state: &AppState, who: &Allowed<Staff>, id: i64) -> Result<Training, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::see_training(&state.store, &who.user, &t).await?;
    Ok(t)
}

pub async fn show(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    let t = visible(&state, &who, id).await?;
    let (acc, val) = forms_of(&state, &t).await?;
    preparation_page(&state, &who, &t, &acc, &val, &FieldErrors::new(), flash(&q)).await
}

pub async fn save_accompaniment(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<AccompanimentForm>,
) -> Result<Response, AppError> {
    let t = visible(&state, &who, id).await?;
    access::edit_scenario(&state.store, &who.user, &t).await?;
    match parse_accompaniment(
        &f.channels,
        parse_hours_count(&f.response_hours),
        f.working_days_only.is_some(),
        &f.tutoring_slots,
        &f.technical_contact,
        &f.exchange_hours,
    ) {
        Ok(input) => {
            before::save_accompaniment(&state.store, id, &input).await?;
            Ok(done(
                &format!("/trainings/{id}/accompaniment"),
                "accompaniment-saved",
            ))
        }
        Err(e) => {
            let (_, val) = forms_of(&state, &t).await?;
            preparation_page(&state, &who, &t, &f, &val, &e, None).await
        }
    }
}

impl ValidationForm {
    /// The same rules as numbers (the API).
    pub fn from_numbers(
        in_person: i64,
        synchronous: i64,
        asynchronous: i64,
        mandatory: bool,
        evaluation: bool,
        threshold: i64,
    ) -> ValidationForm {
        ValidationForm {
            min_in_person_percent: in_person.to_string(),
            min_synchronous_percent: synchronous.to_string(),
            min_asynchronous_percent: asynchronous.to_string(),
            mandatory_steps_required: mandatory.then(|| "on".into()),
            evaluation_required: evaluation.then(|| "on".into()),
            half_day_threshold_percent: threshold.to_string(),
        }
    }
}

pub fn parse_validation(f: &ValidationForm) -> Result<ValidationInput, FieldErrors> {
    let mut e = FieldErrors::new();
    let a = e.check(
        "min_in_person_percent",
        forms::percent(&f.min_in_person_percent),
    );
    let b = e.check(
        "min_synchronous_percent",
        forms::percent(&f.min_synchronous_percent),
    );
    let c = e.check(
        "min_asynchronous_percent",
        forms::percent(&f.min_asynchronous_percent),
    );
    let d = e.check(
        "half_day_threshold_percent",
        if f.half_day_threshold_percent.trim().is_empty() {
            Ok(80)
        } else {
            forms::percent(&f.half_day_threshold_percent)
        },
    );
    match (a, b, c, d) {
        (Some(a), Some(b), Some(c), Some(d)) => Ok(ValidationInput {
            min_in_person_percent: a,
            min_synchronous_percent: b,
            min_asynchronous_percent: c,
            mandatory_steps_required: f.mandatory_steps_required.is_some(),
            evaluation_required: f.evaluation_required.is_some(),
            half_day_threshold_percent: d,
        }),
        _ => Err(e),
    }
}

pub async fn save_validation(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ValidationForm>,
) -> Result<Response, AppError> {
    let t = visible(&state, &who, id).await?;
    // Validation criteria bind the académie: the pilot and admins set them.
    access::manage_training(&who.user, &t)?;
    match parse_validation(&f) {
        Ok(input) => {
            before::save_validation_rules(&state.store, id, &input).await?;
            Ok(done(
                &format!("/trainings/{id}/accompaniment"),
                "validation-saved",
            ))
        }
        Err(e) => {
            let (acc, _) = forms_of(&state, &t).await?;
            preparation_page(&state, &who, &t, &acc, &f, &e, None).await
        }
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct HolidayForm {
    #[serde(default)]
    label: String,
    #[serde(default)]
    first_day: String,
    #[serde(default)]
    last_day: String,
}

async fn holidays_page(
    state: &AppState,
    who: &Allowed<Admins>,
    form: &HolidayForm,
    errors: &FieldErrors,
    flash: Option<String>,
) -> Result<Response, AppError> {
    let zone = before::school_zone(&state.store).await?;
    page(
        state,
        &who.ctx,
        "holidays.html",
        context! {
            zone => zone,
            zones => ["A", "B", "C", "Corse", "DROM"],
            holidays => before::school_holidays(&state.store, &zone).await?,
            form => form,
            errors => field_errors(&who.ctx, errors),
            flash => flash,
        },
        !errors.is_empty(),
    )
}

pub async fn holidays(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Query(q): Query<Flash>,
) -> Result<Response, AppError> {
    holidays_page(
        &state,
        &who,
        &HolidayForm::default(),
        &FieldErrors::new(),
        flash(&q),
    )
    .await
}

pub async fn add_holiday(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<HolidayForm>,
) -> Result<Response, AppError> {
    let mut e = FieldErrors::new();
    let label = e.check("label", Title::parse(&f.label));
    let first = e.check("first_day", forms::day(&f.first_day));
    let last = e.check("last_day", forms::day(&f.last_day));
    if let (Some(a), Some(b)) = (first, last) {
        if b < a {
            e.add("last_day", Invalid::new("error-dates-order"));
        }
    }
    if let (Some(label), Some(first), Some(last), true) = (label, first, last, e.is_empty()) {
        let zone = before::school_zone(&state.store).await?;
        before::add_school_holiday(&state.store, &who.user, &zone, label.as_str(), first, last)
            .await?;
        return Ok(done("/holidays", "holiday-added"));
    }
    holidays_page(&state, &who, &f, &e, None).await
}

pub async fn remove_holiday(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    before::delete_school_holiday(&state.store, &who.user, id).await?;
    Ok(done("/holidays", "holiday-removed"))
}

#[derive(Deserialize)]
pub struct ZoneForm {
    #[serde(default)]
    zone: String,
}

pub async fn set_zone(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<ZoneForm>,
) -> Result<Response, AppError> {
    if !["A", "B", "C", "Corse", "DROM"].contains(&f.zone.as_str()) {
        return Err(AppError::BadRequest(
            "zone must be A, B, C, Corse or DROM".into(),
        ));
    }
    before::set_school_zone(&state.store, &who.user, &f.zone).await?;
    Ok(done("/holidays", "zone-saved"))
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route(
            "/trainings/{id}/accompaniment",
            get(show).post(save_accompaniment),
        )
        .route("/trainings/{id}/validation", post(save_validation))
        .route("/holidays", get(holidays).post(add_holiday))
        .route("/holidays/zone", post(set_zone))
        .route("/holidays/{id}/remove", post(remove_holiday))
}
