//! HTML rendering with minijinja. Templates are compiled into the binary; every text goes
//! through `t(...)`; autoescaping is on for every template.

use crate::auth::Ctx;
use crate::error::{AppError, ErrorReport};
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use hybride_domain::FieldErrors;
use hybride_training::i18n::{self, Lang};
use minijinja::value::Value;
use minijinja::{context, AutoEscape, Environment};
use serde::Serialize;

pub struct Templates {
    env: Environment<'static>,
}

macro_rules! templates {
    ($env:expr, $($name:literal),+ $(,)?) => {
        $( $env.add_template($name, include_str!(concat!("../templates/", $name))).expect($name); )+
    };
}

impl Templates {
    pub fn new() -> Templates {
        let mut env = Environment::new();
        // Every page is HTML-escaped (mails are `hybride_training::texts`).
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::SemiStrict);
        templates!(
            env,
            "base.html",
            "macros.html",
            "error.html",
            "login.html",
            "login_link.html",
            "magic.html",
            "dashboard.html",
            "accounts.html",
            "account_form.html",
            "accounts_import.html",
            "plans.html",
            "trainings.html",
            "training_form.html",
            "training.html",
            "cohort_form.html",
            "cohort.html",
            "outbox.html",
            "audit.html",
            "equipment.html",
            "scenario.html",
            "step_form.html",
            "accompaniment.html",
            "qualifications.html",
            "qualification_requests.html",
            "questions.html",
            "question.html",
            "holidays.html",
            "cohort_edit.html",
            "activity_form.html",
            "opening_form.html",
            "join.html",
            "calendar.html",
            "password.html",
            "forum.html",
            "thread.html",
            "follow_up.html",
            "accessibility.html",
            "attendance.html",
            "attendance_sheet.html",
            "attendance_live.html",
            "sign.html",
            "signed.html",
            "sign_qr.html",
            "declaration.html",
            "validation.html",
            "documents.html",
            "pay.html",
            "pay_rates.html",
            "training_after.html",
            "review.html",
            "reviews.html",
            "courses.html",
            "insights.html",
            "surveys.html",
            "survey_form.html",
            "survey_settings.html",
            "training_surveys.html",
            "retention.html",
            "signatory.html",
            "sign_in_settings.html",
            "sign_in_failed.html",
            "password_forgotten.html",
            "password_reset.html",
            "tokens.html",
            "close_confirm.html",
            "second_factor_reset.html",
            "logout_provider.html",
            "magistere.html",
            "unenroll_confirm.html",
            "second_factor.html",
            "login_second_factor.html",
            "settings.html",
            "exports.html",
            "exports_live.html",
        );
        hybride_training::texts::register(&mut env);
        Templates { env }
    }

    /// Renders a page with the common context (user, language, CSRF token, path).
    pub fn render(
        &self,
        name: &str,
        ctx: &Ctx,
        demo: bool,
        page: Value,
    ) -> Result<Html<String>, AppError> {
        let base = context! {
            user => ctx.user,
            lang => ctx.lang.code(),
            csrf => ctx.csrf,
            path => ctx.path,
            demo => demo,
        };
        let tmpl = self
            .env
            .get_template(name)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("template {name}: {e}")))?;
        tmpl.render(context! { ..page, ..base })
            .map(Html)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("rendering {name}: {e:#}")))
    }

    pub fn error_page(
        &self,
        ctx: Option<&Ctx>,
        lang: Lang,
        status: StatusCode,
        report: &ErrorReport,
    ) -> Html<String> {
        let fallback = Ctx {
            user: None,
            lang,
            csrf: String::new(),
            bearer: false,
            read_only: false,
            path: "/".into(),
            pending: None,
        };
        let ctx = ctx.unwrap_or(&fallback);
        let page = context! {
            status => status.as_u16(),
            title_key => report.key,
            detail => report.detail,
        };
        self.render("error.html", ctx, false, page)
            .unwrap_or_else(|_| {
                Html(format!(
                    "<!doctype html><html lang=\"{}\"><title>{}</title><h1>{}</h1></html>",
                    lang.code(),
                    status.as_u16(),
                    i18n::t(lang, &report.key)
                ))
            })
    }
}

/// A table as a download: `name.csv` or `name.xlsx`.
pub fn spreadsheet_response(
    kind: hybride_training::documents::Spreadsheet,
    name: &str,
    headers: &[String],
    rows: &[Vec<String>],
) -> Result<axum::response::Response, AppError> {
    use axum::http::header;
    use axum::response::IntoResponse;
    let (body, ext, content_type) =
        hybride_training::documents::spreadsheet(kind, name, headers, rows)?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.{ext}\""),
            ),
        ],
        body,
    )
        .into_response())
}

// Error responses in the caller's format and language: problem+json for the API, a page
// otherwise (the policy is written at the top of `error.rs`).
#[derive(Serialize)]
struct FieldProblem {
    field: String,
    message: String,
    code: &'static str,
}

#[derive(Serialize)]
struct Problem {
    #[serde(rename = "type")]
    kind: String,
    title: String,
    status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<FieldProblem>,
}

fn generic_key(status: StatusCode) -> &'static str {
    match status.as_u16() {
        401 => "problem-unauthorized",
        403 => "problem-forbidden",
        404 => "problem-not-found",
        405 => "problem-method",
        413 => "problem-too-large",
        415 => "problem-media-type",
        422 | 400 => "problem-bad-request",
        503 => "problem-unavailable",
        s if s >= 500 => "problem-internal",
        _ => "problem-bad-request",
    }
}

/// Turns every error response into the caller's format and language.
pub async fn render_errors(state: State<AppState>, req: Request, next: Next) -> Response {
    let mut response = render_error(state, req, next).await;
    if response.status() == StatusCode::SERVICE_UNAVAILABLE {
        // Busy (a burst of documents) or too slow: worth trying again in a moment.
        response
            .headers_mut()
            .entry(header::RETRY_AFTER)
            .or_insert(HeaderValue::from_static("5"));
    }
    response
}

async fn render_error(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let ctx = req.extensions().get::<Ctx>().cloned();
    let is_api = req.uri().path().starts_with("/api/");
    let is_get = req.method() == axum::http::Method::GET;
    let response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let report = response.extensions().get::<ErrorReport>().cloned();
    let already_formatted = report.is_none()
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| {
                ct.starts_with("application/problem+json") || ct.starts_with("text/html")
            });
    if already_formatted {
        return response;
    }
    let lang = ctx.as_ref().map(|c| c.lang).unwrap_or_default();
    let report = report.unwrap_or_else(|| ErrorReport {
        key: generic_key(status).into(),
        fields: FieldErrors::new(),
        detail: None,
    });
    if is_api {
        let body = Problem {
            kind: format!("/problems/{}", report.key),
            title: i18n::t(lang, &report.key),
            status: status.as_u16(),
            detail: report.detail.clone(),
            errors: report
                .fields
                .0
                .iter()
                .map(|(f, e)| FieldProblem {
                    field: (*f).to_owned(),
                    message: i18n::invalid(lang, e),
                    code: e.key,
                })
                .collect(),
        };
        let mut r = (status, axum::Json(body)).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        return r;
    }
    if status == StatusCode::UNAUTHORIZED {
        // A sign-in half done goes on where it stopped, whatever page was asked for.
        if let Some(pending) = ctx.as_ref().and_then(|c| c.pending.as_ref()) {
            return Redirect::to(crate::auth::pending_page(pending.stage)).into_response();
        }
        let next = match (&ctx, is_get) {
            (Some(c), true) => c.path.clone(),
            _ => "/".into(),
        };
        let target = format!(
            "/login?next={}",
            percent_encoding::utf8_percent_encode(&next, percent_encoding::NON_ALPHANUMERIC)
        );
        return Redirect::to(&target).into_response();
    }
    let page = state
        .templates
        .error_page(ctx.as_ref(), lang, status, &report);
    (status, page).into_response()
}

impl Default for Templates {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_compiles_and_every_key_it_names_exists() {
        let templates = Templates::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            files.push(path);
        }
        for path in files {
            let name = path
                .strip_prefix(&dir)
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned();
            assert!(
                templates.env.get_template(&name).is_ok(),
                "{name} is not registered"
            );
            let text = std::fs::read_to_string(&path).unwrap();
            for key in i18n::keys_named(&text) {
                assert!(
                    i18n::exists(&key),
                    "{name} uses {key:?}, missing from fr.ftl"
                );
            }
        }
    }
}
