//! Accounts, managed by the EAFC's admins: one rule for creating and changing an account,
//! which the pages and the API share (the import of many at once is `import`).

use crate::audit::{self, Actor};
use crate::{password, Error};
use hybride_domain::accounts::NewAccount;
use hybride_domain::audit::AuditAction;
use hybride_domain::text::optional_line;
use hybride_domain::{Email, FieldErrors, Invalid, PersonName, Role};
use hybride_store::people::{self, AccountUpdate, User};
use hybride_store::{Store, StoreError};

/// An account as typed, in a form or an API body.
pub struct NewFields<'a> {
    pub email: &'a str,
    pub last_name: &'a str,
    pub first_name: &'a str,
    pub role: &'a str,
    pub establishment: &'a str,
    /// None: no password (trainees usually log in with mailed links).
    pub password: Option<&'a str>,
}

/// Creates an account. Every field's problem is named (`Error::Invalid`); an address already
/// taken is `Error::Conflict("email")`.
pub async fn create(store: &Store, by: Actor<'_>, f: &NewFields<'_>) -> Result<User, Error> {
    let mut e = FieldErrors::new();
    let email = e.check("email", Email::parse(f.email));
    let last_name = e.check("last_name", PersonName::parse(f.last_name));
    let first_name = e.check("first_name", PersonName::parse(f.first_name));
    let role = e.check("role", Role::parse(f.role));
    let establishment = e.check("establishment", optional_line(f.establishment));
    let pw = e.check("password", f.password.map(password::check).transpose());
    let (Some(email), Some(last_name), Some(first_name), Some(role), Some(establishment), Some(pw)) =
        (email, last_name, first_name, role, establishment, pw)
    else {
        return Err(Error::Invalid(e));
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
    match people::create(store, &account, hash.as_deref()).await {
        Ok(user) => {
            let details = serde_json::json!({
                "email": user.email,
                "role": user.role.as_str(),
                "password": hash.is_some(),
            });
            audit::record(
                store,
                by,
                AuditAction::AccountCreated,
                &subject(&user),
                details,
            )
            .await?;
            Ok(user)
        }
        Err(StoreError::Conflict(_)) => Err(Error::Conflict("email")),
        Err(other) => Err(other.into()),
    }
}

/// Changes to an account; `None` keeps what it holds. An empty establishment removes it.
#[derive(Default)]
pub struct Changes<'a> {
    pub last_name: Option<&'a str>,
    pub first_name: Option<&'a str>,
    pub role: Option<&'a str>,
    pub establishment: Option<&'a str>,
    /// `false` deactivates the account at once: its sessions and tokens stop working.
    pub active: Option<bool>,
    /// A pilot granted the whole plan sees every training; another role drops the grant.
    pub whole_plan: Option<bool>,
    pub password: Option<&'a str>,
}

/// Changes account `id` on behalf of the admin `by`, who may not demote or deactivate
/// themselves (an académie must keep an admin).
pub async fn update(store: &Store, by: &User, id: i64, c: &Changes<'_>) -> Result<User, Error> {
    let current = people::get(store, id).await?;
    let mut e = FieldErrors::new();
    let last_name = e.check(
        "last_name",
        PersonName::parse(c.last_name.unwrap_or(&current.last_name)),
    );
    let first_name = e.check(
        "first_name",
        PersonName::parse(c.first_name.unwrap_or(&current.first_name)),
    );
    let role = e.check("role", c.role.map(Role::parse).unwrap_or(Ok(current.role)));
    let establishment = e.check(
        "establishment",
        match c.establishment {
            None => Ok(current.establishment.clone()),
            Some(s) => optional_line(s),
        },
    );
    let pw = e.check("password", c.password.map(password::check).transpose());
    let active = c.active.unwrap_or(current.active.0);
    let whole_plan = c.whole_plan.unwrap_or(current.whole_plan.0);
    if id == by.id && (!active || role.is_some_and(|r| r != Role::Admin)) {
        e.add("role", Invalid::new("error-self-demotion"));
    }
    let (Some(last_name), Some(first_name), Some(role), Some(establishment), Some(pw)) =
        (last_name, first_name, role, establishment, pw)
    else {
        return Err(Error::Invalid(e));
    };
    if !e.is_empty() {
        return Err(Error::Invalid(e));
    }
    let update = AccountUpdate {
        last_name,
        first_name,
        role,
        establishment,
        active,
        whole_plan,
    };
    let user = people::update(store, id, &update).await?;
    let password_changed = pw.is_some();
    if let Some(p) = pw {
        let hash = password::hash_async(p).await?;
        people::set_password(store, id, &hash).await?;
    }
    let mut details = audit::changes(&audited(&current), &audited(&user));
    if password_changed {
        details["password"] = serde_json::json!("changed");
    }
    if details.as_object().is_some_and(|d| !d.is_empty()) {
        audit::record(
            store,
            Actor::Person(by),
            AuditAction::AccountUpdated,
            &subject(&user),
            details,
        )
        .await?;
    }
    tracing::info!(admin = by.id, user = id, "account updated");
    Ok(user)
}

/// How the audit log names an account.
fn subject(u: &User) -> String {
    format!("user:{} {}", u.id, u.email)
}

/// What the audit log compares of an account before and after a change.
fn audited(u: &User) -> serde_json::Value {
    serde_json::json!({
        "last_name": u.last_name,
        "first_name": u.first_name,
        "role": u.role.as_str(),
        "establishment": u.establishment,
        "active": u.active.0,
        "whole_plan": u.whole_plan.0,
    })
}

/// A password change as typed by its owner.
pub struct PasswordChange<'a> {
    pub current: &'a str,
    pub new: &'a str,
    pub confirm: &'a str,
}

/// Whether `user` signs in with a password (trainees usually sign in with mailed links).
pub async fn has_password(store: &Store, user: &User) -> Result<bool, Error> {
    let email = Email::parse(&user.email).map_err(|_| Error::NotFound)?;
    Ok(matches!(
        people::credentials(store, &email).await?,
        Some((_, Some(_)))
    ))
}

/// Changes `user`'s own password: the current one must be right, the new one follow the rules
/// and be typed twice alike. Every other session of the person ends (`keep` is the session the
/// change was made from).
pub async fn change_password(
    store: &Store,
    user: &User,
    change: &PasswordChange<'_>,
    keep: Option<&str>,
) -> Result<(), Error> {
    let email = Email::parse(&user.email).map_err(|_| Error::NotFound)?;
    let Some((_, Some(hash))) = people::credentials(store, &email).await? else {
        return Err(Error::Refused("no_password"));
    };
    let mut e = FieldErrors::new();
    if !password::verify_async(change.current.to_owned(), hash).await {
        e.add("current_password", Invalid::new("error-password-wrong"));
    }
    let new = e.check("new_password", password::check(change.new));
    if new.is_some() && change.new != change.confirm {
        e.add("confirm_password", Invalid::new("error-password-mismatch"));
    }
    let (Some(new), true) = (new, e.is_empty()) else {
        return Err(Error::Invalid(e));
    };
    let hash = password::hash_async(new).await?;
    people::set_password(store, user.id, &hash).await?;
    hybride_store::security::end_other_sessions(store, user.id, keep).await?;
    Ok(())
}

/// Everything Hybride holds about `user_id`, as JSON (their request under the GDPR): `{
/// "exported_at", "user_id", "tables": { name: [ { column: text or null } ] }, "mails": [...] }`.
pub async fn personal_data(store: &Store, user_id: i64) -> Result<serde_json::Value, Error> {
    Ok(hybride_store::personal::export(store, user_id).await?)
}
