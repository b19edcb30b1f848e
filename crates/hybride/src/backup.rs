//! `hybride backup` and `hybride restore`: a consistent copy of the database while the server
//! runs, and putting one back (SQLite's own backup, or pg_dump / pg_restore).

use crate::{count, open, pg};
use anyhow::Context;
use std::path::PathBuf;

/// `hybride backup FILE`: a consistent copy while the server runs.
pub(crate) async fn backup(
    database_url: &str,
    file: PathBuf,
) -> anyhow::Result<std::process::ExitCode> {
    use std::process::ExitCode;
    if file.exists() {
        anyhow::bail!(
            "{} existe déjà\u{a0}: choisissez un nouveau fichier",
            file.display()
        );
    }
    let store = open(database_url).await?;
    match store.backend() {
        hybride_store::Backend::Sqlite => {
            let path = std::path::absolute(&file)?;
            store
                .backup_sqlite(&path.to_string_lossy())
                .await
                .context("VACUUM INTO")?;
        }
        hybride_store::Backend::Postgres => {
            let (mut pg_dump, url) = pg::command("pg_dump", database_url);
            let status = pg_dump
                .args(["--format=custom", "--no-owner", "--file"])
                .arg(&file)
                .arg(url)
                .status()
                .context("pg_dump (PostgreSQL's client tools) is needed")?;
            if !status.success() {
                anyhow::bail!("pg_dump a échoué ({status})");
            }
        }
    }
    let rows: i64 = store.counts().await?.iter().map(|(_, n)| n).sum();
    let size = std::fs::metadata(&file)?.len();
    println!(
        "Sauvegarde écrite\u{a0}: {} ({}, {}).",
        file.display(),
        count(size, "octet", "octets"),
        count(rows, "ligne", "lignes")
    );
    Ok(ExitCode::SUCCESS)
}

/// `hybride restore FILE`: a copy restored (server stopped), then the record checked.
pub(crate) async fn restore(
    database_url: &str,
    file: PathBuf,
    force: bool,
) -> anyhow::Result<std::process::ExitCode> {
    use std::process::ExitCode;
    if !file.is_file() {
        anyhow::bail!("{} n’existe pas", file.display());
    }
    let refuse_accounts = |accounts: i64| {
        anyhow::anyhow!(
            "la base contient déjà {accounts} comptes\u{a0}: ajoutez --force pour la remplacer par la sauvegarde"
        )
    };
    match hybride_store::sqlite_path(database_url) {
        Some(target) => {
            // The file is replaced whole: nothing may hold it open, this process included
            // (so no pool is opened on it before the copy).
            if hybride_store::sqlite_in_use(database_url).await? {
                anyhow::bail!(
                    "{} est ouverte par un autre processus\u{a0}: arrêtez le serveur avant de restaurer",
                    target.display()
                );
            }
            let accounts = hybride_store::sqlite_accounts(database_url).await?;
            if accounts > 0 && !force {
                return Err(refuse_accounts(accounts));
            }
            for suffix in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
            }
            std::fs::copy(&file, &target)
                .with_context(|| format!("copying to {}", target.display()))?;
        }
        None => {
            let store = open(database_url).await?;
            let accounts = hybride_store::people::count(
                &store,
                &hybride_store::people::UserFilter {
                    limit: 1,
                    ..Default::default()
                },
            )
            .await?;
            store.close().await;
            if accounts > 0 && !force {
                return Err(refuse_accounts(accounts));
            }
            let (mut pg_restore, url) = pg::command("pg_restore", database_url);
            let status = pg_restore
                .args([
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "--dbname",
                ])
                .arg(url)
                .arg(&file)
                .status()
                .context("pg_restore (PostgreSQL's client tools) is needed")?;
            if !status.success() {
                anyhow::bail!("pg_restore a échoué ({status})");
            }
        }
    }
    // Opening applies any migration newer than the copy.
    let store = open(database_url).await?;
    let rows: i64 = store.counts().await?.iter().map(|(_, n)| n).sum();
    let v = hybride_store::attendance::verify(&store).await?;
    if !v.breaks.is_empty() {
        eprintln!(
            "Restaurée, mais l’enregistrement des présences est altéré ({})\u{a0}: lancez hybride verify.",
            count(v.breaks.len(), "chaîne", "chaînes")
        );
        return Ok(ExitCode::from(1));
    }
    println!(
        "Base restaurée\u{a0}: {}, {}.",
        count(rows, "ligne", "lignes"),
        count(
            v.events,
            "événement de présence vérifié",
            "événements de présence vérifiés"
        )
    );
    Ok(ExitCode::SUCCESS)
}
