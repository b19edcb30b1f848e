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
