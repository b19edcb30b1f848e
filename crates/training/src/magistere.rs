//! The académie's M@gistère: the address of its site and the token of the web-service user that
//! Hybride calls (`hybride_connect::moodle`), set by an admin, checked on demand. The token is
//! written, never shown again; the audit log records who changed the connection (never the
//! token itself).

use crate::people::User;
use crate::{Error, Hybride, Result};
use hybride_connect::moodle::{self, Failure, Site};
use hybride_domain::checklist::CourseCheck;
use hybride_domain::{FieldErrors, Invalid};
use hybride_store::before;
use hybride_store::cohorts::Cohort;
use hybride_store::Store;
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
    let current = connection(h).await?;
    let new_token = if f.token.trim().is_empty() {
        if !current.has_token {
            errors.add("token", Invalid::new("error-magistere-token"));
        }
        None
    } else {
        errors.check("token", token(&f.token))
    };
    let Some(url) = url.filter(|_| errors.is_empty()) else {
        return Err(Error::Invalid(errors));
    };
    let was = current.url;
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

/// The course a cohort's « parcours M@gistère » address names on the académie's site
/// (`…/course/view.php?id=3`), if it is one.
pub fn course_id(site: &Site, course_url: &str) -> Option<i64> {
    let base = site.url.trim_end_matches('/');
    let rest = course_url.trim().strip_prefix(base)?;
    let query = rest.strip_prefix("/course/view.php?")?;
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("id="))
        .and_then(|id| id.parse().ok())
        .filter(|id: &i64| *id > 0)
}

/// Reads the cohort's course on M@gistère — that it exists, and which of the cohort's trainees
/// it has — and keeps what was found for the « avant » checklist.
pub async fn check_course(h: &Hybride, c: &Cohort) -> Result<CourseCheck> {
    let site = site(h)
        .await?
        .ok_or(Error::Refused("magistere_not_configured"))?;
    let course = c
        .course_url
        .as_deref()
        .and_then(|u| course_id(&site, u))
        .ok_or(Error::Refused("magistere_course_unknown"))?;
    let http = hybride_connect::oidc::http_client();
    let answer = site
        .call(
            &http,
            "core_enrol_get_enrolled_users",
            &[("courseid", course.to_string())],
        )
        .await;
    let trainees = crate::cohorts::enrollments(&h.store, c.id).await?;
    let check = match answer {
        Ok(users) => {
            let users = users.as_array().cloned().unwrap_or_default();
            let enrolled: std::collections::HashSet<String> = users
                .iter()
                .filter_map(|u| u.get("email").and_then(serde_json::Value::as_str))
                .map(str::to_lowercase)
                .collect();
            let name = users
                .iter()
                .filter_map(|u| {
                    u.get("enrolledcourses")
                        .and_then(serde_json::Value::as_array)
                })
                .flatten()
                .find(|e| e.get("id").and_then(serde_json::Value::as_i64) == Some(course))
                .and_then(|e| e.get("fullname").and_then(serde_json::Value::as_str))
                .map(str::to_owned)
                .unwrap_or_else(|| format!("#{course}"));
            let (inside, outside): (Vec<_>, Vec<_>) = trainees
                .iter()
                .partition(|t| enrolled.contains(&t.email.to_lowercase()));
            CourseCheck {
                checked_at: crate::now(),
                course: Some(name),
                failure: None,
                enrolled: inside.len(),
                missing: outside
                    .iter()
                    .map(|t| format!("{} {}", t.first_name, t.last_name))
                    .collect(),
            }
        }
        Err(e) => {
            tracing::warn!(cohort = c.id, course, error = %e, "reading the M@gistère course failed");
            CourseCheck {
                checked_at: crate::now(),
                course: None,
                // Moodle answers an unknown course id with an access error or a missing record.
                failure: Some(match e {
                    Failure::NotFound(_) => "not-found".to_owned(),
                    other => other.code().to_owned(),
                }),
                enrolled: 0,
                missing: Vec::new(),
            }
        }
    };
    let json = serde_json::to_string(&check).map_err(anyhow::Error::from)?;
    hybride_store::magistere::put(&h.store, c.id, check.checked_at, &json).await?;
    Ok(check)
}

/// The latest check of the cohort's course, if its staff checked it.
pub async fn course_check(store: &Store, cohort_id: i64) -> Result<Option<CourseCheck>> {
    Ok(hybride_store::magistere::get(store, cohort_id)
        .await?
        .and_then(|(_, json)| serde_json::from_str(&json).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_course_is_named_by_its_address_on_the_academies_site() {
        let site = Site {
            url: "https://magistere.education.fr/ac-lyon/".into(),
            token: String::new(),
        };
        let id = |u: &str| course_id(&site, u);
        assert_eq!(
            id("https://magistere.education.fr/ac-lyon/course/view.php?id=3"),
            Some(3)
        );
        assert_eq!(
            id(" https://magistere.education.fr/ac-lyon/course/view.php?section=2&id=41 "),
            Some(41)
        );
        assert_eq!(
            id("https://magistere.education.fr/ac-grenoble/course/view.php?id=3"),
            None
        );
        assert_eq!(
            id("https://magistere.education.fr/ac-lyon/mod/page/view.php?id=3"),
            None
        );
        assert_eq!(
            id("https://magistere.education.fr/ac-lyon/course/view.php?id=0"),
            None
        );
        assert_eq!(
            id("https://magistere.education.fr/ac-lyon/course/view.php?id=x"),
            None
        );
    }
}
