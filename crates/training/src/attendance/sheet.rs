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
    /// Every trainer who countersigned (co-animation), in order, each with their first
    /// countersignature.
    pub countersigners: Vec<Countersignature>,
    /// Where the half-day stands: not countersigned, countersigned, or to countersign again
    /// (marks came after its last countersignature).
    pub countersigning: Countersigning,
    /// Every countersignature, in order, each with what it attests.
    pub countersignatures: Vec<Countersignature>,
    /// The marks recorded after the half-day was first countersigned, in record order.
    pub corrections: Vec<SheetCorrection>,
    /// Whether the half-day has ended (countersigning before then needs a reason).
    pub ended: bool,
    pub flags: Vec<RedFlag>,
    /// Whether signing is open now.
    pub open: bool,
    pub threshold_percent: u8,
    /// A digest of the events behind the sheet, so that a printed sheet can be checked
    /// against the record; what a countersignature of it attests.
    pub fingerprint: String,
    /// The half-day read against its countersignatures (none for asynchronous work).
    #[serde(skip)]
    freeze: Option<rules::Freeze>,
}

impl Sheet {
    /// Whether `trainer` has something to countersign here: the half-day, if they never did,
    /// or what was recorded since they last did (the domain's rule, [`rules::Freeze::awaits`]).
    pub fn awaits(&self, trainer: i64) -> bool {
        self.freeze.as_ref().is_some_and(|f| f.awaits(trainer))
    }
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

/// What one sheet is drawn from, gathered at once by [`sheet_facts`].
#[derive(Debug, Clone, Default)]
pub struct SheetFacts {
    /// Every event of the activity, in record order.
    pub events: Vec<Event>,
    pub enrollments: Vec<cohorts::Enrollment>,
    /// The trainees' exchanges (asynchronous activities only).
    pub exchanges: Vec<hybride_store::discussion::Exchanges>,
    /// The half-day's staff (who marked or countersigned it) and every half-day each
    /// countersigned (half-days only).
    pub countersigns: Vec<record::HalfDayStaff>,
}

impl SheetFacts {
    pub fn source(&self) -> SheetSource<'_> {
        SheetSource {
            events: &self.events,
            enrollments: &self.enrollments,
            exchanges: &self.exchanges,
            countersigns: &self.countersigns,
        }
    }
}

/// What [`sheet_from`] reads: [`SheetFacts`] borrowed, or slices of what was gathered for a
/// whole cohort (`events` must then be the activity's only).
#[derive(Debug, Clone, Copy)]
pub struct SheetSource<'a> {
    pub events: &'a [Event],
    pub enrollments: &'a [cohorts::Enrollment],
    pub exchanges: &'a [hybride_store::discussion::Exchanges],
    pub countersigns: &'a [record::HalfDayStaff],
}

/// Gathers what the sheet of one activity's half-day (`slot`), or of an asynchronous activity,
/// is drawn from: two statements (the activity's events, the cohort's trainees) and one more
/// (the trainees' exchanges for an asynchronous activity, the staff of a half-day),
/// whatever the number of trainees or trainers.
pub async fn sheet_facts(
    store: &Store,
    c: &Cohort,
    a: &Activity,
    slot: Option<Slot>,
) -> Result<SheetFacts, Error> {
    let events = record::of_activity(store, a.id).await?;
    let enrollments = cohorts::enrollments(store, c.id).await?;
    let exchanges = if a.modality == Modality::Async {
        hybride_store::discussion::exchanges(store, c.id).await?
    } else {
        Vec::new()
    };
    let countersigns = match slot {
        Some(s) => record::half_day_staff(store, a.id, &s.key()).await?,
        None => Vec::new(),
    };
    Ok(SheetFacts {
        events,
        enrollments,
        exchanges,
        countersigns,
    })
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
    let facts = sheet_facts(store, c, a, slot).await?;
    Ok(sheet_from(
        facts.source(),
        c,
        a,
        steps,
        slot,
        rules,
        hybride_store::now(),
    ))
}

/// The sheet of [`sheet`], drawn from what was gathered, at `now`.
pub fn sheet_from(
    src: SheetSource<'_>,
    c: &Cohort,
    a: &Activity,
    steps: &[Step],
    slot: Option<Slot>,
    rules: &Rules,
    now: i64,
) -> Sheet {
    let key = slot.map(|s| s.key());
    let (rows, signed, absent) = rows_of(src, a, slot, rules);
    let day: Vec<&Event> = src
        .events
        .iter()
        .filter(|e| key.is_none() || e.slot == key)
        .collect();
    let frozen = countersigning::frozen(src, slot.as_ref(), &day);
    let countersigners = frozen.countersigners();
    let flags = flags_of(src, a, slot, &countersigners);
    let open =
        slot.is_some_and(|s| s.contains(now, rules::SIGN_MARGIN_SECONDS)) && c.status.is_editable();
    Sheet {
        activity_id: a.id,
        modality: a.modality,
        slot,
        slots: slots(a, steps),
        total: rows.len(),
        rows,
        signed,
        absent,
        countersigned: countersigners.first().cloned(),
        countersigners,
        countersigning: frozen.state,
        countersignatures: frozen.countersignatures,
        corrections: frozen.corrections,
        ended: slot.is_some_and(|s| now >= s.ends_at),
        flags,
        open,
        threshold_percent: rules.threshold,
        fingerprint: record::fingerprint(day),
        freeze: frozen.freeze,
    }
}

/// Each trainee's line, and how many attended (or declared) and how many are absent.
fn rows_of(
    src: SheetSource<'_>,
    a: &Activity,
    slot: Option<Slot>,
    rules: &Rules,
) -> (Vec<SheetRow>, usize, usize) {
    let key = slot.map(|s| s.key());
    let exchanges: HashMap<i64, hybride_store::discussion::Exchanges> =
        src.exchanges.iter().map(|x| (x.user_id, *x)).collect();
    // Each person's marks of this half-day (or of the asynchronous work), gathered in one pass.
    let mut by_subject: HashMap<i64, Vec<hybride_domain::attendance::Mark>> = HashMap::new();
    for e in src.events.iter().filter(|e| key.is_none() || e.slot == key) {
        by_subject.entry(e.subject_id).or_default().push(e.mark());
    }
    let marks_of = |user: i64| by_subject.get(&user).map(Vec::as_slice).unwrap_or(&[]);
    let mut rows = Vec::with_capacity(src.enrollments.len());
    let (mut signed, mut absent) = (0, 0);
    for e in src.enrollments {
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
    (rows, signed, absent)
}

/// The half-day's red flags, and each countersigner's being in two places at once.
fn flags_of(
    src: SheetSource<'_>,
    a: &Activity,
    slot: Option<Slot>,
    countersigners: &[Countersignature],
) -> Vec<RedFlag> {
    let marks: Vec<_> = src.events.iter().map(Event::mark).collect();
    let mut flags = match &slot {
        Some(s) if a.modality == Modality::InPerson => {
            rules::red_flags(std::slice::from_ref(s), &marks, a.capacity)
        }
        _ => Vec::new(),
    };
    if let Some(k) = slot.map(|s| s.key()) {
        for cs in countersigners {
            let rows: Vec<record::CountersignRow> = src
                .countersigns
                .iter()
                .filter(|x| x.user_id == cs.trainer_id)
                .filter_map(record::HalfDayStaff::countersign)
                .collect();
            flags.extend(two_places(cs.trainer_id, rows.iter(), a.id, &k));
        }
    }
    flags
}

/// Whether the trainer who countersigned this half-day countersigned another, overlapping one
/// elsewhere, from the half-days they countersigned (by time).
fn two_places<'a>(
    trainer: i64,
    rows: impl Iterator<Item = &'a record::CountersignRow>,
    activity: i64,
    key: &str,
) -> Vec<RedFlag> {
    let tz = paris();
    let list: Vec<rules::Countersign> = rows
        .filter_map(|r| {
            let slot_key = r.slot.clone()?;
            let s = rules::half_days(r.starts_at, r.ends_at, None, &tz)
                .into_iter()
                .find(|s| s.key() == slot_key)?;
            Some(rules::Countersign {
                trainer,
                activity: r.activity_id,
                place: r.place.clone().unwrap_or_default(),
                slot: slot_key,
                starts_at: s.starts_at,
                ends_at: s.ends_at,
            })
        })
        .collect();
    rules::two_places(&list)
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
        .collect()
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
