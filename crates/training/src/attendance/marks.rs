//! Marks on the record: a presence, an absence and its justification, a join, a trainer's
//! correction.

use super::*;

/// Appends a mark to the record.
#[allow(clippy::too_many_arguments)]
pub async fn mark(
    store: &Store,
    a: &Activity,
    slot: Option<&str>,
    subject: i64,
    kind: Kind,
    channel: Channel,
    actor: i64,
    extra: Extra,
) -> Result<Event, Error> {
    Ok(record::record(
        store,
        &NewMark {
            cohort_id: a.cohort_id,
            activity_id: a.id,
            slot: slot.map(str::to_owned),
            subject_id: subject,
            kind,
            channel,
            actor_id: actor,
            at: hybride_store::now(),
            device: extra.device,
            minutes: extra.minutes,
            moment: extra.moment,
            note: extra.note,
            document: extra.document,
            attests: extra.attests,
        },
    )
    .await?)
}

/// The optional parts of a mark.
#[derive(Debug, Default, Clone)]
pub struct Extra {
    pub device: Option<String>,
    pub minutes: Option<i64>,
    pub moment: Option<i64>,
    pub note: Option<String>,
    pub document: Option<record::DocumentRef>,
    /// A countersignature's: the fingerprint of the half-day it attests.
    pub attests: Option<String>,
}

impl Extra {
    pub fn note(note: impl Into<String>) -> Extra {
        Extra {
            note: Some(note.into()),
            ..Extra::default()
        }
    }
}

/// What kind of file an upload is, by its first bytes (never by its name): PDF, PNG or JPEG.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// Whether an upload is a justification or evidence Hybride keeps: its type, by its bytes.
pub fn check_document(upload: &crate::Upload) -> Result<&'static str, hybride_domain::Invalid> {
    if upload.too_large {
        return Err(hybride_domain::Invalid::with(
            "error-file-too-large",
            crate::MAX_UPLOAD / 1024 / 1024,
        ));
    }
    sniff(&upload.bytes).ok_or(hybride_domain::Invalid::new("error-file-type"))
}

/// Keeps an uploaded justification or evidence for a trainee of a cohort; a file that
/// [`check_document`] refuses is refused on its field.
pub async fn keep_document(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    upload: &crate::Upload,
) -> Result<record::DocumentRef, Error> {
    let kind = check_document(upload).map_err(|invalid| {
        let mut e = hybride_domain::FieldErrors::new();
        e.add("document", invalid);
        Error::Invalid(e)
    })?;
    let d =
        record::add_document(store, cohort_id, user_id, &upload.name, kind, &upload.bytes).await?;
    Ok(d.reference())
}

/// A trainee opened their way into a virtual activity: recorded once per half-day.
pub async fn record_join(
    store: &Store,
    c: &Cohort,
    a: &Activity,
    user_id: i64,
) -> Result<(), Error> {
    if !(a.modality.is_synchronous() && a.modality.is_distance()) {
        return Ok(());
    }
    if !cohorts::is_enrolled(store, c.id, user_id).await? {
        return Ok(());
    }
    let steps = trainings::steps(store, c.training_id).await?;
    let Some(slot) = slot_at(&slots(a, &steps), hybride_store::now()) else {
        return Ok(());
    };
    let key = slot.key();
    let events = record::of_subject(store, a.id, user_id).await?;
    let already = events.iter().any(|e| {
        e.subject_id == user_id && e.kind == Kind::Joined && e.slot.as_deref() == Some(&key)
    });
    if !already {
        mark(
            store,
            a,
            Some(&key),
            user_id,
            Kind::Joined,
            Channel::Link,
            user_id,
            Extra::default(),
        )
        .await?;
    }
    Ok(())
}

/// Keeps what a trainer may write: a short text, trimmed, at most 500 characters.
pub fn reason(raw: &str) -> Option<String> {
    hybride_domain::LongText::parse(raw)
        .ok()
        .map(|t| t.as_str().trim().to_owned())
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().take(500).collect())
}

/// A trainer marks or corrects one trainee's half-day: `present`, `late` / `early` (with the
/// time, inside the half-day and already past), `absent` (with the reason), `accept` (the
/// absence's justification), `cancel` (with the reason). Refuses what does not follow from the
/// record so far. After a countersignature, each is a correction the sheet shows as such.
#[allow(clippy::too_many_arguments)]
pub async fn correct(
    s: &Store,
    a: &Activity,
    slot: Slot,
    user: i64,
    action: &str,
    time: &str,
    reason_raw: &str,
    actor: i64,
) -> Result<Result<Event, Refusal>, Error> {
    let key = slot.key();
    let events = record::of_subject(s, a.id, user).await?;
    let marks: Vec<_> = marks_for(&events, user, Some(&key)).collect();
    let p = rules::presence(&marks);
    let at = now();
    let moment = || -> Result<i64, &'static str> {
        let t = hybride_domain::time::time_of_day(time).map_err(|_| "time-invalid")?;
        let ts = slot
            .date
            .to_datetime(t)
            .to_zoned(paris())
            .map_err(|_| "time-invalid")?
            .timestamp()
            .as_second();
        match rules::moment_refusal(&slot, ts, at) {
            Some(why) => Err(why),
            None => Ok(ts),
        }
    };
    let (kind, extra) = match action {
        "present" => {
            if p.signed_at.is_some() {
                return Ok(Err("already-signed"));
            }
            // Marking someone present after the half-day is a correction: say why.
            let late = !slot.contains(at, rules::SIGN_MARGIN_SECONDS);
            match (late, reason(reason_raw)) {
                (true, None) => return Ok(Err("reason-required")),
                (_, r) => (
                    Kind::Signed,
                    Extra {
                        note: r,
                        ..Extra::default()
                    },
                ),
            }
        }
        "late" | "early" => {
            if p.signed_at.is_none() {
                return Ok(Err("not-signed"));
            }
            match moment() {
                Ok(ts) => (
                    if action == "late" {
                        Kind::Late
                    } else {
                        Kind::Early
                    },
                    Extra {
                        moment: Some(ts),
                        note: reason(reason_raw),
                        ..Extra::default()
                    },
                ),
                Err(e) => return Ok(Err(e)),
            }
        }
        "absent" => match reason(reason_raw) {
            Some(r) => (Kind::Absent, Extra::note(r)),
            None => return Ok(Err("reason-required")),
        },
        "accept" => {
            if p.absence.is_none() {
                return Ok(Err("no-absence"));
            }
            (
                Kind::AbsenceAccepted,
                Extra {
                    note: reason(reason_raw),
                    ..Extra::default()
                },
            )
        }
        "cancel" => {
            if p.signed_at.is_none() && p.joined_at.is_none() && p.connected_minutes.is_none() {
                return Ok(Err("not-signed"));
            }
            match reason(reason_raw) {
                Some(r) => (Kind::Cancelled, Extra::note(r)),
                None => return Ok(Err("reason-required")),
            }
        }
        _ => return Ok(Err("unknown-action")),
    };
    Ok(Ok(mark(
        s,
        a,
        Some(&key),
        user,
        kind,
        Channel::Trainer,
        actor,
        extra,
    )
    .await?))
}
