//! The record's proofs on the command line: `hybride key create` (the sealing key),
//! `--seal-key` (reading it), and `hybride verify` (the attendance record's chains, the audit
//! log's, and the seals, each break named).

use crate::{count, open, SEAL_KEY};
use anyhow::Context;
use hybride_store::Store;
use std::path::PathBuf;

/// The sealing key named by --seal-key, read from its file.
pub(crate) fn seal_key() -> anyhow::Result<Option<hybride_store::seal::SealKey>> {
    let Some(Some(path)) = SEAL_KEY.get() else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("lecture de la clé de scellement {}", path.display()))?;
    let key = hybride_store::seal::SealKey::from_pem(&text).map_err(|_| {
        anyhow::anyhow!(
            "{} n’est pas une clé Ed25519 au format PKCS#8 (PEM)\u{a0}: créez-en une avec «\u{a0}hybride key create\u{a0}»",
            path.display()
        )
    })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if std::fs::metadata(path)?.permissions().mode() & 0o077 != 0 {
            tracing::warn!(file = %path.display(), "the seal key is readable by others than its owner");
        }
    }
    Ok(Some(key))
}

/// `hybride key create FILE`: a new key, readable by its owner alone, and its public half.
pub(crate) fn create_key(file: &std::path::Path) -> anyhow::Result<std::process::ExitCode> {
    use std::io::Write;
    let key = hybride_store::seal::SealKey::generate()?;
    let public = key.public().to_pem()?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(file).with_context(|| {
        format!(
            "{} existe déjà ou ne peut être créé\u{a0}: choisissez un nouveau fichier",
            file.display()
        )
    })?;
    f.write_all(key.to_pem()?.as_bytes())?;
    f.sync_all()?;
    let public_file = PathBuf::from(format!("{}.pub", file.display()));
    std::fs::write(&public_file, &public)?;
    println!(
        "Clé de scellement {} écrite dans {} (clé publique dans {})\u{a0}:",
        key.id(),
        file.display(),
        public_file.display()
    );
    print!("{public}");
    Ok(std::process::ExitCode::SUCCESS)
}

/// `hybride verify`: the attendance record's chains, each break named, then the audit log's.
pub(crate) async fn verify(
    database_url: &str,
    public_keys: &[PathBuf],
) -> anyhow::Result<std::process::ExitCode> {
    use std::process::ExitCode;
    let store = open(database_url).await?;
    let v = hybride_store::attendance::verify(&store).await?;
    let audit_holds = verify_audit(&store).await? & verify_seals(&store, public_keys).await?;
    if v.breaks.is_empty() {
        println!(
            "Enregistrement intact\u{a0}: {} dans {}, chaînes vérifiées.",
            count(v.events, "événement", "événements"),
            count(v.chains, "session", "sessions")
        );
        print_to_countersign_again(&v.to_countersign_again);
        return Ok(if audit_holds {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    for b in &v.breaks {
        let what = match b.problem {
            "altered" => "événement modifié",
            "link" => "chaînage rompu (événement précédent modifié ou supprimé)",
            "gap" => "événement manquant ou inséré",
            "document" => "document joint modifié ou supprimé",
            "attestation" => {
                "contresignature qui atteste des marques que sa demi-journée n’a pas avant elle"
            }
            _ => "derniers événements supprimés",
        };
        match b.event_id {
            Some(id) => eprintln!(
                "Session {}\u{a0}: {what} à l’événement n°\u{a0}{} (id {id}).",
                b.cohort_id, b.seq
            ),
            None => eprintln!(
                "Session {}\u{a0}: {what} après l’événement n°\u{a0}{}.",
                b.cohort_id, b.seq
            ),
        }
    }
    eprintln!(
        "Enregistrement altéré\u{a0}: {} sur {}\u{a0}; {}.",
        count(v.breaks.len(), "chaîne", "chaînes"),
        v.chains,
        count(v.events, "événement lu", "événements lus")
    );
    Ok(ExitCode::from(1))
}

/// The audit log's chain: whether it holds, said on the standard output or the error output.
async fn verify_audit(store: &hybride_store::Store) -> anyhow::Result<bool> {
    let a = hybride_store::audit::verify(store).await?;
    match a.first_break {
        None => {
            println!(
                "Journal d’audit intact\u{a0}: {}.",
                count(a.entries, "entrée vérifiée", "entrées vérifiées")
            );
            Ok(true)
        }
        Some(seq) => {
            eprintln!(
                "Journal d’audit altéré à l’entrée n°\u{a0}{seq}\u{a0}: {} avant elle.",
                count(a.entries, "entrée intacte", "entrées intactes")
            );
            Ok(false)
        }
    }
}

/// The seals: with the public keys given (and the sealing key's), every chain must end with a
/// sealed entry; the first entry after the last valid seal is named.
async fn verify_seals(store: &Store, files: &[PathBuf]) -> anyhow::Result<bool> {
    let mut keys = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f)
            .with_context(|| format!("lecture de la clé publique {}", f.display()))?;
        keys.push(
            hybride_store::seal::PublicSeal::from_pem(&text).map_err(|_| {
                anyhow::anyhow!("{} n’est pas une clé publique Ed25519 (PEM)", f.display())
            })?,
        );
    }
    keys.extend(store.seal_key().map(|k| k.public()));
    if keys.is_empty() {
        println!("Sceaux non vérifiés\u{a0}: aucune clé (--public-key, --seal-key).");
        return Ok(true);
    }
    let c = hybride_store::seal::check(store, &keys).await?;
    if c.unsealed.is_empty() {
        println!(
            "Sceaux valides\u{a0}: {} se terminent par une entrée scellée ({}).",
            count(c.chains, "chaîne", "chaînes"),
            count(c.sealed, "entrée scellée", "entrées scellées")
        );
        return Ok(true);
    }
    for u in &c.unsealed {
        let chain = match u.chain.strip_prefix("attendance:") {
            Some(cohort) => format!("Session {cohort}"),
            None => "Journal d’audit".to_owned(),
        };
        match u.last_sealed {
            Some(last) => eprintln!(
                "{chain}\u{a0}: {} sans sceau valide après l’entrée n°\u{a0}{last}, la première étant l’entrée n°\u{a0}{}.",
                count(u.entries, "entrée", "entrées"),
                u.first
            ),
            None => eprintln!(
                "{chain}\u{a0}: aucun sceau valide\u{a0}; {} à partir de l’entrée n°\u{a0}{}.",
                count(u.entries, "entrée", "entrées"),
                u.first
            ),
        }
    }
    eprintln!(
        "Sceaux manquants ou invalides\u{a0}: {} sur {}.",
        count(c.unsealed.len(), "chaîne", "chaînes"),
        c.chains
    );
    Ok(false)
}

/// The half-days that `verify` found countersigned, then corrected: as their sheets say, each
/// waits to be countersigned again.
fn print_to_countersign_again(list: &[hybride_store::attendance::HalfDayRef]) {
    use hybride_training::i18n::{day_words, t, tr, Lang};
    if list.is_empty() {
        return;
    }
    println!(
        "{}",
        tr(
            Lang::Fr,
            "verify-to-countersign-again",
            &[("count", list.len().to_string())]
        )
    );
    for h in list {
        let half_day = match hybride_domain::attendance::parse_slot_key(&h.slot) {
            Ok((date, half)) => format!(
                "{}, {}",
                day_words(Lang::Fr, date),
                t(Lang::Fr, &format!("half-day-{}", half.as_str()))
            ),
            Err(_) => h.slot.clone(),
        };
        println!(
            "{}",
            tr(
                Lang::Fr,
                "verify-half-day",
                &[
                    ("cohort", h.cohort_id.to_string()),
                    ("activity", h.activity_id.to_string()),
                    ("half_day", half_day),
                ]
            )
        );
    }
}
