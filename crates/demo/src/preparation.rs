//! What trainers and pilots prepare before trainings: accompaniment plans (one training left
//! without, to show the checklist at work), validation rules, the register of trainers
//! qualified in hybrid delivery (all but one), equipment checks, and the zone's holidays.

use crate::catalogue::TRAININGS;
use crate::TIME_ZONE;
use hybride_store::before::{self, AccompanimentInput, EquipmentInput, ValidationInput};
use hybride_store::qualifications;
use hybride_store::{Store, StoreError};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::ToSpan;

/// Writes everything prepared before the trainings (see the module's documentation).
pub(crate) async fn prepare(
    store: &Store,
    training_ids: &[i64],
    trainer_ids: &[i64],
    demo_pilot: i64,
    today: Date,
) -> Result<(), StoreError> {
    prepare_trainings(store, training_ids).await?;
    qualify_trainers(store, trainer_ids, demo_pilot, today).await?;
    check_equipment(store, trainer_ids, today).await?;
    school_holidays(store).await
}

/// Each training's accompaniment plan (all but the last training's) and validation rules.
async fn prepare_trainings(store: &Store, training_ids: &[i64]) -> Result<(), StoreError> {
    for (i, &tid) in training_ids.iter().enumerate() {
        let spec = &TRAININGS[i];
        if i + 1 < training_ids.len() {
            before::save_accompaniment(
                store,
                tid,
                &AccompanimentInput {
                    channels: "Forum du parcours M@gistère ; messagerie académique des formateurs".into(),
                    response_hours: if i % 3 == 0 { 72 } else { 48 },
                    working_days_only: true,
                    tutoring_slots: if i % 2 == 0 {
                        "Mercredi de 14 h à 15 h, en classe virtuelle".into()
                    } else {
                        "Jeudi de 17 h à 18 h, en classe virtuelle, sur inscription".into()
                    },
                    technical_contact: "Assistance EAFC : assistance.eafc@ac-demo.test, 04 72 00 00 00".into(),
                    exchange_hours: "Réponses du lundi au vendredi, de 8 h à 18 h ; aucune le week-end ni pendant les vacances scolaires".into(),
                },
            )
            .await?;
        }
        let p = spec.min_attendance_percent;
        before::save_validation_rules(
            store,
            tid,
            &ValidationInput {
                min_in_person_percent: p,
                min_synchronous_percent: p,
                min_asynchronous_percent: p.saturating_sub(5),
                mandatory_steps_required: true,
                evaluation_required: i % 4 == 0,
                half_day_threshold_percent: 80,
            },
        )
        .await?;
    }
    Ok(())
}

/// The register of trainers qualified in hybrid delivery: all but one, recorded by the demo
/// pilot some ten weeks before `today`.
async fn qualify_trainers(
    store: &Store,
    trainer_ids: &[i64],
    demo_pilot: i64,
    today: Date,
) -> Result<(), StoreError> {
    let trained_on = today.saturating_sub(75.days());
    for (i, &t) in trainer_ids.iter().enumerate() {
        if i == crate::trainers::ASKING || i == crate::trainers::TRAINED_IN_SESSION {
            // One trainer not yet trained, who asks (flagged to the pilot); one trained in a
            // session of the trainers' training, which records her itself.
            continue;
        }
        qualifications::add(
            store,
            &qualifications::ByHand {
                trainer_id: t,
                qualified_on: trained_on.saturating_add((i as i64 * 3).days()),
                trained_by: demo_pilot,
                content: "Atelier « Former en hybride » (6 h) : scénariser en articulant les modalités, animer une classe virtuelle, accompagner à distance.",
                reason: "Formé lors du plan précédent, avant la formation des formateurs dans Hybride ; feuille d’émargement papier conservée à l’EAFC.",
                recorded_by: demo_pilot,
            },
        )
        .await?;
    }
    Ok(())
}

/// The trainers' equipment checks: two not tested yet, one with a failed screen share.
async fn check_equipment(
    store: &Store,
    trainer_ids: &[i64],
    today: Date,
) -> Result<(), StoreError> {
    // Tested well before the first synchronous activity of any demo cohort.
    let tested_at = TimeZone::get(TIME_ZONE)
        .ok()
        .and_then(|tz| today.saturating_sub(60.days()).to_zoned(tz).ok())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(0);
    for (i, &t) in trainer_ids.iter().enumerate() {
        if i == 5 || i == 7 {
            continue; // equipment not tested yet
        }
        let screen = if i == 3 { "failed" } else { "ok" };
        before::record_equipment_check_at(
            store,
            t,
            &EquipmentInput {
                microphone: "ok".into(),
                speakers: "ok".into(),
                camera: if i % 2 == 0 {
                    "ok".into()
                } else {
                    "skipped".into()
                },
                screen_share: screen.into(),
                round_trip_ms: Some(18 + i as u32 * 4),
                browser: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0".into(),
            },
            tested_at,
        )
        .await?;
    }
    Ok(())
}

/// Zone A (Lyon, Grenoble): the official 2025-2026 calendar; the académie enters the next.
async fn school_holidays(store: &Store) -> Result<(), StoreError> {
    before::set_setting(store, "school_zone", "A").await?;
    let holidays = [
        ("Vacances de la Toussaint", (2025, 10, 18), (2025, 11, 2)),
        ("Vacances de Noël", (2025, 12, 20), (2026, 1, 4)),
        ("Vacances d’hiver", (2026, 2, 7), (2026, 2, 22)),
        ("Vacances de printemps", (2026, 4, 4), (2026, 4, 19)),
        ("Pont de l’Ascension", (2026, 5, 15), (2026, 5, 16)),
        ("Vacances d’été", (2026, 7, 4), (2026, 8, 31)),
    ];
    for (label, a, b) in holidays {
        let first = Date::new(a.0, a.1, a.2).map_err(|_| StoreError::Refused("demo_date"))?;
        let last = Date::new(b.0, b.1, b.2).map_err(|_| StoreError::Refused("demo_date"))?;
        before::add_school_holiday(store, "A", label, first, last).await?;
    }
    Ok(())
}
