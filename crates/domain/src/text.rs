//! Bounded texts typed by people: names, titles, longer descriptions.

use crate::Invalid;
use serde::{Deserialize, Serialize};
use std::fmt;

pub(crate) fn clean(raw: &str, max: usize, allow_newlines: bool) -> Result<String, Invalid> {
    let s = raw.trim();
    if s.chars().count() > max {
        return Err(Invalid::with("error-too-long", max));
    }
    if s.chars()
        .any(|c| c.is_control() && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t')))
    {
        return Err(Invalid::new("error-control-characters"));
    }
    Ok(if allow_newlines {
        s.replace("\r\n", "\n")
    } else {
        s.to_owned()
    })
}

macro_rules! bounded_text {
    ($(#[$doc:meta])* $name:ident, $max:expr, $required:expr, $newlines:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub const MAX: usize = $max;

            pub fn parse(raw: &str) -> Result<Self, Invalid> {
                let s = clean(raw, $max, $newlines)?;
                if $required && s.is_empty() {
                    return Err(Invalid::new("error-required"));
                }
                Ok($name(s))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = Invalid;
            fn try_from(s: String) -> Result<Self, Invalid> {
                $name::parse(&s)
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }
    };
}

bounded_text!(
    /// A last or first name: required, one line, at most 100 characters.
    PersonName, 100, true, false
);
bounded_text!(
    /// A title or short label: required, one line, at most 200 characters.
    Title, 200, true, false
);
bounded_text!(
    /// A free text of several paragraphs, possibly empty, at most 20,000 characters.
    LongText, 20_000, false, true
);

/// An https (or http) address, at most 2,000 characters.
pub fn url(raw: &str) -> Result<Option<String>, Invalid> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let ok = (s.starts_with("https://") || s.starts_with("http://"))
        && s.len() <= 2000
        && s.len() > 10
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    if ok {
        Ok(Some(s.to_owned()))
    } else {
        Err(Invalid::new("error-url"))
    }
}

/// A line that may be left empty (`None`), at most a title's length otherwise.
pub fn optional_line(raw: &str) -> Result<Option<String>, Invalid> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        crate::Title::parse(raw).map(|t| Some(t.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names() {
        assert_eq!(PersonName::parse("  Lefèvre ").unwrap().as_str(), "Lefèvre");
        assert_eq!(PersonName::parse("").unwrap_err().key, "error-required");
        assert_eq!(
            PersonName::parse("a\u{7}b").unwrap_err().key,
            "error-control-characters"
        );
        assert_eq!(
            PersonName::parse(&"x".repeat(101)).unwrap_err().key,
            "error-too-long"
        );
        assert!(LongText::parse("").is_ok());
        assert_eq!(LongText::parse("a\r\nb").unwrap().as_str(), "a\nb");
        assert!(Title::parse("a\nb").is_err());
    }

    proptest! {
        #[test]
        fn parsed_text_is_bounded(s in "\\PC{0,300}") {
            if let Ok(t) = Title::parse(&s) {
                prop_assert!(t.as_str().chars().count() <= Title::MAX);
                prop_assert!(!t.as_str().is_empty());
            }
        }
    }
}
