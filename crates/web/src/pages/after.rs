//! After the training, in pages: the cohort's documents and their bundle, marking it as
//! transmitted, the trainers' pay forms (lump sums, statut), the académie's pay rates, and
//! what a training sets for its end (pay level, how long contents stay available).

use super::{done, field_errors, flash, page, Flash};
use crate::access::{self, Admins, Staff};
use crate::auth::Allowed;
use crate::csrf::CsrfForm;
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use hybride_domain::pay::{self, Band, Lump, LumpKind, Rates, HOURLY_FIELDS, LUMP_FIELDS};
use hybride_domain::{CohortStatus, FieldErrors, Invalid, Role};
use hybride_store::after::{self as store, TrainingAfter};
use hybride_store::cohorts::{self, Cohort};
use hybride_store::people::User;
use hybride_store::trainings::{self, Training};
use hybride_store::Store;
use hybride_training::documents;
use minijinja::context;
use serde::Deserialize;

/// Whose pay forms `user` may read in cohort `c`: a trainer only theirs, planners every one.
fn pay_viewer(user: &User) -> Option<i64> {
    (user.role == Role::Trainer).then_some(user.id)
}

async fn staff_cohort(
    s: &Store,
    who: &Allowed<Staff>,
    id: i64,
) -> Result<(Cohort, Training), AppError> {
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    Ok((c, t))
}

fn is_closed(c: &Cohort) -> bool {
    matches!(c.status, CohortStatus::Closed | CohortStatus::Archived)
}

/// The documents a person may take away: every one, except other trainers' pay forms for a
/// trainer.
pub async fn visible_documents(
    s: &Store,
    user: &User,
    lang: hybride_training::i18n::Lang,
    c: &Cohort,
    t: &Training,
) -> Result<Vec<documents::Entry>, AppError> {
    Ok(documents::list(s, lang, c, t, pay_viewer(user)).await?)
}

#[derive(Deserialize, Default)]
pub struct DocumentsQuery {
    #[serde(default)]
    ok: String,
    #[serde(default)]
    error: String,
}

/// The cohort's documents, its "after" checklist, the bundle and its transmissions.
pub async fn documents_page(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    Query(q): Query<DocumentsQuery>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (c, t) = staff_cohort(s, &who, id).await?;
    let lang = who.ctx.lang;
    let entries = visible_documents(s, &who.user, lang, &c, &t).await?;
    let items = hybride_training::checklist::after(s, &c, &t).await?;
    let mut transmissions = Vec::new();
    for x in store::transmissions(s, id).await? {
        let by = hybride_store::people::get(s, x.user_id)
            .await?
            .display_name();
        transmissions.push(context! { x => x, by => by });
    }
    let groups: Vec<minijinja::Value> = [
        "sheets",
        "certificates",
        "declarations",
        "pay",
        "convocations",
        "scenario",
    ]
        .iter()
        .map(|g| {
            context! { key => g, entries => entries.iter().filter(|e| e.group == *g).collect::<Vec<_>>() }
        })
        .collect();
    let error = ["not-closed"]
        .iter()
        .find(|k| **k == q.error)
        .map(|k| format!("documents-error-{k}"));
    page(
        &state,
        &who.ctx,
        "documents.html",
        context! {
            cohort => c,
            training => t,
            groups => groups,
            count => entries.len(),
            items => hybride_training::before::show(lang, &c, &items),
            until => hybride_training::after::contents_until(s, &c).await?.to_string(),
            closed => is_closed(&c),
            can_transmit => access::take_attendance(s, &who.user, &c).await.is_ok(),
            transmissions => transmissions,
            recommended => hybride_store::courses::recommended(s, t.id).await?,
            closings => hybride_store::courses::closing_messages(s, id).await?,
            flash => flash(&Flash { ok: q.ok }),
            error => error,
        },
        false,
    )
}

/// Every document of the cohort in one zip, ready for the training service.
pub async fn bundle(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (c, t) = staff_cohort(s, &who, id).await?;
    let b = build_bundle(s, &who.user, who.ctx.lang, &c, &t).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", b.filename),
            ),
        ],
        b.zip,
    )
        .into_response())
}

/// The bundle as `user` may take it (a trainer's holds only their own pay form).
pub async fn build_bundle(
    s: &Store,
    user: &User,
    lang: hybride_training::i18n::Lang,
    c: &Cohort,
    t: &Training,
) -> Result<documents::Bundle, AppError> {
    Ok(documents::bundle(s, lang, c, t, pay_viewer(user), |_, _| {}).await?)
}

#[derive(Deserialize, Default)]
pub struct TransmitForm {
    #[serde(default)]
    note: String,
}

/// Marks the cohort's documents as sent to the training service: the bundle is built now and
/// its fingerprint kept, so that a later change of the record shows.
pub async fn transmit(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<TransmitForm>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (c, t) = staff_cohort(s, &who, id).await?;
    access::take_attendance(s, &who.user, &c).await?;
    if !is_closed(&c) {
        return Ok(axum::response::Redirect::to(&format!(
            "/cohorts/{id}/documents?error=not-closed"
        ))
        .into_response());
    }
    let note = f.note.trim();
    if note.chars().count() > 500 {
        return Err(AppError::BadRequest("note: 500 characters at most".into()));
    }
    let b = build_bundle(s, &who.user, who.ctx.lang, &c, &t).await?;
    store::add_transmission(
        s,
        id,
        who.user.id,
        &b.sha256,
        b.documents as i64,
        b.events_seq,
        note,
    )
    .await?;
    Ok(done(&format!("/cohorts/{id}/documents"), "transmitted"))
}

#[derive(Deserialize, Default)]
pub struct PayQuery {
    #[serde(default)]
    ok: String,
}

async fn pay_page_with(
    state: &AppState,
    who: &Allowed<Staff>,
    c: &Cohort,
    t: &Training,
    ok: String,
    lump_form: minijinja::Value,
    profile_form: minijinja::Value,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (forms, led, rates, after) =
        hybride_training::pay::pay_forms(s, c, t, pay_viewer(&who.user)).await?;
    let manage = access::manage_training(&who.user, t).is_ok();
    let invalid = !lump_form.is_undefined() || !profile_form.is_undefined();
    let titles: std::collections::HashMap<(i64, String), String> = led
        .iter()
        .map(|h| ((h.activity_id, h.slot.clone()), h.title.clone()))
        .collect();
    page(
        state,
        &who.ctx,
        "pay.html",
        context! {
            cohort => c,
            training => t,
            forms => forms.iter().map(|p| {
                let lines: Vec<minijinja::Value> = p.form.lines.iter().map(|l| {
                    let title = match (&l.slot, l.activity_id) {
                        (Some(k), Some(a)) => titles.get(&(a, k.clone())).cloned(),
                        _ => None,
                    };
                    context! { l => l, title => title, rate => pay::euros(l.rate_cents), amount => pay::euros(l.amount_cents),
                        minutes => hybride_training::i18n::duration(l.minutes), paid => hybride_training::i18n::duration(l.paid_minutes) }
                }).collect();
                context! {
                    p => p,
                    lines => lines,
                    delivered => hybride_training::i18n::duration(p.form.delivered_minutes),
                    paid => hybride_training::i18n::duration(p.form.paid_minutes),
                    total => pay::euros(p.form.total_cents),
                    formation => pay::euros(p.form.formation_cents),
                    lumps => pay::euros(p.form.lumps_cents),
                    mine => p.trainer.id == who.user.id,
                    edit_profile => p.trainer.id == who.user.id || who.user.role == Role::Admin,
                    lump_ids => p.lump_ids,
                }
            }).collect::<Vec<_>>(),
            band => after.pay_band.as_str(),
            rate => pay::euros(rates.hourly(after.pay_band)),
            coanimation => pay::per_mille_words(rates.coanimation_per_mille),
            lump_defaults => LumpKind::ALL.iter().map(|k| context! {
                kind => k.as_str(),
                amount => pay::euros(rates.lump(*k)),
                range => { let (lo, hi) = k.range(); format!("{} – {}", pay::euros(lo), pay::euros(hi)) },
            }).collect::<Vec<_>>(),
            statuses => pay::TrainerStatus::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            manage => manage,
            not_countersigned => led.iter().filter(|h| !h.countersigned && h.modality == hybride_domain::Modality::InPerson).count(),
            lump_form => lump_form,
            profile_form => profile_form,
            flash => flash(&Flash { ok }),
        },
        invalid,
    )
}

/// The trainers' pay forms: hours led from the attendance record, the co-animation rule, lump
/// sums, totals.
pub async fn pay_page(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    Query(q): Query<PayQuery>,
) -> Result<Response, AppError> {
    let (c, t) = staff_cohort(&state.store, &who, id).await?;
    pay_page_with(
        &state,
        &who,
        &c,
        &t,
        q.ok,
        minijinja::Value::UNDEFINED,
        minijinja::Value::UNDEFINED,
    )
    .await
}

/// One trainer's pay form as a PDF.
pub async fn pay_pdf(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, trainer)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (c, t) = staff_cohort(s, &who, id).await?;
    if pay_viewer(&who.user).is_some_and(|me| me != trainer) {
        return Err(AppError::NotFound);
    }
    let doc = documents::pay_form(s, who.ctx.lang, &c, &t, trainer)
        .await?
        .ok_or(AppError::NotFound)?;
    super::pdf_response(
        move || hybride_docs::record_pdf(&doc),
        documents::filename(
            &t,
            &c,
            &documents::Which::Pay {
                trainer_id: trainer,
            },
        ),
        format!("pay form of trainer {trainer} in cohort {id}"),
    )
    .await
}

#[derive(Deserialize, Default, serde::Serialize)]
pub struct LumpForm {
    #[serde(default)]
    trainer: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    note: String,
}

/// Reads a lump sum form: the trainer, the kind, an amount inside the arrêté's range, a note.
pub fn parse_lump(f: &LumpForm) -> Result<(i64, Lump), FieldErrors> {
    let mut e = FieldErrors::new();
    let trainer = e.check(
        "trainer",
        f.trainer
            .trim()
            .parse::<i64>()
            .map_err(|_| Invalid::new("error-pay-trainer")),
    );
    let kind = e.check("kind", LumpKind::parse(&f.kind));
    let amount = e.check("amount", pay::parse_euros(&f.amount));
    if let (Some(k), Some(a)) = (kind, amount) {
        if let Err(x) = pay::within(a, k.range()) {
            e.add("amount", x);
        }
    }
    let note = f.note.trim();
    if note.chars().count() > 300 {
        e.add("note", Invalid::with("error-too-long", 300));
    }
    match (trainer, kind, amount) {
        (Some(t), Some(kind), Some(cents)) if e.is_empty() => Ok((
            t,
            Lump {
                kind,
                cents,
                note: note.to_owned(),
            },
        )),
        _ => Err(e),
    }
}

/// Grants a lump sum (ingénierie, accompagnement) to a trainer: the training's pilot or admins.
pub async fn add_lump(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<LumpForm>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (c, t) = staff_cohort(s, &who, id).await?;
    access::manage_training(&who.user, &t)?;
    match parse_lump(&f) {
        Ok((trainer, lump)) => {
            store::add_lump(s, id, trainer, &lump, who.user.id).await?;
            Ok(done(&format!("/cohorts/{id}/pay"), "lump-added"))
        }
        Err(e) => {
            let errors = field_errors(&who.ctx, &e);
            pay_page_with(
                &state,
                &who,
                &c,
                &t,
                String::new(),
                context! { values => f, errors => errors },
                minijinja::Value::UNDEFINED,
            )
            .await
        }
    }
}

/// Removes a lump sum.
pub async fn delete_lump(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, lump)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<TransmitForm>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (_, t) = staff_cohort(s, &who, id).await?;
    access::manage_training(&who.user, &t)?;
    store::delete_lump(s, id, lump).await?;
    Ok(done(&format!("/cohorts/{id}/pay"), "lump-removed"))
}

#[derive(Deserialize, Default, serde::Serialize)]
pub struct ProfileForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    grade: String,
    #[serde(default)]
    employer: String,
}

/// Reads a trainer's statut: one of the list, a grade and an employer of 200 characters at most.
pub fn parse_profile(f: &ProfileForm) -> Result<(pay::TrainerStatus, String, String), FieldErrors> {
    let mut e = FieldErrors::new();
    let status = e.check("status", pay::TrainerStatus::parse(&f.status));
    let mut text = |field: &'static str, raw: &str| {
        let v = raw.trim();
        if v.chars().count() > 200 {
            e.add(field, Invalid::with("error-too-long", 200));
        }
        if v.chars().any(char::is_control) {
            e.add(field, Invalid::new("error-control-characters"));
        }
        v.to_owned()
    };
    let grade = text("grade", &f.grade);
    let employer = text("employer", &f.employer);
    match status {
        Some(st) if e.is_empty() => Ok((st, grade, employer)),
        _ => Err(e),
    }
}

/// A trainer states their statut for the pay service (admins may do it for them).
pub async fn set_profile(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, trainer)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<ProfileForm>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (c, t) = staff_cohort(s, &who, id).await?;
    if who.user.id != trainer && who.user.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    if !cohorts::is_trainer(s, id, trainer).await? {
        return Err(AppError::NotFound);
    }
    match parse_profile(&f) {
        Ok((status, grade, employer)) => {
            store::set_pay_profile(s, trainer, status, &grade, &employer).await?;
            Ok(done(&format!("/cohorts/{id}/pay"), "profile-saved"))
        }
        Err(e) => {
            let errors = field_errors(&who.ctx, &e);
            pay_page_with(
                &state,
                &who,
                &c,
                &t,
                String::new(),
                minijinja::Value::UNDEFINED,
                context! { trainer => trainer, values => f, errors => errors },
            )
            .await
        }
    }
}

/// The académie's pay rates form, as typed (euros) or as stored.
#[derive(Deserialize, Default, serde::Serialize)]
pub struct RatesForm {
    #[serde(default)]
    hourly_initiation: String,
    #[serde(default)]
    hourly_deepening: String,
    #[serde(default)]
    hourly_expertise: String,
    #[serde(default)]
    hourly_lecture: String,
    #[serde(default)]
    hourly_exceptional_lecture: String,
    #[serde(default)]
    lump_engineering: String,
    #[serde(default)]
    lump_tutoring: String,
    #[serde(default)]
    coanimation: String,
}

impl RatesForm {
    fn of(r: &Rates) -> RatesForm {
        let e = |c: i64| {
            let s = pay::euros(c);
            s.trim_end_matches('€').trim().replace('\u{202f}', "")
        };
        RatesForm {
            hourly_initiation: e(r.hourly[0]),
            hourly_deepening: e(r.hourly[1]),
            hourly_expertise: e(r.hourly[2]),
            hourly_lecture: e(r.hourly[3]),
            hourly_exceptional_lecture: e(r.hourly[4]),
            lump_engineering: e(r.lumps[0]),
            lump_tutoring: e(r.lumps[1]),
            coanimation: pay::per_mille_words(r.coanimation_per_mille),
        }
    }

    fn hourly(&self) -> [&str; 5] {
        [
            &self.hourly_initiation,
            &self.hourly_deepening,
            &self.hourly_expertise,
            &self.hourly_lecture,
            &self.hourly_exceptional_lecture,
        ]
    }
}

/// Reads the rates form: every amount in euros inside the arrêté's range, the co-animation rule
/// as hours per hour (`1,5`).
pub fn parse_rates(f: &RatesForm) -> Result<Rates, FieldErrors> {
    let mut e = FieldErrors::new();
    let mut r = Rates::default();
    for (i, (raw, field)) in f.hourly().into_iter().zip(HOURLY_FIELDS).enumerate() {
        if let Some(v) = e.check(field, pay::parse_euros(raw)) {
            r.hourly[i] = v;
        }
    }
    for (i, (raw, field)) in [&f.lump_engineering, &f.lump_tutoring]
        .into_iter()
        .zip(LUMP_FIELDS)
        .enumerate()
    {
        if let Some(v) = e.check(field, pay::parse_euros(raw)) {
            r.lumps[i] = v;
        }
    }
    // `1,5` hours per hour: the same reading as an amount, in thousandths.
    match pay::parse_euros(&f.coanimation) {
        Ok(hundredths) => r.coanimation_per_mille = hundredths * 10,
        Err(_) => e.add("coanimation", Invalid::new("error-pay-coanimation-range")),
    }
    if e.is_empty() {
        if let Err(more) = r.check() {
            e = more;
        }
    }
    if e.is_empty() {
        Ok(r)
    } else {
        Err(e)
    }
}

fn rates_page(
    state: &AppState,
    who: &Allowed<Admins>,
    values: &RatesForm,
    errors: Option<&FieldErrors>,
    ok: String,
) -> Result<Response, AppError> {
    page(
        state,
        &who.ctx,
        "pay_rates.html",
        context! {
            values => values,
            errors => errors.map(|e| field_errors(&who.ctx, e)).unwrap_or_default(),
            bands => Band::ALL.iter().zip(HOURLY_FIELDS).map(|(b, f)| {
                let (lo, hi) = b.range();
                context! { band => b.as_str(), field => f, range => format!("{} – {}", pay::euros(lo), pay::euros(hi)) }
            }).collect::<Vec<_>>(),
            lumps => LumpKind::ALL.iter().zip(LUMP_FIELDS).map(|(k, f)| {
                let (lo, hi) = k.range();
                context! { kind => k.as_str(), field => f, range => format!("{} – {}", pay::euros(lo), pay::euros(hi)) }
            }).collect::<Vec<_>>(),
            flash => flash(&Flash { ok }),
        },
        errors.is_some(),
    )
}

/// The académie's pay rates: admins.
pub async fn rates_form(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Query(q): Query<PayQuery>,
) -> Result<Response, AppError> {
    let r = store::pay_rates(&state.store).await?;
    rates_page(&state, &who, &RatesForm::of(&r), None, q.ok)
}

pub async fn save_rates(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<RatesForm>,
) -> Result<Response, AppError> {
    match parse_rates(&f) {
        Ok(r) => {
            store::set_pay_rates(&state.store, &r).await?;
            Ok(done("/settings/pay", "rates-saved"))
        }
        Err(e) => rates_page(&state, &who, &f, Some(&e), String::new()),
    }
}

#[derive(Deserialize, Default, serde::Serialize)]
pub struct AfterForm {
    #[serde(default)]
    pay_band: String,
    #[serde(default)]
    contents_months: String,
}

/// Reads what a training sets for its end: a pay band, and 1 to 120 months of contents.
pub fn parse_after(f: &AfterForm) -> Result<TrainingAfter, FieldErrors> {
    let mut e = FieldErrors::new();
    let band = e.check("pay_band", Band::parse(&f.pay_band));
    let months = e.check(
        "contents_months",
        f.contents_months
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|m| (1..=120).contains(m))
            .ok_or_else(|| Invalid::with("error-contents-months", f.contents_months.trim())),
    );
    match (band, months) {
        (Some(pay_band), Some(contents_months)) => Ok(TrainingAfter {
            pay_band,
            contents_months,
        }),
        _ => Err(e),
    }
}

async fn after_page(
    state: &AppState,
    who: &Allowed<Staff>,
    t: &Training,
    values: &AfterForm,
    errors: Option<&FieldErrors>,
    ok: String,
) -> Result<Response, AppError> {
    let recommended = hybride_store::courses::recommended(&state.store, t.id).await?;
    let available: Vec<_> = hybride_store::courses::list(&state.store)
        .await?
        .into_iter()
        .filter(|c| recommended.iter().all(|r| r.id != c.id))
        .collect();
    let can_recommend = access::edit_scenario(&state.store, &who.user, t)
        .await
        .is_ok();
    page(
        state,
        &who.ctx,
        "training_after.html",
        context! {
            training => t,
            values => values,
            errors => errors.map(|e| field_errors(&who.ctx, e)).unwrap_or_default(),
            bands => Band::ALL.iter().map(|b| b.as_str()).collect::<Vec<_>>(),
            manage => access::manage_training(&who.user, t).is_ok(),
            recommended => recommended,
            available => available,
            can_recommend => can_recommend,
            flash => flash(&Flash { ok }),
        },
        errors.is_some(),
    )
}

/// A training's end: pay level and how long contents stay available.
pub async fn training_after(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    Query(q): Query<PayQuery>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::see_training(&state.store, &who.user, &t).await?;
    let a = store::training_after(&state.store, id).await?;
    let values = AfterForm {
        pay_band: a.pay_band.as_str().to_owned(),
        contents_months: a.contents_months.to_string(),
    };
    after_page(&state, &who, &t, &values, None, q.ok).await
}

pub async fn save_training_after(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<AfterForm>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::see_training(&state.store, &who.user, &t).await?;
    access::manage_training(&who.user, &t)?;
    match parse_after(&f) {
        Ok(a) => {
            store::set_training_after(&state.store, id, a).await?;
            Ok(done(&format!("/trainings/{id}/after"), "after-saved"))
        }
        Err(e) => after_page(&state, &who, &t, &f, Some(&e), String::new()).await,
    }
}

/// The opening message as published, as a PDF: for everyone in the cohort.
pub async fn opening_pdf(
    State(state): State<AppState>,
    who: Allowed<crate::access::Anyone>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    let doc = documents::opening(s, who.ctx.lang, &c, &t)
        .await?
        .ok_or(AppError::NotFound)?;
    super::pdf_response(
        move || hybride_docs::record_pdf(&doc),
        documents::filename(&t, &c, &documents::Which::Opening),
        format!("opening message of cohort {id}"),
    )
    .await
}

/// A trainee's convocation as a PDF: for the cohort's staff and the trainee herself.
pub async fn convocation_pdf(
    State(state): State<AppState>,
    who: Allowed<crate::access::Anyone>,
    Path((id, user)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    super::trainee_pdf(
        &state,
        &who,
        id,
        documents::Which::Convocation { user_id: user },
    )
    .await
}

/// The table behind one of the cohort's documents (a certificate, a pay form, a convocation,
/// a trainee's distance work, the opening message), as CSV or Excel: `{file}` is the
/// document's file name with `.csv` or `.xlsx`. The cohort's staff read the documents they may
/// read (a trainer, their own pay form only); a trainee, her own.
pub async fn document_table(
    State(state): State<AppState>,
    who: Allowed<crate::access::Anyone>,
    Path((id, file)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let (stem, kind) = if let Some(stem) = file.strip_suffix(".csv") {
        (stem, documents::Spreadsheet::Csv)
    } else if let Some(stem) = file.strip_suffix(".xlsx") {
        (stem, documents::Spreadsheet::Xlsx)
    } else {
        return Err(AppError::NotFound);
    };
    let t = trainings::get(s, c.training_id).await?;
    let lang = who.ctx.lang;
    let entry = documents::list(s, lang, &c, &t, pay_viewer(&who.user))
        .await?
        .into_iter()
        .find(|e| {
            e.filename.trim_end_matches(".pdf") == stem
                && e.csv_url.as_deref().is_some_and(|u| u.contains("/tables/"))
        })
        .ok_or(AppError::NotFound)?;
    if !who.user.role.is_staff() {
        let hers = documents::trainee_of(&entry.which) == Some(who.user.id)
            || entry.which == documents::Which::Opening;
        if !hers {
            return Err(AppError::NotFound);
        }
    }
    let record = documents::record(s, lang, &c, &t, &entry.which).await?;
    crate::render::spreadsheet_response(kind, stem, &record.headers, &record.rows)
}

/// A trainee's asynchronous work as a PDF: for the cohort's staff and the trainee herself.
pub async fn declarations_pdf(
    State(state): State<AppState>,
    who: Allowed<crate::access::Anyone>,
    Path((id, user)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    super::trainee_pdf(
        &state,
        &who,
        id,
        documents::Which::Declarations { user_id: user },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rates_are_read_field_by_field() {
        let ok = RatesForm::of(&Rates::default());
        assert_eq!(parse_rates(&ok), Ok(Rates::default()));
        let bad = RatesForm {
            hourly_initiation: "45".into(),
            lump_tutoring: "deux cents".into(),
            coanimation: "0,5".into(),
            ..RatesForm::of(&Rates::default())
        };
        let e = parse_rates(&bad).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["lump_tutoring"]);
        let bad = RatesForm {
            hourly_initiation: "45".into(),
            coanimation: "0,5".into(),
            ..RatesForm::of(&Rates::default())
        };
        let fields: Vec<_> = parse_rates(&bad)
            .unwrap_err()
            .0
            .iter()
            .map(|(f, _)| *f)
            .collect();
        assert_eq!(fields, ["hourly_initiation", "coanimation"]);
    }

    proptest! {
        #[test]
        fn pay_forms_never_panic(
            a in ".{0,30}", b in ".{0,30}", c in ".{0,30}", d in ".{0,400}",
        ) {
            let _ = parse_lump(&LumpForm { trainer: a.clone(), kind: b.clone(), amount: c.clone(), note: d.clone() });
            let _ = parse_profile(&ProfileForm { status: a.clone(), grade: d.clone(), employer: c.clone() });
            let _ = parse_after(&AfterForm { pay_band: a.clone(), contents_months: c.clone() });
            let _ = parse_rates(&RatesForm {
                hourly_initiation: a.clone(), hourly_deepening: b.clone(), hourly_expertise: c.clone(),
                hourly_lecture: a, hourly_exceptional_lecture: b, lump_engineering: c.clone(),
                lump_tutoring: d.clone(), coanimation: c,
            });
        }
    }
}
