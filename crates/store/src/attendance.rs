//! The attendance record: append-only, one hash chain per cohort.
//!
//! Every mark (signature, late arrival, absence, correction, countersignature, join,
//! confirmation, connected minutes, declaration, validation) is a new row; nothing is updated or
//! deleted. Each row's hash covers its fields and the previous row's hash, and the chain's head
//! is kept per cohort, so that `verify` finds a row edited, inserted or removed behind the
//! application's back. Appending locks the cohort's head row for the transaction (a row lock on
//! PostgreSQL, the write lock on SQLite), so concurrent appends never fork the chain.

use crate::{Store, StoreError, StoreResult};
use hybride_domain::attendance::{Channel, Kind, Mark};
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::FromRow;
use utoipa::ToSchema;

/// The hash before the first event of a chain.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// A mark to append.
#[derive(Debug, Clone)]
pub struct NewMark {
    pub cohort_id: i64,
    pub activity_id: i64,
    pub slot: Option<String>,
    pub subject_id: i64,
    pub kind: Kind,
    pub channel: Channel,
    pub actor_id: i64,
    pub at: i64,
    /// A digest of the device's cookie, never the cookie itself.
    pub device: Option<String>,
    pub minutes: Option<i64>,
    pub moment: Option<i64>,
    pub note: Option<String>,
}

/// One event of the record.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Event {
    pub id: i64,
    pub cohort_id: i64,
    /// Position in the cohort's chain, from 1.
    pub seq: i64,
    pub activity_id: i64,
    /// The half-day (`2026-11-29-morning`); none for asynchronous work.
    pub slot: Option<String>,
    /// The trainee (or, for a countersignature, the trainer) the mark is about.
    pub subject_id: i64,
    #[sqlx(try_from = "String")]
    pub kind: Kind,
    /// How it was recorded.
    #[sqlx(try_from = "String")]
    pub channel: Channel,
    /// Who recorded it.
    pub actor_id: i64,
    /// Unix seconds.
    pub at: i64,
    #[serde(skip)]
    pub device: Option<String>,
    pub minutes: Option<i64>,
    /// The time a late arrival or early departure refers to (unix seconds).
    pub moment: Option<i64>,
    /// A reason, comment or evidence.
    pub note: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

impl Event {
    pub fn mark(&self) -> Mark {
        Mark {
            slot: self.slot.clone(),
            subject: self.subject_id,
            kind: self.kind,
            channel: self.channel,
            actor: self.actor_id,
            at: self.at,
            device: self.device.clone(),
            minutes: self.minutes,
            moment: self.moment,
            note: self.note.clone(),
        }
    }
}

const EVENT_COLUMNS: &str = "id, cohort_id, seq, activity_id, slot, subject_id, kind, channel, \
     actor_id, at, device, minutes, moment, note, prev_hash, hash";

#[allow(clippy::too_many_arguments)]
fn hash_fields(
    prev: &str,
    cohort_id: i64,
    seq: i64,
    activity_id: i64,
    slot: Option<&str>,
    subject_id: i64,
    kind: &str,
    channel: &str,
    actor_id: i64,
    at: i64,
    device: Option<&str>,
    minutes: Option<i64>,
    moment: Option<i64>,
    note: Option<&str>,
) -> String {
    // Length-prefixed fields: no two different events encode alike.
    let mut h = Sha256::new();
    let mut field = |s: Option<&str>| match s {
        None => h.update(b"-;"),
        Some(v) => {
            h.update(format!("{}:", v.len()).as_bytes());
            h.update(v.as_bytes());
            h.update(b";");
        }
    };
    let n = |v: i64| Some(v.to_string());
    let o = |v: Option<i64>| v.map(|x| x.to_string());
    field(Some("hybride-attendance-v1"));
    field(Some(prev));
    field(n(cohort_id).as_deref());
    field(n(seq).as_deref());
    field(n(activity_id).as_deref());
    field(slot);
    field(n(subject_id).as_deref());
    field(Some(kind));
    field(Some(channel));
    field(n(actor_id).as_deref());
    field(n(at).as_deref());
    field(device);
    field(o(minutes).as_deref());
    field(o(moment).as_deref());
    field(note);
    let d = h.finalize();
    d.iter().map(|b| format!("{b:02x}")).collect()
}

impl Event {
    /// The hash this event should carry, from its own fields and its `prev_hash`.
    pub fn expected_hash(&self) -> String {
        hash_fields(
            &self.prev_hash,
            self.cohort_id,
            self.seq,
            self.activity_id,
            self.slot.as_deref(),
            self.subject_id,
            self.kind.as_str(),
            self.channel.as_str(),
            self.actor_id,
            self.at,
            self.device.as_deref(),
            self.minutes,
            self.moment,
            self.note.as_deref(),
        )
    }
}

/// Appends one mark to its cohort's chain.
pub async fn record(store: &Store, m: &NewMark) -> StoreResult<Event> {
    let mut tx = store.pool().begin().await?;
    // Takes the head's lock first: on SQLite the write lock, on PostgreSQL the row's.
    let (seq, prev): (i64, String) = sqlx::query_as(
        "INSERT INTO attendance_heads (cohort_id, seq, hash) VALUES ($1, 1, $2) \
         ON CONFLICT (cohort_id) DO UPDATE SET seq = attendance_heads.seq + 1 \
         RETURNING seq, hash",
    )
    .bind(m.cohort_id)
    .bind(GENESIS)
    .fetch_one(&mut *tx)
    .await
    .map_err(StoreError::unique("attendance"))?;
    let hash = hash_fields(
        &prev,
        m.cohort_id,
        seq,
        m.activity_id,
        m.slot.as_deref(),
        m.subject_id,
        m.kind.as_str(),
        m.channel.as_str(),
        m.actor_id,
        m.at,
        m.device.as_deref(),
        m.minutes,
        m.moment,
        m.note.as_deref(),
    );
    let event: Event = sqlx::query_as(&format!(
        "INSERT INTO attendance_events (cohort_id, seq, activity_id, slot, subject_id, kind, channel, \
         actor_id, at, device, minutes, moment, note, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
         RETURNING {EVENT_COLUMNS}"
    ))
    .bind(m.cohort_id)
    .bind(seq)
    .bind(m.activity_id)
    .bind(m.slot.as_deref())
    .bind(m.subject_id)
    .bind(m.kind.as_str())
    .bind(m.channel.as_str())
    .bind(m.actor_id)
    .bind(m.at)
    .bind(m.device.as_deref())
    .bind(m.minutes)
    .bind(m.moment)
    .bind(m.note.as_deref())
    .bind(&prev)
    .bind(&hash)
    .fetch_one(&mut *tx)
    .await
    .map_err(StoreError::unique("attendance"))?;
    sqlx::query("UPDATE attendance_heads SET hash = $1 WHERE cohort_id = $2")
        .bind(&hash)
        .bind(m.cohort_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(event)
}

/// Every event of one activity, in record order.
pub async fn of_activity(store: &Store, activity_id: i64) -> StoreResult<Vec<Event>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM attendance_events WHERE activity_id = $1 ORDER BY seq"
    ))
    .bind(activity_id)
    .fetch_all(store.pool())
    .await?)
}

/// Every event of one cohort, in record order.
pub async fn of_cohort(store: &Store, cohort_id: i64) -> StoreResult<Vec<Event>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM attendance_events WHERE cohort_id = $1 ORDER BY seq"
    ))
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

/// Whether an activity has any mark (then it cannot be removed from the schedule).
pub async fn any_for_activity(store: &Store, activity_id: i64) -> StoreResult<bool> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT 1 FROM attendance_events WHERE activity_id = $1 LIMIT 1")
            .bind(activity_id)
            .fetch_optional(store.pool())
            .await?;
    Ok(row.is_some())
}

/// A trainer's countersigned half-days, with the activity's place and times.
#[derive(Debug, Clone, FromRow)]
pub struct CountersignRow {
    pub activity_id: i64,
    pub slot: Option<String>,
    pub place: Option<String>,
    pub starts_at: i64,
    pub ends_at: i64,
}

pub async fn countersigns_of(store: &Store, trainer_id: i64) -> StoreResult<Vec<CountersignRow>> {
    Ok(sqlx::query_as(
        "SELECT e.activity_id, e.slot, a.place, a.starts_at, a.ends_at FROM attendance_events e \
         JOIN activities a ON a.id = e.activity_id \
         WHERE e.subject_id = $1 AND e.kind = 'countersigned' ORDER BY e.at",
    )
    .bind(trainer_id)
    .fetch_all(store.pool())
    .await?)
}

/// The secret behind an activity's rotating codes, created on first use.
pub async fn signing_secret(store: &Store, activity_id: i64) -> StoreResult<String> {
    sqlx::query(
        "INSERT INTO attendance_keys (activity_id, secret) VALUES ($1, $2) \
         ON CONFLICT (activity_id) DO NOTHING",
    )
    .bind(activity_id)
    .bind(crate::token::generate())
    .execute(store.pool())
    .await
    .map_err(StoreError::unique("attendance_key"))?;
    let (secret,): (String,) =
        sqlx::query_as("SELECT secret FROM attendance_keys WHERE activity_id = $1")
            .bind(activity_id)
            .fetch_one(store.pool())
            .await?;
    Ok(secret)
}

/// Where a chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Break {
    pub cohort_id: i64,
    /// The first event that does not hold (none when events are missing at the end).
    pub event_id: Option<i64>,
    pub seq: i64,
    /// `altered` (fields changed), `link` (previous hash does not match), `gap` (an event is
    /// missing or was inserted), `head` (the last events were removed).
    pub problem: &'static str,
}

/// What `verify` found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Verification {
    pub chains: usize,
    pub events: usize,
    pub breaks: Vec<Break>,
}

/// Checks every cohort's chain: each event's hash, its link to the previous one, the sequence
/// without gaps, and the head. Reports the first break of each chain.
pub async fn verify(store: &Store) -> StoreResult<Verification> {
    let mut cohorts: Vec<(i64,)> = sqlx::query_as(
        "SELECT cohort_id FROM attendance_heads UNION SELECT cohort_id FROM attendance_events",
    )
    .fetch_all(store.pool())
    .await?;
    cohorts.sort_unstable();
    cohorts.dedup();
    let mut out = Verification::default();
    for (cohort_id,) in cohorts {
        out.chains += 1;
        let events = of_cohort(store, cohort_id).await?;
        out.events += events.len();
        let head: Option<(i64, String)> =
            sqlx::query_as("SELECT seq, hash FROM attendance_heads WHERE cohort_id = $1")
                .bind(cohort_id)
                .fetch_optional(store.pool())
                .await?;
        if let Some(b) = check_chain(cohort_id, &events, head) {
            out.breaks.push(b);
        }
    }
    Ok(out)
}

/// The first break of one cohort's chain, if any.
pub fn check_chain(cohort_id: i64, events: &[Event], head: Option<(i64, String)>) -> Option<Break> {
    let mut prev = GENESIS.to_owned();
    let mut expected_seq = 1;
    for e in events {
        let brk = |problem| Break {
            cohort_id,
            event_id: Some(e.id),
            seq: e.seq,
            problem,
        };
        if e.seq != expected_seq {
            return Some(brk("gap"));
        }
        if e.prev_hash != prev {
            return Some(brk("link"));
        }
        if e.expected_hash() != e.hash {
            return Some(brk("altered"));
        }
        prev = e.hash.clone();
        expected_seq += 1;
    }
    let last = expected_seq - 1;
    match head {
        Some((seq, hash)) if seq == last && (hash == prev || last == 0) => None,
        None if last == 0 => None,
        Some((seq, _)) => Some(Break {
            cohort_id,
            event_id: None,
            seq: seq.max(last),
            problem: "head",
        }),
        None => Some(Break {
            cohort_id,
            event_id: None,
            seq: last,
            problem: "head",
        }),
    }
}
