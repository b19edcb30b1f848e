//! The audit log (admins): who changed which account or setting, imported or purged, when, and
//! what changed — read page by page, most recent first.

use super::page;
use crate::access::Admins;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Query, State};
use axum::response::Response;
use hybride_domain::audit::AuditAction;
use hybride_training::audit::{self, Entry};
use hybride_training::i18n::{self, Lang};
use minijinja::context;
use serde::Deserialize;
use serde_json::Value;

/// Entries per page.
const PAGE: i64 = 50;

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    /// Entries before this one: the next page.
    #[serde(default)]
    before: Option<String>,
}

pub async fn index(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Query(q): Query<AuditQuery>,
) -> Result<Response, AppError> {
    // An unreadable `before` reads as the first page.
    let before = q
        .before
        .as_deref()
        .and_then(|b| b.trim().parse::<i64>().ok());
    let entries = audit::recent(&state.store, before, PAGE + 1).await?;
    let more = entries.len() as i64 > PAGE;
    let shown: Vec<minijinja::Value> = entries
        .iter()
        .take(PAGE as usize)
        .map(|e| shown(who.ctx.lang, e))
        .collect();
    let next = more.then(|| entries[PAGE as usize - 1].seq);
    page(
        &state,
        &who.ctx,
        "audit.html",
        context! { entries => shown, next => next, first => before.is_none() },
        false,
    )
}

/// An entry as the page shows it: its moment in words, who, what, and one line per change.
fn shown(lang: Lang, e: &Entry) -> minijinja::Value {
    let action = AuditAction::parse(&e.action)
        .map(|a| i18n::t(lang, &a.message()))
        .unwrap_or_else(|_| e.action.clone());
    let actor = if e.actor_id.is_none() && e.actor == "command" {
        i18n::t(lang, "audit-by-command")
    } else {
        e.actor.clone()
    };
    context! {
        seq => e.seq,
        when => i18n::instant_words(lang, e.at),
        actor => actor,
        action => action,
        subject => e.subject,
        lines => lines(lang, &e.details),
    }
}

/// « Rôle : pilote → formateur », one per field of the details.
fn lines(lang: Lang, details: &str) -> Vec<String> {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(details) else {
        return Vec::new();
    };
    map.iter()
        .map(|(k, v)| {
            let label = field_label(lang, k);
            let value = match v.as_array() {
                Some(pair) if pair.len() == 2 => format!(
                    "{} → {}",
                    value_text(lang, &pair[0]),
                    value_text(lang, &pair[1])
                ),
                _ => value_text(lang, v),
            };
            i18n::tr(lang, "audit-line", &[("field", label), ("value", value)])
        })
        .collect()
}

fn field_label(lang: Lang, key: &str) -> String {
    let own = format!("audit-field-{}", key.replace('_', "-"));
    let form = format!("field-{}", key.replace('_', "-"));
    if i18n::exists(&own) {
        i18n::t(lang, &own)
    } else if i18n::exists(&form) {
        i18n::t(lang, &form)
    } else {
        key.to_owned()
    }
}

fn value_text(lang: Lang, v: &Value) -> String {
    match v {
        Value::Null => "—".to_owned(),
        Value::Bool(true) => i18n::t(lang, "yes"),
        Value::Bool(false) => i18n::t(lang, "no"),
        Value::String(s) => {
            let role = format!("role-{s}");
            if hybride_domain::Role::parse(s).is_ok() && i18n::exists(&role) {
                i18n::t(lang, &role)
            } else {
                s.clone()
            }
        }
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// This feature's pages.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::get;
    axum::Router::new().route("/settings/audit", get(index))
}
