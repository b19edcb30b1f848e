//! The signatories of the certificats de réalisation, as the académie's admins name them: each
//! naming kept (never changed), so that a certificate names whoever was in office when its
//! cohort ended.

use crate::{Store, StoreResult};
use hybride_domain::certificate::{Capacity, Signatory};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

/// A signatory as named, and since when.
#[derive(Debug, Clone, PartialEq, Eq, FromRow, Serialize, ToSchema)]
pub struct NamedSignatory {
    pub id: i64,
    /// Their full name, as the certificates print it.
    pub name: String,
    /// Their title (« Directrice de l’EAFC »).
    pub title: String,
    #[sqlx(try_from = "String")]
    pub capacity: Capacity,
    /// The admin who named them; none for the demo's seed, or once that account is gone.
    pub set_by: Option<i64>,
    /// When they were named (Unix seconds).
    pub set_at: i64,
}

const SELECT: &str =
    "SELECT id, name, title, capacity, set_by, set_at FROM certificate_signatories";

/// Names `s` the signatory from `at` on (`by`: the admin naming them).
pub async fn name(
    store: &Store,
    s: &Signatory,
    by: Option<i64>,
    at: i64,
) -> StoreResult<NamedSignatory> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO certificate_signatories (name, title, capacity, set_by, set_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(s.name.as_str())
    .bind(s.title.as_str())
    .bind(s.capacity.as_str())
    .bind(by)
    .bind(at)
    .fetch_one(store.pool())
    .await?;
    Ok(NamedSignatory {
        id,
        name: s.name.to_string(),
        title: s.title.to_string(),
        capacity: s.capacity,
        set_by: by,
        set_at: at,
    })
}

/// Every signatory named, the current one first.
pub async fn history(store: &Store) -> StoreResult<Vec<NamedSignatory>> {
    Ok(
        sqlx::query_as(&format!("{SELECT} ORDER BY set_at DESC, id DESC"))
            .fetch_all(store.pool())
            .await?,
    )
}

/// The signatory in office now, if any is named.
pub async fn current(store: &Store) -> StoreResult<Option<NamedSignatory>> {
    Ok(
        sqlx::query_as(&format!("{SELECT} ORDER BY set_at DESC, id DESC LIMIT 1"))
            .fetch_optional(store.pool())
            .await?,
    )
}

/// Who signs what ended at `at`: the last named by then; when nobody was named yet, the first
/// named after (so that, once one is named, a certificate's signatory never changes). One
/// statement.
pub async fn in_office_at(store: &Store, at: i64) -> StoreResult<Option<NamedSignatory>> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} ORDER BY CASE WHEN set_at <= $1 THEN 0 ELSE 1 END, \
         CASE WHEN set_at <= $1 THEN -set_at ELSE set_at END, \
         CASE WHEN set_at <= $1 THEN -id ELSE id END LIMIT 1"
    ))
    .bind(at)
    .fetch_optional(store.pool())
    .await?)
}
