//! The audit log: every change an admin makes to accounts and settings, every import and purge,
//! appended by the use case that makes it (never by the pages), read by admins on « Journal
//! d’audit » and through the API, checked by `hybride verify`.

use crate::people::User;
use crate::{Result, Store};
use hybride_domain::audit::AuditAction;
use hybride_store::audit::{self as store, NewEntry};

pub use hybride_store::audit::{AuditEntry as Entry, Check};

/// Who made a change.
#[derive(Debug, Clone, Copy)]
pub enum Actor<'a> {
    /// An admin (or, for their own settings, any person), through a page or the API.
    Person(&'a User),
    /// The command line on the server (`hybride user`, `hybride import`, `hybride purge`).
    Command,
}

impl<'a> From<&'a User> for Actor<'a> {
    fn from(u: &'a User) -> Actor<'a> {
        Actor::Person(u)
    }
}

/// Appends one entry: `subject` names what was changed (`user:12`, `settings`), `details` what
/// changed.
pub async fn record(
    s: &Store,
    actor: Actor<'_>,
    action: AuditAction,
    subject: &str,
    details: serde_json::Value,
) -> Result<Entry> {
    let (actor_id, name) = match actor {
        Actor::Person(u) => (Some(u.id), u.display_name()),
        Actor::Command => (None, "command".to_owned()),
    };
    let details = details.to_string();
    Ok(store::append(
        s,
        &NewEntry {
            actor_id,
            actor: &name,
            action: action.as_str(),
            subject,
            details: &details,
        },
    )
    .await?)
}

/// Appends an entry for a change of settings, naming the fields that changed; nothing when
/// none did.
pub async fn record_change<T: serde::Serialize>(
    s: &Store,
    by: &User,
    action: AuditAction,
    subject: &str,
    before: &T,
    after: &T,
) -> Result<()> {
    let (before, after) = (to_value(before), to_value(after));
    let details = changes(&before, &after);
    if details.as_object().is_some_and(|d| !d.is_empty()) {
        record(s, Actor::Person(by), action, subject, details).await?;
    }
    Ok(())
}

fn to_value<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// The most recent entries first, `limit` of them before entry `before`.
pub async fn recent(s: &Store, before: Option<i64>, limit: i64) -> Result<Vec<Entry>> {
    Ok(store::recent(s, before, limit).await?)
}

/// Checks the whole log's chain.
pub async fn verify(s: &Store) -> Result<Check> {
    Ok(store::verify(s).await?)
}

/// The fields that differ between two JSON objects, as `{field: [before, after]}`.
pub fn changes(before: &serde_json::Value, after: &serde_json::Value) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    if let (Some(b), Some(a)) = (before.as_object(), after.as_object()) {
        for (k, v) in a {
            let old = b.get(k).unwrap_or(&serde_json::Value::Null);
            if old != v {
                out.insert(k.clone(), serde_json::json!([old, v]));
            }
        }
    }
    serde_json::Value::Object(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn changes_name_only_the_fields_that_differ() {
        let before = json!({"role": "pilot", "active": true, "whole_plan": false});
        let after = json!({"role": "pilot", "active": false, "whole_plan": true});
        assert_eq!(
            super::changes(&before, &after),
            json!({"active": [true, false], "whole_plan": [false, true]})
        );
        assert_eq!(super::changes(&after, &after), json!({}));
    }
}
