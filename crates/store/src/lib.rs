//! Hybride's storage boundary.
//!
//! One code path for SQLite and PostgreSQL: every query goes through sqlx's `Any` driver with
//! portable SQL (`$n` placeholders, `RETURNING`, instants as Unix seconds, dates as ISO text).
//! Each backend has its own migrations folder, applied through its native driver. The HTTP layer
//! only sees the repository functions below, so that a hot path can change driver without
//! touching the rest.

pub mod after;
pub mod attendance;
pub mod audit;
pub mod before;
pub mod certificates;
mod chain;
pub mod cohorts;
pub mod courses;
pub mod discussion;
pub mod during;
mod error;
pub mod exports;
pub mod limits;
pub mod links;
pub mod magistere;
pub mod outbox;
pub mod people;
pub mod personal;
pub mod plans;
pub mod qualifications;
pub mod questions;
pub mod retention;
pub mod scale;
pub mod seal;
pub mod second_factor;
pub mod security;
pub mod sign_in;
pub mod surveys;
pub mod testing;
pub mod token;
pub mod trainings;

pub use error::{StoreError, StoreResult};

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::time::Duration;

/// A change that names its row by id: touching none means the row does not exist.
pub(crate) trait Found: Sized {
    /// `NotFound` when the change touched no row.
    fn found(self) -> StoreResult<Self>;
}

impl Found for sqlx::any::AnyQueryResult {
    fn found(self) -> StoreResult<Self> {
        if self.rows_affected() == 0 {
            Err(StoreError::NotFound)
        } else {
            Ok(self)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database, shared by every request.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Marks waiting to be appended together (see [`attendance::record`]).
    appends: std::sync::Arc<attendance::Appends>,
    /// The key that seals what is appended to the chains, when one is configured.
    seal: Option<std::sync::Arc<seal::SealKey>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish()
    }
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Store {
    /// Opens the database at `url` (`sqlite:PATH` or `postgres://…`), creating an SQLite file
    /// when missing, and applies pending migrations.
    pub async fn open(url: &str) -> StoreResult<Store> {
        sqlx::any::install_default_drivers();
        let (backend, url) = normalise_url(url)?;
        Self::migrate(backend, &url).await?;
        let max = match backend {
            // SQLite serialises writers; a few connections serve readers without contention.
            Backend::Sqlite => 4,
            Backend::Postgres => 10,
        };
        let pragmas = format!(
            "PRAGMA foreign_keys = ON; PRAGMA synchronous = {}; PRAGMA busy_timeout = 5000;",
            sqlite_synchronous()?
        );
        let pool = AnyPoolOptions::new()
            .max_connections(max)
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                let pragmas = pragmas.clone();
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute(pragmas.as_str()).await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        Ok(Store {
            pool,
            backend,
            appends: Default::default(),
            seal: None,
        })
    }

    /// This store, sealing every entry it appends to a chain with `key` from now on.
    pub fn sealed_with(mut self, key: seal::SealKey) -> Store {
        self.seal = Some(std::sync::Arc::new(key));
        self
    }

    /// The sealing key, when one is configured.
    pub fn seal_key(&self) -> Option<&seal::SealKey> {
        self.seal.as_deref()
    }

    /// The seal of entry `seq` of `chain`, none without a key.
    pub(crate) fn seal_of(&self, chain: &str, seq: i64, hash: &str) -> Option<String> {
        self.seal.as_ref().map(|k| k.seal(chain, seq, hash))
    }

    async fn migrate(backend: Backend, url: &str) -> StoreResult<()> {
        match backend {
            Backend::Sqlite => {
                use sqlx::ConnectOptions;
                let opts = sqlx::sqlite::SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
                    .busy_timeout(Duration::from_secs(5));
                let mut conn = opts.connect().await?;
                SQLITE_MIGRATIONS.run(&mut conn).await?;
            }
            Backend::Postgres => {
                use sqlx::ConnectOptions;
                let opts = sqlx::postgres::PgConnectOptions::from_str(url)?;
                let mut conn = opts.connect().await?;
                POSTGRES_MIGRATIONS.run(&mut conn).await?;
            }
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// `/readyz`: the database answers a trivial query.
    pub async fn ping(&self) -> StoreResult<()> {
        let _: (i64,) = sqlx::query_as("SELECT 1").fetch_one(&self.pool).await?;
        Ok(())
    }

    /// Table names and their columns as the live database reports them, sorted.
    pub async fn schema(&self) -> StoreResult<Vec<(String, Vec<String>)>> {
        let rows: Vec<(String, String)> = match self.backend {
            Backend::Sqlite => {
                sqlx::query_as(
                    "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
                     AND m.name NOT LIKE '_sqlx_%' ORDER BY m.name, p.name",
                )
                .fetch_all(&self.pool)
                .await?
            }
            Backend::Postgres => {
                sqlx::query_as(
                    "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) \
                     FROM information_schema.columns WHERE table_schema = current_schema() \
                     AND table_name NOT LIKE '_sqlx_%' ORDER BY table_name, column_name",
                )
                .fetch_all(&self.pool)
                .await?
            }
        };
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for (table, column) in rows {
            match out.last_mut() {
                Some((t, cols)) if *t == table => cols.push(column),
                _ => out.push((table, vec![column])),
            }
        }
        Ok(out)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// A consistent copy of the whole SQLite database in a new file, taken while it serves
    /// (`VACUUM INTO`: one read transaction, so the copy is a single point in time).
    pub async fn backup_sqlite(&self, path: &str) -> StoreResult<()> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::UnsupportedUrl);
        }
        sqlx::query("VACUUM INTO $1")
            .bind(path)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// How many rows each table holds, by table name: to compare a database with its restored
    /// copy.
    pub async fn counts(&self) -> StoreResult<Vec<(String, i64)>> {
        let mut out = Vec::new();
        for (table, _) in self.schema().await? {
            // Table names come from the database's own catalogue.
            let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM \"{table}\""))
                .fetch_one(&self.pool)
                .await?;
            out.push((table, n));
        }
        Ok(out)
    }
}

/// SQLite's `synchronous` setting: `NORMAL` (durable at each checkpoint, safe in WAL mode),
/// unless `HYBRIDE_SQLITE_SYNCHRONOUS` asks for `FULL` or `EXTRA` (durable at each commit), or
/// `OFF`.
fn sqlite_synchronous() -> StoreResult<&'static str> {
    match std::env::var("HYBRIDE_SQLITE_SYNCHRONOUS") {
        Err(_) => Ok("NORMAL"),
        Ok(v) => match v.trim().to_ascii_uppercase().as_str() {
            "" | "NORMAL" => Ok("NORMAL"),
            "FULL" => Ok("FULL"),
            "EXTRA" => Ok("EXTRA"),
            "OFF" => Ok("OFF"),
            _ => Err(StoreError::Refused("HYBRIDE_SQLITE_SYNCHRONOUS")),
        },
    }
}

/// Whether another connection has the SQLite file open: leaving WAL mode needs the file to
/// oneself, so a database in use stays in WAL (or is busy). A restore must not replace a file
/// under a running server.
pub async fn sqlite_in_use(url: &str) -> StoreResult<bool> {
    use sqlx::{ConnectOptions, Connection};
    let Some(path) = sqlite_path(url) else {
        return Ok(false);
    };
    if !path.exists() {
        return Ok(false);
    }
    let opts = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .busy_timeout(Duration::from_millis(300));
    let mut conn = opts.connect().await?;
    let mode: Result<(String,), _> = sqlx::query_as("PRAGMA journal_mode = DELETE")
        .fetch_one(&mut conn)
        .await;
    let _ = conn.close().await;
    Ok(!matches!(mode, Ok((m,)) if m.eq_ignore_ascii_case("delete")))
}

/// How many accounts an SQLite file holds (none when it does not exist or holds no accounts
/// table), read through one connection closed before answering: a restore then replaces the file
/// with no handle of its own left on it.
pub async fn sqlite_accounts(url: &str) -> StoreResult<i64> {
    use sqlx::{ConnectOptions, Connection};
    let Some(path) = sqlite_path(url) else {
        return Ok(0);
    };
    if !path.exists() {
        return Ok(0);
    }
    let opts = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .busy_timeout(Duration::from_millis(300));
    let mut conn = opts.connect().await?;
    let n: Result<(i64,), _> = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(&mut conn)
        .await;
    let _ = conn.close().await;
    Ok(n.map(|(n,)| n).unwrap_or(0))
}

/// The file of an SQLite URL (`sqlite:PATH`, `sqlite://PATH?mode=…`); none for another database.
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url.strip_prefix("sqlite:")?.trim_start_matches("//");
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}

fn normalise_url(url: &str) -> StoreResult<(Backend, String)> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok((Backend::Postgres, url.to_owned()))
    } else if let Some(rest) = url.strip_prefix("sqlite:") {
        let rest = rest.trim_start_matches("//");
        let mut url = format!("sqlite:{rest}");
        if !rest.contains("mode=") {
            url.push(if rest.contains('?') { '&' } else { '?' });
            url.push_str("mode=rwc");
        }
        Ok((Backend::Sqlite, url))
    } else {
        Err(StoreError::UnsupportedUrl)
    }
}

/// A yes/no column, stored as 0 or 1 on both backends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Flag(pub bool);

impl TryFrom<i64> for Flag {
    type Error = StoreError;
    fn try_from(v: i64) -> Result<Flag, StoreError> {
        match v {
            0 => Ok(Flag(false)),
            1 => Ok(Flag(true)),
            _ => Err(StoreError::Refused("flag")),
        }
    }
}

/// The current instant in Unix seconds: how every instant is stored.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            normalise_url("sqlite:hybride.sqlite").unwrap(),
            (Backend::Sqlite, "sqlite:hybride.sqlite?mode=rwc".into())
        );
        assert_eq!(
            normalise_url("sqlite:///tmp/x.db?mode=ro").unwrap().1,
            "sqlite:/tmp/x.db?mode=ro"
        );
        assert_eq!(
            normalise_url("postgres://h/db").unwrap().0,
            Backend::Postgres
        );
        assert!(normalise_url("mysql://x").is_err());
    }
}
