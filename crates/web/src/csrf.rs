//! Cross-site request forgery protection, two layers deep:
//! 1. every state-changing request authenticated by cookie must come from this site
//!    (`Sec-Fetch-Site` and `Origin` checked here, for pages and API alike);
//! 2. every HTML form carries the token of the `hybride_csrf` cookie (double submit, compared
//!    in constant time by `CsrfForm`); the cookie is `SameSite=Strict` and `HttpOnly`.

use crate::auth::Ctx;
use crate::error::AppError;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

pub async fn check_origin(req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let bearer = req.headers().contains_key(header::AUTHORIZATION);
    if unsafe_method && !bearer && !same_site(&req) {
        return AppError::Csrf.into_response();
    }
    next.run(req).await
}

fn same_site(req: &Request) -> bool {
    let h = req.headers();
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site != "same-origin" && site != "none" {
            return false;
        }
    }
    match h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => {
            let host = h
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
            !host.is_empty() && origin_host == host
        }
    }
}

/// Constant-time comparison of the submitted token with the cookie's.
pub fn verify(ctx: &Ctx, submitted: &str) -> Result<(), AppError> {
    let a = ctx.csrf.as_bytes();
    let b = submitted.as_bytes();
    let same = a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0;
    if same {
        Ok(())
    } else {
        Err(AppError::Csrf)
    }
}

#[derive(serde::Deserialize)]
struct Token {
    #[serde(default)]
    csrf: String,
}

/// A URL-encoded form whose CSRF token has been checked.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let ctx =
            req.extensions().get::<Ctx>().cloned().ok_or_else(|| {
                AppError::Internal(anyhow::anyhow!("identify middleware missing"))
            })?;
        let form_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
        if !form_type {
            return Err(AppError::BadRequest("expected an URL-encoded form".into()));
        }
        let body = Bytes::from_request(req, state)
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        let token: Token = serde_urlencoded::from_bytes(&body).map_err(|_| AppError::Csrf)?;
        verify(&ctx, &token.csrf)?;
        let value =
            serde_urlencoded::from_bytes(&body).map_err(|e| AppError::BadRequest(e.to_string()))?;
        Ok(CsrfForm(value))
    }
}
