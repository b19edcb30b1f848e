//! The demo académie's catalogue: people, establishments and the 2026-2027 plan's trainings.
//!
//! Pure data (no dependencies): every demo of Hybride draws its trainees, trainers,
//! establishments and hybrid scenarios from here. The trainings are kept by theme (digital,
//! teaching practice, school life, the profession) and listed in [`TRAININGS`].

mod digital;
mod establishments;
mod names;
mod profession;
mod school_life;
mod teaching;

pub use establishments::{Establishment, ESTABLISHMENTS};
pub use names::{FIRST_NAMES, LAST_NAMES};

/// One step of a hybrid scenario (a line of the chronogramme).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepSpec {
    /// Exactly one of `in_person`, `virtual_class`, `webinar`, `async`.
    pub modality: &'static str,
    /// Laurillard's ABC: `acquisition`, `investigation`, `practice`, `production`,
    /// `discussion` or `collaboration`.
    pub learning_type: &'static str,
    /// Title of the step.
    pub title: &'static str,
    /// Collective (true) or individual (false).
    pub collective: bool,
    /// A social activity (forum, group work…).
    pub social: bool,
    /// Estimated duration in minutes, a multiple of 15.
    pub minutes: u32,
    /// Consignes addressed to trainees.
    pub instructions: &'static str,
    /// Resources made available, separated by semicolons.
    pub resources: &'static str,
    /// Expected evidence of completion.
    pub evidence: &'static str,
    /// Evaluation attached to the step, empty if none.
    pub evaluation: &'static str,
    /// What the trainer does during the step.
    pub trainer_role: &'static str,
    /// Whether the step is required for validation.
    pub mandatory: bool,
}

/// A training of the plan académique de formation (one GAIA module).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainingSpec {
    /// GAIA dispositif id: year on 2 digits, `A`, 7 digits (e.g. `26A0100123`).
    pub dispositif: &'static str,
    /// GAIA module id, 5 digits.
    pub module: &'static str,
    /// Title of the training.
    pub title: &'static str,
    /// Training objectives.
    pub objectives: &'static str,
    /// Target public.
    pub public: &'static str,
    /// Validation criteria in plain words.
    pub validation: &'static str,
    /// Minimum attendance required, in percent.
    pub min_attendance_percent: u8,
    /// The hybrid scenario (chronogramme), ordered.
    pub steps: &'static [StepSpec],
}

/// The trainings of the académie's 2026-2027 plan (PAF), in this order (the seed refers to them
/// by index).
pub const TRAININGS: &[TrainingSpec] = &[
    digital::DIGITAL_EDUCATION,
    teaching::ASSESSMENT,
    school_life::INCLUSIVE_SCHOOL,
    school_life::SECULARISM,
    teaching::ORAL,
    digital::COMPUTING,
    teaching::SCIENCE_CYCLE_3,
    digital::MEDIA_LITERACY,
    profession::NEW_TEACHERS,
    school_life::SCHOOL_CLIMATE,
    teaching::DIFFERENTIATION,
    profession::HYBRID_TRAINERS,
];
