//! Limits on attempts that could guess a password or a link: counted in the database, so that
//! every instance shares them.

use crate::error::AppError;
use hybride_store::{limits, Store};
use std::net::SocketAddr;

/// How many attempts a key may make in a window.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub name: &'static str,
    pub window_seconds: i64,
    pub max: i64,
}

/// Failed password attempts on one account: 10 per quarter of an hour.
pub const LOGIN_ACCOUNT: Limit = Limit {
    name: "login-account",
    window_seconds: 900,
    max: 10,
};
/// Password attempts from one address: 300 per quarter of an hour (a school's whole network may
/// reach Hybride through one address, a training room logging in at once).
pub const LOGIN_ADDRESS: Limit = Limit {
    name: "login-address",
    window_seconds: 900,
    max: 300,
};
/// Login links asked for one account: 5 an hour.
pub const LINK_ACCOUNT: Limit = Limit {
    name: "link-account",
    window_seconds: 3600,
    max: 5,
};
/// Login links asked from one address: 100 an hour.
pub const LINK_ADDRESS: Limit = Limit {
    name: "link-address",
    window_seconds: 3600,
    max: 100,
};
/// Personal links (login, join, calendar) opened from one address: 300 a minute.
pub const TOKEN_ADDRESS: Limit = Limit {
    name: "token-address",
    window_seconds: 60,
    max: 300,
};

/// Wrong signing codes typed by one account: 10 per quarter of an hour (a six-digit code
/// lives 90 seconds; guessing it is hopeless at this pace).
pub const CODE_ACCOUNT: Limit = Limit {
    name: "code-account",
    window_seconds: 900,
    max: 10,
};

/// Counts an attempt of `subject` (an e-mail, an address); refuses it past the limit.
pub async fn check(store: &Store, limit: Limit, subject: &str) -> Result<(), AppError> {
    let hits = limits::hit(store, &key(limit, subject), limit.window_seconds).await?;
    if hits > limit.max {
        tracing::warn!(limit = limit.name, "attempts limited");
        return Err(AppError::TooManyRequests);
    }
    Ok(())
}

fn key(limit: Limit, subject: &str) -> String {
    format!("{}:{}", limit.name, subject.trim().to_lowercase())
}

/// An attempt counted before it is judged: counting first means that parallel attempts cannot
/// all pass the check before the first failure is counted. A success gives it back.
#[must_use = "an attempt that succeeds must be given back with `succeeded`"]
pub struct Attempt {
    key: String,
    window_start: i64,
}

impl Attempt {
    /// The attempt succeeded: it does not count against the limit.
    pub async fn succeeded(self, store: &Store) -> Result<(), AppError> {
        limits::forgive(store, &self.key, self.window_start).await?;
        Ok(())
    }

    /// The attempt failed: it stays counted.
    pub fn failed(self) {}
}

/// Counts an attempt of `subject` at once and refuses it past the limit; the caller judges it,
/// then gives it back when it succeeded ([`Attempt::succeeded`]).
pub async fn attempt(store: &Store, limit: Limit, subject: &str) -> Result<Attempt, AppError> {
    let key = key(limit, subject);
    let window_start = limits::window_start(limit.window_seconds, hybride_store::now());
    let hits = limits::hit_at(store, &key, window_start).await?;
    if hits > limit.max {
        tracing::warn!(limit = limit.name, "attempts limited");
        return Err(AppError::TooManyRequests);
    }
    Ok(Attempt { key, window_start })
}

/// The network address of a request, as limits count it.
pub fn address(addr: &SocketAddr) -> String {
    addr.ip().to_string()
}
