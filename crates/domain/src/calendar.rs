//! The French calendar: public holidays (metropolitan France).

use jiff::civil::Date;
use jiff::ToSpan;

/// French public holidays (metropolitan): fixed dates, Easter Monday, Ascension, Whit Monday.
pub fn is_public_holiday(d: Date) -> bool {
    const FIXED: [(i8, i8); 8] = [
        (1, 1),
        (5, 1),
        (5, 8),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    if FIXED.contains(&(d.month(), d.day())) {
        return true;
    }
    if !(3..=6).contains(&d.month()) {
        return false; // Easter Monday to Whit Monday: from late March to mid-June
    }
    let easter = easter_sunday(d.year());
    [1, 39, 50]
        .iter()
        .any(|&n| easter.saturating_add(n.days()) == d)
}

/// A working day: Monday to Friday, not a public holiday.
pub fn is_working_day(d: Date) -> bool {
    d.weekday().to_monday_one_offset() <= 5 && !is_public_holiday(d)
}

/// The working day `n` working days before `d` (`n` ≥ 1): two working days before a Monday
/// is the Thursday before.
pub fn working_days_before(d: Date, n: u32) -> Date {
    let mut day = d;
    let mut left = n;
    while left > 0 {
        day = day.saturating_sub(1.day());
        if is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// Easter Sunday (Gregorian calendar, anonymous algorithm).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    Date::new(year, (n / 31) as i8, (n % 31 + 1) as i8).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter_and_movable_holidays() {
        assert_eq!(easter_sunday(2026), date(2026, 4, 5));
        assert_eq!(easter_sunday(2027), date(2027, 3, 28));
        assert_eq!(easter_sunday(2030), date(2030, 4, 21));
        assert!(is_public_holiday(date(2027, 3, 29)), "Easter Monday 2027");
        assert!(is_public_holiday(date(2027, 5, 6)), "Ascension 2027");
        assert!(is_public_holiday(date(2027, 5, 17)), "Whit Monday 2027");
        assert!(is_public_holiday(date(2026, 11, 11)));
        assert!(!is_public_holiday(date(2026, 11, 12)));
    }

    #[test]
    fn working_days() {
        // Monday 30 November 2026: two working days before is Thursday 26.
        assert_eq!(
            working_days_before(date(2026, 11, 30), 2),
            date(2026, 11, 26)
        );
        // Friday 13 November 2026: Wednesday 11 is a holiday, so Tuesday 10 and Thursday 12 count.
        assert_eq!(
            working_days_before(date(2026, 11, 13), 2),
            date(2026, 11, 10)
        );
        assert_eq!(working_days_before(date(2026, 12, 2), 1), date(2026, 12, 1));
        assert!(!is_working_day(date(2026, 11, 28)));
    }
}
