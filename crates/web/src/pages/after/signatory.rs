//! The signatory of the certificats de réalisation (admins): the EAFC's director, or a delegate,
//! by name and title; those named before, kept.

use super::*;
use hybride_domain::certificate::{Capacity, Signatory};
use hybride_training::certificates;

#[derive(Deserialize, Default, Clone, serde::Serialize)]
pub struct SignatoryForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    capacity: String,
}

#[derive(Deserialize, Default)]
pub struct SignatoryQuery {
    #[serde(default)]
    ok: String,
}

async fn signatory_page(
    state: &AppState,
    who: &Allowed<Admins>,
    form: &SignatoryForm,
    errors: Option<&FieldErrors>,
    ok: String,
) -> Result<Response, AppError> {
    let s = &state.store;
    let mut history = Vec::new();
    for n in certificates::history(s).await? {
        let by = match n.set_by {
            Some(id) => Some(hybride_training::people::get(s, id).await?.display_name()),
            None => None,
        };
        history.push(context! { n => n, by => by });
    }
    page(
        state,
        &who.ctx,
        "signatory.html",
        context! {
            values => form,
            capacities => Capacity::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            history => history,
            errors => errors.map(|e| field_errors(&who.ctx, e)).unwrap_or_default(),
            flash => flash(&Flash { ok }),
        },
        errors.is_some(),
    )
}

/// The signatory now, and those before.
pub async fn signatory_form(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    Query(q): Query<SignatoryQuery>,
) -> Result<Response, AppError> {
    let form = match certificates::current(&state.store).await? {
        Some(n) => SignatoryForm {
            name: n.name,
            title: n.title,
            capacity: n.capacity.as_str().to_owned(),
        },
        None => SignatoryForm {
            capacity: Capacity::Director.as_str().to_owned(),
            ..SignatoryForm::default()
        },
    };
    signatory_page(&state, &who, &form, None, q.ok).await
}

/// Names the signatory from now on, every field checked.
pub async fn save_signatory(
    State(state): State<AppState>,
    who: Allowed<Admins>,
    CsrfForm(f): CsrfForm<SignatoryForm>,
) -> Result<Response, AppError> {
    match Signatory::parse(&f.name, &f.title, &f.capacity) {
        Ok(signatory) => {
            certificates::name_signatory(&state.store, &signatory, &who.user).await?;
            Ok(done("/settings/signatory", "signatory-saved"))
        }
        Err(e) => signatory_page(&state, &who, &f, Some(&e), String::new()).await,
    }
}
