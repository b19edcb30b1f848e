//! Fresh databases for tests, on the backend the environment chooses: SQLite in a temporary
//! file by default, or PostgreSQL when `HYBRIDE_TEST_DATABASE_URL` names a server
//! (`postgres://postgres@127.0.0.1:5432/postgres`); each test then gets a database of its own,
//! dropped when the test ends.

use crate::{token, Store, StoreResult};

/// Keeps the test database alive; removes it when dropped.
pub struct TestDatabase {
    pub store: Store,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

fn unique_name() -> String {
    token::digest(&token::generate())[..16].to_owned()
}

impl TestDatabase {
    pub async fn new() -> StoreResult<TestDatabase> {
        match std::env::var("HYBRIDE_TEST_DATABASE_URL") {
            Ok(admin_url) if !admin_url.is_empty() => {
                use sqlx::{ConnectOptions, Connection, Executor};
                use std::str::FromStr;
                let name = format!("hybride_t_{}", unique_name());
                let mut admin = sqlx::postgres::PgConnectOptions::from_str(&admin_url)?
                    .connect()
                    .await?;
                admin
                    .execute(format!("CREATE DATABASE {name}").as_str())
                    .await?;
                admin.close().await?;
                let url = with_database(&admin_url, &name);
                let store = Store::open(&url).await?;
                Ok(TestDatabase {
                    store,
                    url,
                    cleanup: Cleanup::Postgres { admin_url, name },
                })
            }
            _ => {
                let path =
                    std::env::temp_dir().join(format!("hybride-test-{}.sqlite", unique_name()));
                let url = format!("sqlite:{}", path.display());
                let store = Store::open(&url).await?;
                Ok(TestDatabase {
                    store,
                    url,
                    cleanup: Cleanup::File(path),
                })
            }
        }
    }
}

/// Replaces the database name of a PostgreSQL URL.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Postgres { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Dropping happens outside any runtime the test may be inside of.
                let _ = std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build();
                    if let Ok(rt) = rt {
                        rt.block_on(async move {
                            use sqlx::{ConnectOptions, Executor};
                            use std::str::FromStr;
                            if let Ok(opts) = sqlx::postgres::PgConnectOptions::from_str(&admin_url)
                            {
                                if let Ok(mut c) = opts.connect().await {
                                    let _ = c
                                        .execute(
                                            format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                                                .as_str(),
                                        )
                                        .await;
                                }
                            }
                        });
                    }
                })
                .join();
            }
        }
    }
}

/// The first column of a query's rows, as text (`PRAGMA integrity_check`, …).
pub async fn query_text(store: &Store, sql: &str) -> StoreResult<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(sql).fetch_all(store.pool()).await?;
    Ok(rows.into_iter().map(|(t,)| t).collect())
}

/// Runs a statement behind the repositories' back: how tests play someone editing the
/// database by hand.
pub async fn tamper(store: &Store, sql: &str) -> StoreResult<u64> {
    Ok(sqlx::query(sql)
        .execute(store.pool())
        .await?
        .rows_affected())
}

/// Counts the SQL statements the store runs, so that a test can pin how many a use case costs
/// and fail when a path grows (a query per trainee or per activity creeping back in).
///
/// How: sqlx emits one `tracing` event, target `sqlx::query`, for each statement it runs
/// (at `DEBUG`, or `WARN` when slow; `Store::open` keeps sqlx's default levels, and the
/// binary's default filter `info,sqlx=warn` keeps them out of normal logs). A counting
/// [`tracing_subscriber::Layer`] is installed as the process's *global* subscriber, once:
/// SQLite runs statements on a worker thread of its own and PostgreSQL on the caller's task, so
/// a thread-local subscriber would miss the former. The count is therefore process-wide, and
/// exact only while nothing else uses a database: [`StatementCounter::start`] takes a
/// process-wide turn, and every test of a binary that counts must hold one for its whole run
/// (seeding included), declared before its [`TestDatabase`] so that dropping the database
/// happens within the turn. Such a binary must not install another global subscriber.
///
/// What counts: every statement sent, reads and writes alike, but transaction control
/// (`BEGIN`, `COMMIT`, `ROLLBACK`, savepoints): SQLite's driver does not report it and
/// PostgreSQL's reports only some of it, and the two backends should give the same count.
/// Before counting, the pool's every connection is opened, so that no connection's set-up
/// (SQLite's pragmas) lands in a count.
pub struct StatementCounter {
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

/// The statements run during one count, in order (their SQL text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Statements(pub Vec<String>);

impl Statements {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for Statements {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{} statements:", self.0.len())?;
        for (i, sql) in self.0.iter().enumerate() {
            let one_line: Vec<&str> = sql.split_whitespace().collect();
            writeln!(f, "  {:>3}. {}", i + 1, one_line.join(" "))?;
        }
        Ok(())
    }
}

static COUNTING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
static SEEN: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());
static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
static INSTALLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

fn seen() -> std::sync::MutexGuard<'static, Vec<String>> {
    SEEN.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl StatementCounter {
    /// Installs the counting subscriber (once per process) and waits for this test's turn.
    pub async fn start() -> StatementCounter {
        let installed = *INSTALLED.get_or_init(|| {
            use tracing_subscriber::layer::SubscriberExt;
            tracing::subscriber::set_global_default(tracing_subscriber::registry().with(Counting))
                .is_ok()
        });
        assert!(
            installed,
            "another global tracing subscriber is installed: statements cannot be counted"
        );
        StatementCounter {
            _turn: TURN.lock().await,
        }
    }

    /// Runs `work` and returns its output with the statements it ran on any database.
    pub async fn count<T>(
        &self,
        store: &Store,
        work: impl std::future::Future<Output = T>,
    ) -> (T, Statements) {
        open_every_connection(store)
            .await
            .expect("the test database answers");
        seen().clear();
        COUNTING.store(true, std::sync::atomic::Ordering::SeqCst);
        let out = work.await;
        COUNTING.store(false, std::sync::atomic::Ordering::SeqCst);
        (out, Statements(std::mem::take(&mut *seen())))
    }
}

/// Opens as many connections as the pool holds (and gives them back), so that none is opened,
/// and set up, while counting.
async fn open_every_connection(store: &Store) -> StoreResult<()> {
    let max = store.pool().options().get_max_connections();
    let mut held = Vec::new();
    for _ in 0..max {
        held.push(store.pool().acquire().await?);
    }
    drop(held);
    Ok(())
}

/// Keeps the statements sqlx reports while a count runs.
struct Counting;

const STATEMENT_TARGET: &str = "sqlx::query";

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for Counting {
    fn register_callsite(
        &self,
        metadata: &'static tracing::Metadata<'static>,
    ) -> tracing::subscriber::Interest {
        if metadata.target() == STATEMENT_TARGET {
            tracing::subscriber::Interest::always()
        } else {
            tracing::subscriber::Interest::never()
        }
    }

    fn enabled(
        &self,
        metadata: &tracing::Metadata<'_>,
        _: tracing_subscriber::layer::Context<'_, S>,
    ) -> bool {
        metadata.target() == STATEMENT_TARGET
    }

    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        if event.metadata().target() != STATEMENT_TARGET
            || !COUNTING.load(std::sync::atomic::Ordering::SeqCst)
        {
            return;
        }
        let mut sql = StatementText::default();
        event.record(&mut sql);
        // sqlx gives the whole statement only when it is longer than its first four words.
        let text = if sql.statement.trim().is_empty() {
            sql.summary
        } else {
            sql.statement.trim().to_owned()
        };
        let first = text
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        if ![
            "BEGIN",
            "START",
            "COMMIT",
            "END",
            "ROLLBACK",
            "SAVEPOINT",
            "RELEASE",
        ]
        .contains(&first.as_str())
        {
            seen().push(text);
        }
    }
}

/// The two fields of sqlx's event that name the statement.
#[derive(Default)]
struct StatementText {
    summary: String,
    statement: String,
}

impl tracing::field::Visit for StatementText {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        match field.name() {
            "summary" => self.summary = value.to_owned(),
            "db.statement" => self.statement = value.to_owned(),
            _ => {}
        }
    }

    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        if matches!(field.name(), "summary" | "db.statement") {
            self.record_str(field, &format!("{value:?}"));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_database_name() {
        assert_eq!(
            super::with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            super::with_database("postgres://h:5432", "x"),
            "postgres://h:5432/x"
        );
        assert_eq!(
            super::with_database("postgres://h/db?sslmode=disable", "x"),
            "postgres://h/x?sslmode=disable"
        );
    }
}
