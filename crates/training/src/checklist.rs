//! The charter's checklist, the product's spine: each phase's items computed from the facts
//! the other modules read (the scenario, the accompaniment plan, equipment checks and
//! qualifications before; links, the opening message, instructions and the forum during; the
//! record, documents, reviews and recommended courses after). It composes the others; only the
//! dashboard, above it, imports it.

use crate::pay::{record_facts, RecordFacts};
use crate::Error;
use hybride_domain::checklist::{
    self, AccompanimentFacts, ContentsFacts, DocumentsFacts, InstructionsFacts, Item, LinksFacts,
    OpeningFacts, SocialFacts, SpaceFacts, TrainerEquipment,
};
use hybride_domain::{CohortStatus, Modality};
use hybride_store::after as store;
use hybride_store::cohorts::{self, Activity, Cohort};
use hybride_store::trainings::{self, Step, Training};
use hybride_store::{before, during, now, Store};
use std::collections::BTreeSet;

/// The five "before" items of a cohort.
pub async fn before(store: &Store, c: &Cohort, t: &Training) -> Result<Vec<Item>, Error> {
    let steps = trainings::steps(store, t.id).await?;
    let activities = cohorts::activities(store, c.id).await?;
    before_of(store, c, t, &steps, &activities).await
}

/// The five "before" items, with the training's steps and the cohort's activities already read.
pub async fn before_of(
    store: &Store,
    c: &Cohort,
    t: &Training,
    steps: &[Step],
    activities: &[Activity],
) -> Result<Vec<Item>, Error> {
    let trainers = cohorts::trainers(store, c.id).await?;

    let space = SpaceFacts {
        has_course_url: c
            .course_url
            .as_deref()
            .is_some_and(|u| !u.trim().is_empty()),
        activities_without_room: activities
            .iter()
            .filter(|a| a.modality.is_synchronous() && a.modality.is_distance())
            .filter(|a| a.room_url.as_deref().is_none_or(|u| u.trim().is_empty()))
            .map(|a| a.title.clone())
            .collect(),
        activities_without_place: activities
            .iter()
            .filter(|a| a.modality == Modality::InPerson)
            .filter(|a| a.place.as_deref().is_none_or(|p| p.trim().is_empty()))
            .map(|a| a.title.clone())
            .collect(),
        activities: activities.len(),
        magistere: crate::magistere::course_check(store, c.id).await?,
    };

    let advice = crate::before::scenario_advice(t, steps);
    let modalities: BTreeSet<Modality> = steps.iter().map(|s| s.modality).collect();

    let plan = before::accompaniment(store, t.id).await?;
    let filled = |s: &str| !s.trim().is_empty();
    let accompaniment = match &plan {
        None => AccompanimentFacts::default(),
        Some(p) => AccompanimentFacts {
            exists: true,
            channels: filled(&p.channels),
            response_hours: p.response_hours > 0,
            tutoring_slots: filled(&p.tutoring_slots),
            technical_contact: filled(&p.technical_contact),
            exchange_hours: filled(&p.exchange_hours),
        },
    };

    let first_synchronous = activities
        .iter()
        .filter(|a| a.modality.is_synchronous() && a.modality.is_distance())
        .map(|a| a.starts_at)
        .min();
    let mut equipment = Vec::new();
    let mut qualified = Vec::new();
    for tr in &trainers {
        let last = before::equipment_checks(store, tr.id, 1)
            .await?
            .into_iter()
            .next();
        equipment.push(TrainerEquipment {
            name: tr.display_name(),
            last_check: last.map(|c| (c.checked_at, c.ready_to_lead())),
        });
    }
    let ids: Vec<i64> = trainers.iter().map(|t| t.id).collect();
    let standings = crate::qualifications::standings(store, &ids).await?;
    for tr in &trainers {
        let standing = standings
            .get(&tr.id)
            .copied()
            .unwrap_or(hybride_domain::qualification::Standing::Missing);
        qualified.push((tr.display_name(), standing));
    }
    let next = if qualified.iter().any(|(_, s)| !s.is_valid()) {
        crate::qualifications::next_session(store).await?
    } else {
        None
    };
    let next_day = next.as_ref().and_then(|c| {
        c.starts_on
            .parse::<jiff::civil::Date>()
            .ok()
            .map(|d| (format!("{} — {}", c.training_title, c.label), d))
    });

    Ok(vec![
        checklist::space_configured(&space),
        checklist::scenario_articulated(&advice, modalities.len(), steps.len()),
        checklist::accompaniment_planned(&accompaniment),
        checklist::equipment_tested(&equipment, first_synchronous, now()),
        checklist::trainer_qualified(&qualified, next_day.as_ref().map(|(l, d)| (l.as_str(), *d))),
    ])
}

/// The four "during" items of a cohort.
pub async fn during(store: &Store, c: &Cohort) -> Result<Vec<Item>, Error> {
    during_of(store, c, &cohorts::activities(store, c.id).await?).await
}

/// The four "during" items, with the cohort's activities already read.
pub async fn during_of(
    store: &Store,
    c: &Cohort,
    activities: &[Activity],
) -> Result<Vec<Item>, Error> {
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
        social(store, c, activities).await?,
    ])
}

/// The `social_activity` item of a cohort with these `activities`.
pub async fn social(
    store: &Store,
    c: &Cohort,
    activities: &[cohorts::Activity],
) -> Result<Item, Error> {
    let started = activities.iter().any(|a| a.starts_at <= now());
    let (posts, authors) = hybride_store::discussion::totals(store, c.id).await?;
    let acc = crate::discussion::accompaniment_of(store, c, activities).await?;
    Ok(checklist::social_activity(&SocialFacts {
        started,
        posts: usize::try_from(posts).unwrap_or(0),
        authors: usize::try_from(authors).unwrap_or(0),
        overdue: acc
            .overdue
            .iter()
            .map(|o| (o.author_name.clone(), o.hours_late))
            .collect(),
        inactive: acc.inactive.iter().map(|q| q.name.clone()).collect(),
        inactivity_days: acc.inactivity_days,
    }))
}

/// The "after" items of the charter's checklist.
pub async fn after(s: &Store, c: &Cohort, t: &Training) -> Result<Vec<Item>, Error> {
    let closed = c.status.is_closed();
    // The record is read only when the documents are due.
    let facts = if closed {
        record_facts(s, c, t).await?
    } else {
        RecordFacts::default()
    };
    after_with(s, c, &facts).await
}

/// The "after" items, from the record's facts already read.
pub async fn after_with(s: &Store, c: &Cohort, facts: &RecordFacts) -> Result<Vec<Item>, Error> {
    let today = hybride_domain::time::civil(hybride_store::now()).date();
    let until = crate::after::contents_until(s, c).await?;
    let closed = c.status.is_closed();
    let contents = ContentsFacts {
        ended: c
            .ends_on
            .parse::<jiff::civil::Date>()
            .is_ok_and(|d| d < today),
        closed,
        archived: c.status == CohortStatus::Archived,
        until: until.to_string(),
    };
    let documents = if closed {
        let last = store::transmissions(s, c.id).await?.into_iter().next();
        let seq = store::events_seq(s, c.id).await?;
        // Its certificates are signed by whoever was in office at its end: anyone named will do.
        let signatory = hybride_store::certificates::current(s).await?;
        DocumentsFacts {
            signatory_missing: c.trainees > 0 && signatory.is_none(),
            closed,
            transmitted_at: last.as_ref().map(|x| x.at),
            changed_since: last.as_ref().is_some_and(|x| x.events_seq < seq),
            not_countersigned: facts
                .led
                .iter()
                .filter(|h| h.modality == Modality::InPerson && !h.countersigned)
                .count(),
            pending_declarations: facts.pending_declarations,
        }
    } else {
        DocumentsFacts::default()
    };
    let ended = contents.ended || closed;
    let mut feedback = checklist::FeedbackFacts {
        ended,
        ..Default::default()
    };
    for r in store::reviews(s, c.id).await? {
        let name = hybride_store::people::get(s, r.user_id)
            .await?
            .display_name();
        match r.submitted_at {
            Some(at) => feedback.submitted.push((name, at)),
            None => feedback.drafts.push(name),
        }
    }
    let sent = hybride_store::courses::closing_messages(s, c.id)
        .await?
        .into_iter()
        .find(|m| m.courses > 0);
    let courses = checklist::CoursesFacts {
        ended,
        recommended: hybride_store::courses::recommended(s, c.training_id)
            .await?
            .len(),
        sent: sent.map(|m| (m.sent_at, m.recipients)),
    };
    Ok(vec![
        checklist::contents_available(&contents),
        checklist::admin_documents(&documents),
        checklist::pilot_feedback(&feedback),
        checklist::open_courses_promoted(&courses),
    ])
}

/// The whole checklist of a cohort: before, during and after.
pub async fn all(s: &Store, c: &Cohort, t: &Training) -> Result<Vec<Item>, Error> {
    let mut items = before(s, c, t).await?;
    items.extend(during(s, c).await?);
    items.extend(after(s, c, t).await?);
    Ok(items)
}
