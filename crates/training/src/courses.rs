//! Free-access courses: reading one typed in a form, and a catalogue from a spreadsheet (all or
//! nothing, every bad line reported with its number).

use hybride_domain::accounts::LineError;
use hybride_domain::{FieldErrors, Invalid, Minutes, Title};
use hybride_store::courses::ClosingMessage;
use hybride_store::courses::NewCourse;
use hybride_store::courses::OpenCourse;
use hybride_store::Store;

/// The fields of one course, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
pub struct CourseFields {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub provider: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub duration: String,
    #[serde(default)]
    pub themes: String,
}

/// The largest catalogue file accepted.
pub const MAX_LINES: usize = 5_000;

/// Reads one course: a title and a provider (one line each), an http(s) address, a duration in
/// hours (`3`, `1 h 30`, `90 min`), themes (one line, 500 characters at most).
pub fn parse(f: &CourseFields) -> Result<NewCourse, FieldErrors> {
    let mut e = FieldErrors::new();
    let title = e.check("title", Title::parse(&f.title));
    let provider = e.check("provider", Title::parse(&f.provider));
    let url = e.check(
        "url",
        hybride_domain::text::url(&f.url).and_then(|u| u.ok_or(Invalid::new("error-required"))),
    );
    let minutes = e.check(
        "duration",
        Minutes::parse_hours(&f.duration).and_then(|m| {
            if m.get() == 0 {
                Err(Invalid::new("error-required"))
            } else {
                Ok(m)
            }
        }),
    );
    let themes = f.themes.trim();
    if themes.chars().count() > 500 {
        e.add("themes", Invalid::with("error-too-long", 500));
    } else if themes.chars().any(char::is_control) {
        e.add("themes", Invalid::new("error-control-characters"));
    }
    match (title, provider, url, minutes) {
        (Some(title), Some(provider), Some(url), Some(minutes)) if e.is_empty() => Ok(NewCourse {
            title: title.into(),
            provider: provider.into(),
            url,
            minutes: i64::from(minutes.get()),
            themes: themes.to_owned(),
        }),
        _ => Err(e),
    }
}

fn column(h: &str) -> Option<&'static str> {
    let h = h
        .trim()
        .to_lowercase()
        .replace(['é', 'è', 'ê'], "e")
        .replace([' ', '-'], "_");
    Some(match h.as_str() {
        "titre" | "title" | "intitule" | "formation" => "title",
        "organisme" | "provider" | "fournisseur" | "producteur" | "editeur" => "provider",
        "lien" | "url" | "adresse" | "link" => "url",
        "duree" | "duration" | "heures" | "hours" => "duration",
        "themes" | "theme" | "mots_cles" | "themes_" | "tags" => "themes",
        _ => return None,
    })
}

/// Reads a catalogue: a header line naming the columns (titre, organisme, lien, durée, thèmes —
/// French or English), `;` or `,`, UTF-8 with or without a byte-order mark. Every bad line is
/// reported; nothing is kept when one is bad. Two lines with one address are refused.
pub fn parse_csv(bytes: &[u8]) -> Result<Vec<(u64, NewCourse)>, Vec<LineError>> {
    use hybride_domain::spreadsheet;
    let file_error = |invalid: Invalid| {
        vec![LineError {
            line: 1,
            column: None,
            invalid,
        }]
    };
    let file = spreadsheet::open(bytes).map_err(file_error)?;
    let headers = file.headers().map_err(file_error)?;
    let at = spreadsheet::columns(&headers, column, &["title", "provider", "url", "duration"])?;
    let mut errors = Vec::new();
    let mut out: Vec<(u64, NewCourse)> = Vec::new();
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
        let cell = |c: &str| spreadsheet::cell(&at, &record, c).to_owned();
        let fields = CourseFields {
            title: cell("title"),
            provider: cell("provider"),
            url: cell("url"),
            duration: cell("duration"),
            themes: cell("themes"),
        };
        match parse(&fields) {
            Ok(c) => {
                if let Some((first, _)) = out.iter().find(|(_, o)| o.url == c.url) {
                    errors.push(LineError {
                        line,
                        column: Some("url"),
                        invalid: Invalid::with("error-course-repeated", first),
                    });
                } else {
                    out.push((line, c));
                }
            }
            Err(e) => errors.extend(e.0.into_iter().map(|(field, invalid)| LineError {
                line,
                column: Some(field),
                invalid,
            })),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if out.is_empty() {
        return Err(file_error(Invalid::new("error-import-no-rows")));
    }
    Ok(out)
}

// ---- reads and writes of the record, for the pages and the API

/// The courses a training recommends.
pub async fn recommended(store: &Store, training_id: i64) -> crate::Result<Vec<OpenCourse>> {
    Ok(hybride_store::courses::recommended(store, training_id).await?)
}

pub async fn closing_messages(store: &Store, cohort_id: i64) -> crate::Result<Vec<ClosingMessage>> {
    Ok(hybride_store::courses::closing_messages(store, cohort_id).await?)
}

pub async fn list(store: &Store) -> crate::Result<Vec<OpenCourse>> {
    Ok(hybride_store::courses::list(store).await?)
}

/// Adds courses in one transaction: all of them, or none when one's address is already in the
/// catalogue (`Conflict("course")`, with the 0-based index of the first duplicate).
pub async fn add_all(
    store: &Store,
    courses: &[NewCourse],
    by: i64,
) -> crate::Result<usize, (usize, crate::Error)> {
    hybride_store::courses::add_all(store, courses, by)
        .await
        .map_err(|(i, e)| (i, e.into()))
}

pub async fn unrecommend(store: &Store, training_id: i64, course_id: i64) -> crate::Result<()> {
    Ok(hybride_store::courses::unrecommend(store, training_id, course_id).await?)
}

pub async fn recommend(
    store: &Store,
    training_id: i64,
    course_id: i64,
    by: i64,
) -> crate::Result<()> {
    Ok(hybride_store::courses::recommend(store, training_id, course_id, by).await?)
}

pub async fn delete(store: &Store, id: i64) -> crate::Result<()> {
    Ok(hybride_store::courses::delete(store, id).await?)
}

/// Records a closing message and queues its mails in one transaction.
pub async fn send_closing(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    mails: &[crate::outbox::Mail],
    courses: i64,
) -> crate::Result<()> {
    Ok(hybride_store::courses::send_closing(store, cohort_id, user_id, mails, courses).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_catalogue_is_read_with_its_line_numbers() {
        let ok = "\u{feff}Titre;Organisme;Lien;Durée;Thèmes\r\n\
                  Enseigner avec le numérique;DGESCO;https://magistere.education.fr/f/1;3 h;numérique, hybridation\r\n\
                  \r\n\
                  Évaluer autrement;Canopé;https://www.reseau-canope.fr/x;1 h 30;évaluation\r\n";
        let list = parse_csv(ok.as_bytes()).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[1].0, 4);
        assert_eq!(list[1].1.minutes, 90);
        let bad = "title,provider,url,duration\n\
                   A,IFÉ,https://ife.ens-lyon.fr/a,2\n\
                   B,,ftp://x,deux heures\n\
                   C,IFÉ,https://ife.ens-lyon.fr/a,1\n";
        let errors = parse_csv(bad.as_bytes()).unwrap_err();
        let at: Vec<(u64, Option<&str>)> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(
            at,
            [
                (3, Some("provider")),
                (3, Some("url")),
                (3, Some("duration")),
                (4, Some("url"))
            ]
        );
        assert!(parse_csv(b"titre;lien\nA;https://a.fr/x").is_err());
        assert!(parse_csv(b"").is_err());
    }

    proptest! {
        #[test]
        fn any_file_is_answered(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = parse_csv(&bytes);
        }

        #[test]
        fn any_form_is_answered(a in ".{0,40}", b in ".{0,40}", c in ".{0,60}", d in ".{0,12}", e in ".{0,600}") {
            let _ = parse(&CourseFields { title: a, provider: b, url: c, duration: d, themes: e });
        }
    }
}
