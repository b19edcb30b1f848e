//! The Hybride binary: a thin shim over the library crates.

use anyhow::Context;
use clap::{Parser, Subcommand};
use hybride_store::Store;
use hybride_training::Config;
use hybride_web::AppState;
use std::net::SocketAddr;
use std::path::PathBuf;

mod backup;
mod pg;
mod scale;
mod seals;
mod startup;

#[derive(Parser)]
#[command(
    name = "hybride",
    version,
    about = "Hybrid teacher training for académies: in person, virtual class and asynchronous work in one path."
)]
struct Cli {
    /// `sqlite:PATH` or `postgres://…`; by default an SQLite file in the working directory.
    #[arg(
        long,
        global = true,
        env = "HYBRIDE_DATABASE_URL",
        default_value = "sqlite:hybride.sqlite"
    )]
    database_url: String,
    /// The Ed25519 key (a PKCS#8 PEM file made by `hybride key create`) that seals every entry
    /// appended to the attendance record and the audit log. Keep it outside the database's
    /// machine's backups, readable by Hybride alone.
    #[arg(long, global = true, env = "HYBRIDE_SEAL_KEY")]
    seal_key: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// The sealing key's file, as the command line or the environment named it (read by [`open`]).
pub(crate) static SEAL_KEY: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();

#[derive(clap::Args)]
struct ServeArgs {
    #[arg(long, env = "HYBRIDE_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The address users reach Hybride at, for links in e-mails (defaults to http://ADDR).
    #[arg(long, env = "HYBRIDE_PUBLIC_URL")]
    public_url: Option<String>,
    /// Where e-mails are written when no SMTP server is configured.
    #[arg(long, env = "HYBRIDE_MAIL_DIR", default_value = "hybride-mail")]
    mail_dir: PathBuf,
    /// Seeds the demo académie (once) and shows the demo accounts on the login page.
    #[arg(long)]
    demo: bool,
    /// A BigBlueButton server's API, e.g. https://bbb.ac-lyon.fr/bigbluebutton/api/
    #[arg(long, env = "HYBRIDE_BBB_URL", requires = "bbb_secret")]
    bbb_url: Option<String>,
    /// The BigBlueButton server's shared secret.
    #[arg(long, env = "HYBRIDE_BBB_SECRET", hide_env_values = true)]
    bbb_secret: Option<String>,
    /// The checksum BigBlueButton expects: sha256 (BBB 2.6 and later) or sha1.
    #[arg(long, env = "HYBRIDE_BBB_CHECKSUM", default_value = "sha256", value_parser = ["sha1", "sha256"])]
    bbb_checksum: String,
    /// The SMTP server mail goes through: smtp://HOST:PORT (plain, for a local relay),
    /// smtp://USER:PASSWORD@HOST:587?tls=required (STARTTLS) or smtps://HOST:465.
    /// Without it, mails are written to the mail folder.
    #[arg(long, env = "HYBRIDE_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// The sender of every mail.
    #[arg(
        long,
        env = "HYBRIDE_SMTP_FROM",
        default_value = "Hybride <ne-pas-repondre@hybride.invalid>"
    )]
    smtp_from: String,
    /// The reverse proxies in front of Hybride (IP addresses, comma-separated): the client's
    /// address is read from their `X-Forwarded-For` or `Forwarded` header, and only from theirs.
    #[arg(long, env = "HYBRIDE_TRUSTED_PROXIES", value_delimiter = ',')]
    trusted_proxies: Vec<std::net::IpAddr>,
}

#[derive(Subcommand)]
enum Command {
    /// Serves the web application and the API.
    Serve(ServeArgs),
    /// Applies pending database migrations, then exits.
    Migrate,
    /// Checks the attendance record: every event's hash, its link to the previous one, no
    /// event missing or inserted; then the audit log's chain; then, with public keys (those
    /// given, and the sealing key's), that every chain ends with a sealed entry. Exits with
    /// status 1 and names the first altered event of each broken chain, and the first entry
    /// after the last valid seal.
    Verify {
        /// A public key (PEM, as `hybride key create` writes it beside the key) whose seals
        /// count; repeat for a key that was replaced.
        #[arg(long = "public-key")]
        public_keys: Vec<PathBuf>,
    },
    /// Manages the key that seals the record.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
    /// Seeds the demo académie (once), then exits.
    Demo,
    /// Generates a plan for benchmarks, in bulk: `academie` (85,000 staff, 8,000 cohorts,
    /// 2,000,000 attendance events), `small` (a tenth) or `tiny` (for tests); with known
    /// accounts (password `bench`). Writes what the load script needs to FILE when asked.
    Seed {
        #[arg(long, default_value = "academie", value_parser = ["academie", "small", "tiny"])]
        scale: String,
        /// Where to write the bench facts (shell variables), and beside it FILE.marks.
        #[arg(long)]
        facts: Option<PathBuf>,
    },
    /// Writes the bundle (zip: every PDF, a summary CSV, the list of files) of every closed
    /// cohort — of one plan with --plan — into a folder, with a progress bar.
    Export {
        /// Only the cohorts of this plan (its id).
        #[arg(long)]
        plan: Option<i64>,
        /// The folder the bundles are written to (created when missing).
        #[arg(long, default_value = "export")]
        out: PathBuf,
        /// The documents' language: fr or en.
        #[arg(long, default_value = "fr", value_parser = ["fr", "en"])]
        lang: String,
    },
    /// Applies the académie's retention policy (set on /settings/retention): removes archived
    /// cohorts' records, mails, connection traces and idle trainee accounts past their
    /// duration, and prints what it removed.
    Purge {
        /// Prints what would be removed, and removes nothing.
        #[arg(long)]
        dry_run: bool,
        /// The report's language: fr or en.
        #[arg(long, default_value = "fr", value_parser = ["fr", "en"])]
        lang: String,
    },
    /// Writes a consistent copy of the database to FILE while it serves (SQLite: VACUUM INTO;
    /// PostgreSQL: pg_dump's custom format).
    Backup { file: PathBuf },
    /// Restores a copy written by `backup` into the database (which must hold no accounts,
    /// unless --force), then checks the attendance record.
    Restore {
        file: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// Manages accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manages API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Imports accounts from a CSV file, all or nothing; prints every bad line.
    Import { file: PathBuf },
    /// Creates one account; the password is read from HYBRIDE_PASSWORD when set.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        last_name: String,
        #[arg(long)]
        first_name: String,
        /// admin, pilot, trainer or trainee
        #[arg(long)]
        role: String,
    },
}

#[derive(Subcommand)]
enum KeyCommand {
    /// Writes a new Ed25519 key to FILE (readable by its owner alone) and its public half to
    /// FILE.pub, then prints the public key.
    Create { file: PathBuf },
    /// Seals every chain's head as it stands with the key of --seal-key: run once when the key
    /// is put in place, so that the record written before it is vouched for.
    Inaugurate,
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Creates an API bearer token for an account and prints it as the last line.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "cli")]
        label: String,
        /// What it may do: read, or read and write.
        #[arg(long, default_value = "write", value_parser = ["read", "write"])]
        scope: String,
        /// How many days it lives (1 to 365).
        #[arg(long, default_value_t = 90, value_parser = clap::value_parser!(i64).range(1..=365))]
        days: i64,
    },
}

fn main() -> std::process::ExitCode {
    startup::allocator();
    if let Err(e) = startup::secrets_from_files() {
        eprintln!("erreur\u{a0}: {e}");
        return std::process::ExitCode::FAILURE;
    }
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime.block_on(start()),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn start() -> std::process::ExitCode {
    let filter = tracing_subscriber::EnvFilter::try_from_env("HYBRIDE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // One JSON object per line for log collectors; readable lines otherwise.
    if std::env::var("HYBRIDE_LOG_FORMAT").is_ok_and(|f| f == "json") {
        logs.json().init();
    } else {
        logs.init();
    }
    match run(Cli::parse()).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("erreur\u{a0}: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn open(url: &str) -> anyhow::Result<Store> {
    let store = Store::open(url)
        .await
        .with_context(|| format!("opening the database {}", redact(url)))?;
    Ok(match seals::seal_key()? {
        Some(key) => store.sealed_with(key),
        None => store,
    })
}

/// A database URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

async fn seed_demo(store: &Store) -> anyhow::Result<()> {
    let hash =
        hybride_training::password::hash_async(hybride_demo::DEMO_PASSWORD.to_owned()).await?;
    let today = jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Europe/Paris")?)
        .date();
    let summary = hybride_demo::seed(store, &hash, today).await?;
    if summary.created {
        tracing::info!(
            users = summary.users,
            trainings = summary.trainings,
            cohorts = summary.cohorts,
            "demo académie seeded"
        );
    }
    Ok(())
}

async fn run(cli: Cli) -> anyhow::Result<std::process::ExitCode> {
    use std::process::ExitCode;
    let _ = SEAL_KEY.set(cli.seal_key.clone());
    match cli.command {
        Command::Serve(args) => serve(&cli.database_url, args).await,
        Command::Migrate => {
            open(&cli.database_url).await?;
            println!("Base à jour.");
            Ok(ExitCode::SUCCESS)
        }
        Command::Backup { file } => backup::backup(&cli.database_url, file).await,
        Command::Restore { file, force } => backup::restore(&cli.database_url, file, force).await,
        Command::Verify { public_keys } => seals::verify(&cli.database_url, &public_keys).await,
        Command::Key {
            command: KeyCommand::Create { file },
        } => seals::create_key(&file),
        Command::Key {
            command: KeyCommand::Inaugurate,
        } => {
            let store = open(&cli.database_url).await?;
            if store.seal_key().is_none() {
                anyhow::bail!("indiquez la clé avec --seal-key ou HYBRIDE_SEAL_KEY");
            }
            let n = hybride_store::seal::inaugurate(&store).await?;
            println!(
                "{} avec la clé {}.",
                count(n, "tête de chaîne scellée", "têtes de chaîne scellées"),
                store.seal_key().map(|k| k.id()).unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Purge { dry_run, lang } => purge(&cli.database_url, dry_run, lang).await,
        Command::Export { plan, out, lang } => {
            let store = open(&cli.database_url).await?;
            export(&store, plan, &out, &lang).await
        }
        Command::Seed { scale, facts } => {
            scale::run(&cli.database_url, &scale, facts.as_deref()).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo => {
            let store = open(&cli.database_url).await?;
            seed_demo(&store).await?;
            // Convocations are written with the links of a server on the default address.
            let config = Config::new("http://127.0.0.1:8080", PathBuf::from("hybride-mail"), true);
            hybride_demo::lived::seed(&hybride_training::Hybride::new(store, config)).await?;
            println!("Académie de démonstration prête.");
            Ok(ExitCode::SUCCESS)
        }
        Command::User {
            command: UserCommand::Import { file },
        } => import_users(&cli.database_url, file).await,
        Command::User {
            command:
                UserCommand::Create {
                    email,
                    last_name,
                    first_name,
                    role,
                },
        } => {
            let password = std::env::var("HYBRIDE_PASSWORD").ok();
            let fields = hybride_training::accounts::NewFields {
                email: &email,
                last_name: &last_name,
                first_name: &first_name,
                role: &role,
                establishment: "",
                password: password.as_deref(),
            };
            create_user(&cli.database_url, fields).await
        }
        Command::Token {
            command:
                TokenCommand::Create {
                    email,
                    label,
                    scope,
                    days,
                },
        } => {
            let store = open(&cli.database_url).await?;
            let email = hybride_domain::Email::parse(&email)
                .map_err(|_| anyhow::anyhow!("adresse invalide\u{a0}: {email}"))?;
            let user = hybride_store::people::by_email(&store, &email)
                .await?
                .filter(|u| u.active.0)
                .ok_or_else(|| anyhow::anyhow!("aucun compte actif pour {email}"))?;
            let asked = hybride_domain::sign_in::NewToken::parse(&label, &scope, &days.to_string())
                .map_err(|e| anyhow::anyhow!("jeton refusé\u{a0}: {e:?}"))?;
            let token = hybride_training::sessions::create_api_token(&store, &user, &asked).await?;
            eprintln!(
                "Jeton créé pour {}\u{a0}; il ne sera plus affiché\u{a0}:",
                user.email
            );
            println!("{token}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `hybride serve`: the web application and the API, with the demo when asked.
async fn serve(database_url: &str, args: ServeArgs) -> anyhow::Result<std::process::ExitCode> {
    use std::process::ExitCode;
    let ServeArgs {
        addr,
        public_url,
        mail_dir,
        demo,
        bbb_url,
        bbb_secret,
        bbb_checksum,
        smtp_url,
        smtp_from,
        trusted_proxies,
    } = args;
    let store = open(database_url).await?;
    if demo {
        seed_demo(&store).await?;
    }
    let public_url = public_url.unwrap_or_else(|| format!("http://{addr}"));
    let mut config = Config::new(public_url.clone(), mail_dir, demo);
    config.trusted_proxies = trusted_proxies;
    if let (Some(api_url), Some(secret)) = (bbb_url, bbb_secret) {
        use hybride_connect::bbb::{BbbConfig, Checksum};
        let checksum = if bbb_checksum == "sha1" {
            Checksum::Sha1
        } else {
            Checksum::Sha256
        };
        config = config.with_bbb(BbbConfig {
            api_url,
            secret,
            checksum,
        });
    }
    if let Some(url) = smtp_url {
        config = config.with_smtp(url, smtp_from);
    }
    // A wrong SMTP URL or sender is refused now, not at the first mail.
    config.mailer()?;
    let state = AppState::new(store, config);
    if demo {
        hybride_demo::lived::seed(&state).await?;
    }
    println!(
        "Hybride écoute sur {public_url} (base\u{a0}: {})",
        redact(database_url)
    );
    if demo {
        println!(
            "Comptes de démonstration (mot de passe «\u{a0}{}\u{a0}»)\u{a0}:",
            hybride_demo::DEMO_PASSWORD
        );
        for (email, _) in hybride_demo::DEMO_ACCOUNTS {
            println!("  {email}");
        }
    }
    hybride_web::serve(state, addr).await?;
    Ok(ExitCode::SUCCESS)
}

/// `hybride purge`: the retention policy applied (or simulated).
async fn purge(
    database_url: &str,
    dry_run: bool,
    lang: String,
) -> anyhow::Result<std::process::ExitCode> {
    use std::process::ExitCode;
    let store = open(database_url).await?;
    let (policy, report) = hybride_training::retention::purge(
        &store,
        hybride_training::audit::Actor::Command,
        !dry_run,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let lang = if lang == "en" {
        hybride_training::i18n::Lang::En
    } else {
        hybride_training::i18n::Lang::Fr
    };
    print!(
        "{}",
        hybride_training::retention::report_text(lang, &policy, &report)
    );
    tracing::info!(
        applied = report.applied,
        rows = report.total(),
        "retention policy applied"
    );
    Ok(ExitCode::SUCCESS)
}

/// `hybride user import FILE.csv`: all or nothing, every bad line named.
async fn import_users(database_url: &str, file: PathBuf) -> anyhow::Result<std::process::ExitCode> {
    use std::process::ExitCode;
    let store = open(database_url).await?;
    let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
    match hybride_training::import::import_accounts(
        &store,
        hybride_training::audit::Actor::Command,
        &bytes,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?
    {
        Ok(n) => {
            println!("{}.", count(n, "compte importé", "comptes importés"));
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            let lang = hybride_training::i18n::Lang::Fr;
            eprintln!(
                "{}",
                hybride_training::i18n::tr(
                    lang,
                    "import-refused",
                    &[("count", errors.len().to_string())]
                )
            );
            for e in hybride_training::import::show_line_errors(lang, &errors) {
                match e.column {
                    Some(c) => eprintln!("ligne {} ({c})\u{a0}: {}", e.line, e.message),
                    None => eprintln!("ligne {}\u{a0}: {}", e.line, e.message),
                }
            }
            Ok(ExitCode::from(2))
        }
    }
}

/// `hybride user create`: one account, by the same rule as the pages and the API (its password,
/// if any, comes from `HYBRIDE_PASSWORD`). Every refused field is named with its option.
async fn create_user(
    database_url: &str,
    fields: hybride_training::accounts::NewFields<'_>,
) -> anyhow::Result<std::process::ExitCode> {
    use hybride_training::{accounts, i18n, Error};
    let store = open(database_url).await?;
    match accounts::create(&store, hybride_training::audit::Actor::Command, &fields).await {
        Ok(user) => {
            println!("Compte {} créé ({}).", user.email, user.id);
            Ok(std::process::ExitCode::SUCCESS)
        }
        Err(Error::Invalid(errors)) => {
            let lines: Vec<String> = errors
                .0
                .iter()
                .map(|(field, e)| {
                    let option = match *field {
                        "password" => "HYBRIDE_PASSWORD".to_owned(),
                        other => format!("--{}", other.replace('_', "-")),
                    };
                    format!("{option}\u{a0}: {}", i18n::invalid(i18n::Lang::Fr, e))
                })
                .collect();
            anyhow::bail!("{}", lines.join("\n"))
        }
        Err(Error::Conflict(_)) => anyhow::bail!(
            "--email\u{a0}: {}",
            i18n::t(i18n::Lang::Fr, "error-email-taken")
        ),
        Err(other) => Err(anyhow::anyhow!("{other}")),
    }
}

/// `hybride export`: one zip per closed (or archived) cohort, named as the UI names it.
async fn export(
    store: &hybride_store::Store,
    plan: Option<i64>,
    out: &std::path::Path,
    lang: &str,
) -> anyhow::Result<std::process::ExitCode> {
    use hybride_store::{cohorts, trainings};
    let lang = hybride_training::i18n::Lang::of_locale(lang);
    if let Some(p) = plan {
        hybride_store::plans::get(store, p)
            .await
            .map_err(|_| anyhow::anyhow!("plan {p} inconnu"))?;
    }
    let mut chosen = Vec::new();
    for c in cohorts::list(store, cohorts::CohortFilter::default()).await? {
        if !c.status.is_closed() {
            continue;
        }
        let t = trainings::get(store, c.training_id).await?;
        if plan.is_some_and(|p| p != t.plan_id) {
            continue;
        }
        chosen.push((c, t));
    }
    if chosen.is_empty() {
        println!("Aucune session close à exporter.");
        return Ok(std::process::ExitCode::SUCCESS);
    }
    std::fs::create_dir_all(out)?;
    let bar = indicatif::ProgressBar::new(chosen.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:30} {pos}/{len} sessions · {elapsed_precise} · {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let (mut files, mut documents, mut bytes) = (0usize, 0usize, 0usize);
    for (c, t) in &chosen {
        let label = c.label.clone();
        let b = hybride_training::documents::bundle(store, lang, c, t, None, |done, total| {
            bar.set_message(format!("{label}\u{a0}: {done}/{total} documents"));
        })
        .await
        .map_err(|e| anyhow::anyhow!("session {}\u{a0}: {}", c.id, e.in_words(lang)))?;
        std::fs::write(out.join(&b.filename), &b.zip)?;
        files += 1;
        documents += b.documents;
        bytes += b.zip.len();
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!(
        "{} dans {}\u{a0}: {}, {}\u{a0}Kio.",
        count(files, "dossier écrit", "dossiers écrits"),
        out.display(),
        count(documents, "document", "documents"),
        bytes / 1024
    );
    Ok(std::process::ExitCode::SUCCESS)
}

/// A count and its noun, as French writes it: « 1 chaîne », « 3 chaînes »; 0 and 1 take the
/// singular (« 0 ligne »).
fn count(n: impl std::fmt::Display, one: &str, other: &str) -> String {
    let n = n.to_string();
    let noun = if n == "0" || n == "1" { one } else { other };
    format!("{n} {noun}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(super::count(0usize, "chaîne", "chaînes"), "0 chaîne");
        assert_eq!(
            super::count(1i64, "dossier écrit", "dossiers écrits"),
            "1 dossier écrit"
        );
        assert_eq!(
            super::count(12u64, "dossier écrit", "dossiers écrits"),
            "12 dossiers écrits"
        );
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            super::redact("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(super::redact("sqlite:x.db"), "sqlite:x.db");
    }
}
