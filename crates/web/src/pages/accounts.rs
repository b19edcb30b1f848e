//! Accounts, managed by the EAFC staff: list, create, edit, import from a spreadsheet.

use super::{done, field_errors, flash, page, Flash};
use crate::access::Admins;
use crate::auth::Allowed;
use crate::csrf;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use hybride_domain::{FieldErrors, Invalid, Role};
use hybride_training::import::{import_accounts, show_line_errors};
use hybride_training::people::{self, UserFilter};
use hybride_training::{accounts, i18n, second_factor};
use minijinja::context;
use serde::{Deserialize, Serialize};

const PAGE_SIZE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    role: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    ok: String,
}

pub async fn list(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let page_no = q.page.unwrap_or(1).clamp(1, 100_000);
    let filter = UserFilter {
        role: Role::parse(&q.role).ok(),
        search: Some(q.q.clone()).filter(|s| !s.trim().is_empty()),
        limit: PAGE_SIZE,
        offset: (page_no - 1) * PAGE_SIZE,
    };
    let users = people::list(&state.store, &filter).await?;
    let total = people::count(&state.store, &filter).await?;
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    page(
        &state,
        &who.ctx,
        "accounts.html",
        context! {
            users => users,
            total => total,
            page => page_no,
            pages => pages,
            role => filter.role.map(|r| r.as_str()).unwrap_or(""),
            q => q.q.trim(),
            roles => Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            flash => flash(&Flash { ok: q.ok }),
        },
        false,
    )
}

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct AccountForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    last_name: String,
    #[serde(default)]
    first_name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    establishment: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    active: Option<String>,
    #[serde(default)]
    whole_plan: Option<String>,
}

fn account_page(
    state: &AppState,
    who: &Allowed<Admins>,
    form: &AccountForm,
    id: Option<i64>,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    account_page_with(state, who, form, id, errors, None, None)
}

/// The account form; for an existing account, with its second factor (`factor`) and a
/// confirmation (`flash`).
fn account_page_with(
    state: &AppState,
    who: &Allowed<Admins>,
    form: &AccountForm,
    id: Option<i64>,
    errors: &FieldErrors,
    factor: Option<second_factor::Status>,
    flash_key: Option<String>,
) -> Result<Response, AppError> {
    page(
        state,
        &who.ctx,
        "account_form.html",
        context! {
            form => form,
            id => id,
            own => id == Some(who.user.id),
            factor => factor,
            errors => field_errors(&who.ctx, errors),
            roles => Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            flash => flash_key,
        },
        !errors.is_empty(),
    )
}

pub async fn new_form(
    State(state): State<AppState>,
    who: Allowed<Admins>,
) -> Result<Response, AppError> {
    let form = AccountForm {
        role: "trainee".into(),
        active: Some("on".into()),
        ..Default::default()
    };
    account_page(&state, &who, &form, None, &FieldErrors::new())
}

/// An empty password field leaves the password as it is (or unset).
fn typed_password(raw: &str) -> Option<&str> {
    (!raw.is_empty()).then_some(raw)
}

pub async fn create(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    csrf::CsrfForm(f): csrf::CsrfForm<AccountForm>,
) -> Result<Response, AppError> {
    let fields = accounts::NewFields {
        email: &f.email,
        last_name: &f.last_name,
        first_name: &f.first_name,
        role: &f.role,
        establishment: &f.establishment,
        password: typed_password(&f.password),
    };
    match accounts::create(&state.store, (&who.user).into(), &fields).await {
        Ok(u) => {
            tracing::info!(admin = who.user.id, user = u.id, "account created");
            Ok(done("/accounts", "account-created"))
        }
        Err(hybride_training::Error::Invalid(e)) => account_page(&state, &who, &f, None, &e),
        Err(hybride_training::Error::Conflict(_)) => {
            let mut e = FieldErrors::new();
            e.add("email", Invalid::new("error-email-taken"));
            account_page(&state, &who, &f, None, &e)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    Query(ok): Query<Flash>,
) -> Result<Response, AppError> {
    let u = people::get(&state.store, id).await?;
    let factor = second_factor::status(&state.store, &u).await?;
    let form = AccountForm {
        email: u.email,
        last_name: u.last_name,
        first_name: u.first_name,
        role: u.role.as_str().into(),
        establishment: u.establishment.unwrap_or_default(),
        password: String::new(),
        active: u.active.0.then(|| "on".into()),
        whole_plan: u.whole_plan.0.then(|| "on".into()),
    };
    account_page_with(
        &state,
        &who,
        &form,
        Some(id),
        &FieldErrors::new(),
        factor,
        flash(&ok),
    )
}

/// What resetting someone's second factor will do, to confirm.
pub async fn reset_second_factor_form(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let u = people::get(&state.store, id).await?;
    if u.id == who.user.id || second_factor::status(&state.store, &u).await?.is_none() {
        // Nothing to reset here: the account's page says why.
        return Ok(Redirect::to(&format!("/accounts/{id}")).into_response());
    }
    page(
        &state,
        &who.ctx,
        "second_factor_reset.html",
        context! {
            id => id,
            name => format!("{} {}", u.first_name, u.last_name),
            email => u.email,
        },
        false,
    )
}

/// Resets someone's second factor (they lost their phone and their recovery codes).
pub async fn reset_second_factor(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    csrf::CsrfForm(_): csrf::CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    second_factor::reset(&state, &who.user, id).await?;
    Ok(done(&format!("/accounts/{id}"), "second-factor-reset"))
}

pub async fn update(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    csrf::CsrfForm(f): csrf::CsrfForm<AccountForm>,
) -> Result<Response, AppError> {
    let current = people::get(&state.store, id).await?;
    let changes = accounts::Changes {
        last_name: Some(&f.last_name),
        first_name: Some(&f.first_name),
        role: Some(&f.role),
        establishment: Some(&f.establishment),
        active: Some(f.active.is_some()),
        whole_plan: Some(f.whole_plan.is_some()),
        password: typed_password(&f.password),
    };
    match accounts::update(&state.store, &who.user, id, &changes).await {
        Ok(_) => Ok(done("/accounts", "account-updated")),
        Err(hybride_training::Error::Invalid(e)) => {
            let form = AccountForm {
                email: current.email.clone(),
                ..f.clone()
            };
            account_page(&state, &who, &form, Some(id), &e)
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn import_form(
    State(state): State<AppState>,
    who: Allowed<Admins>,
) -> Result<Response, AppError> {
    page(
        &state,
        &who.ctx,
        "accounts_import.html",
        context! { errors => Vec::<()>::new(), error => None::<String> },
        false,
    )
}

pub async fn import(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let mut token = String::new();
    let mut file: Option<Vec<u8>> = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| AppError::BadRequest(e.body_text()))?
    {
        match field.name() {
            Some("csrf") => {
                token = field
                    .text()
                    .await
                    .map_err(|e| AppError::BadRequest(e.body_text()))?
            }
            Some("file") => {
                file = Some(
                    field
                        .bytes()
                        .await
                        .map_err(|e| AppError::BadRequest(e.body_text()))?
                        .to_vec(),
                )
            }
            _ => {}
        }
    }
    csrf::verify(&who.ctx, &token)?;
    let lang = who.ctx.lang;
    let Some(bytes) = file.filter(|b| !b.is_empty()) else {
        return page(
            &state,
            &who.ctx,
            "accounts_import.html",
            context! { errors => Vec::<()>::new(), error => Some(i18n::t(lang, "import-no-file")) },
            true,
        );
    };
    match import_accounts(&state.store, (&who.user).into(), &bytes).await? {
        Ok(n) => {
            tracing::info!(admin = who.user.id, accounts = n, "accounts imported");
            Ok(done("/accounts", "accounts-imported"))
        }
        Err(errors) => page(
            &state,
            &who.ctx,
            "accounts_import.html",
            context! { errors => show_line_errors(lang, &errors), error => Some(i18n::tr(lang, "import-refused", &[("count", errors.len().to_string())])) },
            true,
        ),
    }
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/accounts", get(list).post(create))
        .route("/accounts/new", get(new_form))
        .route("/accounts/import", get(import_form).post(import))
        .route("/accounts/{id}", get(edit_form).post(update))
        .route(
            "/accounts/{id}/second-factor/reset",
            get(reset_second_factor_form).post(reset_second_factor),
        )
}
