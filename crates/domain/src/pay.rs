//! The trainer's pay (fiche de rémunération), after the arrêté du 7 mai 2012 fixing the pay of
//! people who train Éducation nationale staff as an accessory activity: an hourly rate by level of
//! the training (« sensibilisation et initiation » … « conférences exceptionnelles »), lump sums
//! for pedagogical engineering and for individual or group accompaniment (tutoring). The académie
//! sets its rates inside the arrêté's ranges; hours come from the attendance record; a half-day
//! led by several trainers is paid by the co-animation rule (e.g. 1.5 h per hour, shared).
//!
//! Money is in euro cents, time in minutes: no floating point.

use crate::modality::Modality;
use crate::{FieldErrors, Invalid};
use serde::{Deserialize, Serialize};

crate::words! {
    /// The level of a training, which sets its hourly band (arrêté du 7 mai 2012, art. 3).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum Band (refused_with_value "error-pay-band-unknown") {
        /// Sensibilisation et initiation: 25 € to 40 € per hour.
        Initiation = "initiation",
        /// Approfondissement: 30 € to 80 € per hour.
        Deepening = "deepening",
        /// Expertise: 35 € to 90 € per hour.
        Expertise = "expertise",
        /// Conférence occasionnelle: 40 € to 100 € per hour.
        Lecture = "lecture",
        /// Conférence exceptionnelle (only for people outside the ministry): 100 € to 175 €.
        ExceptionalLecture = "exceptional_lecture",
    }
}

impl Band {
    /// The arrêté's range for one hour, in cents.
    pub fn range(self) -> (i64, i64) {
        match self {
            Band::Initiation => (2_500, 4_000),
            Band::Deepening => (3_000, 8_000),
            Band::Expertise => (3_500, 9_000),
            Band::Lecture => (4_000, 10_000),
            Band::ExceptionalLecture => (10_000, 17_500),
        }
    }
}

crate::words! {
    /// A lump sum of the arrêté.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum LumpKind (refused_with_value "error-pay-lump-unknown") {
        /// Ingénierie pédagogique: taking part in designing programmes and resources, 30 € to 300 €.
        Engineering = "engineering",
        /// Accompagnement pédagogique (tutorat, individual or collective project): 100 € to 800 €.
        Tutoring = "tutoring",
    }
}

impl LumpKind {
    pub fn range(self) -> (i64, i64) {
        match self {
            LumpKind::Engineering => (3_000, 30_000),
            LumpKind::Tutoring => (10_000, 80_000),
        }
    }
}

/// The académie's rates: one hourly rate per band, a default amount per lump sum, and the
/// co-animation rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Rates {
    /// Cents per hour, in the order of `Band::ALL`.
    pub hourly: [i64; 5],
    /// Cents, in the order of `LumpKind::ALL`: what a new lump sum proposes.
    pub lumps: [i64; 2],
    /// Hours paid, in thousandths, for one hour led by several trainers, shared equally
    /// between them: 1500 pays 1.5 h for the hour, 0.75 h each for two trainers.
    pub coanimation_per_mille: i64,
}

impl Default for Rates {
    fn default() -> Rates {
        Rates {
            hourly: [3_000, 4_000, 5_000, 6_000, 12_000],
            lumps: [15_000, 20_000],
            coanimation_per_mille: 1_500,
        }
    }
}

/// The co-animation rule's bounds: from one hour shared (each of two trainers paid half) to
/// three hours (each of three paid in full).
pub const COANIMATION_RANGE: (i64, i64) = (1_000, 3_000);

impl Rates {
    pub fn hourly(&self, band: Band) -> i64 {
        self.hourly[Band::ALL.iter().position(|b| *b == band).unwrap_or(0)]
    }

    pub fn lump(&self, kind: LumpKind) -> i64 {
        self.lumps[LumpKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
    }

    /// Every rate inside the arrêté's range, field by field (`hourly_initiation`, …,
    /// `lump_engineering`, …, `coanimation`).
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        for (band, field) in Band::ALL.into_iter().zip(HOURLY_FIELDS) {
            if let Err(e) = within(self.hourly(band), band.range()) {
                errors.add(field, e);
            }
        }
        for (kind, field) in LumpKind::ALL.into_iter().zip(LUMP_FIELDS) {
            if let Err(e) = within(self.lump(kind), kind.range()) {
                errors.add(field, e);
            }
        }
        let (lo, hi) = COANIMATION_RANGE;
        if !(lo..=hi).contains(&self.coanimation_per_mille) {
            errors.add("coanimation", Invalid::new("error-pay-coanimation-range"));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// The form fields of the hourly rates, in the order of `Band::ALL`.
pub const HOURLY_FIELDS: [&str; 5] = [
    "hourly_initiation",
    "hourly_deepening",
    "hourly_expertise",
    "hourly_lecture",
    "hourly_exceptional_lecture",
];
/// The form fields of the lump sums, in the order of `LumpKind::ALL`.
pub const LUMP_FIELDS: [&str; 2] = ["lump_engineering", "lump_tutoring"];

/// Whether `cents` is inside the arrêté's `range`; the error names the range in euros.
pub fn within(cents: i64, (lo, hi): (i64, i64)) -> Result<i64, Invalid> {
    if (lo..=hi).contains(&cents) {
        Ok(cents)
    } else {
        Err(Invalid::with(
            "error-pay-out-of-range",
            format!("{} – {}", euros(lo), euros(hi)),
        ))
    }
}

/// An amount typed in euros (`40`, `40,50`, `40.5`, `1 200,00 €`) as cents.
pub fn parse_euros(raw: &str) -> Result<i64, Invalid> {
    let cleaned: String = raw
        .trim()
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    let err = || Invalid::with("error-pay-amount", raw.trim());
    if cleaned.is_empty() || cleaned.len() > 12 {
        return Err(err());
    }
    let (units, fraction) = match cleaned.split_once([',', '.']) {
        Some((u, f)) => (u, f),
        None => (cleaned.as_str(), ""),
    };
    if units.is_empty()
        || !units.chars().all(|c| c.is_ascii_digit())
        || fraction.len() > 2
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return Err(err());
    }
    let units: i64 = units.parse().map_err(|_| err())?;
    let cents: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| err())? * 10,
        _ => fraction.parse().map_err(|_| err())?,
    };
    Ok(units * 100 + cents)
}

/// `1 234,50 €` (French grouping with a narrow no-break space, a no-break space before €).
pub fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    let units = (c / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in units.chars().enumerate() {
        if i > 0 && (units.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(ch);
    }
    format!("{sign}{grouped},{:02}\u{a0}€", c % 100)
}

/// The co-animation rule's hours in thousandths as a decimal: `1,5`.
pub fn per_mille_words(v: i64) -> String {
    let units = v / 1000;
    let rest = v % 1000;
    if rest == 0 {
        units.to_string()
    } else {
        format!("{units},{}", format!("{rest:03}").trim_end_matches('0'))
    }
}

/// A half-day (or a whole synchronous activity) that took place, with who led it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Delivered {
    pub activity_id: i64,
    /// The half-day's key (`2026-11-29-am`).
    pub slot: String,
    /// When it started (Unix seconds), for ordering and dates.
    pub starts_at: i64,
    pub modality: Modality,
    /// The planned minutes of the half-day, as the attendance record credits them.
    pub minutes: i64,
    /// The trainers who led it (distinct).
    pub trainers: Vec<i64>,
}

/// Minutes paid to one trainer for `minutes` led by `co_trainers` trainers.
pub fn paid_minutes(minutes: i64, co_trainers: usize, coanimation_per_mille: i64) -> i64 {
    if co_trainers <= 1 {
        return minutes.max(0);
    }
    let n = co_trainers as i64;
    // Rounded to the nearest minute, halves up.
    (minutes.max(0) * coanimation_per_mille + 500 * n) / (1000 * n)
}

/// `minutes` at `cents_per_hour`, rounded to the nearest cent, halves up.
pub fn amount(minutes: i64, cents_per_hour: i64) -> i64 {
    (minutes.max(0) * cents_per_hour + 30) / 60
}

/// A lump sum granted to a trainer for a cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Lump {
    pub kind: LumpKind,
    pub cents: i64,
    pub note: String,
}

/// One line of a pay form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Line {
    /// `formation` for a half-day, otherwise the lump's kind.
    pub kind: String,
    pub activity_id: Option<i64>,
    pub slot: Option<String>,
    pub starts_at: Option<i64>,
    pub modality: Option<Modality>,
    /// Minutes the half-day lasted (formation lines).
    pub minutes: i64,
    /// How many trainers led it.
    pub co_trainers: usize,
    /// Minutes paid to this trainer.
    pub paid_minutes: i64,
    /// Cents per hour (formation) or the lump sum.
    pub rate_cents: i64,
    pub amount_cents: i64,
    pub note: String,
}

/// A trainer's pay for one cohort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PayForm {
    pub trainer_id: i64,
    pub band: Band,
    pub lines: Vec<Line>,
    /// Minutes led, before the co-animation rule.
    pub delivered_minutes: i64,
    pub paid_minutes: i64,
    pub formation_cents: i64,
    pub lumps_cents: i64,
    pub total_cents: i64,
}

/// The pay form of `trainer`: one line per half-day they led, then their lump sums.
pub fn form(
    trainer: i64,
    band: Band,
    rates: &Rates,
    delivered: &[Delivered],
    lumps: &[Lump],
) -> PayForm {
    let rate = rates.hourly(band);
    let mut lines: Vec<Line> = delivered
        .iter()
        .filter(|d| d.trainers.contains(&trainer))
        .map(|d| {
            let paid = paid_minutes(d.minutes, d.trainers.len(), rates.coanimation_per_mille);
            Line {
                kind: "formation".into(),
                activity_id: Some(d.activity_id),
                slot: Some(d.slot.clone()),
                starts_at: Some(d.starts_at),
                modality: Some(d.modality),
                minutes: d.minutes,
                co_trainers: d.trainers.len(),
                paid_minutes: paid,
                rate_cents: rate,
                amount_cents: amount(paid, rate),
                note: String::new(),
            }
        })
        .collect();
    lines.sort_by_key(|l| (l.starts_at, l.activity_id));
    let delivered_minutes = lines.iter().map(|l| l.minutes).sum();
    let paid = lines.iter().map(|l| l.paid_minutes).sum();
    let formation_cents: i64 = lines.iter().map(|l| l.amount_cents).sum();
    let mut lumps_cents = 0;
    for l in lumps {
        lumps_cents += l.cents;
        lines.push(Line {
            kind: l.kind.as_str().into(),
            activity_id: None,
            slot: None,
            starts_at: None,
            modality: None,
            minutes: 0,
            co_trainers: 1,
            paid_minutes: 0,
            rate_cents: l.cents,
            amount_cents: l.cents,
            note: l.note.clone(),
        });
    }
    PayForm {
        trainer_id: trainer,
        band,
        lines,
        delivered_minutes,
        paid_minutes: paid,
        formation_cents,
        lumps_cents,
        total_cents: formation_cents + lumps_cents,
    }
}

crate::words! {
    /// A trainer's statut, as the pay service needs it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum TrainerStatus (refused_with_value "error-pay-status-unknown") {
        /// Fonctionnaire of the Éducation nationale.
        Civil = "civil",
        /// Contractuel of the Éducation nationale.
        Contract = "contract",
        /// Another public employer.
        OtherPublic = "other_public",
        /// Outside the public service.
        External = "external",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn half_day(id: i64, minutes: i64, trainers: &[i64]) -> Delivered {
        Delivered {
            activity_id: id,
            slot: format!("2026-11-{:02}-am", id % 28 + 1),
            starts_at: 1_790_000_000 + id * 86_400,
            modality: Modality::InPerson,
            minutes,
            trainers: trainers.to_vec(),
        }
    }

    #[test]
    fn bands_and_lumps_follow_the_arrete() {
        assert_eq!(Band::Deepening.range(), (3_000, 8_000));
        assert_eq!(Band::ExceptionalLecture.range(), (10_000, 17_500));
        assert_eq!(LumpKind::Tutoring.range(), (10_000, 80_000));
        assert!(Rates::default().check().is_ok());
        let mut r = Rates::default();
        r.hourly[0] = 4_001;
        r.lumps[1] = 9_999;
        r.coanimation_per_mille = 999;
        let e = r.check().unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            ["hourly_initiation", "lump_tutoring", "coanimation"]
        );
        assert_eq!(e.0[0].1.arg.as_deref(), Some("25,00\u{a0}€ – 40,00\u{a0}€"));
        for b in Band::ALL {
            assert_eq!(Band::parse(b.as_str()), Ok(b));
        }
        assert!(Band::parse("gratuit").is_err());
    }

    #[test]
    fn euros_are_read_and_written_the_french_way() {
        assert_eq!(parse_euros("40"), Ok(4_000));
        assert_eq!(parse_euros("40,5"), Ok(4_050));
        assert_eq!(parse_euros(" 1 200,00 € "), Ok(120_000));
        assert_eq!(parse_euros("12.34"), Ok(1_234));
        for bad in ["", "-3", "4,567", "1e3", "quarante", ",5", "99999999999999"] {
            assert!(parse_euros(bad).is_err(), "{bad}");
        }
        assert_eq!(euros(123_450), "1\u{202f}234,50\u{a0}€");
        assert_eq!(euros(5), "0,05\u{a0}€");
        assert_eq!(per_mille_words(1_500), "1,5");
        assert_eq!(per_mille_words(2_000), "2");
        assert_eq!(per_mille_words(1_250), "1,25");
    }

    #[test]
    fn a_form_pays_the_half_days_led_and_the_lumps() {
        let rates = Rates::default();
        let delivered = [
            half_day(1, 180, &[7]),
            half_day(2, 180, &[7, 8]),
            half_day(3, 90, &[8]),
        ];
        let lumps = [Lump {
            kind: LumpKind::Tutoring,
            cents: 20_000,
            note: "forum".into(),
        }];
        let f = form(7, Band::Deepening, &rates, &delivered, &lumps);
        assert_eq!(f.delivered_minutes, 360);
        // 180 alone, then 180 × 1.5 / 2 = 135 shared.
        assert_eq!(f.paid_minutes, 315);
        assert_eq!(f.formation_cents, 315 * 4_000 / 60);
        assert_eq!(f.total_cents, 21_000 + 20_000);
        assert_eq!(f.lines.len(), 3);
        assert_eq!(f.lines[1].co_trainers, 2);
        let other = form(8, Band::Deepening, &rates, &delivered, &[]);
        assert_eq!(other.paid_minutes, 135 + 90);
    }

    proptest! {
        #[test]
        fn alone_a_trainer_is_paid_every_minute(minutes in 0i64..100_000, per_mille in 1_000i64..=3_000) {
            prop_assert_eq!(paid_minutes(minutes, 1, per_mille), minutes);
        }

        #[test]
        fn co_trainers_share_the_rule(minutes in 0i64..10_000, n in 2usize..6, per_mille in 1_000i64..=3_000) {
            let each = paid_minutes(minutes, n, per_mille);
            let exact = minutes * per_mille;
            // Each share is the exact share rounded to the nearest minute.
            prop_assert!((each * 1000 * n as i64 - exact).abs() <= 500 * n as i64);
            // Nobody is paid more than the half-day unless the rule says so.
            prop_assert!(each <= minutes * per_mille / 1000 + 1);
        }

        #[test]
        fn totals_are_the_sum_of_the_lines(
            halves in proptest::collection::vec((1i64..600, proptest::collection::btree_set(1i64..5, 1..4)), 0..20),
            lumps in proptest::collection::vec(0i64..80_000, 0..3),
        ) {
            let delivered: Vec<Delivered> = halves
                .iter()
                .enumerate()
                .map(|(i, (m, t))| half_day(i as i64, *m, &t.iter().copied().collect::<Vec<_>>()))
                .collect();
            let lumps: Vec<Lump> = lumps
                .into_iter()
                .map(|c| Lump { kind: LumpKind::Engineering, cents: c, note: String::new() })
                .collect();
            let f = form(1, Band::Expertise, &Rates::default(), &delivered, &lumps);
            prop_assert_eq!(f.total_cents, f.lines.iter().map(|l| l.amount_cents).sum::<i64>());
            prop_assert_eq!(
                f.delivered_minutes,
                delivered.iter().filter(|d| d.trainers.contains(&1)).map(|d| d.minutes).sum::<i64>()
            );
            prop_assert!(f.paid_minutes <= f.delivered_minutes * 3);
        }

        #[test]
        fn typed_amounts_never_panic(raw in ".{0,20}") {
            let _ = parse_euros(&raw);
        }

        #[test]
        fn written_amounts_read_back(cents in 0i64..100_000_000) {
            prop_assert_eq!(parse_euros(&euros(cents)), Ok(cents));
        }
    }
}
