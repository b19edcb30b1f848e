//! Parsing of what people submit (pages and API alike) into domain values, field by field.

pub use hybride_domain::text::{optional_line, url};
pub use hybride_domain::time::time_of_day;
use hybride_domain::{DispositifId, FieldErrors, Invalid, LongText, Minutes, ModuleId, Title};
use hybride_training::cohorts::NewCohort;
use hybride_training::trainings::NewTraining;

/// A training as submitted; durations already read (from hours in forms, minutes in the API).
pub struct TrainingFields<'a> {
    pub plan_id: Option<i64>,
    pub pilot_id: i64,
    pub dispositif_id: &'a str,
    pub module_id: &'a str,
    pub title: &'a str,
    pub objectives: &'a str,
    pub public: &'a str,
    pub in_person: Result<Minutes, Invalid>,
    pub synchronous: Result<Minutes, Invalid>,
    pub asynchronous: Result<Minutes, Invalid>,
    pub validation_criteria: &'a str,
    pub min_attendance_percent: Result<u8, Invalid>,
}

pub fn percent(raw: &str) -> Result<u8, Invalid> {
    let s = raw.trim().trim_end_matches('%').trim();
    if s.is_empty() {
        return Err(Invalid::new("error-required"));
    }
    match s.parse::<u8>() {
        Ok(p) if p <= 100 => Ok(p),
        _ => Err(Invalid::with("error-percent", s)),
    }
}

pub fn minutes(m: i64) -> Result<Minutes, Invalid> {
    u32::try_from(m)
        .map_err(|_| Invalid::with("error-duration-invalid", m))
        .and_then(Minutes::new)
}

pub fn training(f: TrainingFields<'_>) -> Result<NewTraining, FieldErrors> {
    let mut e = FieldErrors::new();
    let plan_id = e.check("plan_id", f.plan_id.ok_or(Invalid::new("error-required")));
    let dispositif_id = e.check("dispositif_id", DispositifId::parse(f.dispositif_id));
    let module_id = e.check("module_id", ModuleId::parse(f.module_id));
    let title = e.check("title", Title::parse(f.title));
    let objectives = e.check("objectives", LongText::parse(f.objectives));
    let public = e.check("public", LongText::parse(f.public));
    let in_person = e.check("in_person", f.in_person);
    let synchronous = e.check("synchronous", f.synchronous);
    let asynchronous = e.check("asynchronous", f.asynchronous);
    let validation_criteria = e.check("validation_criteria", required_text(f.validation_criteria));
    let min_attendance_percent = e.check("min_attendance_percent", f.min_attendance_percent);
    if let (Some(a), Some(b), Some(c)) = (in_person, synchronous, asynchronous) {
        if (a + b + c) == Minutes::ZERO {
            e.add("in_person", Invalid::new("error-hours-none"));
        }
    }
    match (
        plan_id,
        dispositif_id,
        module_id,
        title,
        objectives,
        public,
        (in_person, synchronous, asynchronous),
        validation_criteria,
        min_attendance_percent,
    ) {
        (
            Some(plan_id),
            Some(dispositif_id),
            Some(module_id),
            Some(title),
            Some(objectives),
            Some(public),
            (Some(in_person), Some(synchronous), Some(asynchronous)),
            Some(validation_criteria),
            Some(min_attendance_percent),
        ) if e.is_empty() => Ok(NewTraining {
            plan_id,
            dispositif_id,
            module_id,
            title,
            objectives,
            public,
            in_person,
            synchronous,
            asynchronous,
            validation_criteria,
            min_attendance_percent,
            pilot_id: f.pilot_id,
        }),
        _ => Err(e),
    }
}

pub struct CohortFields<'a> {
    pub training_id: i64,
    pub label: &'a str,
    pub gaia_session_id: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
    pub course_url: &'a str,
}

fn date(raw: &str) -> Result<jiff::civil::Date, Invalid> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Invalid::new("error-required"));
    }
    s.parse::<jiff::civil::Date>()
        .map_err(|_| Invalid::with("error-date", s))
}

pub fn cohort(f: CohortFields<'_>) -> Result<NewCohort, FieldErrors> {
    let mut e = FieldErrors::new();
    let label = e.check("label", Title::parse(f.label));
    let gaia = f.gaia_session_id.trim();
    let gaia_session_id = e.check(
        "gaia_session_id",
        if gaia.is_empty() {
            Ok(None)
        } else if gaia.len() <= 10 && gaia.bytes().all(|c| c.is_ascii_digit()) {
            Ok(Some(gaia.to_owned()))
        } else {
            Err(Invalid::with("error-gaia-session", gaia))
        },
    );
    let starts_on = e.check("starts_on", date(f.starts_on));
    let ends_on = e.check("ends_on", date(f.ends_on));
    if let (Some(a), Some(b)) = (starts_on, ends_on) {
        if b < a {
            e.add("ends_on", Invalid::new("error-dates-order"));
        }
    }
    let course_url = e.check("course_url", url(f.course_url));
    match (label, gaia_session_id, starts_on, ends_on, course_url) {
        (Some(label), Some(gaia_session_id), Some(starts_on), Some(ends_on), Some(course_url))
            if e.is_empty() =>
        {
            Ok(NewCohort {
                training_id: f.training_id,
                label,
                gaia_session_id,
                starts_on,
                ends_on,
                course_url,
            })
        }
        _ => Err(e),
    }
}

/// E-mail addresses typed one per line (or separated by commas, semicolons or spaces).
pub fn email_list(raw: &str) -> Result<Vec<hybride_domain::Email>, Invalid> {
    let mut out = Vec::new();
    for part in raw.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        if part.is_empty() {
            continue;
        }
        let e = hybride_domain::Email::parse(part)
            .map_err(|_| Invalid::with("error-email-in-list", part))?;
        if !out.contains(&e) {
            out.push(e);
        }
    }
    if out.is_empty() {
        return Err(Invalid::new("error-required"));
    }
    if out.len() > 500 {
        return Err(Invalid::with("error-list-too-long", 500));
    }
    Ok(out)
}

/// A scenario step as submitted.
pub struct StepFields<'a> {
    pub modality: &'a str,
    pub learning_type: &'a str,
    pub title: &'a str,
    pub collective: bool,
    pub social: bool,
    pub minutes: Result<hybride_domain::Minutes, Invalid>,
    pub instructions: &'a str,
    pub resources: &'a str,
    pub evidence: &'a str,
    pub evaluation: &'a str,
    pub trainer_role: &'a str,
    pub mandatory: bool,
    /// How an asynchronous step's time is credited; empty keeps the default.
    pub credit_rule: &'a str,
}

pub fn step(f: StepFields<'_>) -> Result<hybride_training::trainings::NewStep, FieldErrors> {
    use hybride_domain::{LearningType, Modality};
    let mut e = FieldErrors::new();
    let modality = e.check("modality", Modality::parse(f.modality));
    let learning_type = e.check("learning_type", LearningType::parse(f.learning_type));
    let title = e.check("title", Title::parse(f.title));
    let minutes = e.check("minutes", f.minutes);
    let instructions = e.check("instructions", LongText::parse(f.instructions));
    let resources = e.check("resources", LongText::parse(f.resources));
    let evidence = e.check("evidence", LongText::parse(f.evidence));
    let evaluation = e.check("evaluation", LongText::parse(f.evaluation));
    let trainer_role = e.check("trainer_role", LongText::parse(f.trainer_role));
    let credit_rule = e.check(
        "credit_rule",
        if f.credit_rule.trim().is_empty() {
            Ok(hybride_domain::attendance::CreditRule::EstimateOnValidation)
        } else {
            hybride_domain::attendance::CreditRule::parse(f.credit_rule)
        },
    );
    match (
        modality,
        learning_type,
        title,
        minutes,
        instructions,
        resources,
        evidence,
        evaluation,
        trainer_role,
        credit_rule,
    ) {
        (
            Some(modality),
            Some(learning_type),
            Some(title),
            Some(minutes),
            Some(instructions),
            Some(resources),
            Some(evidence),
            Some(evaluation),
            Some(trainer_role),
            Some(credit_rule),
        ) => Ok(hybride_training::trainings::NewStep {
            modality,
            learning_type,
            title,
            collective: f.collective,
            social: f.social,
            minutes,
            instructions,
            resources,
            evidence,
            evaluation,
            trainer_role,
            mandatory: f.mandatory,
            credit_rule,
        }),
        _ => Err(e),
    }
}

/// A calendar date `YYYY-MM-DD`.
pub fn day(raw: &str) -> Result<jiff::civil::Date, Invalid> {
    date(raw)
}

/// A free text that must not be empty.
pub fn required_text(raw: &str) -> Result<LongText, Invalid> {
    LongText::required(raw)
}

/// A short one-line text, possibly empty (a place, a label).
/// The opening message as submitted: the validation criteria and the accompaniment are required.
pub struct OpeningFields<'a> {
    pub introduction: &'a str,
    pub objectives: &'a str,
    pub validation: &'a str,
    pub accompaniment: &'a str,
    pub availability: &'a str,
}

pub fn opening(f: OpeningFields<'_>) -> Result<hybride_training::during::OpeningText, FieldErrors> {
    let mut e = FieldErrors::new();
    let introduction = e.check("introduction", LongText::parse(f.introduction));
    let objectives = e.check("objectives", LongText::parse(f.objectives));
    let validation = e.check("validation", required_text(f.validation));
    let accompaniment = e.check("accompaniment", required_text(f.accompaniment));
    let availability = e.check("availability", LongText::parse(f.availability));
    match (
        introduction,
        objectives,
        validation,
        accompaniment,
        availability,
    ) {
        (Some(i), Some(o), Some(v), Some(a), Some(av)) if e.is_empty() => {
            Ok(hybride_training::during::OpeningText {
                introduction: i.as_str().to_owned(),
                objectives: o.as_str().to_owned(),
                validation: v.as_str().to_owned(),
                accompaniment: a.as_str().to_owned(),
                availability: av.as_str().to_owned(),
            })
        }
        _ => Err(e),
    }
}

/// An activity's own instructions: empty means "follow the scenario step".
pub fn instructions(raw: &str) -> Result<Option<String>, Invalid> {
    LongText::parse(raw).map(|t| {
        let t = t.as_str().trim();
        (!t.is_empty()).then(|| t.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_and_url() {
        assert_eq!(percent("80 %").unwrap(), 80);
        assert!(percent("101").is_err());
        assert!(percent("").is_err());
        assert!(url("javascript:alert(1)").is_err());
        assert_eq!(url("").unwrap(), None);
        assert!(
            url("https://magistere.education.fr/ac-lyon/course/view.php?id=12")
                .unwrap()
                .is_some()
        );
    }

    #[test]
    fn email_lists() {
        let l = email_list("a@ac-lyon.fr\nb@ac-lyon.fr; a@ac-lyon.fr").unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(
            email_list("a@ac-lyon.fr x").unwrap_err().key,
            "error-email-in-list"
        );
    }
}
