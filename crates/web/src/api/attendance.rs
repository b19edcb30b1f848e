//! Attendance in the API: an activity's sheets and record, a trainer's marks and corrections,
//! signing by code, each trainee's validation, and BigBlueButton's analytics callback.

use super::ApiJson;
use super::Path;
use crate::access::{self, Anyone, Staff, Trainees};
use crate::auth::Allowed;
use crate::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::Json;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use hybride_domain::attendance::{self as rules, Channel, Kind, Slot};
use hybride_domain::Modality;
use hybride_training::attendance::{self as att, Event, Sheet, TraineeValidation};
use hybride_training::{cohorts, now, trainings};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::Sha512;
use utoipa::ToSchema;

/// Each trainee's validation against the training's rules, per modality: achieved so far and
/// over the whole programme, with an early warning. A trainee gets their own only.
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/validation", tag = "attendance", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<TraineeValidation>), (status = 404, body = super::ProblemDoc)))]
pub async fn validation(
    State(state): State<AppState>,
    who: Allowed<Anyone>,
    Path(id): Path<i64>,
) -> Result<Json<Vec<TraineeValidation>>, AppError> {
    let s = &state.store;
    let c = cohorts::get(s, id).await?;
    access::see_cohort(s, &who.user, &c).await?;
    let only = access::validations_read(&who.user);
    Ok(Json(att::validations(s, &c, only, now()).await?))
}

/// An activity's attendance: one sheet per half-day (or one for asynchronous work), and the
/// events of the record behind them.
#[derive(Serialize, ToSchema)]
pub struct ActivityAttendance {
    pub activity_id: i64,
    pub cohort_id: i64,
    pub modality: Modality,
    pub sheets: Vec<Sheet>,
    pub events: Vec<Event>,
}

#[utoipa::path(get, path = "/api/v1/activities/{id}/attendance", tag = "attendance", params(("id" = i64, Path)),
    responses((status = 200, body = ActivityAttendance), (status = 403, body = super::ProblemDoc), (status = 404, body = super::ProblemDoc)))]
pub async fn activity_attendance(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
) -> Result<Json<ActivityAttendance>, AppError> {
    let s = &state.store;
    let a = cohorts::activity_by_id(s, id).await?;
    let c = cohorts::get(s, a.cohort_id).await?;
    access::take_attendance(s, &who.user, &c).await?;
    let t = trainings::get(s, c.training_id).await?;
    let steps = trainings::steps(s, t.id).await?;
    let rules = att::rules_of(s, &t).await?;
    let slots = att::slots(&a, &steps);
    let mut sheets = Vec::new();
    if slots.is_empty() {
        sheets.push(att::sheet(s, &c, &a, &steps, None, &rules).await?);
    }
    for slot in slots {
        sheets.push(att::sheet(s, &c, &a, &steps, Some(slot), &rules).await?);
    }
    Ok(Json(ActivityAttendance {
        activity_id: a.id,
        cohort_id: c.id,
        modality: a.modality,
        sheets,
        events: att::of_activity(s, a.id).await?,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct MarkBody {
    /// The half-day, as `2027-01-14-morning`.
    #[schema(schema_with = super::bounds::slot)]
    pub slot: String,
    #[schema(schema_with = super::bounds::id)]
    pub user_id: i64,
    /// `present`, `late`, `early`, `absent`, `accept`, `cancel`.
    #[schema(schema_with = super::bounds::mark_action)]
    pub action: String,
    /// `HH:MM`, for `late` and `early`.
    #[serde(default)]
    #[schema(schema_with = super::bounds::optional_time)]
    pub time: String,
    /// Required for `absent` and `cancel`, and for marking present after the half-day.
    #[serde(default)]
    #[schema(schema_with = super::bounds::text)]
    pub reason: String,
}

/// A trainer marks or corrects a trainee's half-day (a new event; nothing is overwritten).
#[utoipa::path(post, path = "/api/v1/activities/{id}/attendance", tag = "attendance", params(("id" = i64, Path)),
    request_body = MarkBody,
    responses((status = 201, body = Event), (status = 404, body = super::ProblemDoc), (status = 409, body = super::ProblemDoc)))]
pub async fn mark(
    State(state): State<AppState>,
    who: Allowed<Staff>,
    Path(id): Path<i64>,
    ApiJson(b): ApiJson<MarkBody>,
) -> Result<axum::response::Response, AppError> {
    let s = &state.store;
    let a = cohorts::activity_by_id(s, id).await?;
    let c = cohorts::get(s, a.cohort_id).await?;
    access::take_attendance(s, &who.user, &c).await?;
    if !c.status.is_editable() {
        return Err(AppError::Refused("cohort_closed"));
    }
    let steps = trainings::steps(s, c.training_id).await?;
    let slot: Slot = att::find_slot(&att::slots(&a, &steps), &b.slot).ok_or(AppError::NotFound)?;
    if !cohorts::is_enrolled(s, c.id, b.user_id).await? {
        return Err(AppError::NotFound);
    }
    match att::correct(
        s,
        &a,
        slot,
        b.user_id,
        &b.action,
        &b.time,
        &b.reason,
        who.user.id,
    )
    .await?
    {
        Ok(e) => Ok(super::created(e)),
        Err("unknown-action") => Err(AppError::BadRequest(
            "action must be present, late, early, absent, accept or cancel".into(),
        )),
        // The time is refused on its field: inside the half-day, and already come.
        Err(why @ ("time-outside" | "time-future")) => {
            let mut e = hybride_domain::FieldErrors::new();
            e.add(
                "time",
                if why == "time-future" {
                    hybride_domain::Invalid::with(
                        "error-time-future",
                        hybride_training::i18n::clock(who.ctx.lang, now()),
                    )
                } else {
                    hybride_domain::Invalid::new("error-time-outside")
                },
            );
            Err(AppError::Invalid(e))
        }
        Err(why) => Err(AppError::Refused(why)),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct SignBody {
    /// The six-digit code the trainer reads aloud.
    #[schema(schema_with = super::bounds::code)]
    pub code: String,
}

#[derive(Serialize, ToSchema)]
pub struct Signed {
    pub activity_id: i64,
    pub slot: String,
    pub signed_at: i64,
    /// False when the trainee had already signed this half-day.
    pub new: bool,
}

/// A trainee signs the current in-person half-day with the code read aloud.
#[utoipa::path(post, path = "/api/v1/sign", tag = "attendance", request_body = SignBody,
    responses((status = 200, body = Signed), (status = 422, body = super::ProblemDoc), (status = 429, body = super::ProblemDoc)))]
pub async fn sign(
    State(state): State<AppState>,
    who: Allowed<Trainees>,
    ApiJson(b): ApiJson<SignBody>,
) -> Result<Json<Signed>, AppError> {
    let s = &state.store;
    let subject = who.user.id.to_string();
    let attempt = crate::limits::attempt(s, crate::limits::CODE_ACCOUNT, &subject).await?;
    // API clients have no device cookie: the token's account stands for the device.
    let device = att::device_digest(&format!("api:{}", who.user.id));
    let (list, found) = att::sign_with_code(s, who.user.id, &b.code, device).await?;
    match found {
        Some((i, fresh)) => {
            attempt.succeeded(s).await?;
            Ok(Json(Signed {
                activity_id: list[i].activity.id,
                slot: list[i].slot.key(),
                signed_at: list[i].signed_at.unwrap_or_else(now),
                new: fresh,
            }))
        }
        None => {
            attempt.failed();
            let mut e = hybride_domain::FieldErrors::new();
            e.add(
                "code",
                hybride_domain::Invalid::new(if list.is_empty() {
                    "error-sign-nothing-now"
                } else {
                    "error-sign-code"
                }),
            );
            Err(AppError::Invalid(e))
        }
    }
}

/// What the callback did.
#[derive(Serialize, ToSchema)]
pub struct AnalyticsResult {
    /// Trainees whose connected minutes were recorded.
    pub credited: usize,
    /// Attendees that are not trainees of the cohort (trainers, guests, unknown ids).
    pub ignored: usize,
}

/// Verifies a JWT signed with HS512 and the shared secret; checks `exp` when present.
pub fn verify_jwt(token: &str, secret: &str, at: i64) -> bool {
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(sig), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let Ok(header) = URL_SAFE_NO_PAD.decode(h.trim_end_matches('=')) else {
        return false;
    };
    let Ok(header): Result<Value, _> = serde_json::from_slice(&header) else {
        return false;
    };
    if header.get("alg").and_then(Value::as_str) != Some("HS512") {
        return false;
    }
    let Ok(sig) = URL_SAFE_NO_PAD.decode(sig.trim_end_matches('=')) else {
        return false;
    };
    let mut mac = Hmac::<Sha512>::new_from_slice(secret.as_bytes()).expect("any key length");
    mac.update(h.as_bytes());
    mac.update(b".");
    mac.update(p.as_bytes());
    if mac.verify_slice(&sig).is_err() {
        return false;
    }
    let Ok(payload) = URL_SAFE_NO_PAD.decode(p.trim_end_matches('=')) else {
        return false;
    };
    let Ok(payload): Result<Value, _> = serde_json::from_slice(&payload) else {
        return false;
    };
    // Required: a token without an end would be good forever.
    payload
        .get("exp")
        .and_then(Value::as_i64)
        .is_some_and(|e| e + 60 >= at)
}

/// A time in an analytics payload: unix seconds or milliseconds, RFC 3339, or
/// `2027-01-14 14:02:11 +0100`; or an object with a `timestamp`.
fn instant(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => {
            let n = n.as_i64()?;
            Some(if n > 100_000_000_000 { n / 1000 } else { n })
        }
        Value::String(s) => {
            let s = s.trim();
            if let Ok(n) = s.parse::<i64>() {
                return instant(&Value::from(n));
            }
            if let Ok(t) = s.parse::<jiff::Timestamp>() {
                return Some(t.as_second());
            }
            for fmt in [
                "%Y-%m-%d %H:%M:%S %z",
                "%Y-%m-%dT%H:%M:%S%z",
                "%Y-%m-%d %H:%M:%S%z",
            ] {
                if let Ok(z) = jiff::fmt::strtime::parse(fmt, s).and_then(|b| b.to_timestamp()) {
                    return Some(z.as_second());
                }
            }
            None
        }
        Value::Object(o) => o.get("timestamp").and_then(instant),
        _ => None,
    }
}

fn times(v: Option<&Value>) -> Vec<i64> {
    let mut out: Vec<i64> = v
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(instant).collect())
        .unwrap_or_default();
    out.sort_unstable();
    out
}

/// Minutes connected in each half-day, from one attendee's joins and leaves (a join without a
/// leave lasts until the meeting's end); without intervals, the total duration spread over the
/// half-days by their length.
pub fn minutes_per_slot(attendee: &Value, finish: Option<i64>, slots: &[Slot]) -> Vec<i64> {
    let mut joins = times(attendee.get("joins"));
    let mut leaves = times(attendee.get("leaves"));
    if let Some(sessions) = attendee.get("sessions").and_then(Value::as_array) {
        for s in sessions {
            joins.extend(times(s.get("joins")));
            leaves.extend(times(s.get("leaves")));
        }
        joins.sort_unstable();
        leaves.sort_unstable();
    }
    if !joins.is_empty() {
        let mut intervals = Vec::new();
        for (i, &j) in joins.iter().enumerate() {
            let end = leaves
                .iter()
                .copied()
                .find(|&l| l >= j && joins.get(i + 1).is_none_or(|&next| l <= next))
                .or(finish)
                .unwrap_or(j);
            intervals.push((j, end.max(j)));
        }
        return slots
            .iter()
            .map(|s| {
                let secs: i64 = intervals
                    .iter()
                    .map(|&(a, b)| (b.min(s.ends_at) - a.max(s.starts_at)).max(0))
                    .sum();
                (secs / 60).min(s.span_seconds() / 60)
            })
            .collect();
    }
    let total = attendee
        .get("duration")
        .and_then(Value::as_i64)
        .unwrap_or(0)
        .max(0);
    let span: i64 = slots.iter().map(Slot::span_seconds).sum::<i64>().max(1);
    slots
        .iter()
        .map(|s| ((total * s.span_seconds() / span) / 60).min(s.span_seconds() / 60))
        .collect()
}

/// BigBlueButton's analytics callback (`meta_analytics-callback-url`): after a meeting, the
/// server posts each attendee's joins and leaves, authenticated by a JWT (HS512, the shared
/// secret, with its `exp`). Each trainee's connected minutes per half-day are recorded; trainers
/// and unknown attendees are ignored. Heard once per meeting, for a room Hybride created, from
/// the activity's start until two days after its end (422 later): the same meeting posted again,
/// or any post with a token already used, is refused (409) and records nothing.
#[utoipa::path(post, path = "/api/v1/bbb/analytics", tag = "attendance",
    request_body = Object,
    responses((status = 200, body = AnalyticsResult), (status = 401, body = super::ProblemDoc),
        (status = 404, body = super::ProblemDoc), (status = 409, body = super::ProblemDoc),
        (status = 422, body = super::ProblemDoc)))]
pub async fn bbb_analytics(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Json<AnalyticsResult>, AppError> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    // Without BigBlueButton set up, no token can be valid: everyone gets the same answer.
    let Some(bbb) = &state.config.bbb else {
        return Err(AppError::Unauthorized);
    };
    if !verify_jwt(token.trim(), &bbb.secret, now()) {
        return Err(AppError::Unauthorized);
    }
    let payload: Value = serde_json::from_slice(&body)
        .map_err(|e| AppError::BadRequest(format!("the body is not JSON: {e}")))?;
    let meeting = payload
        .get("meeting_id")
        .and_then(Value::as_str)
        .ok_or_else(|| AppError::BadRequest("meeting_id is missing".into()))?;
    let s = &state.store;
    let Some(a) = cohorts::activity_of_meeting(s, meeting).await? else {
        return Err(AppError::NotFound);
    };
    let at = now();
    if !rules::analytics_heard(a.starts_at, a.ends_at, at) {
        return Err(AppError::Refused("analytics_too_late"));
    }
    if !cohorts::claim_analytics(s, meeting, a.id, token.trim(), at).await? {
        return Err(AppError::Conflict("analytics"));
    }
    match record_analytics(&state, &a, &payload).await {
        Ok(result) => Ok(Json(result)),
        Err(e) => {
            // Not recorded: the server's next attempt is heard.
            cohorts::release_analytics(s, meeting).await?;
            Err(e)
        }
    }
}

/// Records each trainee's connected minutes per half-day from a meeting's analytics.
async fn record_analytics(
    state: &AppState,
    a: &cohorts::Activity,
    payload: &Value,
) -> Result<AnalyticsResult, AppError> {
    let s = &state.store;
    let data = payload.get("data").unwrap_or(&Value::Null);
    let finish = data.get("finish").and_then(instant);
    let attendees = data
        .get("attendees")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let c = cohorts::get(s, a.cohort_id).await?;
    let steps = trainings::steps(s, c.training_id).await?;
    let slots = att::slots(a, &steps);
    let events = att::of_activity(s, a.id).await?;
    let (mut credited, mut ignored) = (0, 0);
    for at in &attendees {
        let user = at
            .get("ext_user_id")
            .and_then(|v| {
                v.as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            })
            .filter(|_| {
                !at.get("moderator")
                    .and_then(Value::as_bool)
                    .unwrap_or(false)
            });
        let Some(user) = user else {
            ignored += 1;
            continue;
        };
        if !cohorts::is_enrolled(s, c.id, user).await? {
            ignored += 1;
            continue;
        }
        let minutes = minutes_per_slot(at, finish, &slots);
        for (slot, m) in slots.iter().zip(minutes) {
            let key = slot.key();
            let marks: Vec<_> = att::marks_for(&events, user, Some(&key)).collect();
            let before = rules::presence(&marks).connected_minutes;
            if before == Some(m) || (before.is_none() && m == 0) {
                continue;
            }
            att::mark(
                s,
                a,
                Some(&key),
                user,
                Kind::Connected,
                Channel::Bbb,
                user,
                att::Extra {
                    minutes: Some(m),
                    ..att::Extra::default()
                },
            )
            .await?;
        }
        credited += 1;
    }
    tracing::info!(
        activity = a.id,
        credited,
        ignored,
        "BigBlueButton analytics received"
    );
    Ok(AnalyticsResult { credited, ignored })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(secret: &str, payload: &str, alg: &str) -> String {
        let h = URL_SAFE_NO_PAD.encode(format!("{{\"alg\":\"{alg}\",\"typ\":\"JWT\"}}"));
        let p = URL_SAFE_NO_PAD.encode(payload);
        let mut mac = Hmac::<Sha512>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(format!("{h}.{p}").as_bytes());
        let s = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{h}.{p}.{s}")
    }

    #[test]
    fn jwt_checks_signature_algorithm_and_expiry() {
        let t = jwt("secret", "{\"exp\":2000}", "HS512");
        assert!(verify_jwt(&t, "secret", 1000));
        assert!(!verify_jwt(&t, "other", 1000));
        assert!(!verify_jwt(&t, "secret", 3000));
        assert!(!verify_jwt(&jwt("secret", "{}", "none"), "secret", 0));
        assert!(!verify_jwt("a.b", "secret", 0));
        assert!(!verify_jwt("", "secret", 0));
        // Without its end, a token is refused.
        assert!(!verify_jwt(&jwt("secret", "{}", "HS512"), "secret", 0));
    }

    #[test]
    fn minutes_follow_joins_and_leaves() {
        let tz = hybride_domain::time::paris();
        let start = jiff::civil::date(2027, 1, 14)
            .at(9, 0, 0, 0)
            .to_zoned(tz.clone())
            .unwrap()
            .timestamp()
            .as_second();
        let slots = rules::half_days(start, start + 6 * 3600, None, &tz);
        assert_eq!(slots.len(), 2);
        let v = serde_json::json!({
            "joins": [start, start + 5 * 3600],
            "leaves": [(start + 3600) * 1000],
        });
        // 9:00–10:00, then 14:00 until the end (15:00).
        assert_eq!(
            minutes_per_slot(&v, Some(start + 6 * 3600), &slots),
            vec![60, 60]
        );
        let v = serde_json::json!({ "duration": 6 * 3600 });
        assert_eq!(minutes_per_slot(&v, None, &slots), vec![240, 120]);
        assert_eq!(
            instant(&serde_json::json!("2027-01-14 09:00:00 +0100")),
            Some(start)
        );
        assert_eq!(
            instant(&serde_json::json!("2027-01-14T08:00:00Z")),
            Some(start)
        );
    }
}
