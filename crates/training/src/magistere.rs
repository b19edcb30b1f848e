//! The académie's M@gistère: the address of its site and the token of the web-service user that
//! Hybride calls (`hybride_connect::moodle`), set by an admin, checked on demand. The token is
//! written, never shown again; the audit log records who changed the connection (never the
//! token itself).

use crate::people::User;
use crate::{Error, Hybride, Result};
use hybride_connect::moodle::{self, Site};
use hybride_domain::{FieldErrors, Invalid};
use hybride_store::before;
use serde::{Deserialize, Serialize};

const URL_KEY: &str = "magistere_url";
const TOKEN_KEY: &str = "magistere_token";

/// The connection as admins see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Connection {
    /// The site's address; null until one is set.
    pub url: Option<String>,
    /// Whether a token is stored (it is never shown again).
    pub has_token: bool,
}

/// What an admin types.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ConnectionFields {
    #[serde(default)]
    pub url: String,
    /// Empty keeps the token already stored.
    #[serde(default)]
    pub token: String,
}

/// What checking the connection found.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Check {
    /// The site answered the token, and offers every function Hybride calls.
    pub ok: bool,
    /// When the site answered: its name, Moodle's release, who the token is.
    pub sitename: Option<String>,
    pub release: Option<String>,
    pub user: Option<String>,
    /// The functions Hybride calls that the token's service does not offer.
    pub missing: Vec<String>,
    /// Why the site did not answer (`unreachable`, `not-moodle`, `invalid-token`, …).
    pub failure: Option<String>,
}

pub async fn connection(h: &Hybride) -> Result<Connection> {
    Ok(Connection {
        url: before::setting(&h.store, URL_KEY).await?,
        has_token: before::setting(&h.store, TOKEN_KEY)
            .await?
            .is_some_and(|t| !t.is_empty()),
    })
}

/// The site to call, when both its address and token are set.
pub async fn site(h: &Hybride) -> Result<Option<Site>> {
    let url = before::setting(&h.store, URL_KEY).await?;
    let token = before::setting(&h.store, TOKEN_KEY).await?;
    Ok(match (url, token) {
        (Some(url), Some(token)) if !url.is_empty() && !token.is_empty() => {
            Some(Site { url, token })
        }
        _ => None,
    })
}

/// A web-service token: 16 to 128 letters and digits (Moodle makes 32 hexadecimal digits).
fn token(raw: &str) -> std::result::Result<String, Invalid> {
    let t = raw.trim();
    if (16..=128).contains(&t.len()) && t.chars().all(|c| c.is_ascii_alphanumeric()) {
        Ok(t.to_owned())
    } else {
        Err(Invalid::new("error-magistere-token"))
    }
}

/// Sets the site's address and (when typed) its token, each field checked.
pub async fn save(h: &Hybride, by: &User, f: &ConnectionFields) -> Result<()> {
    let mut errors = FieldErrors::default();
    let url = errors.check(
        "url",
        hybride_domain::sign_in::provider_url(&f.url)
            .map_err(|_| Invalid::new("error-magistere-url")),
    );
    let had_token = connection(h).await?.has_token;
    let new_token = if f.token.trim().is_empty() {
        if !had_token {
            errors.add("token", Invalid::new("error-magistere-token"));
        }
        None
    } else {
        errors.check("token", token(&f.token))
    };
    let Some(url) = url.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let was = before::setting(&h.store, URL_KEY).await?;
    before::set_setting(&h.store, URL_KEY, &url).await?;
    if let Some(t) = &new_token {
        before::set_setting(&h.store, TOKEN_KEY, t).await?;
    }
    crate::audit::record(
        &h.store,
        crate::audit::Actor::Person(by),
        hybride_domain::audit::AuditAction::MagistereSet,
        "settings:magistere",
        serde_json::json!({ "url": [was, url], "token_changed": new_token.is_some() }),
    )
    .await?;
    tracing::info!(admin = by.id, "M@gistère connection saved");
    Ok(())
}

/// Asks the site who the token is and what it may call.
pub async fn check(h: &Hybride) -> Result<Check> {
    let site = site(h)
        .await?
        .ok_or(Error::Refused("magistere_not_configured"))?;
    let http = hybride_connect::oidc::http_client();
    Ok(match site.site_info(&http).await {
        Ok(info) => {
            let missing: Vec<String> = info.missing().into_iter().map(str::to_owned).collect();
            Check {
                ok: missing.is_empty(),
                sitename: Some(info.sitename),
                release: Some(info.release),
                user: Some(format!("{} ({})", info.fullname, info.username)),
                missing,
                failure: None,
            }
        }
        Err(e) => {
            tracing::warn!(error = %e, "M@gistère connection check failed");
            Check {
                ok: false,
                sitename: None,
                release: None,
                user: None,
                missing: Vec::new(),
                failure: Some(e.code().to_owned()),
            }
        }
    })
}

/// The functions Hybride calls, for the page that explains what to give the token's service.
pub fn needed() -> &'static [&'static str] {
    moodle::NEEDED
}
