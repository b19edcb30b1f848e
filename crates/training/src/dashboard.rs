//! The pilot's dashboard: each training's cohorts under way or finished, summed (attendance
//! per modality, validation, reviews, checklist completion, surveys).

use crate::after::{figures_with, BudgetFigure};
use crate::pay::record_facts;
use crate::Error;
use hybride_domain::CohortStatus;
use hybride_store::after as store;
use hybride_store::cohorts;
use hybride_store::trainings;
use hybride_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

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
) -> Result<Vec<TrainingInsight>, Error> {
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
            let mut items = crate::checklist::before(s, &c, &t).await?;
            items.extend(crate::checklist::during(s, &c).await?);
            items.extend(crate::checklist::after_with(s, &c, &facts).await?);
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
