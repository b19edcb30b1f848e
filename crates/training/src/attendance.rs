//! Attendance in the web layer: the rotating codes a trainer shows, the half-days of an
//! activity, the sheet a trainer reads live, each trainee's validation, and the BigBlueButton
//! analytics callback turned into connected minutes. The rules themselves are the domain's
//! (`hybride_domain::attendance`); the record is the store's (append-only, hash-chained).

use crate::i18n::{self, Lang};
use crate::Error;
use crate::Hybride;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use hybride_domain::attendance::{
    self as rules, AsyncState, Channel, Completion, CreditRule, Kind, Presence, RedFlag, Rules,
    Slot, Unit, Validation,
};
use hybride_domain::time::paris;
use hybride_domain::{HoursBudget, Modality};
use hybride_store::attendance::{self as record, Event, NewMark};
use hybride_store::cohorts::{self, Activity, Cohort};
use hybride_store::trainings::{self, Step, Training};
use hybride_store::{before as store_before, now, people, Store};
use serde::Serialize;
use sha2::Sha256;
use std::collections::HashMap;
use utoipa::ToSchema;

/// The half-days of an in-person or virtual activity, with the step's planned minutes spread
/// over them; none for asynchronous work.
pub fn slots(a: &Activity, steps: &[Step]) -> Vec<Slot> {
    if !a.modality.is_synchronous() {
        return Vec::new();
    }
    let planned = a
        .step_id
        .and_then(|id| steps.iter().find(|s| s.id == id))
        .map(|s| s.minutes);
    rules::half_days(a.starts_at, a.ends_at, planned, &paris())
}

/// The half-day under way at `at` (signing margin included), if any.
pub fn slot_at(slots: &[Slot], at: i64) -> Option<Slot> {
    slots
        .iter()
        .find(|s| s.contains(at, 0))
        .or_else(|| {
            slots
                .iter()
                .find(|s| s.contains(at, rules::SIGN_MARGIN_SECONDS))
        })
        .copied()
}

pub fn find_slot(slots: &[Slot], key: &str) -> Option<Slot> {
    slots.iter().find(|s| s.key() == key).copied()
}

/// The current 30-second window.
pub fn window(at: i64) -> i64 {
    at.div_euclid(rules::CODE_PERIOD_SECONDS)
}

fn mac(secret: &str, purpose: &str, activity: i64, slot: &str, window: i64) -> [u8; 32] {
    let mut m = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("any key length");
    m.update(format!("{purpose}|{activity}|{slot}|{window}").as_bytes());
    m.finalize().into_bytes().into()
}

/// The six-digit code read aloud in `window`.
pub fn code(secret: &str, activity: i64, slot: &str, window: i64) -> String {
    let d = mac(secret, "code", activity, slot, window);
    let n = u32::from_be_bytes([d[0], d[1], d[2], d[3]]) % 1_000_000;
    format!("{n:06}")
}

/// The token the QR code carries in `window`.
pub fn qr_token(secret: &str, activity: i64, slot: &str, window: i64) -> String {
    let d = mac(secret, "qr", activity, slot, window);
    URL_SAFE_NO_PAD.encode(&d[..12])
}

fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A typed code is accepted in its window and the two before it (90 seconds: time to read it
/// aloud and type it).
pub fn accepts_code(secret: &str, activity: i64, slot: &str, given: &str, at: i64) -> bool {
    let given: String = given.chars().filter(|c| c.is_ascii_digit()).collect();
    if given.len() != 6 {
        return false;
    }
    let w = window(at);
    (0..3).any(|back| same(&code(secret, activity, slot, w - back), &given))
}

/// A scanned QR code is accepted in its window and the one before it.
pub fn accepts_qr(secret: &str, activity: i64, slot: &str, given: &str, at: i64) -> bool {
    let w = window(at);
    (0..2).any(|back| same(&qr_token(secret, activity, slot, w - back), given))
}

/// The QR code of a URL, as an inline SVG image with its text alternative.
///
/// Drawing a code (its mask's scoring) costs more than the rest of a sheet's page, and a live
/// sheet shows the same code until its window turns: the last few drawn are kept.
pub fn qr_svg(url: &str, label: &str) -> String {
    const KEPT: usize = 64;
    static DRAWN: std::sync::Mutex<std::collections::VecDeque<(String, String, String)>> =
        std::sync::Mutex::new(std::collections::VecDeque::new());
    let lock = || {
        DRAWN
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    if let Some((_, _, svg)) = lock().iter().find(|(u, l, _)| u == url && l == label) {
        return svg.clone();
    }
    let svg = draw_qr(url, label);
    let mut drawn = lock();
    if drawn.len() == KEPT {
        drawn.pop_front();
    }
    drawn.push_back((url.to_owned(), label.to_owned(), svg.clone()));
    svg
}

fn draw_qr(url: &str, label: &str) -> String {
    let Ok(code) = qrcode::QrCode::new(url.as_bytes()) else {
        return String::new();
    };
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build();
    let start = svg.find("<svg").unwrap_or(0);
    let label = label
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    svg[start..].replacen(
        "<svg",
        &format!("<svg role=\"img\" aria-label=\"{label}\" class=\"qr\""),
        1,
    )
}

/// A digest of the device's cookie: enough to see one device sign for several people, and
/// nothing that identifies the device elsewhere.
pub fn device_digest(cookie: &str) -> String {
    hybride_store::token::digest(&format!("device:{cookie}"))[..16].to_owned()
}

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

/// The training's validation rules as numbers; without rules, the training's minimum
/// attendance for every modality.
pub async fn rules_of(store: &Store, t: &Training) -> Result<Rules, Error> {
    let pct = |v: i64| v.clamp(0, 100) as u8;
    Ok(match store_before::validation_rules(store, t.id).await? {
        Some(r) => Rules {
            min_percent: [
                pct(r.min_in_person_percent),
                pct(r.min_synchronous_percent),
                pct(r.min_asynchronous_percent),
            ],
            mandatory_steps: r.mandatory_steps_required.0,
            evaluation: r.evaluation_required.0,
            threshold: pct(r.half_day_threshold_percent),
        },
        None => Rules {
            min_percent: [pct(t.min_attendance_percent); 3],
            ..Rules::default()
        },
    })
}

/// One trainee's line on a sheet.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SheetRow {
    pub user_id: i64,
    pub last_name: String,
    pub first_name: String,
    /// In-person and virtual half-days.
    pub presence: Option<Presence>,
    /// Whether the half-day counts (virtual: above the threshold; in person: signed).
    pub attended: bool,
    pub credited_minutes: i64,
    /// Asynchronous activities.
    pub completion: Option<Completion>,
    /// Exchanges with the trainers in the cohort (asynchronous activities).
    pub exchanges: Option<hybride_store::discussion::Exchanges>,
}

/// The trainer's countersignature of a half-day.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Countersignature {
    pub trainer_id: i64,
    pub name: String,
    pub at: i64,
}

/// One half-day (or one asynchronous activity) as the trainer reads it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Sheet {
    pub activity_id: i64,
    pub modality: Modality,
    pub slot: Option<Slot>,
    pub slots: Vec<Slot>,
    pub rows: Vec<SheetRow>,
    pub signed: usize,
    pub absent: usize,
    pub total: usize,
    /// The first countersignature.
    pub countersigned: Option<Countersignature>,
    /// Every trainer who countersigned (co-animation), in order.
    pub countersigners: Vec<Countersignature>,
    pub flags: Vec<RedFlag>,
    /// Whether signing is open now.
    pub open: bool,
    pub threshold_percent: u8,
    /// A digest of the events behind the sheet, so that a printed sheet can be checked
    /// against the record.
    pub fingerprint: String,
}

/// One subject's marks among an activity's events: of one half-day, or (`None`) of all.
pub fn marks_for<'a>(
    events: &'a [Event],
    subject: i64,
    slot: Option<&'a str>,
) -> impl Iterator<Item = hybride_domain::attendance::Mark> + 'a {
    events
        .iter()
        .filter(move |e| e.subject_id == subject && (slot.is_none() || e.slot.as_deref() == slot))
        .map(Event::mark)
}

/// The sheet of one activity's half-day (`slot`), or of an asynchronous activity.
pub async fn sheet(
    store: &Store,
    c: &Cohort,
    a: &Activity,
    steps: &[Step],
    slot: Option<Slot>,
    rules: &Rules,
) -> Result<Sheet, Error> {
    let events = record::of_activity(store, a.id).await?;
    let enrollments = cohorts::enrollments(store, c.id).await?;
    let all_slots = slots(a, steps);
    let exchanges: HashMap<i64, hybride_store::discussion::Exchanges> =
        if a.modality == Modality::Async {
            hybride_store::discussion::exchanges(store, c.id)
                .await?
                .into_iter()
                .map(|x| (x.user_id, x))
                .collect()
        } else {
            HashMap::new()
        };
    let key = slot.map(|s| s.key());
    // Each person's marks of this half-day (or of the asynchronous work), gathered in one pass.
    let mut by_subject: HashMap<i64, Vec<hybride_domain::attendance::Mark>> = HashMap::new();
    for e in events.iter().filter(|e| key.is_none() || e.slot == key) {
        by_subject.entry(e.subject_id).or_default().push(e.mark());
    }
    let marks_of = |user: i64| by_subject.get(&user).map(Vec::as_slice).unwrap_or(&[]);
    let mut rows = Vec::with_capacity(enrollments.len());
    let (mut signed, mut absent) = (0, 0);
    for e in &enrollments {
        let mut row = SheetRow {
            user_id: e.user_id,
            last_name: e.last_name.clone(),
            first_name: e.first_name.clone(),
            presence: None,
            attended: false,
            credited_minutes: 0,
            completion: None,
            exchanges: exchanges.get(&e.user_id).copied(),
        };
        match (&slot, a.modality) {
            (_, Modality::Async) => {
                let done = rules::completion(marks_of(e.user_id));
                row.attended = done.state == AsyncState::Validated;
                row.credited_minutes = done.credited_minutes;
                if done.state != AsyncState::NotDeclared {
                    signed += 1;
                }
                row.completion = Some(done);
            }
            (Some(s), m) => {
                let p = rules::presence(marks_of(e.user_id));
                row.credited_minutes = rules::credited(m, s, &p, rules.threshold);
                row.attended = match m {
                    Modality::InPerson => p.signed_at.is_some(),
                    _ => rules::attended(s, &p, rules.threshold),
                };
                if row.attended {
                    signed += 1;
                } else if p.absence.is_some() {
                    absent += 1;
                }
                row.presence = Some(p);
            }
            (None, _) => {}
        }
        rows.push(row);
    }
    let mut countersigners: Vec<Countersignature> = Vec::new();
    if let Some(k) = &key {
        for e in events
            .iter()
            .filter(|e| e.kind == Kind::Countersigned && e.slot.as_deref() == Some(k))
        {
            if countersigners.iter().all(|c| c.trainer_id != e.subject_id) {
                countersigners.push(Countersignature {
                    trainer_id: e.subject_id,
                    name: people::get(store, e.subject_id).await?.display_name(),
                    at: e.at,
                });
            }
        }
    }
    let countersigned = countersigners.first().cloned();
    let marks: Vec<_> = events.iter().map(Event::mark).collect();
    let mut flags = match &slot {
        Some(s) if a.modality == Modality::InPerson => {
            rules::red_flags(std::slice::from_ref(s), &marks, a.capacity)
        }
        _ => Vec::new(),
    };
    if let Some(k) = &key {
        for cs in &countersigners {
            flags.extend(two_places(store, cs.trainer_id, a.id, k).await?);
        }
    }
    let now = hybride_store::now();
    let open =
        slot.is_some_and(|s| s.contains(now, rules::SIGN_MARGIN_SECONDS)) && c.status.is_editable();
    let fingerprint = {
        let mut h = String::new();
        for e in events
            .iter()
            .filter(|e| key.is_none() || e.slot.as_deref() == key.as_deref())
        {
            h.push_str(&e.hash);
        }
        hybride_store::token::digest(&h)[..16].to_owned()
    };
    Ok(Sheet {
        activity_id: a.id,
        modality: a.modality,
        slot,
        slots: all_slots,
        total: rows.len(),
        rows,
        signed,
        absent,
        countersigned,
        countersigners,
        flags,
        open,
        threshold_percent: rules.threshold,
        fingerprint,
    })
}

/// Whether the trainer who countersigned this half-day countersigned another, overlapping one
/// elsewhere.
async fn two_places(
    store: &Store,
    trainer: i64,
    activity: i64,
    key: &str,
) -> Result<Vec<RedFlag>, Error> {
    let rows = record::countersigns_of(store, trainer).await?;
    let tz = paris();
    let list: Vec<rules::Countersign> = rows
        .into_iter()
        .filter_map(|r| {
            let slot_key = r.slot?;
            let s = rules::half_days(r.starts_at, r.ends_at, None, &tz)
                .into_iter()
                .find(|s| s.key() == slot_key)?;
            Some(rules::Countersign {
                trainer,
                activity: r.activity_id,
                place: r.place.unwrap_or_default(),
                slot: slot_key,
                starts_at: s.starts_at,
                ends_at: s.ends_at,
            })
        })
        .collect();
    Ok(rules::two_places(&list)
        .into_iter()
        .filter(|f| match f {
            RedFlag::TwoPlaces {
                activity: first,
                slot,
                other_activity,
                ..
            } => (*first == activity && slot == key) || *other_activity == activity,
            _ => false,
        })
        .collect())
}

/// A red flag in words.
pub fn flag_text(lang: Lang, f: &RedFlag, names: &HashMap<i64, String>) -> String {
    let name = |id: &i64| names.get(id).cloned().unwrap_or_else(|| format!("#{id}"));
    match f {
        RedFlag::OutsideTime { subject, at, .. } => i18n::tr(
            lang,
            "flag-outside-time",
            &[
                ("name", name(subject)),
                (
                    "time",
                    hybride_domain::time::civil(*at)
                        .time()
                        .strftime("%H:%M")
                        .to_string(),
                ),
            ],
        ),
        RedFlag::PublicHoliday { .. } => i18n::t(lang, "flag-public-holiday"),
        RedFlag::SharedDevice { subjects, .. } => i18n::tr(
            lang,
            "flag-shared-device",
            &[(
                "names",
                subjects.iter().map(name).collect::<Vec<_>>().join(", "),
            )],
        ),
        RedFlag::Burst { count, seconds, .. } => i18n::tr(
            lang,
            "flag-burst",
            &[
                ("count", count.to_string()),
                ("seconds", seconds.to_string()),
            ],
        ),
        RedFlag::OverCapacity {
            signed, capacity, ..
        } => i18n::tr(
            lang,
            "flag-over-capacity",
            &[
                ("signed", signed.to_string()),
                ("capacity", capacity.to_string()),
            ],
        ),
        RedFlag::TwoPlaces {
            trainer,
            other_activity,
            ..
        } => i18n::tr(
            lang,
            "flag-two-places",
            &[
                ("name", name(trainer)),
                ("activity", other_activity.to_string()),
            ],
        ),
    }
}

/// A trainee's validation, as the page and the API show it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TraineeValidation {
    pub user_id: i64,
    pub last_name: String,
    pub first_name: String,
    pub validation: Validation,
    /// The trainee's exchanges with the trainers (forum, personal messages).
    pub exchanges: hybride_store::discussion::Exchanges,
}

/// Each trainee's validation (or one trainee's), at `now`.
pub async fn validations(
    store: &Store,
    c: &Cohort,
    only: Option<i64>,
    now: i64,
) -> Result<Vec<TraineeValidation>, Error> {
    let t = trainings::get(store, c.training_id).await?;
    let steps = trainings::steps(store, t.id).await?;
    let activities = cohorts::activities(store, c.id).await?;
    let rules = rules_of(store, &t).await?;
    let events = record::of_cohort(store, c.id).await?;
    let mut by: HashMap<(i64, i64), Vec<hybride_domain::attendance::Mark>> = HashMap::new();
    for e in &events {
        by.entry((e.activity_id, e.subject_id))
            .or_default()
            .push(e.mark());
    }
    let plan: Vec<(&Activity, Option<&Step>, Vec<Slot>)> = activities
        .iter()
        .map(|a| {
            let step = a.step_id.and_then(|id| steps.iter().find(|s| s.id == id));
            (a, step, slots(a, &steps))
        })
        .collect();
    let exchanges: HashMap<i64, hybride_store::discussion::Exchanges> =
        hybride_store::discussion::exchanges(store, c.id)
            .await?
            .into_iter()
            .map(|x| (x.user_id, x))
            .collect();
    let mut out = Vec::new();
    for e in cohorts::enrollments(store, c.id).await? {
        if only.is_some_and(|u| u != e.user_id) {
            continue;
        }
        let mut units = Vec::new();
        for (a, step, slots) in &plan {
            let empty = Vec::new();
            let marks = by.get(&(a.id, e.user_id)).unwrap_or(&empty);
            let mandatory = step.is_some_and(|s| s.mandatory.0);
            let evaluation = step.is_some_and(|s| !s.evaluation.trim().is_empty());
            if a.modality == Modality::Async {
                let planned = step.map(|s| s.minutes).unwrap_or(0);
                let done = rules::completion(marks);
                units.push(Unit {
                    budget: HoursBudget::Asynchronous,
                    title: a.title.clone(),
                    starts_at: a.starts_at,
                    ends_at: a.ends_at,
                    planned,
                    credited: done.credited_minutes,
                    excused: 0,
                    mandatory,
                    evaluation,
                });
                continue;
            }
            for s in slots {
                let key = s.key();
                let p = rules::presence(
                    marks
                        .iter()
                        .filter(|m| m.slot.as_deref() == Some(key.as_str())),
                );
                let excused = if p.absence.as_ref().is_some_and(|x| x.accepted) {
                    s.planned_minutes
                } else {
                    0
                };
                units.push(Unit {
                    budget: a.modality.budget(),
                    title: a.title.clone(),
                    starts_at: s.starts_at,
                    ends_at: s.ends_at,
                    planned: s.planned_minutes,
                    credited: rules::credited(a.modality, s, &p, rules.threshold),
                    excused,
                    mandatory,
                    evaluation,
                });
            }
        }
        out.push(TraineeValidation {
            user_id: e.user_id,
            last_name: e.last_name,
            first_name: e.first_name,
            validation: rules::validate(&rules, &units, now, !c.status.is_editable()),
            exchanges: exchanges.get(&e.user_id).copied().unwrap_or(
                hybride_store::discussion::Exchanges {
                    user_id: e.user_id,
                    ..Default::default()
                },
            ),
        });
    }
    Ok(out)
}

/// The minutes credited when a trainer validates a declaration, by the step's rule.
pub fn credit_on_validation(step: Option<&Step>, done: &Completion) -> i64 {
    let estimate = step.map(|s| s.minutes).unwrap_or(0);
    let rule = step
        .map(|s| s.credit_rule)
        .unwrap_or(CreditRule::EstimateOnValidation);
    rule.credit(estimate, done.declared_minutes)
}

/// Loads what most attendance handlers need: the activity, its cohort, training and steps.
pub struct Context {
    pub cohort: Cohort,
    pub training: Training,
    pub steps: Vec<Step>,
    pub activity: Activity,
}

pub async fn context(state: &Hybride, cohort_id: i64, activity_id: i64) -> Result<Context, Error> {
    let s = &state.store;
    let cohort = cohorts::get(s, cohort_id).await?;
    let activity = cohorts::activity(s, cohort_id, activity_id).await?;
    let training = trainings::get(s, cohort.training_id).await?;
    let steps = trainings::steps(s, training.id).await?;
    Ok(Context {
        cohort,
        training,
        steps,
        activity,
    })
}

/// Why a correction was refused (a message key).
pub type Refusal = &'static str;

/// Keeps what a trainer may write: a short text, trimmed, at most 500 characters.
pub fn reason(raw: &str) -> Option<String> {
    hybride_domain::LongText::parse(raw)
        .ok()
        .map(|t| t.as_str().trim().to_owned())
        .filter(|t| !t.is_empty())
        .map(|t| t.chars().take(500).collect())
}

/// A trainer marks or corrects one trainee's half-day: `present`, `late` / `early` (with the
/// time), `absent` (with the reason), `accept` (the absence's justification), `cancel` (with
/// the reason). Refuses what does not follow from the record so far.
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
        if ts < slot.starts_at || ts > slot.ends_at {
            return Err("time-outside");
        }
        Ok(ts)
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

/// An in-person half-day where the trainee can sign now.
pub struct Signable {
    pub activity: Activity,
    pub slot: Slot,
    pub signed_at: Option<i64>,
    pub training_title: String,
}

pub async fn signable(s: &Store, user_id: i64) -> Result<Vec<Signable>, Error> {
    let at = now();
    let mut out = Vec::new();
    for a in cohorts::current_for_trainee(s, user_id, at, rules::SIGN_MARGIN_SECONDS).await? {
        if a.modality != Modality::InPerson {
            continue;
        }
        let c = cohorts::get(s, a.cohort_id).await?;
        if !c.status.is_editable() {
            continue;
        }
        let steps = trainings::steps(s, c.training_id).await?;
        // Every half-day open for signing now (around 13:00, both the morning and the
        // afternoon are).
        let open: Vec<Slot> = slots(&a, &steps)
            .into_iter()
            .filter(|sl| sl.contains(at, rules::SIGN_MARGIN_SECONDS))
            .collect();
        if open.is_empty() {
            continue;
        }
        let events = record::of_subject(s, a.id, user_id).await?;
        for slot in open {
            let key = slot.key();
            let marks: Vec<_> = marks_for(&events, user_id, Some(&key)).collect();
            out.push(Signable {
                signed_at: rules::presence(&marks).signed_at,
                activity: a.clone(),
                slot,
                training_title: c.training_title.clone(),
            });
        }
    }
    Ok(out)
}

/// Signs the trainee in with a code read aloud, in whichever current half-day it belongs to.
/// `None` when the code matches none; otherwise the half-day and whether the signature is new.
pub async fn sign_with_code(
    s: &Store,
    user_id: i64,
    code: &str,
    device: String,
) -> Result<(Vec<Signable>, Option<(usize, bool)>), Error> {
    let mut list = signable(s, user_id).await?;
    let at = now();
    for i in 0..list.len() {
        let x = &list[i];
        let secret = record::signing_secret(s, x.activity.id).await?;
        if accepts_code(&secret, x.activity.id, &x.slot.key(), code, at) {
            let fresh = sign_now(s, user_id, x, Channel::Code, device).await?;
            list[i].signed_at = Some(list[i].signed_at.unwrap_or(at));
            return Ok((list, Some((i, fresh))));
        }
    }
    Ok((list, None))
}

/// Records a signature unless there is one; tells whether it was new.
pub async fn sign_now(
    s: &Store,
    user_id: i64,
    target: &Signable,
    channel: Channel,
    device: String,
) -> Result<bool, Error> {
    if target.signed_at.is_some() {
        return Ok(false);
    }
    mark(
        s,
        &target.activity,
        Some(&target.slot.key()),
        user_id,
        Kind::Signed,
        channel,
        user_id,
        Extra {
            device: Some(device),
            ..Extra::default()
        },
    )
    .await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_rotate_and_are_accepted_only_in_their_windows() {
        let secret = "s3cret";
        let at = 1_800_000_000;
        let w = window(at);
        let c = code(secret, 7, "2027-01-14-morning", w);
        assert_eq!(c.len(), 6);
        assert!(accepts_code(secret, 7, "2027-01-14-morning", &c, at));
        assert!(accepts_code(
            secret,
            7,
            "2027-01-14-morning",
            &format!("{} {}", &c[..3], &c[3..]),
            at + 60
        ));
        assert!(!accepts_code(secret, 7, "2027-01-14-morning", &c, at + 120));
        assert!(!accepts_code(secret, 7, "2027-01-14-afternoon", &c, at));
        assert!(!accepts_code(secret, 8, "2027-01-14-morning", &c, at));
        assert!(!accepts_code("other", 7, "2027-01-14-morning", &c, at));
        let q = qr_token(secret, 7, "2027-01-14-morning", w);
        assert!(accepts_qr(secret, 7, "2027-01-14-morning", &q, at + 30));
        assert!(!accepts_qr(secret, 7, "2027-01-14-morning", &q, at + 90));
        assert_ne!(q, qr_token(secret, 7, "2027-01-14-morning", w + 1));
        assert!(qr_svg("https://example.test/s/1", "QR « test »").starts_with("<svg role=\"img\""));
    }
}
