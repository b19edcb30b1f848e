//! Calendars (RFC 5545): the convocation's attachment and each person's calendar feed. Times
//! are written in UTC, so that no VTIMEZONE is needed and every client shows local time.

use icalendar::{Calendar, Component, EventLike};

/// One activity in a calendar.
#[derive(Debug, Clone)]
pub struct CalendarEvent {
    /// Stable across versions of the calendar, so that clients update rather than duplicate.
    pub uid: String,
    /// Unix seconds.
    pub starts_at: i64,
    pub ends_at: i64,
    pub summary: String,
    pub description: String,
    pub location: Option<String>,
    pub url: Option<String>,
    /// Unix seconds; the calendar's DTSTAMP.
    pub stamp: i64,
}

fn utc(ts: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(ts, 0).unwrap_or_default()
}

/// A calendar named `name` with `events`, as text with CRLF line ends and folded lines.
pub fn calendar(name: &str, events: &[CalendarEvent]) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"));
    cal.append_property(("PRODID", "-//Hybride//Formation hybride//FR"));
    cal.append_property(("CALSCALE", "GREGORIAN"));
    cal.append_property(("METHOD", "PUBLISH"));
    cal.name(name);
    for e in events {
        let mut event = icalendar::Event::new();
        event
            .uid(&e.uid)
            .timestamp(utc(e.stamp))
            .summary(&e.summary)
            .description(&e.description)
            .starts(utc(e.starts_at))
            .ends(utc(e.ends_at.max(e.starts_at)));
        if let Some(l) = e.location.as_deref().filter(|l| !l.trim().is_empty()) {
            event.location(l);
        }
        if let Some(u) = e.url.as_deref() {
            event.url(u);
        }
        cal.push(event.done());
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> CalendarEvent {
        CalendarEvent {
            uid: "activity-12@hybride".into(),
            starts_at: 1_796_000_400,
            ends_at: 1_796_011_200,
            summary: "Classe virtuelle ; lancement, « hybride »".into(),
            description:
                "Consignes : apporter une séquence.\nLien personnel : https://hybride.test/j/abc"
                    .into(),
            location: Some("Salle B12, Lycée Ampère, Lyon".into()),
            url: Some("https://hybride.test/j/abc".into()),
            stamp: 1_795_000_000,
        }
    }

    #[test]
    fn a_calendar_is_valid_rfc_5545_text() {
        let ics = calendar("Enseigner en hybride", &[event()]);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.trim_end().ends_with("END:VCALENDAR"));
        assert!(ics.contains("VERSION:2.0\r\n"));
        assert!(ics.contains("PRODID:-//Hybride//Formation hybride//FR\r\n"));
        assert!(ics.contains("UID:activity-12@hybride\r\n"));
        assert!(ics.contains("DTSTAMP:20261118T"));
        // 1_796_000_400 = 2026-11-30 01:00:00 UTC, written in UTC.
        assert!(ics.contains("DTSTART:20261130T010000Z\r\n"), "{ics}");
        // Commas, semicolons and newlines in text are escaped.
        assert!(ics.contains("SUMMARY:Classe virtuelle \\; lancement\\, « hybride »"));
        assert!(ics.contains("\\n"));
        // Every line ends with CRLF and none is longer than 75 octets.
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
            assert!(!line.contains('\n'));
        }
    }
}
