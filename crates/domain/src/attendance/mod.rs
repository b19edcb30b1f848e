//! Attendance arithmetic: activities split into half-days, marks folded into each trainee's
//! presence, the threshold that makes a distance half-day count, credited minutes, each
//! trainee's validation against the training's rules, and the red flags a controller looks for.
//!
//! Pure: times are unix seconds, the time zone is given. The record itself (append-only,
//! hash-chained) lives in the store; this module only reads it.
//!
//! One submodule per concern, each re-exported here: `slot` (half-days and signing times),
//! `marks` (the record's marks), `presence` (a half-day's presence and credited minutes),
//! `countersigning` (a countersigned half-day frozen, what came after it a correction),
//! `completion` (asynchronous activities), `validation` (a trainee's standing) and
//! `red_flags` (what a controller would ask about).

mod completion;
mod countersigning;
mod marks;
mod presence;
mod red_flags;
mod slot;
mod validation;

pub use completion::{completion, AsyncState, Completion, CreditRule};
pub use countersigning::{
    countersign_refusal, freeze, moment_refusal, Attestation, Correction, Countersigning, Freeze,
};
pub use marks::{Channel, Kind, Mark};
pub use presence::{
    analytics_heard, attended, credited, presence, presences, prompt_of, prompts, Absence,
    Presence, ANALYTICS_SECONDS,
};
pub use red_flags::{red_flags, two_places, Countersign, RedFlag, BURST_COUNT, BURST_SECONDS};
pub use slot::{
    half_days, parse_slot_key, slot_key, Slot, CODE_PERIOD_SECONDS, SIGN_MARGIN_SECONDS,
};
pub use validation::{validate, Progress, Rules, Standing, Unit, Validation};

#[cfg(test)]
mod tests;
