//! The record's marks: what happened (`Kind`), how it was recorded (`Channel`), and the mark.

use crate::Invalid;
use serde::{Deserialize, Serialize};

/// What happened, in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A trainee's signature for a half-day.
    Signed,
    /// A late arrival (`moment` is the arrival time).
    Late,
    /// An early departure (`moment` is the departure time).
    Early,
    /// An absence, with its reason.
    Absent,
    /// The trainer accepts the absence's justification.
    AbsenceAccepted,
    /// A correction: the presence recorded before no longer holds (with its reason).
    Cancelled,
    /// The trainer countersigns the half-day.
    Countersigned,
    /// The trainee opened their personal link into a virtual activity.
    Joined,
    /// « Je suis présent »: the trainee confirms being there.
    Confirmed,
    /// Minutes connected to the virtual room in the half-day (from the server's analytics).
    Connected,
    /// The trainee declares an asynchronous activity done, with evidence.
    Declared,
    /// The trainer validates a declaration; `minutes` is the credited time.
    Validated,
    /// The trainer asks for more before validating.
    MoreRequested,
}

impl Kind {
    pub const ALL: [Kind; 13] = [
        Kind::Signed,
        Kind::Late,
        Kind::Early,
        Kind::Absent,
        Kind::AbsenceAccepted,
        Kind::Cancelled,
        Kind::Countersigned,
        Kind::Joined,
        Kind::Confirmed,
        Kind::Connected,
        Kind::Declared,
        Kind::Validated,
        Kind::MoreRequested,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Signed => "signed",
            Kind::Late => "late",
            Kind::Early => "early",
            Kind::Absent => "absent",
            Kind::AbsenceAccepted => "absence_accepted",
            Kind::Cancelled => "cancelled",
            Kind::Countersigned => "countersigned",
            Kind::Joined => "joined",
            Kind::Confirmed => "confirmed",
            Kind::Connected => "connected",
            Kind::Declared => "declared",
            Kind::Validated => "validated",
            Kind::MoreRequested => "more_requested",
        }
    }

    pub fn parse(raw: &str) -> Result<Kind, Invalid> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| Invalid::with("error-mark-unknown", raw))
    }
}

impl TryFrom<String> for Kind {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        Kind::parse(&s)
    }
}

/// How it was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The rotating QR code, scanned by the trainee's own phone.
    Qr,
    /// The short code read aloud, typed by the trainee.
    Code,
    /// By the trainer (marking, countersigning, validating).
    Trainer,
    /// By the trainee in their space (absence, confirmation, declaration).
    Trainee,
    /// BigBlueButton's analytics callback.
    Bbb,
    /// The trainee's personal join link.
    Link,
    /// An LMS completion export (M@gistère / Moodle).
    Import,
}

impl Channel {
    pub const ALL: [Channel; 7] = [
        Channel::Qr,
        Channel::Code,
        Channel::Trainer,
        Channel::Trainee,
        Channel::Bbb,
        Channel::Link,
        Channel::Import,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Qr => "qr",
            Channel::Code => "code",
            Channel::Trainer => "trainer",
            Channel::Trainee => "trainee",
            Channel::Bbb => "bbb",
            Channel::Link => "link",
            Channel::Import => "import",
        }
    }

    pub fn parse(raw: &str) -> Result<Channel, Invalid> {
        Channel::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .ok_or_else(|| Invalid::with("error-channel-unknown", raw))
    }
}

impl TryFrom<String> for Channel {
    type Error = Invalid;
    fn try_from(s: String) -> Result<Self, Invalid> {
        Channel::parse(&s)
    }
}

/// One mark of the record, as the attendance rules read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub slot: Option<String>,
    pub subject: i64,
    pub kind: Kind,
    pub channel: Channel,
    pub actor: i64,
    pub at: i64,
    pub device: Option<String>,
    pub minutes: Option<i64>,
    pub moment: Option<i64>,
    pub note: Option<String>,
    /// A document given with the mark (its id in the record's documents).
    pub document: Option<i64>,
}
