//! `hybride seed --scale …`: an académie-sized plan for benchmarks, written in bulk.
//!
//! `academie` is the size issue 7 asks for: 85,000 staff, 2,500 trainings of five steps,
//! 8,000 cohorts (alternately 30 and 20 trainees: 200,000 enrollments), five activities each
//! (40,000), ten attendance events per enrollment (2,000,000), every cohort's events chained with
//! the store's own hash. `small` is a tenth of it, `tiny` a few hundred rows (for tests).
//!
//! Predictable for the load script: cohort 0 is the bench cohort, 30 trainees, whose in-person
//! half-days (activity 4) and virtual class (activity 2) run today from 08:00 to 20:00 (Paris);
//! `bench-formateur@bench.hybride.test` trains it and the next cohorts, `bench-stagiaire@…` is one
//! of its trainees with a personal join link into today's virtual class; both (and
//! `bench-admin@…`, `bench-pilote@…`) log in with the password `bench`.

use anyhow::Context;
use hybride_domain::attendance::{half_days, Channel, Kind, Slot};
use hybride_store::attendance::{Event, GENESIS};
use hybride_store::scale::{self as bulk, Cell, Loader};
use hybride_store::Store;
use jiff::civil::{date, Date};
use jiff::tz::TimeZone;
use std::path::Path;
use std::time::Instant;

pub const PASSWORD: &str = "bench";
pub const DOMAIN: &str = "bench.hybride.test";
const SCHOOL_YEAR: &str = "2026-2027";

/// How big a plan to generate.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub staff: i64,
    pub admins: i64,
    pub pilots: i64,
    pub trainers: i64,
    pub trainings: i64,
    pub cohorts: i64,
    /// Cohorts the bench trainer also trains (the write benchmark rotates over them).
    pub bench_cohorts: i64,
}

pub const STEPS_PER_TRAINING: i64 = 5;
pub const ACTIVITIES_PER_COHORT: i64 = 5;
pub const EVENTS_PER_ENROLLMENT: i64 = 10;

impl Scale {
    pub fn named(name: &str) -> Option<Scale> {
        match name {
            "academie" => Some(Scale {
                staff: 85_000,
                admins: 10,
                pilots: 150,
                trainers: 2_000,
                trainings: 2_500,
                cohorts: 8_000,
                bench_cohorts: 64,
            }),
            "small" => Some(Scale {
                staff: 8_500,
                admins: 5,
                pilots: 15,
                trainers: 200,
                trainings: 250,
                cohorts: 800,
                bench_cohorts: 32,
            }),
            "tiny" => Some(Scale {
                staff: 400,
                admins: 2,
                pilots: 4,
                trainers: 16,
                trainings: 10,
                cohorts: 32,
                bench_cohorts: 8,
            }),
            _ => None,
        }
    }

    pub fn trainees(&self) -> i64 {
        self.staff - self.admins - self.pilots - self.trainers
    }

    /// Trainees of cohort `i`: 30 and 20 in turn (cohort 0, the bench cohort, has 30).
    pub fn cohort_size(i: i64) -> i64 {
        if i % 2 == 0 {
            30
        } else {
            20
        }
    }

    pub fn enrollments(&self) -> i64 {
        (0..self.cohorts).map(Scale::cohort_size).sum()
    }

    pub fn activities(&self) -> i64 {
        self.cohorts * ACTIVITIES_PER_COHORT
    }

    pub fn events(&self) -> i64 {
        self.enrollments() * EVENTS_PER_ENROLLMENT
    }

    pub fn steps(&self) -> i64 {
        self.trainings * STEPS_PER_TRAINING
    }

    fn cohort_trainers(&self) -> i64 {
        (1..self.bench_cohorts.min(self.cohorts))
            .filter(|i| i % self.trainers != 0)
            .count() as i64
            + self.cohorts
    }

    fn training_trainers(&self) -> i64 {
        self.trainings * if self.trainers > 1 { 2 } else { 1 }
    }

    /// Every row written, for the progress bar.
    fn rows(&self) -> u64 {
        (self.staff
            + 1
            + self.trainings * 2
            + self.steps()
            + self.training_trainers()
            + self.cohorts
            + self.cohort_trainers()
            + self.enrollments()
            + self.activities()
            + self.events()
            + self.cohorts) as u64
    }
}

fn paris() -> TimeZone {
    TimeZone::get("Europe/Paris").unwrap_or(TimeZone::UTC)
}

fn local_ts(d: Date, hour: i8, minute: i8, tz: &TimeZone) -> anyhow::Result<i64> {
    Ok(d.at(hour, minute, 0, 0)
        .to_zoned(tz.clone())?
        .timestamp()
        .as_second())
}

const LAST_NAMES: [&str; 24] = [
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
];
const FIRST_NAMES: [&str; 20] = [
    "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Jade", "Louise", "Emma", "Zoé", "Lucas",
    "Hugo", "Nathan", "Louis", "Jules", "Gabriel", "Arthur", "Théo", "Raphaël", "Noé",
];
const THEMES: [&str; 10] = [
    "Enseigner la lecture au cycle 2",
    "Évaluer par compétences",
    "Différencier en mathématiques",
    "L’oral au collège",
    "Numérique et apprentissages",
    "Inclusion des élèves à besoins particuliers",
    "Climat scolaire et harcèlement",
    "Sciences expérimentales au lycée",
    "Langues vivantes : la tâche finale",
    "Éducation au développement durable",
];

/// One step of every training's scenario: modality, learning type, title, minutes.
const STEPS: [(&str, &str, &str, i64); 5] = [
    ("in_person", "practice", "Journée de lancement", 360),
    (
        "virtual_class",
        "discussion",
        "Classe virtuelle : retour d’expérience",
        90,
    ),
    ("async", "production", "Production d’une séquence", 180),
    (
        "in_person",
        "collaboration",
        "Atelier d’analyse de pratiques",
        180,
    ),
    ("async", "investigation", "Lectures et questionnaire", 120),
];

/// What the load script needs to know of the seeded plan.
#[derive(Debug, Clone)]
pub struct Facts {
    pub cohort_id: i64,
    pub activity_id: i64,
    pub slot: String,
    pub virtual_activity_id: i64,
    pub join_token: String,
    /// Half-days the bench trainer may mark: (activity, slot, trainee).
    pub marks: Vec<(i64, String, i64)>,
}

struct Role {
    first: i64,
    count: i64,
    key: &'static str,
    bench: &'static str,
    email: &'static str,
}

/// Seeds the plan; prints the facts, elapsed time and database size.
pub async fn run(url: &str, name: &str, facts_file: Option<&Path>) -> anyhow::Result<()> {
    let scale = Scale::named(name)
        .ok_or_else(|| anyhow::anyhow!("échelle inconnue « {name} » : academie, small ou tiny"))?;
    let started = Instant::now();
    let store = Store::open(url).await?;
    let bench_admin = format!("bench-admin@{DOMAIN}");
    if bulk::email_taken(&store, &bench_admin).await? {
        anyhow::bail!("cette base contient déjà un jeu de banc d’essai ({bench_admin})");
    }
    let hash = hybride_training::password::hash_async(PASSWORD.to_owned()).await?;
    let progress = indicatif::ProgressBar::new(scale.rows());
    progress.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg:22} [{elapsed_precise}] [{bar:40}] {pos}/{len} lignes ({per_sec}, reste {eta})",
        )?
        .progress_chars("=> "),
    );
    let facts = seed(&store, scale, &hash, &progress).await?;
    progress.set_message("statistiques");
    bulk::analyze(&store).await?;
    progress.finish_with_message("terminé");
    let size = bulk::size_bytes(&store).await?;
    let elapsed = started.elapsed();
    store.close().await;
    if let Some(path) = facts_file {
        write_facts(path, &facts)?;
    }
    println!(
        "Plan « {name} » semé en {:.1} s : {} personnels, {} formations, {} sessions, {} inscriptions, {} activités, {} événements de présence.",
        elapsed.as_secs_f64(),
        scale.staff,
        scale.trainings,
        scale.cohorts,
        scale.enrollments(),
        scale.activities(),
        scale.events(),
    );
    println!(
        "Taille de la base : {size} octets ({:.1} Mio).",
        size as f64 / 1_048_576.0
    );
    println!(
        "Comptes de banc d’essai (mot de passe « {PASSWORD} ») : bench-admin@{DOMAIN}, bench-pilote@{DOMAIN}, bench-formateur@{DOMAIN}, bench-stagiaire@{DOMAIN}"
    );
    println!(
        "Session de banc d’essai {} : émargement /cohorts/{}/activities/{}/attendance?slot={}, lien personnel /j/{}",
        facts.cohort_id, facts.cohort_id, facts.activity_id, facts.slot, facts.join_token
    );
    Ok(())
}

fn write_facts(path: &Path, f: &Facts) -> anyhow::Result<()> {
    use std::fmt::Write;
    let marks_path = path.with_extension("marks");
    let mut env = String::new();
    writeln!(env, "BENCH_COHORT={}", f.cohort_id)?;
    writeln!(env, "BENCH_ACTIVITY={}", f.activity_id)?;
    writeln!(env, "BENCH_SLOT={}", f.slot)?;
    writeln!(env, "BENCH_VIRTUAL_ACTIVITY={}", f.virtual_activity_id)?;
    writeln!(env, "BENCH_JOIN_TOKEN={}", f.join_token)?;
    writeln!(env, "BENCH_ADMIN=bench-admin@{DOMAIN}")?;
    writeln!(env, "BENCH_PILOT=bench-pilote@{DOMAIN}")?;
    writeln!(env, "BENCH_TRAINER=bench-formateur@{DOMAIN}")?;
    writeln!(env, "BENCH_TRAINEE=bench-stagiaire@{DOMAIN}")?;
    writeln!(env, "BENCH_PASSWORD={PASSWORD}")?;
    writeln!(env, "BENCH_MARKS={}", marks_path.display())?;
    std::fs::write(path, env).with_context(|| format!("writing {}", path.display()))?;
    let mut marks = String::new();
    for (a, slot, u) in &f.marks {
        writeln!(marks, "{a} {slot} {u}")?;
    }
    std::fs::write(&marks_path, marks)
        .with_context(|| format!("writing {}", marks_path.display()))?;
    Ok(())
}

async fn finish(
    loader: Loader<'_>,
    progress: &indicatif::ProgressBar,
    expected: i64,
) -> anyhow::Result<()> {
    let table = loader.table();
    let before = loader.written();
    let n = loader.finish().await?;
    progress.inc(n);
    let total = before + n;
    anyhow::ensure!(
        total as i64 == expected,
        "{table} : {total} lignes écrites, {expected} attendues"
    );
    Ok(())
}

async fn push(
    loader: &mut Loader<'_>,
    progress: &indicatif::ProgressBar,
    row: Vec<Cell>,
) -> anyhow::Result<()> {
    let n = loader.push(row).await?;
    if n > 0 {
        progress.inc(n);
    }
    Ok(())
}

async fn seed(
    store: &Store,
    scale: Scale,
    hash: &str,
    progress: &indicatif::ProgressBar,
) -> anyhow::Result<Facts> {
    let tz = paris();
    let now = jiff::Timestamp::now();
    let today = now.to_zoned(tz.clone()).date();
    let created = now.as_second();
    anyhow::ensure!(
        scale.trainees() >= 30 && scale.trainers >= 1 && scale.pilots >= 1 && scale.admins >= 1,
        "échelle trop petite"
    );

    // Accounts: admins, pilots, trainers, trainees, in that order of ids.
    let user0 = bulk::next_id(store, "users").await?;
    let roles = [
        Role {
            first: 0,
            count: scale.admins,
            key: "admin",
            bench: "bench-admin",
            email: "admin",
        },
        Role {
            first: scale.admins,
            count: scale.pilots,
            key: "pilot",
            bench: "bench-pilote",
            email: "pilote",
        },
        Role {
            first: scale.admins + scale.pilots,
            count: scale.trainers,
            key: "trainer",
            bench: "bench-formateur",
            email: "formateur",
        },
        Role {
            first: scale.admins + scale.pilots + scale.trainers,
            count: scale.trainees(),
            key: "trainee",
            bench: "bench-stagiaire",
            email: "stagiaire",
        },
    ];
    let pilot = |k: i64| user0 + roles[1].first + k % scale.pilots;
    let trainer = |k: i64| user0 + roles[2].first + k % scale.trainers;
    let trainee = |k: i64| user0 + roles[3].first + k % scale.trainees();

    progress.set_message("comptes");
    let mut l = Loader::new(
        store,
        "users",
        &[
            "id",
            "email",
            "last_name",
            "first_name",
            "role",
            "establishment",
            "password_hash",
            "active",
            "locale",
            "created_at",
        ],
    );
    for r in &roles {
        for k in 0..r.count {
            let idx = r.first + k;
            let email = if k == 0 {
                format!("{}@{DOMAIN}", r.bench)
            } else {
                format!("{}{k}@{DOMAIN}", r.email)
            };
            let establishment = (r.key == "trainee").then(|| {
                format!(
                    "{} n° {}",
                    if k % 3 == 0 { "Lycée" } else { "Collège" },
                    k % 700 + 1
                )
            });
            push(
                &mut l,
                progress,
                vec![
                    (user0 + idx).into(),
                    email.into(),
                    LAST_NAMES[(idx as usize / 7) % LAST_NAMES.len()].into(),
                    FIRST_NAMES[idx as usize % FIRST_NAMES.len()].into(),
                    r.key.into(),
                    establishment.into(),
                    (k == 0).then(|| hash.to_owned()).into(),
                    1i64.into(),
                    "fr".into(),
                    created.into(),
                ],
            )
            .await?;
        }
    }
    finish(l, progress, scale.staff).await?;

    // The plan.
    let plan_id = match bulk::plan_of_year(store, SCHOOL_YEAR).await? {
        Some(id) => id,
        None => {
            let id = bulk::next_id(store, "plans").await?;
            let mut l = Loader::new(
                store,
                "plans",
                &["id", "school_year", "title", "created_at"],
            );
            push(
                &mut l,
                progress,
                vec![
                    id.into(),
                    SCHOOL_YEAR.into(),
                    "Plan académique de formation 2026-2027".into(),
                    created.into(),
                ],
            )
            .await?;
            finish(l, progress, 1).await?;
            id
        }
    };

    // Trainings, their validation rules, scenarios and trainers.
    progress.set_message("formations");
    let training0 = bulk::next_id(store, "trainings").await?;
    let mut l = Loader::new(
        store,
        "trainings",
        &[
            "id",
            "plan_id",
            "dispositif_id",
            "module_id",
            "title",
            "objectives",
            "public",
            "in_person_minutes",
            "synchronous_minutes",
            "asynchronous_minutes",
            "validation_criteria",
            "min_attendance_percent",
            "pilot_id",
            "created_at",
        ],
    );
    for j in 0..scale.trainings {
        push(
            &mut l,
            progress,
            vec![
                (training0 + j).into(),
                plan_id.into(),
                format!("26A{:07}", 9_000_000 + j).into(),
                format!("{}", 100_000 + j).into(),
                format!("{} ({})", THEMES[j as usize % THEMES.len()], j + 1).into(),
                "Concevoir, mettre en œuvre et analyser une séquence ; échanger sur les pratiques."
                    .into(),
                "Professeurs du second degré".into(),
                540i64.into(),
                90i64.into(),
                300i64.into(),
                "Présence à 80 % des demi-journées et production de la séquence.".into(),
                80i64.into(),
                pilot(j).into(),
                created.into(),
            ],
        )
        .await?;
    }
    finish(l, progress, scale.trainings).await?;
    let mut l = Loader::new(
        store,
        "validation_rules",
        &[
            "training_id",
            "min_in_person_percent",
            "min_synchronous_percent",
            "min_asynchronous_percent",
            "mandatory_steps_required",
            "evaluation_required",
            "updated_at",
        ],
    );
    for j in 0..scale.trainings {
        push(
            &mut l,
            progress,
            vec![
                (training0 + j).into(),
                80i64.into(),
                80i64.into(),
                100i64.into(),
                1i64.into(),
                0i64.into(),
                created.into(),
            ],
        )
        .await?;
    }
    finish(l, progress, scale.trainings).await?;

    let step0 = bulk::next_id(store, "steps").await?;
    let mut l = Loader::new(
        store,
        "steps",
        &[
            "id",
            "training_id",
            "position",
            "modality",
            "learning_type",
            "title",
            "collective",
            "social",
            "minutes",
            "instructions",
            "resources",
            "evidence",
            "evaluation",
            "trainer_role",
            "mandatory",
            "credit_rule",
        ],
    );
    for j in 0..scale.trainings {
        for (k, (modality, learning, title, minutes)) in STEPS.iter().enumerate() {
            let k = k as i64;
            push(
                &mut l,
                progress,
                vec![
                    (step0 + j * STEPS_PER_TRAINING + k).into(),
                    (training0 + j).into(),
                    (k + 1).into(),
                    (*modality).into(),
                    (*learning).into(),
                    (*title).into(),
                    i64::from(*modality != "async").into(),
                    i64::from(k == 1).into(),
                    (*minutes).into(),
                    "Suivre les consignes de la séance ; déposer la production demandée.".into(),
                    "Diaporama, fiches, bibliographie.".into(),
                    "Production déposée sur M@gistère.".into(),
                    if k == 4 { "Questionnaire final." } else { "" }.into(),
                    "Anime, accompagne et valide.".into(),
                    1i64.into(),
                    "estimate_on_validation".into(),
                ],
            )
            .await?;
        }
    }
    finish(l, progress, scale.steps()).await?;

    let mut l = Loader::new(store, "training_trainers", &["training_id", "user_id"]);
    for j in 0..scale.trainings {
        push(
            &mut l,
            progress,
            vec![(training0 + j).into(), trainer(j).into()],
        )
        .await?;
        if scale.trainers > 1 {
            push(
                &mut l,
                progress,
                vec![(training0 + j).into(), trainer(j + 1).into()],
            )
            .await?;
        }
    }
    finish(l, progress, scale.training_trainers()).await?;

    // Cohorts, their trainers, enrollments and schedules.
    let cohort0 = bulk::next_id(store, "cohorts").await?;
    let activity0 = bulk::next_id(store, "activities").await?;
    let end_of_cohorts = date(2026, 12, 18);
    // The first day of cohort i: a weekday of one of six weeks from mid-September.
    let first_day = |i: i64| -> anyhow::Result<Date> {
        Ok(date(2026, 9, 14).checked_add(jiff::Span::new().weeks(i % 6).days((i / 6) % 5))?)
    };
    progress.set_message("sessions");
    let mut l = Loader::new(
        store,
        "cohorts",
        &[
            "id",
            "training_id",
            "label",
            "gaia_session_id",
            "status",
            "starts_on",
            "ends_on",
            "course_url",
            "created_at",
        ],
    );
    for i in 0..scale.cohorts {
        let label = if i == 0 {
            "Groupe banc d’essai".to_owned()
        } else {
            format!("Groupe {}", i / scale.trainings + 1)
        };
        push(
            &mut l,
            progress,
            vec![
                (cohort0 + i).into(),
                (training0 + i % scale.trainings).into(),
                label.into(),
                format!("{:06}", 100_000 + i).into(),
                "running".into(),
                first_day(i)?.to_string().into(),
                end_of_cohorts.to_string().into(),
                format!("https://magistere.education.fr/ac-bench/course/view.php?id={i}").into(),
                created.into(),
            ],
        )
        .await?;
    }
    finish(l, progress, scale.cohorts).await?;

    let mut l = Loader::new(store, "cohort_trainers", &["cohort_id", "user_id"]);
    for i in 0..scale.cohorts {
        push(
            &mut l,
            progress,
            vec![(cohort0 + i).into(), trainer(i).into()],
        )
        .await?;
        if i > 0 && i < scale.bench_cohorts && i % scale.trainers != 0 {
            push(
                &mut l,
                progress,
                vec![(cohort0 + i).into(), trainer(0).into()],
            )
            .await?;
        }
    }
    finish(l, progress, scale.cohort_trainers()).await?;

    progress.set_message("inscriptions");
    let mut l = Loader::new(
        store,
        "enrollments",
        &["cohort_id", "user_id", "enrolled_at"],
    );
    let mut offset = 0;
    for i in 0..scale.cohorts {
        for k in 0..Scale::cohort_size(i) {
            push(
                &mut l,
                progress,
                vec![
                    (cohort0 + i).into(),
                    trainee(offset + k).into(),
                    created.into(),
                ],
            )
            .await?;
        }
        offset += Scale::cohort_size(i);
    }
    finish(l, progress, scale.enrollments()).await?;

    // The schedule of cohort i: (start, end, place, room) of its five activities.
    let schedule = |i: i64| -> anyhow::Result<[Scheduled; 5]> {
        let d = first_day(i)?;
        let plus = |weeks: i64, days: i64| d.checked_add(jiff::Span::new().weeks(weeks).days(days));
        let place = Some(format!("Lycée n° {}, salle {}", i % 120 + 1, 100 + i % 20));
        let room = Some(format!("https://visio.example.invalid/bench/{i}"));
        let (in_person_day, in_person_span) = if i == 0 {
            (today, (8, 20))
        } else {
            (plus(5, 0)?, (9, 12))
        };
        Ok([
            (
                local_ts(d, 9, 0, &tz)?,
                local_ts(d, 17, 0, &tz)?,
                place.clone(),
                None,
            ),
            if i == 0 {
                // The bench's virtual class is under way whatever the hour of the seed: from an
                // hour before it to eleven hours after, so that its join link opens the room.
                (created - 3600, created + 11 * 3600, None, room)
            } else {
                (
                    local_ts(plus(2, 0)?, 14, 0, &tz)?,
                    local_ts(plus(2, 0)?, 15, 30, &tz)?,
                    None,
                    room,
                )
            },
            (
                local_ts(plus(2, 1)?, 0, 0, &tz)?,
                local_ts(plus(4, 0)?, 23, 0, &tz)?,
                None,
                None,
            ),
            (
                local_ts(in_person_day, in_person_span.0, 0, &tz)?,
                local_ts(in_person_day, in_person_span.1, 0, &tz)?,
                place,
                None,
            ),
            (
                local_ts(plus(5, 0)?, 0, 0, &tz)?,
                local_ts(end_of_cohorts, 23, 0, &tz)?,
                None,
                None,
            ),
        ])
    };
    progress.set_message("activités");
    let mut l = Loader::new(
        store,
        "activities",
        &[
            "id",
            "cohort_id",
            "step_id",
            "title",
            "modality",
            "starts_at",
            "ends_at",
            "place",
            "room_url",
            "capacity",
            "instructions_published_at",
        ],
    );
    for i in 0..scale.cohorts {
        let t = i % scale.trainings;
        for (k, (start, end, place, room)) in schedule(i)?.into_iter().enumerate() {
            let (modality, _, title, _) = STEPS[k];
            let k = k as i64;
            push(
                &mut l,
                progress,
                vec![
                    (activity0 + i * ACTIVITIES_PER_COHORT + k).into(),
                    (cohort0 + i).into(),
                    (step0 + t * STEPS_PER_TRAINING + k).into(),
                    title.into(),
                    modality.into(),
                    start.into(),
                    end.into(),
                    place.into(),
                    room.into(),
                    (modality == "in_person").then_some(32i64).into(),
                    // Instructions are published when an activity starts (the scheduler's job).
                    (start <= created).then_some(start).into(),
                ],
            )
            .await?;
        }
    }
    finish(l, progress, scale.activities()).await?;

    // The attendance record, chained per cohort with the store's hash.
    progress.set_message("présences");
    let event0 = bulk::next_id(store, "attendance_events").await?;
    let mut l = Loader::new(
        store,
        "attendance_events",
        &[
            "id",
            "cohort_id",
            "seq",
            "activity_id",
            "slot",
            "subject_id",
            "kind",
            "channel",
            "actor_id",
            "at",
            "device",
            "minutes",
            "moment",
            "note",
            "document_id",
            "document_sha256",
            "prev_hash",
            "hash",
        ],
    );
    let mut heads: Vec<(i64, i64, String)> = Vec::with_capacity(scale.cohorts as usize);
    let mut marks = Vec::new();
    let mut next_event = event0;
    let mut offset = 0;
    for i in 0..scale.cohorts {
        let cohort_id = cohort0 + i;
        let n = Scale::cohort_size(i);
        let people: Vec<i64> = (0..n).map(|k| trainee(offset + k)).collect();
        offset += n;
        let coach = trainer(i);
        let sched = schedule(i)?;
        let activity = |k: usize| activity0 + i * ACTIVITIES_PER_COHORT + k as i64;
        let slots =
            |k: usize| -> Vec<Slot> { half_days(sched[k].0, sched[k].1, Some(STEPS[k].3), &tz) };
        let mut chain = Chain {
            cohort_id,
            seq: 0,
            prev: GENESIS.to_owned(),
            next_id: next_event,
            rows: Vec::new(),
        };
        // Activity 1 (a day in person) and 4 (a half-day in person): signatures, countersigned.
        for (k, slot_indexes) in [(0usize, &[0usize, 1][..]), (3, &[0][..])] {
            let s = slots(k);
            for &si in slot_indexes {
                let slot = s[si];
                for (p, &u) in people.iter().enumerate() {
                    let p = p as i64;
                    chain.push(Mark {
                        activity_id: activity(k),
                        slot: Some(slot.key()),
                        subject_id: u,
                        kind: Kind::Signed,
                        channel: if p % 2 == 0 {
                            Channel::Qr
                        } else {
                            Channel::Code
                        },
                        actor_id: u,
                        at: slot.starts_at + 120 + 17 * p,
                        device: Some(format!("{:064x}", u)),
                        ..Mark::blank()
                    });
                }
                chain.push(Mark {
                    activity_id: activity(k),
                    slot: Some(slot.key()),
                    subject_id: coach,
                    kind: Kind::Countersigned,
                    channel: Channel::Trainer,
                    actor_id: coach,
                    at: slot.ends_at - 600,
                    ..Mark::blank()
                });
            }
            if i < scale.bench_cohorts {
                for slot in &s {
                    for &u in &people {
                        marks.push((activity(k), slot.key(), u));
                    }
                }
            }
        }
        // Activity 2 (a virtual class): joined, confirmed, connected.
        let slot = slots(1)[0];
        for (p, &u) in people.iter().enumerate() {
            let p = p as i64;
            for (kind, channel, at, minutes) in [
                (Kind::Joined, Channel::Link, slot.starts_at - 120 + p, None),
                (
                    Kind::Confirmed,
                    Channel::Trainee,
                    slot.starts_at + 600 + p,
                    None,
                ),
                (Kind::Connected, Channel::Bbb, slot.ends_at + 60, Some(85)),
            ] {
                chain.push(Mark {
                    activity_id: activity(1),
                    slot: Some(slot.key()),
                    subject_id: u,
                    kind,
                    channel,
                    actor_id: u,
                    at,
                    minutes,
                    ..Mark::blank()
                });
            }
        }
        // Activities 3 and 5 (asynchronous): declared, then validated (the last three trainees
        // of activity 5 are still waiting).
        for k in [2usize, 4] {
            let start = sched[k].0;
            for (p, &u) in people.iter().enumerate() {
                chain.push(Mark {
                    activity_id: activity(k),
                    subject_id: u,
                    kind: Kind::Declared,
                    channel: Channel::Trainee,
                    actor_id: u,
                    at: start + 86_400 + 600 * p as i64,
                    note: Some(format!(
                        "Production déposée : https://magistere.education.fr/ac-bench/mod/assign/view.php?id={}",
                        activity(k)
                    )),
                    ..Mark::blank()
                });
            }
            let waiting = if k == 4 { 3 } else { 0 };
            for (p, &u) in people.iter().enumerate().take(people.len() - waiting) {
                chain.push(Mark {
                    activity_id: activity(k),
                    subject_id: u,
                    kind: Kind::Validated,
                    channel: Channel::Trainer,
                    actor_id: coach,
                    at: start + 2 * 86_400 + 60 * p as i64,
                    minutes: Some(STEPS[k].3),
                    ..Mark::blank()
                });
            }
        }
        anyhow::ensure!(
            chain.rows.len() as i64 == n * EVENTS_PER_ENROLLMENT,
            "cohort {i}: {} events",
            chain.rows.len()
        );
        next_event = chain.next_id;
        heads.push((cohort_id, chain.seq, chain.prev.clone()));
        for row in chain.rows {
            push(&mut l, progress, row).await?;
        }
    }
    finish(l, progress, scale.events()).await?;
    let mut l = Loader::new(store, "attendance_heads", &["cohort_id", "seq", "hash"]);
    for (c, seq, hash) in heads {
        push(&mut l, progress, vec![c.into(), seq.into(), hash.into()]).await?;
    }
    finish(l, progress, scale.cohorts).await?;
    bulk::advance_ids(
        store,
        &[
            "users",
            "plans",
            "trainings",
            "steps",
            "cohorts",
            "activities",
            "attendance_events",
        ],
    )
    .await?;

    // The bench trainee's personal link into today's virtual class.
    let join_token = hybride_store::links::issue(
        store,
        hybride_store::links::Scope {
            user_id: trainee(0),
            purpose: hybride_store::links::Purpose::Join,
            cohort_id: Some(cohort0),
            activity_id: Some(activity0 + 1),
            expires_at: created + 30 * 86_400,
        },
    )
    .await?;
    let sched = schedule(0)?;
    let today_slots = half_days(sched[3].0, sched[3].1, Some(STEPS[3].3), &tz);
    let slot = today_slots
        .iter()
        .find(|s| s.contains(created, 0))
        .or(today_slots.first())
        .map(|s| s.key())
        .unwrap_or_default();
    Ok(Facts {
        cohort_id: cohort0,
        activity_id: activity0 + 3,
        slot,
        virtual_activity_id: activity0 + 1,
        join_token,
        marks,
    })
}

/// An activity's start and end (unix seconds), place and virtual room.
type Scheduled = (i64, i64, Option<String>, Option<String>);

struct Mark {
    activity_id: i64,
    slot: Option<String>,
    subject_id: i64,
    kind: Kind,
    channel: Channel,
    actor_id: i64,
    at: i64,
    device: Option<String>,
    minutes: Option<i64>,
    note: Option<String>,
}

impl Mark {
    /// Every field empty: the marks above fill in theirs.
    fn blank() -> Mark {
        Mark {
            activity_id: 0,
            slot: None,
            subject_id: 0,
            kind: Kind::Signed,
            channel: Channel::Trainer,
            actor_id: 0,
            at: 0,
            device: None,
            minutes: None,
            note: None,
        }
    }
}

/// One cohort's chain being built: each event hashed as the store hashes it.
struct Chain {
    cohort_id: i64,
    seq: i64,
    prev: String,
    next_id: i64,
    rows: Vec<Vec<Cell>>,
}

impl Chain {
    fn push(&mut self, m: Mark) {
        self.seq += 1;
        let mut e = Event {
            id: self.next_id,
            cohort_id: self.cohort_id,
            seq: self.seq,
            activity_id: m.activity_id,
            slot: m.slot,
            subject_id: m.subject_id,
            kind: m.kind,
            channel: m.channel,
            actor_id: m.actor_id,
            at: m.at,
            device: m.device,
            minutes: m.minutes,
            moment: None,
            note: m.note,
            document_id: None,
            document_sha256: None,
            attests: None,
            prev_hash: std::mem::take(&mut self.prev),
            hash: String::new(),
            seal: None,
        };
        e.hash = e.expected_hash();
        self.prev = e.hash.clone();
        self.next_id += 1;
        self.rows.push(vec![
            e.id.into(),
            e.cohort_id.into(),
            e.seq.into(),
            e.activity_id.into(),
            e.slot.into(),
            e.subject_id.into(),
            e.kind.as_str().into(),
            e.channel.as_str().into(),
            e.actor_id.into(),
            e.at.into(),
            e.device.into(),
            e.minutes.into(),
            Cell::NullInt,
            e.note.into(),
            Cell::NullInt,
            Cell::NullText,
            e.prev_hash.into(),
            e.hash.into(),
        ]);
    }
}
