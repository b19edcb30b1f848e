//! Accounts, managed by the EAFC staff: list, create, edit, import from a spreadsheet.

use super::{done, field_errors, flash, page, Flash};
use crate::access::Admins;
use crate::auth::Allowed;
use crate::csrf;
use crate::error::AppError;
use crate::import::{import_accounts, show_line_errors};
use crate::{i18n, password, AppState};
use axum::extract::{Multipart, Path, Query, State};
use axum::response::Response;
use hybride_domain::accounts::NewAccount;
use hybride_domain::{Email, FieldErrors, Invalid, PersonName, Role};
use hybride_store::people::{self, AccountUpdate, UserFilter};
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
}

fn account_page(
    state: &AppState,
    who: &Allowed<Admins>,
    form: &AccountForm,
    id: Option<i64>,
    errors: &FieldErrors,
) -> Result<Response, AppError> {
    page(
        state,
        &who.ctx,
        "account_form.html",
        context! {
            form => form,
            id => id,
            errors => field_errors(&who.ctx, errors),
            roles => Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            flash => None::<String>,
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
fn check_password(raw: &str) -> Result<Option<String>, Invalid> {
    if raw.is_empty() {
        Ok(None)
    } else {
        password::check(raw).map(Some)
    }
}

pub async fn create(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    csrf::CsrfForm(f): csrf::CsrfForm<AccountForm>,
) -> Result<Response, AppError> {
    let mut e = FieldErrors::new();
    let email = e.check("email", Email::parse(&f.email));
    let last_name = e.check("last_name", PersonName::parse(&f.last_name));
    let first_name = e.check("first_name", PersonName::parse(&f.first_name));
    let role = e.check("role", Role::parse(&f.role));
    let establishment = e.check(
        "establishment",
        crate::forms::optional_line(&f.establishment),
    );
    let pw = e.check("password", check_password(&f.password));
    let (Some(email), Some(last_name), Some(first_name), Some(role), Some(establishment), Some(pw)) =
        (email, last_name, first_name, role, establishment, pw)
    else {
        return account_page(&state, &who, &f, None, &e);
    };
    let hash = match pw {
        Some(p) => Some(password::hash_async(p).await?),
        None => None,
    };
    let account = NewAccount {
        email,
        last_name,
        first_name,
        role,
        establishment,
    };
    match people::create(&state.store, &account, hash.as_deref()).await {
        Ok(u) => {
            tracing::info!(admin = who.user.id, user = u.id, "account created");
            Ok(done("/accounts", "account-created"))
        }
        Err(hybride_store::StoreError::Conflict(_)) => {
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
) -> Result<Response, AppError> {
    let u = people::get(&state.store, id).await?;
    let form = AccountForm {
        email: u.email,
        last_name: u.last_name,
        first_name: u.first_name,
        role: u.role.as_str().into(),
        establishment: u.establishment.unwrap_or_default(),
        password: String::new(),
        active: u.active.0.then(|| "on".into()),
    };
    account_page(&state, &who, &form, Some(id), &FieldErrors::new())
}

pub async fn update(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    csrf::CsrfForm(f): csrf::CsrfForm<AccountForm>,
) -> Result<Response, AppError> {
    let current = people::get(&state.store, id).await?;
    let mut e = FieldErrors::new();
    let last_name = e.check("last_name", PersonName::parse(&f.last_name));
    let first_name = e.check("first_name", PersonName::parse(&f.first_name));
    let role = e.check("role", Role::parse(&f.role));
    let establishment = e.check(
        "establishment",
        crate::forms::optional_line(&f.establishment),
    );
    let pw = e.check("password", check_password(&f.password));
    let active = f.active.is_some();
    if id == who.user.id && (!active || role != Some(Role::Admin)) {
        e.add("role", Invalid::new("error-self-demotion"));
    }
    let form = AccountForm {
        email: current.email.clone(),
        ..f.clone()
    };
    let (Some(last_name), Some(first_name), Some(role), Some(establishment), Some(pw)) =
        (last_name, first_name, role, establishment, pw)
    else {
        return account_page(&state, &who, &form, Some(id), &e);
    };
    if !e.is_empty() {
        return account_page(&state, &who, &form, Some(id), &e);
    }
    people::update(
        &state.store,
        id,
        &AccountUpdate {
            last_name,
            first_name,
            role,
            establishment,
            active,
        },
    )
    .await?;
    if let Some(p) = pw {
        let hash = password::hash_async(p).await?;
        people::set_password(&state.store, id, &hash).await?;
    }
    tracing::info!(admin = who.user.id, user = id, "account updated");
    Ok(done("/accounts", "account-updated"))
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
    match import_accounts(&state.store, &bytes).await? {
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
