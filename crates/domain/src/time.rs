//! Instants and civil times in Europe/Paris, where every académie of metropolitan France lives:
//! instants are stored as Unix seconds and read as Paris dates and times.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;

/// Europe/Paris (UTC if the bundled time zone database were ever missing it).
pub fn paris() -> TimeZone {
    TimeZone::get("Europe/Paris").unwrap_or(TimeZone::UTC)
}

/// An instant (Unix seconds) as the civil date and time in Europe/Paris.
pub fn civil(ts: i64) -> DateTime {
    jiff::Timestamp::from_second(ts)
        .map(|t| t.to_zoned(paris()).datetime())
        .unwrap_or_default()
}

/// A civil date and time in Europe/Paris as an instant (Unix seconds); `i64::MAX` for one that
/// cannot be placed, so that it never comes before anything.
pub fn instant(dt: DateTime) -> i64 {
    dt.to_zoned(paris())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(i64::MAX)
}

/// A time of day typed as `14:30`, `14 h 30` or `14h`.
pub fn time_of_day(raw: &str) -> Result<Time, crate::Invalid> {
    let s: String = raw
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if s.is_empty() {
        return Err(crate::Invalid::new("error-required"));
    }
    let bad = || crate::Invalid::with("error-time", raw.trim());
    let (h, m) = s.split_once(['h', ':']).ok_or_else(bad)?;
    let h: i8 = h.parse().map_err(|_| bad())?;
    let m: i8 = if m.is_empty() {
        0
    } else {
        m.parse().map_err(|_| bad())?
    };
    Time::new(h, m, 0, 0).map_err(|_| bad())
}

/// Today's date in Europe/Paris.
pub fn today(now: i64) -> Date {
    civil(now).date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn instants_read_as_paris_time() {
        // 2026-12-03 08:00 UTC is 9:00 in Paris (winter time); 2026-07-01 08:00 UTC is 10:00.
        assert_eq!(civil(1_796_284_800).to_string(), "2026-12-03T09:00:00");
        assert_eq!(civil(1_782_892_800).hour(), 10);
        assert_eq!(instant(civil(1_796_284_800)), 1_796_284_800);
    }

    #[test]
    fn times_of_day_as_people_type_them() {
        for (raw, h, m) in [
            ("14:30", 14, 30),
            ("14 h 30", 14, 30),
            ("9h", 9, 0),
            (" 8H05 ", 8, 5),
        ] {
            assert_eq!(
                time_of_day(raw).unwrap(),
                Time::new(h, m, 0, 0).unwrap(),
                "{raw}"
            );
        }
        for raw in ["", "25:00", "14:61", "midi", "h"] {
            assert!(time_of_day(raw).is_err(), "{raw}");
        }
    }

    proptest! {
        #[test]
        fn an_instant_survives_the_round_trip_outside_the_autumn_fold(ts in 0i64..4_000_000_000) {
            let dt = civil(ts);
            let back = instant(dt);
            // In the hour that repeats when clocks go back, the civil time names two instants.
            prop_assert!(back == ts || (back - ts).abs() == 3600);
        }
    }
}
