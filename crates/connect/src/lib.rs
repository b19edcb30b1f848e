//! Hybride's links to outside systems. Each is optional: Hybride works without them, and says
//! what it cannot do when one is not configured.

pub mod bbb;
pub mod cas;
pub mod mail;
pub mod moodle;
#[cfg(feature = "replay")]
pub mod moodle_replay;
pub mod oidc;
