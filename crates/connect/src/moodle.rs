//! M@gistère's web services: Moodle's REST protocol (`/webservice/rest/server.php`, JSON answers)
//! with a token of a web-service user. Moodle answers its errors with HTTP 200 and an
//! `exception` body; each becomes a [`Failure`] that says what to do about it.

use serde::Serialize;
use serde_json::Value;

/// The functions Hybride calls, which the académie's web service must offer.
pub const NEEDED: &[&str] = &[
    "core_webservice_get_site_info",
    "core_course_get_courses_by_field",
    "core_enrol_get_enrolled_users",
    "core_completion_get_activities_completion_status",
];

/// A site and the token Hybride calls it with.
#[derive(Clone)]
pub struct Site {
    /// The site's address (`https://magistere.education.fr/ac-lyon`), without the final `/`.
    pub url: String,
    pub token: String,
}

impl std::fmt::Debug for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("Site").field("url", &self.url).finish()
    }
}

/// Why a call did not give an answer.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Failure {
    #[error("the site cannot be reached: {0}")]
    Unreachable(String),
    /// Not Moodle's web service at that address (an HTML page, another status).
    #[error("the answer is not Moodle's web service: {0}")]
    NotMoodle(String),
    #[error("the token is refused")]
    InvalidToken,
    /// The function exists but the token's service does not offer it.
    #[error("the service does not offer {0}")]
    NotInService(String),
    /// The site has no such function (an older Moodle, or a plugin missing).
    #[error("the site has no function {0}")]
    NoSuchFunction(String),
    /// The record asked for does not exist (a course id, a user).
    #[error("not found: {0}")]
    NotFound(String),
    #[error("Moodle refused the call: {code}: {message}")]
    Refused { code: String, message: String },
}

impl Failure {
    /// A short name for logs and for the message keys (`magistere-failure-…`).
    pub fn code(&self) -> &'static str {
        match self {
            Failure::Unreachable(_) => "unreachable",
            Failure::NotMoodle(_) => "not-moodle",
            Failure::InvalidToken => "invalid-token",
            Failure::NotInService(_) => "not-in-service",
            Failure::NoSuchFunction(_) => "no-such-function",
            Failure::NotFound(_) => "not-found",
            Failure::Refused { .. } => "refused",
        }
    }
}

/// Who the token is, on which site, and what the service lets it call.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SiteInfo {
    pub sitename: String,
    /// Moodle's release (« 4.5.6 (Build: 20250811) »).
    pub release: String,
    /// The web-service user's login and full name.
    pub username: String,
    pub fullname: String,
    pub functions: Vec<String>,
}

impl SiteInfo {
    /// The functions Hybride needs that the service does not offer.
    pub fn missing(&self) -> Vec<&'static str> {
        NEEDED
            .iter()
            .filter(|f| !self.functions.iter().any(|g| g == *f))
            .copied()
            .collect()
    }
}

impl Site {
    fn endpoint(&self) -> String {
        format!(
            "{}/webservice/rest/server.php",
            self.url.trim_end_matches('/')
        )
    }

    /// Calls `function` with `params` (Moodle's flattened form: `values[0]`, `options[0][name]`).
    /// The token travels in the body, never in the address (which servers log).
    pub async fn call(
        &self,
        http: &reqwest::Client,
        function: &str,
        params: &[(&str, String)],
    ) -> Result<Value, Failure> {
        let mut form: Vec<(&str, &str)> = vec![
            ("wstoken", self.token.as_str()),
            ("moodlewsrestformat", "json"),
            ("wsfunction", function),
        ];
        form.extend(params.iter().map(|(k, v)| (*k, v.as_str())));
        let r = http
            .post(self.endpoint())
            .form(&form)
            .send()
            .await
            .map_err(|e| Failure::Unreachable(without_query(&e.to_string())))?;
        let status = r.status();
        let text = r
            .text()
            .await
            .map_err(|e| Failure::Unreachable(e.to_string()))?;
        if !status.is_success() {
            return Err(Failure::NotMoodle(format!("HTTP {status}")));
        }
        let v: Value = serde_json::from_str(&text)
            .map_err(|_| Failure::NotMoodle("the answer is not JSON".into()))?;
        match exception(&v) {
            Some((code, message)) => Err(classify(function, code, message)),
            None => Ok(v),
        }
    }

    /// `core_webservice_get_site_info`: whether the address and token work, and what they give.
    pub async fn site_info(&self, http: &reqwest::Client) -> Result<SiteInfo, Failure> {
        let v = self
            .call(http, "core_webservice_get_site_info", &[])
            .await?;
        let text = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let functions = v
            .get("functions")
            .and_then(Value::as_array)
            .map(|fs| {
                fs.iter()
                    .filter_map(|f| f.get("name").and_then(Value::as_str))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        if v.get("sitename").is_none() {
            return Err(Failure::NotMoodle("no site name in the answer".into()));
        }
        Ok(SiteInfo {
            sitename: text("sitename"),
            release: text("release"),
            username: text("username"),
            fullname: text("fullname"),
            functions,
        })
    }
}

/// An error body: `{"exception": …, "errorcode": …, "message": …}`.
fn exception(v: &Value) -> Option<(&str, &str)> {
    let o = v.as_object()?;
    o.get("exception")?;
    Some((
        o.get("errorcode").and_then(Value::as_str).unwrap_or(""),
        o.get("message").and_then(Value::as_str).unwrap_or(""),
    ))
}

fn classify(function: &str, code: &str, message: &str) -> Failure {
    match code {
        "invalidtoken" => Failure::InvalidToken,
        "accessexception" => Failure::NotInService(function.to_owned()),
        // Moodle looks the function up in its table of functions first.
        "invalidrecord" if message.contains("external_functions") => {
            Failure::NoSuchFunction(function.to_owned())
        }
        "invalidrecord" => Failure::NotFound(message.to_owned()),
        _ => Failure::Refused {
            code: code.to_owned(),
            message: message.to_owned(),
        },
    }
}

/// An error's text without a query string (no token may reach a log).
fn without_query(s: &str) -> String {
    match s.find('?') {
        Some(at) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn errors_answered_with_200_are_read_by_their_code() {
        let f = |body: Value, function: &str| {
            let (code, message) = exception(&body).unwrap();
            classify(function, code, message)
        };
        assert_eq!(
            f(
                json!({"exception": "core\\exception\\moodle_exception", "errorcode": "invalidtoken", "message": "Invalid token - token not found"}),
                "core_webservice_get_site_info"
            ),
            Failure::InvalidToken
        );
        assert_eq!(
            f(
                json!({"exception": "dml_missing_record_exception", "errorcode": "invalidrecord", "message": "Can't find data record in database table external_functions."}),
                "core_does_not_exist"
            ),
            Failure::NoSuchFunction("core_does_not_exist".into())
        );
        assert_eq!(
            f(
                json!({"exception": "dml_missing_record_exception", "errorcode": "invalidrecord", "message": "Can't find data record in database table course."}),
                "core_course_get_contents"
            )
            .code(),
            "not-found"
        );
        assert!(exception(&json!({"sitename": "x"})).is_none());
        assert!(exception(&json!([])).is_none());
    }

    #[test]
    fn the_token_never_shows() {
        let s = Site {
            url: "https://m.example".into(),
            token: "0123456789abcdef".into(),
        };
        assert!(!format!("{s:?}").contains("0123"));
        assert_eq!(
            without_query("error sending request for url (https://m/x?wstoken=abc)"),
            "error sending request for url (https://m/x…"
        );
    }
}
