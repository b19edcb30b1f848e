//! Everything held about one person, for them to take away (a data subject's copy): every row of
//! every table that names them, every column but secrets (hashes of passwords and tokens) and
//! file contents (named, with their SHA-256, and downloadable on their own).

use crate::{now, Backend, Store, StoreError, StoreResult};
use serde_json::{Map, Value};
use sqlx::Row;

/// The tables that name a person, and the columns that do.
pub const PERSONAL_TABLES: &[(&str, &[&str])] = &[
    ("users", &["id"]),
    ("enrollments", &["user_id"]),
    ("cohort_trainers", &["user_id"]),
    ("training_trainers", &["user_id"]),
    ("attendance_events", &["subject_id", "actor_id"]),
    ("attendance_documents", &["user_id"]),
    ("posts", &["author_id"]),
    ("post_mentions", &["user_id"]),
    ("forum_subscriptions", &["user_id"]),
    ("follow_ups", &["user_id", "sent_by"]),
    ("personal_links", &["user_id"]),
    ("convocations", &["user_id"]),
    ("login_links", &["user_id"]),
    ("api_tokens", &["user_id"]),
    ("sessions", &["user_id"]),
    ("second_factors", &["user_id"]),
    ("recovery_codes", &["user_id"]),
    ("equipment_checks", &["user_id"]),
    ("qualifications", &["trainer_id", "trained_by"]),
    ("pay_profiles", &["user_id"]),
    ("pay_lumps", &["user_id", "created_by"]),
    ("reviews", &["user_id"]),
    ("transmissions", &["user_id"]),
    ("closing_messages", &["user_id"]),
    ("surveys", &["sent_by"]),
    ("survey_invitations", &["user_id"]),
    ("bundle_exports", &["requested_by"]),
    ("certificate_signatories", &["set_by"]),
];

/// Columns never exported: secrets, and file contents.
fn withheld(table: &str, column: &str) -> bool {
    column.contains("hash")
        || column.contains("secret")
        || (column == "body" && matches!(table, "attendance_documents" | "bundle_exports"))
}

/// A table's columns, in order.
pub async fn columns(store: &Store, table: &str) -> StoreResult<Vec<String>> {
    let rows: Vec<(String,)> = match store.backend() {
        Backend::Sqlite => {
            sqlx::query_as("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                .bind(table)
                .fetch_all(store.pool())
                .await?
        }
        Backend::Postgres => {
            sqlx::query_as(
                "SELECT CAST(column_name AS TEXT) FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
            )
            .bind(table)
            .fetch_all(store.pool())
            .await?
        }
    };
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Everything held about `user_id`, as JSON: `{ "exported_at", "user_id", "tables": { name:
/// [ { column: text or null } ] }, "mails": [...] }`. Values are given as text.
pub async fn export(store: &Store, user_id: i64) -> StoreResult<Value> {
    let user = crate::people::get(store, user_id).await?;
    let mut tables = Map::new();
    for (table, keys) in PERSONAL_TABLES {
        let cols: Vec<String> = columns(store, table)
            .await?
            .into_iter()
            .filter(|c| !withheld(table, c))
            .collect();
        if cols.is_empty() {
            return Err(StoreError::Refused("personal_table"));
        }
        let select = cols
            .iter()
            .map(|c| format!("CAST({c} AS TEXT)"))
            .collect::<Vec<_>>()
            .join(", ");
        let filter = keys
            .iter()
            .map(|k| format!("{k} = $1"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let rows = sqlx::query(&format!("SELECT {select} FROM {table} WHERE {filter}"))
            .bind(user_id)
            .fetch_all(store.pool())
            .await?;
        let mut list = Vec::with_capacity(rows.len());
        for row in rows {
            let mut obj = Map::new();
            for (i, c) in cols.iter().enumerate() {
                let v: Option<String> = row.try_get(i)?;
                obj.insert(c.clone(), v.map(Value::String).unwrap_or(Value::Null));
            }
            list.push(Value::Object(obj));
        }
        tables.insert((*table).to_owned(), Value::Array(list));
    }
    // The mails sent to them.
    let mails: Vec<(String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT subject, body, created_at, sent_at FROM outbox WHERE recipient = $1 ORDER BY id",
    )
    .bind(user.email.as_str())
    .fetch_all(store.pool())
    .await?;
    let mails: Vec<Value> = mails
        .into_iter()
        .map(|(subject, body, created_at, sent_at)| {
            // Without their working links: the export is a copy that travels.
            let body = hybride_domain::text::without_working_links(&body);
            serde_json::json!({"subject": subject, "body": body, "created_at": created_at, "sent_at": sent_at})
        })
        .collect();
    Ok(serde_json::json!({
        "exported_at": now(),
        "user_id": user_id,
        "email": user.email.as_str(),
        "tables": tables,
        "mails": mails,
    }))
}
