//! Limits on attempts that could guess a password or a link: counted in the database, so that
//! every instance shares them.

use crate::error::AppError;
use crate::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use hybride_training::{limits, Store};
use std::net::{IpAddr, SocketAddr};

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

/// Wrong second-factor codes (after the password, or to change the second factor) typed for one
/// account: 10 per quarter of an hour, as wrong passwords.
pub const SECOND_FACTOR_ACCOUNT: Limit = Limit {
    name: "second-factor-account",
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
    let (hits, window_start) = limits::hit_in_window(store, &key, limit.window_seconds).await?;
    if hits > limit.max {
        tracing::warn!(limit = limit.name, "attempts limited");
        return Err(AppError::TooManyRequests);
    }
    Ok(Attempt { key, window_start })
}

/// The address of the person behind a request, as limits count it: the peer's, unless the peer
/// is one of the académie's declared reverse proxies; then the nearest address in
/// `X-Forwarded-For` (or `Forwarded: for=`) that is not itself a declared proxy. Headers from
/// anyone else are ignored: a client cannot choose the address it is counted under.
pub struct ClientAddr(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no peer address")))?;
        Ok(ClientAddr(client_ip(
            peer,
            &parts.headers,
            &state.config.trusted_proxies,
        )))
    }
}

fn client_ip(peer: IpAddr, headers: &HeaderMap, proxies: &[IpAddr]) -> IpAddr {
    if !proxies.contains(&peer) {
        return peer;
    }
    let mut chain: Vec<IpAddr> = Vec::new();
    for v in headers.get_all("x-forwarded-for") {
        let v = v.to_str().unwrap_or("");
        chain.extend(v.split(',').filter_map(|a| a.trim().parse::<IpAddr>().ok()));
    }
    if chain.is_empty() {
        for v in headers.get_all(header::FORWARDED) {
            let v = v.to_str().unwrap_or("");
            chain.extend(v.split(',').filter_map(forwarded_for));
        }
    }
    // From the nearest hop back: the first address that is not one of our proxies.
    chain
        .into_iter()
        .rev()
        .find(|a| !proxies.contains(a))
        .unwrap_or(peer)
}

/// The address of `for=` in one element of a `Forwarded` header (RFC 7239): `for=192.0.2.60`,
/// `for="[2001:db8::1]:4711"`.
fn forwarded_for(element: &str) -> Option<IpAddr> {
    let value = element.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        k.trim().eq_ignore_ascii_case("for").then_some(v.trim())
    })?;
    let v = value.trim_matches('"');
    if let Some(rest) = v.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    v.parse()
        .ok()
        .or_else(|| v.rsplit_once(':').and_then(|(ip, _)| ip.parse().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        h
    }

    #[test]
    fn the_client_is_read_only_through_declared_proxies() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let client: IpAddr = "192.0.2.60".parse().unwrap();
        let xff = headers(&[("x-forwarded-for", "203.0.113.9, 192.0.2.60")]);
        // No proxy declared: the header is a claim of the client's, ignored.
        assert_eq!(client_ip(proxy, &xff, &[]), proxy);
        // Through the proxy: the nearest address it saw.
        assert_eq!(client_ip(proxy, &xff, &[proxy]), client);
        // Two proxies in a row.
        let second: IpAddr = "10.0.0.3".parse().unwrap();
        let chain = headers(&[("x-forwarded-for", "192.0.2.60, 10.0.0.3")]);
        assert_eq!(client_ip(proxy, &chain, &[proxy, second]), client);
        // Forwarded (RFC 7239), IPv6 with a port.
        let fwd = headers(&[("forwarded", "for=\"[2001:db8::1]:4711\";proto=https")]);
        assert_eq!(
            client_ip(proxy, &fwd, &[proxy]),
            "2001:db8::1".parse::<IpAddr>().unwrap()
        );
        let fwd = headers(&[("forwarded", "for=192.0.2.60;by=10.0.0.2")]);
        assert_eq!(client_ip(proxy, &fwd, &[proxy]), client);
        // A proxy that sends nothing readable: the proxy itself.
        assert_eq!(
            client_ip(proxy, &headers(&[("x-forwarded-for", "unknown")]), &[proxy]),
            proxy
        );
    }
}
