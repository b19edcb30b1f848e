//! OpenID Connect, as a relying party: the académie's identity provider (its own, or the
//! State's ProConnect federation) signs staff in.
//!
//! Authorization code flow with PKCE, `state` and `nonce`; the provider's metadata from its
//! discovery document, kept a few minutes and fetched again when an ID token is signed with a
//! key we do not know yet (keys rotate without a restart). The ID token's signature, `iss`,
//! `aud`, `azp`, `exp`, `iat` and `nonce` are checked by the `openidconnect` crate; unsigned
//! tokens (`alg: none`) are refused. Userinfo is read as JSON or as a signed JWT.

use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreAuthenticationFlow, CoreErrorResponseType,
    CoreGenderClaim, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
    CoreRevocableToken, CoreRevocationErrorResponse, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret,
    CsrfToken, EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenFields,
    IssuerUrl, LogoutRequest, Nonce, OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier,
    PostLogoutRedirectUrl, ProviderMetadataWithLogout, RedirectUrl, Scope,
    SignatureVerificationError, StandardErrorResponse, StandardTokenResponse, TokenResponse,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Every claim the provider sent, whatever its name: the académie says which of them give the
/// e-mail, the names and the establishment.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct Extra {
    #[serde(flatten)]
    pub claims: HashMap<String, Value>,
}
impl AdditionalClaims for Extra {}

type Fields = IdTokenFields<
    Extra,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;

type Client = openidconnect::Client<
    Extra,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    StandardTokenResponse<Fields, CoreTokenType>,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How Hybride is known to one provider.
#[derive(Clone, Debug)]
pub struct Relying {
    /// The provider's issuer (`https://…`); its discovery document is under
    /// `/.well-known/openid-configuration`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// Where the provider sends the person back (`…/sso/{slug}/callback`).
    pub redirect_url: String,
}

/// Why a sign-in through the provider failed; each is told to the person in words and logged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Failure {
    #[error("the provider could not be reached or its discovery document is invalid: {0}")]
    Unreachable(String),
    #[error("the provider's configuration is unusable: {0}")]
    Misconfigured(String),
    #[error("the provider refused the authorization code: {0}")]
    CodeRefused(String),
    #[error("the provider sent no ID token")]
    NoIdToken,
    #[error("the ID token's signature does not verify: {0}")]
    BadSignature(String),
    #[error("the ID token is signed with a key the provider does not publish")]
    UnknownKey,
    #[error("the ID token is not signed")]
    Unsigned,
    #[error("the ID token is meant for another application: {0}")]
    WrongAudience(String),
    #[error("the ID token comes from another issuer: {0}")]
    WrongIssuer(String),
    #[error("the ID token has expired: {0}")]
    Expired(String),
    #[error("the ID token answers another sign-in (nonce): {0}")]
    WrongNonce(String),
    #[error("the ID token is invalid: {0}")]
    InvalidToken(String),
    #[error("the user information could not be read: {0}")]
    UserInfo(String),
}

/// Where to send the person, and what to keep until they come back.
#[derive(Debug, Clone)]
pub struct Start {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// Who the provider says the person is.
#[derive(Debug, Clone)]
pub struct Identity {
    pub subject: String,
    /// The ID token's claims, completed by userinfo's.
    pub claims: Map<String, Value>,
    /// Kept with the session, for logging out at the provider (`id_token_hint`).
    pub id_token: String,
}

/// How long a provider's metadata (and keys) are trusted before they are fetched again.
const METADATA_SECONDS: u64 = 300;

type Cached = (Instant, Arc<ProviderMetadataWithLogout>);

fn cache() -> &'static Mutex<HashMap<String, Cached>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Cached>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// The HTTP client used towards providers: no redirects followed (a token endpoint that
/// redirects is refused rather than followed), and a bounded wait.
pub fn http_client() -> reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT
        .get_or_init(|| {
            reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(Duration::from_secs(10))
                .build()
                .expect("a client with these settings builds")
        })
        .clone()
}

async fn metadata(
    http: &reqwest::Client,
    issuer: &str,
    fresh: bool,
) -> Result<Arc<ProviderMetadataWithLogout>, Failure> {
    if !fresh {
        let kept = cache().lock().expect("not poisoned").get(issuer).cloned();
        if let Some((at, m)) = kept {
            if at.elapsed() < Duration::from_secs(METADATA_SECONDS) {
                return Ok(m);
            }
        }
    }
    let url =
        IssuerUrl::new(issuer.to_owned()).map_err(|e| Failure::Misconfigured(e.to_string()))?;
    let m = ProviderMetadataWithLogout::discover_async(url, http)
        .await
        .map_err(|e| Failure::Unreachable(error_chain(&e)))?;
    let m = Arc::new(m);
    cache()
        .lock()
        .expect("not poisoned")
        .insert(issuer.to_owned(), (Instant::now(), m.clone()));
    Ok(m)
}

fn client(m: &ProviderMetadataWithLogout, r: &Relying) -> Result<Client, Failure> {
    let redirect = RedirectUrl::new(r.redirect_url.clone())
        .map_err(|e| Failure::Misconfigured(e.to_string()))?;
    Ok(Client::from_provider_metadata(
        m.clone(),
        ClientId::new(r.client_id.clone()),
        Some(ClientSecret::new(r.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

/// The provider's authorization address for a new sign-in, with its `state`, `nonce` and PKCE
/// verifier to keep until the person comes back.
pub async fn start(http: &reqwest::Client, r: &Relying, locale: &str) -> Result<Start, Failure> {
    let m = metadata(http, &r.issuer, false).await?;
    let c = client(&m, r)?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = c
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("profile".into()))
        .add_extra_param("ui_locales", locale)
        .set_pkce_challenge(challenge)
        .url();
    Ok(Start {
        url: url.to_string(),
        state: state.secret().clone(),
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
    })
}

/// The person came back with `code`: exchange it, check the ID token, read userinfo.
pub async fn finish(
    http: &reqwest::Client,
    r: &Relying,
    code: &str,
    nonce: &str,
    pkce_verifier: &str,
) -> Result<Identity, Failure> {
    let m = metadata(http, &r.issuer, false).await?;
    let c = client(&m, r)?;
    let tokens = c
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(|e| Failure::Misconfigured(e.to_string()))?
        .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
        .request_async(http)
        .await
        .map_err(|e| Failure::CodeRefused(error_chain(&e)))?;
    let id_token = tokens.id_token().ok_or(Failure::NoIdToken)?;
    let nonce = Nonce::new(nonce.to_owned());
    let now = std::time::SystemTime::now();
    let verify = |c: &Client| -> Result<Map<String, Value>, Failure> {
        let verifier = c
            .id_token_verifier()
            .set_issue_time_verifier_fn(move |iat| {
                // Issued in the future (beyond a minute of clock drift) is refused.
                let iat: std::time::SystemTime = iat.into();
                if iat > now + Duration::from_secs(60) {
                    Err("issued in the future".into())
                } else {
                    Ok(())
                }
            });
        let claims = id_token.claims(&verifier, &nonce).map_err(failure_of)?;
        match serde_json::to_value(claims) {
            Ok(Value::Object(map)) => Ok(map),
            _ => Err(Failure::InvalidToken("claims are not an object".into())),
        }
    };
    let (c, mut claims) = match verify(&c) {
        // A key we do not know yet: the provider may have rotated its keys since we read them.
        Err(Failure::UnknownKey) => {
            let m = metadata(http, &r.issuer, true).await?;
            let c = client(&m, r)?;
            let claims = verify(&c)?;
            (c, claims)
        }
        other => (c, other?),
    };
    let subject = claims
        .get("sub")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if c.user_info_url().is_some() {
        let info = c
            .user_info(
                tokens.access_token().clone(),
                Some(openidconnect::SubjectIdentifier::new(subject.clone())),
            )
            .map_err(|e| Failure::UserInfo(e.to_string()))?
            .request_async::<Extra, _, CoreGenderClaim>(http)
            .await
            .map_err(|e| Failure::UserInfo(error_chain(&e)))?;
        if let Ok(Value::Object(more)) = serde_json::to_value(info) {
            for (k, v) in more {
                claims.entry(k).or_insert(v);
            }
        }
    }
    Ok(Identity {
        subject,
        claims,
        id_token: id_token.to_string(),
    })
}

fn failure_of(e: ClaimsVerificationError) -> Failure {
    use ClaimsVerificationError as E;
    use SignatureVerificationError as S;
    match e {
        E::Expired(s) => Failure::Expired(s),
        E::InvalidAudience(s) => Failure::WrongAudience(s),
        E::InvalidIssuer(s) => Failure::WrongIssuer(s),
        E::InvalidNonce(s) => Failure::WrongNonce(s),
        E::SignatureVerification(S::NoSignature) => Failure::Unsigned,
        E::SignatureVerification(S::NoMatchingKey) => Failure::UnknownKey,
        E::SignatureVerification(S::DisallowedAlg(a) | S::UnsupportedAlg(a))
            if a.eq_ignore_ascii_case("none") || a.contains("None") =>
        {
            Failure::Unsigned
        }
        E::SignatureVerification(s) => Failure::BadSignature(s.to_string()),
        other => Failure::InvalidToken(other.to_string()),
    }
}

/// The provider's logout address for a session opened with `id_token`, coming back to
/// `back`; none when the provider offers no logout.
pub async fn logout_url(
    http: &reqwest::Client,
    r: &Relying,
    id_token: &str,
    back: &str,
) -> Result<Option<String>, Failure> {
    let m = metadata(http, &r.issuer, false).await?;
    let Some(end) = m.additional_metadata().end_session_endpoint.clone() else {
        return Ok(None);
    };
    let back = PostLogoutRedirectUrl::new(back.to_owned())
        .map_err(|e| Failure::Misconfigured(e.to_string()))?;
    let url = LogoutRequest::from(end)
        .set_client_id(ClientId::new(r.client_id.clone()))
        .set_post_logout_redirect_uri(back)
        .http_get_url();
    // `id_token_hint` is added by hand: the crate's setter wants the parsed token's type.
    let mut url = url;
    url.query_pairs_mut().append_pair("id_token_hint", id_token);
    Ok(Some(url.to_string()))
}

/// An error and its causes on one line, for the log.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}
