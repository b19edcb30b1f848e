//! Trainings (modules / dispositifs of the plan), their trainers and their scenario steps.

use crate::people::{User, USER_COLUMNS};
use crate::Found;
use crate::{now, Flag, Store, StoreError, StoreResult};
use hybride_domain::attendance::CreditRule;
use hybride_domain::{
    DispositifId, LearningType, LongText, Minutes, Modality, ModuleId, Role, Title,
};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Training {
    pub id: i64,
    pub plan_id: i64,
    pub school_year: String,
    /// GAIA dispositif id, e.g. `26A0100123`.
    pub dispositif_id: String,
    /// GAIA module id, e.g. `48213`.
    pub module_id: String,
    pub title: String,
    pub objectives: String,
    pub public: String,
    pub in_person_minutes: i64,
    pub synchronous_minutes: i64,
    pub asynchronous_minutes: i64,
    pub validation_criteria: String,
    pub min_attendance_percent: i64,
    pub pilot_id: i64,
    pub pilot_name: String,
    pub cohorts: i64,
    /// The training that trains trainers in hybrid delivery: its validated participants are
    /// recorded as qualified when a cohort closes.
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub trains_trainers: Flag,
    pub created_at: i64,
}

const TRAINING_SELECT: &str =
    "SELECT t.id, t.plan_id, p.school_year, t.dispositif_id, t.module_id, t.title, \
     t.objectives, t.public, t.in_person_minutes, t.synchronous_minutes, t.asynchronous_minutes, \
     t.validation_criteria, t.min_attendance_percent, t.pilot_id, \
     u.first_name || ' ' || u.last_name AS pilot_name, \
     (SELECT COUNT(*) FROM cohorts c WHERE c.training_id = t.id) AS cohorts, t.trains_trainers, t.created_at \
     FROM trainings t JOIN plans p ON p.id = t.plan_id JOIN users u ON u.id = t.pilot_id";

/// A training as a pilot declares it.
#[derive(Debug, Clone)]
pub struct NewTraining {
    pub plan_id: i64,
    pub dispositif_id: DispositifId,
    pub module_id: ModuleId,
    pub title: Title,
    pub objectives: LongText,
    pub public: LongText,
    pub in_person: Minutes,
    pub synchronous: Minutes,
    pub asynchronous: Minutes,
    pub validation_criteria: LongText,
    pub min_attendance_percent: u8,
    pub pilot_id: i64,
}

/// Which trainings to list.
#[derive(Debug, Clone, Copy, Default)]
pub struct TrainingFilter {
    pub plan_id: Option<i64>,
    pub pilot_id: Option<i64>,
    /// Trainings this trainer is assigned to.
    pub trainer_id: Option<i64>,
    /// Only trainings with a cohort under way or done (running, closed or archived): those with
    /// figures to show.
    pub under_way: bool,
    /// A page of the list: at most `limit` trainings, after the first `offset`.
    pub limit: Option<i64>,
    pub offset: i64,
}

pub async fn create(store: &Store, t: &NewTraining) -> StoreResult<Training> {
    let pilot = crate::people::get(store, t.pilot_id).await?;
    if pilot.role != Role::Pilot && pilot.role != Role::Admin {
        return Err(StoreError::Refused("pilot_role"));
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO trainings (plan_id, dispositif_id, module_id, title, objectives, public, in_person_minutes, \
         synchronous_minutes, asynchronous_minutes, validation_criteria, min_attendance_percent, pilot_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(t.plan_id)
    .bind(t.dispositif_id.as_str())
    .bind(t.module_id.as_str())
    .bind(t.title.as_str())
    .bind(t.objectives.as_str())
    .bind(t.public.as_str())
    .bind(i64::from(t.in_person.get()))
    .bind(i64::from(t.synchronous.get()))
    .bind(i64::from(t.asynchronous.get()))
    .bind(t.validation_criteria.as_str())
    .bind(i64::from(t.min_attendance_percent))
    .bind(t.pilot_id)
    .bind(now())
    .fetch_one(store.pool())
    .await
    .map_err(StoreError::unique("gaia"))?;
    get(store, id).await
}

pub async fn get(store: &Store, id: i64) -> StoreResult<Training> {
    sqlx::query_as(&format!("{TRAINING_SELECT} WHERE t.id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)
}

pub async fn list(store: &Store, f: TrainingFilter) -> StoreResult<Vec<Training>> {
    let (mut sql, args) = filter_sql(&f, TRAINING_SELECT);
    sql.push_str(" ORDER BY p.school_year DESC, t.title, t.id");
    if let Some(limit) = f.limit {
        sql.push_str(&format!(
            " LIMIT {} OFFSET {}",
            limit.clamp(1, 1000),
            f.offset.max(0)
        ));
    }
    let mut q = sqlx::query_as(&sql);
    for a in args {
        q = q.bind(a);
    }
    Ok(q.fetch_all(store.pool()).await?)
}

/// How many trainings the filter matches (its `limit` and `offset` aside).
pub async fn count(store: &Store, f: TrainingFilter) -> StoreResult<i64> {
    let (sql, args) = filter_sql(
        &f,
        "SELECT COUNT(*) FROM trainings t JOIN plans p ON p.id = t.plan_id",
    );
    let mut q = sqlx::query_as(&sql);
    for a in args {
        q = q.bind(a);
    }
    let (n,): (i64,) = q.fetch_one(store.pool()).await?;
    Ok(n)
}

fn filter_sql(f: &TrainingFilter, select: &str) -> (String, Vec<i64>) {
    let mut sql = format!("{select} WHERE 1 = 1");
    let mut args = Vec::new();
    if let Some(p) = f.plan_id {
        args.push(p);
        sql.push_str(&format!(" AND t.plan_id = ${}", args.len()));
    }
    if let Some(p) = f.pilot_id {
        args.push(p);
        sql.push_str(&format!(" AND t.pilot_id = ${}", args.len()));
    }
    if let Some(tr) = f.trainer_id {
        args.push(tr);
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM training_trainers x WHERE x.training_id = t.id AND x.user_id = ${})",
            args.len()
        ));
    }
    if f.under_way {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM cohorts c WHERE c.training_id = t.id \
             AND c.status IN ('running', 'closed', 'archived'))",
        );
    }
    (sql, args)
}

/// Assigns a trainer to a training. Only accounts with the trainer role can be assigned.
pub async fn assign_trainer(store: &Store, training_id: i64, user_id: i64) -> StoreResult<()> {
    get(store, training_id).await?;
    let user = crate::people::get(store, user_id).await?;
    if user.role != Role::Trainer {
        return Err(StoreError::Refused("trainer_role"));
    }
    sqlx::query(
        "INSERT INTO training_trainers (training_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(training_id)
    .bind(user_id)
    .execute(store.pool())
    .await?;
    Ok(())
}

pub async fn remove_trainer(store: &Store, training_id: i64, user_id: i64) -> StoreResult<()> {
    sqlx::query("DELETE FROM training_trainers WHERE training_id = $1 AND user_id = $2")
        .bind(training_id)
        .bind(user_id)
        .execute(store.pool())
        .await?;
    Ok(())
}

pub async fn trainers(store: &Store, training_id: i64) -> StoreResult<Vec<User>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {USER_COLUMNS} FROM training_trainers x JOIN users u ON u.id = x.user_id \
         WHERE x.training_id = $1 ORDER BY u.last_name, u.first_name"
    ))
    .bind(training_id)
    .fetch_all(store.pool())
    .await?)
}

pub async fn is_trainer_of(store: &Store, training_id: i64, user_id: i64) -> StoreResult<bool> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT 1 FROM training_trainers WHERE training_id = $1 AND user_id = $2")
            .bind(training_id)
            .bind(user_id)
            .fetch_optional(store.pool())
            .await?;
    Ok(row.is_some())
}

/// A row of the training's scenario (chronogramme).
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Step {
    pub id: i64,
    pub training_id: i64,
    pub position: i64,
    #[sqlx(try_from = "String")]
    pub modality: Modality,
    #[sqlx(try_from = "String")]
    pub learning_type: LearningType,
    pub title: String,
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub collective: Flag,
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub social: Flag,
    pub minutes: i64,
    pub instructions: String,
    pub resources: String,
    pub evidence: String,
    pub evaluation: String,
    pub trainer_role: String,
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub mandatory: Flag,
    /// How an asynchronous step's time is credited on validation.
    #[sqlx(try_from = "String")]
    pub credit_rule: CreditRule,
}

#[derive(Debug, Clone)]
pub struct NewStep {
    pub modality: Modality,
    pub learning_type: LearningType,
    pub title: Title,
    pub collective: bool,
    pub social: bool,
    pub minutes: Minutes,
    pub instructions: LongText,
    pub resources: LongText,
    pub evidence: LongText,
    pub evaluation: LongText,
    pub trainer_role: LongText,
    pub mandatory: bool,
    pub credit_rule: CreditRule,
}

/// Appends a step at the end of the scenario.
pub async fn add_step(store: &Store, training_id: i64, s: &NewStep) -> StoreResult<Step> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO steps (training_id, position, modality, learning_type, title, collective, social, minutes, \
         instructions, resources, evidence, evaluation, trainer_role, mandatory, credit_rule) \
         VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM steps WHERE training_id = $1), \
         $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(training_id)
    .bind(s.modality.as_str())
    .bind(s.learning_type.as_str())
    .bind(s.title.as_str())
    .bind(i64::from(s.collective))
    .bind(i64::from(s.social))
    .bind(i64::from(s.minutes.get()))
    .bind(s.instructions.as_str())
    .bind(s.resources.as_str())
    .bind(s.evidence.as_str())
    .bind(s.evaluation.as_str())
    .bind(s.trainer_role.as_str())
    .bind(i64::from(s.mandatory))
    .bind(s.credit_rule.as_str())
    .fetch_one(store.pool())
    .await
    .map_err(StoreError::unique("step"))?;
    let step = sqlx::query_as(&format!("{STEP_SELECT} WHERE id = $1"))
        .bind(id)
        .fetch_one(store.pool())
        .await?;
    Ok(step)
}

const STEP_SELECT: &str =
    "SELECT id, training_id, position, modality, learning_type, title, collective, social, \
     minutes, instructions, resources, evidence, evaluation, trainer_role, mandatory, credit_rule FROM steps";

pub async fn steps(store: &Store, training_id: i64) -> StoreResult<Vec<Step>> {
    Ok(sqlx::query_as(&format!(
        "{STEP_SELECT} WHERE training_id = $1 ORDER BY position, id"
    ))
    .bind(training_id)
    .fetch_all(store.pool())
    .await?)
}

/// Replaces a step's content, keeping its place.
pub async fn update_step(
    store: &Store,
    training_id: i64,
    step_id: i64,
    s: &NewStep,
) -> StoreResult<Step> {
    sqlx::query(
        "UPDATE steps SET modality = $1, learning_type = $2, title = $3, collective = $4, social = $5, minutes = $6, \
         instructions = $7, resources = $8, evidence = $9, evaluation = $10, trainer_role = $11, mandatory = $12, \
         credit_rule = $13 WHERE id = $14 AND training_id = $15",
    )
    .bind(s.modality.as_str())
    .bind(s.learning_type.as_str())
    .bind(s.title.as_str())
    .bind(i64::from(s.collective))
    .bind(i64::from(s.social))
    .bind(i64::from(s.minutes.get()))
    .bind(s.instructions.as_str())
    .bind(s.resources.as_str())
    .bind(s.evidence.as_str())
    .bind(s.evaluation.as_str())
    .bind(s.trainer_role.as_str())
    .bind(i64::from(s.mandatory))
    .bind(s.credit_rule.as_str())
    .bind(step_id)
    .bind(training_id)
    .execute(store.pool())
    .await?
    .found()?;
    step(store, training_id, step_id).await
}

pub async fn step(store: &Store, training_id: i64, step_id: i64) -> StoreResult<Step> {
    sqlx::query_as(&format!("{STEP_SELECT} WHERE id = $1 AND training_id = $2"))
        .bind(step_id)
        .bind(training_id)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)
}

/// Rewrites positions 1..n in the given order, in one transaction.
async fn renumber(tx: &mut sqlx::Transaction<'_, sqlx::Any>, ids: &[i64]) -> StoreResult<()> {
    for (i, id) in ids.iter().enumerate() {
        sqlx::query("UPDATE steps SET position = $1 WHERE id = $2")
            .bind(i as i64 + 1)
            .bind(*id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn step_ids(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    training_id: i64,
) -> StoreResult<Vec<i64>> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT id FROM steps WHERE training_id = $1 ORDER BY position, id")
            .bind(training_id)
            .fetch_all(&mut **tx)
            .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// Moves a step one place up (`-1`) or down (`1`).
pub async fn move_step(store: &Store, training_id: i64, step_id: i64, by: i64) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    let mut ids = step_ids(&mut tx, training_id).await?;
    let Some(at) = ids.iter().position(|&i| i == step_id) else {
        return Err(StoreError::NotFound);
    };
    let to = (at as i64 + by).clamp(0, ids.len() as i64 - 1) as usize;
    ids.swap(at, to);
    renumber(&mut tx, &ids).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn delete_step(store: &Store, training_id: i64, step_id: i64) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    sqlx::query("DELETE FROM steps WHERE id = $1 AND training_id = $2")
        .bind(step_id)
        .bind(training_id)
        .execute(&mut *tx)
        .await?
        .found()?;
    let ids = step_ids(&mut tx, training_id).await?;
    renumber(&mut tx, &ids).await?;
    tx.commit().await?;
    Ok(())
}

/// Copies a step right after itself.
pub async fn duplicate_step(store: &Store, training_id: i64, step_id: i64) -> StoreResult<Step> {
    let mut tx = store.pool().begin().await?;
    let (new_id,): (i64,) = sqlx::query_as(
        "INSERT INTO steps (training_id, position, modality, learning_type, title, collective, social, minutes, \
         instructions, resources, evidence, evaluation, trainer_role, mandatory, credit_rule) \
         SELECT training_id, position, modality, learning_type, title, collective, social, minutes, instructions, \
         resources, evidence, evaluation, trainer_role, mandatory, credit_rule FROM steps WHERE id = $1 AND training_id = $2 \
         RETURNING id",
    )
    .bind(step_id)
    .bind(training_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(StoreError::NotFound)?;
    let mut ids: Vec<i64> = step_ids(&mut tx, training_id)
        .await?
        .into_iter()
        .filter(|&i| i != new_id)
        .collect();
    let at = ids
        .iter()
        .position(|&i| i == step_id)
        .map(|p| p + 1)
        .unwrap_or(ids.len());
    ids.insert(at, new_id);
    renumber(&mut tx, &ids).await?;
    tx.commit().await?;
    step(store, training_id, new_id).await
}

/// Appends a copy of another training's scenario; returns how many steps were copied.
pub async fn copy_scenario(
    store: &Store,
    from_training: i64,
    to_training: i64,
) -> StoreResult<usize> {
    get(store, from_training).await?;
    get(store, to_training).await?;
    let mut tx = store.pool().begin().await?;
    let (start,): (i64,) =
        sqlx::query_as("SELECT COALESCE(MAX(position), 0) FROM steps WHERE training_id = $1")
            .bind(to_training)
            .fetch_one(&mut *tx)
            .await?;
    let done = sqlx::query(
        "INSERT INTO steps (training_id, position, modality, learning_type, title, collective, social, minutes, \
         instructions, resources, evidence, evaluation, trainer_role, mandatory, credit_rule) \
         SELECT $1, position + $2, modality, learning_type, title, collective, social, minutes, instructions, \
         resources, evidence, evaluation, trainer_role, mandatory, credit_rule FROM steps WHERE training_id = $3",
    )
    .bind(to_training)
    .bind(start)
    .bind(from_training)
    .execute(&mut *tx)
    .await?;
    let ids = step_ids(&mut tx, to_training).await?;
    renumber(&mut tx, &ids).await?;
    tx.commit().await?;
    Ok(done.rows_affected() as usize)
}
