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
bounded_text!(
    /// A short note on one line, possibly empty, at most 500 characters (a transmission's
    /// reference in Sofia-FMO).
    Note, 500, false, false
);

impl LongText {
    /// A free text that must not be empty.
    pub fn required(raw: &str) -> Result<LongText, Invalid> {
        LongText::parse(raw).and_then(|t| {
            if t.as_str().is_empty() {
                Err(Invalid::new("error-required"))
            } else {
                Ok(t)
            }
        })
    }
}

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

/// A text with its working links made useless: in every web address, a path segment that is a
/// secret (43 URL-safe characters, as Hybride's personal, login, calendar and reset links carry)
/// and what follows it become `…`. Sent mails are shown and exported this way, so that nobody
/// reads a working link to someone else's account in them.
pub fn without_working_links(text: &str) -> String {
    fn secret(segment: &str) -> bool {
        let s = segment.strip_suffix(".ics").unwrap_or(segment);
        s.len() == 43
            && s.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("http") {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let end = from
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | ')'))
            .unwrap_or(from.len());
        let (url, after) = from.split_at(end);
        let cut = url.match_indices('/').map(|(i, _)| i + 1).find(|&i| {
            let segment = url[i..].split(['/', '?', '#']).next().unwrap_or("");
            secret(segment)
        });
        match cut {
            Some(i) => {
                out.push_str(&url[..i]);
                out.push('…');
            }
            None => out.push_str(url),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn working_links_are_cut_from_sent_mails() {
        let t = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v";
        assert_eq!(t.len(), 43);
        let mail = format!(
            "Bonjour,\nVotre lien : https://formation.ac-lyon.fr/m/{t}\n\
             Agenda : http://127.0.0.1:8080/calendar/{t}.ics (à ajouter).\n\
             Signer : https://h.fr/sign/12/2026-12-03-morning/{t}?x=1\n\
             Le parcours : https://magistere.education.fr/ac-lyon/course/view.php?id=42"
        );
        let shown = without_working_links(&mail);
        assert!(!shown.contains(t), "{shown}");
        assert!(
            shown.contains("https://formation.ac-lyon.fr/m/…\n"),
            "{shown}"
        );
        assert!(
            shown.contains("http://127.0.0.1:8080/calendar/… (à ajouter)"),
            "{shown}"
        );
        assert!(
            shown.contains("https://h.fr/sign/12/2026-12-03-morning/…\n"),
            "{shown}"
        );
        assert!(shown.contains("course/view.php?id=42"), "{shown}");
        assert_eq!(without_working_links("Aucun lien ici."), "Aucun lien ici.");
    }

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
