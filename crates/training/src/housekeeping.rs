//! What is cleaned up on its own, every hour: expired or idle sessions, login links and password
//! reset links, sign-ins abandoned at the provider's page, attempt
//! counters no limit needs any more, plans' exports past their days of download. Each step that
//! fails is logged and the next one still runs.

use hybride_store::Store;

/// Attempt counters older than this are of no use to any limit.
const LIMITS_KEPT_SECONDS: i64 = 86_400;

/// One round of cleaning up.
pub async fn run_once(store: &Store) {
    if let Err(e) = hybride_store::security::purge_expired(store).await {
        tracing::warn!(error = %e, "purging expired sessions failed");
    }
    if let Err(e) = hybride_store::sign_in::purge_attempts(store).await {
        tracing::warn!(error = %e, "purging abandoned sign-ins failed");
    }
    let now = crate::now();
    if let Err(e) = hybride_store::limits::purge(store, now - LIMITS_KEPT_SECONDS).await {
        tracing::warn!(error = %e, "purging attempt counters failed");
    }
    // Plans' exports are kept for download a few days.
    let before = now - crate::exports::KEPT_DAYS * 86_400;
    if let Err(e) = hybride_store::exports::purge(store, before).await {
        tracing::warn!(error = %e, "removing old plan exports failed");
    }
}
