//! Accounts: admins, pilots, trainers and trainees.

use crate::Found;
use crate::{now, Flag, Store, StoreError, StoreResult};
use hybride_domain::accounts::NewAccount;
use hybride_domain::{Email, Role};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub last_name: String,
    pub first_name: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub establishment: Option<String>,
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub active: Flag,
    pub locale: String,
    pub created_at: i64,
    /// A pilot granted the whole plan sees every training, not only those they pilot.
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub whole_plan: Flag,
}

impl User {
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

pub(crate) const USER_COLUMNS: &str =
    "u.id, u.email, u.last_name, u.first_name, u.role, u.establishment, u.active, u.locale, u.created_at, u.whole_plan";

/// Which accounts to list.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    pub role: Option<Role>,
    /// Matches the start of the last name, first name or e-mail, case-insensitively.
    pub search: Option<String>,
    pub limit: i64,
    pub offset: i64,
}

pub async fn create(
    store: &Store,
    account: &NewAccount,
    password_hash: Option<&str>,
) -> StoreResult<User> {
    let id: (i64,) = sqlx::query_as(
        "INSERT INTO users (email, last_name, first_name, role, establishment, password_hash, active, locale, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 1, 'fr', $7) RETURNING id",
    )
    .bind(account.email.as_str())
    .bind(account.last_name.as_str())
    .bind(account.first_name.as_str())
    .bind(account.role.as_str())
    .bind(account.establishment.as_deref())
    .bind(password_hash)
    .bind(now())
    .fetch_one(store.pool())
    .await
    .map_err(StoreError::unique("email"))?;
    get(store, id.0).await
}

/// Creates every account or none. On refusal, returns the indexes (in `accounts`) of the
/// e-mails that already have an account.
pub async fn import(
    store: &Store,
    accounts: &[NewAccount],
) -> StoreResult<Result<usize, Vec<usize>>> {
    let mut tx = store.pool().begin().await?;
    let mut existing = Vec::new();
    let at = now();
    for (i, a) in accounts.iter().enumerate() {
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO users (email, last_name, first_name, role, establishment, active, locale, created_at) \
             VALUES ($1, $2, $3, $4, $5, 1, 'fr', $6) ON CONFLICT (email) DO NOTHING RETURNING id",
        )
        .bind(a.email.as_str())
        .bind(a.last_name.as_str())
        .bind(a.first_name.as_str())
        .bind(a.role.as_str())
        .bind(a.establishment.as_deref())
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?;
        if inserted.is_none() {
            existing.push(i);
        }
    }
    if existing.is_empty() {
        tx.commit().await?;
        Ok(Ok(accounts.len()))
    } else {
        tx.rollback().await?;
        Ok(Err(existing))
    }
}

pub async fn get(store: &Store, id: i64) -> StoreResult<User> {
    sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1"
    ))
    .bind(id)
    .fetch_optional(store.pool())
    .await?
    .ok_or(StoreError::NotFound)
}

pub async fn by_email(store: &Store, email: &Email) -> StoreResult<Option<User>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM users u WHERE u.email = $1"
    ))
    .bind(email.as_str())
    .fetch_optional(store.pool())
    .await?)
}

/// The account and its password hash, for logging in.
pub async fn credentials(
    store: &Store,
    email: &Email,
) -> StoreResult<Option<(User, Option<String>)>> {
    let row: Option<(i64, Option<String>)> =
        sqlx::query_as("SELECT id, password_hash FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(store.pool())
            .await?;
    match row {
        Some((id, hash)) => Ok(Some((get(store, id).await?, hash))),
        None => Ok(None),
    }
}

fn filter_sql(filter: &UserFilter) -> (String, Vec<String>) {
    let mut sql = String::from(" FROM users u WHERE 1 = 1");
    let mut args = Vec::new();
    if let Some(role) = filter.role {
        args.push(role.as_str().to_owned());
        sql.push_str(&format!(" AND u.role = ${}", args.len()));
    }
    if let Some(q) = filter
        .search
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
    {
        let pattern = format!(
            "{}%",
            q.to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        args.push(pattern);
        let n = args.len();
        sql.push_str(&format!(
            " AND (LOWER(u.last_name) LIKE ${n} ESCAPE '\\' OR LOWER(u.first_name) LIKE ${n} ESCAPE '\\' \
             OR u.email LIKE ${n} ESCAPE '\\')"
        ));
    }
    (sql, args)
}

pub async fn list(store: &Store, filter: &UserFilter) -> StoreResult<Vec<User>> {
    let (from, args) = filter_sql(filter);
    let sql = format!(
        "SELECT {USER_COLUMNS}{from} ORDER BY u.last_name, u.first_name, u.id LIMIT {} OFFSET {}",
        filter.limit.clamp(1, 1000),
        filter.offset.max(0)
    );
    let mut q = sqlx::query_as(&sql);
    for a in args {
        q = q.bind(a);
    }
    Ok(q.fetch_all(store.pool()).await?)
}

pub async fn count(store: &Store, filter: &UserFilter) -> StoreResult<i64> {
    let (from, args) = filter_sql(filter);
    let sql = format!("SELECT COUNT(*){from}");
    let mut q = sqlx::query_as(&sql);
    for a in args {
        q = q.bind(a);
    }
    let (n,): (i64,) = q.fetch_one(store.pool()).await?;
    Ok(n)
}

/// What an admin may change on an account.
#[derive(Debug, Clone)]
pub struct AccountUpdate {
    pub last_name: hybride_domain::PersonName,
    pub first_name: hybride_domain::PersonName,
    pub role: Role,
    pub establishment: Option<String>,
    pub active: bool,
    /// Kept only for a pilot: another role drops the grant.
    pub whole_plan: bool,
}

pub async fn update(store: &Store, id: i64, u: &AccountUpdate) -> StoreResult<User> {
    let mut tx = store.pool().begin().await?;
    sqlx::query(
        "UPDATE users SET last_name = $1, first_name = $2, role = $3, establishment = $4, active = $5, \
         whole_plan = $6 WHERE id = $7",
    )
    .bind(u.last_name.as_str())
    .bind(u.first_name.as_str())
    .bind(u.role.as_str())
    .bind(u.establishment.as_deref())
    .bind(i64::from(u.active))
    .bind(i64::from(u.whole_plan && u.role == Role::Pilot))
    .bind(id)
    .execute(&mut *tx)
    .await?
    .found()?;
    if !u.active {
        // A deactivated account loses its sessions and tokens at once.
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        )
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    get(store, id).await
}

/// Grants pilot `id` the whole plan, or takes the grant back; refused for another role.
pub async fn grant_whole_plan(store: &Store, id: i64, granted: bool) -> StoreResult<()> {
    sqlx::query("UPDATE users SET whole_plan = $1 WHERE id = $2 AND role = 'pilot'")
        .bind(i64::from(granted))
        .bind(id)
        .execute(store.pool())
        .await?
        .found()?;
    Ok(())
}

pub async fn set_password(store: &Store, id: i64, hash: &str) -> StoreResult<()> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(id)
        .execute(store.pool())
        .await?
        .found()?;
    Ok(())
}

pub async fn set_locale(store: &Store, id: i64, locale: &str) -> StoreResult<()> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
        .bind(locale)
        .bind(id)
        .execute(store.pool())
        .await?;
    Ok(())
}
