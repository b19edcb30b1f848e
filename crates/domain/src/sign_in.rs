//! Signing in through the académie's identity provider (OpenID Connect or CAS): how a provider
//! is described, and what a sign-in does with the person the provider names.

use crate::{Email, FieldErrors, Invalid, Role, Title};
use serde::{Deserialize, Serialize};

crate::words! {
    /// The protocol a provider speaks.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum Protocol (refused "error-sign-in-protocol") {
        /// OpenID Connect (ProConnect, or the académie's own provider).
        Oidc = "oidc",
        /// CAS 3.0 (many académies' portals).
        Cas = "cas",
    }
}

crate::words! {
    /// What happens when the provider names someone who has no account with that e-mail yet.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum Newcomers (refused "error-sign-in-newcomers") {
        /// A trainee account is created (staff accounts are always made by the EAFC).
        CreateTrainee = "create_trainee",
        /// The sign-in is refused with a page telling whom to ask.
        Refuse = "refuse",
    }
}

/// The e-mail domains a provider speaks for (`ac-lyon.fr`), lower-cased, without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Domains(Vec<String>);

impl Domains {
    /// Domains separated by commas, spaces or line breaks; at most 50.
    pub fn parse(raw: &str) -> Result<Domains, Invalid> {
        let mut out: Vec<String> = Vec::new();
        for d in raw.split([',', ' ', '\n', '\r', ';', '\t']) {
            let d = d.trim().trim_start_matches('@').to_lowercase();
            if d.is_empty() {
                continue;
            }
            if Email::parse(&format!("x@{d}")).is_err() {
                return Err(Invalid::with("error-sign-in-domain", d));
            }
            if !out.contains(&d) {
                out.push(d);
            }
        }
        if out.is_empty() {
            return Err(Invalid::new("error-sign-in-domains-required"));
        }
        if out.len() > 50 {
            return Err(Invalid::new("error-sign-in-domains-many"));
        }
        Ok(Domains(out))
    }

    pub fn serves(&self, email: &Email) -> bool {
        let domain = email.as_str().rsplit('@').next().unwrap_or_default();
        self.0.iter().any(|d| d == domain)
    }

    pub fn as_list(&self) -> &[String] {
        &self.0
    }

    /// As stored: comma-separated.
    pub fn joined(&self) -> String {
        self.0.join(", ")
    }
}

/// A short name used in the provider's addresses (`/sso/{slug}`): lower-case letters, digits and
/// hyphens, 2 to 40 characters.
pub fn slug(raw: &str) -> Result<String, Invalid> {
    let s = raw.trim().to_lowercase();
    let ok = (2..=40).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-');
    if ok {
        Ok(s)
    } else {
        Err(Invalid::new("error-sign-in-slug"))
    }
}

/// A provider's address (OpenID Connect issuer or CAS base): https, or http on loopback only
/// (a provider's tokens must not cross a network in clear).
pub fn provider_url(raw: &str) -> Result<String, Invalid> {
    let s = raw.trim().trim_end_matches('/');
    let Some(Some(url)) = crate::text::url(s).ok() else {
        return Err(Invalid::new("error-sign-in-url"));
    };
    let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        .iter()
        .any(|p| {
            url.strip_prefix(p)
                .is_some_and(|r| r.is_empty() || r.starts_with([':', '/']))
        });
    if url.starts_with("https://") || loopback {
        Ok(url)
    } else {
        Err(Invalid::new("error-sign-in-url-https"))
    }
}

/// A claim's or attribute's name (`email`, `given_name`, `usual_name`): 1 to 100 characters, no
/// spaces.
pub fn claim(raw: &str) -> Result<String, Invalid> {
    let s = raw.trim();
    if !s.is_empty() && s.len() <= 100 && !s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Ok(s.to_owned())
    } else {
        Err(Invalid::new("error-sign-in-claim"))
    }
}

/// A provider as the académie describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderSettings {
    pub slug: String,
    pub protocol: Protocol,
    /// The button's words (« Compte académique »).
    pub label: Title,
    /// The OpenID Connect issuer, or the CAS server's base address.
    pub url: String,
    /// OpenID Connect only.
    pub client_id: String,
    /// OpenID Connect only; `None` keeps the secret already stored.
    pub client_secret: Option<String>,
    pub email_claim: String,
    pub first_name_claim: String,
    pub last_name_claim: String,
    /// Empty when the provider does not give the establishment.
    pub establishment_claim: String,
    pub domains: Domains,
    pub newcomers: Newcomers,
    pub active: bool,
}

/// What a form or an API body says of a provider, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProviderFields {
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub protocol: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub client_id: String,
    #[serde(default)]
    pub client_secret: String,
    #[serde(default)]
    pub email_claim: String,
    #[serde(default)]
    pub first_name_claim: String,
    #[serde(default)]
    pub last_name_claim: String,
    #[serde(default)]
    pub establishment_claim: String,
    #[serde(default)]
    pub domains: String,
    #[serde(default)]
    pub newcomers: String,
    #[serde(default)]
    pub active: Option<String>,
}

impl ProviderFields {
    /// Checks every field at once. `has_secret`: a client secret is already stored (editing
    /// may leave the field empty to keep it).
    pub fn validate(&self, has_secret: bool) -> Result<ProviderSettings, FieldErrors> {
        let mut errors = FieldErrors::default();
        let slug = errors.check("slug", slug(&self.slug));
        let protocol = errors.check("protocol", Protocol::parse(&self.protocol));
        let label = errors.check("label", Title::parse(&self.label));
        let url = errors.check("url", provider_url(&self.url));
        let oidc = protocol == Some(Protocol::Oidc);
        let client_id = self.client_id.trim().to_owned();
        if oidc && (client_id.is_empty() || client_id.len() > 200) {
            errors.add("client_id", Invalid::new("error-sign-in-client-id"));
        }
        let secret = self.client_secret.trim();
        if oidc && secret.is_empty() && !has_secret {
            errors.add("client_secret", Invalid::new("error-sign-in-client-secret"));
        }
        if secret.len() > 500 {
            errors.add("client_secret", Invalid::new("error-sign-in-client-secret"));
        }
        let named = |raw: &str, default: &str| {
            if raw.trim().is_empty() {
                Ok(default.to_owned())
            } else {
                claim(raw)
            }
        };
        let (email_default, first_default, last_default) = if oidc {
            ("email", "given_name", "family_name")
        } else {
            ("mail", "givenName", "sn")
        };
        let email_claim = errors.check("email_claim", named(&self.email_claim, email_default));
        let first_name_claim = errors.check(
            "first_name_claim",
            named(&self.first_name_claim, first_default),
        );
        let last_name_claim = errors.check(
            "last_name_claim",
            named(&self.last_name_claim, last_default),
        );
        let establishment_claim = if self.establishment_claim.trim().is_empty() {
            Some(String::new())
        } else {
            errors.check("establishment_claim", claim(&self.establishment_claim))
        };
        let domains = errors.check("domains", Domains::parse(&self.domains));
        let newcomers = errors.check("newcomers", Newcomers::parse(&self.newcomers));
        match (
            slug,
            protocol,
            label,
            url,
            email_claim,
            first_name_claim,
            last_name_claim,
            establishment_claim,
            domains,
            newcomers,
        ) {
            (
                Some(slug),
                Some(protocol),
                Some(label),
                Some(url),
                Some(email_claim),
                Some(first_name_claim),
                Some(last_name_claim),
                Some(establishment_claim),
                Some(domains),
                Some(newcomers),
            ) if errors.0.is_empty() => Ok(ProviderSettings {
                slug,
                protocol,
                label,
                url,
                client_id: if oidc { client_id } else { String::new() },
                client_secret: (oidc && !secret.is_empty()).then(|| secret.to_owned()),
                email_claim,
                first_name_claim,
                last_name_claim,
                establishment_claim,
                domains,
                newcomers,
                active: self
                    .active
                    .as_deref()
                    .is_none_or(|a| a != "false" && a != "0"),
            }),
            _ => Err(errors),
        }
    }
}

/// An account as a sign-in sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub role: Role,
    pub active: bool,
}

/// What the provider says of the person, reduced to what the decision needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asserted {
    pub email: Option<Email>,
    /// The provider vouches for the address (`email_verified`); a CAS server is the académie's
    /// own directory and always does.
    pub email_verified: bool,
}

/// Why a sign-in through a provider is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The provider gave no usable e-mail address.
    NoEmail,
    /// The address is not one the provider speaks for (the académie's declared domains).
    DomainNotServed,
    /// The provider does not vouch for the address.
    EmailNotVerified,
    /// No account has this address and the académie does not create them.
    NoAccount,
    /// The account is deactivated.
    Inactive,
}

impl Refusal {
    /// The translation key of the page's explanation.
    pub fn key(self) -> &'static str {
        match self {
            Refusal::NoEmail => "sso-refused-no-email",
            Refusal::DomainNotServed => "sso-refused-domain",
            Refusal::EmailNotVerified => "sso-refused-unverified",
            Refusal::NoAccount => "sso-refused-no-account",
            Refusal::Inactive => "sso-refused-inactive",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::NoEmail => "no_email",
            Refusal::DomainNotServed => "domain_not_served",
            Refusal::EmailNotVerified => "email_not_verified",
            Refusal::NoAccount => "no_account",
            Refusal::Inactive => "inactive",
        }
    }
}

/// What a sign-in does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The person signs in to this account (`link`: the provider's subject is linked to it now,
    /// for next time).
    SignIn {
        account: i64,
        link: bool,
    },
    /// A trainee account is created with the address, linked, and signed in.
    CreateTrainee(Email),
    Refuse(Refusal),
}

/// The rule: an identity already linked signs in to its account, whatever its address has
/// become. Otherwise the address must be one the provider speaks for and vouches for; then the
/// account with that address is linked, or, when there is none, a trainee account is created
/// if the académie says so.
pub fn decide(
    linked: Option<Account>,
    by_email: Option<Account>,
    asserted: &Asserted,
    domains: &Domains,
    newcomers: Newcomers,
) -> Decision {
    if let Some(a) = linked {
        return if a.active {
            Decision::SignIn {
                account: a.id,
                link: false,
            }
        } else {
            Decision::Refuse(Refusal::Inactive)
        };
    }
    let Some(email) = &asserted.email else {
        return Decision::Refuse(Refusal::NoEmail);
    };
    if !domains.serves(email) {
        return Decision::Refuse(Refusal::DomainNotServed);
    }
    if !asserted.email_verified {
        return Decision::Refuse(Refusal::EmailNotVerified);
    }
    match (by_email, newcomers) {
        (Some(a), _) if !a.active => Decision::Refuse(Refusal::Inactive),
        (Some(a), _) => Decision::SignIn {
            account: a.id,
            link: true,
        },
        (None, Newcomers::CreateTrainee) => Decision::CreateTrainee(email.clone()),
        (None, Newcomers::Refuse) => Decision::Refuse(Refusal::NoAccount),
    }
}

crate::words! {
    /// What an API token may do.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum TokenScope (refused "error-token-scope") {
        /// Read only: any request but GET and HEAD is refused.
        Read = "read",
        /// Read and write, as its owner may.
        Write = "write",
    }
}

/// The longest an API token may live, in days: a year.
pub const TOKEN_MAX_DAYS: i64 = 365;

/// A new API token as its owner asks for it: a label, a scope, and how many days it lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewToken {
    pub label: Title,
    pub scope: TokenScope,
    pub days: i64,
}

impl NewToken {
    pub fn parse(label: &str, scope: &str, days: &str) -> Result<NewToken, FieldErrors> {
        let mut e = FieldErrors::default();
        let label = e.check("label", Title::parse(label));
        let scope = e.check("scope", TokenScope::parse(scope));
        let days = e.check(
            "days",
            days.trim()
                .parse::<i64>()
                .ok()
                .filter(|d| (1..=TOKEN_MAX_DAYS).contains(d))
                .ok_or(Invalid::with("error-token-days", TOKEN_MAX_DAYS)),
        );
        match (label, scope, days) {
            (Some(label), Some(scope), Some(days)) if e.is_empty() => {
                Ok(NewToken { label, scope, days })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lyon() -> Domains {
        Domains::parse("ac-lyon.fr, @ac-grenoble.fr").unwrap()
    }

    fn says(email: &str, verified: bool) -> Asserted {
        Asserted {
            email: Email::parse(email).ok(),
            email_verified: verified,
        }
    }

    const CLAIRE: Account = Account {
        id: 7,
        role: Role::Trainer,
        active: true,
    };

    #[test]
    fn a_linked_identity_signs_in_whatever_its_address() {
        let d = decide(
            Some(CLAIRE),
            None,
            &says("autre@ailleurs.example", false),
            &lyon(),
            Newcomers::Refuse,
        );
        assert_eq!(
            d,
            Decision::SignIn {
                account: 7,
                link: false
            }
        );
        let gone = Account {
            active: false,
            ..CLAIRE
        };
        assert_eq!(
            decide(
                Some(gone),
                None,
                &says("", true),
                &lyon(),
                Newcomers::Refuse
            ),
            Decision::Refuse(Refusal::Inactive)
        );
    }

    #[test]
    fn a_first_sign_in_links_the_account_with_the_same_vouched_address() {
        let a = says("claire.fontaine@ac-lyon.fr", true);
        assert_eq!(
            decide(None, Some(CLAIRE), &a, &lyon(), Newcomers::Refuse),
            Decision::SignIn {
                account: 7,
                link: true
            }
        );
        assert_eq!(
            decide(
                None,
                Some(CLAIRE),
                &says("claire.fontaine@ac-lyon.fr", false),
                &lyon(),
                Newcomers::CreateTrainee
            ),
            Decision::Refuse(Refusal::EmailNotVerified)
        );
        assert_eq!(
            decide(
                None,
                Some(CLAIRE),
                &says("claire@ailleurs.example", true),
                &lyon(),
                Newcomers::CreateTrainee
            ),
            Decision::Refuse(Refusal::DomainNotServed)
        );
        assert_eq!(
            decide(
                None,
                None,
                &says("", true),
                &lyon(),
                Newcomers::CreateTrainee
            ),
            Decision::Refuse(Refusal::NoEmail)
        );
    }

    #[test]
    fn newcomers_are_created_as_trainees_or_refused() {
        let a = says("nouveau@ac-grenoble.fr", true);
        assert_eq!(
            decide(None, None, &a, &lyon(), Newcomers::CreateTrainee),
            Decision::CreateTrainee(Email::parse("nouveau@ac-grenoble.fr").unwrap())
        );
        assert_eq!(
            decide(None, None, &a, &lyon(), Newcomers::Refuse),
            Decision::Refuse(Refusal::NoAccount)
        );
    }

    #[test]
    fn settings_are_checked_field_by_field() {
        let f = ProviderFields {
            slug: "Academie".into(),
            protocol: "oidc".into(),
            label: "Compte académique".into(),
            url: "https://idp.ac-lyon.fr/".into(),
            client_id: "hybride".into(),
            client_secret: "s3cret".into(),
            domains: "ac-lyon.fr".into(),
            newcomers: "refuse".into(),
            ..Default::default()
        };
        let s = f.validate(false).unwrap();
        assert_eq!(s.slug, "academie");
        assert_eq!(s.url, "https://idp.ac-lyon.fr");
        assert_eq!(s.email_claim, "email");
        assert_eq!(s.client_secret.as_deref(), Some("s3cret"));
        let bad = ProviderFields {
            url: "http://idp.ac-lyon.fr".into(),
            client_secret: String::new(),
            domains: "pas un domaine".into(),
            ..f.clone()
        };
        let e = bad.validate(false).unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["url", "client_secret", "domains"]);
        // Editing keeps the stored secret when the field is left empty.
        let keep = ProviderFields {
            client_secret: String::new(),
            ..f.clone()
        };
        assert_eq!(keep.validate(true).unwrap().client_secret, None);
        let cas = ProviderFields {
            protocol: "cas".into(),
            client_id: String::new(),
            client_secret: String::new(),
            url: "http://127.0.0.1:9000/cas".into(),
            ..f
        };
        let s = cas.validate(false).unwrap();
        assert_eq!(
            (s.email_claim.as_str(), s.last_name_claim.as_str()),
            ("mail", "sn")
        );
    }

    #[test]
    fn a_token_lives_one_day_to_a_year_with_a_scope() {
        let t = NewToken::parse("Tableau de bord", "read", "30").unwrap();
        assert_eq!((t.scope, t.days), (TokenScope::Read, 30));
        let e = NewToken::parse("", "tout", "366").unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["label", "scope", "days"]);
        assert!(NewToken::parse("x", "write", "0").is_err());
        assert!(NewToken::parse("x", "write", "1.5").is_err());
    }

    proptest! {
        #[test]
        fn nobody_signs_in_to_an_account_the_provider_does_not_speak_for(
            local in "[a-z]{1,10}", domain in "[a-z]{2,10}\\.(fr|org)", verified: bool,
            exists: bool, create: bool,
        ) {
            let a = says(&format!("{local}@{domain}"), verified);
            let newcomers = if create { Newcomers::CreateTrainee } else { Newcomers::Refuse };
            let d = decide(None, exists.then_some(CLAIRE), &a, &lyon(), newcomers);
            let served = domain == "ac-lyon.fr" || domain == "ac-grenoble.fr";
            if !served || !verified {
                prop_assert!(matches!(d, Decision::Refuse(_)));
            }
        }
    }
}
