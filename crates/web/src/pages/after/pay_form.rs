//! Each trainer's pay form: the page, its PDF, lump sums and the trainer's pay profile.

use super::*;

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
                    edit_profile => access::state_pay_profile(&who.user, p.trainer.id).is_ok(),
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
    super::super::pdf_response(
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
    pub(super) trainer: String,
    #[serde(default)]
    pub(super) kind: String,
    #[serde(default)]
    pub(super) amount: String,
    #[serde(default)]
    pub(super) note: String,
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
            hybride_training::pay::add_lump(s, id, trainer, &lump, who.user.id).await?;
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
    hybride_training::pay::delete_lump(s, id, lump).await?;
    Ok(done(&format!("/cohorts/{id}/pay"), "lump-removed"))
}

#[derive(Deserialize, Default, serde::Serialize)]
pub struct ProfileForm {
    #[serde(default)]
    pub(super) status: String,
    #[serde(default)]
    pub(super) grade: String,
    #[serde(default)]
    pub(super) employer: String,
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
    access::state_pay_profile(&who.user, trainer)?;
    if !cohorts::is_trainer(s, id, trainer).await? {
        return Err(AppError::NotFound);
    }
    match parse_profile(&f) {
        Ok((status, grade, employer)) => {
            hybride_training::pay::set_profile(s, trainer, status, &grade, &employer).await?;
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
