use super::*;
use crate::qualification::Standing;

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
    // Without a signatory, no certificate is issued: never done, and said first.
    d.not_countersigned = 0;
    d.signatory_missing = true;
    let i = admin_documents(&d);
    assert_eq!(i.status, Status::Todo);
    assert_eq!(i.evidence[0].key, "evidence-signatory-missing");
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
    let valid = Standing::Valid { until: None };
    let mixed = trainer_qualified(
        &[("A".into(), valid), ("B".into(), Standing::Missing)],
        Some(("Session 1", jiff::civil::date(2027, 1, 14))),
    );
    assert_eq!(mixed.status, Status::Todo);
    assert_eq!(mixed.evidence[2].key, "evidence-trainers-session");
    assert_eq!(
        trainer_qualified(&[("A".into(), valid)], None).status,
        Status::Done
    );
    let expired = trainer_qualified(
        &[(
            "A".into(),
            Standing::Expired {
                on: jiff::civil::date(2026, 8, 31),
            },
        )],
        None,
    );
    assert_eq!(expired.status, Status::Todo);
    assert_eq!(
        expired.evidence.iter().map(|e| e.key).collect::<Vec<_>>(),
        [
            "evidence-qualification-expired",
            "evidence-no-trainers-session"
        ]
    );
    let items = vec![
        trainer_qualified(&[("B".into(), Standing::Missing)], None),
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
