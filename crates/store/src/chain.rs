//! How an entry of a hash chain (the attendance record, the audit log) is hashed: its fields,
//! each length-prefixed (`5:hello;`, or `-;` for none) so that no two different entries encode
//! alike, into SHA-256, written as lower-case hex. Changing a byte of this encoding breaks every
//! chain already stored: the tests below pin it.

use sha2::{Digest, Sha256};

/// The fields of one entry, fed in order.
pub(crate) struct Encoder(Sha256);

impl Encoder {
    /// Starts with the chain's name and version (`hybride-audit-v1`).
    pub fn new(version: &str) -> Encoder {
        let mut e = Encoder(Sha256::new());
        e.text(version);
        e
    }

    /// A field that may be absent.
    pub fn field(&mut self, value: Option<&str>) -> &mut Encoder {
        match value {
            None => self.0.update(b"-;"),
            Some(v) => {
                self.0.update(v.len().to_string().as_bytes());
                self.0.update(b":");
                self.0.update(v.as_bytes());
                self.0.update(b";");
            }
        }
        self
    }

    pub fn text(&mut self, value: &str) -> &mut Encoder {
        self.field(Some(value))
    }

    pub fn number(&mut self, value: i64) -> &mut Encoder {
        self.text(&value.to_string())
    }

    pub fn optional_number(&mut self, value: Option<i64>) -> &mut Encoder {
        self.field(value.map(|v| v.to_string()).as_deref())
    }

    /// The entry's hash.
    pub fn finish(self) -> String {
        hex(&self.0.finalize())
    }
}

/// Bytes as lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::digest_bytes as sha256_hex;

    #[test]
    fn the_encoding_is_the_one_chains_were_stored_with() {
        let mut e = Encoder::new("v");
        e.field(None).text("été").number(-12).optional_number(None);
        // "1:v;-;5:été;3:-12;-;" (lengths in bytes).
        assert_eq!(e.finish(), sha256_hex("1:v;-;5:été;3:-12;-;".as_bytes()));
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
