//! A trainee declares her asynchronous work (a text, a link, a file).

use super::*;

#[derive(Deserialize, Serialize, Default, Clone)]
pub struct DeclarationForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    link: String,
    #[serde(default)]
    minutes: String,
}

pub(super) async fn my_activity_page(
    state: &AppState,
    who: &Allowed<Trainees>,
    ctx: &Context,
    form: DeclarationForm,
    errors: &FieldErrors,
    ok: Option<String>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let a = &ctx.activity;
    let events = att::of_subject(s, a.id, who.user.id).await?;
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
            form => form, errors => super::super::field_errors(&who.ctx, errors), flash => ok,
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
