//! The académie's retention policy (admins): how long each kind of record is kept, and on
//! demand what `hybride purge` would remove today.

use super::{done, field_errors, flash, page};
use crate::access::Admins;
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Query, State};
use axum::response::Response;
use hybride_domain::retention::{RecordKind, Retention};
use hybride_domain::FieldErrors;
use hybride_training::retention;
use minijinja::context;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize, Default)]
pub struct RetentionQuery {
    #[serde(default)]
    ok: String,
    /// `1`: simulate the purge and show what it would remove.
    #[serde(default)]
    preview: String,
}

fn values_of(r: &Retention) -> BTreeMap<String, String> {
    RecordKind::ALL
        .iter()
        .map(|k| (k.field().to_owned(), r.get(*k).to_string()))
        .collect()
}

async fn settings_page(
    state: &AppState,
    who: &Allowed<Admins>,
    values: &BTreeMap<String, String>,
    errors: Option<&FieldErrors>,
    preview: bool,
    ok: Option<String>,
) -> Result<Response, AppError> {
    let lines = if preview {
        let (policy, report) =
            hybride_training::retention::purge(&state.store, (&who.user).into(), false).await?;
        Some(hybride_training::retention::report_lines(
            who.ctx.lang,
            &policy,
            &report,
        ))
    } else {
        None
    };
    page(
        state,
        &who.ctx,
        "retention.html",
        context! {
            kinds => hybride_training::retention::kinds(),
            values => values,
            errors => errors.map(|e| field_errors(&who.ctx, e)).unwrap_or_default(),
            preview => lines,
            flash => ok,
        },
        errors.is_some(),
    )
}

pub async fn form(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Query(q): Query<RetentionQuery>,
) -> Result<Response, AppError> {
    let r = retention::policy(&state.store).await?;
    let ok = flash(&super::Flash { ok: q.ok });
    settings_page(&state, &who, &values_of(&r), None, q.preview == "1", ok).await
}

pub async fn save(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    match Retention::parse(|k| f.get(k).cloned().unwrap_or_default()) {
        Ok(r) => {
            retention::set_policy(&state.store, &who.user, &r).await?;
            Ok(done("/settings/retention", "retention-saved"))
        }
        Err(e) => settings_page(&state, &who, &f, Some(&e), false, None).await,
    }
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::get;
    axum::Router::new().route("/settings/retention", get(form).post(save))
}
