//! E-mail addresses, normalised to lower case.

use crate::Invalid;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// Accepts `local@domain.tld` with no spaces, at most 254 characters, and lower-cases it
    /// (académie mail systems are case-insensitive, and duplicates by case are a common import error).
    pub fn parse(raw: &str) -> Result<Email, Invalid> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err(Invalid::new("error-required"));
        }
        if s.chars().count() > 254 {
            return Err(Invalid::new("error-email-invalid"));
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err(Invalid::new("error-email-invalid"));
        };
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
            && labels
                .last()
                .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_alphabetic()) && tld.len() >= 2);
        if local_ok && domain_ok {
            Ok(Email(s))
        } else {
            Err(Invalid::new("error-email-invalid"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        Email::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_and_normalises() {
        let e = Email::parse("  Camille.Durand@AC-Lyon.fr ").unwrap();
        assert_eq!(e.as_str(), "camille.durand@ac-lyon.fr");
    }

    #[test]
    fn refuses_malformed() {
        for bad in [
            "",
            "camille",
            "@ac-lyon.fr",
            "camille@",
            "camille@ac-lyon",
            "ca mille@ac-lyon.fr",
            "camille@@ac-lyon.fr",
            "camille@ac_lyon.fr",
            "camille@-ac.fr",
            ".camille@ac-lyon.fr",
            "camille@ac-lyon.f2",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(Email::parse(" ").unwrap_err().key, "error-required");
    }

    proptest! {
        #[test]
        fn never_panics_and_parsed_values_reparse(s in "\\PC{0,80}") {
            if let Ok(e) = Email::parse(&s) {
                prop_assert_eq!(Email::parse(e.as_str()).unwrap(), e.clone());
                prop_assert!(!e.as_str().contains(' '));
            }
        }
    }
}
