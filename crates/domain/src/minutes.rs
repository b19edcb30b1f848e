//! Durations, held in whole minutes. Training hours are declared in hours and minutes
//! ("6 h 30", "6,5", "6h30", "390 min"); they are stored and added as minutes.

use crate::Invalid;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A duration of at most 1,000 hours (a whole training; larger values are typing errors).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "u32", into = "u32")]
pub struct Minutes(u32);

impl Minutes {
    pub const MAX: u32 = 1000 * 60;
    pub const ZERO: Minutes = Minutes(0);

    pub fn new(m: u32) -> Result<Minutes, Invalid> {
        if m > Self::MAX {
            Err(Invalid::new("error-duration-too-long"))
        } else {
            Ok(Minutes(m))
        }
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// Parses what people type for hours. An empty field means zero.
    pub fn parse_hours(raw: &str) -> Result<Minutes, Invalid> {
        let s: String = raw
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if s.is_empty() {
            return Ok(Minutes(0));
        }
        let bad = || Invalid::with("error-duration-invalid", raw.trim());
        let total = if let Some(m) = s.strip_suffix("min") {
            m.parse::<u32>().map_err(|_| bad())?
        } else if let Some((h, m)) = s.split_once('h').or_else(|| s.split_once(':')) {
            let h: u32 = h.parse().map_err(|_| bad())?;
            let m: u32 = if m.is_empty() {
                0
            } else {
                m.parse().map_err(|_| bad())?
            };
            if m >= 60 {
                return Err(bad());
            }
            h.checked_mul(60)
                .and_then(|x| x.checked_add(m))
                .ok_or_else(bad)?
        } else {
            // Decimal hours, with a French or English decimal separator.
            let s = s.replace(',', ".");
            let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
            if int.is_empty() && frac.is_empty() {
                return Err(bad());
            }
            let h: u32 = if int.is_empty() {
                0
            } else {
                int.parse().map_err(|_| bad())?
            };
            if !frac.chars().all(|c| c.is_ascii_digit()) || frac.len() > 2 {
                return Err(bad());
            }
            let frac_min = match frac.len() {
                0 => 0,
                1 => frac.parse::<u32>().map_err(|_| bad())? * 6,
                _ => {
                    let hundredths = frac.parse::<u32>().map_err(|_| bad())?;
                    if hundredths * 60 % 100 != 0 {
                        return Err(bad());
                    }
                    hundredths * 60 / 100
                }
            };
            h.checked_mul(60)
                .and_then(|x| x.checked_add(frac_min))
                .ok_or_else(bad)?
        };
        Minutes::new(total)
    }

    pub fn hours_minutes(self) -> (u32, u32) {
        (self.0 / 60, self.0 % 60)
    }
}

impl std::ops::Add for Minutes {
    type Output = Minutes;
    fn add(self, o: Minutes) -> Minutes {
        Minutes(self.0.saturating_add(o.0))
    }
}

impl std::iter::Sum for Minutes {
    fn sum<I: Iterator<Item = Minutes>>(iter: I) -> Minutes {
        iter.fold(Minutes::ZERO, |a, b| a + b)
    }
}

impl TryFrom<u32> for Minutes {
    type Error = Invalid;
    fn try_from(m: u32) -> Result<Self, Invalid> {
        Minutes::new(m)
    }
}

impl From<Minutes> for u32 {
    fn from(m: Minutes) -> u32 {
        m.0
    }
}

/// French notation: "6 h", "6 h 30", "45 min" (with non-breaking spaces).
impl fmt::Display for Minutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.hours_minutes() {
            (0, m) => write!(f, "{m}\u{a0}min"),
            (h, 0) => write!(f, "{h}\u{a0}h"),
            (h, m) => write!(f, "{h}\u{a0}h\u{a0}{m:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_common_notations() {
        let cases = [
            ("6", 360),
            ("6 h", 360),
            ("6h30", 390),
            ("6 h 30", 390),
            ("6,5", 390),
            ("6.25", 375),
            ("1:45", 105),
            ("90 min", 90),
            ("", 0),
            (",5", 30),
        ];
        for (raw, m) in cases {
            assert_eq!(Minutes::parse_hours(raw).unwrap().get(), m, "{raw}");
        }
    }

    #[test]
    fn refuses_nonsense() {
        for bad in [
            "abc",
            "6h75",
            "-3",
            "1.333",
            "99999999999",
            "1001",
            "h",
            "6,5,5",
        ] {
            assert!(Minutes::parse_hours(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn displays_in_french() {
        assert_eq!(Minutes(390).to_string(), "6\u{a0}h\u{a0}30");
        assert_eq!(Minutes(45).to_string(), "45\u{a0}min");
        assert_eq!(Minutes(120).to_string(), "2\u{a0}h");
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = Minutes::parse_hours(&s);
        }

        #[test]
        fn hours_and_minutes_round_trip(h in 0u32..1000, m in 0u32..60) {
            let parsed = Minutes::parse_hours(&format!("{h} h {m}")).unwrap();
            prop_assert_eq!(parsed.get(), h * 60 + m);
        }
    }
}
