//! GAIA identifiers. A dispositif id reads `26A0100123`: two digits of the school year in which
//! it opens, a letter for the level that owns it (A académique, D départemental, N national,
//! R régional), then seven digits. A module id is a number of one to six digits.

use crate::Invalid;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DispositifId(String);

impl DispositifId {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim().to_uppercase();
        if s.is_empty() {
            return Err(Invalid::new("error-required"));
        }
        let b = s.as_bytes();
        let ok = b.len() == 10
            && b[..2].iter().all(u8::is_ascii_digit)
            && matches!(b[2], b'A' | b'D' | b'N' | b'R')
            && b[3..].iter().all(u8::is_ascii_digit);
        if ok {
            Ok(DispositifId(s))
        } else {
            Err(Invalid::with("error-gaia-dispositif", raw.trim()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ModuleId(String);

impl ModuleId {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Invalid::new("error-required"));
        }
        if s.len() <= 6 && s.bytes().all(|c| c.is_ascii_digit()) {
            Ok(ModuleId(s.to_owned()))
        } else {
            Err(Invalid::with("error-gaia-module", s))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! string_conversions {
    ($t:ty) => {
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl TryFrom<String> for $t {
            type Error = Invalid;
            fn try_from(s: String) -> Result<Self, Invalid> {
                <$t>::parse(&s)
            }
        }
        impl From<$t> for String {
            fn from(v: $t) -> String {
                v.0
            }
        }
    };
}
string_conversions!(DispositifId);
string_conversions!(ModuleId);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispositif_ids() {
        assert_eq!(
            DispositifId::parse(" 26a0100123 ").unwrap().as_str(),
            "26A0100123"
        );
        for bad in ["26X0100123", "26A010012", "2AA0100123", "26A01001234", ""] {
            assert!(DispositifId::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn module_ids() {
        assert_eq!(ModuleId::parse("48213").unwrap().as_str(), "48213");
        assert!(ModuleId::parse("1234567").is_err());
        assert!(ModuleId::parse("12a").is_err());
    }
}
