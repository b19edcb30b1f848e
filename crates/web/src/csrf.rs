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

/// A file sent with a form.
pub use hybride_training::Upload;

/// The largest file a form accepts.
pub use hybride_training::MAX_UPLOAD;

/// A form that may carry a file (`multipart/form-data`), or a plain URL-encoded one; its CSRF
/// token checked either way. Text fields are read into `T`; the first non-empty file field, if
/// any, is the upload. A file larger than [`MAX_UPLOAD`] is read to its end but not kept: it
/// comes as an upload marked `too_large`, so that the handler shows the form again with what was
/// typed and the refusal on its field.
pub struct CsrfUpload<T>(pub T, pub Option<Upload>);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for CsrfUpload<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("multipart/form-data"));
        if !multipart {
            let CsrfForm(value) = CsrfForm::<T>::from_request(req, state).await?;
            return Ok(CsrfUpload(value, None));
        }
        let ctx =
            req.extensions().get::<Ctx>().cloned().ok_or_else(|| {
                AppError::Internal(anyhow::anyhow!("identify middleware missing"))
            })?;
        let mut parts = axum::extract::Multipart::from_request(req, state)
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut upload = None;
        while let Some(field) = parts
            .next_field()
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?
        {
            let name = field.name().unwrap_or("").to_owned();
            match field.file_name().map(str::to_owned) {
                Some(file_name) => {
                    let mut field = field;
                    let mut bytes: Vec<u8> = Vec::new();
                    let mut too_large = false;
                    while let Some(chunk) = field
                        .chunk()
                        .await
                        .map_err(|e| AppError::BadRequest(e.body_text()))?
                    {
                        if bytes.len() + chunk.len() > MAX_UPLOAD {
                            too_large = true;
                            bytes = Vec::new();
                        }
                        if !too_large {
                            bytes.extend_from_slice(&chunk);
                        }
                    }
                    if too_large && upload.is_none() {
                        upload = Some(Upload {
                            name: "document".into(),
                            bytes: Vec::new(),
                            too_large: true,
                        });
                        continue;
                    }
                    if upload.is_none() && !bytes.is_empty() {
                        let base = file_name
                            .rsplit(['/', '\\'])
                            .next()
                            .unwrap_or("")
                            .chars()
                            .filter(|c| !c.is_control())
                            .take(120)
                            .collect::<String>();
                        upload = Some(Upload {
                            name: if base.trim().is_empty() {
                                "document".into()
                            } else {
                                base
                            },
                            bytes,
                            too_large: false,
                        });
                    }
                }
                None => {
                    let text = field
                        .text()
                        .await
                        .map_err(|e| AppError::BadRequest(e.body_text()))?;
                    fields.push((name, text));
                }
            }
        }
        let token = fields
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        verify(&ctx, token)?;
        let encoded = serde_urlencoded::to_string(&fields)
            .map_err(|e| AppError::BadRequest(e.to_string()))?;
        let value = serde_urlencoded::from_str(&encoded)
            .map_err(|e| AppError::BadRequest(e.to_string()))?;
        Ok(CsrfUpload(value, upload))
    }
}
