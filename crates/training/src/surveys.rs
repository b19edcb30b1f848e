//! The satisfaction surveys: sent by the jobs loop when a cohort's last activity has ended
//! (« à chaud ») and some weeks later (« à froid »), or by hand by the cohort's staff; answered
//! by its trainees; summed per cohort and per training for the trainers, the pilot and the
//! dashboard.

use crate::i18n::{self, Lang};
use crate::Error;
use crate::Hybride;
use hybride_domain::survey::SurveySettings;
use hybride_domain::survey::{self, Answer, QuestionResult, SurveyKind};
use hybride_domain::CohortStatus;
use hybride_store::cohorts::{self, Cohort};
use hybride_store::outbox::Mail;
use hybride_store::surveys as store;
use hybride_store::surveys::Invitation;
pub use hybride_store::surveys::{Pending, Survey};
use hybride_store::{now, people, trainings, Store, StoreError};
use minijinja::context;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// How long after its due moment a survey is still sent by itself: a cohort that ended long
/// before surveys existed (or while the service was stopped for weeks) is not surveyed late.
const SEND_WINDOW: i64 = 14 * 86_400;

/// A survey's kind as written in an address (`hot`, `cold`): any other is a page not found.
pub fn kind_in_path(raw: &str) -> Result<SurveyKind, Error> {
    SurveyKind::parse(raw).map_err(|_| Error::NotFound)
}

/// The cohort's survey of this kind, sent: none is a page not found.
pub async fn sent(s: &Store, cohort_id: i64, kind: SurveyKind) -> Result<Survey, Error> {
    store::of_kind(s, cohort_id, kind)
        .await?
        .ok_or(Error::NotFound)
}

/// Where a trainee answers a cohort's survey.
pub fn answer_path(cohort_id: i64, kind: SurveyKind) -> String {
    format!("/cohorts/{cohort_id}/surveys/{}", kind.as_str())
}

/// Sends the cohort's survey of this kind now, with the académie's current questions: each
/// trainee gets a mail with where to answer and until when. `Conflict("survey")` when it was
/// sent already.
pub async fn send(
    state: &Hybride,
    c: &Cohort,
    kind: SurveyKind,
    by: Option<i64>,
) -> Result<Survey, Error> {
    let s = &state.store;
    if c.status == CohortStatus::Archived {
        return Err(Error::Refused("cohort_archived"));
    }
    let settings = store::settings(s).await?;
    let at = now();
    let closes_at = at + settings.open_days * 86_400;
    let t = trainings::get(s, c.training_id).await?;
    let mut mails = Vec::new();
    for e in cohorts::enrollments(s, c.id).await? {
        let trainee = people::get(s, e.user_id).await?;
        let lang = Lang::of_locale(&trainee.locale);
        let body = state.texts.text(
            "mail/survey.txt",
            lang,
            context! {
                reminder => false,
                first_name => trainee.first_name,
                kind => kind.as_str(),
                training => t.title,
                cohort => c.label,
                questions => settings.questions(kind).len(),
                until => crate::i18n::day_words(lang, hybride_domain::time::civil(closes_at).date()),
                url => format!("{}{}", state.config.public_url, answer_path(c.id, kind)),
            },
        )?;
        mails.push(Mail::new(
            trainee.email.clone(),
            i18n::tr(
                lang,
                &format!("survey-mail-subject-{}", kind.as_str()),
                &[("training", t.title.clone())],
            ),
            body,
        ));
    }
    Ok(store::open(
        s,
        &store::NewSurvey {
            cohort_id: c.id,
            kind,
            questions: settings.questions(kind),
            sent_at: at,
            closes_at,
            sent_by: by,
        },
        &mails,
    )
    .await?)
}

/// Sends the cohort's survey now, by hand (the caller checked that the person may: its
/// trainers, its pilot or admins), once, when [`may_send`] allows it.
pub async fn send_by_hand(
    state: &Hybride,
    c: &Cohort,
    by: i64,
    kind: SurveyKind,
) -> Result<Survey, Error> {
    let s = &state.store;
    let sent = store::of_cohort(s, c.id).await?;
    if sent.iter().any(|x| x.kind == kind) {
        return Err(Error::Conflict("survey"));
    }
    if !may_send(s, c, kind, &sent).await? {
        return Err(Error::Refused("survey_not_due"));
    }
    send(state, c, kind, Some(by)).await
}

/// Sends the surveys that are due: « à chaud » for cohorts whose last activity ended within
/// the last two weeks, « à froid » for those that ended the académie's delay ago (within two
/// weeks too). Another instance sending the same survey first is not an error.
pub async fn send_due(state: &Hybride) -> Result<usize, Error> {
    let s = &state.store;
    let at = now();
    let settings = store::settings(s).await?;
    let mut sent = 0;
    for kind in SurveyKind::ALL {
        let delay = match kind {
            SurveyKind::Hot => 0,
            SurveyKind::Cold => settings.cold_after_days * 86_400,
        };
        for id in store::due(s, kind, at - delay - SEND_WINDOW, at - delay).await? {
            let c = cohorts::get(s, id).await?;
            match send(state, &c, kind, None).await {
                Ok(survey) => {
                    sent += 1;
                    tracing::info!(
                        cohort = id,
                        survey = survey.id,
                        kind = kind.as_str(),
                        invited = survey.invited,
                        "survey sent"
                    );
                }
                Err(Error::Conflict(_)) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(sent)
}

/// Reminds, once, those who have not answered a survey that closes within the académie's
/// reminder delay. Another instance reminding first is not an error.
pub async fn send_reminders(state: &Hybride) -> Result<usize, Error> {
    let s = &state.store;
    let settings = store::settings(s).await?;
    if settings.remind_days == 0 {
        return Ok(0);
    }
    let at = now();
    let mut sent = 0;
    for r in store::reminders_due(s, at, at + settings.remind_days * 86_400).await? {
        let c = cohorts::get(s, r.cohort_id).await?;
        let t = trainings::get(s, c.training_id).await?;
        let trainee = people::get(s, r.user_id).await?;
        let lang = Lang::of_locale(&trainee.locale);
        let body = state.texts.text(
            "mail/survey.txt",
            lang,
            context! {
                reminder => true,
                first_name => trainee.first_name,
                kind => r.kind.as_str(),
                training => t.title,
                cohort => c.label,
                questions => 0,
                until => crate::i18n::day_words(lang, hybride_domain::time::civil(r.closes_at).date()),
                url => format!("{}{}", state.config.public_url, answer_path(c.id, r.kind)),
            },
        )?;
        let mail = Mail::new(
            trainee.email.clone(),
            i18n::tr(
                lang,
                "survey-mail-subject-reminder",
                &[("training", t.title.clone())],
            ),
            body,
        );
        if store::remind(s, r.survey_id, r.user_id, at, &mail).await? {
            sent += 1;
        }
    }
    if sent > 0 {
        tracing::info!(reminders = sent, "survey reminders sent");
    }
    Ok(sent)
}

/// Whether the cohort's survey of this kind may be sent by hand now: the last activity has
/// ended, and for « à froid » the « à chaud » went first.
pub async fn may_send(
    s: &Store,
    c: &Cohort,
    kind: SurveyKind,
    sent: &[Survey],
) -> Result<bool, Error> {
    if !matches!(c.status, CohortStatus::Running | CohortStatus::Closed)
        || sent.iter().any(|x| x.kind == kind)
        || c.trainees == 0
    {
        return Ok(false);
    }
    let ended = store::last_end(s, c.id)
        .await?
        .is_some_and(|end| end <= now());
    Ok(ended && (kind == SurveyKind::Hot || sent.iter().any(|x| x.kind == SurveyKind::Hot)))
}

/// A survey of a cohort with its results.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SurveyResults {
    pub survey: Survey,
    /// Answers over invitations, in percent.
    pub response_percent: Option<i64>,
    /// The mean of every scale answer, in hundredths (412 for 4.12 out of 5).
    pub mean_hundredths: Option<i64>,
    pub questions: Vec<QuestionResult>,
}

fn answers_of(raw: &[String]) -> Vec<Vec<Answer>> {
    raw.iter()
        .filter_map(|r| serde_json::from_str(r).ok())
        .collect()
}

fn percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part * 100 + whole / 2) / whole)
}

pub async fn results(s: &Store, survey: Survey) -> Result<SurveyResults, Error> {
    let questions = survey.questions();
    let answers = answers_of(&store::responses(s, survey.id).await?);
    let results = survey::aggregate([(questions.as_slice(), answers.as_slice())]);
    Ok(SurveyResults {
        response_percent: percent(survey.answered, survey.invited),
        mean_hundredths: survey::overall_mean(&results),
        questions: results,
        survey,
    })
}

/// Every survey of the cohort with its results.
pub async fn of_cohort(s: &Store, cohort_id: i64) -> Result<Vec<SurveyResults>, Error> {
    let mut out = Vec::new();
    for x in store::of_cohort(s, cohort_id).await? {
        out.push(results(s, x).await?);
    }
    Ok(out)
}

/// One kind of survey summed over cohorts (a training's, or a cohort's alone).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
pub struct SurveyFigure {
    /// `hot` or `cold`.
    pub kind: String,
    pub surveys: usize,
    pub invited: i64,
    pub answered: i64,
    pub response_percent: Option<i64>,
    pub mean_hundredths: Option<i64>,
}

/// Sums surveys' results per kind; `questions` has the per-question results of each kind.
pub async fn summed(
    s: &Store,
    surveys: Vec<Survey>,
) -> Result<Vec<(SurveyFigure, Vec<QuestionResult>)>, Error> {
    let mut out = Vec::new();
    for kind in SurveyKind::ALL {
        let mine: Vec<&Survey> = surveys.iter().filter(|x| x.kind == kind).collect();
        if mine.is_empty() {
            continue;
        }
        let mut parts = Vec::new();
        for x in &mine {
            parts.push((x.questions(), answers_of(&store::responses(s, x.id).await?)));
        }
        let results = survey::aggregate(parts.iter().map(|(q, a)| (q.as_slice(), a.as_slice())));
        let invited = mine.iter().map(|x| x.invited).sum();
        let answered = mine.iter().map(|x| x.answered).sum();
        out.push((
            SurveyFigure {
                kind: kind.as_str().to_owned(),
                surveys: mine.len(),
                invited,
                answered,
                response_percent: percent(answered, invited),
                mean_hundredths: survey::overall_mean(&results),
            },
            results,
        ));
    }
    Ok(out)
}

/// Records a trainee's answers to a cohort's survey: invited, not answered yet, still open.
pub async fn answer(s: &Store, survey: &Survey, user_id: i64, raw: &[String]) -> Result<(), Error> {
    if !survey.is_open(now()) {
        return Err(Error::Refused("survey_closed"));
    }
    let answers = survey::parse_answers(&survey.questions(), raw)?;
    let json = serde_json::to_string(&answers).map_err(|e| Error::Internal(e.into()))?;
    match store::respond(s, survey.id, user_id, &json, now()).await {
        Ok(()) => Ok(()),
        Err(StoreError::Conflict(_)) => Err(Error::Conflict("answered")),
        Err(e) => Err(e.into()),
    }
}

// ---- reads and writes of the record, for the pages and the API

/// The académie's survey settings (the defaults until an admin sets them).
pub async fn settings(store: &Store) -> crate::Result<SurveySettings> {
    Ok(hybride_store::surveys::settings(store).await?)
}

pub async fn set_settings(
    store: &Store,
    by: &people::User,
    s: &SurveySettings,
) -> crate::Result<()> {
    let before = hybride_store::surveys::settings(store).await?;
    hybride_store::surveys::set_settings(store, s).await?;
    crate::audit::record_change(
        store,
        by,
        hybride_domain::audit::AuditAction::SurveySettingsSet,
        "settings:surveys",
        &before,
        s,
    )
    .await
}

/// The open surveys a person was invited to and has not answered, soonest closing first.
pub async fn pending(store: &Store, user_id: i64, at: i64) -> crate::Result<Vec<Pending>> {
    Ok(hybride_store::surveys::pending(store, user_id, at).await?)
}

pub async fn get(store: &Store, id: i64) -> crate::Result<Survey> {
    Ok(hybride_store::surveys::get(store, id).await?)
}

/// The cohort's survey of this kind, once sent.
pub async fn of_kind(
    store: &Store,
    cohort_id: i64,
    kind: SurveyKind,
) -> crate::Result<Option<Survey>> {
    Ok(hybride_store::surveys::of_kind(store, cohort_id, kind).await?)
}

/// When the cohort's last activity ends, if it has any.
pub async fn last_end(store: &Store, cohort_id: i64) -> crate::Result<Option<i64>> {
    Ok(hybride_store::surveys::last_end(store, cohort_id).await?)
}

pub async fn invitation(
    store: &Store,
    survey_id: i64,
    user_id: i64,
) -> crate::Result<Option<Invitation>> {
    Ok(hybride_store::surveys::invitation(store, survey_id, user_id).await?)
}
