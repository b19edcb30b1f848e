//! Training plans, one per school year.

use crate::Result;
use hybride_domain::SchoolYear;
use hybride_domain::Title;
use hybride_store::Store;

pub use hybride_store::plans::Plan;

/// Opens the plan of a school year.
pub async fn create(
    store: &Store,
    by: crate::audit::Actor<'_>,
    year: SchoolYear,
    title: &Title,
) -> Result<Plan> {
    let plan = hybride_store::plans::create(store, year, title).await?;
    let details = serde_json::json!({ "school_year": year.to_string(), "title": title.as_str() });
    crate::audit::record(
        store,
        by,
        hybride_domain::audit::AuditAction::PlanCreated,
        &format!("plan:{}", plan.id),
        details,
    )
    .await?;
    Ok(plan)
}

/// Every plan, latest year first.
pub async fn list(store: &Store) -> Result<Vec<Plan>> {
    Ok(hybride_store::plans::list(store).await?)
}

/// The plan `id`.
pub async fn get(store: &Store, id: i64) -> Result<Plan> {
    Ok(hybride_store::plans::get(store, id).await?)
}
