//! Free-access courses (M@gistère « formations en libre accès »: DGESCO, Canopé, IFÉ…): the
//! académie's catalogue, the courses a training recommends, and the closing message that sends
//! them to a cohort's trainees.

use crate::Found;
use crate::{now, Store, StoreError, StoreResult};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

#[derive(Debug, Clone, PartialEq, Eq, FromRow, Serialize, ToSchema)]
pub struct OpenCourse {
    pub id: i64,
    pub title: String,
    /// DGESCO, Canopé, IFÉ…
    pub provider: String,
    pub url: String,
    /// Estimated duration.
    pub minutes: i64,
    /// Themes, comma-separated.
    pub themes: String,
    pub created_by: i64,
    pub created_at: i64,
}

/// A course as typed or imported, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCourse {
    pub title: String,
    pub provider: String,
    pub url: String,
    pub minutes: i64,
    pub themes: String,
}

const COLUMNS: &str = "id, title, provider, url, minutes, themes, created_by, created_at";

pub async fn list(store: &Store) -> StoreResult<Vec<OpenCourse>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM open_courses ORDER BY title, id"
    ))
    .fetch_all(store.pool())
    .await?)
}

pub async fn get(store: &Store, id: i64) -> StoreResult<OpenCourse> {
    sqlx::query_as(&format!("SELECT {COLUMNS} FROM open_courses WHERE id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)
}

/// Adds courses in one transaction: all of them, or none when one's address is already in the
/// catalogue (`Conflict("course")`, with the 0-based index of the first duplicate).
pub async fn add_all(
    store: &Store,
    courses: &[NewCourse],
    by: i64,
) -> Result<usize, (usize, StoreError)> {
    let mut tx = store.pool().begin().await.map_err(|e| (0, e.into()))?;
    let at = now();
    for (i, c) in courses.iter().enumerate() {
        sqlx::query(
            "INSERT INTO open_courses (title, provider, url, minutes, themes, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&c.title)
        .bind(&c.provider)
        .bind(&c.url)
        .bind(c.minutes)
        .bind(&c.themes)
        .bind(by)
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(|e| (i, StoreError::unique("course")(e)))?;
    }
    tx.commit().await.map_err(|e| (0, e.into()))?;
    Ok(courses.len())
}

pub async fn delete(store: &Store, id: i64) -> StoreResult<()> {
    sqlx::query("DELETE FROM open_courses WHERE id = $1")
        .bind(id)
        .execute(store.pool())
        .await?
        .found()?;
    Ok(())
}

/// The courses a training recommends.
pub async fn recommended(store: &Store, training_id: i64) -> StoreResult<Vec<OpenCourse>> {
    Ok(sqlx::query_as(
        "SELECT c.id, c.title, c.provider, c.url, c.minutes, c.themes, c.created_by, c.created_at \
         FROM open_courses c JOIN course_recommendations r ON r.course_id = c.id \
         WHERE r.training_id = $1 ORDER BY c.title, c.id",
    )
    .bind(training_id)
    .fetch_all(store.pool())
    .await?)
}

pub async fn recommend(
    store: &Store,
    training_id: i64,
    course_id: i64,
    by: i64,
) -> StoreResult<()> {
    get(store, course_id).await?;
    sqlx::query(
        "INSERT INTO course_recommendations (training_id, course_id, added_by, added_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (training_id, course_id) DO NOTHING",
    )
    .bind(training_id)
    .bind(course_id)
    .bind(by)
    .bind(now())
    .execute(store.pool())
    .await
    .map_err(StoreError::unique("recommendation"))?;
    Ok(())
}

pub async fn unrecommend(store: &Store, training_id: i64, course_id: i64) -> StoreResult<()> {
    let done =
        sqlx::query("DELETE FROM course_recommendations WHERE training_id = $1 AND course_id = $2")
            .bind(training_id)
            .bind(course_id)
            .execute(store.pool())
            .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// A closing message sent to a cohort's trainees.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, Serialize, ToSchema)]
pub struct ClosingMessage {
    pub id: i64,
    pub cohort_id: i64,
    pub user_id: i64,
    pub sent_at: i64,
    pub recipients: i64,
    /// How many recommended courses it carried.
    pub courses: i64,
}

pub async fn closing_messages(store: &Store, cohort_id: i64) -> StoreResult<Vec<ClosingMessage>> {
    Ok(sqlx::query_as(
        "SELECT id, cohort_id, user_id, sent_at, recipients, courses FROM closing_messages \
         WHERE cohort_id = $1 ORDER BY sent_at DESC, id DESC",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

/// Records a closing message and queues its mails in one transaction.
pub async fn send_closing(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    mails: &[crate::outbox::Mail],
    courses: i64,
) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    sqlx::query(
        "INSERT INTO closing_messages (cohort_id, user_id, sent_at, recipients, courses) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(cohort_id)
    .bind(user_id)
    .bind(now())
    .bind(mails.len() as i64)
    .bind(courses)
    .execute(&mut *tx)
    .await?;
    for m in mails {
        crate::outbox::enqueue_in(&mut tx, m).await?;
    }
    tx.commit().await?;
    Ok(())
}
