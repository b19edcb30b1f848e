//! The trainer countersigns a half-day (the use case is `hybride_training::attendance::
//! countersign`): what they read, and before the half-day's end, why.

use super::*;

#[derive(Deserialize, Serialize, Default)]
pub struct CountersignForm {
    #[serde(default)]
    slot: String,
    /// The fingerprint of the sheet the trainer read: what the countersignature attests.
    #[serde(default)]
    seen: String,
    /// Why before the half-day's end (required then).
    #[serde(default)]
    reason: String,
}

/// The trainer countersigns a half-day, or countersigns it again after corrections.
pub async fn countersign(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, aid)): Path<(i64, i64)>,
    CsrfForm(f): CsrfForm<CountersignForm>,
) -> Result<Response, AppError> {
    let d = load(&state, &who, id, aid, &f.slot).await?;
    let s = &state.store;
    access::countersign(s, &who.user, &d.ctx.cohort).await?;
    let Some(slot) = d.slot else {
        return Err(AppError::NotFound);
    };
    let key = slot.key();
    let c = &d.ctx;
    match att::countersign(
        s,
        &c.cohort,
        &c.activity,
        slot,
        who.user.id,
        &f.seen,
        &f.reason,
    )
    .await?
    {
        Ok(_) => Ok(done(
            &format!("{}#h-countersign", sheet_url(id, aid, &key)),
            "countersigned",
        )),
        Err("countersign-early") => Ok(Redirect::to(&format!(
            "{}&error=countersign-early#f-countersign-reason",
            sheet_url(id, aid, &key)
        ))
        .into_response()),
        Err(e) => Ok(back(id, aid, &key, e)),
    }
}
