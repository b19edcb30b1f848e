//! A trainer's qualification in hybrid delivery, which the pilot gives by training her (the
//! charter: « ce dernier doit se tourner vers le pilote de la formation pour y être formé »), and
//! how long it lasts when the académie sets a validity in school years.

use jiff::civil::{date, Date};
use serde::Serialize;

/// The académie's setting: how many school years a qualification lasts (none: for good).
pub const VALIDITY_SETTING: &str = "qualification_validity_years";

/// The longest validity an académie may set, in school years.
pub const MAX_VALIDITY_YEARS: u8 = 10;

/// Reads the setting as stored: a number of school years from 1 to [`MAX_VALIDITY_YEARS`];
/// anything else (empty, `0`) means no limit.
pub fn validity_of(setting: Option<&str>) -> Option<u8> {
    setting
        .and_then(|s| s.trim().parse::<u8>().ok())
        .filter(|y| (1..=MAX_VALIDITY_YEARS).contains(y))
}

/// The first calendar year of the school year that holds `day` (a school year starts on
/// 1 September).
pub fn school_year_start(day: Date) -> i16 {
    if day.month() >= 9 {
        day.year()
    } else {
        day.year() - 1
    }
}

/// The last day a qualification obtained on `on` is valid for `years` school years: the
/// 31 August that ends the `years`-th school year, counting the one it was obtained in.
pub fn valid_until(on: Date, years: u8) -> Date {
    date(school_year_start(on) + i16::from(years), 8, 31)
}

/// Where a trainer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Standing {
    /// Qualified; until the given day when the académie sets a validity.
    Valid { until: Option<Date> },
    /// Qualified once, but the validity ended on the given day: to renew.
    Expired { on: Date },
    /// Never qualified.
    Missing,
}

impl Standing {
    pub fn is_valid(&self) -> bool {
        matches!(self, Standing::Valid { .. })
    }

    pub fn state(&self) -> &'static str {
        match self {
            Standing::Valid { .. } => "valid",
            Standing::Expired { .. } => "expired",
            Standing::Missing => "missing",
        }
    }
}

/// A trainer's standing on `today`, from her latest qualification and the académie's validity.
pub fn standing(latest: Option<Date>, validity: Option<u8>, today: Date) -> Standing {
    match (latest, validity) {
        (None, _) => Standing::Missing,
        (Some(_), None) => Standing::Valid { until: None },
        (Some(on), Some(years)) => {
            let until = valid_until(on, years);
            if today > until {
                Standing::Expired { on: until }
            } else {
                Standing::Valid { until: Some(until) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_validity_counts_school_years_from_the_one_it_was_obtained_in() {
        // Obtained in the school year 2026-2027: three school years end on 31 August 2029.
        assert_eq!(valid_until(date(2026, 11, 10), 3), date(2029, 8, 31));
        assert_eq!(valid_until(date(2026, 9, 1), 3), date(2029, 8, 31));
        // 31 August still belongs to the previous school year.
        assert_eq!(valid_until(date(2026, 8, 31), 3), date(2028, 8, 31));
        assert_eq!(valid_until(date(2027, 6, 30), 1), date(2027, 8, 31));
    }

    #[test]
    fn standing_reads_the_latest_qualification_against_the_validity() {
        let on = date(2023, 10, 2);
        assert_eq!(
            standing(None, Some(3), date(2026, 12, 4)),
            Standing::Missing
        );
        assert_eq!(
            standing(Some(on), None, date(2040, 1, 1)),
            Standing::Valid { until: None }
        );
        assert_eq!(
            standing(Some(on), Some(3), date(2026, 8, 31)),
            Standing::Valid {
                until: Some(date(2026, 8, 31))
            }
        );
        assert_eq!(
            standing(Some(on), Some(3), date(2026, 9, 1)),
            Standing::Expired {
                on: date(2026, 8, 31)
            }
        );
    }

    #[test]
    fn the_setting_reads_one_to_ten_school_years_or_none() {
        assert_eq!(validity_of(Some("3")), Some(3));
        assert_eq!(validity_of(Some(" 10 ")), Some(10));
        assert_eq!(validity_of(Some("0")), None);
        assert_eq!(validity_of(Some("11")), None);
        assert_eq!(validity_of(Some("")), None);
        assert_eq!(validity_of(None), None);
    }
}
