//! The pilot trains the trainers in hybrid delivery: the register of those qualified (by hand,
//! with a reason, or by the validation of a trainers' training), how long a qualification lasts,
//! and the trainers' requests to be trained, which their pilots answer by enrolling them in a
//! session of a trainers' training or with a word.

use crate::i18n::{self, Lang};
use crate::people::User;
use crate::{Error, Hybride, Result, Store};
use hybride_domain::qualification::{self as rules, Standing};
use hybride_domain::{Email, FieldErrors, Invalid, LongText, Role};
use hybride_store::cohorts::{Cohort, CohortFilter};
use hybride_store::qualifications as stored;
use serde::Serialize;
use std::collections::HashMap;

pub use hybride_store::qualifications::{Qualification, Request, RequestFilter};

/// A record of the register, with how long it lasts.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[schema(as = QualificationEntry)]
pub struct Entry {
    #[serde(flatten)]
    pub qualification: Qualification,
    /// Its last valid day (`YYYY-MM-DD`), when the académie sets a validity.
    pub valid_until: Option<String>,
    /// Whether that day has passed: the trainer is to be trained again.
    pub expired: bool,
}

/// The académie's validity, in school years (none: for good).
pub async fn validity(store: &Store) -> Result<Option<u8>> {
    let raw = hybride_store::before::setting(store, rules::VALIDITY_SETTING).await?;
    Ok(rules::validity_of(raw.as_deref()))
}

/// Sets the validity (`None`: for good), kept in the audit log.
pub async fn set_validity(store: &Store, by: &User, years: Option<u8>) -> Result<()> {
    if years.is_some_and(|y| !(1..=rules::MAX_VALIDITY_YEARS).contains(&y)) {
        let mut e = FieldErrors::new();
        e.add(
            "validity_years",
            Invalid::with("error-range", format!("1–{}", rules::MAX_VALIDITY_YEARS)),
        );
        return Err(Error::Invalid(e));
    }
    let value = years.map(|y| y.to_string()).unwrap_or_default();
    hybride_store::before::set_setting(store, rules::VALIDITY_SETTING, &value).await?;
    crate::audit::record(
        store,
        by.into(),
        hybride_domain::audit::AuditAction::QualificationValiditySet,
        "settings",
        serde_json::json!({ rules::VALIDITY_SETTING: years }),
    )
    .await?;
    Ok(())
}

fn today() -> jiff::civil::Date {
    hybride_domain::time::today(crate::now())
}

fn entry(q: Qualification, validity: Option<u8>, today: jiff::civil::Date) -> Entry {
    let until = q
        .qualified_on
        .parse::<jiff::civil::Date>()
        .ok()
        .zip(validity)
        .map(|(on, years)| rules::valid_until(on, years));
    Entry {
        qualification: q,
        valid_until: until.map(|d| d.to_string()),
        expired: until.is_some_and(|u| today > u),
    }
}

/// The register, most recent first (or one trainer's records), with each record's validity.
pub async fn register(store: &Store, trainer_id: Option<i64>) -> Result<Vec<Entry>> {
    let validity = validity(store).await?;
    let today = today();
    Ok(stored::list(store, trainer_id)
        .await?
        .into_iter()
        .map(|q| entry(q, validity, today))
        .collect())
}

/// Where each of `trainers` stands today, in two statements whatever their number.
pub async fn standings(store: &Store, trainers: &[i64]) -> Result<HashMap<i64, Standing>> {
    let validity = validity(store).await?;
    let latest: HashMap<i64, jiff::civil::Date> = stored::latest_of(store, trainers)
        .await?
        .into_iter()
        .filter_map(|(id, day)| day.parse().ok().map(|d| (id, d)))
        .collect();
    let today = today();
    Ok(trainers
        .iter()
        .map(|id| {
            (
                *id,
                rules::standing(latest.get(id).copied(), validity, today),
            )
        })
        .collect())
}

/// Where one trainer stands today.
pub async fn standing(store: &Store, trainer_id: i64) -> Result<Standing> {
    Ok(standings(store, &[trainer_id])
        .await?
        .remove(&trainer_id)
        .unwrap_or(Standing::Missing))
}

/// A qualification recorded by hand, as typed.
#[derive(Debug, Clone, Copy)]
pub struct ByHand<'a> {
    pub email: &'a str,
    pub qualified_on: &'a str,
    pub content: &'a str,
    pub reason: &'a str,
}

/// Records by hand that a trainer was trained (by `by`, who keeps the record's authorship):
/// what was covered and why it is recorded by hand, both required. Every field refused is
/// named at once.
pub async fn record_by_hand(store: &Store, by: &User, f: ByHand<'_>) -> Result<Qualification> {
    let mut e = FieldErrors::new();
    let email = e.check("email", Email::parse(f.email));
    let on = e.check("qualified_on", {
        let s = f.qualified_on.trim();
        if s.is_empty() {
            Err(Invalid::new("error-required"))
        } else {
            s.parse::<jiff::civil::Date>()
                .map_err(|_| Invalid::with("error-date", s))
        }
    });
    let content = e.check("content", LongText::required(f.content));
    let reason = e.check("reason", LongText::required(f.reason));
    if let Some(on) = on {
        if on > today() {
            e.add("qualified_on", Invalid::new("error-qualified-in-future"));
        }
    }
    let trainer = match &email {
        Some(email) => match crate::people::by_email(store, email).await? {
            Some(u) if u.role == Role::Trainer => Some(u),
            Some(_) => {
                e.add("email", Invalid::new("refused-trainer-role"));
                None
            }
            None => {
                e.add("email", Invalid::new("error-trainer-unknown"));
                None
            }
        },
        None => None,
    };
    let (Some(trainer), Some(on), Some(content), Some(reason), true) =
        (trainer, on, content, reason, e.is_empty())
    else {
        return Err(Error::Invalid(e));
    };
    let q = stored::add(
        store,
        &stored::ByHand {
            trainer_id: trainer.id,
            qualified_on: on,
            trained_by: by.id,
            content: content.as_str(),
            reason: reason.as_str(),
            recorded_by: by.id,
        },
    )
    .await?;
    crate::audit::record(
        store,
        by.into(),
        hybride_domain::audit::AuditAction::QualificationRecorded,
        &format!("user:{}", trainer.id),
        serde_json::json!({ "email": trainer.email, "qualified_on": q.qualified_on, "reason": q.reason }),
    )
    .await?;
    Ok(q)
}

pub async fn remove(store: &Store, by: &User, id: i64) -> Result<()> {
    let q = stored::get(store, id).await?;
    stored::delete(store, id).await?;
    crate::audit::record(
        store,
        by.into(),
        hybride_domain::audit::AuditAction::QualificationRemoved,
        &format!("user:{}", q.trainer_id),
        serde_json::json!({ "trainer": q.trainer_name, "qualified_on": q.qualified_on, "cohort_id": q.cohort_id }),
    )
    .await?;
    Ok(())
}

/// Whether `user` asks to be trained (trainers do), rather than answers.
pub fn may_ask(user: &User) -> bool {
    user.role == Role::Trainer
}

/// Whether `user` answers requests (pilots and admins).
pub fn may_answer(user: &User) -> bool {
    matches!(user.role, Role::Pilot | Role::Admin)
}

/// The requests `user` sees: a trainer her own; a pilot those of the trainers of their trainings
/// (every one when granted the whole plan); admins every one. The longest waiting first.
pub async fn requests_for(store: &Store, user: &User, waiting: bool) -> Result<Vec<Request>> {
    let filter = match user.role {
        Role::Trainer => RequestFilter {
            trainer_id: Some(user.id),
            ..Default::default()
        },
        Role::Pilot => RequestFilter {
            pilot_id: crate::trainings::pilot_scope(user),
            ..Default::default()
        },
        Role::Admin => RequestFilter::default(),
        Role::Trainee => return Ok(Vec::new()),
    };
    Ok(stored::requests(store, RequestFilter { waiting, ..filter }).await?)
}

/// The request `id`, when `user` sees it; otherwise `NotFound`.
pub async fn visible_request(store: &Store, user: &User, id: i64) -> Result<Request> {
    let r = stored::request(store, id).await?;
    let seen = requests_for(store, user, false).await?;
    if seen.iter().any(|x| x.id == r.id) {
        Ok(r)
    } else {
        Err(Error::NotFound)
    }
}

/// The sessions of trainers' trainings that have not closed, which `user` manages (a pilot
/// those of their trainings, unless granted the whole plan; admins every one), the earliest first.
pub async fn sessions_for(store: &Store, user: &User) -> Result<Vec<Cohort>> {
    if !may_answer(user) {
        return Ok(Vec::new());
    }
    Ok(hybride_store::cohorts::list(
        store,
        CohortFilter {
            pilot_id: crate::trainings::pilot_scope(user),
            trains_trainers: true,
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .filter(|c| c.status.is_editable())
    .collect())
}

/// The next session of a trainers' training: the earliest that has not ended nor closed.
pub async fn next_session(store: &Store) -> Result<Option<Cohort>> {
    let today = today().to_string();
    Ok(hybride_store::cohorts::list(
        store,
        CohortFilter {
            trains_trainers: true,
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .find(|c| c.status.is_editable() && c.ends_on >= today))
}

/// A trainer asks her pilots to be trained: why, and when she is available. Her pilots are told
/// by mail. One open request at a time.
pub async fn ask(h: &Hybride, trainer: &User, reason: &str, availability: &str) -> Result<Request> {
    if !may_ask(trainer) {
        return Err(Error::Forbidden);
    }
    let mut e = FieldErrors::new();
    let reason = e.check("reason", LongText::required(reason));
    let availability = e.check("availability", LongText::required(availability));
    let (Some(reason), Some(availability)) = (reason, availability) else {
        return Err(Error::Invalid(e));
    };
    let r = stored::ask(&h.store, trainer.id, reason.as_str(), availability.as_str()).await?;
    for pilot in stored::pilots_of(&h.store, trainer.id).await? {
        let lang = Lang::of_locale(&pilot.locale);
        let mail = hybride_store::outbox::Mail::new(
            pilot.email.clone(),
            i18n::tr(
                lang,
                "mail-qualification-asked-subject",
                &[("trainer", trainer.display_name())],
            ),
            i18n::tr(
                lang,
                "mail-qualification-asked-body",
                &[
                    ("name", pilot.first_name.clone()),
                    ("trainer", trainer.display_name()),
                    ("reason", r.reason.clone()),
                    ("availability", r.availability.clone()),
                    (
                        "link",
                        format!("{}/qualifications/requests", h.config.public_url),
                    ),
                ],
            ),
        );
        crate::outbox::enqueue(&h.store, &mail).await?;
    }
    tracing::info!(trainer = trainer.id, request = r.id, "qualification asked");
    Ok(r)
}

/// Answers a waiting request by enrolling its trainer in `cohort_id`, a session of a trainers'
/// training that `by` manages; she is told by mail, with the session's dates.
pub async fn enrol(
    h: &Hybride,
    by: &User,
    request_id: i64,
    cohort_id: i64,
    answer: &str,
) -> Result<Request> {
    let r = visible_request(&h.store, by, request_id).await?;
    let mut e = FieldErrors::new();
    let answer = e.check("answer", LongText::parse(answer));
    let sessions = sessions_for(&h.store, by).await?;
    let Some(session) = sessions.into_iter().find(|c| c.id == cohort_id) else {
        e.add("cohort_id", Invalid::new("error-trainers-session"));
        return Err(Error::Invalid(e));
    };
    let Some(answer) = answer else {
        return Err(Error::Invalid(e));
    };
    let r2 = stored::enrol(&h.store, r.id, session.id, by.id, answer.as_str()).await?;
    let trainer = crate::people::get(&h.store, r.trainer_id).await?;
    let lang = Lang::of_locale(&trainer.locale);
    let day = |raw: &str| {
        raw.parse::<jiff::civil::Date>()
            .map(|d| i18n::day_words(lang, d))
            .unwrap_or_else(|_| raw.to_owned())
    };
    let mail = hybride_store::outbox::Mail::new(
        trainer.email.clone(),
        i18n::t(lang, "mail-qualification-enrolled-subject"),
        i18n::tr(
            lang,
            "mail-qualification-enrolled-body",
            &[
                ("name", trainer.first_name.clone()),
                ("pilot", by.display_name()),
                ("training", session.training_title.clone()),
                ("session", session.label.clone()),
                ("first", day(&session.starts_on)),
                ("last", day(&session.ends_on)),
                ("answer", answer.as_str().to_owned()),
                (
                    "link",
                    format!("{}/qualifications/mine", h.config.public_url),
                ),
            ],
        ),
    );
    crate::outbox::enqueue(&h.store, &mail).await?;
    tracing::info!(
        request = r.id,
        cohort = session.id,
        by = by.id,
        "trainer enrolled to be trained"
    );
    Ok(r2)
}

/// Answers a waiting request with a word (for example: the next session is in March); the
/// trainer is told by mail.
pub async fn decline(h: &Hybride, by: &User, request_id: i64, answer: &str) -> Result<Request> {
    let r = visible_request(&h.store, by, request_id).await?;
    let mut e = FieldErrors::new();
    let Some(answer) = e.check("answer", LongText::required(answer)) else {
        return Err(Error::Invalid(e));
    };
    let r2 = stored::decline(&h.store, r.id, by.id, answer.as_str()).await?;
    let trainer = crate::people::get(&h.store, r.trainer_id).await?;
    let lang = Lang::of_locale(&trainer.locale);
    let mail = hybride_store::outbox::Mail::new(
        trainer.email.clone(),
        i18n::t(lang, "mail-qualification-answered-subject"),
        i18n::tr(
            lang,
            "mail-qualification-answered-body",
            &[
                ("name", trainer.first_name.clone()),
                ("pilot", by.display_name()),
                ("answer", answer.as_str().to_owned()),
                (
                    "link",
                    format!("{}/qualifications/mine", h.config.public_url),
                ),
            ],
        ),
    );
    crate::outbox::enqueue(&h.store, &mail).await?;
    Ok(r2)
}

/// Marks (or unmarks) a training as the one that trains trainers in hybrid delivery.
pub async fn set_trains_trainers(store: &Store, training_id: i64, on: bool) -> Result<()> {
    Ok(stored::set_trains_trainers(store, training_id, on).await?)
}
