//! Secret tokens (sessions, API tokens, personal links): 256 random bits, shown once,
//! stored only as their SHA-256 digest so that a copy of the database opens nothing.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// A fresh secret, URL-safe (43 characters).
pub fn generate() -> String {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).expect("the operating system provides randomness");
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The digest under which a token is stored and looked up.
pub fn digest(token: &str) -> String {
    digest_bytes(token.as_bytes())
}

/// The SHA-256 of `bytes`, in lowercase hexadecimal.
pub fn digest_bytes(bytes: &[u8]) -> String {
    crate::chain::hex(&Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_long_and_distinct() {
        let a = super::generate();
        let b = super::generate();
        assert_eq!(a.len(), 43);
        assert_ne!(a, b);
        assert_eq!(super::digest(&a).len(), 64);
        assert_ne!(super::digest(&a), a);
    }
}
