//! Each trainee's certificat de réalisation: who attests it, and the hours per modality
//! credited from the record, once the cohort has ended.

use super::*;
use crate::certificates::{issuing_of, Issuing};
use hybride_domain::certificate::Capacity;
use hybride_store::certificates::NamedSignatory;

/// A trainee's certificat de réalisation: who attests it (the signatory in office when the
/// cohort ended), her identity, the training, its dates, hours per modality planned and
/// credited, validation standing; dated by the cohort's end. None when `user` is not a trainee
/// of the cohort; refused (see [`Issuing::refusal`]) before the cohort has ended, without a
/// signatory, or while one of her declarations awaits a decision.
///
/// Gathered first — nine statements whatever the number of trainees or activities: what her
/// validation is drawn from ([`att::ValidationFacts::gather`], her events only), the
/// signatory, her account, the plan — then drawn, then put in words.
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
    let issuing = issuing_of(
        s,
        c,
        &facts.activities,
        &facts.enrollments,
        Some(&facts.events),
    )
    .await?;
    if let Some(why) = issuing.refusal(user) {
        return Err(Error::Refused(why));
    }
    let (Some(ended), Some(signatory)) = (issuing.ended_at, issuing.signatory.as_ref()) else {
        return Err(Error::Refused("certificate_not_ended"));
    };
    let trainee = people::get(s, user).await?;
    let plan = plan_label(s, training.plan_id).await?;
    let Some(v) = att::validations_from(&facts, c, Some(user), now()).pop() else {
        return Ok(None);
    };
    let day = crate::i18n::day_words(lang, hybride_domain::time::civil(ended).date());
    let name = format!("{} {}", trainee.first_name, trainee.last_name);
    let mut facts = trainee_facts(lang, &trainee);
    facts.push(session_fact(lang, c));
    facts.push(dates_fact(lang, c));
    facts.push((
        t(lang, "field-validation"),
        training.validation_criteria.clone(),
    ));
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
            "pdf-certificate-credited",
            "validation-required",
            "validation-standing",
        ]
        .iter()
        .map(|k| t(lang, k))
        .collect(),
        widths: vec![3, 2, 2, 2, 3],
        rows: budget_rows(lang, &v.validation),
        empty: String::new(),
        notes: vec![
            attestation(lang, signatory, &name, training, c, &v.validation),
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
        signatures: vec![signature(lang, signatory, &day)],
        footer: tr(lang, "chrono-footer", &[("day", today_words(lang))]),
    };
    Ok(Some(doc))
}

/// One row per modality: planned, credited, required, standing.
fn budget_rows(lang: Lang, v: &rules::Validation) -> Vec<Vec<String>> {
    v.budgets
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
        .collect()
}

/// « Claire Martin, directrice de l’EAFC, atteste que … a suivi … pour une durée réalisée de
/// … sur … prévues. »
fn attestation(
    lang: Lang,
    signatory: &NamedSignatory,
    trainee: &str,
    training: &Training,
    c: &Cohort,
    v: &rules::Validation,
) -> String {
    let day = |d: &str| {
        d.parse::<jiff::civil::Date>()
            .map(|d| crate::i18n::day_words(lang, d))
            .unwrap_or_else(|_| d.to_owned())
    };
    let (planned, achieved) = v.budgets.iter().fold((0, 0), |(p, a), b| {
        (p + b.planned_minutes, a + b.achieved_minutes)
    });
    tr(
        lang,
        match signatory.capacity {
            Capacity::Director => "pdf-certificate-attests",
            Capacity::Delegate => "pdf-certificate-attests-delegate",
        },
        &[
            ("signatory", signatory.name.clone()),
            ("title", signatory.title.clone()),
            ("trainee", trainee.to_owned()),
            ("training", training.title.clone()),
            ("start", day(&c.starts_on)),
            ("end", day(&c.ends_on)),
            ("achieved", crate::i18n::duration(achieved)),
            ("planned", crate::i18n::duration(planned)),
        ],
    )
}

/// The signature block: for the EAFC (by delegation, for a delegate), dated by the cohort's
/// end, with the signatory's name and title.
fn signature(lang: Lang, signatory: &NamedSignatory, day: &str) -> (String, String) {
    (
        t(
            lang,
            match signatory.capacity {
                Capacity::Director => "pdf-certificate-signature",
                Capacity::Delegate => "pdf-certificate-signature-delegate",
            },
        ),
        format!(
            "{}\n{}\n{}",
            tr(lang, "pdf-certificate-done", &[("day", day.to_owned())]),
            signatory.name,
            signatory.title
        ),
    )
}

/// Whether `issuing` lets the list show `user`'s certificate.
pub(super) fn listed(issuing: &Issuing, user: i64) -> bool {
    issuing.refusal(user).is_none()
}
