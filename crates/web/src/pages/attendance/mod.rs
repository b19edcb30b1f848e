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
use hybride_training::attendance::{self as att, Context, Extra};
use hybride_training::cohorts;
use hybride_training::documents;
use hybride_training::i18n::slot_label;
use hybride_training::{now, people, trainings};
use minijinja::context;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

mod countersign;
mod declarations;
use declarations::my_activity_page;
mod files;
mod signing;

pub use countersign::countersign;
pub use declarations::{declaration_form, declare, DeclarationForm};
pub use files::{certificate_pdf, document, sheet_csv, sheet_pdf, sheet_xlsx, validation};
pub use signing::{absence, present, qr_form, qr_sign, sign_code, sign_form};

pub const DEVICE_COOKIE: &str = "hybride_device";

#[derive(Deserialize, Default)]
pub struct SlotQuery {
    #[serde(default)]
    slot: String,
    #[serde(default)]
    ok: String,
    #[serde(default)]
    error: String,
    /// The trainee whose correction was refused on its time, with what was typed (the row's
    /// form shows them again, with the message on its field).
    #[serde(default)]
    user: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    time: String,
}

/// Errors a sheet may show after a refused correction.
const SHEET_ERRORS: &[&str] = &[
    "already-signed",
    "not-signed",
    "no-absence",
    "reason-required",
    "time-invalid",
    "time-outside",
    "time-future",
    "unknown-trainee",
    "closed",
    "already-countersigned",
    "countersign-early",
    "sheet-changed",
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
                flags => 0 },
            );
            continue;
        }
        for slot in slots {
            let sheet = att::sheet(s, &c, &a, &steps, Some(slot), &rules).await?;
            rows.push(
                context! { a => a, slot => slot.key(), label => slot_label(who.ctx.lang, &slot),
                signed => sheet.signed, total => sheet.total, absent => sheet.absent,
                countersigning => sheet.countersigning, flags => sheet.flags.len() },
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
            let secret = att::signing_secret(s, c.activity.id).await?;
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
    let lang = who.ctx.lang;
    let countersignatures: Vec<Vec<String>> = sheet
        .countersignatures
        .iter()
        .map(|cs| att::countersignature_words(lang, cs))
        .collect();
    Ok(context! {
        corrections => att::corrections_words(lang, &sheet),
        countersignatures => countersignatures,
        countersigning_words => att::countersigning_words(lang, &sheet),
        may_countersign => can_countersign && sheet.awaits(who.user.id),
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
    // A refused time or early countersignature is told on its field too.
    let mark_error = error
        .as_ref()
        .filter(|_| q.error.starts_with("time-"))
        .and_then(|e| {
            let user: i64 = q.user.parse().ok()?;
            let action = ["late", "early"].into_iter().find(|a| *a == q.action)?;
            let time: String = q.time.chars().take(12).collect();
            Some(context! { user => user, action => action, time => time, key => e })
        });
    let countersign_error = error.clone().filter(|_| q.error == "countersign-early");
    data = context! { error => error, ok => ok, mark_error => mark_error,
    countersign_error => countersign_error, ..data };
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
        Err(e) if e.starts_with("time-") => {
            let time: String = f.time.chars().take(12).collect();
            let to = format!(
                "{}&error={e}&user={user}&action={}&time={}#f-time-{user}",
                sheet_url(id, aid, &key),
                utf8_percent_encode(&f.action, NON_ALPHANUMERIC),
                utf8_percent_encode(&time, NON_ALPHANUMERIC),
            );
            return Ok(Redirect::to(&to).into_response());
        }
        Err(e) => return Ok(back(id, aid, &key, e)),
    }
    Ok(done(
        &format!("{}#h-sheet", sheet_url(id, aid, &key)),
        "marked",
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
    let events = att::of_subject(s, aid, user).await?;
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
    let events = att::of_activity(s, aid).await?;
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

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/cohorts/{id}/attendance", get(overview))
        .route("/cohorts/{id}/validation", get(validation))
        .route(
            "/cohorts/{id}/certificates/{user}/certificat.pdf",
            get(certificate_pdf),
        )
        .route("/cohorts/{id}/documents/{doc}", get(document))
        .route("/cohorts/{id}/activities/{aid}/attendance", get(sheet))
        .route("/cohorts/{id}/activities/{aid}/attendance/live", get(live))
        .route(
            "/cohorts/{id}/activities/{aid}/attendance.pdf",
            get(sheet_pdf),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance.csv",
            get(sheet_csv),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance.xlsx",
            get(sheet_xlsx),
        )
        .route("/cohorts/{id}/activities/{aid}/attendance/mark", post(mark))
        .route(
            "/cohorts/{id}/activities/{aid}/attendance/countersign",
            post(countersign),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance/capacity",
            post(set_capacity),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/attendance/import",
            post(import_completions),
        )
        .route(
            "/cohorts/{id}/activities/{aid}/declarations/{user}",
            post(decide),
        )
        .route("/cohorts/{id}/activities/{aid}/present", post(present))
        .route("/cohorts/{id}/activities/{aid}/absence", post(absence))
        .route(
            "/cohorts/{id}/activities/{aid}/declaration",
            get(declaration_form).post(declare),
        )
        .route("/sign", get(sign_form).post(sign_code))
        .route("/sign/{aid}/{slot}/{token}", get(qr_form).post(qr_sign))
}
