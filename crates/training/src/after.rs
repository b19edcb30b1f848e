//! After the training: until when trainees keep its contents, and the figures a review is
//! written from.

use crate::attendance as att;
use crate::pay::{record_facts, RecordFacts};
use crate::Error;
use hybride_store::after as store;
use hybride_store::after::Review;
use hybride_store::after::ReviewListed;
pub use hybride_store::after::{TrainingAfter, Transmission};

use hybride_store::cohorts::Cohort;
use hybride_store::trainings::Training;
use hybride_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

/// Until when trainees keep the cohort's contents.
pub async fn contents_until(s: &Store, c: &Cohort) -> Result<jiff::civil::Date, Error> {
    let after = store::training_after(s, c.training_id).await?;
    Ok(store::contents_until(&c.ends_on, after.contents_months))
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

pub async fn figures(s: &Store, c: &Cohort, t: &Training) -> Result<Figures, Error> {
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
pub async fn figures_with(s: &Store, c: &Cohort, facts: &RecordFacts) -> Result<Figures, Error> {
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
            let key = crate::i18n::key(&b.budget);
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

// ---- reads and writes of the record, for the pages and the API

pub async fn transmissions(store: &Store, cohort_id: i64) -> crate::Result<Vec<Transmission>> {
    Ok(hybride_store::after::transmissions(store, cohort_id).await?)
}

pub async fn add_transmission(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    sha256: &str,
    documents: i64,
    events_seq: i64,
    note: &str,
) -> crate::Result<Transmission> {
    Ok(hybride_store::after::add_transmission(
        store, cohort_id, user_id, sha256, documents, events_seq, note,
    )
    .await?)
}

pub async fn submitted_reviews(
    store: &Store,
    pilot_id: Option<i64>,
) -> crate::Result<Vec<ReviewListed>> {
    Ok(hybride_store::after::submitted_reviews(store, pilot_id).await?)
}

/// Saves a trainer's review (a draft, or submitted when `submit`); a submitted review stays
/// submitted, with the time of its last submission.
pub async fn save_review(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    text: [&str; 3],
    figures: &str,
    submit: bool,
) -> crate::Result<Review> {
    Ok(hybride_store::after::save_review(store, cohort_id, user_id, text, figures, submit).await?)
}

pub async fn reviews(store: &Store, cohort_id: i64) -> crate::Result<Vec<Review>> {
    Ok(hybride_store::after::reviews(store, cohort_id).await?)
}

pub async fn training_after(store: &Store, training_id: i64) -> crate::Result<TrainingAfter> {
    Ok(hybride_store::after::training_after(store, training_id).await?)
}

pub async fn set_training_after(
    store: &Store,
    training_id: i64,
    after: TrainingAfter,
) -> crate::Result<()> {
    Ok(hybride_store::after::set_training_after(store, training_id, after).await?)
}
