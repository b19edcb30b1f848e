//! The académie's identity providers in the API (admins): the same settings as the « Connexion
//! par l'académie » page, checked by the same rule, recorded in the audit log the same way.
//! The client secret is written, never read back.

use super::{created, ApiJson, Path};
use crate::access::Admins;
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::response::Response;
use axum::Json;
use hybride_domain::sign_in::{Newcomers, Protocol, ProviderFields};
use hybride_domain::{FieldErrors, Invalid};
use hybride_training::sign_in::{self as sso, ProviderView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The académie's providers and whether staff may only come in through them.
#[derive(Serialize, ToSchema)]
pub struct SignInSettings {
    /// Active providers first, by label.
    pub providers: Vec<ProviderView>,
    /// Staff (everyone but trainees) sign in through a provider only, never with a password
    /// (outside demo mode).
    pub sso_only_for_staff: bool,
}

/// A provider as the académie declares it. Claims left out take the protocol's usual names
/// (OpenID Connect: `email`, `given_name`, `family_name`; CAS: `mail`, `givenName`, `sn`).
#[derive(Deserialize, ToSchema)]
pub struct ProviderBody {
    /// The short name in its addresses (`/sso/{slug}`): 2 to 40 lower-case letters, digits or
    /// hyphens, no hyphen at either end.
    #[schema(schema_with = super::bounds::provider_slug)]
    pub slug: String,
    pub protocol: Protocol,
    /// The login button's words (« Compte académique »).
    #[schema(schema_with = super::bounds::title)]
    pub label: String,
    /// The OpenID Connect issuer or the CAS server's base address: https, or http on
    /// loopback only.
    #[schema(schema_with = super::bounds::provider_url)]
    pub url: String,
    /// OpenID Connect: required.
    #[serde(default)]
    #[schema(schema_with = super::bounds::client_id)]
    pub client_id: Option<String>,
    /// OpenID Connect: required at creation; left out when changing a provider, the secret
    /// already stored is kept. Never shown again.
    #[serde(default)]
    #[schema(schema_with = super::bounds::client_secret)]
    pub client_secret: Option<String>,
    #[serde(default)]
    #[schema(schema_with = super::bounds::claim)]
    pub email_claim: Option<String>,
    #[serde(default)]
    #[schema(schema_with = super::bounds::claim)]
    pub first_name_claim: Option<String>,
    #[serde(default)]
    #[schema(schema_with = super::bounds::claim)]
    pub last_name_claim: Option<String>,
    /// The claim that gives the establishment (UAI); none when left out.
    #[serde(default)]
    #[schema(schema_with = super::bounds::claim)]
    pub establishment_claim: Option<String>,
    /// The e-mail domains the provider serves (`ac-lyon.fr`): 1 to 50.
    #[schema(schema_with = super::bounds::mail_domains)]
    pub domains: Vec<String>,
    /// What a first sign-in does for someone without an account.
    pub newcomers: Newcomers,
    /// Offered on the login page; true when left out.
    #[serde(default)]
    pub active: Option<bool>,
}

impl ProviderBody {
    /// The fields as the schema states them, exactly (the domain then reads them as the page's);
    /// refused, every field is named at once, with the domain's own reasons for the others.
    fn check(&self, has_secret: bool) -> Result<(), AppError> {
        use super::bounds::{is_mail_domain, is_printable, is_provider_slug, is_provider_url};
        let mut e = FieldErrors::default();
        if !is_provider_slug(&self.slug) {
            e.add("slug", Invalid::new("error-sign-in-slug"));
        }
        if !is_provider_url(&self.url) {
            e.add("url", Invalid::new("error-sign-in-url"));
        }
        let printable =
            |v: &Option<String>, max: usize| v.as_deref().is_none_or(|v| is_printable(v, max));
        if !printable(&self.client_id, 200) {
            e.add("client_id", Invalid::new("error-sign-in-client-id"));
        }
        if !printable(&self.client_secret, 500) {
            e.add("client_secret", Invalid::new("error-sign-in-client-secret"));
        }
        for (field, v) in [
            ("email_claim", &self.email_claim),
            ("first_name_claim", &self.first_name_claim),
            ("last_name_claim", &self.last_name_claim),
            ("establishment_claim", &self.establishment_claim),
        ] {
            if !printable(v, 100) {
                e.add(field, Invalid::new("error-sign-in-claim"));
            }
        }
        if self.domains.is_empty() {
            e.add("domains", Invalid::new("error-sign-in-domains-required"));
        } else if self.domains.len() > 50 {
            e.add("domains", Invalid::new("error-sign-in-domains-many"));
        } else if let Some(d) = self.domains.iter().find(|d| !is_mail_domain(d)) {
            e.add("domains", Invalid::with("error-sign-in-domain", d));
        }
        if e.is_empty() {
            return Ok(());
        }
        if let Err(domain) = self.fields().validate(has_secret) {
            for (field, why) in domain.0 {
                if !e.0.iter().any(|(f, _)| *f == field) {
                    e.add(field, why);
                }
            }
        }
        Err(AppError::Invalid(e))
    }

    fn fields(&self) -> ProviderFields {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        ProviderFields {
            slug: self.slug.clone(),
            protocol: self.protocol.as_str().to_owned(),
            label: self.label.clone(),
            url: self.url.clone(),
            client_id: text(&self.client_id),
            client_secret: text(&self.client_secret),
            email_claim: text(&self.email_claim),
            first_name_claim: text(&self.first_name_claim),
            last_name_claim: text(&self.last_name_claim),
            establishment_claim: text(&self.establishment_claim),
            domains: self.domains.join(", "),
            newcomers: self.newcomers.as_str().to_owned(),
            active: Some(self.active.unwrap_or(true).to_string()),
        }
    }
}

/// Whether staff may only come in through the providers.
#[derive(Deserialize, ToSchema)]
pub struct SsoOnlyBody {
    pub sso_only_for_staff: bool,
}

async fn settings(state: &AppState) -> Result<SignInSettings, AppError> {
    Ok(SignInSettings {
        providers: sso::providers(state).await?,
        sso_only_for_staff: sso::sso_only_for_staff(state).await?,
    })
}

/// The académie's identity providers (never their secrets) and whether staff may only come
/// in through them.
#[utoipa::path(get, path = "/api/v1/sign-in/providers", tag = "accounts",
    responses((status = 200, body = SignInSettings)))]
pub async fn list(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
) -> Result<Json<SignInSettings>, AppError> {
    Ok(Json(settings(&state).await?))
}

/// Declares a provider, every field checked at once (422 names each one refused); a slug in
/// use is a conflict (409). The answer gives the address to declare at the provider
/// (`redirect_uri`).
#[utoipa::path(post, path = "/api/v1/sign-in/providers", tag = "accounts",
    request_body = ProviderBody,
    responses((status = 201, body = ProviderView), (status = 409, body = super::ProblemDoc),
        (status = 422, body = super::ProblemDoc)))]
pub async fn create(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    ApiJson(b): ApiJson<ProviderBody>,
) -> Result<Response, AppError> {
    b.check(false)?;
    let id = sso::save(&state, &who.user, None, &b.fields()).await?;
    Ok(created(sso::provider(&state, id).await?))
}

/// One provider (never its secret).
#[utoipa::path(get, path = "/api/v1/sign-in/providers/{id}", tag = "accounts",
    params(("id" = i64, Path)),
    responses((status = 200, body = ProviderView), (status = 404, body = super::ProblemDoc)))]
pub async fn get(
    State(state): State<AppState>,
    _who: Allowed<Admins>,
    Path(id): Path<i64>,
) -> Result<Json<ProviderView>, AppError> {
    Ok(Json(sso::provider(&state, id).await?))
}

/// Changes a provider: the whole description, as at creation; a client secret left out keeps
/// the one stored.
#[utoipa::path(put, path = "/api/v1/sign-in/providers/{id}", tag = "accounts",
    params(("id" = i64, Path)), request_body = ProviderBody,
    responses((status = 200, body = ProviderView), (status = 404, body = super::ProblemDoc),
        (status = 409, body = super::ProblemDoc), (status = 422, body = super::ProblemDoc)))]
pub async fn update(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<ProviderBody>,
) -> Result<Json<ProviderView>, AppError> {
    let stored = sso::provider(&state, id).await?;
    b.check(stored.has_secret)?;
    sso::save(&state, &who.user, Some(id), &b.fields()).await?;
    Ok(Json(sso::provider(&state, id).await?))
}

/// Makes the providers the only way in for staff, or not; refused (422
/// `refused-sso-only-without-provider`) while no provider is offered.
#[utoipa::path(put, path = "/api/v1/sign-in/sso-only", tag = "accounts",
    request_body = SsoOnlyBody,
    responses((status = 200, body = SignInSettings), (status = 422, body = super::ProblemDoc)))]
pub async fn put_sso_only(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    ApiJson(b): ApiJson<SsoOnlyBody>,
) -> Result<Json<SignInSettings>, AppError> {
    sso::set_sso_only_for_staff(&state, &who.user, b.sso_only_for_staff).await?;
    Ok(Json(settings(&state).await?))
}
