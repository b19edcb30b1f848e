//! Training plans (PAF), one per school year.

use crate::Found;
use crate::{now, Store, StoreError, StoreResult};
use hybride_domain::{SchoolYear, Title};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Plan {
    pub id: i64,
    /// `2026-2027`
    pub school_year: String,
    pub title: String,
    pub created_at: i64,
    /// How many trainings the plan holds.
    pub trainings: i64,
}

const PLAN_SELECT: &str = "SELECT p.id, p.school_year, p.title, p.created_at, \
     (SELECT COUNT(*) FROM trainings t WHERE t.plan_id = p.id) AS trainings FROM plans p";

pub async fn create(store: &Store, year: SchoolYear, title: &Title) -> StoreResult<Plan> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO plans (school_year, title, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(year.to_string())
    .bind(title.as_str())
    .bind(now())
    .fetch_one(store.pool())
    .await
    .map_err(StoreError::unique("school_year"))?;
    get(store, id).await
}

pub async fn list(store: &Store) -> StoreResult<Vec<Plan>> {
    Ok(
        sqlx::query_as(&format!("{PLAN_SELECT} ORDER BY p.school_year DESC"))
            .fetch_all(store.pool())
            .await?,
    )
}

pub async fn get(store: &Store, id: i64) -> StoreResult<Plan> {
    sqlx::query_as(&format!("{PLAN_SELECT} WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn by_year(store: &Store, year: SchoolYear) -> StoreResult<Option<Plan>> {
    Ok(
        sqlx::query_as(&format!("{PLAN_SELECT} WHERE p.school_year = $1"))
            .bind(year.to_string())
            .fetch_optional(store.pool())
            .await?,
    )
}

pub async fn update_title(store: &Store, id: i64, title: &Title) -> StoreResult<Plan> {
    sqlx::query("UPDATE plans SET title = $1 WHERE id = $2")
        .bind(title.as_str())
        .bind(id)
        .execute(store.pool())
        .await?
        .found()?;
    get(store, id).await
}
