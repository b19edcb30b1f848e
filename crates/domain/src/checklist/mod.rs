//! The charter as a checklist: each duty's status, computed from data, with the evidence.
//! The item and its status are in `item`; each phase's duties in its own submodule (`before`,
//! `during`, `after`), all re-exported here.

mod after;
mod before;
mod during;
mod item;

pub use after::{
    admin_documents, contents_available, open_courses_promoted, pilot_feedback, ContentsFacts,
    CoursesFacts, DocumentsFacts, FeedbackFacts,
};
pub use before::{
    accompaniment_planned, equipment_tested, scenario_articulated, space_configured,
    trainer_qualified, AccompanimentFacts, CourseCheck, SpaceFacts, TrainerEquipment,
};
pub use during::{
    instructions_published, links_received, opening_message, social_activity, InstructionsFacts,
    LinksFacts, OpeningFacts, SocialFacts,
};
pub use item::{open_items, Evidence, Item, Phase, Status};

#[cfg(test)]
mod tests;
