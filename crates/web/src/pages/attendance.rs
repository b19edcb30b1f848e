//! Attendance, in pages: the trainer's live sheet of a half-day (QR code, short code, who has
//! signed, corrections, countersignature), the trainee's signing by code or by QR code, « je
//! suis présent » in a virtual class, absences, asynchronous declarations and their
//! validation, an LMS completion import, and each trainee's validation.

use super::{done, page};
use crate::access::{self, Anyone, Staff, Trainees};
use crate::auth::{self, Allowed};
use crate::csrf::{CsrfForm, CsrfUpload};
use crate::error::AppError;
use crate::{limits, AppState};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{Html, IntoResponse, Redirect, Response};
use hybride_domain::attendance::{self as rules, AsyncState, Channel, Kind, Slot};
use hybride_domain::{FieldErrors, Invalid, LongText, Modality};
use hybride_store::attendance as record;
use hybride_store::cohorts;
use hybride_store::{now, people, trainings};
use hybride_training::attendance::{self as att, Context, Extra};
use hybride_training::documents;
use hybride_training::i18n::slot_label;
use minijinja::context;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const DEVICE_COOKIE: &str = "hybride_device";

#[derive(Deserialize, Default)]
pub struct SlotQuery {
    #[serde(default)]
    slot: String,
    #[serde(default)]
    ok: String,
    #[serde(default)]
    error: String,
}

/// Errors a sheet may show after a refused correction.
const SHEET_ERRORS: &[&str] = &[
    "already-signed",
    "not-signed",
    "no-absence",
    "reason-required",
    "time-invalid",
    "time-outside",
    "unknown-trainee",
    "closed",
    "already-countersigned",
    "declaration-missing",
    "import-empty",
];

fn sheet_url(c: i64, a: i64, slot: &str) -> String {
    format!("/cohorts/{c}/activities/{a}/attendance?slot={slot}")
}

fn back(c: i64, a: i64, slot: &str, error: &str) -> Response {
    Redirect::to(&format!("{}&error={error}#h-sheet", sheet_url(c, a, slot))).into_response()
}

/// The cohort's attendance at a glance: every activity, its half-days, who signed.
pub async fn overview(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    let steps = trainings::steps(s, t.id).await?;
    let rules = att::rules_of(s, &t).await?;
    let mut rows = Vec::new();
    for a in cohorts::activities(s, id).await? {
        let slots = att::slots(&a, &steps);
        if slots.is_empty() {
            let sheet = att::sheet(s, &c, &a, &steps, None, &rules).await?;
            let validated = sheet.rows.iter().filter(|r| r.attended).count();
            rows.push(
                context! { a => a, slot => None::<String>, label => None::<String>,
                signed => sheet.signed, validated => validated, total => sheet.total,
                countersigned => false, flags => 0 },
            );
            continue;
        }
        for slot in slots {
            let sheet = att::sheet(s, &c, &a, &steps, Some(slot), &rules).await?;
            rows.push(
                context! { a => a, slot => slot.key(), label => slot_label(who.ctx.lang, &slot),
                signed => sheet.signed, total => sheet.total, absent => sheet.absent,
                countersigned => sheet.countersigned.is_some(), flags => sheet.flags.len() },
            );
        }
    }
    page(
        &state,
        &who.ctx,
        "attendance.html",
        context! { cohort => c, training => t, rows => rows },
        false,
    )
}

struct SheetData {
    ctx: Context,
    slot: Option<Slot>,
}

async fn load(
    state: &AppState,
    who: &Allowed<Staff>,
    id: i64,
    aid: i64,
    slot: &str,
) -> Result<SheetData, AppError> {
    let ctx = att::context(state, id, aid).await?;
    // Staff who see the cohort read its attendance; acting is checked by each action.
    access::see_cohort(&state.store, &who.user, &ctx.cohort).await?;
    let slots = att::slots(&ctx.activity, &ctx.steps);
    let slot = if ctx.activity.modality == Modality::Async {
        None
    } else if slot.is_empty() {
        Some(
            att::slot_at(&slots, now())
                .or_else(|| slots.first().copied())
                .ok_or(AppError::NotFound)?,
        )
    } else {
        Some(att::find_slot(&slots, slot).ok_or(AppError::NotFound)?)
    };
    Ok(SheetData { ctx, slot })
}

async fn sheet_context(
    state: &AppState,
    who: &Allowed<Staff>,
    d: &SheetData,
) -> Result<minijinja::Value, AppError> {
    let s = &state.store;
    let c = &d.ctx;
    let rules = att::rules_of(s, &c.training).await?;
    let sheet = att::sheet(s, &c.cohort, &c.activity, &c.steps, d.slot, &rules).await?;
    // `load` has checked that the cohort is seen.
    let rights = access::rights(&who.user, &c.training);
    let (can_act, can_countersign) = (rights.act, rights.countersign);
    let mut names: HashMap<i64, String> = sheet
        .rows
        .iter()
        .map(|r| (r.user_id, format!("{} {}", r.first_name, r.last_name)))
        .collect();
    if let Some(cs) = &sheet.countersigned {
        names.insert(cs.trainer_id, cs.name.clone());
    }
    let flags: Vec<String> = sheet
        .flags
        .iter()
        .map(|f| att::flag_text(who.ctx.lang, f, &names))
        .collect();
    // The codes are shown only while signing is open, and only to those who take attendance.
    let (code, qr, qr_url) = match d.slot {
        Some(slot) if sheet.open && can_act && c.activity.modality == Modality::InPerson => {
            let secret = record::signing_secret(s, c.activity.id).await?;
            let at = now();
            let w = att::window(at);
            let key = slot.key();
            let code = att::code(&secret, c.activity.id, &key, w);
            let url = format!(
                "{}/sign/{}/{}/{}",
                state.config.public_url,
                c.activity.id,
                key,
                att::qr_token(&secret, c.activity.id, &key, w)
            );
            let label = hybride_training::i18n::t(who.ctx.lang, "sheet-qr-alt");
            (
                Some(format!("{} {}", &code[..3], &code[3..])),
                Some(att::qr_svg(&url, &label)),
                Some(url),
            )
        }
        _ => (None, None, None),
    };
    let slots: Vec<minijinja::Value> = sheet
        .slots
        .iter()
        .map(|s| context! { key => s.key(), label => slot_label(who.ctx.lang, s) })
        .collect();
    Ok(context! {
        cohort => c.cohort,
        training => c.training,
        activity => c.activity,
        sheet => sheet,
        slot_key => d.slot.map(|s| s.key()),
        slot_label => d.slot.map(|s| slot_label(who.ctx.lang, &s)),
        slots => slots,
        flags => flags,
        can_act => can_act,
        can_countersign => can_countersign,
        countersigned_by_me => sheet.countersigners.iter().any(|cs| cs.trainer_id == who.user.id),
        code => code,
        qr => qr,
        qr_url => qr_url,
        prompts => d.slot.map(|s| rules::prompts(&s)),
    })
}

/// A half-day's sheet: the trainer's live screen.
pub async fn sheet(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    Query(q): Query<SlotQuery>,
) -> Result<Response, AppError> {
    let d = load(&state, &who, id, aid, &q.slot).await?;
    let mut data = sheet_context(&state, &who, &d).await?;
    let error = SHEET_ERRORS
        .iter()
        .find(|k| **k == q.error)
        .map(|k| format!("sheet-error-{k}"));
    let ok = SHEET_OKS
        .iter()
        .find(|k| **k == q.ok)
        .map(|k| format!("sheet-ok-{k}"));
    data = context! { error => error, ok => ok, ..data };
    page(&state, &who.ctx, "attendance_sheet.html", data, false)
}

const SHEET_OKS: &[&str] = &[
    "marked",
    "countersigned",
    "decided",
    "imported",
    "capacity-saved",
];

/// The live part of the sheet, fetched again every few seconds by `live.js`.
pub async fn live(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    Query(q): Query<SlotQuery>,
) -> Result<Response, AppError> {
    let d = load(&state, &who, id, aid, &q.slot).await?;
    let data = sheet_context(&state, &who, &d).await?;
    let html: Html<String> =
        state
            .templates
            .render("attendance_live.html", &who.ctx, state.config.demo, data)?;
    Ok(([(header::CACHE_CONTROL, "no-store")], html).into_response())
}

#[derive(Deserialize, Serialize, Default)]
pub struct MarkForm {
    #[serde(default)]
    slot: String,
    #[serde(default)]
    user: String,
    /// `present`, `late`, `early`, `absent`, `accept`, `cancel`.
    #[serde(default)]
    action: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    reason: String,
}

/// A trainer marks or corrects one trainee's half-day.
pub async fn mark(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<MarkForm>,
) -> Result<Response, AppError> {
    let d = load(&state, &who, id, aid, &f.slot).await?;
    access::take_attendance(&state.store, &who.user, &d.ctx.cohort).await?;
    let s = &state.store;
    let Some(slot) = d.slot else {
        return Err(AppError::NotFound);
    };
    let key = slot.key();
    let c = &d.ctx;
    if !c.cohort.status.is_editable() {
        return Ok(back(id, aid, &key, "closed"));
    }
    let Ok(user) = f.user.trim().parse::<i64>() else {
        return Ok(back(id, aid, &key, "unknown-trainee"));
    };
    if !cohorts::is_enrolled(s, id, user).await? {
        return Ok(back(id, aid, &key, "unknown-trainee"));
    }
    match att::correct(
        s,
        &c.activity,
        slot,
        user,
        &f.action,
        &f.time,
        &f.reason,
        who.user.id,
    )
    .await?
    {
        Ok(_) => {}
        Err(e) => return Ok(back(id, aid, &key, e)),
    }
    Ok(done(
        &format!("{}#h-sheet", sheet_url(id, aid, &key)),
        "marked",
    ))
}

#[derive(Deserialize, Serialize, Default)]
pub struct SlotForm {
    #[serde(default)]
    slot: String,
}

/// The trainer countersigns a half-day.
pub async fn countersign(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<SlotForm>,
) -> Result<Response, AppError> {
    let d = load(&state, &who, id, aid, &f.slot).await?;
    let s = &state.store;
    access::countersign(s, &who.user, &d.ctx.cohort).await?;
    let Some(slot) = d.slot else {
        return Err(AppError::NotFound);
    };
    let key = slot.key();
    let already = record::of_subject(s, aid, who.user.id)
        .await?
        .iter()
        .any(|e| {
            e.kind == Kind::Countersigned
                && e.slot.as_deref() == Some(&key)
                && e.subject_id == who.user.id
        });
    // Each trainer who led the half-day countersigns it once (co-animation).
    if already {
        return Ok(back(id, aid, &key, "already-countersigned"));
    }
    att::mark(
        s,
        &d.ctx.activity,
        Some(&key),
        who.user.id,
        Kind::Countersigned,
        Channel::Trainer,
        who.user.id,
        Extra::default(),
    )
    .await?;
    Ok(done(
        &format!("{}#h-sheet", sheet_url(id, aid, &key)),
        "countersigned",
    ))
}

#[derive(Deserialize, Serialize, Default)]
pub struct CapacityForm {
    #[serde(default)]
    slot: String,
    #[serde(default)]
    capacity: String,
}

/// How many people the room holds (for the capacity red flag).
pub async fn set_capacity(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<CapacityForm>,
) -> Result<Response, AppError> {
    let d = load(&state, &who, id, aid, &f.slot).await?;
    access::take_attendance(&state.store, &who.user, &d.ctx.cohort).await?;
    let key = d.slot.map(|s| s.key()).unwrap_or_default();
    let raw = f.capacity.trim();
    let capacity = if raw.is_empty() {
        None
    } else {
        match raw.parse::<i64>() {
            Ok(n) if (1..=10_000).contains(&n) => Some(n),
            _ => return Ok(back(id, aid, &key, "capacity-invalid")),
        }
    };
    cohorts::set_capacity(&state.store, id, aid, capacity).await?;
    Ok(done(&sheet_url(id, aid, &key), "capacity-saved"))
}

#[derive(Deserialize, Serialize, Default)]
pub struct DecisionForm {
    /// `validate` or `more`.
    #[serde(default)]
    decision: String,
    #[serde(default)]
    comment: String,
}

/// The trainer validates an asynchronous declaration, or asks for more.
pub async fn decide(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid, user)): Path<(i64, i64, i64)>,
    CsrfForm(f): CsrfForm<DecisionForm>,
) -> Result<Response, AppError> {
    let d = load(&state, &who, id, aid, "").await?;
    access::take_attendance(&state.store, &who.user, &d.ctx.cohort).await?;
    let s = &state.store;
    let c = &d.ctx;
    if c.activity.modality != Modality::Async {
        return Err(AppError::NotFound);
    }
    let url = format!("/cohorts/{id}/activities/{aid}/attendance");
    if !c.cohort.status.is_editable() {
        return Ok(Redirect::to(&format!("{url}?error=closed#h-sheet")).into_response());
    }
    if !cohorts::is_enrolled(s, id, user).await? {
        return Err(AppError::NotFound);
    }
    let events = record::of_subject(s, aid, user).await?;
    let marks: Vec<_> = att::marks_for(&events, user, None).collect();
    let current = rules::completion(&marks);
    if current.state == AsyncState::NotDeclared {
        return Ok(
            Redirect::to(&format!("{url}?error=declaration-missing#h-sheet")).into_response(),
        );
    }
    let step = c
        .activity
        .step_id
        .and_then(|sid| c.steps.iter().find(|st| st.id == sid));
    let (kind, extra) = match f.decision.as_str() {
        "validate" => (
            Kind::Validated,
            Extra {
                minutes: Some(att::credit_on_validation(step, &current)),
                note: att::reason(&f.comment),
                ..Extra::default()
            },
        ),
        "more" => match att::reason(&f.comment) {
            Some(r) => (Kind::MoreRequested, Extra::note(r)),
            None => {
                return Ok(
                    Redirect::to(&format!("{url}?error=reason-required#h-sheet")).into_response(),
                )
            }
        },
        _ => return Err(AppError::BadRequest("unknown decision".into())),
    };
    att::mark(
        s,
        &c.activity,
        None,
        user,
        kind,
        Channel::Trainer,
        who.user.id,
        extra,
    )
    .await?;
    Ok(done(&format!("{url}#h-sheet"), "decided"))
}

/// The sheet again, with every refused line of an import and why (422).
async fn refused_import(
    state: &AppState,
    who: &Allowed<Staff>,
    d: &SheetData,
    errors: &[(u64, Invalid)],
) -> Result<Response, AppError> {
    let lang = who.ctx.lang;
    let messages: Vec<String> = errors
        .iter()
        .map(|(line, e)| {
            hybride_training::i18n::tr(
                lang,
                "import-line-error",
                &[
                    ("line", line.to_string()),
                    ("message", hybride_training::i18n::invalid(lang, e)),
                ],
            )
        })
        .collect();
    let data = sheet_context(state, who, d).await?;
    let data = context! { import_errors => messages, ..data };
    page(state, &who.ctx, "attendance_sheet.html", data, true)
}

/// Imports an LMS completion export (M@gistère / Moodle, CSV): each trainee marked complete
/// is declared done by import, for the trainer to validate. All or nothing, with line numbers.
pub async fn import_completions(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfUpload(_, upload): CsrfUpload<super::login::Empty>,
) -> Result<Response, AppError> {
    let bytes = upload.map(|u| u.bytes).unwrap_or_default();
    let d = load(&state, &who, id, aid, "").await?;
    access::take_attendance(&state.store, &who.user, &d.ctx.cohort).await?;
    let s = &state.store;
    let c = &d.ctx;
    if c.activity.modality != Modality::Async {
        return Err(AppError::NotFound);
    }
    let url = format!("/cohorts/{id}/activities/{aid}/attendance");
    if !c.cohort.status.is_editable() {
        return Ok(Redirect::to(&format!("{url}?error=closed#h-sheet")).into_response());
    }
    let enrolled: HashMap<String, i64> = cohorts::enrollments(s, id)
        .await?
        .into_iter()
        .map(|e| (e.email.to_lowercase(), e.user_id))
        .collect();
    let lines = match hybride_domain::attendance_import::completions(&bytes, &c.activity.title) {
        Ok(l) => l,
        Err(errors) => return refused_import(&state, &who, &d, &errors).await,
    };
    // Every completed line must name a trainee of the cohort; otherwise nothing is imported.
    let mut unknown = Vec::new();
    let mut todo = Vec::new();
    for l in &lines {
        match enrolled.get(&l.email.to_lowercase()) {
            Some(&u) => todo.push((u, l)),
            None => unknown.push((
                l.line,
                Invalid::with("error-import-not-enrolled", l.email.clone()),
            )),
        }
    }
    if !unknown.is_empty() {
        return refused_import(&state, &who, &d, &unknown).await;
    }
    if todo.is_empty() {
        return Ok(Redirect::to(&format!("{url}?error=import-empty#h-sheet")).into_response());
    }
    let events = record::of_activity(s, aid).await?;
    for (user, l) in todo {
        let marks: Vec<_> = att::marks_for(&events, user, None).collect();
        if rules::completion(&marks).state != AsyncState::NotDeclared {
            continue; // already declared: the trainee's own declaration stands
        }
        att::mark(
            s,
            &c.activity,
            None,
            user,
            Kind::Declared,
            Channel::Import,
            who.user.id,
            Extra::note(format!("LMS: {}", l.completed_on.as_deref().unwrap_or("—"))),
        )
        .await?;
    }
    Ok(done(&format!("{url}#h-sheet"), "imported"))
}

// ——— The trainee's side ———

fn device(headers: &HeaderMap) -> (String, Option<HeaderValue>) {
    match auth::cookie(headers, DEVICE_COOKIE).filter(|v| v.len() == 43) {
        Some(v) => (att::device_digest(v), None),
        None => {
            let v = hybride_store::token::generate();
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
    limits::refuse_if_exceeded(s, limits::CODE_ACCOUNT, &subject).await?;
    let (dev, cookie) = device(&headers);
    let (list, found) = att::sign_with_code(s, who.user.id, &f.code, dev).await?;
    let Some((i, fresh)) = found else {
        limits::failed(s, limits::CODE_ACCOUNT, &subject).await?;
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
            errors => super::field_errors(&who.ctx, &e) },
            true,
        )?;
        return Ok(with_cookie(html, cookie, state.config.secure_cookies));
    };
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
    let secret = record::signing_secret(&state.store, aid).await?;
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
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    // The page was opened within the code's life; the tap may come a little later.
    let target = match qr_target(&state, &who, aid, &slot, &token).await? {
        Some(t) => Some(t),
        None => {
            let list = att::signable(&state.store, who.user.id).await?;
            let secret = record::signing_secret(&state.store, aid).await?;
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
    CsrfForm(_): CsrfForm<super::login::Empty>,
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

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct DeclarationForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    link: String,
    #[serde(default)]
    minutes: String,
}

async fn my_activity_page(
    state: &AppState,
    who: &Allowed<Trainees>,
    ctx: &Context,
    form: DeclarationForm,
    errors: &FieldErrors,
    ok: Option<String>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let a = &ctx.activity;
    let events = record::of_subject(s, a.id, who.user.id).await?;
    let marks: Vec<_> = att::marks_for(&events, who.user.id, None).collect();
    let slots: Vec<minijinja::Value> = att::slots(a, &ctx.steps)
        .iter()
        .map(|sl| {
            let key = sl.key();
            let p = rules::presence(marks.iter().filter(|m| m.slot.as_deref() == Some(&key)));
            context! { key => key, label => slot_label(who.ctx.lang, sl), presence => p,
            past => sl.ends_at < now() }
        })
        .collect();
    let step = a
        .step_id
        .and_then(|sid| ctx.steps.iter().find(|st| st.id == sid));
    page(
        state,
        &who.ctx,
        "declaration.html",
        context! {
            cohort => ctx.cohort, activity => a, step => step,
            completion => rules::completion(&marks), slots => slots,
            form => form, errors => super::field_errors(&who.ctx, errors), flash => ok,
            editable => ctx.cohort.status.is_editable(),
            open => a.starts_at <= now(),
        },
        !errors.is_empty(),
    )
}

#[derive(Deserialize, Default)]
pub struct OkQuery {
    #[serde(default)]
    ok: String,
}

/// The trainee's own record of one activity: declaration (asynchronous), absences.
pub async fn declaration_form(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    Path((id, aid)): Path<(i64, i64)>,
    Query(q): Query<OkQuery>,
) -> Result<Response, AppError> {
    let ctx = att::context(&state, id, aid).await?;
    access::own_attendance(&state.store, &who.user, &ctx.cohort).await?;
    let ok = ["declared", "absence-recorded"]
        .iter()
        .find(|k| **k == q.ok)
        .map(|k| format!("flash-{k}"));
    my_activity_page(
        &state,
        &who,
        &ctx,
        DeclarationForm::default(),
        &FieldErrors::new(),
        ok,
    )
    .await
}

/// Parses a declaration: some evidence (a text, a link or a file), and optionally the time
/// spent.
pub fn parse_declaration(
    f: &DeclarationForm,
    with_file: bool,
) -> Result<(String, Option<i64>), FieldErrors> {
    let mut e = FieldErrors::new();
    let text = e.check("text", LongText::parse(&f.text));
    let link = f.link.trim();
    let valid_link = link.is_empty()
        || ((link.starts_with("https://") || link.starts_with("http://"))
            && link.len() <= 500
            && !link.chars().any(char::is_whitespace));
    let link_ok = if valid_link {
        Some(())
    } else {
        e.add("link", Invalid::new("error-url"));
        None
    };
    let minutes = if f.minutes.trim().is_empty() {
        Some(None)
    } else {
        e.check(
            "minutes",
            hybride_domain::Minutes::parse_hours(&f.minutes).map(|m| Some(i64::from(m.get()))),
        )
    };
    if let (Some(t), Some(()), Some(_)) = (&text, link_ok, minutes) {
        if t.as_str().trim().is_empty() && link.is_empty() && !with_file {
            e.add("text", Invalid::new("error-declaration-evidence"));
        }
    }
    match (text, link_ok, minutes) {
        (Some(t), Some(()), Some(m)) if e.is_empty() => {
            let mut evidence = t.as_str().trim().to_owned();
            if !link.is_empty() {
                if !evidence.is_empty() {
                    evidence.push('\n');
                }
                evidence.push_str(link);
            }
            Ok((evidence, m))
        }
        _ => Err(e),
    }
}

pub async fn declare(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfUpload(f, upload): CsrfUpload<DeclarationForm>,
) -> Result<Response, AppError> {
    let ctx = att::context(&state, id, aid).await?;
    access::own_attendance(&state.store, &who.user, &ctx.cohort).await?;
    if ctx.activity.modality != Modality::Async {
        return Err(AppError::NotFound);
    }
    if !ctx.cohort.status.is_editable() {
        return Err(AppError::Refused("cohort_closed"));
    }
    if ctx.activity.starts_at > now() {
        return Err(AppError::Refused("not_open_yet"));
    }
    let mut parsed = parse_declaration(&f, upload.is_some());
    if let Some(Err(invalid)) = upload.as_ref().map(att::check_document) {
        let mut e = parsed.err().unwrap_or_default();
        e.add("document", invalid);
        parsed = Err(e);
    }
    match parsed {
        Ok((evidence, minutes)) => {
            // Kept only once everything else is accepted: no file without its mark.
            let document = match &upload {
                Some(u) => Some(att::keep_document(&state.store, id, who.user.id, u).await?),
                None => None,
            };
            att::mark(
                &state.store,
                &ctx.activity,
                None,
                who.user.id,
                Kind::Declared,
                Channel::Trainee,
                who.user.id,
                Extra {
                    note: Some(evidence).filter(|t| !t.is_empty()),
                    minutes,
                    document,
                    ..Extra::default()
                },
            )
            .await?;
            Ok(done(
                &format!("/cohorts/{id}/activities/{aid}/declaration"),
                "declared",
            ))
        }
        Err(e) => my_activity_page(&state, &who, &ctx, f, &e, None).await,
    }
}

/// Each trainee's validation (a trainee sees their own).
pub async fn validation(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let only = (!who.user.role.is_staff()).then_some(who.user.id);
    let t = trainings::get(s, c.training_id).await?;
    let rules = att::rules_of(s, &t).await?;
    let list = att::validations(s, &c, only, now()).await?;
    let trainer = people::get(s, who.user.id).await?;
    page(
        &state,
        &who.ctx,
        "validation.html",
        context! { cohort => c, training => t, list => list, rules => context! {
        in_person => rules.min_percent[0], synchronous => rules.min_percent[1],
        asynchronous => rules.min_percent[2], threshold => rules.threshold,
        mandatory => rules.mandatory_steps, evaluation => rules.evaluation },
        staff => trainer.role.is_staff() },
        false,
    )
}

/// A document given with a mark: to the cohort's staff, and to the trainee who gave it.
pub async fn document(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path((id, doc)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let (d, body) = record::document(s, doc).await?;
    let mine = d.user_id == who.user.id;
    if d.cohort_id != c.id || !(mine || who.user.role.is_staff()) {
        return Err(AppError::NotFound);
    }
    let ascii: String = d
        .name
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() || ".-_".contains(ch) {
                ch
            } else {
                '_'
            }
        })
        .collect();
    let encoded =
        percent_encoding::utf8_percent_encode(&d.name, percent_encoding::NON_ALPHANUMERIC);
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    Ok((
        [
            (header::CONTENT_TYPE, d.content_type.clone()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response())
}

/// The sheet as a PDF (A4, fonts embedded, tagged): the attendance sheet of a half-day, the
/// record of a virtual half-day, or the completion record of an asynchronous activity, with the
/// fingerprint of the events behind it.
pub async fn sheet_pdf(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    Query(q): Query<SlotQuery>,
) -> Result<Response, AppError> {
    let d = load(&state, &who, id, aid, &q.slot).await?;
    let c = &d.ctx;
    let filename = documents::filename(
        &c.training,
        &c.cohort,
        &documents::Which::Sheet {
            activity_id: aid,
            slot: d.slot.map(|s| s.key()),
        },
    );
    let doc = documents::sheet(
        &state.store,
        who.ctx.lang,
        &c.cohort,
        &c.training,
        &c.activity,
        &c.steps,
        d.slot,
    )
    .await?;
    super::pdf_response(
        move || hybride_docs::record_pdf(&doc),
        filename,
        format!("attendance sheet of activity {aid}"),
    )
    .await
}

/// A trainee's certificat de réalisation: identity, training, dates, hours per modality planned
/// and achieved, validation status. For the cohort's staff, and for the trainee herself.
pub async fn certificate_pdf(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path((id, user)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    super::trainee_pdf(
        &state,
        &who,
        id,
        documents::Which::Certificate { user_id: user },
    )
    .await
}

/// The sheet as CSV (UTF-8 with a byte-order mark and `;`, as French spreadsheets open it): the
/// same table as the PDF.
pub async fn sheet_csv(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    Query(q): Query<SlotQuery>,
) -> Result<Response, AppError> {
    sheet_table_file(&state, &who, id, aid, &q.slot, documents::Spreadsheet::Csv).await
}

/// The sheet as an Excel workbook: the same table as the PDF.
pub async fn sheet_xlsx(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    Query(q): Query<SlotQuery>,
) -> Result<Response, AppError> {
    sheet_table_file(&state, &who, id, aid, &q.slot, documents::Spreadsheet::Xlsx).await
}

async fn sheet_table_file(
    state: &AppState,
    who: &Allowed<Staff>,
    id: i64,
    aid: i64,
    slot: &str,
    kind: documents::Spreadsheet,
) -> Result<Response, AppError> {
    let d = load(state, who, id, aid, slot).await?;
    let s = &state.store;
    let c = &d.ctx;
    let rules = att::rules_of(s, &c.training).await?;
    let sheet = att::sheet(s, &c.cohort, &c.activity, &c.steps, d.slot, &rules).await?;
    let (headers, _, rows) = documents::sheet_table(who.ctx.lang, c.activity.modality, &sheet);
    let name = format!(
        "emargement-{}-{}-{}",
        c.training.dispositif_id,
        aid,
        d.slot
            .map(|s| s.key())
            .unwrap_or_else(|| "asynchrone".into())
    );
    crate::render::spreadsheet_response(kind, &name, &headers, &rows)
}
