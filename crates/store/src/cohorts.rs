//! Cohorts (sessions de formation): one run of a training for named trainees, their trainers,
//! enrollments and scheduled activities.

use crate::people::{User, USER_COLUMNS};
use crate::Found;
use crate::{now, Store, StoreError, StoreResult};
use hybride_domain::cohort::Stage;
use hybride_domain::{CohortStatus, Modality, Role, Title};
use jiff::civil::Date;
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Cohort {
    pub id: i64,
    pub training_id: i64,
    pub training_title: String,
    /// Its training's pilot.
    pub pilot_id: i64,
    pub dispositif_id: String,
    pub module_id: String,
    pub label: String,
    pub gaia_session_id: Option<String>,
    #[sqlx(try_from = "String")]
    pub status: CohortStatus,
    /// First day, `YYYY-MM-DD`.
    pub starts_on: String,
    /// Last day, `YYYY-MM-DD`.
    pub ends_on: String,
    /// The M@gistère course of the cohort.
    pub course_url: Option<String>,
    pub trainees: i64,
    pub created_at: i64,
    /// When the cohort was closed (Unix seconds).
    pub closed_at: Option<i64>,
    /// When its last activity ends (Unix seconds), none without activities.
    pub last_activity_end: Option<i64>,
    /// Its status as people see it when it was read: « terminée » once its last activity is
    /// over, until it is closed.
    #[sqlx(skip)]
    pub stage: Stage,
}

impl Cohort {
    fn staged(mut self, at: i64) -> Cohort {
        self.stage = hybride_domain::cohort::stage(self.status, self.last_activity_end, at);
        self
    }
}

const COHORT_SELECT: &str =
    "SELECT c.id, c.training_id, t.title AS training_title, t.pilot_id, t.dispositif_id, t.module_id, \
     c.label, c.gaia_session_id, c.status, c.starts_on, c.ends_on, c.course_url, \
     (SELECT COUNT(*) FROM enrollments e WHERE e.cohort_id = c.id) AS trainees, c.created_at, c.closed_at, \
     (SELECT MAX(a.ends_at) FROM activities a WHERE a.cohort_id = c.id) AS last_activity_end \
     FROM cohorts c JOIN trainings t ON t.id = c.training_id";

#[derive(Debug, Clone)]
pub struct NewCohort {
    pub training_id: i64,
    pub label: Title,
    pub gaia_session_id: Option<String>,
    pub starts_on: Date,
    pub ends_on: Date,
    pub course_url: Option<String>,
}

/// Which cohorts to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct CohortFilter {
    pub training_id: Option<i64>,
    pub trainer_id: Option<i64>,
    pub trainee_id: Option<i64>,
    pub pilot_id: Option<i64>,
    /// Only the sessions of trainings that train trainers in hybrid delivery.
    pub trains_trainers: bool,
}

pub async fn create(store: &Store, c: &NewCohort) -> StoreResult<Cohort> {
    if c.ends_on < c.starts_on {
        return Err(StoreError::Refused("dates_order"));
    }
    crate::trainings::get(store, c.training_id).await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO cohorts (training_id, label, gaia_session_id, status, starts_on, ends_on, course_url, created_at) \
         VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7) RETURNING id",
    )
    .bind(c.training_id)
    .bind(c.label.as_str())
    .bind(c.gaia_session_id.as_deref())
    .bind(c.starts_on.to_string())
    .bind(c.ends_on.to_string())
    .bind(c.course_url.as_deref())
    .bind(now())
    .fetch_one(store.pool())
    .await
    .map_err(StoreError::unique("cohort"))?;
    get(store, id).await
}

pub async fn get(store: &Store, id: i64) -> StoreResult<Cohort> {
    let c: Cohort = sqlx::query_as(&format!("{COHORT_SELECT} WHERE c.id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(c.staged(now()))
}

pub async fn list(store: &Store, f: CohortFilter) -> StoreResult<Vec<Cohort>> {
    let mut sql = format!("{COHORT_SELECT} WHERE 1 = 1");
    let mut args = Vec::new();
    if let Some(t) = f.training_id {
        args.push(t);
        sql.push_str(&format!(" AND c.training_id = ${}", args.len()));
    }
    if let Some(u) = f.trainer_id {
        args.push(u);
        sql.push_str(&format!(
            " AND c.id IN (SELECT x.cohort_id FROM cohort_trainers x WHERE x.user_id = ${})",
            args.len()
        ));
    }
    if let Some(u) = f.trainee_id {
        args.push(u);
        sql.push_str(&format!(
            " AND c.id IN (SELECT x.cohort_id FROM enrollments x WHERE x.user_id = ${})",
            args.len()
        ));
    }
    if let Some(u) = f.pilot_id {
        args.push(u);
        sql.push_str(&format!(" AND t.pilot_id = ${}", args.len()));
    }
    if f.trains_trainers {
        sql.push_str(" AND t.trains_trainers = 1");
    }
    sql.push_str(" ORDER BY c.starts_on, c.id");
    let mut q = sqlx::query_as(&sql);
    for a in args {
        q = q.bind(a);
    }
    let at = now();
    let rows: Vec<Cohort> = q.fetch_all(store.pool()).await?;
    Ok(rows.into_iter().map(|c| c.staged(at)).collect())
}

/// Moves a cohort along its lifecycle; refuses a transition the lifecycle does not allow.
pub async fn set_status(store: &Store, id: i64, next: CohortStatus) -> StoreResult<Cohort> {
    let current = get(store, id).await?;
    if !current.status.can_become(next) {
        return Err(StoreError::Refused("status_transition"));
    }
    let closed_at = match next {
        CohortStatus::Closed => Some(now()),
        CohortStatus::Archived => current.closed_at.or(Some(now())),
        _ => None,
    };
    let done =
        sqlx::query("UPDATE cohorts SET status = $1, closed_at = $4 WHERE id = $2 AND status = $3")
            .bind(next.as_str())
            .bind(id)
            .bind(current.status.as_str())
            .bind(closed_at)
            .execute(store.pool())
            .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Refused("status_transition"));
    }
    get(store, id).await
}

/// Ready cohorts whose first activity has started by `at`: they are running, whoever says so.
pub async fn started_while_ready(store: &Store, at: i64) -> StoreResult<Vec<i64>> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT c.id FROM cohorts c WHERE c.status = 'ready' AND EXISTS \
         (SELECT 1 FROM activities a WHERE a.cohort_id = c.id AND a.starts_at <= $1) ORDER BY c.id",
    )
    .bind(at)
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

async fn editable(store: &Store, cohort_id: i64) -> StoreResult<Cohort> {
    let c = get(store, cohort_id).await?;
    if !c.status.is_editable() {
        return Err(StoreError::Refused("cohort_closed"));
    }
    Ok(c)
}

/// Assigns one of the training's trainers to the cohort.
pub async fn assign_trainer(store: &Store, cohort_id: i64, user_id: i64) -> StoreResult<()> {
    let cohort = editable(store, cohort_id).await?;
    let user = crate::people::get(store, user_id).await?;
    if user.role != Role::Trainer {
        return Err(StoreError::Refused("trainer_role"));
    }
    // A trainer of the cohort is a trainer of its training.
    crate::trainings::assign_trainer(store, cohort.training_id, user_id).await?;
    sqlx::query(
        "INSERT INTO cohort_trainers (cohort_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(cohort_id)
    .bind(user_id)
    .execute(store.pool())
    .await?;
    Ok(())
}

pub async fn trainers(store: &Store, cohort_id: i64) -> StoreResult<Vec<User>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM cohort_trainers x JOIN users u ON u.id = x.user_id \
         WHERE x.cohort_id = $1 ORDER BY u.last_name, u.first_name"
    ))
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

pub async fn is_trainer(store: &Store, cohort_id: i64, user_id: i64) -> StoreResult<bool> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT 1 FROM cohort_trainers WHERE cohort_id = $1 AND user_id = $2")
            .bind(cohort_id)
            .bind(user_id)
            .fetch_optional(store.pool())
            .await?;
    Ok(row.is_some())
}

pub async fn is_enrolled(store: &Store, cohort_id: i64, user_id: i64) -> StoreResult<bool> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT 1 FROM enrollments WHERE cohort_id = $1 AND user_id = $2")
            .bind(cohort_id)
            .bind(user_id)
            .fetch_optional(store.pool())
            .await?;
    Ok(row.is_some())
}

/// An enrolled trainee, as the trainer's lists show them.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Enrollment {
    pub cohort_id: i64,
    pub user_id: i64,
    pub last_name: String,
    pub first_name: String,
    pub email: String,
    pub establishment: Option<String>,
    pub enrolled_at: i64,
}

/// Enrolls trainees (trainers too, in a trainers' training); all or none. Refuses other accounts, and reports
/// those already enrolled as a conflict.
pub async fn enroll(store: &Store, cohort_id: i64, user_ids: &[i64]) -> StoreResult<usize> {
    let c = editable(store, cohort_id).await?;
    // A trainers' training's participants are trainers.
    let trains_trainers = crate::trainings::get(store, c.training_id)
        .await?
        .trains_trainers
        .0;
    let mut tx = store.pool().begin().await?;
    let at = now();
    for &user_id in user_ids {
        let role: Option<(String,)> = sqlx::query_as("SELECT role FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
        match role {
            None => return Err(StoreError::NotFound),
            Some((r,))
                if r != Role::Trainee.as_str()
                    && !(trains_trainers && r == Role::Trainer.as_str()) =>
            {
                return Err(StoreError::Refused("trainee_role"))
            }
            Some(_) => {}
        }
        let inserted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO enrollments (cohort_id, user_id, enrolled_at) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING RETURNING user_id",
        )
        .bind(cohort_id)
        .bind(user_id)
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?;
        if inserted.is_none() {
            return Err(StoreError::Conflict("enrollment"));
        }
    }
    tx.commit().await?;
    Ok(user_ids.len())
}

pub async fn unenroll(store: &Store, cohort_id: i64, user_id: i64) -> StoreResult<()> {
    editable(store, cohort_id).await?;
    sqlx::query("DELETE FROM enrollments WHERE cohort_id = $1 AND user_id = $2")
        .bind(cohort_id)
        .bind(user_id)
        .execute(store.pool())
        .await?
        .found()?;
    Ok(())
}

pub async fn enrollments(store: &Store, cohort_id: i64) -> StoreResult<Vec<Enrollment>> {
    Ok(sqlx::query_as(
        "SELECT e.cohort_id, e.user_id, u.last_name, u.first_name, u.email, u.establishment, e.enrolled_at \
         FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1 \
         ORDER BY u.last_name, u.first_name, u.id",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

/// A step scheduled for a cohort (séance).
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Activity {
    pub id: i64,
    pub cohort_id: i64,
    pub step_id: Option<i64>,
    pub title: String,
    #[sqlx(try_from = "String")]
    pub modality: Modality,
    /// Unix seconds; for asynchronous work, the opening of its window.
    pub starts_at: i64,
    /// Unix seconds; for asynchronous work, the closing of its window.
    pub ends_at: i64,
    pub place: Option<String>,
    pub room_url: Option<String>,
    /// This cohort's own instructions; `None` follows the scenario step's.
    pub instructions: Option<String>,
    /// When the instructions were shown to trainees (at the start, or earlier by the trainer).
    pub instructions_published_at: Option<i64>,
    /// Whether publishing the instructions also e-mails them to trainees.
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub instructions_by_mail: crate::Flag,
    /// How many people the room holds (in person), when known.
    pub capacity: Option<i64>,
}

pub(crate) const ACTIVITY_COLUMNS: &str =
    "id, cohort_id, step_id, title, modality, starts_at, ends_at, place, room_url, instructions, \
     instructions_published_at, instructions_by_mail, capacity";
const A_ACTIVITY_COLUMNS: &str =
    "a.id, a.cohort_id, a.step_id, a.title, a.modality, a.starts_at, a.ends_at, a.place, a.room_url, \
     a.instructions, a.instructions_published_at, a.instructions_by_mail, a.capacity";

#[derive(Debug, Clone)]
pub struct NewActivity {
    pub step_id: Option<i64>,
    pub title: Title,
    pub modality: Modality,
    pub starts_at: jiff::Timestamp,
    pub ends_at: jiff::Timestamp,
    pub place: Option<String>,
    pub room_url: Option<String>,
}

pub async fn add_activity(store: &Store, cohort_id: i64, a: &NewActivity) -> StoreResult<Activity> {
    if a.ends_at <= a.starts_at {
        return Err(StoreError::Refused("times_order"));
    }
    editable(store, cohort_id).await?;
    let row = sqlx::query_as(&format!(
        "INSERT INTO activities (cohort_id, step_id, title, modality, starts_at, ends_at, place, room_url) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         RETURNING {ACTIVITY_COLUMNS}",
    ))
    .bind(cohort_id)
    .bind(a.step_id)
    .bind(a.title.as_str())
    .bind(a.modality.as_str())
    .bind(a.starts_at.as_second())
    .bind(a.ends_at.as_second())
    .bind(a.place.as_deref())
    .bind(a.room_url.as_deref())
    .fetch_one(store.pool())
    .await
    .map_err(StoreError::unique("activity"))?;
    Ok(row)
}

pub async fn activities(store: &Store, cohort_id: i64) -> StoreResult<Vec<Activity>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {ACTIVITY_COLUMNS} FROM activities WHERE cohort_id = $1 ORDER BY starts_at, id"
    ))
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

/// A trainee's or trainer's upcoming activities across their cohorts, soonest first, except in
/// closed cohorts: their future activities and join links are gone.
pub async fn upcoming_for(
    store: &Store,
    user_id: i64,
    from: i64,
    limit: i64,
) -> StoreResult<Vec<(Activity, String)>> {
    #[derive(FromRow)]
    struct UpcomingRow {
        #[sqlx(flatten)]
        a: Activity,
        training_title: String,
    }
    let rows: Vec<UpcomingRow> = sqlx::query_as(&format!(
        "SELECT {A_ACTIVITY_COLUMNS}, t.title AS training_title FROM activities a JOIN cohorts c ON c.id = a.cohort_id \
         JOIN trainings t ON t.id = c.training_id \
         WHERE a.ends_at >= $1 AND c.status NOT IN ('closed', 'archived') \
         AND a.cohort_id IN (SELECT e.cohort_id FROM enrollments e WHERE e.user_id = $2 \
         UNION SELECT x.cohort_id FROM cohort_trainers x WHERE x.user_id = $2) \
         ORDER BY a.starts_at, a.id LIMIT $3"
    ))
    .bind(from)
    .bind(user_id)
    .bind(limit.clamp(1, 500))
    .fetch_all(store.pool())
    .await?;
    Ok(rows.into_iter().map(|r| (r.a, r.training_title)).collect())
}

pub async fn activity(store: &Store, cohort_id: i64, activity_id: i64) -> StoreResult<Activity> {
    sqlx::query_as(&format!(
        "SELECT {ACTIVITY_COLUMNS} FROM activities WHERE id = $1 AND cohort_id = $2"
    ))
    .bind(activity_id)
    .bind(cohort_id)
    .fetch_optional(store.pool())
    .await?
    .ok_or(StoreError::NotFound)
}

/// Changes when and where an activity happens.
pub async fn update_activity(
    store: &Store,
    cohort_id: i64,
    activity_id: i64,
    a: &NewActivity,
) -> StoreResult<Activity> {
    if a.ends_at <= a.starts_at {
        return Err(StoreError::Refused("times_order"));
    }
    editable(store, cohort_id).await?;
    sqlx::query(
        "UPDATE activities SET title = $1, modality = $2, starts_at = $3, ends_at = $4, place = $5, room_url = $6 \
         WHERE id = $7 AND cohort_id = $8",
    )
    .bind(a.title.as_str())
    .bind(a.modality.as_str())
    .bind(a.starts_at.as_second())
    .bind(a.ends_at.as_second())
    .bind(a.place.as_deref())
    .bind(a.room_url.as_deref())
    .bind(activity_id)
    .bind(cohort_id)
    .execute(store.pool())
    .await?
    .found()?;
    activity(store, cohort_id, activity_id).await
}

pub async fn delete_activity(store: &Store, cohort_id: i64, activity_id: i64) -> StoreResult<()> {
    editable(store, cohort_id).await?;
    // The record is append-only: an activity with marks stays.
    if crate::attendance::any_for_activity(store, activity_id).await? {
        return Err(StoreError::Refused("activity_has_attendance"));
    }
    sqlx::query("DELETE FROM activities WHERE id = $1 AND cohort_id = $2")
        .bind(activity_id)
        .bind(cohort_id)
        .execute(store.pool())
        .await?
        .found()?;
    Ok(())
}

/// Sets how many people an in-person activity's room holds (none: unknown).
pub async fn set_capacity(
    store: &Store,
    cohort_id: i64,
    activity_id: i64,
    capacity: Option<i64>,
) -> StoreResult<()> {
    sqlx::query("UPDATE activities SET capacity = $1 WHERE id = $2 AND cohort_id = $3")
        .bind(capacity.filter(|c| *c > 0))
        .bind(activity_id)
        .bind(cohort_id)
        .execute(store.pool())
        .await?
        .found()?;
    Ok(())
}

/// An activity by its id alone, with its cohort's id inside.
pub async fn activity_by_id(store: &Store, activity_id: i64) -> StoreResult<Activity> {
    sqlx::query_as(&format!(
        "SELECT {ACTIVITY_COLUMNS} FROM activities WHERE id = $1"
    ))
    .bind(activity_id)
    .fetch_optional(store.pool())
    .await?
    .ok_or(StoreError::NotFound)
}

/// Activities of any cohort happening around `at` (give or take `margin` seconds) for which
/// `user_id` is enrolled: where a trainee may be signing now.
pub async fn current_for_trainee(
    store: &Store,
    user_id: i64,
    at: i64,
    margin: i64,
) -> StoreResult<Vec<Activity>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {A_ACTIVITY_COLUMNS} FROM activities a JOIN enrollments e ON e.cohort_id = a.cohort_id \
         WHERE e.user_id = $1 AND a.starts_at <= $2 AND a.ends_at >= $3 ORDER BY a.starts_at, a.id"
    ))
    .bind(user_id)
    .bind(at + margin)
    .bind(at - margin)
    .fetch_all(store.pool())
    .await?)
}

/// An activity under way where a trainee is enrolled, with what deciding whether and where
/// she may sign needs: her cohort's status, the training's title, the planned minutes of the
/// activity's step (when it is one of the training's), and the secret of its codes (when a
/// trainer has shown them).
#[derive(Debug, Clone, FromRow)]
pub struct SigningCandidate {
    #[sqlx(flatten)]
    pub activity: Activity,
    #[sqlx(try_from = "String")]
    pub cohort_status: CohortStatus,
    pub training_title: String,
    pub step_minutes: Option<i64>,
    pub secret: Option<String>,
}

/// The activities happening around `at` (give or take `margin` seconds) in the cohorts where
/// `user_id` is enrolled, soonest first, with what signing needs (see [`SigningCandidate`]):
/// one statement, whatever the number of activities.
pub async fn signing_candidates(
    store: &Store,
    user_id: i64,
    at: i64,
    margin: i64,
) -> StoreResult<Vec<SigningCandidate>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {A_ACTIVITY_COLUMNS}, c.status AS cohort_status, t.title AS training_title, \
         s.minutes AS step_minutes, k.secret FROM activities a \
         JOIN enrollments e ON e.cohort_id = a.cohort_id \
         JOIN cohorts c ON c.id = a.cohort_id JOIN trainings t ON t.id = c.training_id \
         LEFT JOIN steps s ON s.id = a.step_id AND s.training_id = c.training_id \
         LEFT JOIN attendance_keys k ON k.activity_id = a.id \
         WHERE e.user_id = $1 AND a.starts_at <= $2 AND a.ends_at >= $3 ORDER BY a.starts_at, a.id"
    ))
    .bind(user_id)
    .bind(at + margin)
    .bind(at - margin)
    .fetch_all(store.pool())
    .await?)
}

/// Adds several activities at once, all or none (a schedule drawn from the scenario).
pub async fn add_activities(
    store: &Store,
    cohort_id: i64,
    list: &[NewActivity],
) -> StoreResult<usize> {
    editable(store, cohort_id).await?;
    if list.iter().any(|a| a.ends_at <= a.starts_at) {
        return Err(StoreError::Refused("times_order"));
    }
    let mut tx = store.pool().begin().await?;
    for a in list {
        sqlx::query(
            "INSERT INTO activities (cohort_id, step_id, title, modality, starts_at, ends_at, place, room_url) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(cohort_id)
        .bind(a.step_id)
        .bind(a.title.as_str())
        .bind(a.modality.as_str())
        .bind(a.starts_at.as_second())
        .bind(a.ends_at.as_second())
        .bind(a.place.as_deref())
        .bind(a.room_url.as_deref())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(list.len())
}

/// Moves a cohort to `next` although some "before" duties are open, recording who, why and which.
pub async fn override_status(
    store: &Store,
    cohort_id: i64,
    next: CohortStatus,
    reason: &str,
    open_items: &[&str],
    user_id: i64,
) -> StoreResult<Cohort> {
    let current = get(store, cohort_id).await?;
    if !current.status.can_become(next) {
        return Err(StoreError::Refused("status_transition"));
    }
    let mut tx = store.pool().begin().await?;
    sqlx::query(
        "INSERT INTO status_overrides (cohort_id, status, reason, open_items, user_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(cohort_id)
    .bind(next.as_str())
    .bind(reason)
    .bind(open_items.join(","))
    .bind(user_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    let done = sqlx::query("UPDATE cohorts SET status = $1 WHERE id = $2 AND status = $3")
        .bind(next.as_str())
        .bind(cohort_id)
        .bind(current.status.as_str())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::Refused("status_transition"));
    }
    tx.commit().await?;
    get(store, cohort_id).await
}

/// Overrides of the cohort's lifecycle gates, most recent first.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct StatusOverride {
    pub status: String,
    pub reason: String,
    /// The checklist items still open, comma-separated.
    pub open_items: String,
    pub user_name: String,
    pub created_at: i64,
}

pub async fn status_overrides(store: &Store, cohort_id: i64) -> StoreResult<Vec<StatusOverride>> {
    Ok(sqlx::query_as(
        "SELECT o.status, o.reason, o.open_items, u.first_name || ' ' || u.last_name AS user_name, o.created_at \
         FROM status_overrides o JOIN users u ON u.id = o.user_id WHERE o.cohort_id = $1 ORDER BY o.id DESC",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

/// Changes a cohort's description and digital space.
pub async fn update(store: &Store, id: i64, c: &NewCohort) -> StoreResult<Cohort> {
    if c.ends_on < c.starts_on {
        return Err(StoreError::Refused("dates_order"));
    }
    editable(store, id).await?;
    sqlx::query(
        "UPDATE cohorts SET label = $1, gaia_session_id = $2, starts_on = $3, ends_on = $4, course_url = $5 WHERE id = $6",
    )
    .bind(c.label.as_str())
    .bind(c.gaia_session_id.as_deref())
    .bind(c.starts_on.to_string())
    .bind(c.ends_on.to_string())
    .bind(c.course_url.as_deref())
    .bind(id)
    .execute(store.pool())
    .await?;
    get(store, id).await
}

/// Records the BigBlueButton meeting of an activity and points its room at `room_url`.
pub async fn set_bbb_room(
    store: &Store,
    cohort_id: i64,
    activity_id: i64,
    meeting_id: &str,
    room_url: &str,
) -> StoreResult<Activity> {
    editable(store, cohort_id).await?;
    activity(store, cohort_id, activity_id).await?;
    let mut tx = store.pool().begin().await?;
    sqlx::query(
        "INSERT INTO bbb_rooms (activity_id, meeting_id, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (activity_id) DO UPDATE SET meeting_id = excluded.meeting_id, created_at = excluded.created_at",
    )
    .bind(activity_id)
    .bind(meeting_id)
    .bind(now())
    .execute(&mut *tx)
    .await
    .map_err(StoreError::unique("bbb_room"))?;
    sqlx::query("UPDATE activities SET room_url = $1 WHERE id = $2 AND cohort_id = $3")
        .bind(room_url)
        .bind(activity_id)
        .bind(cohort_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    activity(store, cohort_id, activity_id).await
}

/// The BigBlueButton meeting of an activity, and its cohort.
pub async fn bbb_room(store: &Store, activity_id: i64) -> StoreResult<Option<(String, Activity)>> {
    let row: Option<(String, i64)> = sqlx::query_as(
        "SELECT r.meeting_id, a.cohort_id FROM bbb_rooms r JOIN activities a ON a.id = r.activity_id WHERE r.activity_id = $1",
    )
    .bind(activity_id)
    .fetch_optional(store.pool())
    .await?;
    match row {
        Some((meeting, cohort_id)) => Ok(Some((
            meeting,
            activity(store, cohort_id, activity_id).await?,
        ))),
        None => Ok(None),
    }
}

/// The activity whose BigBlueButton meeting has this id (the analytics callback names it).
/// Takes the one delivery of a meeting's analytics, with the digest of the token it came with:
/// `false` when the meeting's analytics were already received, or the token already used.
pub async fn claim_analytics(
    store: &Store,
    meeting_id: &str,
    activity_id: i64,
    token: &str,
    at: i64,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "INSERT INTO bbb_analytics (meeting_id, activity_id, token_hash, received_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(meeting_id)
    .bind(activity_id)
    .bind(crate::token::digest(token))
    .bind(at)
    .execute(store.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Gives back a meeting's delivery taken by [`claim_analytics`] whose recording failed, so that
/// the server's next attempt is heard.
pub async fn release_analytics(store: &Store, meeting_id: &str) -> StoreResult<()> {
    sqlx::query("DELETE FROM bbb_analytics WHERE meeting_id = $1")
        .bind(meeting_id)
        .execute(store.pool())
        .await?;
    Ok(())
}

pub async fn activity_of_meeting(store: &Store, meeting_id: &str) -> StoreResult<Option<Activity>> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT activity_id FROM bbb_rooms WHERE meeting_id = $1")
            .bind(meeting_id)
            .fetch_optional(store.pool())
            .await?;
    match row {
        Some((id,)) => Ok(Some(activity_by_id(store, id).await?)),
        None => Ok(None),
    }
}

/// A trainee of a cohort expected at the same time elsewhere: one of the cohort's in-person
/// activities overlaps an in-person activity of another cohort of hers, in another place.
#[derive(Debug, Clone, FromRow, Serialize)]
pub struct Elsewhere {
    pub user_id: i64,
    pub first_name: String,
    pub last_name: String,
    /// This cohort's activity.
    pub activity_title: String,
    pub starts_at: i64,
    /// The other cohort's activity, and where it takes place.
    pub other_cohort_id: i64,
    pub other_training_title: String,
    pub other_cohort_label: String,
    pub other_activity_title: String,
    pub other_place: Option<String>,
    pub other_starts_at: i64,
    pub other_ends_at: i64,
}

/// The trainees of `cohort_id` expected at the same time in two places (one statement).
pub async fn expected_elsewhere(store: &Store, cohort_id: i64) -> StoreResult<Vec<Elsewhere>> {
    Ok(sqlx::query_as(
        "SELECT u.id AS user_id, u.first_name, u.last_name, a1.title AS activity_title, \
         a1.starts_at, c2.id AS other_cohort_id, t2.title AS other_training_title, \
         c2.label AS other_cohort_label, a2.title AS other_activity_title, a2.place AS other_place, \
         a2.starts_at AS other_starts_at, a2.ends_at AS other_ends_at \
         FROM enrollments e1 \
         JOIN users u ON u.id = e1.user_id \
         JOIN activities a1 ON a1.cohort_id = e1.cohort_id AND a1.modality = 'in_person' \
         JOIN enrollments e2 ON e2.user_id = e1.user_id AND e2.cohort_id <> e1.cohort_id \
         JOIN cohorts c2 ON c2.id = e2.cohort_id AND c2.status NOT IN ('closed', 'archived') \
         JOIN trainings t2 ON t2.id = c2.training_id \
         JOIN activities a2 ON a2.cohort_id = e2.cohort_id AND a2.modality = 'in_person' \
         WHERE e1.cohort_id = $1 AND a1.starts_at < a2.ends_at AND a2.starts_at < a1.ends_at \
         AND COALESCE(a1.place, '') <> COALESCE(a2.place, '') \
         ORDER BY a1.starts_at, u.last_name, u.first_name, a2.starts_at",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}
