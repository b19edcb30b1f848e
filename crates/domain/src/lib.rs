//! Hybride's domain: pure types and rules, no I/O.
//!
//! Every type here is parsed, never merely validated: once a value exists it is valid, so the rest of
//! the code never re-checks it. Errors name a translation key (see the web crate's `locales/`), so that
//! the same rule speaks French in the UI, in the API and in the CLI.

pub mod accounts;
pub mod attendance;
pub mod attendance_import;
pub mod audit;
pub mod calendar;
pub mod certificate;
pub mod checklist;
pub mod cohort;
pub mod discussion;
pub mod email;
pub mod gaia;
pub mod invalid;
pub mod minutes;
pub mod modality;
pub mod pay;
pub mod plan;
pub mod qualification;
pub mod retention;
pub mod role;
pub mod scenario;
pub mod second_factor;
pub mod sign_in;
pub mod spreadsheet;
pub mod survey;
pub mod text;
pub mod time;
pub mod words;

pub use cohort::CohortStatus;
pub use email::Email;
pub use gaia::{DispositifId, ModuleId};
pub use invalid::{FieldErrors, Invalid};
pub use minutes::Minutes;
pub use modality::{HalfDay, HoursBudget, LearningType, Modality};
pub use plan::SchoolYear;
pub use role::Role;
pub use text::{LongText, Note, PersonName, Title};
