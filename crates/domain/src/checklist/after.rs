//! The "after" phase: contents left available, documents transmitted, reviews, courses sent.

use super::item::{Evidence, Item, Phase, Status};

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
    /// No signatory of the certificates is named: they are not issued, and the bundle, which
    /// holds them, cannot be made.
    pub signatory_missing: bool,
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
    if f.signatory_missing {
        evidence.push(Evidence::new("evidence-signatory-missing"));
    }
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
        _ if f.signatory_missing => {
            if f.transmitted_at.is_none() {
                evidence.push(Evidence::new("evidence-not-transmitted"));
            }
            Status::Todo
        }
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
