//! The discussion space's rules: when a trainee's question is due for an answer under the
//! accompaniment plan's committed response time, who a post mentions, and who is inactive.

use crate::calendar::is_working_day;
use jiff::civil::DateTime;
use jiff::ToSpan;

/// When an answer is due for a question asked at `asked`, under a commitment of `hours`
/// hours, counting only working days (Monday to Friday, not public holidays) when
/// `working_days_only`. Times are civil (Europe/Paris).
pub fn answer_due(asked: DateTime, hours: u32, working_days_only: bool) -> DateTime {
    if !working_days_only {
        return asked.saturating_add((hours as i64).hours());
    }
    let mut at = asked;
    let mut left = (hours as i64) * 60; // minutes
    loop {
        let day = at.date();
        let midnight = day
            .saturating_add(1.day())
            .to_datetime(jiff::civil::Time::midnight());
        if !is_working_day(day) {
            at = midnight;
            continue;
        }
        let until_midnight = at.duration_until(midnight).as_secs() / 60;
        if left <= until_midnight {
            return at.saturating_add(left.minutes());
        }
        left -= until_midnight;
        at = midnight;
    }
}

/// The names a post mentions: `@camille.durand` (the part of an e-mail address before the @),
/// lower-cased, each once, in order.
pub fn mentions(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        // An @ at the start or after a space or punctuation, not inside an e-mail address.
        let starts = chars[i] == '@' && (i == 0 || !chars[i - 1].is_alphanumeric());
        if starts {
            let name: String = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
                .collect();
            let name = name.trim_end_matches(['.', '-', '_']).to_lowercase();
            if !name.is_empty() && !out.contains(&name) && out.len() < 20 {
                out.push(name);
            }
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn due_counts_working_days_only_when_asked() {
        // Friday 27 November 2026, 16:00 + 48 working hours: Saturday and Sunday skipped.
        let asked = date(2026, 11, 27).at(16, 0, 0, 0);
        assert_eq!(
            answer_due(asked, 48, true),
            date(2026, 12, 1).at(16, 0, 0, 0)
        );
        assert_eq!(
            answer_due(asked, 48, false),
            date(2026, 11, 29).at(16, 0, 0, 0)
        );
        // Asked on a Sunday: the clock starts on Monday at midnight.
        let sunday = date(2026, 11, 29).at(10, 0, 0, 0);
        assert_eq!(
            answer_due(sunday, 24, true),
            date(2026, 12, 1).at(0, 0, 0, 0)
        );
        // Tuesday 10 November, 18:00 + 24 h: Wednesday 11 is a public holiday.
        let before_holiday = date(2026, 11, 10).at(18, 0, 0, 0);
        assert_eq!(
            answer_due(before_holiday, 24, true),
            date(2026, 11, 12).at(18, 0, 0, 0)
        );
    }

    #[test]
    fn mentions_are_read_from_words_starting_with_at() {
        assert_eq!(
            mentions("Merci @camille.durand et @Karim.Benali, voir aussi @camille.durand."),
            vec!["camille.durand", "karim.benali"]
        );
        assert!(mentions("écrivez à camille.durand@ac-lyon.fr").is_empty());
        assert!(mentions("@ seul").is_empty());
    }

    proptest! {
        #[test]
        fn due_is_never_earlier_than_the_plain_delay(
            day in 0i64..800, minute in 0i64..1440, hours in 0u32..200, working in any::<bool>()
        ) {
            let asked = date(2026, 1, 1).at(0, 0, 0, 0)
                .saturating_add(day.days()).saturating_add(minute.minutes());
            let due = answer_due(asked, hours, working);
            prop_assert!(due >= asked.saturating_add((hours as i64).hours()));
            if !working {
                prop_assert_eq!(due, asked.saturating_add((hours as i64).hours()));
            }
        }

        #[test]
        fn mentions_never_panic(s in "\\PC{0,200}") {
            let m = mentions(&s);
            prop_assert!(m.len() <= 20);
        }
    }
}
/// How long one person makes others wait for an answer: the median of the waits of the
/// questions they answered, and the longest wait, counting those still unanswered at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Waits {
    /// How many questions they were asked.
    pub asked: usize,
    /// How many still wait for an answer.
    pub waiting: usize,
    /// The median wait for a first answer, in seconds (none before any answer).
    pub median_seconds: Option<i64>,
    /// The longest wait, answered or still running, in seconds.
    pub longest_seconds: i64,
}

/// [`Waits`] from each question's asking and first answer (Unix seconds).
pub fn waits(questions: &[(i64, Option<i64>)], now: i64) -> Waits {
    let mut answered: Vec<i64> = questions
        .iter()
        .filter_map(|(asked, answered)| answered.map(|a| (a - asked).max(0)))
        .collect();
    answered.sort_unstable();
    let median_seconds = match answered.len() {
        0 => None,
        n if n % 2 == 1 => Some(answered[n / 2]),
        n => Some((answered[n / 2 - 1] + answered[n / 2]) / 2),
    };
    let longest_seconds = questions
        .iter()
        .map(|(asked, answered)| (answered.unwrap_or(now) - asked).max(0))
        .max()
        .unwrap_or(0);
    Waits {
        asked: questions.len(),
        waiting: questions.iter().filter(|(_, a)| a.is_none()).count(),
        median_seconds,
        longest_seconds,
    }
}

#[cfg(test)]
mod waits_tests {
    use super::*;

    #[test]
    fn the_median_of_answered_waits_and_the_longest_counting_those_still_waiting() {
        assert_eq!(
            waits(&[], 100),
            Waits {
                asked: 0,
                waiting: 0,
                median_seconds: None,
                longest_seconds: 0
            }
        );
        let w = waits(
            &[(0, Some(10)), (0, Some(30)), (0, Some(20)), (50, None)],
            200,
        );
        assert_eq!(w.median_seconds, Some(20));
        assert_eq!(w.longest_seconds, 150, "the unanswered one waits still");
        assert_eq!((w.asked, w.waiting), (4, 1));
        assert_eq!(
            waits(&[(0, Some(10)), (0, Some(40))], 50).median_seconds,
            Some(25)
        );
    }
}
/// The académie's setting: within how many hours a pilot answers a trainer's question.
pub const QUESTION_DELAY_SETTING: &str = "question_delay_hours";
/// The delay when the académie states none: three days.
pub const QUESTION_DELAY_DEFAULT: u32 = 72;
/// The longest delay an académie may state: thirty days.
pub const QUESTION_DELAY_MAX: u32 = 720;

/// Reads the stored setting: 1 to [`QUESTION_DELAY_MAX`] hours, else the default.
pub fn question_delay_of(setting: Option<&str>) -> u32 {
    setting
        .and_then(|s| s.trim().parse::<u32>().ok())
        .filter(|h| (1..=QUESTION_DELAY_MAX).contains(h))
        .unwrap_or(QUESTION_DELAY_DEFAULT)
}

#[cfg(test)]
mod delay_tests {
    use super::*;

    #[test]
    fn the_delay_reads_one_to_720_hours_or_three_days() {
        assert_eq!(question_delay_of(Some("48")), 48);
        assert_eq!(question_delay_of(Some("0")), 72);
        assert_eq!(question_delay_of(Some("721")), 72);
        assert_eq!(question_delay_of(None), 72);
    }
}
