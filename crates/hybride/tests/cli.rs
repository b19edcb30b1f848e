//! The binary as people run it: `serve --demo`, `token create`, `user import`, `migrate`,
//! `purge`.
//! Uses a fresh database of the backend the environment chooses (see hybride_store::testing).

use hybride_store::testing::TestDatabase;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

use common::*;

fn csrf_in(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token");
    html[at + 19..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn serve_demo_log_in_as_each_account_and_use_the_api_with_a_cli_token() {
    let db = TestDatabase::new().await.unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mail = std::env::temp_dir().join(format!("hybride-cli-mail-{port}"));
    let mut server = Server(
        hybride(&db.url)
            .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--mail-dir")
            .arg(&mail)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Ok(r) = client.get(format!("{base}/readyz")).send().await {
            if r.status() == 200 {
                break;
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the server did not become ready"
        );
        if let Ok(Some(status)) = server.0.try_wait() {
            panic!("the server exited: {status}");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // Each demo account logs in with the demo password and lands on its dashboard.
    for (email, expected) in [
        ("admin@demo.hybride.test", "Comptes, plans de formation"),
        ("pilote@demo.hybride.test", "Vos formations"),
        (
            "formateur@demo.hybride.test",
            "Vos prochaines séances et vos groupes",
        ),
        (
            "stagiaire@demo.hybride.test",
            "Vos prochaines séances, avec leurs lieux",
        ),
    ] {
        let browser = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let login = browser
            .get(format!("{base}/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            login.contains("admin@demo.hybride.test"),
            "demo accounts shown in demo mode"
        );
        let token = csrf_in(&login);
        let r = browser
            .post(format!("{base}/login"))
            .form(&[
                ("csrf", token.as_str()),
                ("email", email),
                ("password", "demo"),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "{email} logs in");
        let r = browser.get(format!("{base}/")).send().await.unwrap();
        assert_eq!(r.status(), 200, "{email}");
        let html = r.text().await.unwrap();
        assert!(html.contains(expected), "{email}: {html}");
    }

    // `token create` prints the token as its last line.
    let out = hybride(&db.url)
        .args(["token", "create", "--email", "pilote@demo.hybride.test"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let token = stdout.lines().last().unwrap().trim().to_owned();
    let trainings: serde_json::Value = client
        .get(format!("{base}/api/v1/trainings"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        trainings.as_array().unwrap().len(),
        12,
        "the demo plan's trainings"
    );
    let out = hybride(&db.url)
        .args(["token", "create", "--email", "nobody@demo.hybride.test"])
        .output()
        .unwrap();
    assert!(!out.status.success());

    // SIGTERM: the server finishes what it was doing and exits cleanly.
    let pid = server.0.id().to_string();
    assert!(Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap()
        .success());
    let stopping = Instant::now();
    let status = loop {
        if let Some(s) = server.0.try_wait().unwrap() {
            break s;
        }
        assert!(
            stopping.elapsed() < Duration::from_secs(20),
            "no graceful shutdown"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "{status}");
    let _ = std::fs::remove_dir_all(mail);
}

#[tokio::test]
async fn user_import_is_all_or_nothing_and_reports_lines() {
    let db = TestDatabase::new().await.unwrap();
    let dir = std::env::temp_dir();
    let bad = dir.join(format!("hybride-bad-{}.csv", std::process::id()));
    std::fs::write(&bad, "nom;prénom;courriel;rôle\nDurand;Camille;camille.durand@ac-lyon.fr;stagiaire\nRoux;;roux@ac-lyon;pilote\n").unwrap();
    let out = hybride(&db.url)
        .args(["user", "import"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ligne 3 (Prénom)") && stderr.contains("ligne 3 (Adresse électronique)"),
        "{stderr}"
    );
    let none = hybride_store::people::count(
        &db.store,
        &hybride_store::people::UserFilter {
            limit: 1,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(none, 0);

    let good = dir.join(format!("hybride-good-{}.csv", std::process::id()));
    std::fs::write(&good, "email,last_name,first_name,role\ncamille.durand@ac-lyon.fr,Durand,Camille,trainee\nines.roux@ac-lyon.fr,Roux,Inès,pilot\n").unwrap();
    let out = hybride(&db.url)
        .args(["user", "import"])
        .arg(&good)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 comptes importés"));
    // The import is in the audit log, made from the command line; the refused one is not.
    let log = hybride_store::audit::recent(&db.store, None, 10)
        .await
        .unwrap();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(
        (
            log[0].action.as_str(),
            log[0].actor.as_str(),
            log[0].actor_id
        ),
        ("accounts_imported", "command", None)
    );
    assert!(log[0].details.contains("\"accounts\":2"), "{:?}", log[0]);
    let _ = std::fs::remove_file(bad);
    let _ = std::fs::remove_file(good);

    let out = hybride(&db.url).arg("migrate").output().unwrap();
    assert!(out.status.success());

    // The retention policy: simulated, then applied, with its report.
    let out = hybride(&db.url)
        .args(["purge", "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Simulation de la purge"), "{text}");
    assert!(
        text.contains("Sessions archivées terminées avant le"),
        "{text}"
    );
    assert!(
        text.contains("Total\u{a0}: 0 ligne serait supprimée."),
        "{text}"
    );
    let out = hybride(&db.url)
        .args(["purge", "--lang", "en"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Purge following"), "{text}");
    assert!(text.contains("Total: 0 rows removed."), "{text}");

    let out = hybride("mysql://nope").arg("migrate").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("erreur"));
}

#[tokio::test]
async fn an_unusable_smtp_server_or_sender_is_refused_at_start() {
    let db = TestDatabase::new().await.unwrap();
    for args in [
        [
            "--smtp-url",
            "ftp://relay.ac-lyon.fr",
            "--smtp-from",
            "eafc@ac-lyon.fr",
        ],
        [
            "--smtp-url",
            "smtp://127.0.0.1:2525",
            "--smtp-from",
            "pas une adresse",
        ],
    ] {
        let out = hybride(&db.url)
            .args(["serve", "--addr", &format!("127.0.0.1:{}", free_port())])
            .args(args)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("SMTP URL") || stderr.contains("sender address"),
            "{stderr}"
        );
    }
}

#[tokio::test]
async fn verify_checks_the_attendance_record_and_names_the_altered_event() {
    let db = TestDatabase::new().await.unwrap();
    // The demo académie comes with the attendance of its finished and running cohorts.
    let out = hybride(&db.url).arg("demo").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = hybride(&db.url).arg("verify").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Enregistrement intact"), "{stdout}");
    let v = hybride_store::attendance::verify(&db.store).await.unwrap();
    assert!(v.events > 100 && v.chains > 1, "{v:?}");
    assert!(v.to_countersign_again.is_empty(), "{v:?}");
    late_mark_then_countersigned_again(&db).await;
    // Someone moves a signature by an hour in the database.
    let (cohort, seq): (i64, i64) = {
        let events = hybride_store::attendance::of_cohort(&db.store, 1)
            .await
            .unwrap();
        let e = events
            .iter()
            .find(|e| e.kind.as_str() == "signed")
            .expect("a signature in the first cohort");
        (e.cohort_id, e.seq)
    };
    hybride_store::testing::tamper(
        &db.store,
        &format!("UPDATE attendance_events SET at = at - 3600 WHERE cohort_id = {cohort} AND seq = {seq}"),
    )
    .await
    .unwrap();
    let out = hybride(&db.url).arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "Session {cohort}\u{a0}: événement modifié à l’événement n°\u{a0}{seq}"
        )),
        "{stderr}"
    );
}

/// A signature arrives after a countersigned half-day of the demo: `verify` says, as the sheet
/// does, that it waits to be countersigned again, until it is.
async fn late_mark_then_countersigned_again(db: &TestDatabase) {
    use hybride_domain::attendance::{Channel, Kind};
    use hybride_store::attendance::{self as record, NewMark};
    let events = record::of_cohort(&db.store, 1).await.unwrap();
    let cs = events
        .iter()
        .find(|e| e.kind == Kind::Countersigned)
        .expect("a countersigned half-day in the first cohort");
    let late = events
        .iter()
        .find(|e| e.kind == Kind::Signed && e.slot == cs.slot && e.activity_id == cs.activity_id)
        .expect("a signature in that half-day");
    let mark = |kind, subject, attests| NewMark {
        cohort_id: cs.cohort_id,
        activity_id: cs.activity_id,
        slot: cs.slot.clone(),
        subject_id: subject,
        kind,
        channel: Channel::Trainer,
        actor_id: cs.subject_id,
        at: hybride_store::now(),
        device: None,
        minutes: None,
        moment: None,
        note: Some("Correction après la contresignature".into()),
        document: None,
        attests,
    };
    record::record(&db.store, &mark(Kind::Cancelled, late.subject_id, None))
        .await
        .unwrap();
    let (date, half) =
        hybride_domain::attendance::parse_slot_key(cs.slot.as_deref().unwrap()).unwrap();
    let half_day = format!(
        "Session {}, activité {}, {}, {}\u{a0}: à contresigner de nouveau.",
        cs.cohort_id,
        cs.activity_id,
        hybride_training::i18n::day_words(hybride_training::i18n::Lang::Fr, date),
        if half == hybride_domain::HalfDay::Morning {
            "matin"
        } else {
            "après-midi"
        }
    );
    let out = hybride(&db.url).arg("verify").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("Une demi-journée contresignée a reçu des corrections depuis")
            && stdout.contains(&half_day),
        "{stdout}"
    );
    let day: Vec<_> = record::of_activity(&db.store, cs.activity_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.slot == cs.slot)
        .collect();
    let seen = record::fingerprint(&day);
    record::record(
        &db.store,
        &mark(Kind::Countersigned, cs.subject_id, Some(seen)),
    )
    .await
    .unwrap();
    let out = hybride(&db.url).arg("verify").output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("Enregistrement intact"),
        "{stdout}"
    );
    assert!(!stdout.contains("à contresigner de nouveau"), "{stdout}");
}

#[tokio::test]
async fn backup_while_serving_and_restore_round_trip() {
    let source = TestDatabase::new().await.unwrap();
    let out = hybride(&source.url).arg("demo").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Online: the server runs (and its workers write) while the copy is taken.
    let port = free_port();
    let _server = serve(
        &source.url,
        port,
        &std::env::temp_dir().join(format!("hybride-backup-mail-{port}")),
    )
    .await;
    let file = std::env::temp_dir().join(format!(
        "hybride-backup-{}-{port}.{}",
        std::process::id(),
        if source.url.starts_with("sqlite:") {
            "sqlite"
        } else {
            "dump"
        }
    ));
    let _ = std::fs::remove_file(&file);
    let out = hybride(&source.url)
        .arg("backup")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Sauvegarde écrite"));
    // Never over an existing file.
    let again = hybride(&source.url)
        .arg("backup")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!again.status.success());

    // Restored into another database: the same rows, and the record intact. On SQLite a new
    // file, on PostgreSQL a new database; nothing of this test holds the target open until the
    // end (a restore refuses an SQLite file held open elsewhere).
    let pg_target = if source.url.starts_with("sqlite:") {
        None
    } else {
        Some(TestDatabase::new().await.unwrap())
    };
    let sqlite_target = std::env::temp_dir().join(format!(
        "hybride-restored-{}-{port}.sqlite",
        std::process::id()
    ));
    let target_url = match &pg_target {
        Some(t) => t.url.clone(),
        None => format!("sqlite:{}", sqlite_target.display()),
    };
    let restore = |force: bool| {
        let mut c = hybride(&target_url);
        c.arg("restore");
        if force {
            c.arg("--force");
        }
        c.arg(&file).output().unwrap()
    };
    let out = restore(false);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Base restaurée"));
    // A database with accounts is not overwritten without --force.
    let out = restore(false);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--force"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = restore(true);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Not under a running server.
    if pg_target.is_none() {
        let port = free_port();
        let running = serve(
            &target_url,
            port,
            &std::env::temp_dir().join(format!("hybride-restored-mail-{port}")),
        )
        .await;
        let out = restore(true);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("arrêtez le serveur"));
        drop(running);
    }
    let out = hybride(&target_url).arg("verify").output().unwrap();
    assert!(out.status.success());
    let restored = hybride_store::Store::open(&target_url).await.unwrap();
    let counts = restored.counts().await.unwrap();
    let users = counts.iter().find(|(t, _)| t == "users").unwrap().1;
    let events = counts
        .iter()
        .find(|(t, _)| t == "attendance_events")
        .unwrap()
        .1;
    assert!(users > 300 && events > 100, "{counts:?}");
    // The source, at the time of the copy, had the same accounts and attendance.
    let original = source.store.counts().await.unwrap();
    for table in [
        "users",
        "trainings",
        "cohorts",
        "enrollments",
        "attendance_events",
        "attendance_heads",
    ] {
        let a = original.iter().find(|(t, _)| t == table).unwrap().1;
        let b = counts.iter().find(|(t, _)| t == table).unwrap().1;
        assert_eq!(a, b, "{table}");
    }
    restored.close().await;
    let _ = std::fs::remove_file(&file);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", sqlite_target.display()));
    }
}

#[tokio::test]
async fn user_create_names_each_refused_field_and_creates_nothing_then_creates_the_account() {
    let db = TestDatabase::new().await.unwrap();
    let run = |args: &[&str], password: Option<&str>| {
        let mut c = hybride(&db.url);
        c.args(["user", "create"]).args(args);
        match password {
            Some(p) => c.env("HYBRIDE_PASSWORD", p),
            None => c.env_remove("HYBRIDE_PASSWORD"),
        };
        c.output().unwrap()
    };
    let bad = run(
        &[
            "--email",
            "pas-une-adresse",
            "--last-name",
            "",
            "--first-name",
            "Léa",
            "--role",
            "directeur",
        ],
        Some("court"),
    );
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    for option in ["--email", "--last-name", "--role", "HYBRIDE_PASSWORD"] {
        assert!(
            err.contains(&format!("{option}\u{a0}:")),
            "{option} named: {err}"
        );
    }
    assert!(
        !err.contains("--first-name"),
        "a good field is not named: {err}"
    );
    let args = [
        "--email",
        "lea.martin@ac-lyon.fr",
        "--last-name",
        "Martin",
        "--first-name",
        "Léa",
        "--role",
        "trainer",
    ];
    let ok = run(&args, Some("un mot de passe assez long"));
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("lea.martin@ac-lyon.fr"));
    let again = run(&args, None);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("--email\u{a0}:"), "{err}");
    let out = hybride(&db.url)
        .args(["token", "create", "--email", "lea.martin@ac-lyon.fr"])
        .output()
        .unwrap();
    assert!(out.status.success(), "the account exists once, active");
}

#[tokio::test]
async fn secrets_are_read_from_files_and_never_from_both_places() {
    let db = TestDatabase::new().await.unwrap();
    let dir = std::env::temp_dir().join(format!("hybride-secrets-{}", free_port()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("database-url");
    // As orchestrators write them: the secret and a final line break.
    std::fs::write(&file, format!("{}\n", db.url)).unwrap();
    let run = |envs: &[(&str, &std::ffi::OsStr)]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_hybride"));
        c.arg("migrate")
            .env("HYBRIDE_LOG", "warn")
            .env_remove("HYBRIDE_DATABASE_URL");
        for (k, v) in envs {
            c.env(k, v);
        }
        c.output().unwrap()
    };
    let out = run(&[("HYBRIDE_DATABASE_URL_FILE", file.as_os_str())]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = run(&[
        ("HYBRIDE_DATABASE_URL_FILE", file.as_os_str()),
        ("HYBRIDE_DATABASE_URL", std::ffi::OsStr::new(&db.url)),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("keep one"));

    let missing = dir.join("absent");
    let out = run(&[("HYBRIDE_SMTP_URL_FILE", missing.as_os_str())]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("HYBRIDE_SMTP_URL_FILE"));
    let _ = std::fs::remove_dir_all(dir);
}

/// The record sealed with a key kept outside the database: someone who can only write to the
/// database appends a well-chained mark, and `verify` with the public key alone names it.
#[tokio::test]
async fn seals_find_a_mark_appended_without_the_key() {
    use hybride_domain::attendance::{Channel, Kind};
    use hybride_store::attendance::{self as record, NewMark};
    let db = TestDatabase::new().await.unwrap();
    let dir = std::env::temp_dir().join(format!("hybride-seal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("sceau.pem");
    let _ = std::fs::remove_file(&key);
    let _ = std::fs::remove_file(dir.join("sceau.pem.pub"));
    let out = hybride(&db.url)
        .args(["key", "create"])
        .arg(&key)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("BEGIN PUBLIC KEY"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by its owner alone: {mode:o}");
    }
    // Never over an existing key.
    let again = hybride(&db.url)
        .args(["key", "create"])
        .arg(&key)
        .output()
        .unwrap();
    assert!(!again.status.success());
    let public = dir.join("sceau.pem.pub");

    // The demo's record, appended with the key.
    let out = hybride(&db.url)
        .arg("--seal-key")
        .arg(&key)
        .arg("demo")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let verify = |keys: &[&std::path::Path]| {
        let mut c = hybride(&db.url);
        c.arg("verify");
        for k in keys {
            c.arg("--public-key").arg(k);
        }
        c.output().unwrap()
    };
    let out = verify(&[&public]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("Sceaux valides"),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A writer without the key: a correct hash, no seal.
    let last = record::of_cohort(&db.store, 1).await.unwrap();
    let e = last.last().unwrap();
    let forged = record::record(
        &db.store,
        &NewMark {
            cohort_id: e.cohort_id,
            activity_id: e.activity_id,
            slot: e.slot.clone(),
            subject_id: e.subject_id,
            kind: Kind::Signed,
            channel: Channel::Trainer,
            actor_id: e.actor_id,
            at: e.at,
            device: None,
            minutes: None,
            moment: None,
            note: None,
            document: None,
            attests: None,
        },
    )
    .await
    .unwrap();
    let plain = hybride(&db.url).arg("verify").output().unwrap();
    assert!(plain.status.success(), "the hashes alone hold");
    assert!(String::from_utf8_lossy(&plain.stdout).contains("Sceaux non vérifiés"));
    let out = verify(&[&public]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "Session {}\u{a0}: 1 entrée sans sceau valide après l’entrée n°\u{a0}{}, la première étant l’entrée n°\u{a0}{}.",
            forged.cohort_id,
            forged.seq - 1,
            forged.seq
        )),
        "{stderr}"
    );

    // Another key's public half vouches for nothing.
    let other = dir.join("autre.pem");
    let _ = std::fs::remove_file(&other);
    let _ = std::fs::remove_file(dir.join("autre.pem.pub"));
    assert!(hybride(&db.url)
        .args(["key", "create"])
        .arg(&other)
        .output()
        .unwrap()
        .status
        .success());
    let out = verify(&[&dir.join("autre.pem.pub")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("aucun sceau valide"));
    let _ = std::fs::remove_dir_all(&dir);
}
