//! Questions to the pilot (the charter: « Pour toutes questions, adressez-vous au pilote de la
//! formation »): a training's trainers ask its pilot; the pilot answers from one inbox of all
//! their trainings, the longest waiting first; both are told by mail; either marks the question
//! resolved; an answered question can be published to the training's trainers as its FAQ. The
//! pilots' answering time is measured like the trainers' (the median and the longest wait).

use crate::i18n::{self, Lang};
use crate::people::User;
use crate::{Error, Hybride, Result, Store};
use hybride_domain::discussion::{waits, Waits};
use hybride_domain::{FieldErrors, Invalid, LongText, Role, Title};
use hybride_store::questions::{self as stored, QuestionFilter};
use serde::Serialize;

pub use hybride_store::questions::{Message, Question};

/// Whether `user` answers `q`: the pilot it was asked of, a pilot granted the whole plan, admins.
pub fn answers(user: &User, q: &Question) -> bool {
    match user.role {
        Role::Admin => true,
        Role::Pilot => user.id == q.pilot_id || user.whole_plan.0,
        _ => false,
    }
}

/// Whether `user` sees `q`: who asked it, and those who answer it.
pub fn sees(user: &User, q: &Question) -> bool {
    user.id == q.asked_by || answers(user, q)
}

/// The question `id`, when `user` sees it; otherwise `NotFound`.
pub async fn visible(store: &Store, user: &User, id: i64) -> Result<Question> {
    let q = stored::get(store, id).await?;
    if sees(user, &q) {
        Ok(q)
    } else {
        Err(Error::NotFound)
    }
}

/// The questions `user` sees: a trainer those she asked; a pilot those asked of them (every one
/// when granted the whole plan); admins every one. Open ones first, the longest waiting first.
pub async fn inbox(store: &Store, user: &User) -> Result<Vec<Question>> {
    let filter = match user.role {
        Role::Trainer => QuestionFilter {
            asked_by: Some(user.id),
            ..Default::default()
        },
        Role::Pilot => QuestionFilter {
            pilot_id: crate::trainings::pilot_scope(user),
            ..Default::default()
        },
        Role::Admin => QuestionFilter::default(),
        Role::Trainee => return Ok(Vec::new()),
    };
    Ok(stored::list(store, filter).await?)
}

/// A question and its conversation.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[schema(as = QuestionConversation)]
pub struct Conversation {
    pub question: Question,
    pub messages: Vec<Message>,
}

pub async fn conversation(store: &Store, user: &User, id: i64) -> Result<Conversation> {
    let question = visible(store, user, id).await?;
    let messages = stored::messages(store, id).await?;
    Ok(Conversation { question, messages })
}

/// The trainings `user` may ask about: those they deliver.
pub async fn askable(store: &Store, user: &User) -> Result<Vec<crate::trainings::Training>> {
    if user.role != Role::Trainer {
        return Ok(Vec::new());
    }
    crate::trainings::list(
        store,
        crate::trainings::TrainingFilter {
            trainer_id: Some(user.id),
            ..Default::default()
        },
    )
    .await
}

/// A trainer of `training_id` asks its pilot; the pilot is told by mail.
pub async fn ask(
    h: &Hybride,
    user: &User,
    training_id: i64,
    subject: &str,
    body: &str,
) -> Result<Question> {
    if user.role != Role::Trainer {
        return Err(Error::Forbidden);
    }
    let mut e = FieldErrors::new();
    let subject = e.check("subject", Title::parse(subject));
    let body = e.check("body", LongText::required(body));
    let delivers = crate::trainings::is_trainer_of(&h.store, training_id, user.id)
        .await
        .unwrap_or(false);
    if !delivers {
        e.add("training_id", Invalid::new("error-question-training"));
    }
    let (Some(subject), Some(body), true) = (subject, body, e.is_empty()) else {
        return Err(Error::Invalid(e));
    };
    let q = stored::ask(
        &h.store,
        training_id,
        user.id,
        subject.as_str(),
        body.as_str(),
    )
    .await?;
    let pilot = crate::people::get(&h.store, q.pilot_id).await?;
    let lang = Lang::of_locale(&pilot.locale);
    notify(
        h,
        &pilot,
        i18n::tr(
            lang,
            "mail-question-asked-subject",
            &[("training", q.training_title.clone())],
        ),
        i18n::tr(
            lang,
            "mail-question-asked-body",
            &[
                ("name", pilot.first_name.clone()),
                ("trainer", user.display_name()),
                ("training", q.training_title.clone()),
                ("subject", q.subject.clone()),
                ("body", q.body.clone()),
                (
                    "link",
                    format!("{}/questions/{}", h.config.public_url, q.id),
                ),
            ],
        ),
    )
    .await?;
    tracing::info!(
        question = q.id,
        training = training_id,
        "question asked of the pilot"
    );
    Ok(q)
}

async fn notify(h: &Hybride, to: &User, subject: String, body: String) -> Result<()> {
    let mail = hybride_store::outbox::Mail::new(to.email.clone(), subject, body);
    crate::outbox::enqueue(&h.store, &mail).await?;
    Ok(())
}

/// A message in the conversation: the pilot's side answers (the one who asked is told by mail),
/// the one who asked adds to it (the pilot is told). Refused once resolved.
pub async fn reply(h: &Hybride, user: &User, id: i64, body: &str) -> Result<Message> {
    let q = visible(&h.store, user, id).await?;
    let mut e = FieldErrors::new();
    let Some(body) = e.check("body", LongText::required(body)) else {
        return Err(Error::Invalid(e));
    };
    let from_pilot = answers(user, &q) && user.id != q.asked_by;
    let m = stored::reply(&h.store, q.id, user.id, body.as_str(), from_pilot).await?;
    let to = crate::people::get(&h.store, if from_pilot { q.asked_by } else { q.pilot_id }).await?;
    let lang = Lang::of_locale(&to.locale);
    notify(
        h,
        &to,
        i18n::tr(
            lang,
            "mail-question-reply-subject",
            &[("subject", q.subject.clone())],
        ),
        i18n::tr(
            lang,
            "mail-question-reply-body",
            &[
                ("name", to.first_name.clone()),
                ("author", user.display_name()),
                ("subject", q.subject.clone()),
                ("body", m.body.clone()),
                (
                    "link",
                    format!("{}/questions/{}", h.config.public_url, q.id),
                ),
            ],
        ),
    )
    .await?;
    Ok(m)
}

/// Marks the question resolved: who asked it, or who answers it.
pub async fn resolve(store: &Store, user: &User, id: i64) -> Result<Question> {
    let q = visible(store, user, id).await?;
    Ok(stored::resolve(store, q.id).await?)
}

/// Publishes an answered question to its training's trainers as its FAQ (or withdraws it):
/// who answers it only.
pub async fn publish(store: &Store, user: &User, id: i64, on: bool) -> Result<Question> {
    let q = visible(store, user, id).await?;
    if !answers(user, &q) {
        return Err(Error::Forbidden);
    }
    Ok(stored::publish(store, q.id, on).await?)
}

/// The FAQ of a training: its published questions with their conversations, for those who see
/// the training.
pub async fn faq(store: &Store, training_id: i64) -> Result<Vec<Conversation>> {
    let mut out = Vec::new();
    for question in stored::list(
        store,
        QuestionFilter {
            training_id: Some(training_id),
            published: true,
            ..Default::default()
        },
    )
    .await?
    {
        let messages = stored::messages(store, question.id).await?;
        out.push(Conversation { question, messages });
    }
    Ok(out)
}

/// One pilot's answering time.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PilotWaits {
    pub pilot_id: i64,
    pub pilot_name: String,
    #[serde(flatten)]
    pub waits: Waits,
}

/// Each pilot's answering time (admins see every pilot's; a pilot their own).
pub async fn pilot_waits(store: &Store, user: &User) -> Result<Vec<PilotWaits>> {
    let now = crate::now();
    let mut out: Vec<PilotWaits> = Vec::new();
    let rows = stored::waits(store).await?;
    let mut i = 0;
    while i < rows.len() {
        let (pilot, name) = (rows[i].0, rows[i].1.clone());
        let mut of_pilot = Vec::new();
        while i < rows.len() && rows[i].0 == pilot {
            of_pilot.push((rows[i].2, rows[i].3));
            i += 1;
        }
        if user.role == Role::Admin || user.id == pilot {
            out.push(PilotWaits {
                pilot_id: pilot,
                pilot_name: name,
                waits: waits(&of_pilot, now),
            });
        }
    }
    Ok(out)
}

/// Whether `user` reads the pilots' answering times (pilots their own, admins every one).
pub fn may_see_waits(user: &User) -> bool {
    matches!(user.role, Role::Pilot | Role::Admin)
}

/// Whether `user` may ask the pilot of `training_id` a question: its trainers.
pub async fn may_ask_about(store: &Store, user: &User, training_id: i64) -> Result<bool> {
    Ok(user.role == Role::Trainer
        && crate::trainings::is_trainer_of(store, training_id, user.id).await?)
}

/// What the home page says of questions: how many wait for `user`'s answer (those asked of a
/// pilot, or every one for admins), and how many of `user`'s questions were answered and are
/// not resolved yet.
pub async fn on_home(store: &Store, user: &User) -> Result<(usize, usize)> {
    if user.role == Role::Trainee {
        return Ok((0, 0));
    }
    let inbox = inbox(store, user).await?;
    let open = |q: &&Question| q.resolved_at.is_none();
    let waiting = inbox
        .iter()
        .filter(open)
        .filter(|q| q.answered_at.is_none() && answers(user, q))
        .count();
    let answered = inbox
        .iter()
        .filter(open)
        .filter(|q| q.answered_at.is_some() && q.asked_by == user.id)
        .count();
    Ok((waiting, answered))
}
/// Within how many hours a pilot answers, as the académie states it.
pub async fn delay_hours(store: &Store) -> Result<u32> {
    let raw =
        hybride_store::before::setting(store, hybride_domain::discussion::QUESTION_DELAY_SETTING)
            .await?;
    Ok(hybride_domain::discussion::question_delay_of(
        raw.as_deref(),
    ))
}

/// Sets the académie's delay (admins), kept in the audit log.
pub async fn set_delay_hours(store: &Store, by: &User, hours: u32) -> Result<()> {
    use hybride_domain::discussion::{QUESTION_DELAY_MAX, QUESTION_DELAY_SETTING};
    if !(1..=QUESTION_DELAY_MAX).contains(&hours) {
        let mut e = FieldErrors::new();
        e.add(
            "delay_hours",
            Invalid::with("error-range", format!("1–{QUESTION_DELAY_MAX}")),
        );
        return Err(Error::Invalid(e));
    }
    hybride_store::before::set_setting(store, QUESTION_DELAY_SETTING, &hours.to_string()).await?;
    crate::audit::record(
        store,
        by.into(),
        hybride_domain::audit::AuditAction::QuestionDelaySet,
        "settings",
        serde_json::json!({ QUESTION_DELAY_SETTING: hours }),
    )
    .await?;
    Ok(())
}

/// The open questions still unanswered past the académie's delay, the longest waiting first:
/// for admins, who may pass one to another pilot.
pub async fn overdue(store: &Store, user: &User) -> Result<Vec<Question>> {
    if user.role != Role::Admin {
        return Ok(Vec::new());
    }
    let limit = crate::now() - i64::from(delay_hours(store).await?) * 3_600;
    Ok(inbox(store, user)
        .await?
        .into_iter()
        .filter(|q| q.resolved_at.is_none() && q.answered_at.is_none() && q.asked_at < limit)
        .collect())
}

/// An admin passes an open question to another pilot, who is told by mail.
pub async fn pass(h: &Hybride, by: &User, id: i64, pilot_email: &str) -> Result<Question> {
    if by.role != Role::Admin {
        return Err(Error::Forbidden);
    }
    let q = visible(&h.store, by, id).await?;
    let mut e = FieldErrors::new();
    let pilot = match e.check("pilot_email", hybride_domain::Email::parse(pilot_email)) {
        Some(email) => match crate::people::by_email(&h.store, &email).await? {
            Some(u) if u.role == Role::Pilot && u.active.0 => Some(u),
            _ => {
                e.add("pilot_email", Invalid::new("error-pilot-unknown"));
                None
            }
        },
        None => None,
    };
    let Some(pilot) = pilot else {
        return Err(Error::Invalid(e));
    };
    let passed = stored::pass(&h.store, q.id, pilot.id).await?;
    crate::audit::record(
        &h.store,
        by.into(),
        hybride_domain::audit::AuditAction::QuestionPassed,
        &format!("question:{}", q.id),
        serde_json::json!({ "from": q.pilot_name, "to": passed.pilot_name }),
    )
    .await?;
    let lang = Lang::of_locale(&pilot.locale);
    notify(
        h,
        &pilot,
        i18n::tr(
            lang,
            "mail-question-asked-subject",
            &[("training", q.training_title.clone())],
        ),
        i18n::tr(
            lang,
            "mail-question-passed-body",
            &[
                ("name", pilot.first_name.clone()),
                ("admin", by.display_name()),
                ("trainer", q.asked_by_name.clone()),
                ("training", q.training_title.clone()),
                ("subject", q.subject.clone()),
                ("body", q.body.clone()),
                (
                    "link",
                    format!("{}/questions/{}", h.config.public_url, q.id),
                ),
            ],
        ),
    )
    .await?;
    Ok(passed)
}
