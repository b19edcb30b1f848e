//! Validation standings and the attendance documents as files: PDF, CSV, Excel.

use super::*;

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
        staff => trainer.role.is_staff(),
        certificates => super::super::after::certificates_of(s, &c, list.iter().map(|v| v.user_id)).await? },
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
    let (d, body) = att::document(s, doc).await?;
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
    super::super::pdf_response(
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
    super::super::trainee_pdf(
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
