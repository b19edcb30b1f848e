//! The loop back to the pilot and the free-access courses, in pages: each trainer's review of a
//! cohort with its figures filled in, the pilot's list of reviews, the catalogue of free-access
//! courses (with its spreadsheet import), a training's recommendations, and the closing message
//! that sends them to the cohort's trainees.

use super::{done, field_errors, flash, page, Flash};
use crate::access::{self, Planners, Staff};
use crate::auth::Allowed;
use crate::csrf::{CsrfForm, CsrfUpload};
use crate::error::AppError;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use hybride_domain::{CohortStatus, FieldErrors, LongText};
use hybride_training::after::{self, Figures};
use hybride_training::cohorts::{self, Cohort};
use hybride_training::courses::{self, CourseFields};
use hybride_training::import::show_line_errors;
use hybride_training::outbox::Mail;
use hybride_training::trainings::{self, Training};
use hybride_training::{people, Error};
use minijinja::context;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Default)]
pub struct OkQuery {
    #[serde(default)]
    ok: String,
    #[serde(default)]
    error: String,
}

async fn staff_cohort(
    state: &AppState,
    who: &Allowed<Staff>,
    id: i64,
) -> Result<(Cohort, Training), AppError> {
    let c = cohorts::get(&state.store, id).await?;
    access::see_cohort(&state.store, &who.user, &c).await?;
    let t = trainings::get(&state.store, c.training_id).await?;
    Ok((c, t))
}

#[derive(Deserialize, Serialize, Default)]
pub struct ReviewForm {
    #[serde(default)]
    worked: String,
    #[serde(default)]
    to_change: String,
    #[serde(default)]
    next_year: String,
    /// `save` (a draft) or `submit` (to the pilot).
    #[serde(default)]
    action: String,
}

async fn review_page_with(
    state: &AppState,
    who: &Allowed<Staff>,
    c: &Cohort,
    t: &Training,
    form: Option<(&ReviewForm, &FieldErrors)>,
    ok: String,
) -> Result<Response, AppError> {
    let s = &state.store;
    let figures = hybride_training::after::figures(s, c, t).await?;
    let is_trainer = cohorts::is_trainer(s, c.id, who.user.id).await?;
    let mut others = Vec::new();
    let mut mine = None;
    for r in after::reviews(s, c.id).await? {
        if r.user_id == who.user.id {
            mine = Some(r);
        } else if r.submitted_at.is_some() {
            let name = people::get(s, r.user_id).await?.display_name();
            let f: Figures = serde_json::from_str(&r.figures).unwrap_or_default();
            others.push(context! { r => r, name => name, figures => f });
        }
    }
    let values = match form {
        Some((f, _)) => {
            context! { worked => f.worked, to_change => f.to_change, next_year => f.next_year }
        }
        None => match &mine {
            Some(r) => {
                context! { worked => r.worked, to_change => r.to_change, next_year => r.next_year }
            }
            None => context! { worked => "", to_change => "", next_year => "" },
        },
    };
    page(
        state,
        &who.ctx,
        "review.html",
        context! {
            cohort => c,
            training => t,
            figures => figures,
            is_trainer => is_trainer,
            mine => mine,
            values => values,
            errors => form.map(|(_, e)| field_errors(&who.ctx, e)).unwrap_or_default(),
            others => others,
            flash => flash(&Flash { ok }),
        },
        form.is_some(),
    )
}

/// A trainer's review of the cohort (what worked, what to change, advice for next year), with
/// the figures of the record beside it; the pilot reads the submitted ones.
pub async fn review_page(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    Query(q): Query<OkQuery>,
) -> Result<Response, AppError> {
    let (c, t) = staff_cohort(&state, &who, id).await?;
    review_page_with(&state, &who, &c, &t, None, q.ok).await
}

pub async fn save_review(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<ReviewForm>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (c, t) = staff_cohort(&state, &who, id).await?;
    if !cohorts::is_trainer(s, id, who.user.id).await? {
        return Err(AppError::Forbidden);
    }
    let submit = f.action == "submit";
    let mut e = FieldErrors::new();
    let worked = e.check("worked", LongText::parse(&f.worked));
    let to_change = e.check("to_change", LongText::parse(&f.to_change));
    let next_year = e.check("next_year", LongText::parse(&f.next_year));
    if submit {
        for (field, v) in [("worked", &worked), ("to_change", &to_change)] {
            if v.as_ref().is_some_and(|t| t.as_str().trim().is_empty()) {
                e.add(field, hybride_domain::Invalid::new("error-required"));
            }
        }
    }
    let (Some(worked), Some(to_change), Some(next_year)) = (worked, to_change, next_year) else {
        return review_page_with(&state, &who, &c, &t, Some((&f, &e)), String::new()).await;
    };
    if !e.is_empty() {
        return review_page_with(&state, &who, &c, &t, Some((&f, &e)), String::new()).await;
    }
    let figures = hybride_training::after::figures(s, &c, &t).await?;
    let json = serde_json::to_string(&figures).map_err(|e| AppError::Internal(e.into()))?;
    after::save_review(
        s,
        id,
        who.user.id,
        [worked.as_str(), to_change.as_str(), next_year.as_str()],
        &json,
        submit,
    )
    .await?;
    if submit {
        // The pilot hears of it by mail, in their language.
        let pilot = people::get(s, t.pilot_id).await?;
        let lang = hybride_training::i18n::Lang::of_locale(&pilot.locale);
        let body = state.texts.text(
            "mail/review.txt",
            lang,
            context! {
                trainer => who.user.display_name(),
                training => t.title,
                cohort => c.label,
                worked => worked.as_str(),
                to_change => to_change.as_str(),
                next_year => next_year.as_str(),
                url => format!("{}/cohorts/{id}/review", state.config.public_url),
            },
        )?;
        hybride_training::outbox::enqueue(
            s,
            &Mail::new(
                pilot.email.clone(),
                hybride_training::i18n::tr(
                    lang,
                    "review-mail-subject",
                    &[("training", t.title.clone())],
                ),
                body,
            ),
        )
        .await?;
    }
    Ok(done(
        &format!("/cohorts/{id}/review"),
        if submit {
            "review-submitted"
        } else {
            "review-saved"
        },
    ))
}

/// The reviews submitted to a pilot (every one for admins), newest first.
pub async fn reviews(
    State(state): State<AppState>,
    who: Allowed<Planners>,
) -> Result<Response, AppError> {
    let pilot = access::piloted_by(&who.user);
    let list: Vec<minijinja::Value> = after::submitted_reviews(&state.store, pilot)
        .await?
        .into_iter()
        .map(|r| {
            let f: Figures = serde_json::from_str(&r.figures).unwrap_or_default();
            context! { r => r, figures => f }
        })
        .collect();
    page(
        &state,
        &who.ctx,
        "reviews.html",
        context! { list => list },
        false,
    )
}

async fn catalogue_page<G: crate::access::Gate>(
    state: &AppState,
    who: &Allowed<G>,
    form: Option<(&CourseFields, &FieldErrors)>,
    import_errors: Vec<hybride_training::import::ShownLineError>,
    q: OkQuery,
) -> Result<Response, AppError> {
    let invalid = form.is_some() || !import_errors.is_empty();
    page(
        state,
        &who.ctx,
        "courses.html",
        context! {
            courses => courses::list(&state.store).await?,
            manage => access::manages_courses(&who.user),
            values => form.map(|(f, _)| context! { title => f.title, provider => f.provider, url => f.url, duration => f.duration, themes => f.themes }),
            errors => form.map(|(_, e)| field_errors(&who.ctx, e)).unwrap_or_default(),
            import_errors => import_errors,
            flash => flash(&Flash { ok: q.ok }),
            error => (q.error == "taken").then_some("courses-error-taken"),
        },
        invalid,
    )
}

/// The catalogue of free-access courses: everyone on staff reads it; pilots and admins curate it.
pub async fn catalogue_list(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Query(q): Query<OkQuery>,
) -> Result<Response, AppError> {
    catalogue_page(&state, &who, None, Vec::new(), q).await
}

pub async fn add_course(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    CsrfForm(f): CsrfForm<CourseFields>,
) -> Result<Response, AppError> {
    match courses::parse(&f) {
        Ok(c) => match courses::add_all(&state.store, &[c], who.user.id).await {
            Ok(_) => Ok(done("/courses", "course-added")),
            Err((_, Error::Conflict(_))) => {
                let mut e = FieldErrors::new();
                e.add("url", hybride_domain::Invalid::new("error-course-taken"));
                catalogue_page(&state, &who, Some((&f, &e)), Vec::new(), OkQuery::default()).await
            }
            Err((_, e)) => Err(e.into()),
        },
        Err(e) => {
            catalogue_page(&state, &who, Some((&f, &e)), Vec::new(), OkQuery::default()).await
        }
    }
}

/// Imports a catalogue from a spreadsheet (CSV), all or nothing.
pub async fn import_courses(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    CsrfUpload(_, upload): CsrfUpload<super::login::Empty>,
) -> Result<Response, AppError> {
    let bytes = upload.map(|u| u.bytes).unwrap_or_default();
    let lang = who.ctx.lang;
    let list = match courses::parse_csv(&bytes) {
        Ok(l) => l,
        Err(errors) => {
            let shown = show_line_errors(lang, &errors);
            return catalogue_page(&state, &who, None, shown, OkQuery::default()).await;
        }
    };
    let new: Vec<_> = list.iter().map(|(_, c)| c.clone()).collect();
    match courses::add_all(&state.store, &new, who.user.id).await {
        Ok(_) => Ok(done("/courses", "courses-imported")),
        Err((i, Error::Conflict(_))) => {
            let e = hybride_domain::accounts::LineError {
                line: list[i].0,
                column: Some("url"),
                invalid: hybride_domain::Invalid::with("error-course-taken-value", &list[i].1.url),
            };
            let shown = show_line_errors(lang, &[e]);
            catalogue_page(&state, &who, None, shown, OkQuery::default()).await
        }
        Err((_, e)) => Err(e.into()),
    }
}

pub async fn remove_course(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let _ = &who;
    courses::delete(&state.store, id).await?;
    Ok(done("/courses", "course-removed"))
}

#[derive(Deserialize, Default)]
pub struct RecommendForm {
    #[serde(default)]
    course: String,
}

/// A training recommends a course of the catalogue: its trainers, its pilot, admins.
pub async fn recommend(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(f): CsrfForm<RecommendForm>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::see_training(&state.store, &who.user, &t).await?;
    access::edit_scenario(&state.store, &who.user, &t).await?;
    let course = f
        .course
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::BadRequest("course: a course id".into()))?;
    courses::recommend(&state.store, id, course, who.user.id).await?;
    Ok(done(
        &format!("/trainings/{id}/after#h-courses"),
        "course-recommended",
    ))
}

pub async fn unrecommend(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path((id, course)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let t = trainings::get(&state.store, id).await?;
    access::see_training(&state.store, &who.user, &t).await?;
    access::edit_scenario(&state.store, &who.user, &t).await?;
    courses::unrecommend(&state.store, id, course).await?;
    Ok(done(
        &format!("/trainings/{id}/after#h-courses"),
        "course-unrecommended",
    ))
}

/// The closing message: to every trainee of the closed cohort, until when its contents stay
/// available, where their certificate is, and the courses the training recommends.
pub async fn send_closing(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<super::login::Empty>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let (c, t) = staff_cohort(&state, &who, id).await?;
    access::take_attendance(s, &who.user, &c).await?;
    if !matches!(c.status, CohortStatus::Closed) {
        return Ok(Redirect::to(&format!(
            "/cohorts/{id}/documents?error=not-closed#h-closing"
        ))
        .into_response());
    }
    // The message gives each trainee her certificate: not before it can be signed.
    if hybride_training::certificates::issuing(s, &c)
        .await?
        .signatory_missing()
    {
        return Ok(
            Redirect::to(&format!("/cohorts/{id}/documents?error=unsigned#h-closing"))
                .into_response(),
        );
    }
    let recommended = courses::recommended(s, t.id).await?;
    let until = hybride_training::after::contents_until(s, &c).await?;
    let mut mails = Vec::new();
    for e in cohorts::enrollments(s, id).await? {
        let trainee = people::get(s, e.user_id).await?;
        let lang = hybride_training::i18n::Lang::of_locale(&trainee.locale);
        let courses: Vec<minijinja::Value> = recommended
            .iter()
            .map(|r| context! { title => r.title, provider => r.provider, url => r.url, duration => hybride_training::i18n::duration(r.minutes) })
            .collect();
        let body = state.texts.text(
            "mail/closing.txt",
            lang,
            context! {
                first_name => trainee.first_name,
                training => t.title,
                until => hybride_training::i18n::day_words(lang, until),
                space_url => format!("{}/cohorts/{id}", state.config.public_url),
                certificate_url => format!("{}/cohorts/{id}/certificates/{}/certificat.pdf", state.config.public_url, trainee.id),
                courses => courses,
            },
        )?;
        mails.push(Mail::new(
            trainee.email.clone(),
            hybride_training::i18n::tr(
                lang,
                "closing-mail-subject",
                &[("training", t.title.clone())],
            ),
            body,
        ));
    }
    courses::send_closing(s, id, who.user.id, &mails, recommended.len() as i64).await?;
    Ok(done(
        &format!("/cohorts/{id}/documents#h-closing"),
        "closing-sent",
    ))
}

/// The dashboard's rows, with each bar of its chart laid out (percent, clamped to 0–100).
fn insight_rows(
    lang: hybride_training::i18n::Lang,
    list: &[hybride_training::dashboard::TrainingInsight],
) -> Vec<minijinja::Value> {
    list.iter()
        .map(|r| {
            let mut bars = Vec::new();
            for key in ["in_person", "synchronous", "asynchronous"] {
                if let Some(v) = r.rate(key) {
                    bars.push((hybride_training::i18n::t(lang, &format!("budget-{key}")), v, key));
                }
            }
            if let Some(v) = r.validation_percent {
                bars.push((hybride_training::i18n::t(lang, "insights-validated"), v, "validated"));
            }
            let summary = bars
                .iter()
                .map(|(label, v, _)| format!("{label} {v} %"))
                .collect::<Vec<_>>()
                .join(", ");
            let bars: Vec<minijinja::Value> = bars
                .into_iter()
                .enumerate()
                .map(|(i, (label, v, key))| {
                    context! { label => label, value => v, key => key, y => i * 24,
                        width => v.clamp(0, 100) * 2 }
                })
                .collect();
            context! {
                r => r,
                bars => bars,
                height => bars_len(&bars),
                summary => summary,
                in_person => r.rate("in_person"),
                synchronous => r.rate("synchronous"),
                asynchronous => r.rate("asynchronous"),
                checklist_percent => (r.checklist_applicable > 0).then(|| (r.checklist_done * 100 + r.checklist_applicable / 2) / r.checklist_applicable),
                hot => r.survey("hot"),
                cold => r.survey("cold"),
            }
        })
        .collect()
}

fn bars_len(bars: &[minijinja::Value]) -> usize {
    bars.len().max(1) * 24
}

/// The pilot's dashboard across trainings, to prepare next year's plan: attendance per
/// modality, validation, reviews, checklist completion — as charts and as a table.
pub async fn insights(
    State(state): State<AppState>,
    who: Allowed<Planners>,
    Query(q): Query<InsightsQuery>,
) -> Result<Response, AppError> {
    let s = &state.store;
    let pilot = access::piloted_by(&who.user);
    // A page of trainings at a time: an académie has thousands, each with its chart.
    let total =
        hybride_training::trainings::count(s, hybride_training::dashboard::insights_filter(pilot))
            .await?;
    let pages = ((total + INSIGHTS_PAGE - 1) / INSIGHTS_PAGE).max(1);
    let page_no = q.page.unwrap_or(1).clamp(1, pages);
    let list = hybride_training::dashboard::insights(
        s,
        pilot,
        Some((INSIGHTS_PAGE, (page_no - 1) * INSIGHTS_PAGE)),
    )
    .await?;
    page(
        &state,
        &who.ctx,
        "insights.html",
        context! {
            rows => insight_rows(who.ctx.lang, &list),
            total => total,
            page => page_no,
            pages => pages,
            first => (page_no - 1) * INSIGHTS_PAGE + 1,
            last => ((page_no - 1) * INSIGHTS_PAGE + list.len() as i64),
        },
        false,
    )
}

/// Trainings per page of the pilot's view.
const INSIGHTS_PAGE: i64 = 25;

#[derive(Deserialize, Default)]
pub struct InsightsQuery {
    #[serde(default)]
    page: Option<i64>,
}

/// The dashboard's table as CSV.
pub async fn insights_csv(
    State(state): State<AppState>,
    who: Allowed<Planners>,
) -> Result<Response, AppError> {
    insights_file(&state, &who, hybride_training::documents::Spreadsheet::Csv).await
}

/// The dashboard's table as an Excel workbook.
pub async fn insights_xlsx(
    State(state): State<AppState>,
    who: Allowed<Planners>,
) -> Result<Response, AppError> {
    insights_file(&state, &who, hybride_training::documents::Spreadsheet::Xlsx).await
}

async fn insights_file(
    state: &AppState,
    who: &Allowed<Planners>,
    kind: hybride_training::documents::Spreadsheet,
) -> Result<Response, AppError> {
    use hybride_training::i18n::t;
    let lang = who.ctx.lang;
    let pilot = access::piloted_by(&who.user);
    let list = hybride_training::dashboard::insights(&state.store, pilot, None).await?;
    let pct = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    // Means out of 5 with two decimals, written as the reader's language writes them.
    let mean = |v: Option<i64>| {
        v.map(|v| {
            let sep = if lang == hybride_training::i18n::Lang::Fr {
                ','
            } else {
                '.'
            };
            format!("{}{sep}{:02}", v / 100, v % 100)
        })
        .unwrap_or_default()
    };
    let headers: Vec<String> = [
        "insights-training",
        "field-dispositif",
        "insights-cohorts",
        "insights-trainees",
        "budget-in_person",
        "budget-synchronous",
        "budget-asynchronous",
        "insights-validated",
        "insights-reviews",
        "insights-checklist",
        "insights-hot-mean",
        "insights-hot-rate",
        "insights-cold-mean",
        "insights-cold-rate",
    ]
    .iter()
    .map(|k| t(lang, k))
    .collect();
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|r| {
            vec![
                r.title.clone(),
                r.dispositif_id.clone(),
                r.cohorts.to_string(),
                r.trainees.to_string(),
                pct(r.rate("in_person")),
                pct(r.rate("synchronous")),
                pct(r.rate("asynchronous")),
                pct(r.validation_percent),
                r.reviews.to_string(),
                pct((r.checklist_applicable > 0).then(|| {
                    ((r.checklist_done * 100 + r.checklist_applicable / 2) / r.checklist_applicable)
                        as i64
                })),
                mean(r.survey("hot").and_then(|f| f.mean_hundredths)),
                pct(r.survey("hot").and_then(|f| f.response_percent)),
                mean(r.survey("cold").and_then(|f| f.mean_hundredths)),
                pct(r.survey("cold").and_then(|f| f.response_percent)),
            ]
        })
        .collect();
    crate::render::spreadsheet_response(kind, "pilotage", &headers, &rows)
}

/// This feature's pages and forms.
pub fn router() -> axum::Router<crate::AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/cohorts/{id}/review", get(review_page).post(save_review))
        .route("/reviews", get(reviews))
        .route("/pilotage", get(insights))
        .route("/pilotage.csv", get(insights_csv))
        .route("/pilotage.xlsx", get(insights_xlsx))
        .route("/courses", get(catalogue_list).post(add_course))
        .route("/courses/import", post(import_courses))
        .route("/courses/{id}/remove", post(remove_course))
        .route("/trainings/{id}/courses", post(recommend))
        .route("/trainings/{id}/courses/{course}/remove", post(unrecommend))
        .route("/cohorts/{id}/closing", post(send_closing))
}
