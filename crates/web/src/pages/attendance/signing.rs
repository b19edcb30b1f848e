//! A trainee signs from her phone: by code, by QR code, « je suis présent », or says she is
//! absent, with a justification.

use super::*;

fn device(headers: &HeaderMap) -> (String, Option<HeaderValue>) {
    match auth::cookie(headers, DEVICE_COOKIE).filter(|v| v.len() == 43) {
        Some(v) => (att::device_digest(v), None),
        None => {
            let v = hybride_training::sessions::secret();
            let cookie = auth::set_cookie(DEVICE_COOKIE, &v, 400 * 24 * 3600, false, "Lax");
            (att::device_digest(&v), Some(cookie))
        }
    }
}

fn with_cookie(mut r: Response, cookie: Option<HeaderValue>, secure: bool) -> Response {
    if let Some(mut c) = cookie {
        if secure {
            if let Ok(v) = HeaderValue::from_str(&format!("{}; Secure", c.to_str().unwrap_or(""))) {
                c = v;
            }
        }
        r.headers_mut().append(header::SET_COOKIE, c);
    }
    r
}

fn signable_view(
    lang: hybride_training::i18n::Lang,
    list: &[att::Signable],
) -> Vec<minijinja::Value> {
    list.iter()
        .map(|x| {
            context! { activity => x.activity, training => x.training_title,
            label => slot_label(lang, &x.slot), signed_at => x.signed_at }
        })
        .collect()
}

/// `/sign`: the trainee types the code read aloud.
pub async fn sign_form(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
) -> Result<Response, AppError> {
    let list = att::signable(&state.store, who.user.id).await?;
    page(
        &state,
        &who.ctx,
        "sign.html",
        context! { list => signable_view(who.ctx.lang, &list), code => "", errors => HashMap::<&str, String>::new() },
        false,
    )
}

#[derive(Deserialize, Serialize, Default)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

pub async fn sign_code(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    headers: HeaderMap,
    CsrfForm(f): CsrfForm<CodeForm>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let subject = who.user.id.to_string();
    let attempt = limits::attempt(s, limits::CODE_ACCOUNT, &subject).await?;
    let (dev, cookie) = device(&headers);
    let (list, found) = att::sign_with_code(s, who.user.id, &f.code, dev).await?;
    let Some((i, fresh)) = found else {
        attempt.failed();
        let mut e = FieldErrors::new();
        e.add(
            "code",
            if list.is_empty() {
                Invalid::new("error-sign-nothing-now")
            } else {
                Invalid::new("error-sign-code")
            },
        );
        let html = page(
            &state,
            &who.ctx,
            "sign.html",
            context! { list => signable_view(who.ctx.lang, &list), code => f.code.chars().take(12).collect::<String>(),
            errors => super::super::field_errors(&who.ctx, &e) },
            true,
        )?;
        return Ok(with_cookie(html, cookie, state.config.secure_cookies));
    };
    attempt.succeeded(s).await?;
    let html = page(
        &state,
        &who.ctx,
        "signed.html",
        context! { item => signable_view(who.ctx.lang, &list[i..=i]).pop(), fresh => fresh },
        false,
    )?;
    Ok(with_cookie(html, cookie, state.config.secure_cookies))
}

async fn qr_target(
    state: &AppState,
    who: &Allowed<Trainees>,
    aid: i64,
    slot: &str,
    token: &str,
) -> Result<Option<att::Signable>, AppError> {
    let list = att::signable(&state.store, who.user.id).await?;
    let Some(x) = list
        .into_iter()
        .find(|x| x.activity.id == aid && x.slot.key() == slot)
    else {
        return Ok(None);
    };
    let secret = att::signing_secret(&state.store, aid).await?;
    if !att::accepts_qr(&secret, aid, slot, token, now()) {
        return Ok(None);
    }
    Ok(Some(x))
}

/// `/sign/{activity}/{slot}/{token}`: where the QR code leads; asks for a tap to sign (so that
/// a link scanner opening the URL signs nothing).
pub async fn qr_form(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    Path((aid, slot, token)): Path<(i64, String, String)>,
) -> Result<Response, AppError> {
    let target = qr_target(&state, &who, aid, &slot, &token).await?;
    let (status, view) = match &target {
        Some(x) => (
            200,
            signable_view(who.ctx.lang, std::slice::from_ref(x)).pop(),
        ),
        None => (410, None),
    };
    let html = page(
        &state,
        &who.ctx,
        "sign_qr.html",
        context! { item => view, action => format!("/sign/{aid}/{slot}/{token}") },
        false,
    )?;
    let mut r = html;
    *r.status_mut() = axum::http::StatusCode::from_u16(status).unwrap_or_default();
    Ok(r)
}

pub async fn qr_sign(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    headers: HeaderMap,
    Path((aid, slot, token)): Path<(i64, String, String)>,
    CsrfForm(_): CsrfForm<super::super::login::Empty>,
) -> Result<Response, AppError> {
    // The page was opened within the code's life; the tap may come a little later.
    let target = match qr_target(&state, &who, aid, &slot, &token).await? {
        Some(t) => Some(t),
        None => {
            let list = att::signable(&state.store, who.user.id).await?;
            let secret = att::signing_secret(&state.store, aid).await?;
            let late_ok = (2..4)
                .any(|back| att::qr_token(&secret, aid, &slot, att::window(now()) - back) == token);
            list.into_iter()
                .find(|x| late_ok && x.activity.id == aid && x.slot.key() == slot)
        }
    };
    let Some(mut x) = target else {
        let mut r = page(
            &state,
            &who.ctx,
            "sign_qr.html",
            context! { item => None::<String>, action => "" },
            false,
        )?;
        *r.status_mut() = axum::http::StatusCode::GONE;
        return Ok(r);
    };
    let (dev, cookie) = device(&headers);
    let fresh = att::sign_now(&state.store, who.user.id, &x, Channel::Qr, dev).await?;
    x.signed_at = Some(x.signed_at.unwrap_or(now()));
    let html = page(
        &state,
        &who.ctx,
        "signed.html",
        context! { item => signable_view(who.ctx.lang, std::slice::from_ref(&x)).pop(), fresh => fresh },
        false,
    )?;
    Ok(with_cookie(html, cookie, state.config.secure_cookies))
}

/// « Je suis présent », in a virtual class or webinar.
pub async fn present(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::super::login::Empty>,
) -> Result<Response, AppError> {
    let ctx = att::context(&state, id, aid).await?;
    access::own_attendance(&state.store, &who.user, &ctx.cohort).await?;
    let a = &ctx.activity;
    if !(a.modality.is_synchronous() && a.modality.is_distance()) {
        return Err(AppError::NotFound);
    }
    let Some(slot) = att::slot_at(&att::slots(a, &ctx.steps), now()) else {
        return Err(AppError::Refused("not_now"));
    };
    att::record_join(&state.store, &ctx.cohort, a, who.user.id).await?;
    att::mark(
        &state.store,
        a,
        Some(&slot.key()),
        who.user.id,
        Kind::Confirmed,
        Channel::Trainee,
        who.user.id,
        Extra::default(),
    )
    .await?;
    Ok(done(
        &format!("/cohorts/{id}#h-space"),
        "presence-confirmed",
    ))
}

#[derive(Deserialize, Serialize, Default)]
pub struct AbsenceForm {
    #[serde(default)]
    slot: String,
    #[serde(default)]
    reason: String,
}

/// The trainee tells of an absence, with its reason, before or after the half-day.
pub async fn absence(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfUpload(f, upload): CsrfUpload<AbsenceForm>,
) -> Result<Response, AppError> {
    let ctx = att::context(&state, id, aid).await?;
    access::own_attendance(&state.store, &who.user, &ctx.cohort).await?;
    if !ctx.cohort.status.is_editable() {
        return Err(AppError::Refused("cohort_closed"));
    }
    let slots = att::slots(&ctx.activity, &ctx.steps);
    let Some(slot) = att::find_slot(&slots, &f.slot) else {
        return Err(AppError::NotFound);
    };
    let mut e = FieldErrors::new();
    let r = att::reason(&f.reason);
    if r.is_none() {
        e.add("reason", Invalid::new("error-required"));
    }
    if let Some(Err(invalid)) = upload.as_ref().map(att::check_document) {
        e.add("document", invalid);
    }
    let Some(r) = r.filter(|_| e.is_empty()) else {
        return my_activity_page(&state, &who, &ctx, DeclarationForm::default(), &e, None).await;
    };
    let document = match &upload {
        Some(u) => Some(att::keep_document(&state.store, id, who.user.id, u).await?),
        None => None,
    };
    att::mark(
        &state.store,
        &ctx.activity,
        Some(&slot.key()),
        who.user.id,
        Kind::Absent,
        Channel::Trainee,
        who.user.id,
        Extra {
            note: Some(r),
            document,
            ..Extra::default()
        },
    )
    .await?;
    Ok(done(
        &format!("/cohorts/{id}/activities/{aid}/declaration"),
        "absence-recorded",
    ))
}
