//! What the trainer and the pilot prepare before a training: the accompaniment plan, the
//! structured validation rules, equipment checks, the school holidays and the académie's
//! settings. (The register of trainers qualified in hybrid delivery is `qualifications`.)

use crate::Found;
use crate::{now, Flag, Store, StoreError, StoreResult};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

/// Plan d'accompagnement of a training.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Accompaniment {
    pub training_id: i64,
    /// How trainees reach the trainers (forum, messagerie, téléphone…).
    pub channels: String,
    /// The committed response time, in hours.
    pub response_hours: i64,
    /// Whether the response time counts working days only.
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub working_days_only: Flag,
    pub tutoring_slots: String,
    pub technical_contact: String,
    /// Exchange hours and the right to disconnect.
    pub exchange_hours: String,
    pub updated_at: i64,
}

#[derive(Debug, Clone)]
pub struct AccompanimentInput {
    pub channels: String,
    pub response_hours: u32,
    pub working_days_only: bool,
    pub tutoring_slots: String,
    pub technical_contact: String,
    pub exchange_hours: String,
}

pub async fn accompaniment(store: &Store, training_id: i64) -> StoreResult<Option<Accompaniment>> {
    Ok(sqlx::query_as(
        "SELECT training_id, channels, response_hours, working_days_only, tutoring_slots, technical_contact, \
         exchange_hours, updated_at FROM accompaniment_plans WHERE training_id = $1",
    )
    .bind(training_id)
    .fetch_optional(store.pool())
    .await?)
}

pub async fn save_accompaniment(
    store: &Store,
    training_id: i64,
    a: &AccompanimentInput,
) -> StoreResult<Accompaniment> {
    sqlx::query(
        "INSERT INTO accompaniment_plans (training_id, channels, response_hours, working_days_only, tutoring_slots, \
         technical_contact, exchange_hours, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (training_id) DO UPDATE SET channels = excluded.channels, response_hours = excluded.response_hours, \
         working_days_only = excluded.working_days_only, tutoring_slots = excluded.tutoring_slots, \
         technical_contact = excluded.technical_contact, exchange_hours = excluded.exchange_hours, \
         updated_at = excluded.updated_at",
    )
    .bind(training_id)
    .bind(&a.channels)
    .bind(i64::from(a.response_hours))
    .bind(i64::from(a.working_days_only))
    .bind(&a.tutoring_slots)
    .bind(&a.technical_contact)
    .bind(&a.exchange_hours)
    .bind(now())
    .execute(store.pool())
    .await
    .map_err(StoreError::unique("accompaniment"))?;
    accompaniment(store, training_id)
        .await?
        .ok_or(StoreError::NotFound)
}

/// Validation criteria as rules, used to compute each trainee's validation.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct ValidationRules {
    pub training_id: i64,
    pub min_in_person_percent: i64,
    pub min_synchronous_percent: i64,
    pub min_asynchronous_percent: i64,
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub mandatory_steps_required: Flag,
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub evaluation_required: Flag,
    /// Share of a virtual half-day's length that makes it count as attended.
    pub half_day_threshold_percent: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, Copy)]
pub struct ValidationInput {
    pub min_in_person_percent: u8,
    pub min_synchronous_percent: u8,
    pub min_asynchronous_percent: u8,
    pub mandatory_steps_required: bool,
    pub evaluation_required: bool,
    pub half_day_threshold_percent: u8,
}

pub async fn validation_rules(
    store: &Store,
    training_id: i64,
) -> StoreResult<Option<ValidationRules>> {
    Ok(sqlx::query_as(
        "SELECT training_id, min_in_person_percent, min_synchronous_percent, min_asynchronous_percent, \
         mandatory_steps_required, evaluation_required, half_day_threshold_percent, updated_at FROM validation_rules WHERE training_id = $1",
    )
    .bind(training_id)
    .fetch_optional(store.pool())
    .await?)
}

pub async fn save_validation_rules(
    store: &Store,
    training_id: i64,
    v: &ValidationInput,
) -> StoreResult<ValidationRules> {
    sqlx::query(
        "INSERT INTO validation_rules (training_id, min_in_person_percent, min_synchronous_percent, \
         min_asynchronous_percent, mandatory_steps_required, evaluation_required, half_day_threshold_percent, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (training_id) DO UPDATE SET \
         min_in_person_percent = excluded.min_in_person_percent, min_synchronous_percent = excluded.min_synchronous_percent, \
         min_asynchronous_percent = excluded.min_asynchronous_percent, \
         mandatory_steps_required = excluded.mandatory_steps_required, evaluation_required = excluded.evaluation_required, \
         half_day_threshold_percent = excluded.half_day_threshold_percent, updated_at = excluded.updated_at",
    )
    .bind(training_id)
    .bind(i64::from(v.min_in_person_percent))
    .bind(i64::from(v.min_synchronous_percent))
    .bind(i64::from(v.min_asynchronous_percent))
    .bind(i64::from(v.mandatory_steps_required))
    .bind(i64::from(v.evaluation_required))
    .bind(i64::from(v.half_day_threshold_percent.min(100)))
    .bind(now())
    .execute(store.pool())
    .await
    .map_err(StoreError::unique("validation"))?;
    validation_rules(store, training_id)
        .await?
        .ok_or(StoreError::NotFound)
}

/// The result of one part of an equipment test.
pub const CHECK_RESULTS: [&str; 3] = ["ok", "failed", "skipped"];

/// One equipment test, saved and dated for its user.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct EquipmentCheck {
    pub id: i64,
    pub user_id: i64,
    pub checked_at: i64,
    /// `ok`, `failed` or `skipped`.
    pub microphone: String,
    pub speakers: String,
    pub camera: String,
    pub screen_share: String,
    /// Median round-trip time to the server, in milliseconds.
    pub round_trip_ms: Option<i64>,
    /// The browser, as it names itself (shortened).
    pub browser: String,
}

impl EquipmentCheck {
    /// Sound in and out work, and so does screen sharing: what a trainer needs to lead a
    /// virtual class. The camera is welcome but not required.
    pub fn ready_to_lead(&self) -> bool {
        self.microphone == "ok" && self.speakers == "ok" && self.screen_share == "ok"
    }
}

#[derive(Debug, Clone)]
pub struct EquipmentInput {
    pub microphone: String,
    pub speakers: String,
    pub camera: String,
    pub screen_share: String,
    pub round_trip_ms: Option<u32>,
    pub browser: String,
}

pub async fn record_equipment_check(
    store: &Store,
    user_id: i64,
    c: &EquipmentInput,
) -> StoreResult<EquipmentCheck> {
    record_equipment_check_at(store, user_id, c, now()).await
}

/// Records a check made at `at` (Unix seconds): for the demo, and checks reported late.
pub async fn record_equipment_check_at(
    store: &Store,
    user_id: i64,
    c: &EquipmentInput,
    at: i64,
) -> StoreResult<EquipmentCheck> {
    for r in [&c.microphone, &c.speakers, &c.camera, &c.screen_share] {
        if !CHECK_RESULTS.contains(&r.as_str()) {
            return Err(StoreError::Refused("check_result"));
        }
    }
    let browser: String = c
        .browser
        .chars()
        .filter(|ch| !ch.is_control())
        .take(200)
        .collect();
    let row = sqlx::query_as(
        "INSERT INTO equipment_checks (user_id, checked_at, microphone, speakers, camera, screen_share, round_trip_ms, browser) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         RETURNING id, user_id, checked_at, microphone, speakers, camera, screen_share, round_trip_ms, browser",
    )
    .bind(user_id)
    .bind(at)
    .bind(&c.microphone)
    .bind(&c.speakers)
    .bind(&c.camera)
    .bind(&c.screen_share)
    .bind(c.round_trip_ms.map(i64::from))
    .bind(browser)
    .fetch_one(store.pool())
    .await?;
    Ok(row)
}

/// A user's checks, most recent first.
pub async fn equipment_checks(
    store: &Store,
    user_id: i64,
    limit: i64,
) -> StoreResult<Vec<EquipmentCheck>> {
    Ok(sqlx::query_as(
        "SELECT id, user_id, checked_at, microphone, speakers, camera, screen_share, round_trip_ms, browser \
         FROM equipment_checks WHERE user_id = $1 ORDER BY checked_at DESC, id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(limit.clamp(1, 100))
    .fetch_all(store.pool())
    .await?)
}

/// A period of school holidays of one zone.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct SchoolHoliday {
    pub id: i64,
    /// `A`, `B`, `C`, `Corse` or an overseas académie's name.
    pub zone: String,
    pub label: String,
    /// `YYYY-MM-DD`, included.
    pub first_day: String,
    /// `YYYY-MM-DD`, included.
    pub last_day: String,
}

pub async fn add_school_holiday(
    store: &Store,
    zone: &str,
    label: &str,
    first_day: jiff::civil::Date,
    last_day: jiff::civil::Date,
) -> StoreResult<SchoolHoliday> {
    if last_day < first_day {
        return Err(StoreError::Refused("dates_order"));
    }
    Ok(sqlx::query_as(
        "INSERT INTO school_holidays (zone, label, first_day, last_day) VALUES ($1, $2, $3, $4) \
         RETURNING id, zone, label, first_day, last_day",
    )
    .bind(zone)
    .bind(label)
    .bind(first_day.to_string())
    .bind(last_day.to_string())
    .fetch_one(store.pool())
    .await?)
}

pub async fn school_holidays(store: &Store, zone: &str) -> StoreResult<Vec<SchoolHoliday>> {
    Ok(sqlx::query_as(
        "SELECT id, zone, label, first_day, last_day FROM school_holidays WHERE zone = $1 ORDER BY first_day",
    )
    .bind(zone)
    .fetch_all(store.pool())
    .await?)
}

pub async fn delete_school_holiday(store: &Store, id: i64) -> StoreResult<()> {
    sqlx::query("DELETE FROM school_holidays WHERE id = $1")
        .bind(id)
        .execute(store.pool())
        .await?
        .found()?;
    Ok(())
}

pub async fn setting(store: &Store, key: &str) -> StoreResult<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT value FROM settings WHERE key = $1")
        .bind(key)
        .fetch_optional(store.pool())
        .await?;
    Ok(row.map(|r| r.0))
}

pub async fn set_setting(store: &Store, key: &str, value: &str) -> StoreResult<()> {
    sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(store.pool())
        .await?;
    Ok(())
}

/// The académie's school-holiday zone (setting `school_zone`, `A` by default).
pub async fn school_zone(store: &Store) -> StoreResult<String> {
    Ok(setting(store, "school_zone")
        .await?
        .unwrap_or_else(|| "A".to_owned()))
}
