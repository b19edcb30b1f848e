//! The sheet of a half-day (or of an asynchronous activity) as the trainer reads it live: each
//! trainee's presence, the countersignatures and the red flags.

use super::*;

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
