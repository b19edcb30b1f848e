//! PostgreSQL's client tools (`pg_dump`, `pg_restore`) run with the database's password in
//! their environment (`PGPASSWORD`), never on their command line, where any user of the machine
//! reads it (`ps`).

use std::process::Command;

/// `program` aimed at `database_url`, whose password (if any) goes to the environment.
pub fn command(program: &str, database_url: &str) -> (Command, String) {
    let (url, password) = without_password(database_url);
    let mut c = Command::new(program);
    if let Some(p) = password {
        c.env("PGPASSWORD", p);
    }
    (c, url)
}

/// The URL without its password, and the password (percent-decoded).
fn without_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_owned(), None);
    };
    // The credentials end at the last `@` before the path.
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let Some(at) = rest[..authority_end].rfind('@') else {
        return (url.to_owned(), None);
    };
    let credentials = &rest[..at];
    let Some((user, password)) = credentials.split_once(':') else {
        return (url.to_owned(), None);
    };
    let password = percent_encoding::percent_decode_str(password)
        .decode_utf8_lossy()
        .into_owned();
    (format!("{scheme}://{user}{}", &rest[at..]), Some(password))
}

#[cfg(test)]
mod tests {
    use super::without_password;

    #[test]
    fn the_password_leaves_the_url() {
        assert_eq!(
            without_password(
                "postgres://hybride:s%40cr%3At@db.ac-lyon.fr:5432/hybride?sslmode=require"
            ),
            (
                "postgres://hybride@db.ac-lyon.fr:5432/hybride?sslmode=require".to_owned(),
                Some("s@cr:t".to_owned())
            )
        );
        assert_eq!(
            without_password("postgres://postgres@127.0.0.1:5432/hybride"),
            (
                "postgres://postgres@127.0.0.1:5432/hybride".to_owned(),
                None
            )
        );
        assert_eq!(
            without_password("postgres://127.0.0.1/hybride"),
            ("postgres://127.0.0.1/hybride".to_owned(), None)
        );
        let (c, url) = super::command("pg_dump", "postgres://u:p@h/d");
        assert_eq!(url, "postgres://u@h/d");
        assert!(c
            .get_envs()
            .any(|(k, v)| k == "PGPASSWORD" && v == Some(std::ffi::OsStr::new("p"))));
    }
}
