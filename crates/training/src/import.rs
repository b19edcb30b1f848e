//! Importing accounts from a spreadsheet, all or nothing: shared by the page, the API and the CLI.

use crate::i18n;
use crate::Error;
use hybride_domain::accounts::{parse_accounts_csv, LineError};
use hybride_domain::Invalid;
use hybride_store::people;
use serde::Serialize;

/// A line error, translated for display.
#[derive(Serialize)]
pub struct ShownLineError {
    pub line: u64,
    pub column: Option<String>,
    pub message: String,
}

pub fn show_line_errors(lang: i18n::Lang, errors: &[LineError]) -> Vec<ShownLineError> {
    errors
        .iter()
        .map(|e| ShownLineError {
            line: e.line,
            column: e
                .column
                .map(|c| i18n::t(lang, &format!("field-{}", c.replace('_', "-")))),
            message: i18n::invalid(lang, &e.invalid),
        })
        .collect()
}

/// Parses and imports accounts, all or nothing. Shared by the page, the API and the CLI.
pub async fn import_accounts(
    store: &hybride_store::Store,
    by: crate::audit::Actor<'_>,
    bytes: &[u8],
) -> Result<Result<usize, Vec<LineError>>, Error> {
    let accounts = match parse_accounts_csv(bytes) {
        Ok(a) => a,
        Err(errors) => return Ok(Err(errors)),
    };
    match people::import(store, &accounts).await? {
        Ok(n) => {
            let mut roles = std::collections::BTreeMap::new();
            for a in &accounts {
                *roles.entry(a.role.as_str()).or_insert(0) += 1;
            }
            let details = serde_json::json!({ "accounts": n, "roles": roles });
            crate::audit::record(
                store,
                by,
                hybride_domain::audit::AuditAction::AccountsImported,
                "users",
                details,
            )
            .await?;
            Ok(Ok(n))
        }
        Err(existing) => {
            // Line numbers: the header is line 1 and blank lines were skipped, so recover each
            // line from the file by its e-mail.
            let text = String::from_utf8_lossy(bytes);
            Ok(Err(existing
                .into_iter()
                .map(|i| {
                    let email = accounts[i].email.as_str();
                    let line = text
                        .lines()
                        .position(|l| l.to_lowercase().contains(email))
                        .map(|p| p as u64 + 1)
                        .unwrap_or(0);
                    LineError {
                        line,
                        column: Some("email"),
                        invalid: Invalid::with("error-email-taken-value", email),
                    }
                })
                .collect()))
        }
    }
}
