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
use sqlx::FromRow;
use utoipa::ToSchema;

mod verify;
pub use verify::{check_chain, fingerprint, freeze, verify, Break, HalfDayRef, Verification};

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
    /// A document given with the mark (see [`add_document`]).
    pub document: Option<DocumentRef>,
    /// A countersignature's: the fingerprint of the half-day's events its trainer read, which
    /// it attests (see [`fingerprint`]).
    pub attests: Option<String>,
}

/// A stored document, as a mark refers to it: its id and its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct DocumentRef {
    pub id: i64,
    pub sha256: String,
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
    /// A document given with the mark (a justification, evidence), and its SHA-256.
    pub document_id: Option<i64>,
    #[serde(skip)]
    pub document_sha256: Option<String>,
    /// A countersignature's: the fingerprint of the half-day's events it attests, those its
    /// trainer read (see [`fingerprint`]).
    pub attests: Option<String>,
    pub prev_hash: String,
    pub hash: String,
    /// The seal of the key that appended it (see [`crate::seal`]), none without a key.
    #[serde(skip)]
    pub seal: Option<String>,
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
            document: self.document_id,
        }
    }
}

const EVENT_COLUMNS: &str = "id, cohort_id, seq, activity_id, slot, subject_id, kind, channel, \
     actor_id, at, device, minutes, moment, note, document_id, document_sha256, attests, \
     prev_hash, hash, seal";

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
    document: Option<(i64, &str)>,
    attests: Option<&str>,
) -> String {
    let mut e = crate::chain::Encoder::new("hybride-attendance-v1");
    e.text(prev)
        .number(cohort_id)
        .number(seq)
        .number(activity_id)
        .field(slot)
        .number(subject_id)
        .text(kind)
        .text(channel)
        .number(actor_id)
        .number(at)
        .field(device)
        .optional_number(minutes)
        .optional_number(moment)
        .field(note);
    // Version 1 events carried no document: the field is hashed only when there is one.
    if let Some((id, sha)) = document {
        e.text("document").number(id).text(sha);
    }
    // Nor an attestation: hashed only when there is one, so that older chains still hold.
    if let Some(a) = attests {
        e.text("attests").text(a);
    }
    e.finish()
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
            self.document_id
                .map(|id| (id, self.document_sha256.as_deref().unwrap_or(""))),
            self.attests.as_deref(),
        )
    }
}

impl NewMark {
    /// The hash of this mark at place `seq` of its chain, after `prev`.
    fn hash(&self, prev: &str, seq: i64) -> String {
        hash_fields(
            prev,
            self.cohort_id,
            seq,
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
            self.document.as_ref().map(|d| (d.id, d.sha256.as_str())),
            self.attests.as_deref(),
        )
    }
}

/// `INSERT` of `n` events, returning them.
fn insert_events(n: usize) -> String {
    format!(
        "INSERT INTO attendance_events (cohort_id, seq, activity_id, slot, subject_id, kind, channel, \
         actor_id, at, device, minutes, moment, note, document_id, document_sha256, attests, \
         prev_hash, hash, seal) VALUES {} RETURNING {EVENT_COLUMNS}",
        rows(n, 19)
    )
}

type EventQuery<'q> = sqlx::query::QueryAs<'q, sqlx::Any, Event, sqlx::any::AnyArguments<'q>>;

/// Binds one event's 19 values, in [`insert_events`]' order.
fn bind_event<'q>(
    q: EventQuery<'q>,
    m: &'q NewMark,
    seq: i64,
    prev: &'q str,
    hash: &'q str,
    seal: Option<String>,
) -> EventQuery<'q> {
    q.bind(m.cohort_id)
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
        .bind(m.document.as_ref().map(|d| d.id))
        .bind(m.document.as_ref().map(|d| d.sha256.as_str()))
        .bind(m.attests.as_deref())
        .bind(prev)
        .bind(hash)
        .bind(seal)
}

/// Marks waiting to be appended, and the turn to write them (one writer at a time per process).
#[derive(Default)]
pub(crate) struct Appends {
    queue: std::sync::Mutex<Vec<Pending>>,
    turn: tokio::sync::Mutex<()>,
}

struct Pending {
    mark: NewMark,
    reply: tokio::sync::oneshot::Sender<StoreResult<Event>>,
}

/// At most this many marks go in one transaction.
const BATCH: usize = 256;
/// Rows per `INSERT` of events: 19 parameters each, kept under 1,000 per statement.
const ROWS_PER_INSERT: usize = 50;

/// Appends one mark to its cohort's chain, and answers once it is committed.
///
/// Group commit: the marks that arrive while a transaction is being written wait for it, then
/// are written together in the next one, in their order of arrival — one commit (one `fsync`
/// with `synchronous = FULL`) and a handful of statements for all of them, instead of a
/// transaction each. If that transaction fails, each of its marks is tried again alone, so that
/// one mark's error is its own. The writing runs on a task of its own: a request that goes away
/// (its client hung up) never cuts a transaction short, nor the other marks in it.
pub async fn record(store: &Store, m: &NewMark) -> StoreResult<Event> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    lock(&store.appends.queue).push(Pending {
        mark: m.clone(),
        reply,
    });
    let s = store.clone();
    tokio::spawn(async move {
        let _turn = s.appends.turn.lock().await;
        let batch: Vec<Pending> = {
            let mut q = lock(&s.appends.queue);
            let n = q.len().min(BATCH);
            q.drain(..n).collect()
        };
        write(&s, batch).await;
    });
    // The writer answers every mark it takes; no answer means its task failed.
    answer
        .await
        .unwrap_or(Err(StoreError::Database(sqlx::Error::WorkerCrashed)))
}

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

async fn write(store: &Store, batch: Vec<Pending>) {
    if batch.len() > 1 {
        let marks: Vec<&NewMark> = batch.iter().map(|p| &p.mark).collect();
        match append_all(store, &marks).await {
            Ok(events) => {
                for (p, e) in batch.into_iter().zip(events) {
                    let _ = p.reply.send(Ok(e));
                }
                return;
            }
            Err(e) => {
                tracing::debug!(error = %e, marks = batch.len(), "appending together failed; one by one")
            }
        }
    }
    for p in batch {
        let r = append_one(store, &p.mark).await;
        let _ = p.reply.send(r);
    }
}

/// `n` rows of `width` placeholders, numbered from `$1`: `($1, $2), ($3, $4)`.
fn rows(n: usize, width: usize) -> String {
    (0..n)
        .map(|r| {
            let cells: Vec<String> = (1..=width).map(|c| format!("${}", r * width + c)).collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Appends marks of any cohorts in one transaction, in their order; the events in that order.
async fn append_all(store: &Store, marks: &[&NewMark]) -> StoreResult<Vec<Event>> {
    let mut cohorts: Vec<i64> = marks.iter().map(|m| m.cohort_id).collect();
    cohorts.sort_unstable();
    cohorts.dedup();
    let mut tx = store.pool().begin().await?;
    // A write first, which takes SQLite's write lock before anything is read; a chain without a
    // head yet gets one (sequence 0, the genesis hash), replaced below.
    let sql = format!(
        "INSERT INTO attendance_heads (cohort_id, seq, hash) VALUES {} ON CONFLICT (cohort_id) DO NOTHING",
        (1..=cohorts.len())
            .map(|i| format!("(${i}, 0, '{GENESIS}')"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut q = sqlx::query(&sql);
    for c in &cohorts {
        q = q.bind(*c);
    }
    q.execute(&mut *tx).await?;
    // The heads, locked in one order (on PostgreSQL, row locks taken by cohort id, so that two
    // instances writing the same cohorts never wait on each other in a cycle).
    let list = (1..=cohorts.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let lock_rows = match store.backend() {
        crate::Backend::Postgres => " FOR UPDATE",
        crate::Backend::Sqlite => "",
    };
    let sql = format!(
        "SELECT cohort_id, seq, hash FROM attendance_heads WHERE cohort_id IN ({list}) ORDER BY cohort_id{lock_rows}"
    );
    let mut q = sqlx::query_as::<_, (i64, i64, String)>(&sql);
    for c in &cohorts {
        q = q.bind(*c);
    }
    let mut heads: std::collections::HashMap<i64, (i64, String)> = q
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|(c, seq, hash)| (c, (seq, hash)))
        .collect();
    // Each mark's place in its chain, and its hash.
    let mut placed = Vec::with_capacity(marks.len());
    for m in marks {
        let head = heads.get_mut(&m.cohort_id).ok_or(StoreError::NotFound)?;
        let seq = head.0 + 1;
        let prev = std::mem::take(&mut head.1);
        let hash = m.hash(&prev, seq);
        *head = (seq, hash.clone());
        placed.push((seq, prev, hash));
    }
    let mut written: std::collections::HashMap<(i64, i64), Event> =
        std::collections::HashMap::with_capacity(marks.len());
    for (chunk, places) in marks
        .chunks(ROWS_PER_INSERT)
        .zip(placed.chunks(ROWS_PER_INSERT))
    {
        let sql = insert_events(chunk.len());
        let mut q = sqlx::query_as::<_, Event>(&sql);
        for (m, (seq, prev, hash)) in chunk.iter().zip(places) {
            let seal = store.seal_of(&crate::seal::attendance(m.cohort_id), *seq, hash);
            q = bind_event(q, m, *seq, prev, hash, seal);
        }
        for e in q
            .fetch_all(&mut *tx)
            .await
            .map_err(StoreError::unique("attendance"))?
        {
            written.insert((e.cohort_id, e.seq), e);
        }
    }
    let sql = format!(
        "INSERT INTO attendance_heads (cohort_id, seq, hash) VALUES {} \
         ON CONFLICT (cohort_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
        rows(heads.len(), 3)
    );
    let mut q = sqlx::query(&sql);
    for (c, (seq, hash)) in &heads {
        q = q.bind(*c).bind(*seq).bind(hash.as_str());
    }
    q.execute(&mut *tx).await?;
    tx.commit().await?;
    marks
        .iter()
        .zip(&placed)
        .map(|(m, (seq, _, _))| {
            written
                .remove(&(m.cohort_id, *seq))
                .ok_or(StoreError::NotFound)
        })
        .collect()
}

/// Appends one mark alone, in its own transaction.
async fn append_one(store: &Store, m: &NewMark) -> StoreResult<Event> {
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
    let hash = m.hash(&prev, seq);
    let sql = insert_events(1);
    let seal = store.seal_of(&crate::seal::attendance(m.cohort_id), seq, &hash);
    let event: Event = bind_event(sqlx::query_as(&sql), m, seq, &prev, &hash, seal)
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

/// The events of one activity about one person (a trainee, or a trainer's countersignatures),
/// in record order: what deciding on that person's mark needs, without the whole half-day's.
pub async fn of_subject(
    store: &Store,
    activity_id: i64,
    subject_id: i64,
) -> StoreResult<Vec<Event>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM attendance_events WHERE activity_id = $1 AND subject_id = $2 ORDER BY seq"
    ))
    .bind(activity_id)
    .bind(subject_id)
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

/// One person's events across several activities (a trainee's marks of the activities she may
/// sign now), in record order: one statement, none when `activity_ids` is empty.
pub async fn of_subject_in(
    store: &Store,
    subject_id: i64,
    activity_ids: &[i64],
) -> StoreResult<Vec<Event>> {
    if activity_ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = (2..activity_ids.len() + 2)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM attendance_events WHERE subject_id = $1 \
         AND activity_id IN ({list}) ORDER BY seq"
    );
    let mut q = sqlx::query_as(&sql).bind(subject_id);
    for id in activity_ids {
        q = q.bind(*id);
    }
    Ok(q.fetch_all(store.pool()).await?)
}

/// One person's events in one cohort, in record order: what her certificate or her distance
/// work's table needs, without the others'.
pub async fn of_cohort_subject(
    store: &Store,
    cohort_id: i64,
    subject_id: i64,
) -> StoreResult<Vec<Event>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {EVENT_COLUMNS} FROM attendance_events WHERE cohort_id = $1 AND subject_id = $2 \
         ORDER BY seq"
    ))
    .bind(cohort_id)
    .bind(subject_id)
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

/// Someone who acted as staff on a given half-day (marked a trainee, countersigned), with one
/// half-day they countersigned anywhere, its activity's place and times (none for who never
/// countersigned): their name beside their marks, and whether they were in two places at once.
#[derive(Debug, Clone, FromRow)]
pub struct HalfDayStaff {
    pub user_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub activity_id: Option<i64>,
    pub slot: Option<String>,
    pub place: Option<String>,
    pub starts_at: Option<i64>,
    pub ends_at: Option<i64>,
}

impl HalfDayStaff {
    /// The name as documents show it (as [`crate::people::User::display_name`]).
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// The half-day they countersigned, if this row names one.
    pub fn countersign(&self) -> Option<CountersignRow> {
        Some(CountersignRow {
            activity_id: self.activity_id?,
            slot: self.slot.clone(),
            place: self.place.clone(),
            starts_at: self.starts_at?,
            ends_at: self.ends_at?,
        })
    }
}

/// The staff who marked or countersigned one half-day of an activity (through the trainer's
/// channel), each with every half-day they countersigned (by time). One statement, whatever the
/// number of trainers.
pub async fn half_day_staff(
    store: &Store,
    activity_id: i64,
    slot: &str,
) -> StoreResult<Vec<HalfDayStaff>> {
    Ok(sqlx::query_as(
        "SELECT u.id AS user_id, u.first_name, u.last_name, e.activity_id, e.slot, a.place, \
         a.starts_at, a.ends_at FROM users u \
         LEFT JOIN attendance_events e ON e.subject_id = u.id AND e.kind = 'countersigned' \
         LEFT JOIN activities a ON a.id = e.activity_id \
         WHERE u.id IN (SELECT x.actor_id FROM attendance_events x \
           WHERE x.activity_id = $1 AND x.slot = $2 AND x.channel = 'trainer') \
         ORDER BY e.at, e.id",
    )
    .bind(activity_id)
    .bind(slot)
    .fetch_all(store.pool())
    .await?)
}

/// The secret behind an activity's rotating codes, created on first use.
pub async fn signing_secret(store: &Store, activity_id: i64) -> StoreResult<String> {
    // Read on every refresh of the trainer's screen and every code typed: a write only once.
    let known: Option<(String,)> =
        sqlx::query_as("SELECT secret FROM attendance_keys WHERE activity_id = $1")
            .bind(activity_id)
            .fetch_optional(store.pool())
            .await?;
    if let Some((secret,)) = known {
        return Ok(secret);
    }
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

/// A document given with a mark.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Document {
    pub id: i64,
    pub cohort_id: i64,
    pub user_id: i64,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: i64,
}

/// Stores a document for a mark to name.
pub async fn add_document(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    name: &str,
    content_type: &str,
    body: &[u8],
) -> StoreResult<Document> {
    let sha = crate::token::digest_bytes(body);
    sqlx::query_as(
        "INSERT INTO attendance_documents (cohort_id, user_id, name, content_type, size, sha256, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         RETURNING id, cohort_id, user_id, name, content_type, size, sha256, created_at",
    )
    .bind(cohort_id)
    .bind(user_id)
    .bind(name)
    .bind(content_type)
    .bind(body.len() as i64)
    .bind(&sha)
    .bind(body)
    .bind(crate::now())
    .fetch_one(store.pool())
    .await
    .map_err(StoreError::unique("document"))
}

impl Document {
    pub fn reference(&self) -> DocumentRef {
        DocumentRef {
            id: self.id,
            sha256: self.sha256.clone(),
        }
    }
}

/// A document and its content.
pub async fn document(store: &Store, id: i64) -> StoreResult<(Document, Vec<u8>)> {
    #[derive(FromRow)]
    struct Row {
        #[sqlx(flatten)]
        d: Document,
        body: Vec<u8>,
    }
    let r: Row = sqlx::query_as(&format!(
        "SELECT id, cohort_id, user_id, name, content_type, size, sha256, created_at, {} AS body \
         FROM attendance_documents WHERE id = $1",
        body_column(store)
    ))
    .bind(id)
    .fetch_optional(store.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    Ok((r.d, r.body))
}

/// The content column, read as bytes whatever was written into it by hand (SQLite keeps
/// whatever type it is given).
fn body_column(store: &Store) -> &'static str {
    match store.backend() {
        crate::Backend::Sqlite => "CAST(body AS BLOB)",
        crate::Backend::Postgres => "body",
    }
}
