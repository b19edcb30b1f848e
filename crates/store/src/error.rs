use thiserror::Error;

/// Errors of the storage layer. Constraint violations that input can cause are turned into
/// `Conflict` or `NotFound`, so that the HTTP layer answers them as the user's mistake rather
/// than as a failure of the service.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique constraint refused a duplicate; the string names what was duplicated.
    #[error("already exists: {0}")]
    Conflict(&'static str),
    /// A rule of the domain refused the change (e.g. enrolling a trainer as a trainee).
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error("unsupported database URL: use sqlite:PATH or postgres://…")]
    UnsupportedUrl,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    /// Maps a unique violation to `Conflict(what)`, leaving other errors as they are.
    pub(crate) fn unique(what: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
        move |e| match &e {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict(what),
            sqlx::Error::Database(db) if db.is_foreign_key_violation() => StoreError::NotFound,
            _ => StoreError::Database(e),
        }
    }
}
