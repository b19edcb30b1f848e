//! The retention policy in words: the purge's report as the CLI prints it and the settings page
//! shows it, in the reader's language.

use crate::i18n::{tr, Lang};
use hybride_domain::retention::{RecordKind, Retention};
pub use hybride_store::retention::PurgeReport;
use hybride_store::retention::Removed;
use hybride_store::Store;

/// « Sessions archivées terminées avant le … : 3 (inscriptions 60, …) ».
pub fn line(lang: Lang, policy: &Retention, r: &Removed) -> String {
    let day = r
        .before
        .parse::<jiff::civil::Date>()
        .map(|d| crate::i18n::day_words(lang, d))
        .unwrap_or_else(|_| r.before.clone());
    let mut text = tr(
        lang,
        &format!("retention-line-{}", r.kind.as_str()),
        &[
            ("day", day),
            ("count", r.count.to_string()),
            ("duration", policy.get(r.kind).to_string()),
        ],
    );
    let details: Vec<String> = r
        .rows
        .iter()
        .filter(|t| t.rows > 0 && !(r.rows.len() == 1 || t.table == "cohorts"))
        .map(|t| {
            format!(
                "{} {}",
                crate::i18n::t(lang, &format!("table-{}", t.table)),
                t.rows
            )
        })
        .collect();
    if !details.is_empty() {
        text.push_str(&format!(" ({})", details.join(", ")));
    }
    if r.kept > 0 {
        text.push_str(" — ");
        text.push_str(&tr(lang, "retention-kept", &[("kept", r.kept.to_string())]));
    }
    text
}

/// Applies the académie's policy now (`apply` false: only says what it would remove). A purge
/// that removed rows is written to the audit log, with what it removed.
pub async fn purge(
    s: &Store,
    by: crate::audit::Actor<'_>,
    apply: bool,
) -> Result<(Retention, PurgeReport), crate::Error> {
    let policy = hybride_store::retention::policy(s).await?;
    let now = hybride_store::now();
    let today = hybride_domain::time::civil(now).date();
    let report = hybride_store::retention::purge(s, &policy, today, now, apply).await?;
    if report.applied && report.total() > 0 {
        let details = serde_json::json!({ "rows": report.total(), "kinds": &report.kinds });
        crate::audit::record(
            s,
            by,
            hybride_domain::audit::AuditAction::Purged,
            "record",
            details,
        )
        .await?;
    }
    Ok((policy, report))
}

/// The report's lines: one per kind, then the total.
pub fn report_lines(lang: Lang, policy: &Retention, report: &PurgeReport) -> Vec<String> {
    let mut lines: Vec<String> = report.kinds.iter().map(|r| line(lang, policy, r)).collect();
    lines.push(tr(
        lang,
        if report.applied {
            "retention-total"
        } else {
            "retention-total-dry"
        },
        &[("rows", report.total().to_string())],
    ));
    lines
}

/// The whole report as text: a heading line, then the report's lines.
pub fn report_text(lang: Lang, policy: &Retention, report: &PurgeReport) -> String {
    let mut out = crate::i18n::t(
        lang,
        if report.applied {
            "retention-applied"
        } else {
            "retention-dry-run"
        },
    );
    out.push('\n');
    let mut lines = report_lines(lang, policy, report);
    let total = lines.pop().unwrap_or_default();
    for l in lines {
        out.push_str("- ");
        out.push_str(&l);
        out.push('\n');
    }
    out.push_str(&total);
    out.push('\n');
    out
}

/// Every kind, for the settings form: its field, whether it counts months, its range.
pub fn kinds() -> Vec<minijinja::Value> {
    RecordKind::ALL
        .iter()
        .map(|k| {
            let (low, high) = k.range();
            minijinja::context! {
                kind => k.as_str(),
                field => k.field(),
                months => k.in_months(),
                low => low,
                high => high,
            }
        })
        .collect()
}

// ---- reads and writes of the record, for the pages and the API

/// The académie's policy (the defaults until an admin sets it).
pub async fn policy(store: &Store) -> crate::Result<Retention> {
    Ok(hybride_store::retention::policy(store).await?)
}

pub async fn set_policy(
    store: &Store,
    by: &crate::people::User,
    r: &Retention,
) -> crate::Result<()> {
    let before = hybride_store::retention::policy(store).await?;
    hybride_store::retention::set_policy(store, r).await?;
    crate::audit::record_change(
        store,
        by,
        hybride_domain::audit::AuditAction::RetentionSet,
        "settings:retention",
        &before,
        r,
    )
    .await
}
