//! Argon2id password hashes (PHC strings), computed off the async threads.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// The shortest password accepted: the ANSSI recommends 12 characters or more for passwords
/// protecting personal data.
pub const MIN_LENGTH: usize = 12;

/// The longest password accepted, in characters (1,024 bytes at most).
pub const MAX_LENGTH: usize = 256;

/// A new password as typed: from `MIN_LENGTH` to `MAX_LENGTH` characters, any of them.
pub fn check(raw: &str) -> Result<String, hybride_domain::Invalid> {
    use hybride_domain::Invalid;
    let length = raw.chars().count();
    if length < MIN_LENGTH {
        Err(Invalid::with("error-password-short", MIN_LENGTH))
    } else if length > MAX_LENGTH {
        Err(Invalid::with("error-too-long", MAX_LENGTH))
    } else {
        Ok(raw.to_owned())
    }
}

pub fn hash(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::getrandom(&mut salt).map_err(|e| anyhow::anyhow!("randomness: {e}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))?
        .to_string())
}

pub fn verify(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash of nothing in particular, verified when an account does not exist so that a failed
/// login takes the same time whether or not the address is known.
pub fn decoy() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash("hybride-decoy-password").expect("hashing works"))
}

pub async fn hash_async(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash(&password)).await?
}

pub async fn verify_async(password: String, phc: String) -> bool {
    tokio::task::spawn_blocking(move || verify(&password, &phc))
        .await
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_verify_and_differ() {
        let a = super::hash("correct horse battery").unwrap();
        let b = super::hash("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "salted");
        assert!(super::verify("correct horse battery", &a));
        assert!(!super::verify("wrong", &a));
        assert!(!super::verify("x", "not a hash"));
    }
}
