//! What a training keeps after its cohorts end: how long contents stay available, and its
//! pay band.

use super::*;

#[derive(Deserialize, Default, serde::Serialize)]
pub struct AfterForm {
    #[serde(default)]
    pub(super) pay_band: String,
    #[serde(default)]
    pub(super) contents_months: String,
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
    let recommended = hybride_training::courses::recommended(&state.store, t.id).await?;
    let available: Vec<_> = hybride_training::courses::list(&state.store)
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
    let a = after::training_after(&state.store, id).await?;
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
            after::set_training_after(&state.store, id, a).await?;
            Ok(done(&format!("/trainings/{id}/after"), "after-saved"))
        }
        Err(e) => after_page(&state, &who, &t, &f, Some(&e), String::new()).await,
    }
}
