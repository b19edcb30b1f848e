//! The retention policy applied: what `hybride purge` removes of each kind of record once the
//! académie's duration has passed, and the report of what it removed (or would remove).

use crate::{Store, StoreError, StoreResult};
use hybride_domain::retention::{RecordKind, Retention};
use jiff::civil::Date;
use serde::Serialize;
use sqlx::Acquire;
use utoipa::ToSchema;

const SETTINGS: &str = "retention";

/// The académie's policy (the defaults until an admin sets it).
pub async fn policy(store: &Store) -> StoreResult<Retention> {
    Ok(crate::before::setting(store, SETTINGS)
        .await?
        .and_then(|v| serde_json::from_str::<Retention>(&v).ok())
        .filter(|r| r.check().is_ok())
        .unwrap_or_default())
}

pub async fn set_policy(store: &Store, r: &Retention) -> StoreResult<()> {
    if r.check().is_err() {
        return Err(StoreError::Refused("retention"));
    }
    let json = serde_json::to_string(r).map_err(|_| StoreError::Refused("retention"))?;
    crate::before::set_setting(store, SETTINGS, &json).await
}

/// What was removed of one kind of record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Removed {
    pub kind: RecordKind,
    /// Records older than this day (`YYYY-MM-DD`) were removed: cohorts that ended before it,
    /// mails queued before it, connections ended before it, accounts idle since before it.
    pub before: String,
    /// How many of the kind's own records (cohorts, mails, connection traces, accounts).
    pub count: i64,
    /// Rows removed per table, the kind's own first.
    pub rows: Vec<TableRows>,
    /// Accounts that would have gone but are still named by a record kept (a trainer's
    /// countersignature, a post in a cohort still kept…).
    pub kept: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TableRows {
    pub table: String,
    pub rows: i64,
}

/// The purge's report.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PurgeReport {
    /// False for a dry run: nothing was removed, the counts say what would be.
    pub applied: bool,
    pub kinds: Vec<Removed>,
}

impl PurgeReport {
    pub fn total(&self) -> i64 {
        self.kinds
            .iter()
            .flat_map(|k| k.rows.iter())
            .map(|r| r.rows)
            .sum()
    }
}

/// The tables of a cohort's record, counted before the cohort goes (the others follow it by
/// their foreign keys).
const COHORT_TABLES: [&str; 10] = [
    "enrollments",
    "activities",
    "attendance_events",
    "attendance_documents",
    "posts",
    "reviews",
    "surveys",
    "convocations",
    "pay_lumps",
    "transmissions",
];

const ARCHIVED_BEFORE: &str = "SELECT id FROM cohorts WHERE status = 'archived' AND ends_on < $1";

fn months_before(today: Date, months: i64) -> Date {
    today
        .checked_sub(jiff::Span::new().months(months))
        .unwrap_or(today)
}

fn day_of(ts: i64) -> String {
    jiff::Timestamp::from_second(ts)
        .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
        .unwrap_or_default()
}

fn midnight(d: Date) -> i64 {
    d.to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0)
}

/// Applies the policy (or, with `apply` false, counts what it would remove and removes
/// nothing), kind after kind in one transaction — so that the simulation counts the accounts
/// the cohorts' removal frees, as the purge does. `today` and `now` are the moment it runs.
pub async fn purge(
    store: &Store,
    policy: &Retention,
    today: Date,
    now: i64,
    apply: bool,
) -> StoreResult<PurgeReport> {
    let mut kinds = Vec::new();
    let mut tx = store.pool().begin().await?;
    // A write first takes SQLite's write lock (waiting for it), so that the reads below see
    // what the deletes will delete and no other writer slips in between.
    sqlx::query("DELETE FROM settings WHERE 1 = 0")
        .execute(&mut *tx)
        .await?;
    for kind in RecordKind::ALL {
        let swept = match kind {
            RecordKind::Cohorts => cohorts(&mut tx, policy, today).await?,
            RecordKind::Mails => mails(&mut tx, policy, now).await?,
            RecordKind::Connections => connections(&mut tx, policy, now).await?,
            RecordKind::Accounts => accounts(&mut tx, policy, today).await?,
        };
        kinds.push(Removed {
            kind,
            before: swept.before,
            count: swept.count,
            rows: swept
                .rows
                .into_iter()
                .map(|(table, rows)| TableRows {
                    table: table.to_owned(),
                    rows,
                })
                .collect(),
            kept: swept.kept,
        });
    }
    if apply {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(PurgeReport {
        applied: apply,
        kinds,
    })
}

/// What one kind's purge removed: the day before which, how many of its own records, rows per
/// table, accounts kept.
struct Swept {
    before: String,
    count: i64,
    rows: Vec<(&'static str, i64)>,
    kept: i64,
}

/// Archived cohorts that ended before the policy's months, and their whole record.
async fn cohorts(
    tx: &mut sqlx::AnyConnection,
    policy: &Retention,
    today: Date,
) -> StoreResult<Swept> {
    let before = months_before(today, policy.cohorts_months).to_string();
    let (count,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM ({ARCHIVED_BEFORE}) x"))
        .bind(&before)
        .fetch_one(&mut *tx)
        .await?;
    let mut rows = Vec::new();
    if count > 0 {
        for table in COHORT_TABLES {
            let (n,): (i64,) = sqlx::query_as(&format!(
                "SELECT COUNT(*) FROM {table} WHERE cohort_id IN ({ARCHIVED_BEFORE})"
            ))
            .bind(&before)
            .fetch_one(&mut *tx)
            .await?;
            rows.push((table, n));
        }
        // The attendance record names activities and documents without cascading: it goes
        // first, then the cohort takes the rest with it.
        for table in [
            "attendance_events",
            "attendance_heads",
            "attendance_documents",
            "cohorts",
        ] {
            let column = if table == "cohorts" {
                "id"
            } else {
                "cohort_id"
            };
            sqlx::query(&format!(
                "DELETE FROM {table} WHERE {column} IN ({ARCHIVED_BEFORE})"
            ))
            .bind(&before)
            .execute(&mut *tx)
            .await?;
        }
    }
    rows.insert(0, ("cohorts", count));
    Ok(Swept {
        before,
        count,
        rows,
        kept: 0,
    })
}

/// Mails queued before the policy's days.
async fn mails(tx: &mut sqlx::AnyConnection, policy: &Retention, now: i64) -> StoreResult<Swept> {
    let before = now - policy.mails_days * 86_400;
    let n = sqlx::query("DELETE FROM outbox WHERE created_at < $1")
        .bind(before)
        .execute(&mut *tx)
        .await?
        .rows_affected() as i64;
    Ok(Swept {
        before: day_of(before),
        count: n,
        rows: vec![("outbox", n)],
        kept: 0,
    })
}

/// Connection traces (sessions, login links, tokens, rate limits) ended before the policy's
/// days.
async fn connections(
    tx: &mut sqlx::AnyConnection,
    policy: &Retention,
    now: i64,
) -> StoreResult<Swept> {
    let before = now - policy.connections_days * 86_400;
    let mut rows = Vec::new();
    for (table, condition) in [
        ("sessions", "expires_at < $1"),
        ("login_links", "expires_at < $1"),
        ("api_tokens", "revoked_at < $1"),
        ("rate_limits", "window_start < $1"),
    ] {
        let n = sqlx::query(&format!("DELETE FROM {table} WHERE {condition}"))
            .bind(before)
            .execute(&mut *tx)
            .await?
            .rows_affected() as i64;
        rows.push((table, n));
    }
    Ok(Swept {
        before: day_of(before),
        count: rows.iter().map(|(_, n)| n).sum(),
        rows,
        kept: 0,
    })
}

/// Trainees' accounts idle since before the policy's months, in no cohort; an account still
/// named by a record kept stays (its savepoint is undone).
async fn accounts(
    tx: &mut sqlx::AnyConnection,
    policy: &Retention,
    today: Date,
) -> StoreResult<Swept> {
    let before = midnight(months_before(today, policy.accounts_months));
    let candidates: Vec<(i64,)> = sqlx::query_as(
        "SELECT u.id FROM users u WHERE u.role = 'trainee' AND u.created_at < $1 \
         AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.user_id = u.id) \
         AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id \
            AND s.created_at >= $1) \
         AND NOT EXISTS (SELECT 1 FROM api_tokens t WHERE t.user_id = u.id \
            AND COALESCE(t.last_used_at, t.created_at) >= $1) \
         ORDER BY u.id",
    )
    .bind(before)
    .fetch_all(&mut *tx)
    .await?;
    let (mut n, mut kept) = (0, 0);
    for (id,) in candidates {
        let mut sp = tx.begin().await?;
        match sqlx::query("DELETE FROM users WHERE id = $1")
            .bind(id)
            .execute(&mut *sp)
            .await
        {
            Ok(_) => {
                sp.commit().await?;
                n += 1;
            }
            Err(sqlx::Error::Database(db)) if db.is_foreign_key_violation() => {
                sp.rollback().await?;
                kept += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(Swept {
        before: day_of(before),
        count: n,
        rows: vec![("users", n)],
        kept,
    })
}
