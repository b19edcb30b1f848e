//! During the training: convocations and personal links, the opening message, instructions at
//! each activity, the "during" checklist, and the jobs that run on their own (instructions at
//! an activity's start, the reminder before the first synchronous activity). Shared by the
//! pages, the API and the server's scheduler.

use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::AppState;
use hybride_docs::ics::{self, CalendarEvent};
use hybride_domain::checklist::{self, InstructionsFacts, Item, LinksFacts, OpeningFacts};
use hybride_store::cohorts::{self, Activity, Cohort};
use hybride_store::during::{self, ConvocationKind, OpeningMessage, OpeningText, Secrets};
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

/// The four "during" items of a cohort.
pub async fn checklist(store: &Store, c: &Cohort) -> Result<Vec<Item>, AppError> {
    checklist_of(store, c, &cohorts::activities(store, c.id).await?).await
}

/// The four "during" items, with the cohort's activities already read.
pub async fn checklist_of(
    store: &Store,
    c: &Cohort,
    activities: &[Activity],
) -> Result<Vec<Item>, AppError> {
    let links = during::link_status(store, c.id).await?;
    let draft = during::opening(store, c.id).await?;
    // What counts is what trainees read: the published version, when there is one.
    let opening = match during::published_opening(store, c.id).await? {
        Some(p) => Some(p),
        None => draft.clone(),
    };
    let at = now();

    let links = LinksFacts {
        trainees: links.len(),
        convoked: links.iter().filter(|l| l.sent_count > 0).count(),
        received: links.iter().filter(|l| l.received()).count(),
        waiting: links
            .iter()
            .filter(|l| l.sent_count > 0 && !l.received())
            .map(|l| format!("{} {}", l.first_name, l.last_name))
            .collect(),
        undelivered: links.iter().filter(|l| l.failed_at.is_some()).count(),
    };
    let opening = OpeningFacts {
        written: draft.is_some(),
        published: opening.as_ref().is_some_and(|m| m.published_at.is_some()),
        has_validation: opening
            .as_ref()
            .is_some_and(|m| !m.validation.trim().is_empty()),
        has_accompaniment: opening
            .as_ref()
            .is_some_and(|m| !m.accompaniment.trim().is_empty()),
    };
    let started: Vec<&Activity> = activities.iter().filter(|a| a.starts_at <= at).collect();
    let instructions = InstructionsFacts {
        started: started.len(),
        unpublished: started
            .iter()
            .filter(|a| a.instructions_published_at.is_none())
            .map(|a| a.title.clone())
            .collect(),
    };
    Ok(vec![
        checklist::links_received(&links),
        checklist::opening_message(&opening),
        checklist::instructions_published(&instructions),
        crate::discussion::checklist_item(store, c, activities).await?,
    ])
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
    state: &AppState,
    c: &Cohort,
    user_id: i64,
    kind: ConvocationKind,
    sender: Option<i64>,
) -> Result<(), AppError> {
    let s = &state.store;
    let t = trainings::get(s, c.training_id).await?;
    let steps = trainings::steps(s, t.id).await?;
    let activities = cohorts::activities(s, c.id).await?;
    let trainee = people::get(s, user_id).await?;
    let lang = Lang::of_locale(&trainee.locale);
    let base = state.config.public_url.clone();
    let templates = state.templates.clone();
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
pub async fn convoke_pending(state: &AppState, c: &Cohort, sender: i64) -> Result<usize, AppError> {
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

/// Convocations may go out once the cohort is ready, and while it runs.
pub fn may_convoke(c: &Cohort) -> bool {
    matches!(
        c.status,
        hybride_domain::CohortStatus::Ready | hybride_domain::CohortStatus::Running
    )
}

/// The opening message's text as the composer first shows it: drawn from the training, its
/// validation rules and its accompaniment plan.
pub async fn opening_prefill(
    store: &Store,
    c: &Cohort,
    lang: Lang,
) -> Result<OpeningText, AppError> {
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
            &[("day", crate::render::day_words(lang, available_until(c)))],
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
    state: &AppState,
    c: &Cohort,
    template: &str,
    subject: &str,
    args: &[(&str, String)],
    data: minijinja::Value,
) -> Result<Vec<Mail>, AppError> {
    let s = &state.store;
    let space_url = format!("{}/cohorts/{}", state.config.public_url, c.id);
    let mut mails = Vec::new();
    for e in cohorts::enrollments(s, c.id).await? {
        let trainee = people::get(s, e.user_id).await?;
        let lang = Lang::of_locale(&trainee.locale);
        let body = state.templates.text(
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
    state: &AppState,
    c: &Cohort,
    by_mail: bool,
) -> Result<OpeningMessage, AppError> {
    let s = &state.store;
    let Some(m) = during::opening(s, c.id).await? else {
        return Err(AppError::NotFound);
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
pub async fn publish_instructions(state: &AppState, a: &Activity) -> Result<bool, AppError> {
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

/// One round of the scheduler: instructions of activities that have started, the discussion
/// digests, and reminders two working days before a cohort's first synchronous activity to
/// trainees who have not opened their links. Safe to run on several instances at once.
pub async fn run_jobs(state: &AppState) -> Result<(), AppError> {
    let s = &state.store;
    let at = now();
    for a in during::instructions_due(s, at).await? {
        if publish_instructions(state, &a).await? {
            tracing::info!(
                activity = a.id,
                "instructions published at the activity's start"
            );
        }
    }
    crate::discussion::send_digests(state).await?;
    crate::surveys::send_due(state).await?;
    crate::surveys::send_reminders(state).await?;
    let today = crate::before::civil(at).date();
    // Closed cohorts whose contents are no longer available are archived.
    for id in hybride_store::after::archive_expired(s, today).await? {
        tracing::info!(
            cohort = id,
            "cohort archived: its contents are no longer available"
        );
    }
    for (cohort_id, first) in during::upcoming_first_synchronous(s, at).await? {
        let first_day = crate::before::civil(first).date();
        if today < hybride_domain::calendar::working_days_before(first_day, 2) {
            continue;
        }
        let c = cohorts::get(s, cohort_id).await?;
        for l in during::link_status(s, cohort_id).await? {
            if l.sent_count == 0 || l.received() || l.reminded_at.is_some() {
                continue;
            }
            match convoke(state, &c, l.user_id, ConvocationKind::Reminder, None).await {
                Ok(()) => tracing::info!(cohort = cohort_id, user = l.user_id, "reminder queued"),
                // Another instance sent it first.
                Err(AppError::Conflict(_)) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// Every activity of a person's cohorts (as trainee or trainer), as a calendar feed.
pub async fn personal_calendar(state: &AppState, user_id: i64) -> Result<String, AppError> {
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

/// The "during" part of the demo académie, written with the real mails: every ready or running
/// cohort is convoked; in running cohorts most trainees have confirmed receiving their links
/// (not the demo trainee, who can try it), the opening message is published, and instructions
/// of started activities are published. Does nothing for cohorts already convoked.
/// The demo's in-person activity of today is moved to the present moment (it started half an
/// hour ago), so that signing can be tried whenever the demo is started.
async fn live_half_day(s: &hybride_store::Store, c: &cohorts::Cohort) -> Result<(), AppError> {
    let now = jiff::Timestamp::now();
    let today = now.to_zoned(crate::before::paris()).date();
    for a in cohorts::activities(s, c.id).await? {
        if a.modality != hybride_domain::Modality::InPerson
            || crate::before::civil(a.starts_at).date() != today
        {
            continue;
        }
        let start = (now.as_second() - 30 * 60).div_euclid(300) * 300;
        let at = |t: i64| {
            jiff::Timestamp::from_second(t).map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))
        };
        let title = hybride_domain::Title::parse(&a.title)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
        cohorts::update_activity(
            s,
            c.id,
            a.id,
            &cohorts::NewActivity {
                step_id: a.step_id,
                title,
                modality: a.modality,
                starts_at: at(start)?,
                ends_at: at(start + (a.ends_at - a.starts_at))?,
                place: a.place.clone(),
                room_url: a.room_url.clone(),
            },
        )
        .await?;
    }
    Ok(())
}

pub async fn seed_demo(state: &AppState) -> Result<usize, AppError> {
    use hybride_domain::CohortStatus;
    let s = &state.store;
    let demo_trainee = match hybride_domain::Email::parse("stagiaire@demo.hybride.test") {
        Ok(e) => people::by_email(s, &e).await?.map(|u| u.id),
        Err(_) => None,
    };
    let mut convoked = 0;
    for c in cohorts::list(s, cohorts::CohortFilter::default()).await? {
        if c.status == CohortStatus::Closed {
            // A finished cohort has its whole record.
            if let Some(t) = cohorts::trainers(s, c.id).await?.first() {
                crate::attendance::seed_demo_cohort(s, &c, t.id, demo_trainee).await?;
                crate::surveys::seed_demo(state, &c, demo_trainee).await?;
                // And its trainer's review, already with the pilot.
                if hybride_store::after::reviews(s, c.id).await?.is_empty() {
                    let training = hybride_store::trainings::get(s, c.training_id).await?;
                    let figures = crate::after::figures(s, &c, &training).await?;
                    let json = serde_json::to_string(&figures)
                        .map_err(|e| AppError::Internal(e.into()))?;
                    hybride_store::after::save_review(
                        s,
                        c.id,
                        t.id,
                        [
                            "Les ateliers en présentiel ont lancé le groupe\u{a0}; le forum a bien \
                             vécu entre les séances, surtout autour des productions partagées.",
                            "La classe virtuelle de la deuxième semaine était trop longue\u{a0}: la \
                             couper en deux séances d’une heure, et annoncer plus tôt les consignes \
                             du travail à distance.",
                            "Ouvrir une session de plus dans le second degré, avec un temps \
                             d’accompagnement individuel prévu dans le scénario.",
                        ],
                        &json,
                        true,
                    )
                    .await?;
                }
            }
            continue;
        }
        if !matches!(c.status, CohortStatus::Ready | CohortStatus::Running) {
            continue;
        }
        let links = during::link_status(s, c.id).await?;
        if links.iter().any(|l| l.sent_count > 0) {
            continue;
        }
        let Some(sender) = cohorts::trainers(s, c.id).await?.first().map(|u| u.id) else {
            continue;
        };
        if c.status == CohortStatus::Running {
            live_half_day(s, &c).await?;
        }
        convoked += convoke_pending(state, &c, sender).await?;
        if c.status != CohortStatus::Running {
            continue;
        }
        for (i, l) in links.iter().enumerate() {
            if i % 5 != 4 && Some(l.user_id) != demo_trainee {
                during::acknowledge(s, c.id, l.user_id).await?;
            }
        }
        let text = opening_prefill(s, &c, Lang::Fr).await?;
        if !text.validation.is_empty() && !text.accompaniment.is_empty() {
            during::save_opening(s, c.id, &text, sender).await?;
            during::publish_opening(s, c.id, &[]).await?;
        }
        // A few exchanges in the discussion space: a question answered, one still waiting.
        let trainer = people::get(s, sender).await?;
        let said = |t: &str| {
            hybride_domain::LongText::parse(t)
                .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))
        };
        if let (Some(first), Some(second)) = (links.first(), links.get(1)) {
            let asker = people::get(s, first.user_id).await?;
            let q = crate::discussion::post(
                state,
                &c,
                &asker,
                None,
                None,
                &said("Bonjour, la **grille d’auto-positionnement** est-elle à rendre avant la classe virtuelle ?")?,
            )
            .await?;
            crate::discussion::post(
                state,
                &c,
                &trainer,
                None,
                Some(q.id),
                &said(
                    "Oui, déposez-la avant la classe virtuelle : nous partirons de vos réponses.",
                )?,
            )
            .await?;
            let other = people::get(s, second.user_id).await?;
            crate::discussion::post(
                state,
                &c,
                &other,
                None,
                None,
                &said("Je partage une ressource utile : [Éduscol, l’hybridation](https://eduscol.education.fr/)")?,
            )
            .await?;
        }
        crate::attendance::seed_demo_cohort(s, &c, sender, demo_trainee).await?;
    }
    run_jobs(state).await?;
    Ok(convoked)
}
