//! The bounds the handlers enforce, stated in the OpenAPI document.
//!
//! Each function is a field's schema (`#[schema(schema_with = bounds::title)]`), built from the
//! domain's own limits and lists, so that a client (or a schema-driven test) knows what a field
//! accepts before it sends it: lengths, the characters refused, enumerations, integer ranges,
//! formats. Texts are trimmed by the server; the patterns say « at least one visible character »
//! where a text is required and « no control character » everywhere (Unicode's `Cc`, which the
//! domain refuses as « caractères invisibles »; a free text may hold line breaks and tabs).

use hybride_domain::attendance::CreditRule;
use hybride_domain::{LearningType, LongText, Minutes, Modality, PersonName, Role, Title};
use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, SchemaType, Type};
use utoipa::openapi::Object;

/// One line without control characters, with a visible character somewhere.
const REQUIRED_LINE: &str =
    r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$";
/// One line without control characters, possibly empty.
const OPTIONAL_LINE: &str = r"^[^\x00-\x1f\x7f-\x9f]*$";
/// Paragraphs (line breaks and tabs allowed) without other control characters.
const FREE_TEXT: &str = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$";
/// Paragraphs with a visible character somewhere.
const REQUIRED_TEXT: &str = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$";
/// `local@domain.tld` as `Email::parse` reads it (ASCII, labels of letters, digits and hyphens,
/// a top-level domain of letters).
const EMAIL: &str = r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,32}(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,30})?@([A-Za-z0-9]([A-Za-z0-9-]{0,20}[A-Za-z0-9])?\.){1,3}[A-Za-z]{2,20}$";

fn string(pattern: &str, min: Option<usize>, max: usize) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(pattern))
        .min_length(min)
        .max_length(Some(max))
}

fn nullable(b: ObjectBuilder) -> ObjectBuilder {
    b.schema_type(SchemaType::from_iter([Type::String, Type::Null]))
}

fn words(values: impl IntoIterator<Item = &'static str>) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(values))
}

fn integer(min: i64, max: i64) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(min as f64))
        .maximum(Some(max as f64))
}

/// A title or short label (required, one line).
pub fn title() -> Object {
    string(REQUIRED_LINE, Some(1), Title::MAX).build()
}

/// A one-line text that may be empty or null.
pub fn optional_line() -> Object {
    nullable(string(OPTIONAL_LINE, None, Title::MAX)).build()
}

/// A last or first name (required, one line).
pub fn name() -> Object {
    string(REQUIRED_LINE, Some(1), PersonName::MAX).build()
}

/// A last or first name, or null to keep the current one.
pub fn optional_name() -> Object {
    nullable(string(REQUIRED_LINE, Some(1), PersonName::MAX)).build()
}

/// Paragraphs, possibly empty.
pub fn text() -> Object {
    string(FREE_TEXT, None, LongText::MAX).build()
}

/// Paragraphs, possibly empty, or null.
pub fn optional_text() -> Object {
    nullable(string(FREE_TEXT, None, LongText::MAX)).build()
}

/// Paragraphs that must say something.
pub fn required_text() -> Object {
    string(REQUIRED_TEXT, Some(1), LongText::MAX).build()
}

/// An e-mail address.
pub fn email() -> Object {
    string(EMAIL, Some(6), 254)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Email)))
        .build()
}

/// A calendar date, `YYYY-MM-DD`.
pub fn date() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
        .build()
}

/// A password: any characters, from 12 to 256 of them.
pub fn optional_password() -> Object {
    use hybride_training::password::{MAX_LENGTH, MIN_LENGTH};
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .min_length(Some(MIN_LENGTH))
        .max_length(Some(MAX_LENGTH))
        .build()
}

pub fn role() -> Object {
    words(Role::ALL.iter().map(|r| r.as_str())).build()
}

pub fn optional_role() -> Object {
    nullable(words(Role::ALL.iter().map(|r| r.as_str()))).build()
}

/// A role to filter by; empty for every role.
pub fn role_filter() -> Object {
    words(std::iter::once("").chain(Role::ALL.iter().map(|r| r.as_str()))).build()
}

/// In what capacity the signatory of the certificates signs.
pub fn signatory_capacity() -> Object {
    words(
        hybride_domain::certificate::Capacity::ALL
            .iter()
            .map(|c| c.as_str()),
    )
    .build()
}

pub fn modality() -> Object {
    words(Modality::ALL.iter().map(|m| m.as_str())).build()
}

pub fn learning_type() -> Object {
    words(LearningType::ALL.iter().map(|t| t.as_str())).build()
}

/// An asynchronous step's credit rule; empty keeps the default.
pub fn credit_rule() -> Object {
    words(std::iter::once("").chain(CreditRule::ALL.iter().map(|c| c.as_str()))).build()
}

/// A duration in minutes.
pub fn minutes() -> Object {
    integer(0, i64::from(Minutes::MAX)).build()
}

/// A share of something, in percent.
pub fn percent() -> Object {
    integer(0, 100).build()
}

/// A wait in hours: from one hour to thirty days.
pub fn response_hours() -> Object {
    integer(1, 720).build()
}

/// A row id.
pub fn id() -> Object {
    integer(1, i64::MAX).build()
}

/// A row id, or null.
pub fn optional_id() -> Object {
    integer(1, i64::MAX)
        .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
        .build()
}

/// Row ids.
pub fn ids() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(integer(1, i64::MAX))
        .max_items(Some(500))
        .build()
}

/// Row ids, or null.
pub fn optional_ids() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .schema_type(SchemaType::from_iter([Type::Array, Type::Null]))
        .items(integer(1, i64::MAX))
        .max_items(Some(500))
        .build()
}

/// E-mail addresses.
pub fn emails() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(email())
        .max_items(Some(500))
        .build()
}

/// An e-mail address, or null.
pub fn optional_email() -> Object {
    nullable(string(EMAIL, Some(6), 254)).build()
}

/// A school year, `2026-2027`: two consecutive years from 2000 to 2101.
pub fn school_year() -> Object {
    let years: Vec<String> = (2000..=2100).map(|y| format!("{y}-{}", y + 1)).collect();
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(years))
        .build()
}

/// A GAIA dispositif id, `26A0100123`.
pub fn dispositif_id() -> Object {
    string(r"^[0-9]{2}[ADNR][0-9]{7}$", Some(10), 10).build()
}

/// A GAIA module id: one to six digits.
pub fn module_id() -> Object {
    string(r"^[0-9]{1,6}$", Some(1), 6).build()
}

/// A GAIA session id: up to ten digits; empty or null when unknown.
pub fn optional_gaia_session() -> Object {
    nullable(string(r"^[0-9]{0,10}$", None, 10)).build()
}

/// An http(s) address, or empty or null.
pub fn optional_url() -> Object {
    nullable(string(
        r#"^(https?://[^\s\x00-\x1f\x7f-\x9f"<>]{4,1990})?$"#,
        None,
        2000,
    ))
    .build()
}

/// A half-day, `2027-01-14-morning` or `2027-01-14-afternoon`.
pub fn slot() -> Object {
    string(
        r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])-(morning|afternoon)$",
        Some(18),
        20,
    )
    .build()
}

/// What a trainer does to a trainee's half-day.
pub fn mark_action() -> Object {
    words(["present", "late", "early", "absent", "accept", "cancel"]).build()
}

/// A time of day, `HH:MM`, or empty.
pub fn optional_time() -> Object {
    string(r"^(([01][0-9]|2[0-3]):[0-5][0-9])?$", None, 5).build()
}

/// The six-digit code a trainer reads aloud.
pub fn code() -> Object {
    string(r"^[0-9]{6}$", Some(6), 6).build()
}

/// The result of one part of an equipment test.
pub fn check_result() -> Object {
    words(hybride_training::before::CHECK_RESULTS).build()
}

/// A round-trip time in milliseconds, or null.
pub fn optional_round_trip() -> Object {
    integer(0, 60_000)
        .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
        .build()
}

/// One line of 500 characters at most, possibly empty.
pub fn note() -> Object {
    string(OPTIONAL_LINE, None, hybride_domain::Note::MAX).build()
}

/// An identity provider's short name: 2 to 40 lower-case letters, digits or hyphens, no hyphen
/// at either end.
pub fn provider_slug() -> Object {
    string(r"^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$", Some(2), 40).build()
}

/// An identity provider's or M@gistère's address: https, or http on loopback only; a host name,
/// an optional port and path. Checked as written by [`is_provider_url`].
pub fn provider_url() -> Object {
    string(
        r"^(https://[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?){1,4}|http://(127\.0\.0\.1|localhost))(:[1-9][0-9]{0,4})?(/[A-Za-z0-9_-]{1,40}){0,6}/?$",
        Some(11),
        MAX_ADDRESS,
    )
    .build()
}

const MAX_ADDRESS: usize = 400;

// What the API checks of a few fields before the domain reads them (which, for the pages, trims
// spaces and forgives letter case): exactly the patterns above, so that the document and the
// handler agree both ways. A final line break is forgiven, as a JSON Schema validator reads `$`.

fn exact(s: &str) -> &str {
    s.strip_suffix('\n').unwrap_or(s)
}

fn label_ok(l: &str, max: usize) -> bool {
    (1..=max).contains(&l.len())
        && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !l.starts_with('-')
        && !l.ends_with('-')
}

/// Whether `s` is written as [`provider_url`] states.
pub fn is_provider_url(s: &str) -> bool {
    let s = exact(s);
    if s.len() < 11 || s.len() > MAX_ADDRESS {
        return false;
    }
    let rest = if let Some(r) = s.strip_prefix("https://") {
        let end = r.find([':', '/']).unwrap_or(r.len());
        let labels: Vec<&str> = r[..end].split('.').collect();
        if !(2..=5).contains(&labels.len()) || !labels.iter().all(|l| label_ok(l, 63)) {
            return false;
        }
        &r[end..]
    } else if let Some(r) = s
        .strip_prefix("http://127.0.0.1")
        .or_else(|| s.strip_prefix("http://localhost"))
    {
        r
    } else {
        return false;
    };
    let rest = match rest.strip_prefix(':') {
        Some(p) => {
            let end = p.find('/').unwrap_or(p.len());
            let port = &p[..end];
            if !(1..=5).contains(&port.len())
                || !port.bytes().all(|b| b.is_ascii_digit())
                || port.starts_with('0')
            {
                return false;
            }
            &p[end..]
        }
        None => rest,
    };
    let path = rest.strip_suffix('/').unwrap_or(rest);
    if path.is_empty() {
        return true;
    }
    let Some(path) = path.strip_prefix('/') else {
        return false;
    };
    let segments: Vec<&str> = path.split('/').collect();
    segments.len() <= 6
        && segments.iter().all(|g| {
            (1..=40).contains(&g.len())
                && g.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        })
}

/// Whether `s` is written as [`provider_slug`] states.
pub fn is_provider_slug(s: &str) -> bool {
    let s = exact(s);
    (2..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Whether `s` is printable ASCII without spaces, at most `max` characters (client ids,
/// secrets, claims).
pub fn is_printable(s: &str, max: usize) -> bool {
    let s = exact(s);
    s.len() <= max && s.bytes().all(|b| (b'!'..=b'~').contains(&b))
}

/// Whether `s` is written as an item of [`mail_domains`] states.
pub fn is_mail_domain(s: &str) -> bool {
    let s = exact(s);
    if !(4..=100).contains(&s.len()) {
        return false;
    }
    let labels: Vec<&str> = s.split('.').collect();
    let Some((tld, names)) = labels.split_last() else {
        return false;
    };
    (1..=3).contains(&names.len())
        && names.iter().all(|l| label_ok(l, 22))
        && (2..=20).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Whether `s` is written as [`ws_token`] states.
pub fn is_ws_token(s: &str) -> bool {
    let s = exact(s);
    (16..=128).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// An OpenID Connect client id: printable ASCII, at most 200 characters, or null.
pub fn client_id() -> Object {
    nullable(string(r"^[!-~]{0,200}$", None, 200)).build()
}

/// An OpenID Connect client secret: printable ASCII, at most 500 characters, or null.
pub fn client_secret() -> Object {
    nullable(string(r"^[!-~]{0,500}$", None, 500))
        .write_only(Some(true))
        .build()
}

/// A claim's or attribute's name (`email`, `given_name`): printable ASCII without spaces, at
/// most 100 characters; null or empty for the protocol's usual name.
pub fn claim() -> Object {
    nullable(string(r"^[!-~]{0,100}$", None, 100)).build()
}

/// The e-mail domains an identity provider serves: 1 to 50, as in an address after the `@`.
pub fn mail_domains() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(string(
            r"^([A-Za-z0-9]([A-Za-z0-9-]{0,20}[A-Za-z0-9])?\.){1,3}[A-Za-z]{2,20}$",
            Some(4),
            100,
        ))
        .min_items(Some(1))
        .max_items(Some(50))
        .build()
}

/// A Moodle web-service token: 16 to 128 letters and digits, or null to keep the stored one.
pub fn ws_token() -> Object {
    nullable(string(r"^[A-Za-z0-9]{16,128}$", Some(16), 128)).build()
}

/// How many school years a trainer's qualification lasts, or null for good.
pub fn validity_years() -> Object {
    integer(
        1,
        i64::from(hybride_domain::qualification::MAX_VALIDITY_YEARS),
    )
    .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
    .build()
}

/// Within how many hours a pilot answers: one hour to thirty days.
pub fn delay_hours() -> Object {
    integer(1, i64::from(hybride_domain::discussion::QUESTION_DELAY_MAX)).build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_handlers_read_addresses_tokens_and_names_as_the_patterns_say() {
        for ok in [
            "https://magistere.education.fr/ac-lyon",
            "https://auth.proconnect.gouv.fr/api/v2/",
            "https://0.0",
            "http://127.0.0.1:39751",
            "http://localhost/cas",
            "https://idp.ac-lyon.fr:8443/realms/ac-lyon",
        ] {
            assert!(is_provider_url(ok), "{ok}");
        }
        for bad in [
            "https://0.0*",
            " https://a.bc",
            "http://a.bc",
            "https://a",
            "https://-a.bc",
            "https://a.bc:0",
            "https://a.bc:123456",
            "https://a.bc//x",
            "https://a.bc/x?y",
            "ftp://a.bc",
        ] {
            assert!(!is_provider_url(bad), "{bad}");
        }
        assert!(
            is_provider_slug("academie-2")
                && !is_provider_slug("Academie")
                && !is_provider_slug("-a")
        );
        assert!(
            is_mail_domain("ac-lyon.fr")
                && !is_mail_domain("@ac-lyon.fr")
                && !is_mail_domain("AC LYON.fr")
        );
        assert!(
            is_ws_token("5f0c3b9a1d7e4c2b8a6f0e9d3c1b7a54")
                && !is_ws_token(" 5f0c3b9a1d7e4c2b8a6f0e9d3c1b7a54")
        );
        assert!(
            is_printable("given_name", 100)
                && !is_printable("given name", 100)
                && !is_printable("é", 100)
        );
        // A JSON Schema validator's `$` admits one final line break.
        assert!(is_provider_slug("academie\n") && !is_provider_slug("academie\n\n"));
    }
}
