//! During the training: convocations and personal links, the opening message, instructions at
//! each activity, the "during" checklist, and the jobs that run on their own (instructions at
//! an activity's start, the reminder before the first synchronous activity). Shared by the
//! pages, the API and the server's scheduler.

use crate::i18n::{self, Lang};
use crate::Error;
use crate::Hybride;
use hybride_docs::ics::{self, CalendarEvent};
use hybride_store::cohorts::{self, Activity, Cohort};
use hybride_store::during::{self, ConvocationKind, Secrets};
pub use hybride_store::during::{OpeningMessage, OpeningText, TraineeLinks};
use hybride_store::outbox::{Attachment, Mail};
use hybride_store::trainings::{self, Step, Training};
use hybride_store::{before, now, people, Store};
use minijinja::context;
use std::collections::HashMap;

/// The instructions trainees see for an activity: the cohort's own, or its scenario step's.
pub fn instructions<'a>(a: &'a Activity, steps: &'a [Step]) -> &'a str {
    match a.instructions.as_deref() {
        Some(own) => own,
        None => a
            .step_id
            .and_then(|id| steps.iter().find(|s| s.id == id))
            .map(|s| s.instructions.as_str())
            .unwrap_or(""),
    }
}

/// The activities of a cohort as mails and calendars list them, with a personal join link for
/// each synchronous distance activity when the trainee has one.
fn shown_activities(
    activities: &[Activity],
    steps: &[Step],
    base: &str,
    joins: &HashMap<i64, String>,
) -> Vec<minijinja::Value> {
    activities
        .iter()
        .map(|a| {
            context! {
                title => a.title,
                modality => a.modality.as_str(),
                starts_at => a.starts_at,
                ends_at => a.ends_at,
                place => a.place,
                join_url => joins.get(&a.id).map(|s| format!("{base}/j/{s}")),
                instructions => instructions(a, steps),
            }
        })
        .collect()
}

fn events(
    lang: Lang,
    t: &Training,
    activities: &[Activity],
    base: &str,
    joins: &HashMap<i64, String>,
) -> Vec<CalendarEvent> {
    let stamp = now();
    activities
        .iter()
        .map(|a| {
            let join = joins.get(&a.id).map(|s| format!("{base}/j/{s}"));
            let mut description = vec![
                t.title.clone(),
                i18n::t(lang, &format!("modality-{}", a.modality.as_str())),
            ];
            if let Some(j) = &join {
                description.push(i18n::tr(lang, "mail-join-link", &[("link", j.clone())]));
            }
            CalendarEvent {
                uid: format!("activity-{}@hybride", a.id),
                starts_at: a.starts_at,
                ends_at: a.ends_at,
                summary: format!("{} — {}", a.title, t.title),
                description: description.join("\n"),
                location: a.place.clone(),
                url: join.or_else(|| Some(format!("{base}/cohorts/{}", a.cohort_id))),
                stamp,
            }
        })
        .collect()
}

/// Queues one trainee's convocation (or reminder) with fresh personal links.
pub async fn convoke(
    state: &Hybride,
    c: &Cohort,
    user_id: i64,
    kind: ConvocationKind,
    sender: Option<i64>,
) -> Result<(), Error> {
    let s = &state.store;
    let t = trainings::get(s, c.training_id).await?;
    let steps = trainings::steps(s, t.id).await?;
    let activities = cohorts::activities(s, c.id).await?;
    let trainee = people::get(s, user_id).await?;
    let lang = Lang::of_locale(&trainee.locale);
    let base = state.config.public_url.clone();
    let templates = state.texts.clone();
    let mut failure = None;
    let compose = |secrets: &Secrets| {
        let joins: HashMap<i64, String> = secrets.joins.iter().cloned().collect();
        let body = templates.text(
            "mail/convocation.txt",
            lang,
            context! {
                reminder => kind == ConvocationKind::Reminder,
                first_name => trainee.first_name,
                training => t,
                cohort => c,
                activities => shown_activities(&activities, &steps, &base, &joins),
                login_url => format!("{base}/m/{}", secrets.login),
                calendar_url => format!("{base}/calendar/{}.ics", secrets.calendar),
                equipment_url => format!("{base}/equipment"),
            },
        );
        let body = match body {
            Ok(b) => b,
            Err(e) => {
                failure = Some(e);
                return None;
            }
        };
        let subject_key = match kind {
            ConvocationKind::Convocation => "mail-convocation-subject",
            ConvocationKind::Reminder => "mail-reminder-subject",
        };
        let subject = i18n::tr(lang, subject_key, &[("training", t.title.clone())]);
        let calendar = ics::calendar(&t.title, &events(lang, &t, &activities, &base, &joins));
        Some(
            Mail::new(trainee.email.clone(), subject, body).with_attachment(Attachment {
                name: "formation.ics".into(),
                content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
                content: calendar,
            }),
        )
    };
    let queued = during::convoke(s, c.id, user_id, kind, sender, compose).await;
    if let Some(e) = failure {
        return Err(e);
    }
    queued?;
    Ok(())
}

/// Convokes every enrolled trainee who has not been yet; returns how many.
pub async fn convoke_pending(state: &Hybride, c: &Cohort, sender: i64) -> Result<usize, Error> {
    let mut sent = 0;
    for l in during::link_status(&state.store, c.id).await? {
        if l.sent_count == 0 {
            convoke(
                state,
                c,
                l.user_id,
                ConvocationKind::Convocation,
                Some(sender),
            )
            .await?;
            sent += 1;
        }
    }
    Ok(sent)
}

/// Convokes the cohort's trainees now, on behalf of `by`: `None`, every one not convoked yet;
/// `Some(ids)`, these (again, with fresh links), each of whom must be enrolled. Returns how many
/// convocations were queued. Refused (`cohort_not_started`) before the cohort is ready.
pub async fn convoke_now(
    state: &Hybride,
    c: &Cohort,
    users: Option<&[i64]>,
    by: i64,
) -> Result<usize, Error> {
    check_may_convoke(c)?;
    let Some(ids) = users else {
        return convoke_pending(state, c, by).await;
    };
    if ids.len() > 1000 {
        return Err(Error::BadRequest("user_ids: 1000 at most".into()));
    }
    for &user in ids {
        if !cohorts::is_enrolled(&state.store, c.id, user).await? {
            return Err(Error::Invalid(hybride_domain::FieldErrors(vec![(
                "user_ids",
                hybride_domain::Invalid::with("error-not-enrolled", user),
            )])));
        }
    }
    for &user in ids {
        convoke(state, c, user, ConvocationKind::Convocation, Some(by)).await?;
    }
    Ok(ids.len())
}

/// Convocations may go out once the cohort is ready, and while it runs.
pub fn may_convoke(c: &Cohort) -> bool {
    c.status.may_convoke()
}

/// [`may_convoke`] as a refusal (`cohort_not_started`) for the callers that must stop there.
pub fn check_may_convoke(c: &Cohort) -> Result<(), Error> {
    if may_convoke(c) {
        Ok(())
    } else {
        Err(Error::Refused("cohort_not_started"))
    }
}

/// The opening message's text as the composer first shows it: drawn from the training, its
/// validation rules and its accompaniment plan.
pub async fn opening_prefill(store: &Store, c: &Cohort, lang: Lang) -> Result<OpeningText, Error> {
    let t = trainings::get(store, c.training_id).await?;
    let rules = before::validation_rules(store, t.id).await?;
    let plan = before::accompaniment(store, t.id).await?;
    let mut validation = vec![t.validation_criteria.trim().to_owned()];
    if let Some(r) = rules {
        validation.push(i18n::tr(
            lang,
            "rules-attendance",
            &[
                ("in_person", r.min_in_person_percent.to_string()),
                ("synchronous", r.min_synchronous_percent.to_string()),
                ("asynchronous", r.min_asynchronous_percent.to_string()),
            ],
        ));
        if r.mandatory_steps_required.0 {
            validation.push(i18n::t(lang, "validation-mandatory-steps"));
        }
        if r.evaluation_required.0 {
            validation.push(i18n::t(lang, "validation-evaluation"));
        }
    }
    let accompaniment = match plan {
        None => String::new(),
        Some(p) => i18n::tr(
            lang,
            "opening-accompaniment-text",
            &[
                ("channels", p.channels.trim().to_owned()),
                ("hours", p.response_hours.to_string()),
                (
                    "days",
                    i18n::t(
                        lang,
                        if p.working_days_only.0 {
                            "opening-working-days"
                        } else {
                            "opening-all-days"
                        },
                    ),
                ),
                ("tutoring", p.tutoring_slots.trim().to_owned()),
                ("technical", p.technical_contact.trim().to_owned()),
                ("exchange", p.exchange_hours.trim().to_owned()),
            ],
        ),
    };
    Ok(OpeningText {
        introduction: i18n::tr(
            lang,
            "opening-introduction-text",
            &[("training", t.title.clone())],
        ),
        objectives: t.objectives.trim().to_owned(),
        validation: validation
            .into_iter()
            .filter(|v| !v.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        accompaniment,
        availability: i18n::tr(
            lang,
            "opening-availability-text",
            &[("day", crate::i18n::day_words(lang, available_until(c)))],
        ),
    })
}

/// Contents stay available two years after the cohort's last day.
pub fn available_until(c: &Cohort) -> jiff::civil::Date {
    c.ends_on
        .parse::<jiff::civil::Date>()
        .ok()
        .and_then(|d| d.checked_add(jiff::Span::new().years(2)).ok())
        .unwrap_or_default()
}

/// One mail per trainee of cohort `c`, each in the trainee's language: `template` rendered with
/// `data` (plus `first_name` and `space_url`), and the subject `subject` with `args`.
async fn mail_trainees(
    state: &Hybride,
    c: &Cohort,
    template: &str,
    subject: &str,
    args: &[(&str, String)],
    data: minijinja::Value,
) -> Result<Vec<Mail>, Error> {
    let s = &state.store;
    let space_url = format!("{}/cohorts/{}", state.config.public_url, c.id);
    let mut mails = Vec::new();
    for e in cohorts::enrollments(s, c.id).await? {
        let trainee = people::get(s, e.user_id).await?;
        let lang = Lang::of_locale(&trainee.locale);
        let body = state.texts.text(
            template,
            lang,
            context! { first_name => trainee.first_name, space_url => space_url, ..data.clone() },
        )?;
        mails.push(Mail::new(
            trainee.email.clone(),
            i18n::tr(lang, subject, args),
            body,
        ));
    }
    Ok(mails)
}

/// Publishes the opening message, e-mailing it to every trainee when `by_mail`.
pub async fn publish_opening(
    state: &Hybride,
    c: &Cohort,
    by_mail: bool,
) -> Result<OpeningMessage, Error> {
    let s = &state.store;
    let Some(m) = during::opening(s, c.id).await? else {
        return Err(Error::NotFound);
    };
    let mails = if by_mail {
        let t = trainings::get(s, c.training_id).await?;
        let steps = trainings::steps(s, t.id).await?;
        let activities = cohorts::activities(s, c.id).await?;
        let shown = shown_activities(
            &activities,
            &steps,
            &state.config.public_url,
            &HashMap::new(),
        );
        let args = [("training", t.title.clone())];
        let data = context! { message => m, training => t, activities => shown };
        mail_trainees(
            state,
            c,
            "mail/opening.txt",
            "mail-opening-subject",
            &args,
            data,
        )
        .await?
    } else {
        Vec::new()
    };
    Ok(during::publish_opening(s, c.id, &mails).await?)
}

/// Publishes an activity's instructions now (the trainer, or the scheduler at its start),
/// e-mailing them when the activity says so. Returns false when they already were.
pub async fn publish_instructions(state: &Hybride, a: &Activity) -> Result<bool, Error> {
    let s = &state.store;
    let c = cohorts::get(s, a.cohort_id).await?;
    let t = trainings::get(s, c.training_id).await?;
    let steps = trainings::steps(s, t.id).await?;
    let text = instructions(a, &steps);
    let mails = if a.instructions_by_mail.0 && !text.trim().is_empty() {
        let args = [("title", a.title.clone())];
        let data = context! { training => t, activity => a, instructions => text };
        mail_trainees(
            state,
            &c,
            "mail/instructions.txt",
            "mail-instructions-subject",
            &args,
            data,
        )
        .await?
    } else {
        Vec::new()
    };
    Ok(during::publish_instructions(s, a.id, now(), &mails).await?)
}

/// Every activity of a person's cohorts (as trainee or trainer), as a calendar feed.
pub async fn personal_calendar(state: &Hybride, user_id: i64) -> Result<String, Error> {
    let s = &state.store;
    let user = people::get(s, user_id).await?;
    let lang = Lang::of_locale(&user.locale);
    let filter = match user.role {
        hybride_domain::Role::Trainee => cohorts::CohortFilter {
            trainee_id: Some(user_id),
            ..Default::default()
        },
        _ => cohorts::CohortFilter {
            trainer_id: Some(user_id),
            ..Default::default()
        },
    };
    let mut all = Vec::new();
    for c in cohorts::list(s, filter).await? {
        let t = trainings::get(s, c.training_id).await?;
        let activities = cohorts::activities(s, c.id).await?;
        all.extend(events(
            lang,
            &t,
            &activities,
            &state.config.public_url,
            &HashMap::new(),
        ));
    }
    all.sort_by_key(|e| e.starts_at);
    Ok(ics::calendar(
        &i18n::tr(lang, "calendar-name", &[("name", user.display_name())]),
        &all,
    ))
}

// ---- reads and writes of the record, for the pages and the API

/// The draft, with when its latest version was published.
pub async fn opening(store: &Store, cohort_id: i64) -> crate::Result<Option<OpeningMessage>> {
    Ok(hybride_store::during::opening(store, cohort_id).await?)
}

/// Saves the draft; trainees keep reading the published version until the next publication.
pub async fn save_opening(
    store: &Store,
    cohort_id: i64,
    text: &OpeningText,
    author_id: i64,
) -> crate::Result<OpeningMessage> {
    Ok(hybride_store::during::save_opening(store, cohort_id, text, author_id).await?)
}

/// The version trainees read: the latest published.
pub async fn published_opening(
    store: &Store,
    cohort_id: i64,
) -> crate::Result<Option<OpeningMessage>> {
    Ok(hybride_store::during::published_opening(store, cohort_id).await?)
}

pub async fn link_status(store: &Store, cohort_id: i64) -> crate::Result<Vec<TraineeLinks>> {
    Ok(hybride_store::during::link_status(store, cohort_id).await?)
}

/// The trainee says they have received their links (« j'ai bien reçu mes liens »).
pub async fn acknowledge(store: &Store, cohort_id: i64, user_id: i64) -> crate::Result<()> {
    Ok(hybride_store::during::acknowledge(store, cohort_id, user_id).await?)
}

/// Sets a cohort's own instructions for an activity (`None` follows the scenario) and whether
/// publishing them e-mails trainees.
pub async fn set_instructions(
    store: &Store,
    cohort_id: i64,
    activity_id: i64,
    instructions: Option<&str>,
    by_mail: bool,
) -> crate::Result<Activity> {
    Ok(hybride_store::during::set_instructions(
        store,
        cohort_id,
        activity_id,
        instructions,
        by_mail,
    )
    .await?)
}
