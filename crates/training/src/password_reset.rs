//! A forgotten password, reset through a link mailed to the account's address.
//!
//! Asking says the same thing whether or not an account exists (nobody can probe addresses);
//! the link is single-use, valid half an hour, and using it ends every session of the person.

use crate::i18n::{self, Lang};
use crate::{password, Error, Hybride};
use hybride_domain::{Email, FieldErrors, Invalid};
use hybride_store::people::{self, User};
use hybride_store::{outbox, security};

/// How long a mailed reset link stays valid.
pub const LINK_MINUTES: i64 = 30;

/// Mails a reset link to `email` when an active account with a password has it; answers the
/// same either way. An address that is not one is refused field by field.
pub async fn request(state: &Hybride, email: &str) -> Result<(), Error> {
    let email = Email::parse(email).map_err(|e| {
        let mut errors = FieldErrors::new();
        errors.add("email", e);
        Error::Invalid(errors)
    })?;
    let Some((user, Some(_))) = people::credentials(&state.store, &email).await? else {
        return Ok(());
    };
    if !user.active.0 {
        return Ok(());
    }
    let lang = Lang::of_locale(&user.locale);
    let base = state.config.public_url.clone();
    let name = user.first_name.clone();
    security::create_password_reset(&state.store, user.id, LINK_MINUTES * 60, |secret| {
        outbox::Mail::new(
            user.email.clone(),
            i18n::t(lang, "mail-reset-subject"),
            i18n::tr(
                lang,
                "mail-reset-body",
                &[
                    ("name", name),
                    ("link", format!("{base}/password/reset/{secret}")),
                    ("minutes", LINK_MINUTES.to_string()),
                ],
            ),
        )
    })
    .await?;
    tracing::info!(user = user.id, "password reset link mailed");
    Ok(())
}

/// Whose password a link resets, while it can still be used.
pub async fn holder(state: &Hybride, secret: &str) -> Result<Option<User>, Error> {
    if secret.len() != 43 {
        return Ok(None);
    }
    Ok(security::password_reset_user(&state.store, secret).await?)
}

/// Sets the new password (typed twice, following the rules) through the link; every session of
/// the person ends. A link unknown, used or expired is refused.
pub async fn reset(state: &Hybride, secret: &str, new: &str, confirm: &str) -> Result<User, Error> {
    let mut e = FieldErrors::new();
    let checked = e.check("new_password", password::check(new));
    if checked.is_some() && new != confirm {
        e.add("confirm_password", Invalid::new("error-password-mismatch"));
    }
    let (Some(new), true) = (checked, e.is_empty()) else {
        return Err(Error::Invalid(e));
    };
    let Some(holder) = holder(state, secret).await? else {
        return Err(Error::Refused("reset_link_invalid"));
    };
    let hash = password::hash_async(new).await?;
    let user = security::reset_password(&state.store, secret, holder, &hash)
        .await?
        .ok_or(Error::Refused("reset_link_invalid"))?;
    tracing::info!(
        user = user.id,
        "password reset through a mailed link; sessions ended"
    );
    Ok(user)
}
