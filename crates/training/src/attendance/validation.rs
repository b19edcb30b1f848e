//! Each trainee's validation against the training's criteria, achieved so far and over the
//! programme, and the time an asynchronous activity credits.

use super::*;

/// A trainee's validation, as the page and the API show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TraineeValidation {
    pub user_id: i64,
    pub last_name: String,
    pub first_name: String,
    pub validation: Validation,
    /// The trainee's exchanges with the trainers (forum, personal messages).
    pub exchanges: hybride_store::discussion::Exchanges,
}

/// Each trainee's validation (or one trainee's), at `now`.
pub async fn validations(
    store: &Store,
    c: &Cohort,
    only: Option<i64>,
    now: i64,
) -> Result<Vec<TraineeValidation>, Error> {
    let t = trainings::get(store, c.training_id).await?;
    let steps = trainings::steps(store, t.id).await?;
    let activities = cohorts::activities(store, c.id).await?;
    let rules = rules_of(store, &t).await?;
    let events = record::of_cohort(store, c.id).await?;
    let mut by: HashMap<(i64, i64), Vec<hybride_domain::attendance::Mark>> = HashMap::new();
    for e in &events {
        by.entry((e.activity_id, e.subject_id))
            .or_default()
            .push(e.mark());
    }
    let plan: Vec<(&Activity, Option<&Step>, Vec<Slot>)> = activities
        .iter()
        .map(|a| {
            let step = a.step_id.and_then(|id| steps.iter().find(|s| s.id == id));
            (a, step, slots(a, &steps))
        })
        .collect();
    let exchanges: HashMap<i64, hybride_store::discussion::Exchanges> =
        hybride_store::discussion::exchanges(store, c.id)
            .await?
            .into_iter()
            .map(|x| (x.user_id, x))
            .collect();
    let mut out = Vec::new();
    for e in cohorts::enrollments(store, c.id).await? {
        if only.is_some_and(|u| u != e.user_id) {
            continue;
        }
        let mut units = Vec::new();
        for (a, step, slots) in &plan {
            let empty = Vec::new();
            let marks = by.get(&(a.id, e.user_id)).unwrap_or(&empty);
            let mandatory = step.is_some_and(|s| s.mandatory.0);
            let evaluation = step.is_some_and(|s| !s.evaluation.trim().is_empty());
            if a.modality == Modality::Async {
                let planned = step.map(|s| s.minutes).unwrap_or(0);
                let done = rules::completion(marks);
                units.push(Unit {
                    budget: HoursBudget::Asynchronous,
                    title: a.title.clone(),
                    starts_at: a.starts_at,
                    ends_at: a.ends_at,
                    planned,
                    credited: done.credited_minutes,
                    excused: 0,
                    mandatory,
                    evaluation,
                });
                continue;
            }
            for s in slots {
                let key = s.key();
                let p = rules::presence(
                    marks
                        .iter()
                        .filter(|m| m.slot.as_deref() == Some(key.as_str())),
                );
                let excused = if p.absence.as_ref().is_some_and(|x| x.accepted) {
                    s.planned_minutes
                } else {
                    0
                };
                units.push(Unit {
                    budget: a.modality.budget(),
                    title: a.title.clone(),
                    starts_at: s.starts_at,
                    ends_at: s.ends_at,
                    planned: s.planned_minutes,
                    credited: rules::credited(a.modality, s, &p, rules.threshold),
                    excused,
                    mandatory,
                    evaluation,
                });
            }
        }
        out.push(TraineeValidation {
            user_id: e.user_id,
            last_name: e.last_name,
            first_name: e.first_name,
            validation: rules::validate(&rules, &units, now, !c.status.is_editable()),
            exchanges: exchanges.get(&e.user_id).copied().unwrap_or(
                hybride_store::discussion::Exchanges {
                    user_id: e.user_id,
                    ..Default::default()
                },
            ),
        });
    }
    Ok(out)
}

/// The minutes credited when a trainer validates a declaration, by the step's rule.
pub fn credit_on_validation(step: Option<&Step>, done: &Completion) -> i64 {
    let estimate = step.map(|s| s.minutes).unwrap_or(0);
    let rule = step
        .map(|s| s.credit_rule)
        .unwrap_or(CreditRule::EstimateOnValidation);
    rule.credit(estimate, done.declared_minutes)
}
