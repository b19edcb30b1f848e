//! Signing in through the académie's identity providers: OpenID Connect and CAS.
//!
//! A sign-in leaves for the provider with a `state` kept twice (as a digest here, and in the
//! browser's cookie) and comes back once: the `state` must match the browser's and is used up,
//! so a replayed or forged return finds nothing. The person the provider names is then matched
//! to an account by the domain's rule (`hybride_domain::sign_in::decide`).

use crate::{Error, Hybride};
use hybride_connect::{cas, oidc};
use hybride_domain::accounts::NewAccount;
use hybride_domain::sign_in::{self as rule, Decision, Domains, Protocol, ProviderFields, Refusal};
use hybride_domain::{Email, PersonName, Role};
use hybride_store::people::{self, User};
use hybride_store::sign_in::{self as store, Provider};
use hybride_store::{before, now, token};
use serde::Serialize;
use serde_json::{Map, Value};

pub use hybride_store::sign_in::Provider as StoredProvider;

/// How long a person may take at the provider's login page.
const ATTEMPT_SECONDS: i64 = 10 * 60;

/// The setting that makes the providers the only way in for staff.
const SSO_ONLY_FOR_STAFF: &str = "sign_in_sso_only_for_staff";

/// Why a sign-in through a provider did not open a session; each is a page in words and a log
/// line.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("no active provider by that name")]
    UnknownProvider,
    /// The return matches no sign-in under way from this browser (expired, already used,
    /// started elsewhere).
    #[error("no sign-in under way matches this return")]
    Stale,
    /// The provider answered with an error (the person cancelled, or it refused).
    #[error("the provider answered: {0}")]
    ProviderSaid(String),
    #[error("OpenID Connect: {0}")]
    Oidc(#[from] oidc::Failure),
    #[error("CAS: {0}")]
    Cas(#[from] cas::Failure),
    #[error("refused: {0:?}")]
    Refused(Refusal),
    #[error(transparent)]
    Other(#[from] Error),
}

impl From<hybride_store::StoreError> for Failure {
    fn from(e: hybride_store::StoreError) -> Failure {
        Failure::Other(e.into())
    }
}

impl Failure {
    /// The translation key of the page's explanation.
    pub fn key(&self) -> &'static str {
        use oidc::Failure as O;
        match self {
            Failure::UnknownProvider => "sso-unknown-provider",
            Failure::Stale => "sso-stale",
            Failure::ProviderSaid(_) => "sso-provider-said",
            Failure::Oidc(O::Unreachable(_) | O::Misconfigured(_)) => "sso-unreachable",
            Failure::Cas(cas::Failure::Unreachable(_)) => "sso-unreachable",
            Failure::Oidc(O::CodeRefused(_)) | Failure::Cas(cas::Failure::Refused { .. }) => {
                "sso-ticket-refused"
            }
            Failure::Oidc(O::Expired(_)) => "sso-token-expired",
            Failure::Oidc(O::WrongNonce(_)) => "sso-token-replayed",
            Failure::Oidc(_) | Failure::Cas(_) => "sso-token-invalid",
            Failure::Refused(r) => r.key(),
            Failure::Other(_) => "sso-unreachable",
        }
    }

    /// The provider could not be reached (or answered nonsense): not the person's doing.
    pub fn is_unreachable(&self) -> bool {
        matches!(
            self,
            Failure::Oidc(oidc::Failure::Unreachable(_) | oidc::Failure::Misconfigured(_))
                | Failure::Cas(cas::Failure::Unreachable(_) | cas::Failure::Unreadable(_))
        )
    }

    /// A short name for the log line.
    pub fn reason(&self) -> String {
        match self {
            Failure::Refused(r) => r.as_str().to_owned(),
            other => other.to_string(),
        }
    }
}

/// A provider as the admin sees it (never its secret).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ProviderView {
    pub id: i64,
    pub slug: String,
    pub protocol: Protocol,
    pub label: String,
    pub url: String,
    pub client_id: String,
    /// Whether a client secret is stored (it is never shown again).
    pub has_secret: bool,
    pub email_claim: String,
    pub first_name_claim: String,
    pub last_name_claim: String,
    pub establishment_claim: String,
    pub domains: Vec<String>,
    pub newcomers: rule::Newcomers,
    pub active: bool,
    /// Where the provider must send people back (to declare at the provider).
    pub redirect_uri: String,
}

fn view(state: &Hybride, p: &Provider) -> ProviderView {
    ProviderView {
        id: p.id,
        slug: p.slug.clone(),
        protocol: p.protocol,
        label: p.label.clone(),
        url: p.url.clone(),
        client_id: p.client_id.clone(),
        has_secret: !p.client_secret.is_empty(),
        email_claim: p.email_claim.clone(),
        first_name_claim: p.first_name_claim.clone(),
        last_name_claim: p.last_name_claim.clone(),
        establishment_claim: p.establishment_claim.clone(),
        domains: Domains::parse(&p.domains)
            .map(|d| d.as_list().to_vec())
            .unwrap_or_default(),
        newcomers: p.newcomers,
        active: p.active.0,
        redirect_uri: return_address(state, p),
    }
}

/// Where the provider sends the person back.
fn return_address(state: &Hybride, p: &Provider) -> String {
    let base = &state.config.public_url;
    match p.protocol {
        Protocol::Oidc => format!("{base}/sso/{}/callback", p.slug),
        Protocol::Cas => format!("{base}/sso/{}/cas", p.slug),
    }
}

/// The académie's providers, for its admins.
pub async fn providers(state: &Hybride) -> Result<Vec<ProviderView>, Error> {
    let all = store::providers(&state.store).await?;
    Ok(all.iter().map(|p| view(state, p)).collect())
}

pub async fn provider(state: &Hybride, id: i64) -> Result<ProviderView, Error> {
    Ok(view(state, &store::provider(&state.store, id).await?))
}

/// The buttons of the login page: each active provider's slug and words.
pub async fn buttons(state: &Hybride) -> Result<Vec<(String, String)>, Error> {
    Ok(store::providers(&state.store)
        .await?
        .into_iter()
        .filter(|p| p.active.0)
        .map(|p| (p.slug, p.label))
        .collect())
}

/// Declares a provider (`id` none) or changes one; every field is checked at once.
pub async fn save(
    state: &Hybride,
    by: &User,
    id: Option<i64>,
    f: &ProviderFields,
) -> Result<i64, Error> {
    let has_secret = match id {
        Some(id) => !store::provider(&state.store, id)
            .await?
            .client_secret
            .is_empty(),
        None => false,
    };
    let settings = f.validate(has_secret).map_err(Error::Invalid)?;
    let saved = match id {
        Some(id) => {
            store::update_provider(&state.store, id, &settings).await?;
            id
        }
        None => store::create_provider(&state.store, &settings).await?,
    };
    // Never the secret: only whether one was given.
    let details = serde_json::json!({
        "created": id.is_none(),
        "slug": settings.slug,
        "protocol": settings.protocol.as_str(),
        "label": settings.label.as_str(),
        "url": settings.url,
        "client_id": settings.client_id,
        "secret_changed": settings.client_secret.is_some(),
        "domains": settings.domains.as_list(),
        "newcomers": settings.newcomers.as_str(),
        "active": settings.active,
    });
    crate::audit::record(
        &state.store,
        crate::audit::Actor::Person(by),
        hybride_domain::audit::AuditAction::ProviderSaved,
        &format!("provider:{saved}"),
        details,
    )
    .await?;
    Ok(saved)
}

/// Whether staff may only come in through a provider (demo mode keeps passwords working).
pub async fn sso_only_for_staff(state: &Hybride) -> Result<bool, Error> {
    Ok(before::setting(&state.store, SSO_ONLY_FOR_STAFF)
        .await?
        .as_deref()
        == Some("1"))
}

pub async fn set_sso_only_for_staff(state: &Hybride, by: &User, on: bool) -> Result<(), Error> {
    if on && buttons(state).await?.is_empty() {
        return Err(Error::Refused("sso_only_without_provider"));
    }
    let was = sso_only_for_staff(state).await?;
    before::set_setting(&state.store, SSO_ONLY_FOR_STAFF, if on { "1" } else { "0" }).await?;
    if was != on {
        crate::audit::record(
            &state.store,
            crate::audit::Actor::Person(by),
            hybride_domain::audit::AuditAction::SsoOnlySet,
            "settings:sign_in",
            serde_json::json!({ "sso_only_for_staff": [was, on] }),
        )
        .await?;
    }
    Ok(())
}

/// Whether `user` may sign in with a password: not staff when the académie says providers
/// only, outside demo mode.
pub async fn password_allowed(state: &Hybride, user: &User) -> Result<bool, Error> {
    if state.config.demo || user.role == Role::Trainee {
        return Ok(true);
    }
    Ok(!sso_only_for_staff(state).await?)
}

/// Where to send the browser to sign in with provider `slug`, and the `state` its cookie keeps.
pub struct Departure {
    pub url: String,
    pub state: String,
}

async fn active(state: &Hybride, slug: &str) -> Result<Provider, Failure> {
    store::provider_by_slug(&state.store, slug)
        .await?
        .filter(|p| p.active.0)
        .ok_or(Failure::UnknownProvider)
}

fn relying(state: &Hybride, p: &Provider) -> oidc::Relying {
    oidc::Relying {
        issuer: p.url.clone(),
        client_id: p.client_id.clone(),
        client_secret: p.client_secret.clone(),
        redirect_url: return_address(state, p),
    }
}

/// CAS's service address carries the `state`: the server sends the person back to it, and
/// validation names it again.
fn cas_service(state: &Hybride, p: &Provider, s: &str) -> String {
    format!("{}?state={s}", return_address(state, p))
}

/// Starts a sign-in with provider `slug`, coming back to `next` (a local path).
pub async fn depart(
    state: &Hybride,
    slug: &str,
    next: &str,
    locale: &str,
) -> Result<Departure, Failure> {
    let p = active(state, slug).await?;
    let expires = now() + ATTEMPT_SECONDS;
    match p.protocol {
        Protocol::Oidc => {
            let http = oidc::http_client();
            let s = oidc::start(&http, &relying(state, &p), locale).await?;
            store::begin(
                &state.store,
                p.id,
                &s.state,
                &s.nonce,
                &s.pkce_verifier,
                next,
                expires,
            )
            .await?;
            Ok(Departure {
                url: s.url,
                state: s.state,
            })
        }
        Protocol::Cas => {
            let s = token::generate();
            store::begin(&state.store, p.id, &s, "", "", next, expires).await?;
            Ok(Departure {
                url: cas::login_url(&p.url, &cas_service(state, &p, &s)),
                state: s,
            })
        }
    }
}

/// A session opened through a provider.
pub struct Arrival {
    pub session: String,
    pub next: String,
    pub user: User,
}

/// What came back to the return address.
pub struct Return<'a> {
    /// The `state` in the address.
    pub state: &'a str,
    /// The `state` the browser's cookie kept.
    pub cookie: Option<&'a str>,
    /// OpenID Connect's `code`, or CAS's `ticket`.
    pub code: Option<&'a str>,
    /// An error the provider sent instead (`error`, `error_description`).
    pub error: Option<String>,
}

/// The person is back from provider `slug`: check everything, then open a session for
/// `session_seconds`.
pub async fn arrive(
    state: &Hybride,
    slug: &str,
    back: Return<'_>,
    session_seconds: i64,
) -> Result<Arrival, Failure> {
    let p = active(state, slug).await?;
    // The browser that left must be the one that comes back, and only once.
    if back.cookie != Some(back.state) || back.state.is_empty() {
        return Err(Failure::Stale);
    }
    let attempt = store::take(&state.store, back.state)
        .await?
        .filter(|a| a.provider_id == p.id)
        .ok_or(Failure::Stale)?;
    if let Some(e) = back.error {
        return Err(Failure::ProviderSaid(e));
    }
    let code = back.code.filter(|c| !c.is_empty()).ok_or(Failure::Stale)?;
    let (subject, claims, id_token, ticket) = match p.protocol {
        Protocol::Oidc => {
            let http = oidc::http_client();
            let id = oidc::finish(
                &http,
                &relying(state, &p),
                code,
                &attempt.nonce,
                &attempt.pkce_verifier,
            )
            .await?;
            (id.subject, id.claims, Some(id.id_token), None)
        }
        Protocol::Cas => {
            let http = oidc::http_client();
            let service = cas_service(state, &p, back.state);
            let id = cas::validate(&http, &p.url, &service, code).await?;
            let mut claims = Map::new();
            for (k, v) in id.attributes {
                claims.insert(k, Value::from(v));
            }
            // The CAS server is the académie's own directory: it vouches for the address.
            claims.insert("email_verified".into(), Value::Bool(true));
            (id.user, claims, None, Some(code.to_owned()))
        }
    };
    let user = resolve(state, &p, &subject, &claims).await?;
    let session = crate::sessions::secret();
    let sealed = id_token.map(|t| crate::sessions::kept::seal(&session, &t));
    store::create_session(
        &state.store,
        &session,
        user.id,
        session_seconds,
        p.id,
        sealed.as_deref(),
        ticket.as_deref(),
    )
    .await?;
    Ok(Arrival {
        session,
        next: attempt.next_path,
        user,
    })
}

/// A claim as text: a string, or the first of a list (CAS attributes are lists).
fn text(claims: &Map<String, Value>, name: &str) -> Option<String> {
    let v = match claims.get(name)? {
        Value::Array(a) => a.first()?.clone(),
        v => v.clone(),
    };
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

fn vouched(claims: &Map<String, Value>) -> bool {
    match claims.get("email_verified") {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true",
        _ => false,
    }
}

/// The account of the person the provider names, linked or created by the rule.
async fn resolve(
    state: &Hybride,
    p: &Provider,
    subject: &str,
    claims: &Map<String, Value>,
) -> Result<User, Failure> {
    if subject.is_empty() {
        return Err(Failure::Refused(Refusal::NoEmail));
    }
    let account = |u: &User| rule::Account {
        id: u.id,
        role: u.role,
        active: u.active.0,
    };
    let linked = store::linked(&state.store, p.id, subject).await?;
    let email = text(claims, &p.email_claim).and_then(|e| Email::parse(&e).ok());
    let by_email = match (&linked, &email) {
        (None, Some(e)) => people::by_email(&state.store, e).await?,
        _ => None,
    };
    let asserted = rule::Asserted {
        email: email.clone(),
        email_verified: vouched(claims),
    };
    let domains = Domains::parse(&p.domains).unwrap_or_default();
    let decision = rule::decide(
        linked.as_ref().map(account),
        by_email.as_ref().map(account),
        &asserted,
        &domains,
        p.newcomers,
    );
    match decision {
        Decision::Refuse(r) => Err(Failure::Refused(r)),
        Decision::SignIn { account, .. } => {
            let user = linked.or(by_email).ok_or(Failure::Other(Error::NotFound))?;
            // One upsert either way: it links a subject seen for the first time, and only
            // refreshes `last_seen_at` for one already linked.
            store::link(&state.store, p.id, subject, account).await?;
            Ok(user)
        }
        Decision::CreateTrainee(email) => {
            let name = |claim: &str| {
                text(claims, claim)
                    .and_then(|n| PersonName::parse(&n).ok())
                    .unwrap_or_else(|| {
                        PersonName::parse(email.as_str().split('@').next().unwrap_or("?"))
                            .expect("an e-mail's local part is a name")
                    })
            };
            let new = NewAccount {
                last_name: name(&p.last_name_claim),
                first_name: name(&p.first_name_claim),
                role: Role::Trainee,
                establishment: (!p.establishment_claim.is_empty())
                    .then(|| text(claims, &p.establishment_claim))
                    .flatten(),
                email,
            };
            let user = people::create(&state.store, &new, None).await?;
            store::link(&state.store, p.id, subject, user.id).await?;
            tracing::info!(user = user.id, provider = %p.slug, "trainee account created at first sign-in");
            Ok(user)
        }
    }
}

/// Logging out of a session: where to send the browser next, at the provider when the session
/// came through one that offers it (OpenID Connect's end-session address, CAS's logout).
pub async fn logout_address(state: &Hybride, session: &str) -> Result<Option<String>, Error> {
    let Some((provider_id, id_token)) = store::session_origin(&state.store, session).await? else {
        return Ok(None);
    };
    let p = match store::provider(&state.store, provider_id).await {
        Ok(p) => p,
        Err(hybride_store::StoreError::NotFound) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let back = format!("{}/login?ok=logged-out", state.config.public_url);
    let id_token = id_token.and_then(|kept| crate::sessions::kept::open(session, &kept));
    match (p.protocol, id_token) {
        (Protocol::Oidc, Some(t)) => {
            let http = oidc::http_client();
            match oidc::logout_url(&http, &relying(state, &p), &t, &back).await {
                Ok(url) => Ok(url),
                Err(e) => {
                    // Hybride's own session ends anyway.
                    tracing::warn!(provider = %p.slug, error = %e, "logging out at the provider is not possible");
                    Ok(None)
                }
            }
        }
        (Protocol::Cas, _) => Ok(Some(cas::logout_url(&p.url, &back))),
        _ => Ok(None),
    }
}

/// The CAS server says a ticket's session is over (single logout): that session ends.
pub async fn single_logout(state: &Hybride, slug: &str, request: &str) -> Result<u64, Failure> {
    let p = store::provider_by_slug(&state.store, slug)
        .await?
        .filter(|p| p.protocol == Protocol::Cas)
        .ok_or(Failure::UnknownProvider)?;
    let Some(ticket) = cas::logout_ticket(request) else {
        return Ok(0);
    };
    Ok(store::end_ticket_sessions(&state.store, p.id, &ticket).await?)
}
