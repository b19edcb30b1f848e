//! Bulk loading for benchmarks (`hybride seed --scale …`): many rows per statement, many
//! statements per transaction, explicit ids, on both backends. Nothing here serves requests.

use crate::{Backend, Store, StoreResult};
use sqlx::{Any, Transaction};

/// One value of a row to insert.
#[derive(Debug, Clone)]
pub enum Cell {
    Int(i64),
    Text(String),
    /// A NULL integer column.
    NullInt,
    /// A NULL text column.
    NullText,
}

impl From<i64> for Cell {
    fn from(v: i64) -> Cell {
        Cell::Int(v)
    }
}

impl From<String> for Cell {
    fn from(v: String) -> Cell {
        Cell::Text(v)
    }
}

impl From<&str> for Cell {
    fn from(v: &str) -> Cell {
        Cell::Text(v.to_owned())
    }
}

impl From<Option<i64>> for Cell {
    fn from(v: Option<i64>) -> Cell {
        v.map_or(Cell::NullInt, Cell::Int)
    }
}

impl From<Option<String>> for Cell {
    fn from(v: Option<String>) -> Cell {
        v.map_or(Cell::NullText, Cell::Text)
    }
}

/// Bound parameters per statement. PostgreSQL takes up to 65,535; SQLite up to 32,766, but
/// binding through sqlx grows with the square of their number there (a 32,000-parameter
/// statement takes over a second, 32 of 1,000 a tenth of that), so SQLite gets short ones.
fn max_params(backend: Backend) -> usize {
    match backend {
        Backend::Sqlite => 1_000,
        Backend::Postgres => 32_000,
    }
}
/// Rows written before the transaction is committed and a new one begun.
const ROWS_PER_TRANSACTION: usize = 200_000;

/// Rows of one table, buffered and written many per statement inside long transactions.
pub struct Loader<'a> {
    store: &'a Store,
    tx: Option<Transaction<'static, Any>>,
    table: &'static str,
    columns: &'static [&'static str],
    rows_per_statement: usize,
    buffer: Vec<Cell>,
    in_transaction: usize,
    written: u64,
}

impl<'a> Loader<'a> {
    pub fn new(store: &'a Store, table: &'static str, columns: &'static [&'static str]) -> Self {
        Loader {
            store,
            tx: None,
            table,
            columns,
            rows_per_statement: (max_params(store.backend()) / columns.len()).max(1),
            buffer: Vec::new(),
            in_transaction: 0,
            written: 0,
        }
    }

    /// Queues one row (as many cells as columns); writes a statement when enough are queued.
    /// Returns how many rows were written by this call.
    pub async fn push(&mut self, row: Vec<Cell>) -> StoreResult<u64> {
        debug_assert_eq!(row.len(), self.columns.len());
        self.buffer.extend(row);
        if self.buffer.len() >= self.rows_per_statement * self.columns.len() {
            return self.flush().await;
        }
        Ok(0)
    }

    /// Writes the queued rows; returns how many.
    pub async fn flush(&mut self) -> StoreResult<u64> {
        if self.buffer.is_empty() {
            return Ok(0);
        }
        let width = self.columns.len();
        let rows = self.buffer.len() / width;
        let mut sql = format!(
            "INSERT INTO {} ({}) VALUES ",
            self.table,
            self.columns.join(", ")
        );
        let mut n = 0;
        for r in 0..rows {
            sql.push_str(if r == 0 { "(" } else { ", (" });
            for c in 0..width {
                n += 1;
                if c > 0 {
                    sql.push_str(", ");
                }
                sql.push('$');
                sql.push_str(&n.to_string());
            }
            sql.push(')');
        }
        if self.tx.is_none() {
            self.tx = Some(self.store.pool().begin().await?);
        }
        let tx = self.tx.as_mut().expect("a transaction was begun");
        let mut q = sqlx::query(&sql);
        for cell in self.buffer.drain(..) {
            q = match cell {
                Cell::Int(v) => q.bind(v),
                Cell::Text(v) => q.bind(v),
                Cell::NullInt => q.bind(None::<i64>),
                Cell::NullText => q.bind(None::<String>),
            };
        }
        q.execute(&mut **tx).await?;
        self.in_transaction += rows;
        self.written += rows as u64;
        if self.in_transaction >= ROWS_PER_TRANSACTION {
            self.commit().await?;
        }
        Ok(rows as u64)
    }

    async fn commit(&mut self) -> StoreResult<()> {
        if let Some(tx) = self.tx.take() {
            tx.commit().await?;
        }
        self.in_transaction = 0;
        Ok(())
    }

    /// Writes what is left and commits; returns the rows written by this call.
    pub async fn finish(mut self) -> StoreResult<u64> {
        let n = self.flush().await?;
        self.commit().await?;
        Ok(n)
    }

    pub fn table(&self) -> &'static str {
        self.table
    }

    /// Rows written so far.
    pub fn written(&self) -> u64 {
        self.written
    }
}

/// The next free id of a table (its largest id plus one).
pub async fn next_id(store: &Store, table: &str) -> StoreResult<i64> {
    // Table names come from the caller's constants.
    let (max,): (Option<i64>,) = sqlx::query_as(&format!("SELECT MAX(id) FROM {table}"))
        .fetch_one(store.pool())
        .await?;
    Ok(max.unwrap_or(0) + 1)
}

/// After rows were written with explicit ids: PostgreSQL's identity sequences continue past
/// them (SQLite needs nothing).
pub async fn advance_ids(store: &Store, tables: &[&str]) -> StoreResult<()> {
    if store.backend() != Backend::Postgres {
        return Ok(());
    }
    for table in tables {
        sqlx::query(&format!(
            "SELECT CAST(setval(pg_get_serial_sequence('{table}', 'id'), \
             (SELECT COALESCE(MAX(id), 1) FROM {table})) AS BIGINT)"
        ))
        .execute(store.pool())
        .await?;
    }
    Ok(())
}

/// Whether an account with this e-mail exists.
pub async fn email_taken(store: &Store, email: &str) -> StoreResult<bool> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE email = $1")
        .bind(email)
        .fetch_optional(store.pool())
        .await?;
    Ok(row.is_some())
}

/// The plan of a school year, if one exists.
pub async fn plan_of_year(store: &Store, school_year: &str) -> StoreResult<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM plans WHERE school_year = $1")
        .bind(school_year)
        .fetch_optional(store.pool())
        .await?;
    Ok(row.map(|r| r.0))
}

/// Refreshes the planner's statistics after a bulk load (PostgreSQL's autovacuum would do it
/// within minutes; SQLite keeps none until asked).
pub async fn analyze(store: &Store) -> StoreResult<()> {
    sqlx::query("ANALYZE").execute(store.pool()).await?;
    Ok(())
}

/// The database's size on disk, in bytes (SQLite: the main file and its write-ahead log).
pub async fn size_bytes(store: &Store) -> StoreResult<i64> {
    match store.backend() {
        Backend::Sqlite => {
            let (pages,): (i64,) = sqlx::query_as("PRAGMA page_count")
                .fetch_one(store.pool())
                .await?;
            let (size,): (i64,) = sqlx::query_as("PRAGMA page_size")
                .fetch_one(store.pool())
                .await?;
            Ok(pages * size)
        }
        Backend::Postgres => {
            let (n,): (i64,) =
                sqlx::query_as("SELECT CAST(pg_database_size(current_database()) AS BIGINT)")
                    .fetch_one(store.pool())
                    .await?;
            Ok(n)
        }
    }
}

/// Rows of one table.
pub async fn count(store: &Store, table: &str) -> StoreResult<i64> {
    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(store.pool())
        .await?;
    Ok(n)
}
