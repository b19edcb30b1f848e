//! Accounts imported from a spreadsheet (CSV, as exported by Excel or LibreOffice in French or
//! English). The import is all-or-nothing: either every line is valid, or every bad line is reported
//! with its number and reason and nothing is written.

use crate::{Email, Invalid, PersonName, Role};
use csv::StringRecord;
use std::collections::HashMap;

/// A new account, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub email: Email,
    pub last_name: PersonName,
    pub first_name: PersonName,
    pub role: Role,
    pub establishment: Option<String>,
}

pub use crate::spreadsheet::{LineError, MAX_LINES};

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Column {
    Email,
    LastName,
    FirstName,
    Role,
    Establishment,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Email => "email",
            Column::LastName => "last_name",
            Column::FirstName => "first_name",
            Column::Role => "role",
            Column::Establishment => "establishment",
        }
    }

    fn from_header(h: &str) -> Option<Column> {
        let h = h
            .trim()
            .to_lowercase()
            .replace(['é', 'è', 'ê'], "e")
            .replace('ô', "o")
            .replace([' ', '-'], "_");
        Some(match h.as_str() {
            "email" | "e_mail" | "courriel" | "mail" | "adresse_electronique" => Column::Email,
            "nom" | "last_name" | "nom_de_famille" | "surname" => Column::LastName,
            "prenom" | "first_name" | "firstname" | "given_name" => Column::FirstName,
            "role" | "profil" => Column::Role,
            "etablissement" | "establishment" | "uai" | "affectation" => Column::Establishment,
            _ => return None,
        })
    }
}

/// Parses a CSV file's bytes, as spreadsheets write them (see [`crate::spreadsheet`]).
pub fn parse_accounts_csv(bytes: &[u8]) -> Result<Vec<NewAccount>, Vec<LineError>> {
    let file = crate::spreadsheet::open(bytes).map_err(file_error)?;
    let headers = file.headers().map_err(file_error)?;
    let at = crate::spreadsheet::columns(
        &headers,
        |h| Column::from_header(h).map(Column::name),
        &[
            Column::Email.name(),
            Column::LastName.name(),
            Column::FirstName.name(),
            Column::Role.name(),
        ],
    )?;
    let mut errors = Vec::new();
    let mut accounts = Vec::new();
    let mut seen: HashMap<Email, u64> = HashMap::new();
    for row in file.rows(MAX_LINES) {
        let (line, record) = match row {
            Ok(r) => r,
            Err((line, invalid)) => {
                errors.push(LineError {
                    line,
                    column: None,
                    invalid,
                });
                continue;
            }
        };
        let cells = parse_line(&at, &record, line, &mut errors);
        if let Some(email) = &cells.email {
            if let Some(first) = seen.get(email) {
                errors.push(LineError {
                    line,
                    column: Some(Column::Email.name()),
                    invalid: Invalid::with("error-import-duplicate-email", first),
                });
                continue;
            }
            seen.insert(email.clone(), line);
        }
        accounts.extend(cells.account());
    }
    if errors.is_empty() {
        if accounts.is_empty() {
            return Err(file_error(Invalid::new("error-import-empty")));
        }
        Ok(accounts)
    } else {
        Err(errors)
    }
}

/// A problem with the whole file, reported on line 1.
fn file_error(invalid: Invalid) -> Vec<LineError> {
    vec![LineError {
        line: 1,
        column: None,
        invalid,
    }]
}

/// One line's cells, each parsed, or `None` when its error was reported.
struct Cells {
    email: Option<Email>,
    last_name: Option<PersonName>,
    first_name: Option<PersonName>,
    role: Option<Role>,
    establishment: Option<Option<String>>,
}

impl Cells {
    /// The account, when every cell was valid.
    fn account(self) -> Option<NewAccount> {
        Some(NewAccount {
            email: self.email?,
            last_name: self.last_name?,
            first_name: self.first_name?,
            role: self.role?,
            establishment: self.establishment?,
        })
    }
}

/// Parses one line's cells, column by column, reporting each bad cell in `errors`.
fn parse_line(
    at: &[(&'static str, usize)],
    record: &StringRecord,
    line: u64,
    errors: &mut Vec<LineError>,
) -> Cells {
    let cell = |c: Column| crate::spreadsheet::cell(at, record, c.name());
    // A line's errors are reported in the order the cells are parsed here.
    let email = keep_or_report(
        errors,
        line,
        Column::Email,
        Email::parse(cell(Column::Email)),
    );
    let last_name = keep_or_report(
        errors,
        line,
        Column::LastName,
        PersonName::parse(cell(Column::LastName)),
    );
    let first_name = keep_or_report(
        errors,
        line,
        Column::FirstName,
        PersonName::parse(cell(Column::FirstName)),
    );
    let role = keep_or_report(errors, line, Column::Role, Role::parse(cell(Column::Role)));
    let establishment = keep_or_report(
        errors,
        line,
        Column::Establishment,
        optional_title(cell(Column::Establishment)),
    );
    Cells {
        email,
        last_name,
        first_name,
        role,
        establishment,
    }
}

/// The value, or `None` with its error reported in `errors` (line and column).
fn keep_or_report<T>(
    errors: &mut Vec<LineError>,
    line: u64,
    c: Column,
    r: Result<T, Invalid>,
) -> Option<T> {
    r.map_err(|invalid| {
        errors.push(LineError {
            line,
            column: Some(c.name()),
            invalid,
        })
    })
    .ok()
}

/// An establishment: a title, or nothing when the cell is empty.
fn optional_title(raw: &str) -> Result<Option<String>, Invalid> {
    crate::Title::parse(raw)
        .map(|t| Some(t.to_string()))
        .or_else(|e| {
            if e.key == "error-required" {
                Ok(None)
            } else {
                Err(e)
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn line_numbers_are_right_with_windows_line_ends() {
        let csv = "nom;prénom;courriel;rôle\r\nDurand;Camille;camille.durand@ac-lyon.fr;stagiaire\r\nRoux;Léa;lea.roux@ac-lyon.fr;chef\r\n";
        let errors = parse_accounts_csv(csv.as_bytes()).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 3);
    }

    #[test]
    fn reads_a_french_excel_export() {
        let csv = "\u{feff}Nom;Prénom;Courriel;Rôle;Établissement\n\
                   Durand;Camille;camille.durand@ac-lyon.fr;Stagiaire;Collège Jean Moulin\n\
                   Nguyen;Minh;MINH.NGUYEN@ac-lyon.fr;formateur;\n\n";
        let accounts = parse_accounts_csv(csv.as_bytes()).unwrap();
        assert_eq!(accounts.len(), 2);
        assert_eq!(accounts[0].role, Role::Trainee);
        assert_eq!(
            accounts[0].establishment.as_deref(),
            Some("Collège Jean Moulin")
        );
        assert_eq!(accounts[1].email.as_str(), "minh.nguyen@ac-lyon.fr");
        assert_eq!(accounts[1].establishment, None);
    }

    #[test]
    fn reports_every_bad_line_with_its_number() {
        let csv = "email,last_name,first_name,role\n\
                   a@ac-lyon.fr,A,Anne,trainee\n\
                   not-an-email,B,Bruno,trainee\n\
                   c@ac-lyon.fr,,Chloé,chef\n\
                   A@ac-lyon.fr,D,Dan,trainee\n";
        let errors = parse_accounts_csv(csv.as_bytes()).unwrap_err();
        let summary: Vec<(u64, Option<&str>, &str)> = errors
            .iter()
            .map(|e| (e.line, e.column, e.invalid.key))
            .collect();
        assert_eq!(
            summary,
            vec![
                (3, Some("email"), "error-email-invalid"),
                (4, Some("last_name"), "error-required"),
                (4, Some("role"), "error-role-unknown"),
                (5, Some("email"), "error-import-duplicate-email"),
            ]
        );
    }

    #[test]
    fn reports_missing_and_unknown_columns() {
        let errors = parse_accounts_csv(b"email;nom;age\nx@y.fr;X;3\n").unwrap_err();
        let keys: Vec<&str> = errors.iter().map(|e| e.invalid.key).collect();
        assert_eq!(
            keys,
            vec![
                "error-import-unknown-column",
                "error-import-missing-column",
                "error-import-missing-column"
            ]
        );
        assert_eq!(
            parse_accounts_csv(b"").unwrap_err()[0].invalid.key,
            "error-import-empty"
        );
        assert_eq!(
            parse_accounts_csv(b"email;nom\xff").unwrap_err()[0]
                .invalid
                .key,
            "error-import-not-utf8"
        );
    }

    proptest! {
        #[test]
        fn never_panics(body in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut file = b"email;nom;prenom;role\n".to_vec();
            file.extend(body);
            let _ = parse_accounts_csv(&file);
        }

        #[test]
        fn never_panics_on_text(body in "[a-z@.;,\"\n ]{0,200}") {
            let _ = parse_accounts_csv(format!("email,nom,prenom,role\n{body}").as_bytes());
        }
    }
}
