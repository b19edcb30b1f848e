//! CAS 3.0, as a service: many académies' portals sign their staff in with CAS.
//!
//! The person is sent to `{base}/login?service=…`, comes back with a service ticket, which
//! Hybride validates with `{base}/p3/serviceValidate` (the answer's XML, attributes included, is
//! read with a real XML parser). The CAS server's single-logout requests (a SAML
//! `LogoutRequest` posted to the service) name the ticket whose session ends.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::BTreeMap;
use std::time::Duration;

/// Why a CAS sign-in failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    #[error("the CAS server could not be reached: {0}")]
    Unreachable(String),
    #[error("the CAS server refused the ticket ({code}): {message}")]
    Refused { code: String, message: String },
    #[error("the CAS server's answer could not be read: {0}")]
    Unreadable(String),
}

/// Who the CAS server says the person is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Identity {
    pub user: String,
    /// Each attribute's values, in the order sent.
    pub attributes: BTreeMap<String, Vec<String>>,
}

fn encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// Where to send the person to sign in; the server sends them back to `service`.
pub fn login_url(base: &str, service: &str) -> String {
    format!(
        "{}/login?service={}",
        base.trim_end_matches('/'),
        encode(service)
    )
}

/// Where to send the person to end their CAS session, coming back to `service`.
pub fn logout_url(base: &str, service: &str) -> String {
    format!(
        "{}/logout?service={}",
        base.trim_end_matches('/'),
        encode(service)
    )
}

/// Asks the CAS server who holds `ticket`, issued for `service`.
pub async fn validate(
    http: &reqwest::Client,
    base: &str,
    service: &str,
    ticket: &str,
) -> Result<Identity, Failure> {
    let url = format!(
        "{}/p3/serviceValidate?service={}&ticket={}",
        base.trim_end_matches('/'),
        encode(service),
        encode(ticket)
    );
    let response = http
        .get(&url)
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .map_err(|e| Failure::Unreachable(e.to_string()))?;
    if !response.status().is_success() {
        return Err(Failure::Unreachable(format!("HTTP {}", response.status())));
    }
    let body = response
        .text()
        .await
        .map_err(|e| Failure::Unreachable(e.to_string()))?;
    parse_validation(&body)
}

/// What an element holds as text, entities resolved.
#[derive(Default)]
struct Text(String);

impl Text {
    fn push(&mut self, event: &Event<'_>) -> Result<(), Failure> {
        let bad = |e: &dyn std::fmt::Display| Failure::Unreadable(e.to_string());
        match event {
            Event::Text(t) => self.0.push_str(&t.xml10_content()),
            Event::CData(t) => self.0.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                if let Some(c) = r.resolve_char_ref().map_err(|e| bad(&e))? {
                    self.0.push(c);
                } else {
                    let name = r.xml10_content();
                    let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                        .ok_or_else(|| Failure::Unreadable(format!("unknown entity &{name};")))?;
                    self.0.push_str(resolved);
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// Reads a `serviceValidate` answer (CAS 3.0 protocol, namespace prefixes ignored).
pub fn parse_validation(xml: &str) -> Result<Identity, Failure> {
    let mut reader = Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut text = Text::default();
    let mut identity = Identity::default();
    let mut success = false;
    let mut failure: Option<(String, Text)> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| Failure::Unreadable(e.to_string()))?;
        match &event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_owned();
                if name == "authenticationFailure" {
                    let code = e
                        .try_get_attribute("code")
                        .ok()
                        .flatten()
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        })
                        .unwrap_or_default();
                    failure = Some((code, Text::default()));
                }
                if name == "authenticationSuccess" {
                    success = true;
                }
                path.push(name);
                text = Text::default();
            }
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                let parent = path.last().map(String::as_str);
                let value = std::mem::take(&mut text.0).trim().to_owned();
                match (parent, name.as_str()) {
                    (Some("authenticationSuccess"), "user") => identity.user = value,
                    (Some("attributes"), attribute) => identity
                        .attributes
                        .entry(attribute.to_owned())
                        .or_default()
                        .push(value),
                    _ => {}
                }
            }
            Event::Eof => break,
            other => {
                if let Some((_, t)) = failure
                    .as_mut()
                    .filter(|_| path.last().map(String::as_str) == Some("authenticationFailure"))
                {
                    t.push(other)?;
                } else {
                    text.push(other)?;
                }
            }
        }
    }
    if let Some((code, message)) = failure {
        return Err(Failure::Refused {
            code,
            message: message.0.trim().to_owned(),
        });
    }
    if !success || identity.user.is_empty() {
        return Err(Failure::Unreadable(
            "neither authenticationSuccess with a user nor authenticationFailure".into(),
        ));
    }
    Ok(identity)
}

/// The service ticket named by a single-logout request (`<samlp:SessionIndex>`).
pub fn logout_ticket(xml: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    let mut text = Text::default();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == "SessionIndex" => inside = true,
            Event::End(e) if e.local_name().as_ref() == "SessionIndex" => {
                let t = text.0.trim().to_owned();
                return (!t.is_empty()).then_some(t);
            }
            Event::Eof => return None,
            other if inside => text.push(&other).ok()?,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_success_gives_the_user_and_attributes() {
        let xml = r#"<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
  <cas:authenticationSuccess>
    <cas:user>claire.fontaine</cas:user>
    <cas:attributes>
      <cas:email>claire.fontaine@ac-lyon.fr</cas:email>
      <cas:sn>Fontaine &amp; Cie</cas:sn>
      <cas:memberOf>a</cas:memberOf>
      <cas:memberOf><![CDATA[b<c]]></cas:memberOf>
    </cas:attributes>
  </cas:authenticationSuccess>
</cas:serviceResponse>"#;
        let id = parse_validation(xml).unwrap();
        assert_eq!(id.user, "claire.fontaine");
        assert_eq!(id.attributes["email"], ["claire.fontaine@ac-lyon.fr"]);
        assert_eq!(id.attributes["sn"], ["Fontaine & Cie"]);
        assert_eq!(id.attributes["memberOf"], ["a", "b<c"]);
    }

    #[test]
    fn a_failure_names_its_code() {
        let xml = r#"<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
 <cas:authenticationFailure code="INVALID_TICKET">Ticket ST-1 not recognized</cas:authenticationFailure>
</cas:serviceResponse>"#;
        assert_eq!(
            parse_validation(xml),
            Err(Failure::Refused {
                code: "INVALID_TICKET".into(),
                message: "Ticket ST-1 not recognized".into()
            })
        );
        assert!(matches!(
            parse_validation("<html>proxy error</html>"),
            Err(Failure::Unreadable(_))
        ));
        assert!(matches!(
            parse_validation("<a><b></a>"),
            Err(Failure::Unreadable(_))
        ));
    }

    #[test]
    fn a_logout_request_names_its_ticket() {
        let xml = r#"<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="x" Version="2.0" IssueInstant="2026-12-03T08:00:00Z"><saml:NameID>@NOT_USED@</saml:NameID><samlp:SessionIndex>ST-12-abc</samlp:SessionIndex></samlp:LogoutRequest>"#;
        assert_eq!(logout_ticket(xml).as_deref(), Some("ST-12-abc"));
        assert_eq!(logout_ticket("<x/>"), None);
    }

    #[test]
    fn addresses_escape_the_service() {
        assert_eq!(
            login_url("https://cas.ac-lyon.fr/cas/", "https://h.fr/sso/cas?a=1"),
            "https://cas.ac-lyon.fr/cas/login?service=https%3A%2F%2Fh%2Efr%2Fsso%2Fcas%3Fa%3D1"
        );
    }
}
