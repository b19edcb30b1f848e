//! A second factor after the password (`/second-factor`, `/login/second-factor`): a code from an
//! authenticator app (TOTP, RFC 6238) or a recovery code. Enrolment shows the app's secret as a
//! QR code and in groups of four characters, is confirmed by a first code, and gives ten
//! recovery codes, shown once. Each app code is accepted once (never a code of the same or an
//! earlier time step again), each recovery code once.
//!
//! Who must enrol is the domain's rule ([`hybride_domain::second_factor::enrolment`]), asked
//! here only, by [`enrolment`].

use crate::people::User;
use crate::{accounts, Error, Hybride, Result, Store};
use hybride_domain::second_factor::{self as rules, Code};
use hybride_domain::{FieldErrors, Invalid};
use hybride_store::second_factor as stored;
use totp_rs::{Algorithm, Secret, TOTP};

pub use hybride_domain::second_factor::{Enrolment, Pending, RECOVERY_CODES};

/// How long a sign-in waits for its code after the password: five minutes.
pub const PENDING_SECONDS: i64 = 5 * 60;

/// How long a sign-in waits for a required enrolment (installing an app, reading the QR code):
/// a quarter of an hour.
pub const ENROL_SECONDS: i64 = 15 * 60;

/// The name apps show beside the codes.
const ISSUER: &str = "Hybride";

/// Bytes of an app's secret: 160 bits, as RFC 4226 recommends.
const SECRET_BYTES: usize = 20;

/// What Hybride asks of `user` about the second factor (the one place the rule is applied).
pub async fn enrolment(h: &Hybride, user: &User) -> Result<Enrolment> {
    let has_password = accounts::has_password(&h.store, user).await?;
    Ok(rules::enrolment(user.role, has_password, h.config.demo))
}

/// What a sign-in with the right password still awaits: a code when `user` has a confirmed
/// second factor, enrolment when it is required and they have none, else nothing.
pub async fn after_password(h: &Hybride, user: &User) -> Result<Option<Pending>> {
    if status(&h.store, user).await?.is_some() {
        return Ok(Some(Pending::Code));
    }
    Ok(match enrolment(h, user).await? {
        Enrolment::Required => Some(Pending::Enrol),
        Enrolment::Suggested | Enrolment::Optional => None,
    })
}

/// A confirmed second factor, as its owner sees it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    pub confirmed_at: i64,
    pub recovery_codes_left: i64,
}

/// `user`'s confirmed second factor, if any.
pub async fn status(store: &Store, user: &User) -> Result<Option<Status>> {
    let Some(confirmed_at) = stored::get(store, user.id)
        .await?
        .and_then(|f| f.confirmed_at)
    else {
        return Ok(None);
    };
    Ok(Some(Status {
        confirmed_at,
        recovery_codes_left: stored::recovery_codes_left(store, user.id).await?,
    }))
}

/// An enrolment under way, as the page shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Setup {
    /// The secret in groups of four characters, to type into an app by hand.
    pub secret: String,
    /// The `otpauth://` address the QR code holds.
    pub uri: String,
    /// The QR code, as SVG markup, labelled `label`.
    pub qr_svg: String,
}

/// The enrolment under way for `user` (started now if none is): `None` when their second
/// factor is confirmed already.
pub async fn setup(store: &Store, user: &User, label: &str) -> Result<Option<Setup>> {
    let fresh = Secret::Raw(random::<SECRET_BYTES>()?.to_vec()).to_encoded();
    let Secret::Encoded(fresh) = fresh else {
        return Err(anyhow::anyhow!("a secret encodes to base 32").into());
    };
    let factor = stored::start(store, user.id, &fresh).await?;
    if factor.confirmed_at.is_some() {
        return Ok(None);
    }
    let totp = app(&factor.secret, &user.email)?;
    let uri = totp.get_url();
    Ok(Some(Setup {
        secret: rules::grouped(&factor.secret, 4, " "),
        qr_svg: crate::attendance::draw_qr(&uri, label),
        uri,
    }))
}

/// Confirms `user`'s enrolment under way with a first code from the app; returns the recovery
/// codes, to show once. A wrong code is refused on the field `code`.
pub async fn confirm(store: &Store, user: &User, raw: &str) -> Result<Vec<String>> {
    let code = rules::parse_app_code(raw).map_err(refused)?;
    let factor = match stored::get(store, user.id).await? {
        Some(f) if f.confirmed_at.is_none() => f,
        Some(_) => return Err(Error::Conflict("second_factor_enrolled")),
        None => return Err(refused(Invalid::new("error-second-factor-wrong"))),
    };
    let step = matching_step(&app(&factor.secret, &user.email)?, &code, crate::now())
        .ok_or_else(|| refused(Invalid::new("error-second-factor-wrong")))?;
    let codes = new_recovery_codes()?;
    if !stored::confirm(store, user.id, step, &normalised(&codes)).await? {
        return Err(Error::Conflict("second_factor_enrolled"));
    }
    tracing::info!(user = user.id, "second factor enrolled");
    Ok(codes)
}

/// Checks a code typed by `user` (from the app, or a recovery code) and uses it up; a wrong,
/// used or malformed one is refused on the field `code`.
pub async fn check(store: &Store, user: &User, raw: &str) -> Result<()> {
    let wrong = || refused(Invalid::new("error-second-factor-wrong"));
    let factor = stored::get(store, user.id)
        .await?
        .filter(|f| f.confirmed_at.is_some())
        .ok_or_else(wrong)?;
    match rules::parse_code(raw).map_err(refused)? {
        Code::App(code) => {
            let step = matching_step(&app(&factor.secret, &user.email)?, &code, crate::now())
                .filter(|&s| rules::fresh(s, factor.last_step))
                .ok_or_else(wrong)?;
            // Another request may have used this step meanwhile: the store decides.
            if !stored::accept_step(store, user.id, step).await? {
                return Err(wrong());
            }
        }
        Code::Recovery(code) => {
            if !stored::use_recovery_code(store, user.id, &code).await? {
                return Err(wrong());
            }
            tracing::info!(user = user.id, "recovery code used");
        }
    }
    Ok(())
}

/// New recovery codes for `user`, after a valid code: the old ones stop working.
pub async fn regenerate_recovery_codes(
    store: &Store,
    user: &User,
    raw: &str,
) -> Result<Vec<String>> {
    check(store, user, raw).await?;
    let codes = new_recovery_codes()?;
    stored::replace_recovery_codes(store, user.id, &normalised(&codes)).await?;
    tracing::info!(user = user.id, "recovery codes replaced");
    Ok(codes)
}

/// Turns `user`'s second factor off, after a valid code; refused when it is required of them.
pub async fn disable(h: &Hybride, user: &User, raw: &str) -> Result<()> {
    if enrolment(h, user).await? == Enrolment::Required {
        return Err(Error::Refused("second_factor_required"));
    }
    check(&h.store, user, raw).await?;
    stored::remove(&h.store, user.id).await?;
    tracing::info!(user = user.id, "second factor turned off");
    Ok(())
}

/// An admin resets the second factor of `user_id`, who lost both their app and their recovery
/// codes: the factor goes with every session of theirs, the audit log records who did it, and
/// the person is told by mail. At their next sign-in with a password they enrol again (an
/// admin must). One's own factor is turned off from one's own page, with a code, never here.
pub async fn reset(h: &Hybride, by: &User, user_id: i64) -> Result<()> {
    if by.id == user_id {
        return Err(Error::Refused("second_factor_reset_self"));
    }
    let user = crate::people::get(&h.store, user_id).await?;
    if !stored::reset(&h.store, user.id).await? {
        return Err(Error::Refused("second_factor_none"));
    }
    crate::audit::record(
        &h.store,
        crate::audit::Actor::Person(by),
        hybride_domain::audit::AuditAction::SecondFactorReset,
        &format!("user:{}", user.id),
        serde_json::json!({ "email": user.email }),
    )
    .await?;
    let lang = crate::i18n::Lang::of_locale(&user.locale);
    let mail = hybride_store::outbox::Mail::new(
        user.email.clone(),
        crate::i18n::t(lang, "mail-second-factor-reset-subject"),
        crate::i18n::tr(
            lang,
            "mail-second-factor-reset-body",
            &[
                ("name", user.first_name.clone()),
                ("admin", format!("{} {}", by.first_name, by.last_name)),
                ("link", format!("{}/login", h.config.public_url)),
            ],
        ),
    );
    crate::outbox::enqueue(&h.store, &mail).await?;
    tracing::info!(
        user = user.id,
        admin = by.id,
        "second factor reset by an admin"
    );
    Ok(())
}

fn refused(e: Invalid) -> Error {
    let mut errors = FieldErrors::new();
    errors.add("code", e);
    Error::Invalid(errors)
}

/// The app's generator for a secret (base 32) and an account.
fn app(secret: &str, account: &str) -> Result<TOTP> {
    let bytes = Secret::Encoded(secret.to_owned())
        .to_bytes()
        .map_err(|e| anyhow::anyhow!("a stored second factor's secret: {e:?}"))?;
    TOTP::new(
        Algorithm::SHA1,
        rules::DIGITS,
        1,
        rules::STEP_SECONDS as u64,
        bytes,
        Some(ISSUER.to_owned()),
        account.to_owned(),
    )
    .map_err(|e| anyhow::anyhow!("a second factor's generator: {e:?}").into())
}

/// The time step around `now` whose code `code` is, if any.
fn matching_step(totp: &TOTP, code: &str, now: i64) -> Option<i64> {
    rules::steps_around(rules::step_at(now))
        .into_iter()
        .filter(|&s| s >= 0)
        .find(|&s| same(&totp.generate((s * rules::STEP_SECONDS) as u64), code))
}

/// Compares two codes in a time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0, |d, (x, y)| d | (x ^ y)) == 0
}

fn new_recovery_codes() -> Result<Vec<String>> {
    (0..RECOVERY_CODES)
        .map(|_| Ok(rules::recovery_code(&random::<{ rules::RECOVERY_BYTES }>()?)))
        .collect()
}

/// Recovery codes as stored (their digest is of this form): without separators.
fn normalised(codes: &[String]) -> Vec<String> {
    codes
        .iter()
        .filter_map(|c| rules::normalise_recovery(c))
        .collect()
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).map_err(|e| anyhow::anyhow!("randomness: {e}"))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_their_step_only() {
        let secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        let totp = app(secret, "admin@ac-lyon.fr").unwrap();
        let now = 1_700_000_000;
        let step = rules::step_at(now);
        for s in [step - 1, step, step + 1] {
            let code = totp.generate((s * 30) as u64);
            assert_eq!(matching_step(&totp, &code, now), Some(s));
        }
        let old = totp.generate(((step - 2) * 30) as u64);
        assert_eq!(matching_step(&totp, &old, now), None);
        assert!(totp
            .get_url()
            .starts_with("otpauth://totp/Hybride:admin%40ac-lyon.fr?"));
    }

    #[test]
    fn rfc_6238_test_vector() {
        // RFC 6238, appendix B: SHA-1, the ASCII secret "12345678901234567890", eight digits;
        // six digits are its last six.
        let totp = TOTP::new_unchecked(
            Algorithm::SHA1,
            6,
            1,
            30,
            b"12345678901234567890".to_vec(),
            None,
            String::new(),
        );
        assert_eq!(totp.generate(59), "287082");
        assert_eq!(totp.generate(1_111_111_109), "081804");
    }

    #[test]
    fn recovery_codes_are_ten_distinct() {
        let codes = new_recovery_codes().unwrap();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let distinct: std::collections::BTreeSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), RECOVERY_CODES);
        assert_eq!(normalised(&codes).len(), RECOVERY_CODES);
    }
}
