//! After the training: which half-days took place and who led them (from the attendance
//! record), each trainer's pay form, and the "after" items of the charter's checklist.

use crate::attendance as att;
use crate::error::AppError;
use hybride_domain::attendance::AsyncState;
use hybride_domain::checklist::{self, ContentsFacts, DocumentsFacts, Item};
use hybride_domain::pay::{self, Delivered, PayForm};
use hybride_domain::{CohortStatus, Modality};
use hybride_store::after::{self as store, PayProfile, TrainingAfter};
use hybride_store::cohorts::{self, Cohort};
use hybride_store::people::User;
use hybride_store::trainings::{self, Training};
use hybride_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

/// A half-day of the cohort as the pay form and the transmission see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HalfDayLed {
    pub activity_id: i64,
    pub title: String,
    pub slot: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub modality: Modality,
    pub minutes: i64,
    /// Trainees whose presence counts.
    pub attended: usize,
    /// The trainers who countersigned; when nobody did, the cohort's trainers lead it.
    pub trainers: Vec<i64>,
    pub countersigned: bool,
}

/// What the attendance record says of a cohort once its activities took place, read in one
/// pass over its sheets: each half-day held and who led it, and the declarations of
/// asynchronous work still waiting for a decision. The checklist, the review's figures and the
/// dashboard share it.
#[derive(Debug, Clone, Default)]
pub struct RecordFacts {
    pub led: Vec<HalfDayLed>,
    pub pending_declarations: usize,
}

pub async fn record_facts(s: &Store, c: &Cohort, t: &Training) -> Result<RecordFacts, AppError> {
    let steps = trainings::steps(s, t.id).await?;
    let rules = att::rules_of(s, t).await?;
    let cohort_trainers: Vec<i64> = cohorts::trainers(s, c.id)
        .await?
        .iter()
        .map(|u| u.id)
        .collect();
    let mut out = RecordFacts::default();
    for a in cohorts::activities(s, c.id).await? {
        if a.modality == Modality::Async {
            let sheet = att::sheet(s, c, &a, &steps, None, &rules).await?;
            out.pending_declarations += sheet
                .rows
                .iter()
                .filter(|r| {
                    r.completion
                        .as_ref()
                        .is_some_and(|x| x.state == AsyncState::Declared)
                })
                .count();
            continue;
        }
        for slot in att::slots(&a, &steps) {
            let sheet = att::sheet(s, c, &a, &steps, Some(slot), &rules).await?;
            if sheet.signed == 0 {
                continue;
            }
            let countersigned = !sheet.countersigners.is_empty();
            out.led.push(HalfDayLed {
                activity_id: a.id,
                title: a.title.clone(),
                slot: slot.key(),
                starts_at: slot.starts_at,
                ends_at: slot.ends_at,
                modality: a.modality,
                minutes: slot.planned_minutes,
                attended: sheet.signed,
                trainers: if countersigned {
                    sheet.countersigners.iter().map(|x| x.trainer_id).collect()
                } else {
                    cohort_trainers.clone()
                },
                countersigned,
            });
        }
    }
    out.led.sort_by_key(|h| (h.starts_at, h.activity_id));
    Ok(out)
}

/// Every past in-person or synchronous half-day of the cohort with at least one trainee
/// present, and who led it.
pub async fn half_days(s: &Store, c: &Cohort, t: &Training) -> Result<Vec<HalfDayLed>, AppError> {
    Ok(record_facts(s, c, t).await?.led)
}

/// One trainer's pay for the cohort.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrainerPay {
    pub trainer: User,
    pub profile: Option<PayProfile>,
    pub form: PayForm,
    /// Lump sums by id, in the order of the form's lump lines.
    pub lump_ids: Vec<i64>,
}

/// The pay form of every trainer of the cohort (or only of `only`).
pub async fn pay_forms(
    s: &Store,
    c: &Cohort,
    t: &Training,
    only: Option<i64>,
) -> Result<(Vec<TrainerPay>, Vec<HalfDayLed>, pay::Rates, TrainingAfter), AppError> {
    let rates = store::pay_rates(s).await?;
    let after = store::training_after(s, t.id).await?;
    let led = half_days(s, c, t).await?;
    let delivered: Vec<Delivered> = led
        .iter()
        .map(|h| Delivered {
            activity_id: h.activity_id,
            slot: h.slot.clone(),
            starts_at: h.starts_at,
            modality: h.modality,
            minutes: h.minutes,
            trainers: h.trainers.clone(),
        })
        .collect();
    let lumps = store::lumps(s, c.id).await?;
    let mut out = Vec::new();
    for trainer in cohorts::trainers(s, c.id).await? {
        if only.is_some_and(|o| o != trainer.id) {
            continue;
        }
        let mine: Vec<_> = lumps.iter().filter(|l| l.user_id == trainer.id).collect();
        let form = pay::form(
            trainer.id,
            after.pay_band,
            &rates,
            &delivered,
            &mine.iter().map(|l| l.lump.clone()).collect::<Vec<_>>(),
        );
        out.push(TrainerPay {
            profile: store::pay_profile(s, trainer.id).await?,
            lump_ids: mine.iter().map(|l| l.id).collect(),
            trainer,
            form,
        });
    }
    Ok((out, led, rates, after))
}

/// Until when trainees keep the cohort's contents.
pub async fn contents_until(s: &Store, c: &Cohort) -> Result<jiff::civil::Date, AppError> {
    let after = store::training_after(s, c.training_id).await?;
    Ok(store::contents_until(&c.ends_on, after.contents_months))
}

/// The "after" items of the charter's checklist.
pub async fn checklist(s: &Store, c: &Cohort, t: &Training) -> Result<Vec<Item>, AppError> {
    let closed = matches!(c.status, CohortStatus::Closed | CohortStatus::Archived);
    // The record is read only when the documents are due.
    let facts = if closed {
        record_facts(s, c, t).await?
    } else {
        RecordFacts::default()
    };
    checklist_with(s, c, &facts).await
}

/// The "after" items, from the record's facts already read.
pub async fn checklist_with(
    s: &Store,
    c: &Cohort,
    facts: &RecordFacts,
) -> Result<Vec<Item>, AppError> {
    let today = crate::before::civil(hybride_store::now()).date();
    let until = contents_until(s, c).await?;
    let closed = matches!(c.status, CohortStatus::Closed | CohortStatus::Archived);
    let contents = ContentsFacts {
        ended: c
            .ends_on
            .parse::<jiff::civil::Date>()
            .is_ok_and(|d| d < today),
        closed,
        archived: c.status == CohortStatus::Archived,
        until: until.to_string(),
    };
    let documents = if closed {
        let last = store::transmissions(s, c.id).await?.into_iter().next();
        let seq = store::events_seq(s, c.id).await?;
        DocumentsFacts {
            closed,
            transmitted_at: last.as_ref().map(|x| x.at),
            changed_since: last.as_ref().is_some_and(|x| x.events_seq < seq),
            not_countersigned: facts
                .led
                .iter()
                .filter(|h| h.modality == Modality::InPerson && !h.countersigned)
                .count(),
            pending_declarations: facts.pending_declarations,
        }
    } else {
        DocumentsFacts::default()
    };
    let ended = contents.ended || closed;
    let mut feedback = checklist::FeedbackFacts {
        ended,
        ..Default::default()
    };
    for r in store::reviews(s, c.id).await? {
        let name = hybride_store::people::get(s, r.user_id)
            .await?
            .display_name();
        match r.submitted_at {
            Some(at) => feedback.submitted.push((name, at)),
            None => feedback.drafts.push(name),
        }
    }
    let sent = hybride_store::courses::closing_messages(s, c.id)
        .await?
        .into_iter()
        .find(|m| m.courses > 0);
    let courses = checklist::CoursesFacts {
        ended,
        recommended: hybride_store::courses::recommended(s, c.training_id)
            .await?
            .len(),
        sent: sent.map(|m| (m.sent_at, m.recipients)),
    };
    Ok(vec![
        checklist::contents_available(&contents),
        checklist::admin_documents(&documents),
        checklist::pilot_feedback(&feedback),
        checklist::open_courses_promoted(&courses),
    ])
}

/// The figures a review is written from, filled in from the record: trainees, hours planned and
/// achieved per modality, standings, countersignatures, declarations, forum.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, ToSchema)]
pub struct Figures {
    pub trainees: usize,
    /// Per modality (`in_person`, `synchronous`, `asynchronous`): planned and achieved minutes
    /// summed over the trainees, and the rate in percent.
    pub budgets: Vec<BudgetFigure>,
    pub met: usize,
    pub on_track: usize,
    pub behind: usize,
    pub unreachable: usize,
    pub half_days: usize,
    pub countersigned: usize,
    pub declarations_pending: usize,
    pub posts: i64,
    /// The satisfaction surveys sent so far (« à chaud », « à froid »).
    #[serde(default)]
    pub surveys: Vec<crate::surveys::SurveyFigure>,
}

#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, ToSchema)]
pub struct BudgetFigure {
    pub budget: String,
    pub planned_minutes: i64,
    pub achieved_minutes: i64,
    pub rate_percent: i64,
}

pub async fn figures(s: &Store, c: &Cohort, t: &Training) -> Result<Figures, AppError> {
    let mut f = figures_with(s, c, &record_facts(s, c, t).await?).await?;
    let surveys = hybride_store::surveys::of_cohort(s, c.id).await?;
    f.surveys = crate::surveys::summed(s, surveys)
        .await?
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    Ok(f)
}

/// The figures from the record's facts already read, but the surveys' (the dashboard sums
/// those per training, from every cohort's answers).
pub async fn figures_with(s: &Store, c: &Cohort, facts: &RecordFacts) -> Result<Figures, AppError> {
    use hybride_domain::attendance::Standing;
    let validations = att::validations(s, c, None, hybride_store::now()).await?;
    let mut f = Figures {
        trainees: validations.len(),
        ..Default::default()
    };
    for v in &validations {
        match v.validation.standing {
            Standing::Met => f.met += 1,
            Standing::OnTrack => f.on_track += 1,
            Standing::Behind => f.behind += 1,
            Standing::Unreachable => f.unreachable += 1,
            Standing::NotApplicable => {}
        }
        for b in &v.validation.budgets {
            let key = crate::documents::key(&b.budget);
            let i = match f.budgets.iter().position(|x| x.budget == key) {
                Some(i) => i,
                None => {
                    f.budgets.push(BudgetFigure {
                        budget: key,
                        ..Default::default()
                    });
                    f.budgets.len() - 1
                }
            };
            f.budgets[i].planned_minutes += b.planned_minutes;
            f.budgets[i].achieved_minutes += b.achieved_minutes;
        }
        f.posts += v.exchanges.posts;
    }
    for b in &mut f.budgets {
        b.rate_percent = if b.planned_minutes > 0 {
            (b.achieved_minutes * 100 + b.planned_minutes / 2) / b.planned_minutes
        } else {
            0
        };
    }
    f.half_days = facts.led.len();
    f.countersigned = facts.led.iter().filter(|h| h.countersigned).count();
    f.declarations_pending = facts.pending_declarations;
    Ok(f)
}

/// One training's line on the pilot's dashboard: its cohorts under way or finished, summed.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct TrainingInsight {
    pub training_id: i64,
    pub title: String,
    pub dispositif_id: String,
    pub cohorts: usize,
    pub trainees: usize,
    /// Per modality: planned and achieved minutes summed over every trainee, and the rate.
    pub budgets: Vec<BudgetFigure>,
    /// Trainees who met every criterion.
    pub met: usize,
    /// `met` out of the trainees of finished (closed or archived) cohorts, in percent.
    pub validation_percent: Option<i64>,
    pub finished_trainees: usize,
    pub reviews: usize,
    /// Checklist items done out of those that apply, over the cohorts.
    pub checklist_done: usize,
    pub checklist_applicable: usize,
    /// The satisfaction surveys of its cohorts, per kind.
    pub surveys: Vec<crate::surveys::SurveyFigure>,
}

impl TrainingInsight {
    /// The mean answer to the surveys of this kind, in hundredths.
    pub fn survey(&self, kind: &str) -> Option<&crate::surveys::SurveyFigure> {
        self.surveys.iter().find(|f| f.kind == kind)
    }

    pub fn rate(&self, budget: &str) -> Option<i64> {
        self.budgets
            .iter()
            .find(|b| b.budget == budget && b.planned_minutes > 0)
            .map(|b| b.rate_percent)
    }
}

/// Which trainings the pilot's view covers: a pilot's own (an admin's, all) that have a cohort
/// under way or finished.
pub fn insights_filter(pilot: Option<i64>) -> trainings::TrainingFilter {
    trainings::TrainingFilter {
        pilot_id: pilot,
        under_way: true,
        ..Default::default()
    }
}

/// The pilot's view across trainings (`pilot`: only theirs), for the cohorts under way or
/// finished: attendance per modality, validation, reviews, checklist completion. `page`
/// (`limit`, `offset`) gives one page of the trainings, in the list's order; none gives them all
/// (the spreadsheets). Each cohort's figures are computed from its record, so a page's cost is
/// its cohorts'.
pub async fn insights(
    s: &Store,
    pilot: Option<i64>,
    page: Option<(i64, i64)>,
) -> Result<Vec<TrainingInsight>, AppError> {
    use hybride_domain::checklist::Status;
    let mut out = Vec::new();
    let mut filter = insights_filter(pilot);
    if let Some((limit, offset)) = page {
        filter.limit = Some(limit);
        filter.offset = offset;
    }
    for t in trainings::list(s, filter).await? {
        let mut row = TrainingInsight {
            training_id: t.id,
            title: t.title.clone(),
            dispositif_id: t.dispositif_id.clone(),
            ..Default::default()
        };
        let mut met_finished = 0;
        let mut surveys = Vec::new();
        for c in cohorts::list(
            s,
            cohorts::CohortFilter {
                training_id: Some(t.id),
                ..Default::default()
            },
        )
        .await?
        {
            if !matches!(
                c.status,
                CohortStatus::Running | CohortStatus::Closed | CohortStatus::Archived
            ) {
                continue;
            }
            row.cohorts += 1;
            surveys.extend(hybride_store::surveys::of_cohort(s, c.id).await?);
            // The record is read once for the figures and the checklist.
            let facts = record_facts(s, &c, &t).await?;
            let f = figures_with(s, &c, &facts).await?;
            row.trainees += f.trainees;
            row.met += f.met;
            if c.status != CohortStatus::Running {
                row.finished_trainees += f.trainees;
                met_finished += f.met;
            }
            for b in f.budgets {
                match row.budgets.iter_mut().find(|x| x.budget == b.budget) {
                    Some(x) => {
                        x.planned_minutes += b.planned_minutes;
                        x.achieved_minutes += b.achieved_minutes;
                    }
                    None => row.budgets.push(b),
                }
            }
            row.reviews += store::reviews(s, c.id)
                .await?
                .iter()
                .filter(|r| r.submitted_at.is_some())
                .count();
            let mut items = crate::before::checklist(s, &c, &t).await?;
            items.extend(crate::during::checklist(s, &c).await?);
            items.extend(checklist_with(s, &c, &facts).await?);
            row.checklist_applicable += items
                .iter()
                .filter(|i| i.status != Status::NotApplicable)
                .count();
            row.checklist_done += items.iter().filter(|i| i.status == Status::Done).count();
        }
        if row.cohorts == 0 {
            continue;
        }
        row.surveys = crate::surveys::summed(s, surveys)
            .await?
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        for b in &mut row.budgets {
            b.rate_percent = if b.planned_minutes > 0 {
                (b.achieved_minutes * 100 + b.planned_minutes / 2) / b.planned_minutes
            } else {
                0
            };
        }
        row.validation_percent = (row.finished_trainees > 0).then(|| {
            (met_finished as i64 * 100 + row.finished_trainees as i64 / 2)
                / row.finished_trainees as i64
        });
        out.push(row);
    }
    Ok(out)
}
