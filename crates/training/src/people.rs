//! The people who use Hybride: accounts as the pages and the API list and find them.

use crate::Result;
use hybride_domain::Email;
use hybride_store::Store;

pub use hybride_store::people::{User, UserFilter};

/// The person `id`.
pub async fn get(store: &Store, id: i64) -> Result<User> {
    Ok(hybride_store::people::get(store, id).await?)
}

/// The person with this address, if any.
pub async fn by_email(store: &Store, email: &Email) -> Result<Option<User>> {
    Ok(hybride_store::people::by_email(store, email).await?)
}

/// The account and its password hash, for logging in.
pub async fn credentials(store: &Store, email: &Email) -> Result<Option<(User, Option<String>)>> {
    Ok(hybride_store::people::credentials(store, email).await?)
}

/// The people `filter` selects.
pub async fn list(store: &Store, filter: &UserFilter) -> Result<Vec<User>> {
    Ok(hybride_store::people::list(store, filter).await?)
}

/// How many people `filter` selects.
pub async fn count(store: &Store, filter: &UserFilter) -> Result<i64> {
    Ok(hybride_store::people::count(store, filter).await?)
}

/// Keeps the language a person chose (`fr`, `en`).
pub async fn set_locale(store: &Store, id: i64, locale: &str) -> Result<()> {
    Ok(hybride_store::people::set_locale(store, id, locale).await?)
}
