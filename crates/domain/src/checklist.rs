//! The charter as a checklist: each duty's status, computed from data, with the evidence.
//! This module holds the "before" phase; the other phases join it as their data exists.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Before,
    During,
    After,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    Warning,
    Todo,
    NotApplicable,
}

/// One fact behind a status: a translation key and its arguments (`name`, `count`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Evidence {
    pub fn new(key: &'static str) -> Evidence {
        Evidence {
            key,
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Evidence {
        self.args.push((name, value.to_string()));
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub phase: Phase,
    pub key: &'static str,
    pub status: Status,
    pub evidence: Vec<Evidence>,
}

/// The digital space of a cohort.
#[derive(Debug, Clone, Default)]
pub struct SpaceFacts {
    pub has_course_url: bool,
    /// Titles of distance synchronous activities with no virtual room.
    pub activities_without_room: Vec<String>,
    /// Titles of in-person activities with no place.
    pub activities_without_place: Vec<String>,
    pub activities: usize,
}

pub fn space_configured(f: &SpaceFacts) -> Item {
    let mut evidence = Vec::new();
    let mut status = Status::Done;
    if f.has_course_url {
        evidence.push(Evidence::new("evidence-course-url"));
    } else {
        status = Status::Todo;
        evidence.push(Evidence::new("evidence-no-course-url"));
    }
    if f.activities == 0 {
        status = Status::Todo;
        evidence.push(Evidence::new("evidence-no-activities"));
    }
    for t in &f.activities_without_room {
        status = Status::Todo;
        evidence.push(Evidence::new("evidence-no-room").with("title", t));
    }
    for t in &f.activities_without_place {
        status = Status::Todo;
        evidence.push(Evidence::new("evidence-no-place").with("title", t));
    }
    if status == Status::Done {
        evidence.push(Evidence::new("evidence-rooms-ok").with("count", f.activities));
    }
    Item {
        phase: Phase::Before,
        key: "space_configured",
        status,
        evidence,
    }
}

/// The scenario, judged by `scenario::advise_scenario`.
pub fn scenario_articulated(
    advice: &[crate::scenario::Advice],
    modalities: usize,
    steps: usize,
) -> Item {
    let blocking: Vec<&crate::scenario::Advice> =
        advice.iter().filter(|a| a.blocks_articulation()).collect();
    let status = if blocking.is_empty() {
        Status::Done
    } else {
        Status::Todo
    };
    let mut evidence = vec![Evidence::new("evidence-scenario-summary")
        .with("steps", steps)
        .with("modalities", modalities)];
    for a in blocking {
        evidence.push(Evidence::new(a.key()));
    }
    Item {
        phase: Phase::Before,
        key: "scenario_articulated",
        status,
        evidence,
    }
}

/// The accompaniment plan: which of its parts are filled in.
#[derive(Debug, Clone, Default)]
pub struct AccompanimentFacts {
    pub exists: bool,
    pub channels: bool,
    pub response_hours: bool,
    pub tutoring_slots: bool,
    pub technical_contact: bool,
    pub exchange_hours: bool,
}

pub fn accompaniment_planned(f: &AccompanimentFacts) -> Item {
    if !f.exists {
        return Item {
            phase: Phase::Before,
            key: "accompaniment_planned",
            status: Status::Todo,
            evidence: vec![Evidence::new("evidence-no-accompaniment")],
        };
    }
    let missing: Vec<Evidence> = [
        (f.channels, "evidence-missing-channels"),
        (f.response_hours, "evidence-missing-response"),
        (f.tutoring_slots, "evidence-missing-tutoring"),
        (f.technical_contact, "evidence-missing-technical"),
        (f.exchange_hours, "evidence-missing-exchange-hours"),
    ]
    .into_iter()
    .filter(|(ok, _)| !ok)
    .map(|(_, k)| Evidence::new(k))
    .collect();
    let status = if missing.is_empty() {
        Status::Done
    } else {
        Status::Todo
    };
    let evidence = if missing.is_empty() {
        vec![Evidence::new("evidence-accompaniment-complete")]
    } else {
        missing
    };
    Item {
        phase: Phase::Before,
        key: "accompaniment_planned",
        status,
        evidence,
    }
}

/// A trainer's most relevant equipment check.
#[derive(Debug, Clone)]
pub struct TrainerEquipment {
    pub name: String,
    /// When the last check was made (Unix seconds) and whether everything worked.
    pub last_check: Option<(i64, bool)>,
}

/// `first_synchronous`: the start of the cohort's first distance synchronous activity, if any.
pub fn equipment_tested(
    trainers: &[TrainerEquipment],
    first_synchronous: Option<i64>,
    now: i64,
) -> Item {
    let key = "equipment_tested";
    let Some(first) = first_synchronous else {
        return Item {
            phase: Phase::Before,
            key,
            status: Status::NotApplicable,
            evidence: vec![Evidence::new("evidence-no-synchronous")],
        };
    };
    if trainers.is_empty() {
        return Item {
            phase: Phase::Before,
            key,
            status: Status::Todo,
            evidence: vec![Evidence::new("evidence-no-trainer")],
        };
    }
    let mut status = Status::Done;
    let mut evidence = Vec::new();
    for t in trainers {
        match t.last_check {
            None => {
                status = status.max(Status::Todo);
                evidence.push(Evidence::new("evidence-equipment-untested").with("name", &t.name));
            }
            Some((_, false)) => {
                status = status.max(Status::Todo);
                evidence.push(Evidence::new("evidence-equipment-failed").with("name", &t.name));
            }
            Some((at, true)) if at > first && first <= now => {
                // Tested, but only after the first synchronous activity had begun.
                status = status.max(Status::Warning);
                evidence.push(Evidence::new("evidence-equipment-late").with("name", &t.name));
            }
            Some((_, true)) => {
                evidence.push(Evidence::new("evidence-equipment-ok").with("name", &t.name))
            }
        }
    }
    Item {
        phase: Phase::Before,
        key,
        status,
        evidence,
    }
}

/// Trainers of the cohort and whether the pilot recorded their qualification in hybrid delivery.
pub fn trainer_qualified(trainers: &[(String, bool)]) -> Item {
    let key = "trainer_qualified";
    if trainers.is_empty() {
        return Item {
            phase: Phase::Before,
            key,
            status: Status::Todo,
            evidence: vec![Evidence::new("evidence-no-trainer")],
        };
    }
    let mut status = Status::Done;
    let mut evidence = Vec::new();
    for (name, qualified) in trainers {
        if *qualified {
            evidence.push(Evidence::new("evidence-qualified").with("name", name));
        } else {
            status = Status::Todo;
            evidence.push(Evidence::new("evidence-not-qualified").with("name", name));
        }
    }
    Item {
        phase: Phase::Before,
        key,
        status,
        evidence,
    }
}

/// How a cohort's trainees stand with the links of their convocation.
#[derive(Debug, Clone, Default)]
pub struct LinksFacts {
    pub trainees: usize,
    /// Trainees sent at least one convocation.
    pub convoked: usize,
    /// Trainees who opened one of their links or said they received them.
    pub received: usize,
    /// Names of those convoked who have not received them yet (all of them; evidence shows a few).
    pub waiting: Vec<String>,
    /// Trainees whose latest convocation could not be delivered.
    pub undelivered: usize,
}

/// How many names evidence lists before « and N others ».
const NAMES_SHOWN: usize = 5;

fn names(list: &[String]) -> String {
    let shown: Vec<&str> = list.iter().take(NAMES_SHOWN).map(String::as_str).collect();
    shown.join(", ")
}

pub fn links_received(f: &LinksFacts) -> Item {
    let item = |status, evidence| Item {
        phase: Phase::During,
        key: "links_received",
        status,
        evidence,
    };
    if f.trainees == 0 {
        return item(
            Status::NotApplicable,
            vec![Evidence::new("evidence-no-trainees")],
        );
    }
    if f.convoked == 0 {
        return item(Status::Todo, vec![Evidence::new("evidence-no-convocation")]);
    }
    let mut evidence = vec![Evidence::new("evidence-links-received")
        .with("received", f.received)
        .with("trainees", f.trainees)];
    if f.convoked < f.trainees {
        evidence
            .push(Evidence::new("evidence-not-convoked").with("count", f.trainees - f.convoked));
    }
    if f.undelivered > 0 {
        evidence.push(Evidence::new("evidence-undelivered").with("count", f.undelivered));
    }
    if !f.waiting.is_empty() {
        evidence.push(
            Evidence::new("evidence-links-waiting")
                .with("names", names(&f.waiting))
                .with("more", f.waiting.len().saturating_sub(NAMES_SHOWN)),
        );
    }
    let status = if f.received == f.trainees {
        Status::Done
    } else {
        Status::Warning
    };
    item(status, evidence)
}

/// The opening message: published, and with both parts the charter asks for.
#[derive(Debug, Clone, Copy, Default)]
pub struct OpeningFacts {
    pub written: bool,
    pub published: bool,
    pub has_validation: bool,
    pub has_accompaniment: bool,
}

pub fn opening_message(f: &OpeningFacts) -> Item {
    let mut evidence = Vec::new();
    if !f.written {
        evidence.push(Evidence::new("evidence-opening-none"));
    } else if !f.published {
        evidence.push(Evidence::new("evidence-opening-draft"));
    } else {
        evidence.push(Evidence::new("evidence-opening-published"));
    }
    if f.written && !f.has_validation {
        evidence.push(Evidence::new("evidence-opening-no-validation"));
    }
    if f.written && !f.has_accompaniment {
        evidence.push(Evidence::new("evidence-opening-no-accompaniment"));
    }
    let status = if f.published && f.has_validation && f.has_accompaniment {
        Status::Done
    } else {
        Status::Todo
    };
    Item {
        phase: Phase::During,
        key: "opening_message",
        status,
        evidence,
    }
}

/// Instructions of the activities that have started.
#[derive(Debug, Clone, Default)]
pub struct InstructionsFacts {
    pub started: usize,
    /// Titles of started activities whose instructions were not published.
    pub unpublished: Vec<String>,
}

pub fn instructions_published(f: &InstructionsFacts) -> Item {
    let item = |status, evidence| Item {
        phase: Phase::During,
        key: "instructions_published",
        status,
        evidence,
    };
    if f.started == 0 {
        return item(
            Status::NotApplicable,
            vec![Evidence::new("evidence-nothing-started")],
        );
    }
    if f.unpublished.is_empty() {
        return item(
            Status::Done,
            vec![Evidence::new("evidence-instructions-all").with("count", f.started)],
        );
    }
    let mut evidence = vec![Evidence::new("evidence-instructions-some")
        .with("published", f.started - f.unpublished.len())
        .with("started", f.started)];
    for t in &f.unpublished {
        evidence.push(Evidence::new("evidence-instructions-missing").with("title", t));
    }
    item(Status::Warning, evidence)
}

/// The discussion space, measured against the accompaniment plan.
#[derive(Debug, Clone, Default)]
pub struct SocialFacts {
    /// Whether any activity has started.
    pub started: bool,
    pub posts: usize,
    pub authors: usize,
    /// Trainees' questions still unanswered past the committed response time: (name, hours late).
    pub overdue: Vec<(String, i64)>,
    /// Trainees with no sign of life for the set number of days, not followed up since.
    pub inactive: Vec<String>,
    pub inactivity_days: u32,
}

pub fn social_activity(f: &SocialFacts) -> Item {
    let item = |status, evidence| Item {
        phase: Phase::During,
        key: "social_activity",
        status,
        evidence,
    };
    if !f.started {
        return item(
            Status::NotApplicable,
            vec![Evidence::new("evidence-nothing-started")],
        );
    }
    if f.posts == 0 {
        return item(Status::Todo, vec![Evidence::new("evidence-no-posts")]);
    }
    let mut evidence = vec![Evidence::new("evidence-posts")
        .with("posts", f.posts)
        .with("authors", f.authors)];
    for (name, late) in &f.overdue {
        evidence.push(
            Evidence::new("evidence-question-overdue")
                .with("name", name)
                .with("hours", late),
        );
    }
    if !f.inactive.is_empty() {
        evidence.push(
            Evidence::new("evidence-inactive")
                .with("names", names(&f.inactive))
                .with("more", f.inactive.len().saturating_sub(NAMES_SHOWN))
                .with("days", f.inactivity_days),
        );
    }
    let status = if f.overdue.is_empty() && f.inactive.is_empty() {
        Status::Done
    } else {
        Status::Warning
    };
    item(status, evidence)
}

/// What the end of a cohort leaves available.
#[derive(Debug, Clone, Default)]
pub struct ContentsFacts {
    /// The cohort's last day is past.
    pub ended: bool,
    /// The cohort is closed (read-only) or archived.
    pub closed: bool,
    pub archived: bool,
    /// Until when trainees keep the contents, forum and documents (`YYYY-MM-DD`).
    pub until: String,
}

pub fn contents_available(f: &ContentsFacts) -> Item {
    let item = |status, evidence| Item {
        phase: Phase::After,
        key: "contents_available",
        status,
        evidence,
    };
    if f.archived {
        return item(
            Status::Done,
            vec![Evidence::new("evidence-archived").with("day", &f.until)],
        );
    }
    if f.closed {
        return item(
            Status::Done,
            vec![Evidence::new("evidence-contents-until").with("day", &f.until)],
        );
    }
    if f.ended {
        return item(
            Status::Todo,
            vec![Evidence::new("evidence-close-cohort").with("day", &f.until)],
        );
    }
    item(
        Status::NotApplicable,
        vec![Evidence::new("evidence-contents-planned").with("day", &f.until)],
    )
}

/// The documents of a closed cohort and their transmission.
#[derive(Debug, Clone, Default)]
pub struct DocumentsFacts {
    pub closed: bool,
    /// When the bundle was last marked as transmitted.
    pub transmitted_at: Option<i64>,
    /// The attendance record changed after that transmission.
    pub changed_since: bool,
    /// In-person half-days with signatures but no countersignature.
    pub not_countersigned: usize,
    /// Declarations waiting for the trainer's decision.
    pub pending_declarations: usize,
}

pub fn admin_documents(f: &DocumentsFacts) -> Item {
    let item = |status, evidence| Item {
        phase: Phase::After,
        key: "admin_documents",
        status,
        evidence,
    };
    if !f.closed {
        return item(
            Status::NotApplicable,
            vec![Evidence::new("evidence-documents-at-closing")],
        );
    }
    let mut evidence = Vec::new();
    if f.not_countersigned > 0 {
        evidence
            .push(Evidence::new("evidence-not-countersigned").with("count", f.not_countersigned));
    }
    if f.pending_declarations > 0 {
        evidence.push(
            Evidence::new("evidence-declarations-pending").with("count", f.pending_declarations),
        );
    }
    let status = match f.transmitted_at {
        None => {
            evidence.push(Evidence::new("evidence-not-transmitted"));
            Status::Todo
        }
        Some(at) if f.changed_since => {
            evidence.push(Evidence::new("evidence-changed-since").with("at", at));
            Status::Warning
        }
        Some(at) => {
            evidence.insert(0, Evidence::new("evidence-transmitted").with("at", at));
            if evidence.len() > 1 {
                Status::Warning
            } else {
                Status::Done
            }
        }
    };
    item(status, evidence)
}

/// The trainers' reviews of a cohort for its pilot.
#[derive(Debug, Clone, Default)]
pub struct FeedbackFacts {
    /// The cohort's last day is past, or it is closed.
    pub ended: bool,
    /// Names of the trainers who submitted their review, and when.
    pub submitted: Vec<(String, i64)>,
    /// Trainers who have a draft only.
    pub drafts: Vec<String>,
}

pub fn pilot_feedback(f: &FeedbackFacts) -> Item {
    let item = |status, evidence| Item {
        phase: Phase::After,
        key: "pilot_feedback",
        status,
        evidence,
    };
    let mut evidence: Vec<Evidence> = f
        .submitted
        .iter()
        .map(|(name, at)| {
            Evidence::new("evidence-review-submitted")
                .with("name", name)
                .with("at", at)
        })
        .collect();
    for name in &f.drafts {
        evidence.push(Evidence::new("evidence-review-draft").with("name", name));
    }
    if !f.submitted.is_empty() {
        return item(Status::Done, evidence);
    }
    if !f.ended {
        evidence.push(Evidence::new("evidence-review-at-the-end"));
        return item(Status::NotApplicable, evidence);
    }
    evidence.push(Evidence::new("evidence-review-missing"));
    item(Status::Todo, evidence)
}

/// Free-access courses recommended by the training and sent to the cohort's trainees.
#[derive(Debug, Clone, Default)]
pub struct CoursesFacts {
    pub ended: bool,
    /// Courses the training recommends.
    pub recommended: usize,
    /// When a closing message carried them, and to how many trainees.
    pub sent: Option<(i64, i64)>,
}

pub fn open_courses_promoted(f: &CoursesFacts) -> Item {
    let item = |status, evidence| Item {
        phase: Phase::After,
        key: "open_courses_promoted",
        status,
        evidence,
    };
    if let Some((at, to)) = f.sent {
        return item(
            Status::Done,
            vec![Evidence::new("evidence-courses-sent")
                .with("count", f.recommended)
                .with("at", at)
                .with("trainees", to)],
        );
    }
    let mut evidence = vec![if f.recommended == 0 {
        Evidence::new("evidence-no-courses")
    } else {
        Evidence::new("evidence-courses-recommended").with("count", f.recommended)
    }];
    if !f.ended {
        return item(Status::NotApplicable, evidence);
    }
    evidence.push(Evidence::new("evidence-courses-not-sent"));
    item(Status::Todo, evidence)
}

/// A cohort may be declared ready when no "before" duty is left to do.
pub fn open_items(items: &[Item]) -> Vec<&'static str> {
    items
        .iter()
        .filter(|i| i.phase == Phase::Before && i.status == Status::Todo)
        .map(|i| i.key)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_and_courses() {
        let mut f = FeedbackFacts::default();
        assert_eq!(pilot_feedback(&f).status, Status::NotApplicable);
        f.ended = true;
        f.drafts.push("Karim Benali".into());
        assert_eq!(pilot_feedback(&f).status, Status::Todo);
        f.submitted.push(("Karim Benali".into(), 10));
        assert_eq!(pilot_feedback(&f).status, Status::Done);

        let mut c = CoursesFacts::default();
        assert_eq!(open_courses_promoted(&c).status, Status::NotApplicable);
        c.ended = true;
        assert_eq!(open_courses_promoted(&c).status, Status::Todo);
        assert_eq!(
            open_courses_promoted(&c).evidence[0].key,
            "evidence-no-courses"
        );
        c.recommended = 2;
        c.sent = Some((10, 25));
        assert_eq!(open_courses_promoted(&c).status, Status::Done);
    }

    #[test]
    fn after_the_end() {
        let mut f = ContentsFacts {
            until: "2028-06-30".into(),
            ..ContentsFacts::default()
        };
        assert_eq!(contents_available(&f).status, Status::NotApplicable);
        f.ended = true;
        assert_eq!(contents_available(&f).status, Status::Todo);
        f.closed = true;
        let i = contents_available(&f);
        assert_eq!(i.status, Status::Done);
        assert_eq!(i.evidence[0].args[0].1, "2028-06-30");

        let mut d = DocumentsFacts::default();
        assert_eq!(admin_documents(&d).status, Status::NotApplicable);
        d.closed = true;
        assert_eq!(admin_documents(&d).status, Status::Todo);
        d.transmitted_at = Some(10);
        assert_eq!(admin_documents(&d).status, Status::Done);
        d.changed_since = true;
        assert_eq!(admin_documents(&d).status, Status::Warning);
        d.changed_since = false;
        d.not_countersigned = 2;
        let i = admin_documents(&d);
        assert_eq!(i.status, Status::Warning);
        assert_eq!(i.evidence[0].key, "evidence-transmitted");
    }

    #[test]
    fn space() {
        let ok = SpaceFacts {
            has_course_url: true,
            activities: 3,
            ..Default::default()
        };
        assert_eq!(space_configured(&ok).status, Status::Done);
        let missing = SpaceFacts {
            has_course_url: true,
            activities: 3,
            activities_without_room: vec!["CV 1".into()],
            ..Default::default()
        };
        let item = space_configured(&missing);
        assert_eq!(item.status, Status::Todo);
        assert!(item
            .evidence
            .iter()
            .any(|e| e.key == "evidence-no-room" && e.args[0].1 == "CV 1"));
        assert_eq!(
            space_configured(&SpaceFacts::default()).status,
            Status::Todo
        );
    }

    #[test]
    fn equipment() {
        let t = |c| TrainerEquipment {
            name: "Karim Benali".into(),
            last_check: c,
        };
        assert_eq!(
            equipment_tested(&[t(None)], None, 0).status,
            Status::NotApplicable
        );
        assert_eq!(
            equipment_tested(&[t(None)], Some(100), 0).status,
            Status::Todo
        );
        assert_eq!(
            equipment_tested(&[t(Some((50, false)))], Some(100), 0).status,
            Status::Todo
        );
        assert_eq!(
            equipment_tested(&[t(Some((50, true)))], Some(100), 200).status,
            Status::Done
        );
        assert_eq!(
            equipment_tested(&[t(Some((150, true)))], Some(100), 200).status,
            Status::Warning
        );
        assert_eq!(equipment_tested(&[], Some(100), 0).status, Status::Todo);
    }

    #[test]
    fn accompaniment_and_qualification() {
        assert_eq!(
            accompaniment_planned(&AccompanimentFacts::default()).status,
            Status::Todo
        );
        let full = AccompanimentFacts {
            exists: true,
            channels: true,
            response_hours: true,
            tutoring_slots: true,
            technical_contact: true,
            exchange_hours: true,
        };
        assert_eq!(accompaniment_planned(&full).status, Status::Done);
        let partial = AccompanimentFacts {
            technical_contact: false,
            ..full
        };
        assert_eq!(
            accompaniment_planned(&partial).evidence[0].key,
            "evidence-missing-technical"
        );
        assert_eq!(
            trainer_qualified(&[("A".into(), true), ("B".into(), false)]).status,
            Status::Todo
        );
        assert_eq!(
            trainer_qualified(&[("A".into(), true)]).status,
            Status::Done
        );
        let items = vec![
            trainer_qualified(&[("B".into(), false)]),
            accompaniment_planned(&full),
        ];
        assert_eq!(open_items(&items), vec!["trainer_qualified"]);
    }

    #[test]
    fn links() {
        let none = LinksFacts::default();
        assert_eq!(links_received(&none).status, Status::NotApplicable);
        let unsent = LinksFacts {
            trainees: 3,
            ..Default::default()
        };
        assert_eq!(links_received(&unsent).status, Status::Todo);
        let waiting = LinksFacts {
            trainees: 8,
            convoked: 8,
            received: 1,
            waiting: (1..=7).map(|i| format!("T{i}")).collect(),
            undelivered: 1,
        };
        let item = links_received(&waiting);
        assert_eq!(item.status, Status::Warning);
        let w = item
            .evidence
            .iter()
            .find(|e| e.key == "evidence-links-waiting")
            .unwrap();
        assert_eq!(w.args[0].1, "T1, T2, T3, T4, T5");
        assert_eq!(w.args[1].1, "2");
        assert!(item
            .evidence
            .iter()
            .any(|e| e.key == "evidence-undelivered"));
        let all = LinksFacts {
            trainees: 2,
            convoked: 2,
            received: 2,
            ..Default::default()
        };
        assert_eq!(links_received(&all).status, Status::Done);
    }

    #[test]
    fn opening_and_instructions() {
        let draft = OpeningFacts {
            written: true,
            published: false,
            has_validation: true,
            has_accompaniment: true,
        };
        assert_eq!(opening_message(&draft).status, Status::Todo);
        let without = OpeningFacts {
            published: true,
            has_accompaniment: false,
            ..draft
        };
        assert_eq!(opening_message(&without).status, Status::Todo);
        let done = OpeningFacts {
            published: true,
            ..draft
        };
        assert_eq!(opening_message(&done).status, Status::Done);
        assert_eq!(
            instructions_published(&InstructionsFacts::default()).status,
            Status::NotApplicable
        );
        let some = InstructionsFacts {
            started: 3,
            unpublished: vec!["Forum".into()],
        };
        let item = instructions_published(&some);
        assert_eq!(item.status, Status::Warning);
        assert_eq!(item.evidence[1].args[0].1, "Forum");
        let all = InstructionsFacts {
            started: 3,
            unpublished: vec![],
        };
        assert_eq!(instructions_published(&all).status, Status::Done);
    }

    #[test]
    fn social() {
        assert_eq!(
            social_activity(&SocialFacts::default()).status,
            Status::NotApplicable
        );
        let quiet = SocialFacts {
            started: true,
            ..Default::default()
        };
        assert_eq!(social_activity(&quiet).status, Status::Todo);
        let lively = SocialFacts {
            started: true,
            posts: 12,
            authors: 5,
            ..Default::default()
        };
        assert_eq!(social_activity(&lively).status, Status::Done);
        let late = SocialFacts {
            overdue: vec![("Léa Martin".into(), 5)],
            ..lively.clone()
        };
        let item = social_activity(&late);
        assert_eq!(item.status, Status::Warning);
        assert_eq!(item.evidence[1].key, "evidence-question-overdue");
    }
}
