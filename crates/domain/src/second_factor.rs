//! A second factor after the password: a six-digit code from an authenticator app (TOTP,
//! RFC 6238: 30-second steps, SHA-1, six digits) or one of the recovery codes shown once at
//! enrolment. Who must enrol, what a typed code is, and which time step may still be accepted.

use crate::{Invalid, Role};

/// What Hybride asks of a person about the second factor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enrolment {
    /// Signing in with a password goes no further than enrolment until it is confirmed, and
    /// the second factor cannot be turned off.
    Required,
    /// Offered on the home page, not forced (the demo's admin).
    Suggested,
    /// Anyone may enrol; once enrolled, they are asked for a code too.
    Optional,
}

/// The rule: EAFC administrators who sign in with a password use a second factor. Sign-in
/// through the académie's identity provider is the provider's business, so an admin without a
/// password is asked nothing; the demo's accounts are only offered it.
pub fn enrolment(role: Role, has_password: bool, demo: bool) -> Enrolment {
    match (role, has_password, demo) {
        (Role::Admin, true, false) => Enrolment::Required,
        (Role::Admin, true, true) => Enrolment::Suggested,
        _ => Enrolment::Optional,
    }
}

/// A session whose sign-in is not complete: the password was right, and then…
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// …a code is awaited (the person has a confirmed second factor);
    Code,
    /// …enrolment must be confirmed first (it is [`Enrolment::Required`]).
    Enrol,
}

impl Pending {
    pub fn as_str(self) -> &'static str {
        match self {
            Pending::Code => "code",
            Pending::Enrol => "enrol",
        }
    }

    pub fn parse(raw: &str) -> Option<Pending> {
        match raw {
            "code" => Some(Pending::Code),
            "enrol" => Some(Pending::Enrol),
            _ => None,
        }
    }
}

/// The length of a time step, in seconds (RFC 6238's default, which every app uses).
pub const STEP_SECONDS: i64 = 30;

/// Digits of an app's code.
pub const DIGITS: usize = 6;

/// How many recovery codes a person holds after enrolment or regeneration.
pub const RECOVERY_CODES: usize = 10;

/// Random bytes in a recovery code: 80 bits, written as 16 characters.
pub const RECOVERY_BYTES: usize = 10;

/// The characters of recovery codes: Crockford's base 32 (no I, L, O or U to misread).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The time step that holds the instant `unix` (seconds).
pub fn step_at(unix: i64) -> i64 {
    unix.div_euclid(STEP_SECONDS)
}

/// The steps whose code is accepted at step `now`: the previous, the current and the next one
/// (a phone's clock a little off, a code typed as it changes).
pub fn steps_around(now: i64) -> [i64; 3] {
    [now - 1, now, now + 1]
}

/// Whether a code of step `matched` may be accepted after step `last` was: never a code of
/// the same or an earlier step again (a code seen over a shoulder, or sent twice, is used).
pub fn fresh(matched: i64, last: Option<i64>) -> bool {
    last.is_none_or(|l| matched > l)
}

/// A code as typed at sign-in or to confirm a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    /// Six digits from the app.
    App(String),
    /// A recovery code, normalised (16 characters of the alphabet, no separators).
    Recovery(String),
}

/// Reads a typed code: six digits (spaces allowed, as apps show `123 456`), or a recovery code
/// (case, spaces and dashes ignored; O read as 0, I and L as 1).
pub fn parse_code(raw: &str) -> Result<Code, Invalid> {
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.is_empty() {
        return Err(Invalid::new("error-required"));
    }
    if compact.len() == DIGITS && compact.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Code::App(compact));
    }
    normalise_recovery(&compact)
        .map(Code::Recovery)
        .ok_or(Invalid::new("error-second-factor-format"))
}

/// Reads an app's code only (confirming enrolment, turning the second factor off).
pub fn parse_app_code(raw: &str) -> Result<String, Invalid> {
    match parse_code(raw)? {
        Code::App(c) => Ok(c),
        Code::Recovery(_) => Err(Invalid::new("error-second-factor-app-code")),
    }
}

/// A recovery code without its separators, in capitals; `None` when it is not one.
pub fn normalise_recovery(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(RECOVERY_BYTES * 8 / 5);
    for c in raw.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        out.push(c);
    }
    (out.len() == RECOVERY_BYTES * 8 / 5).then_some(out)
}

/// A recovery code from random bytes, as shown: `ABCD-EFGH-JKMN-PQRS`.
pub fn recovery_code(bytes: &[u8; RECOVERY_BYTES]) -> String {
    let mut chars = String::with_capacity(19);
    let (mut acc, mut bits) = (0u32, 0);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            chars.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
        }
    }
    grouped(&chars, 4, "-")
}

/// `text` cut into groups of `size` characters joined by `separator` (a secret to type by hand
/// is shown `ABCD EFGH …`).
pub fn grouped(text: &str, size: usize, separator: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(size.max(1))
        .map(|g| g.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn required_for_admins_with_a_password_outside_the_demo() {
        assert_eq!(enrolment(Role::Admin, true, false), Enrolment::Required);
        assert_eq!(enrolment(Role::Admin, true, true), Enrolment::Suggested);
        // Through the académie's provider: the provider is responsible.
        assert_eq!(enrolment(Role::Admin, false, false), Enrolment::Optional);
        for role in [Role::Pilot, Role::Trainer, Role::Trainee] {
            for (password, demo) in [(true, false), (true, true), (false, false)] {
                assert_eq!(enrolment(role, password, demo), Enrolment::Optional);
            }
        }
    }

    #[test]
    fn pending_round_trips() {
        for p in [Pending::Code, Pending::Enrol] {
            assert_eq!(Pending::parse(p.as_str()), Some(p));
        }
        assert_eq!(Pending::parse(""), None);
    }

    #[test]
    fn codes_are_read_as_typed() {
        assert_eq!(parse_code(" 123 456 "), Ok(Code::App("123456".into())));
        assert_eq!(parse_code("").unwrap_err().key, "error-required");
        assert_eq!(
            parse_code("12345").unwrap_err().key,
            "error-second-factor-format"
        );
        assert_eq!(
            parse_code("12345a").unwrap_err().key,
            "error-second-factor-format"
        );
        assert_eq!(
            parse_code("abcd-efgh-jkmn-pqrs"),
            Ok(Code::Recovery("ABCDEFGHJKMNPQRS".into()))
        );
        // O, I and L are the digits they look like.
        assert_eq!(
            parse_code("oOiI LlAA BBCC DDEE"),
            Ok(Code::Recovery("001111AABBCCDDEE".into()))
        );
        // U is not in the alphabet; too short or too long is not a code.
        assert!(parse_code("UUUU-EFGH-JKMN-PQRS").is_err());
        assert!(parse_code("ABCD-EFGH-JKMN-PQR").is_err());
        assert!(parse_code("ABCD-EFGH-JKMN-PQRST").is_err());
        assert!(parse_code("ÀBCD-EFGH-JKMN-PQRS").is_err());
        assert_eq!(
            parse_app_code("ABCD-EFGH-JKMN-PQRS").unwrap_err().key,
            "error-second-factor-app-code"
        );
        assert_eq!(parse_app_code("000 000"), Ok("000000".into()));
    }

    #[test]
    fn steps_and_replay() {
        assert_eq!(step_at(59), 1);
        assert_eq!(step_at(60), 2);
        assert_eq!(steps_around(10), [9, 10, 11]);
        assert!(fresh(10, None));
        assert!(fresh(10, Some(9)));
        assert!(!fresh(10, Some(10)), "the same step again");
        assert!(!fresh(9, Some(10)), "an earlier step");
    }

    #[test]
    fn secrets_are_grouped_by_four() {
        assert_eq!(grouped("ABCDEFGHIJ", 4, " "), "ABCD EFGH IJ");
        assert_eq!(grouped("", 4, " "), "");
    }

    #[test]
    fn recovery_codes_are_shown_in_four_groups() {
        assert_eq!(recovery_code(&[0; RECOVERY_BYTES]), "0000-0000-0000-0000");
        assert_eq!(recovery_code(&[255; RECOVERY_BYTES]), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    }

    proptest! {
        #[test]
        fn every_recovery_code_reads_back(bytes in proptest::array::uniform10(any::<u8>())) {
            let shown = recovery_code(&bytes);
            prop_assert_eq!(shown.len(), 19);
            let read = normalise_recovery(&shown).unwrap();
            prop_assert_eq!(read.clone(), shown.replace('-', ""));
            prop_assert_eq!(parse_code(&shown.to_lowercase()), Ok(Code::Recovery(read)));
        }

        #[test]
        fn distinct_bytes_give_distinct_codes(a in proptest::array::uniform10(any::<u8>()), b in proptest::array::uniform10(any::<u8>())) {
            prop_assume!(a != b);
            prop_assert_ne!(recovery_code(&a), recovery_code(&b));
        }
    }
}
