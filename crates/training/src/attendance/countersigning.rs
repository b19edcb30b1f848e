//! A trainer countersigns a half-day, and the sheet reads what came after as corrections: the
//! use case, the sheet's countersignatures and corrections drawn from the record, and their
//! words, the same on the page, in the PDF and in the CSV. The rule itself is the domain's
//! (`hybride_domain::attendance::freeze`, `countersign_refusal`).

use super::*;
use crate::i18n::{instant_words, t, tr};

/// The trainer's countersignature of a half-day.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Countersignature {
    pub trainer_id: i64,
    pub name: String,
    pub at: i64,
    /// The fingerprint of the half-day's marks it attests: those its trainer read.
    pub attests: String,
    /// Whether it came before the half-day's end (then with its reason).
    pub early: bool,
    /// The reason given with it.
    pub reason: Option<String>,
    /// Whether it attests corrections recorded after an earlier countersignature.
    pub again: bool,
}

/// A mark recorded after the half-day was countersigned: a correction.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SheetCorrection {
    /// The trainee the mark is about.
    pub user_id: i64,
    pub kind: Kind,
    pub channel: Channel,
    /// When it was recorded.
    pub at: i64,
    /// Who recorded it.
    pub author_id: i64,
    pub author: String,
    /// A late arrival's or an early departure's time.
    pub moment: Option<i64>,
    pub minutes: Option<i64>,
    pub note: Option<String>,
    /// When a countersignature attested it; none while it waits for one.
    pub countersigned_at: Option<i64>,
}

/// What a half-day's countersignatures make of its marks, for its sheet.
pub(super) struct Frozen {
    /// None for asynchronous work.
    pub freeze: Option<rules::Freeze>,
    pub state: Countersigning,
    pub countersignatures: Vec<Countersignature>,
    pub corrections: Vec<SheetCorrection>,
}

impl Frozen {
    /// Each trainer who countersigned, with their first countersignature, in order.
    pub fn countersigners(&self) -> Vec<Countersignature> {
        let mut out: Vec<Countersignature> = Vec::new();
        for cs in &self.countersignatures {
            if out.iter().all(|x| x.trainer_id != cs.trainer_id) {
                out.push(cs.clone());
            }
        }
        out
    }
}

/// Reads one half-day's events (record order) against its countersignatures, naming people
/// from the trainees and the half-day's staff; nothing for asynchronous work (`slot` none).
pub(super) fn frozen(src: SheetSource<'_>, slot: Option<&Slot>, day: &[&Event]) -> Frozen {
    let mut out = Frozen {
        freeze: None,
        state: Countersigning::NotCountersigned,
        countersignatures: Vec::new(),
        corrections: Vec::new(),
    };
    let Some(slot) = slot else {
        return out;
    };
    let f = record::freeze(day);
    out.state = f.state;
    if !f.attestations.is_empty() {
        let names = names_of(src);
        let name = |id: i64| names.get(&id).cloned().unwrap_or_default();
        out.countersignatures = f
            .attestations
            .iter()
            .enumerate()
            .map(|(j, a)| {
                let e = day[a.index];
                Countersignature {
                    trainer_id: e.subject_id,
                    name: name(e.subject_id),
                    at: e.at,
                    attests: record::fingerprint(day[..a.attests].iter().copied()),
                    early: e.at < slot.ends_at,
                    reason: e.note.clone(),
                    again: f.corrections.iter().any(|c| c.attested_by == Some(j)),
                }
            })
            .collect();
        out.corrections = f
            .corrections
            .iter()
            .map(|c| {
                let e = day[c.index];
                SheetCorrection {
                    user_id: e.subject_id,
                    kind: e.kind,
                    channel: e.channel,
                    at: e.at,
                    author_id: e.actor_id,
                    author: name(e.actor_id),
                    moment: e.moment,
                    minutes: e.minutes,
                    note: e.note.clone(),
                    countersigned_at: c.attested_by.map(|j| day[f.attestations[j].index].at),
                }
            })
            .collect();
    }
    out.freeze = Some(f);
    out
}

/// The names of the trainees and of the half-day's staff, as documents show them.
fn names_of(src: SheetSource<'_>) -> HashMap<i64, String> {
    let mut names: HashMap<i64, String> = src
        .enrollments
        .iter()
        .map(|e| (e.user_id, format!("{} {}", e.first_name, e.last_name)))
        .collect();
    for s in src.countersigns {
        names.insert(s.user_id, s.display_name());
    }
    names
}

/// A trainer countersigns one half-day. What they read (`seen`: the sheet's fingerprint) must
/// be the record as it stands (else `sheet-changed`), and it is what the countersignature
/// attests; before the half-day's end, a reason is required, kept with it. Refused when the
/// trainer has nothing new to countersign, and once the cohort is closed.
pub async fn countersign(
    s: &Store,
    c: &Cohort,
    a: &Activity,
    slot: Slot,
    trainer: i64,
    seen: &str,
    reason_raw: &str,
) -> Result<Result<Event, Refusal>, Error> {
    if !c.status.is_editable() {
        return Ok(Err("closed"));
    }
    let key = slot.key();
    let events = record::of_activity(s, a.id).await?;
    let day: Vec<&Event> = events
        .iter()
        .filter(|e| e.slot.as_deref() == Some(key.as_str()))
        .collect();
    let current = record::fingerprint(day.iter().copied());
    if seen.trim() != current {
        return Ok(Err("sheet-changed"));
    }
    let why = reason(reason_raw);
    let freeze = record::freeze(&day);
    if let Some(r) = rules::countersign_refusal(&slot, &freeze, trainer, now(), why.is_some()) {
        return Ok(Err(r));
    }
    Ok(Ok(mark(
        s,
        a,
        Some(&key),
        trainer,
        Kind::Countersigned,
        Channel::Trainer,
        trainer,
        Extra {
            note: why,
            attests: Some(current),
            ..Extra::default()
        },
    )
    .await?))
}

/// A correction in words: whose, what, when, by whom, and whether it is countersigned again;
/// and all of it on one line, for a cell of the PDF and the CSV.
#[derive(Debug, Clone, Serialize)]
pub struct CorrectionWords {
    pub user_id: i64,
    /// Whether it waits for a countersignature.
    pub pending: bool,
    pub trainee: String,
    pub what: String,
    pub when: String,
    pub author: String,
    pub status: String,
    pub line: String,
}

/// The sheet's corrections in words, in record order.
pub fn corrections_words(lang: Lang, sheet: &Sheet) -> Vec<CorrectionWords> {
    sheet
        .corrections
        .iter()
        .map(|c| {
            let what = mark_words(lang, c);
            let when = instant_words(lang, c.at);
            let status = match c.countersigned_at {
                Some(at) => tr(
                    lang,
                    "correction-countersigned",
                    &[("when", instant_words(lang, at))],
                ),
                None => t(lang, "correction-pending"),
            };
            let line = tr(
                lang,
                "correction-line",
                &[
                    ("what", what.clone()),
                    ("when", when.clone()),
                    ("author", c.author.clone()),
                    ("status", status.clone()),
                ],
            );
            CorrectionWords {
                user_id: c.user_id,
                pending: c.countersigned_at.is_none(),
                trainee: sheet
                    .rows
                    .iter()
                    .find(|r| r.user_id == c.user_id)
                    .map(|r| format!("{} {}", r.last_name, r.first_name))
                    .unwrap_or_default(),
                what,
                when,
                author: c.author.clone(),
                status,
                line,
            }
        })
        .collect()
}

/// What a correction did, in words.
fn mark_words(lang: Lang, c: &SheetCorrection) -> String {
    let time = c
        .moment
        .map(|m| crate::i18n::clock(lang, m))
        .unwrap_or_default();
    tr(
        lang,
        &format!("mark-{}", c.kind.as_str()),
        &[
            (
                "channel",
                t(lang, &format!("channel-{}", c.channel.as_str())),
            ),
            ("time", time),
            ("reason", c.note.clone().unwrap_or_default()),
            ("minutes", c.minutes.unwrap_or_default().to_string()),
        ],
    )
}

/// A countersignature in words: who and when, then why before the end, then what it attests.
pub fn countersignature_words(lang: Lang, cs: &Countersignature) -> Vec<String> {
    let mut out = vec![tr(
        lang,
        if cs.again {
            "sheet-countersigned-again-by"
        } else {
            "sheet-countersigned-by"
        },
        &[
            ("name", cs.name.clone()),
            (
                "day",
                crate::i18n::day_words(lang, hybride_domain::time::civil(cs.at).date()),
            ),
            ("time", crate::i18n::clock(lang, cs.at)),
        ],
    )];
    if let Some(r) = &cs.reason {
        let key = if cs.early {
            "sheet-countersign-early-reason"
        } else {
            "sheet-countersign-reason-given"
        };
        out.push(tr(lang, key, &[("reason", r.clone())]));
    }
    out.push(tr(
        lang,
        "sheet-countersign-attests",
        &[("value", cs.attests.clone())],
    ));
    out
}

/// Where the half-day stands, in words, when it waits to be countersigned (again).
pub fn countersigning_words(lang: Lang, sheet: &Sheet) -> Option<String> {
    match sheet.countersigning {
        Countersigning::Countersigned => None,
        Countersigning::NotCountersigned => Some(t(lang, "sheet-not-countersigned")),
        Countersigning::ToCountersignAgain => Some(tr(
            lang,
            "sheet-to-countersign-again",
            &[(
                "count",
                sheet
                    .corrections
                    .iter()
                    .filter(|c| c.countersigned_at.is_none())
                    .count()
                    .to_string(),
            )],
        )),
    }
}
