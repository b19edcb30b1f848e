//! Errors of the use cases.
//!
//! Policy: a use case returns [`Error`]; a refusal caused by the caller's input or by a rule
//! names a translation key (the web layer turns it into a French or English page, or a
//! problem+json body); anything else is `Internal`, logged by the caller and never shown.

use hybride_domain::FieldErrors;
use hybride_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid fields")]
    Invalid(FieldErrors),
    /// A duplicate; the key names the message.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// A rule refused the change; the key names the message.
    #[error("refused: {0}")]
    Refused(&'static str),
    /// The request itself is malformed; `detail` says how, for developers.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// A resource the use case needs (the typesetting pool, an outside service) is saturated
    /// or absent; try again later.
    #[error("service unavailable")]
    Unavailable,
    #[error("internal error: {0}")]
    Internal(#[from] anyhow::Error),
}

impl Error {
    /// What went wrong, for a person reading a command's output: a refusal in words, in `lang`
    /// (the same sentence the pages and the API give); anything else as it is.
    pub fn in_words(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Error::Refused(why) => {
                crate::i18n::t(lang, &format!("refused-{}", why.replace('_', "-")))
            }
            other => other.to_string(),
        }
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Error {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Conflict(what) => Error::Conflict(what),
            StoreError::Refused(why) => Error::Refused(why),
            other => Error::Internal(other.into()),
        }
    }
}

impl From<hybride_docs::PoolError> for Error {
    fn from(e: hybride_docs::PoolError) -> Error {
        match e {
            // A burst of documents: the caller is told to ask again shortly (503).
            hybride_docs::PoolError::Busy => Error::Unavailable,
            e => Error::Internal(e.into()),
        }
    }
}

impl From<FieldErrors> for Error {
    fn from(e: FieldErrors) -> Error {
        Error::Invalid(e)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
