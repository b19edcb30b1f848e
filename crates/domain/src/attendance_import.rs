//! Completion exports of an LMS (M@gistère, Moodle): the « achèvement d'activités » report
//! downloaded as CSV. One column names the trainee by e-mail; one column per activity holds its
//! completion state, optionally followed by a completion-date column. The import reads the
//! column of one activity (by its title, or the only state column of a single-activity export)
//! and returns the trainees who completed it. All or nothing: every bad line is reported.

use crate::{Email, Invalid};

/// A trainee who completed the activity, by the line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionLine {
    pub line: u64,
    pub email: String,
    pub completed_on: Option<String>,
}

/// The largest file accepted.
pub const MAX_LINES: usize = 20_000;

fn fold(h: &str) -> String {
    h.trim()
        .to_lowercase()
        .replace(['é', 'è', 'ê', 'ë'], "e")
        .replace(['à', 'â'], "a")
        .replace(['ô'], "o")
        .replace(['î', 'ï'], "i")
        .replace(['û', 'ù'], "u")
        .replace('ç', "c")
        .replace(['’', '\''], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_email_header(h: &str) -> bool {
    matches!(
        h,
        "email"
            | "e-mail"
            | "courriel"
            | "mail"
            | "adresse de courriel"
            | "adresse courriel"
            | "adresse electronique"
            | "email address"
    )
}

fn is_state_header(h: &str) -> bool {
    matches!(
        h,
        "completion" | "achevement" | "etat" | "statut" | "status" | "state" | "completed"
    )
}

/// Whether a cell says the activity is complete.
pub fn is_complete(cell: &str) -> bool {
    let v = fold(cell);
    if v.contains("fail") || v.contains("echec") || v.starts_with("not") || v.starts_with("non") {
        return false;
    }
    [
        "complet", "termine", "acheve", "oui", "yes", "true", "1", "x", "✓", "✔",
    ]
    .iter()
    .any(|p| v.starts_with(p))
}

/// Reads an export for the activity titled `title`.
pub fn completions(bytes: &[u8], title: &str) -> Result<Vec<CompletionLine>, Vec<(u64, Invalid)>> {
    let file = crate::spreadsheet::open(bytes).map_err(|e| vec![(1, e)])?;
    let headers = file.headers().map_err(|e| vec![(1, e)])?;
    let folded: Vec<String> = headers.iter().map(fold).collect();
    let wanted = fold(title);
    let email_col = folded.iter().position(|h| is_email_header(h));
    let state_col = folded
        .iter()
        .position(|h| *h == wanted)
        .or_else(|| folded.iter().position(|h| is_state_header(h)));
    let mut errors = Vec::new();
    if email_col.is_none() {
        errors.push((1, Invalid::new("error-import-email-column")));
    }
    if state_col.is_none() {
        errors.push((
            1,
            Invalid::with(
                "error-import-activity-column",
                title.chars().take(120).collect::<String>(),
            ),
        ));
    }
    let (Some(email_col), Some(state_col)) = (email_col, state_col) else {
        return Err(errors);
    };
    // A completion date, when the export has one: the column right after the state, or one
    // named so.
    let date_col = folded
        .get(state_col + 1)
        .filter(|h| h.contains("date") || h.is_empty())
        .map(|_| state_col + 1)
        .or_else(|| {
            folded
                .iter()
                .position(|h| h.contains("date d achevement") || h == "completion date")
        });
    let mut out = Vec::new();
    for row in file.rows(MAX_LINES) {
        let (line, record) = match row {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let email = match Email::parse(record.get(email_col).unwrap_or("")) {
            Ok(e) => e,
            Err(e) => {
                errors.push((line, e));
                continue;
            }
        };
        if !is_complete(record.get(state_col).unwrap_or("")) {
            continue;
        }
        let completed_on = date_col
            .and_then(|i| record.get(i))
            .map(|d| d.trim().chars().take(40).collect::<String>())
            .filter(|d| !d.is_empty());
        out.push(CompletionLine {
            line,
            email: email.as_str().to_owned(),
            completed_on,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_a_moodle_activity_completion_report() {
        let csv = "\u{feff}Prénom;Nom;Adresse de courriel;Lecture : le cadre;Lecture : le cadre - date;Quiz\r\n\
                   Awa;Diallo;awa.diallo@ac-lyon.fr;Terminé;14/01/2027 10:02;Non terminé\r\n\
                   Jean;Martin;jean.martin@ac-lyon.fr;Non terminé;;Terminé\r\n\
                   Léa;Roux;lea.roux@ac-lyon.fr;Completed (achieved pass grade);15/01/2027;\r\n";
        let got = completions(csv.as_bytes(), "Lecture : le cadre").unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].email, "awa.diallo@ac-lyon.fr");
        assert_eq!(got[0].line, 2);
        assert_eq!(got[0].completed_on.as_deref(), Some("14/01/2027 10:02"));
        assert_eq!(got[1].line, 4);
    }

    #[test]
    fn refuses_a_file_without_the_columns_or_with_bad_lines() {
        let e = completions(b"Nom;Quiz\nDiallo;Termin\xc3\xa9\n", "Lecture").unwrap_err();
        assert_eq!(e.len(), 2);
        let e = completions(
            b"email,status\nnot-an-email,Completed\nok@ac-lyon.fr,yes\n",
            "x",
        )
        .unwrap_err();
        assert_eq!(e, vec![(2, Email::parse("not-an-email").unwrap_err())]);
        assert!(completions(b"\xff\xfe", "x").is_err());
        assert!(completions(b"", "x").is_err());
        assert!(!is_complete("Completed (achieved fail grade)"));
        assert!(!is_complete("Not completed"));
        assert!(!is_complete(""));
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400), title in ".{0,20}") {
            let _ = completions(&bytes, &title);
        }
    }
}
