//! Seals: an Ed25519 signature on each entry appended to a chain (a cohort's attendance record,
//! the audit log), made with a key that lives outside the database (a file named by the
//! configuration, made by `hybride key create`).
//!
//! A chain's hashes prove that nothing before an entry changed; a valid seal on an entry proves
//! that the entry (and so, through the hashes, everything before it) was appended by a holder of
//! the key. Someone who can only write to the database can recompute hashes, not seals: the
//! entries they add or rewrite stand after the last valid seal, and `check` names the first of
//! them. A record copied to another deployment is checked with the public key alone.
//!
//! Putting a key in place seals every chain's head as it stands (its inauguration, an explicit
//! `hybride key inaugurate`, never done on the sly at start: someone who can write to the
//! database must not get their rows sealed by removing a table's row and waiting for a
//! restart). The record written before there was a key is vouched for from then on.

use crate::{now, Store, StoreError, StoreResult};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::pkcs8::{
    spki::der::pem::LineEnding, DecodePrivateKey, DecodePublicKey, EncodePrivateKey,
    EncodePublicKey,
};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The audit log's chain name.
pub const AUDIT: &str = "audit";

/// A cohort's attendance chain name.
pub fn attendance(cohort_id: i64) -> String {
    format!("attendance:{cohort_id}")
}

/// What a seal signs: the chain, the entry's place and its hash.
fn message(chain: &str, seq: i64, hash: &str) -> Vec<u8> {
    format!("hybride-seal-v1\n{chain}\n{seq}\n{hash}").into_bytes()
}

/// A short name for a public key: the first 16 hex digits of its SHA-256.
fn key_id(key: &VerifyingKey) -> String {
    let d = Sha256::digest(key.as_bytes());
    crate::chain::hex(&d[..8])
}

/// The private key that seals.
pub struct SealKey {
    key: SigningKey,
    id: String,
}

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SealKey").field("id", &self.id).finish()
    }
}

impl SealKey {
    /// A new key from the system's random source.
    pub fn generate() -> StoreResult<SealKey> {
        let mut secret = [0u8; 32];
        getrandom::getrandom(&mut secret).map_err(|_| StoreError::Refused("seal_key_random"))?;
        Ok(SealKey::of(SigningKey::from_bytes(&secret)))
    }

    fn of(key: SigningKey) -> SealKey {
        let id = key_id(&key.verifying_key());
        SealKey { key, id }
    }

    /// Reads a key written by [`SealKey::to_pem`] (PKCS#8, « PRIVATE KEY »).
    pub fn from_pem(text: &str) -> StoreResult<SealKey> {
        SigningKey::from_pkcs8_pem(text.trim())
            .map(SealKey::of)
            .map_err(|_| StoreError::Refused("seal_key"))
    }

    /// The key as PKCS#8 PEM, which OpenSSL reads too.
    pub fn to_pem(&self) -> StoreResult<String> {
        self.key
            .to_pkcs8_pem(LineEnding::LF)
            .map(|s| s.to_string())
            .map_err(|_| StoreError::Refused("seal_key"))
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its public half, which checks its seals.
    pub fn public(&self) -> PublicSeal {
        PublicSeal {
            key: self.key.verifying_key(),
            id: self.id.clone(),
        }
    }

    /// The seal of entry `seq` of `chain`, whose hash is `hash`: `KEYID:SIGNATURE`.
    pub fn seal(&self, chain: &str, seq: i64, hash: &str) -> String {
        let sig: Signature = self.key.sign(&message(chain, seq, hash));
        format!("{}:{}", self.id, URL_SAFE_NO_PAD.encode(sig.to_bytes()))
    }
}

/// A public key that checks seals.
#[derive(Debug, Clone)]
pub struct PublicSeal {
    key: VerifyingKey,
    id: String,
}

impl PublicSeal {
    /// Reads a public key as PEM (SubjectPublicKeyInfo, « PUBLIC KEY »).
    pub fn from_pem(text: &str) -> StoreResult<PublicSeal> {
        let key = VerifyingKey::from_public_key_pem(text.trim())
            .map_err(|_| StoreError::Refused("seal_public_key"))?;
        Ok(PublicSeal {
            id: key_id(&key),
            key,
        })
    }

    pub fn to_pem(&self) -> StoreResult<String> {
        self.key
            .to_public_key_pem(LineEnding::LF)
            .map_err(|_| StoreError::Refused("seal_public_key"))
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Whether `seal` is this key's seal on entry `seq` of `chain` with hash `hash`.
    pub fn holds(&self, chain: &str, seq: i64, hash: &str, seal: &str) -> bool {
        let Some((id, sig)) = seal.split_once(':') else {
            return false;
        };
        if id != self.id {
            return false;
        }
        let Ok(bytes) = URL_SAFE_NO_PAD.decode(sig) else {
            return false;
        };
        let Ok(sig) = Signature::from_slice(&bytes) else {
            return false;
        };
        self.key
            .verify_strict(&message(chain, seq, hash), &sig)
            .is_ok()
    }
}

/// Whether one of `keys` holds `seal`.
fn holds_any(keys: &[PublicSeal], chain: &str, seq: i64, hash: &str, seal: &str) -> bool {
    keys.iter().any(|k| k.holds(chain, seq, hash, seal))
}

/// Seals every chain's head as it stands with the store's key (again, when asked again).
/// Returns how many heads were sealed.
pub async fn inaugurate(store: &Store) -> StoreResult<usize> {
    let Some(key) = store.seal_key() else {
        return Err(StoreError::Refused("seal_key_missing"));
    };
    let public = key.public().to_pem()?;
    let mut tx = store.pool().begin().await?;
    sqlx::query(
        "INSERT INTO seal_keys (key_id, public_key, first_used_at) VALUES ($1, $2, $3) \
         ON CONFLICT (key_id) DO NOTHING",
    )
    .bind(key.id())
    .bind(&public)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    let mut heads: Vec<(String, i64, String)> = sqlx::query_as::<_, (i64, i64, String)>(
        "SELECT cohort_id, seq, hash FROM attendance_heads",
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|(c, seq, hash)| (attendance(c), seq, hash))
    .collect();
    let audit: Option<(i64, String)> =
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_optional(&mut *tx)
            .await?;
    heads.extend(audit.map(|(seq, hash)| (AUDIT.to_owned(), seq, hash)));
    for (chain, seq, hash) in &heads {
        sqlx::query(
            "INSERT INTO head_seals (key_id, chain, seq, hash, seal) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (key_id, chain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, \
             seal = excluded.seal",
        )
        .bind(key.id())
        .bind(chain)
        .bind(*seq)
        .bind(hash)
        .bind(key.seal(chain, *seq, hash))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(heads.len())
}

/// A chain whose last entries bear no valid seal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsealed {
    pub chain: String,
    /// The first entry after the last valid seal.
    pub first: i64,
    /// The last entry with a valid seal, none when no entry has one.
    pub last_sealed: Option<i64>,
    /// How many entries follow the last valid seal.
    pub entries: i64,
}

/// What checking the seals found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SealCheck {
    pub chains: usize,
    /// Entries with a valid seal of their own (inaugural seals aside).
    pub sealed: i64,
    pub unsealed: Vec<Unsealed>,
}

/// Checks that every chain ends with an entry sealed by one of `keys` (its own seal, or an
/// inaugural seal of the head it was). The hashes themselves are `attendance::verify`'s and
/// `audit::verify`'s business.
pub async fn check(store: &Store, keys: &[PublicSeal]) -> StoreResult<SealCheck> {
    let inaugural: Vec<(String, i64, String, String)> =
        sqlx::query_as("SELECT chain, seq, hash, seal FROM head_seals")
            .fetch_all(store.pool())
            .await?;
    // Per chain, the entries its inaugural seals vouch for (seq → hash).
    let mut vouched: HashMap<String, HashMap<i64, String>> = HashMap::new();
    for (chain, seq, hash, seal) in inaugural {
        if holds_any(keys, &chain, seq, &hash, &seal) {
            vouched.entry(chain).or_default().insert(seq, hash);
        }
    }
    let mut out = SealCheck::default();
    // (chain, last seq, last sealed seq); a chain's name is made once, not per entry.
    let track = |out: &mut SealCheck,
                 current: &mut Option<(String, i64, Option<i64>)>,
                 chain: &str,
                 seq: i64,
                 hash: &str,
                 seal: Option<&str>| {
        if current.as_ref().is_none_or(|(c, ..)| c != chain) {
            if let Some(done) = current.take() {
                finish(out, done);
            }
            *current = Some((chain.to_owned(), 0, None));
        }
        let own = seal.is_some_and(|s| holds_any(keys, chain, seq, hash, s));
        if own {
            out.sealed += 1;
        }
        let vouched_here = vouched
            .get(chain)
            .and_then(|v| v.get(&seq))
            .is_some_and(|h| h == hash);
        if let Some((_, last, sealed)) = current.as_mut() {
            *last = seq;
            if own || vouched_here {
                *sealed = Some(seq);
            }
        }
    };
    const PAGE: i64 = 5000;
    let mut current = None;
    let (mut after_cohort, mut after_seq) = (i64::MIN, i64::MIN);
    let mut name = (i64::MIN, String::new());
    loop {
        let page: Vec<(i64, i64, String, Option<String>)> = sqlx::query_as(
            "SELECT cohort_id, seq, hash, seal FROM attendance_events \
             WHERE cohort_id > $1 OR (cohort_id = $1 AND seq > $2) ORDER BY cohort_id, seq LIMIT $3",
        )
        .bind(after_cohort)
        .bind(after_seq)
        .bind(PAGE)
        .fetch_all(store.pool())
        .await?;
        for (cohort, seq, hash, seal) in &page {
            if name.0 != *cohort {
                name = (*cohort, attendance(*cohort));
            }
            track(&mut out, &mut current, &name.1, *seq, hash, seal.as_deref());
            (after_cohort, after_seq) = (*cohort, *seq);
        }
        if (page.len() as i64) < PAGE {
            break;
        }
    }
    let mut after = 0;
    loop {
        let page: Vec<(i64, String, Option<String>)> = sqlx::query_as(
            "SELECT seq, hash, seal FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(after)
        .bind(PAGE)
        .fetch_all(store.pool())
        .await?;
        for (seq, hash, seal) in &page {
            track(&mut out, &mut current, AUDIT, *seq, hash, seal.as_deref());
            after = *seq;
        }
        if (page.len() as i64) < PAGE {
            break;
        }
    }
    if let Some(done) = current.take() {
        finish(&mut out, done);
    }
    Ok(out)
}

fn finish(out: &mut SealCheck, (chain, last, sealed): (String, i64, Option<i64>)) {
    out.chains += 1;
    let first = sealed.map_or(1, |s| s + 1);
    if last >= first {
        out.unsealed.push(Unsealed {
            chain,
            first,
            last_sealed: sealed,
            entries: last - first + 1,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seal_holds_for_its_entry_and_key_only() {
        let key = SealKey::generate().unwrap();
        let public = PublicSeal::from_pem(&key.public().to_pem().unwrap()).unwrap();
        assert_eq!(public.id(), key.id());
        let seal = key.seal("attendance:3", 7, "abc");
        assert!(public.holds("attendance:3", 7, "abc", &seal));
        assert!(!public.holds("attendance:3", 7, "abd", &seal));
        assert!(!public.holds("attendance:3", 8, "abc", &seal));
        assert!(!public.holds("attendance:4", 7, "abc", &seal));
        let other = SealKey::generate().unwrap();
        assert!(!other.public().holds("attendance:3", 7, "abc", &seal));
        assert!(!public.holds("attendance:3", 7, "abc", "nonsense"));
        // The key reads back from its PEM.
        let again = SealKey::from_pem(&key.to_pem().unwrap()).unwrap();
        assert_eq!(again.seal("audit", 1, "x"), key.seal("audit", 1, "x"));
        assert!(
            SealKey::from_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")
                .is_err()
        );
    }
}
