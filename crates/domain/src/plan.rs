//! A training plan covers one school year, written `2026-2027`.

use crate::Invalid;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SchoolYear {
    start: i16,
}

impl SchoolYear {
    pub fn parse(raw: &str) -> Result<SchoolYear, Invalid> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Invalid::new("error-required"));
        }
        let bad = || Invalid::with("error-school-year", s);
        let (a, b) = s.split_once(['-', '/']).ok_or_else(bad)?;
        let a: i16 = a.trim().parse().map_err(|_| bad())?;
        let b: i16 = b.trim().parse().map_err(|_| bad())?;
        if !(2000..=2100).contains(&a) || b != a + 1 {
            return Err(bad());
        }
        Ok(SchoolYear { start: a })
    }

    pub fn starting(start: i16) -> Result<SchoolYear, Invalid> {
        SchoolYear::parse(&format!("{}-{}", start, start + 1))
    }

    /// The school year that contains a date: it turns on 1 September.
    pub fn containing(date: Date) -> SchoolYear {
        let start = if date.month() >= 9 {
            date.year()
        } else {
            date.year() - 1
        };
        SchoolYear { start }
    }

    pub fn start_year(self) -> i16 {
        self.start
    }

    pub fn first_day(self) -> Date {
        Date::new(self.start, 9, 1).expect("valid date")
    }

    pub fn last_day(self) -> Date {
        Date::new(self.start + 1, 8, 31).expect("valid date")
    }
}

impl fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.start + 1)
    }
}

impl TryFrom<String> for SchoolYear {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        SchoolYear::parse(&s)
    }
}

impl From<SchoolYear> for String {
    fn from(y: SchoolYear) -> String {
        y.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_contains() {
        let y = SchoolYear::parse("2026-2027").unwrap();
        assert_eq!(y.to_string(), "2026-2027");
        assert_eq!(SchoolYear::parse("2026/2027").unwrap(), y);
        assert!(SchoolYear::parse("2026-2028").is_err());
        assert!(SchoolYear::parse("26-27").is_err());
        assert_eq!(SchoolYear::containing(Date::constant(2026, 11, 28)), y);
        assert_eq!(SchoolYear::containing(Date::constant(2027, 8, 31)), y);
        assert_eq!(
            SchoolYear::containing(Date::constant(2027, 9, 1)).to_string(),
            "2027-2028"
        );
    }
}
