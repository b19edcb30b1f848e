//! What trainees receive before and as the training starts: the convocation, the opening
//! message, and the chronogramme of the scenario.

use super::*;
use crate::i18n::{clock, day_words};

/// The chronogramme of a training: its scenario, step by step.
pub fn chronogramme(lang: Lang, training: &Training, steps: &[Step]) -> Chronogramme {
    use hybride_docs::{ChronoHeaders, ChronoStep};
    let duration = |m: i64| {
        Minutes::new(u32::try_from(m).unwrap_or(0))
            .map(|m| m.to_string())
            .unwrap_or_default()
    };
    let today = jiff::Zoned::now()
        .with_time_zone(hybride_domain::time::paris())
        .date();
    Chronogramme {
        lang: lang.code().to_owned(),
        title: training.title.clone(),
        subtitle: tr(
            lang,
            "chrono-subtitle",
            &[
                ("year", training.school_year.clone()),
                ("dispositif", training.dispositif_id.clone()),
                ("module", training.module_id.clone()),
            ],
        ),
        public: training.public.clone(),
        hours: vec![
            (
                t(lang, "modality-in_person"),
                duration(training.in_person_minutes),
            ),
            (
                t(lang, "hours-synchronous"),
                duration(training.synchronous_minutes),
            ),
            (
                t(lang, "modality-async"),
                duration(training.asynchronous_minutes),
            ),
        ],
        headers: ChronoHeaders {
            position: t(lang, "chrono-position"),
            title: t(lang, "step-title"),
            modality: t(lang, "step-modality"),
            learning: t(lang, "step-learning"),
            duration: t(lang, "step-duration"),
            instructions: t(lang, "step-instructions"),
            evidence: t(lang, "step-evidence"),
            trainer_role: t(lang, "step-trainer-role"),
        },
        steps: steps
            .iter()
            .map(|s| {
                let mut tags = Vec::new();
                if s.social.0 {
                    tags.push(t(lang, "step-social"));
                }
                if !s.mandatory.0 {
                    tags.push(t(lang, "step-optional"));
                }
                ChronoStep {
                    position: u32::try_from(s.position).unwrap_or(0),
                    title: s.title.clone(),
                    modality: t(lang, &format!("modality-{}", s.modality.as_str())),
                    modality_key: s.modality.as_str().to_owned(),
                    learning: t(lang, &format!("learning-{}", s.learning_type.as_str())),
                    duration: duration(s.minutes),
                    instructions: s.instructions.clone(),
                    evidence: s.evidence.clone(),
                    trainer_role: s.trainer_role.clone(),
                    tags,
                }
            })
            .collect(),
        footer: tr(
            lang,
            "chrono-footer",
            &[("day", crate::i18n::day_words(lang, today))],
        ),
    }
}

/// The cohort's schedule (its `activities`) as a document's table: when, what, how, where.
fn schedule_table(
    lang: Lang,
    activities: Vec<Activity>,
) -> (Vec<String>, Vec<u32>, Vec<Vec<String>>) {
    let rows = activities
        .into_iter()
        .map(|a| {
            // Dates as people read them, as the pages print them: « jeudi 3 décembre 2026,
            // 8 h 00 – 12 h 00 ».
            let day = |ts: i64| day_words(lang, hybride_domain::time::civil(ts).date());
            let when = if a.modality == Modality::Async {
                tr(
                    lang,
                    "activity-window",
                    &[("start", day(a.starts_at)), ("end", day(a.ends_at))],
                )
            } else {
                format!(
                    "{}, {} – {}",
                    day(a.starts_at),
                    clock(lang, a.starts_at),
                    clock(lang, a.ends_at)
                )
            };
            let place = match a.modality {
                Modality::InPerson => a.place.clone().unwrap_or_default(),
                Modality::Async => t(lang, "pdf-in-the-space"),
                _ => t(lang, "pdf-personal-link"),
            };
            vec![
                when,
                a.title,
                t(lang, &format!("modality-{}", a.modality.as_str())),
                place,
            ]
        })
        .collect();
    (
        [
            "pay-col-when",
            "pay-col-activity",
            "step-modality",
            "pdf-place",
        ]
        .iter()
        .map(|k| t(lang, k))
        .collect(),
        vec![3, 5, 2, 4],
        rows,
    )
}

/// The opening message as published, with the schedule; none while it is not published.
///
/// Gathered first (four statements: the message, the plan, the trainers, the schedule), then
/// put in words.
pub async fn opening(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    training: &Training,
) -> Result<Option<Record>, Error> {
    let Some(m) = hybride_store::during::published_opening(s, c.id).await? else {
        return Ok(None);
    };
    let plan = plan_label(s, training.plan_id).await?;
    let trainers: Vec<String> = cohorts::trainers(s, c.id)
        .await?
        .iter()
        .map(|u| u.display_name())
        .collect();
    let activities = cohorts::activities(s, c.id).await?;
    let (headers, widths, rows) = schedule_table(lang, activities);
    let section = |key: &str, text: &str| format!("{}\u{a0}: {}", t(lang, key), text.trim());
    let doc = Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-opening-title",
            &[("training", training.title.clone())],
        ),
        subtitle: subtitle(&plan, training),
        facts: vec![
            session_fact(lang, c),
            (t(lang, "pdf-trainers"), trainers.join(", ")),
            (
                t(lang, "pdf-published"),
                m.published_at
                    .map(|at| crate::i18n::day_words(lang, hybride_domain::time::civil(at).date()))
                    .unwrap_or_default(),
            ),
        ],
        headers,
        widths,
        rows,
        empty: t(lang, "pdf-no-activity"),
        notes: vec![
            m.introduction.trim().to_owned(),
            section("opening-objectives", &m.objectives),
            section("opening-validation", &m.validation),
            section("opening-accompaniment", &m.accompaniment),
            section("opening-availability", &m.availability),
        ],
        signatures: Vec::new(),
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    };
    Ok(Some(doc))
}

/// A trainee's convocation: who, which training and session, its objectives, the schedule with
/// places, and where the personal links are; none when `user` is not a trainee of the cohort.
///
/// Gathered first (five statements: her enrollment, her account, the plan, the trainers, the
/// schedule), then put in words.
pub async fn convocation(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    training: &Training,
    user: i64,
) -> Result<Option<Record>, Error> {
    if !cohorts::is_enrolled(s, c.id, user).await? {
        return Ok(None);
    }
    let trainee = people::get(s, user).await?;
    let plan = plan_label(s, training.plan_id).await?;
    let trainers: Vec<String> = cohorts::trainers(s, c.id)
        .await?
        .iter()
        .map(|u| u.display_name())
        .collect();
    let activities = cohorts::activities(s, c.id).await?;
    let mut facts = trainee_facts(lang, &trainee);
    facts.push(session_fact(lang, c));
    facts.push(dates_fact(lang, c));
    facts.push((t(lang, "pdf-trainers"), trainers.join(", ")));
    let (headers, widths, rows) = schedule_table(lang, activities);
    let doc = Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-convocation-title",
            &[("training", training.title.clone())],
        ),
        subtitle: subtitle(&plan, training),
        facts,
        headers,
        widths,
        rows,
        empty: t(lang, "pdf-no-activity"),
        notes: vec![
            format!(
                "{}\u{a0}: {}",
                t(lang, "opening-objectives"),
                training.objectives.trim()
            ),
            t(lang, "pdf-convocation-links"),
        ],
        signatures: vec![(
            t(lang, "pdf-certificate-signature"),
            tr(lang, "pdf-certificate-done", &[("day", today_words(lang))]),
        )],
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    };
    Ok(Some(doc))
}
