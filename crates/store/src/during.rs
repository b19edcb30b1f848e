//! During the training: convocations and what each trainee did with them, the opening message,
//! and each activity's instructions. Every mail is queued in the same transaction as the
//! action that causes it.

use crate::cohorts::{Activity, ACTIVITY_COLUMNS};
use crate::links::{self, Purpose, Scope};
use crate::outbox::{self, Mail};
use crate::Found;
use crate::{now, Store, StoreError, StoreResult};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

/// A trainee's links stay usable this long after the cohort's last day.
const AFTER_END_SECONDS: i64 = 30 * 24 * 3600;

/// The trainee says they have received their links (« j'ai bien reçu mes liens »).
pub async fn acknowledge(store: &Store, cohort_id: i64, user_id: i64) -> StoreResult<()> {
    sqlx::query(
        "UPDATE enrollments SET links_acknowledged_at = COALESCE(links_acknowledged_at, $1) \
         WHERE cohort_id = $2 AND user_id = $3",
    )
    .bind(now())
    .bind(cohort_id)
    .bind(user_id)
    .execute(store.pool())
    .await?
    .found()?;
    Ok(())
}

/// The secrets a convocation carries; only their digests are stored.
#[derive(Debug, Clone)]
pub struct Secrets {
    /// A single-use login link into the cohort's space.
    pub login: String,
    /// The personal calendar feed.
    pub calendar: String,
    /// One join link per synchronous activity: (activity id, secret).
    pub joins: Vec<(i64, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConvocationKind {
    Convocation,
    Reminder,
}

impl ConvocationKind {
    fn as_str(self) -> &'static str {
        match self {
            ConvocationKind::Convocation => "convocation",
            ConvocationKind::Reminder => "reminder",
        }
    }
}

/// Issues a trainee's personal links and queues the mail `compose` writes with them, in one
/// transaction; when `compose` cannot write it (`None`), nothing is kept. A reminder goes once
/// per trainee and cohort: a second one is refused as a conflict (so that several server
/// instances never send it twice).
pub async fn convoke(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    kind: ConvocationKind,
    sent_by: Option<i64>,
    compose: impl FnOnce(&Secrets) -> Option<Mail>,
) -> StoreResult<i64> {
    let cohort = crate::cohorts::get(store, cohort_id).await?;
    if !crate::cohorts::is_enrolled(store, cohort_id, user_id).await? {
        return Err(StoreError::NotFound);
    }
    let ends = cohort
        .ends_on
        .parse::<jiff::civil::Date>()
        .ok()
        .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
        .map(|z| z.timestamp().as_second())
        .unwrap_or_else(now);
    let expires_at = ends.max(now()) + AFTER_END_SECONDS;
    let activities = crate::cohorts::activities(store, cohort_id).await?;
    let mut tx = store.pool().begin().await?;
    let login =
        crate::security::create_login_link_in(&mut tx, user_id, expires_at, Some(cohort_id))
            .await?;
    let calendar = links::issue_in(
        &mut tx,
        Scope {
            user_id,
            purpose: Purpose::Calendar,
            cohort_id: Some(cohort_id),
            activity_id: None,
            expires_at: expires_at + 365 * 24 * 3600,
        },
    )
    .await?;
    let mut joins = Vec::new();
    for a in activities
        .iter()
        .filter(|a| a.modality.is_synchronous() && a.modality.is_distance())
    {
        let secret = links::issue_in(
            &mut tx,
            Scope {
                user_id,
                purpose: Purpose::Join,
                cohort_id: Some(cohort_id),
                activity_id: Some(a.id),
                expires_at,
            },
        )
        .await?;
        joins.push((a.id, secret));
    }
    let Some(mail) = compose(&Secrets {
        login,
        calendar,
        joins,
    }) else {
        return Err(StoreError::Refused("mail"));
    };
    let outbox_id = outbox::enqueue_in(&mut tx, &mail).await?;
    let inserted: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO convocations (cohort_id, user_id, kind, outbox_id, sent_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(cohort_id)
    .bind(user_id)
    .bind(kind.as_str())
    .bind(outbox_id)
    .bind(sent_by)
    .bind(now())
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id,)) = inserted else {
        return Err(StoreError::Conflict("reminder"));
    };
    tx.commit().await?;
    Ok(id)
}

/// Where a trainee stands with their links.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct TraineeLinks {
    pub user_id: i64,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    /// How many convocations (and reminders) were queued.
    pub sent_count: i64,
    /// When the latest one was queued.
    pub sent_at: Option<i64>,
    /// When the mail server accepted the latest one.
    pub delivered_at: Option<i64>,
    /// When delivery of the latest one was given up.
    pub failed_at: Option<i64>,
    pub last_error: Option<String>,
    pub reminded_at: Option<i64>,
    /// When the trainee first opened one of their personal links.
    pub opened_at: Option<i64>,
    /// When the trainee said they had received their links.
    pub acknowledged_at: Option<i64>,
}

impl TraineeLinks {
    /// Received: opened a link, or said so.
    pub fn received(&self) -> bool {
        self.opened_at.is_some() || self.acknowledged_at.is_some()
    }
}

pub async fn link_status(store: &Store, cohort_id: i64) -> StoreResult<Vec<TraineeLinks>> {
    Ok(sqlx::query_as(
        "SELECT e.user_id, u.last_name, u.first_name, u.email, \
         (SELECT COUNT(*) FROM convocations x WHERE x.cohort_id = e.cohort_id AND x.user_id = e.user_id) AS sent_count, \
         c.created_at AS sent_at, o.sent_at AS delivered_at, o.failed_at, o.last_error, \
         (SELECT MAX(r.created_at) FROM convocations r WHERE r.cohort_id = e.cohort_id AND r.user_id = e.user_id \
          AND r.kind = 'reminder') AS reminded_at, \
         e.links_opened_at AS opened_at, e.links_acknowledged_at AS acknowledged_at \
         FROM enrollments e JOIN users u ON u.id = e.user_id \
         LEFT JOIN convocations c ON c.id = (SELECT MAX(y.id) FROM convocations y \
           WHERE y.cohort_id = e.cohort_id AND y.user_id = e.user_id) \
         LEFT JOIN outbox o ON o.id = c.outbox_id \
         WHERE e.cohort_id = $1 ORDER BY u.last_name, u.first_name, u.id",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

/// Cohorts under way or about to start, with the start of their first synchronous activity
/// still to come after `from`: candidates for the reminder.
pub async fn upcoming_first_synchronous(store: &Store, from: i64) -> StoreResult<Vec<(i64, i64)>> {
    let rows: Vec<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT c.id, (SELECT MIN(a.starts_at) FROM activities a WHERE a.cohort_id = c.id \
           AND a.modality IN ('in_person', 'virtual_class', 'webinar')) AS first_sync \
         FROM cohorts c WHERE c.status IN ('ready', 'running')",
    )
    .fetch_all(store.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, first)| first.filter(|f| *f > from).map(|f| (id, f)))
        .collect())
}

/// The opening message of a cohort: the trainer's draft, or a published version.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct OpeningMessage {
    pub cohort_id: i64,
    pub introduction: String,
    pub objectives: String,
    /// The validation criteria, in plain words.
    pub validation: String,
    /// The accompaniment: channels, response time, tutoring, technical contact.
    pub accompaniment: String,
    /// How long contents stay available.
    pub availability: String,
    pub author_id: i64,
    /// When this text was last saved (for a published version, when it was published).
    pub updated_at: i64,
    /// When the latest version was published; none while never published.
    pub published_at: Option<i64>,
    /// When the latest version was also e-mailed.
    pub emailed_at: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct OpeningText {
    pub introduction: String,
    pub objectives: String,
    pub validation: String,
    pub accompaniment: String,
    pub availability: String,
}

/// The draft, with when its latest version was published.
pub async fn opening(store: &Store, cohort_id: i64) -> StoreResult<Option<OpeningMessage>> {
    Ok(sqlx::query_as(
        "SELECT m.cohort_id, m.introduction, m.objectives, m.validation, m.accompaniment, m.availability, \
         m.author_id, m.updated_at, \
         (SELECT MAX(p.published_at) FROM opening_publications p WHERE p.cohort_id = m.cohort_id) AS published_at, \
         (SELECT MAX(p.published_at) FROM opening_publications p WHERE p.cohort_id = m.cohort_id AND p.emailed = 1) AS emailed_at \
         FROM opening_messages m WHERE m.cohort_id = $1",
    )
    .bind(cohort_id)
    .fetch_optional(store.pool())
    .await?)
}

/// The version trainees read: the latest published.
pub async fn published_opening(
    store: &Store,
    cohort_id: i64,
) -> StoreResult<Option<OpeningMessage>> {
    Ok(sqlx::query_as(
        "SELECT cohort_id, introduction, objectives, validation, accompaniment, availability, author_id, \
         published_at AS updated_at, published_at, CASE WHEN emailed = 1 THEN published_at END AS emailed_at \
         FROM opening_publications WHERE cohort_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(cohort_id)
    .fetch_optional(store.pool())
    .await?)
}

/// Saves the draft; trainees keep reading the published version until the next publication.
pub async fn save_opening(
    store: &Store,
    cohort_id: i64,
    text: &OpeningText,
    author_id: i64,
) -> StoreResult<OpeningMessage> {
    sqlx::query(
        "INSERT INTO opening_messages (cohort_id, introduction, objectives, validation, accompaniment, \
         availability, author_id, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (cohort_id) DO UPDATE SET introduction = excluded.introduction, \
         objectives = excluded.objectives, validation = excluded.validation, \
         accompaniment = excluded.accompaniment, availability = excluded.availability, \
         author_id = excluded.author_id, updated_at = excluded.updated_at",
    )
    .bind(cohort_id)
    .bind(&text.introduction)
    .bind(&text.objectives)
    .bind(&text.validation)
    .bind(&text.accompaniment)
    .bind(&text.availability)
    .bind(author_id)
    .bind(now())
    .execute(store.pool())
    .await?;
    opening(store, cohort_id).await?.ok_or(StoreError::NotFound)
}

/// Publishes the saved draft as a new version, and queues `mails` (none when the trainer does
/// not e-mail it). Refused when either required part is empty.
pub async fn publish_opening(
    store: &Store,
    cohort_id: i64,
    mails: &[Mail],
) -> StoreResult<OpeningMessage> {
    let Some(m) = opening(store, cohort_id).await? else {
        return Err(StoreError::NotFound);
    };
    if m.validation.trim().is_empty() || m.accompaniment.trim().is_empty() {
        return Err(StoreError::Refused("opening_incomplete"));
    }
    let mut tx = store.pool().begin().await?;
    sqlx::query(
        "INSERT INTO opening_publications (cohort_id, introduction, objectives, validation, accompaniment, \
         availability, author_id, published_at, emailed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(cohort_id)
    .bind(&m.introduction)
    .bind(&m.objectives)
    .bind(&m.validation)
    .bind(&m.accompaniment)
    .bind(&m.availability)
    .bind(m.author_id)
    .bind(now())
    .bind(i64::from(!mails.is_empty()))
    .execute(&mut *tx)
    .await?;
    for mail in mails {
        outbox::enqueue_in(&mut tx, mail).await?;
    }
    tx.commit().await?;
    published_opening(store, cohort_id)
        .await?
        .ok_or(StoreError::NotFound)
}

/// Sets a cohort's own instructions for an activity (`None` follows the scenario) and whether
/// publishing them e-mails trainees.
pub async fn set_instructions(
    store: &Store,
    cohort_id: i64,
    activity_id: i64,
    instructions: Option<&str>,
    by_mail: bool,
) -> StoreResult<Activity> {
    sqlx::query(
        "UPDATE activities SET instructions = $1, instructions_by_mail = $2 WHERE id = $3 AND cohort_id = $4",
    )
    .bind(instructions)
    .bind(i64::from(by_mail))
    .bind(activity_id)
    .bind(cohort_id)
    .execute(store.pool())
    .await?
    .found()?;
    crate::cohorts::activity(store, cohort_id, activity_id).await
}

/// Publishes an activity's instructions at `at`, queuing `mails` with them, unless they were
/// already published (then nothing happens and `false` is returned: exactly one publisher wins).
pub async fn publish_instructions(
    store: &Store,
    activity_id: i64,
    at: i64,
    mails: &[Mail],
) -> StoreResult<bool> {
    let mut tx = store.pool().begin().await?;
    let done = sqlx::query(
        "UPDATE activities SET instructions_published_at = $1 WHERE id = $2 AND instructions_published_at IS NULL",
    )
    .bind(at)
    .bind(activity_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    for mail in mails {
        outbox::enqueue_in(&mut tx, mail).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Activities that have started in a cohort under way and whose instructions (their own or
/// their scenario step's) are written but not yet published: the scheduler publishes them.
pub async fn instructions_due(store: &Store, at: i64) -> StoreResult<Vec<Activity>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {ACTIVITY_COLUMNS} FROM activities WHERE instructions_published_at IS NULL AND starts_at <= $1 \
         AND cohort_id IN (SELECT id FROM cohorts WHERE status IN ('ready', 'running')) \
         AND COALESCE(instructions, (SELECT s.instructions FROM steps s WHERE s.id = activities.step_id), '') <> '' \
         ORDER BY starts_at, id LIMIT 200"
    ))
    .bind(at)
    .fetch_all(store.pool())
    .await?)
}
