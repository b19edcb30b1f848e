//! Each trainee's certificat de réalisation: hours per modality, from the record.

use super::*;

/// A trainee's certificat de réalisation: identity, training, dates, hours per modality planned
/// and achieved, validation status; none when `user` is not a trainee of the cohort.
///
/// Gathered first — eight statements whatever the number of trainees or activities: what her
/// validation is drawn from ([`att::ValidationFacts::gather`], her events only), her account,
/// the plan — then drawn, then put in words.
pub async fn certificate(
    s: &Store,
    lang: Lang,
    c: &Cohort,
    training: &Training,
    user: i64,
) -> Result<Option<Record>, Error> {
    let facts = att::ValidationFacts::gather(s, c, training, Some(user)).await?;
    if !facts.enrollments.iter().any(|e| e.user_id == user) {
        return Ok(None);
    }
    let trainee = people::get(s, user).await?;
    let plan = plan_label(s, training.plan_id).await?;
    let Some(v) = att::validations_from(&facts, c, Some(user), now()).pop() else {
        return Ok(None);
    };
    let mut facts = trainee_facts(lang, &trainee);
    facts.push(session_fact(lang, c));
    facts.push(dates_fact(lang, c));
    facts.push((
        t(lang, "field-validation"),
        training.validation_criteria.clone(),
    ));
    let rows = v
        .validation
        .budgets
        .iter()
        .map(|b| {
            vec![
                t(lang, &format!("budget-{}", key(&b.budget))),
                crate::i18n::duration(b.planned_minutes),
                crate::i18n::duration(b.achieved_minutes),
                crate::i18n::duration(b.required_minutes),
                t(lang, &format!("standing-{}", key(&b.standing))),
            ]
        })
        .collect();
    let doc = Record {
        lang: lang.code().to_owned(),
        title: tr(
            lang,
            "pdf-certificate-title",
            &[("training", training.title.clone())],
        ),
        subtitle: subtitle(&plan, training),
        facts,
        headers: [
            "step-modality",
            "validation-planned",
            "validation-achieved",
            "validation-required",
            "validation-standing",
        ]
        .iter()
        .map(|k| t(lang, k))
        .collect(),
        widths: vec![3, 2, 2, 2, 3],
        rows,
        empty: String::new(),
        notes: vec![
            tr(
                lang,
                "pdf-certificate-standing",
                &[(
                    "standing",
                    t(lang, &format!("standing-{}", key(&v.validation.standing))),
                )],
            ),
            exchanges_line(lang, &v.exchanges),
        ],
        signatures: vec![(
            t(lang, "pdf-certificate-signature"),
            tr(lang, "pdf-certificate-done", &[("day", today_words(lang))]),
        )],
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    };
    Ok(Some(doc))
}
