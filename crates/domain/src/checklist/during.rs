//! The "during" phase: links received, the opening message, instructions, the discussion space.

use super::item::{Evidence, Item, Phase, Status};

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
