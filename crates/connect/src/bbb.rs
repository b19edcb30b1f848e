//! BigBlueButton: rooms created through the server's API, and personal join links.
//!
//! Every call is `GET {api}/{call}?{query}&checksum={hash(call + query + secret)}`, as the BBB API
//! documents; SHA-256 by default (BBB 2.6 and later accept it), SHA-1 for older servers.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use sha1::Digest;
use std::fmt;
use std::time::Duration;

/// URL-encoding of query values: everything but unreserved characters.
const QUERY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checksum {
    Sha1,
    Sha256,
}

/// How to reach a BigBlueButton server. The secret never shows in `Debug`.
#[derive(Clone)]
pub struct BbbConfig {
    /// The API's base, e.g. `https://bbb.ac-lyon.fr/bigbluebutton/api/`.
    pub api_url: String,
    pub secret: String,
    pub checksum: Checksum,
}

impl fmt::Debug for BbbConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BbbConfig")
            .field("api_url", &self.api_url)
            .field("secret", &"***")
            .field("checksum", &self.checksum)
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BbbError {
    #[error("BigBlueButton unreachable: {0}")]
    Unreachable(String),
    #[error("BigBlueButton refused the call: {key}: {message}")]
    Refused { key: String, message: String },
    #[error("BigBlueButton answered something unreadable")]
    Unreadable,
}

/// One query parameter.
pub type Param<'a> = (&'a str, String);

fn query(params: &[Param<'_>]) -> String {
    params
        .iter()
        .map(|(k, v)| format!("{k}={}", utf8_percent_encode(v, QUERY)))
        .collect::<Vec<_>>()
        .join("&")
}

impl BbbConfig {
    fn base(&self) -> String {
        let mut b = self.api_url.trim_end_matches('/').to_owned();
        b.push('/');
        b
    }

    /// The checksum of a call, as the API defines it.
    pub fn checksum(&self, call: &str, query: &str) -> String {
        let input = format!("{call}{query}{}", self.secret);
        match self.checksum {
            Checksum::Sha1 => hex(&sha1::Sha1::digest(input.as_bytes())),
            Checksum::Sha256 => hex(&sha2::Sha256::digest(input.as_bytes())),
        }
    }

    /// The signed URL of a call.
    pub fn url(&self, call: &str, params: &[Param<'_>]) -> String {
        let q = query(params);
        let sum = self.checksum(call, &q);
        if q.is_empty() {
            format!("{}{call}?checksum={sum}", self.base())
        } else {
            format!("{}{call}?{q}&checksum={sum}", self.base())
        }
    }

    /// Creates a meeting (idempotent for a given `meeting_id`: BBB answers with the existing one).
    pub async fn create(
        &self,
        meeting_id: &str,
        name: &str,
        extra: &[Param<'_>],
    ) -> Result<(), BbbError> {
        let mut params: Vec<Param<'_>> = vec![
            ("name", name.to_owned()),
            ("meetingID", meeting_id.to_owned()),
        ];
        params.extend(extra.iter().cloned());
        let url = self.url("create", &params);
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| BbbError::Unreachable(e.to_string()))?;
        let body = client
            .get(&url)
            .send()
            .await
            .map_err(|e| BbbError::Unreachable(e.without_url().to_string()))?
            .text()
            .await
            .map_err(|e| BbbError::Unreachable(e.without_url().to_string()))?;
        match tag(&body, "returncode").as_deref() {
            Some("SUCCESS") => Ok(()),
            Some(_) => Err(BbbError::Refused {
                key: tag(&body, "messageKey").unwrap_or_default(),
                message: tag(&body, "message").unwrap_or_default(),
            }),
            None => Err(BbbError::Unreadable),
        }
    }

    /// A personal join link: the user's own name and id (so the server's analytics name them),
    /// as moderator (trainers) or viewer (trainees). Computed locally: no call.
    pub fn join_url(
        &self,
        meeting_id: &str,
        full_name: &str,
        user_id: &str,
        moderator: bool,
    ) -> String {
        let role = if moderator { "MODERATOR" } else { "VIEWER" };
        self.url(
            "join",
            &[
                ("fullName", full_name.to_owned()),
                ("meetingID", meeting_id.to_owned()),
                ("role", role.to_owned()),
                ("userID", user_id.to_owned()),
                ("redirect", "true".to_owned()),
            ],
        )
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The text of the first `<name>…</name>` element of a BBB XML answer.
fn tag(xml: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = xml.find(&open)? + open.len();
    let end = xml[start..].find(&close)? + start;
    let raw = xml[start..end].trim();
    let raw = raw
        .strip_prefix("<![CDATA[")
        .and_then(|r| r.strip_suffix("]]>"))
        .unwrap_or(raw);
    Some(
        raw.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(checksum: Checksum) -> BbbConfig {
        BbbConfig {
            api_url: "https://bbb.example/bigbluebutton/api".into(),
            secret: "639259d4-9dd8-4b25-bf01-95f9567eaf4b".into(),
            checksum,
        }
    }

    #[test]
    fn checksums_follow_the_api_documentation() {
        // The example of the BBB API documentation (SHA-1).
        let c = config(Checksum::Sha1);
        let q = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444";
        assert_eq!(
            c.checksum("create", q),
            "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17"
        );
        let s256 = config(Checksum::Sha256).checksum("create", q);
        assert_eq!(s256.len(), 64);
    }

    #[test]
    fn urls_encode_values_and_sign_the_query() {
        let c = config(Checksum::Sha256);
        let url = c.join_url("hybride-12", "Léa Fontaine & co", "42", false);
        assert!(url.starts_with("https://bbb.example/bigbluebutton/api/join?fullName=L%C3%A9a%20Fontaine%20%26%20co&meetingID=hybride-12&role=VIEWER&userID=42&redirect=true&checksum="));
        let q = url
            .split_once('?')
            .unwrap()
            .1
            .rsplit_once("&checksum=")
            .unwrap();
        assert_eq!(c.checksum("join", q.0), q.1);
        assert!(
            !format!("{c:?}").contains("639259d4"),
            "the secret stays out of logs"
        );
    }

    #[test]
    fn reads_answers() {
        let ok = "<response><returncode>SUCCESS</returncode><meetingID>x</meetingID></response>";
        assert_eq!(tag(ok, "returncode").as_deref(), Some("SUCCESS"));
        let ko = "<response><returncode>FAILED</returncode><messageKey>checksumError</messageKey><message><![CDATA[You did not pass the checksum security check]]></message></response>";
        assert_eq!(
            tag(ko, "message").as_deref(),
            Some("You did not pass the checksum security check")
        );
        assert_eq!(tag("garbage", "returncode"), None);
    }
}
