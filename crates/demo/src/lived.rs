//! The demo académie lived: for its cohorts, convocations sent and links opened, opening
//! messages and instructions published, attendance signed and countersigned, asynchronous work
//! declared, forum exchanges, reviews and satisfaction surveys answered, through the same use
//! cases people use. Placed around today, so that every page has something to show whenever the
//! demo is started.

use hybride_domain::attendance::{Channel, Kind, Slot};
use hybride_domain::survey::{self, SurveyKind};
use hybride_domain::Modality;
use hybride_store::attendance::{self as record, NewMark};
use hybride_store::cohorts::{self, Activity, Cohort, Enrollment};
use hybride_store::surveys as store;
use hybride_store::trainings::{self, Step};
use hybride_store::{during, now, people, Store};
use hybride_training::attendance::{device_digest, slots, Extra};
use hybride_training::during::{convoke_pending, opening_prefill};
use hybride_training::i18n::Lang;
use hybride_training::surveys::{answer, send};
use hybride_training::{Error, Hybride};

/// Lives the demo académie (see the module's documentation): closed cohorts get their whole
/// record, ready and running cohorts their convocations (see [`convoke`]); then one round of
/// the scheduler runs, which publishes the instructions of started activities. Returns how many
/// trainees were convoked.
pub async fn seed(state: &Hybride) -> Result<usize, Error> {
    use hybride_domain::CohortStatus;
    let s = &state.store;
    let demo_trainee = match hybride_domain::Email::parse("stagiaire@demo.hybride.test") {
        Ok(e) => people::by_email(s, &e).await?.map(|u| u.id),
        Err(_) => None,
    };
    let mut convoked = 0;
    for c in cohorts::list(s, cohorts::CohortFilter::default()).await? {
        if trained(state, &c).await? {
            continue;
        }
        match c.status {
            CohortStatus::Closed => finished(state, &c, demo_trainee).await?,
            CohortStatus::Ready | CohortStatus::Running => {
                convoked += convoke(state, &c, demo_trainee).await?;
            }
            _ => {}
        }
    }
    hybride_training::jobs::run_once(state).await?;
    Ok(convoked)
}

/// A session of the trainers' training that ended but is still running gets its record (the
/// trainers who follow it present throughout, their work validated), then its trainer closes it:
/// the closing records in the register each trainer its validation meets. Returns whether `c`
/// was such a session.
async fn trained(state: &Hybride, c: &Cohort) -> Result<bool, Error> {
    let s = &state.store;
    let ended = c.last_activity_end.is_some_and(|end| end < now());
    if c.status != hybride_domain::CohortStatus::Running
        || !ended
        || !trainings::get(s, c.training_id).await?.trains_trainers.0
    {
        return Ok(false);
    }
    let Some(t) = cohorts::trainers(s, c.id).await?.first().cloned() else {
        return Ok(false);
    };
    attendance(s, c, t.id, None).await?;
    hybride_training::closing::close(s, c, Some(t.id)).await?;
    Ok(true)
}

/// A finished cohort has its whole record: attendance, surveys, and its first trainer's review.
async fn finished(state: &Hybride, c: &Cohort, demo_trainee: Option<i64>) -> Result<(), Error> {
    let s = &state.store;
    if let Some(t) = cohorts::trainers(s, c.id).await?.first() {
        attendance(s, c, t.id, demo_trainee).await?;
        surveys(state, c, demo_trainee).await?;
        review(s, c, t.id).await?;
    }
    Ok(())
}

/// The trainer's review of a finished cohort, already with the pilot, unless there is one.
async fn review(s: &Store, c: &Cohort, trainer: i64) -> Result<(), Error> {
    if !hybride_store::after::reviews(s, c.id).await?.is_empty() {
        return Ok(());
    }
    let training = hybride_store::trainings::get(s, c.training_id).await?;
    let figures = hybride_training::after::figures(s, c, &training).await?;
    let json = serde_json::to_string(&figures).map_err(|e| Error::Internal(e.into()))?;
    hybride_store::after::save_review(
        s,
        c.id,
        trainer,
        [
            "Les ateliers en présentiel ont lancé le groupe\u{a0}; le forum a bien \
             vécu entre les séances, surtout autour des productions partagées.",
            "La classe virtuelle de la deuxième semaine était trop longue\u{a0}: la \
             couper en deux séances d’une heure, et annoncer plus tôt les consignes \
             du travail à distance.",
            "Ouvrir une session de plus dans le second degré, avec un temps \
             d’accompagnement individuel prévu dans le scénario.",
        ],
        &json,
        true,
    )
    .await?;
    Ok(())
}

/// The "during" part of the demo académie, written with the real mails: a ready or running
/// cohort is convoked by its first trainer; in a running cohort the demo's activity of today
/// is live (see [`live_half_day`]), most trainees have confirmed receiving their links (not the
/// demo trainee, who can try it), the opening message is published, the discussion space has
/// a few exchanges, and the attendance of the half-days already over is recorded. Does nothing
/// for a cohort already convoked. Returns how many trainees were convoked.
async fn convoke(state: &Hybride, c: &Cohort, demo_trainee: Option<i64>) -> Result<usize, Error> {
    use hybride_domain::CohortStatus;
    let s = &state.store;
    let links = during::link_status(s, c.id).await?;
    if links.iter().any(|l| l.sent_count > 0) {
        return Ok(0);
    }
    let Some(sender) = cohorts::trainers(s, c.id).await?.first().map(|u| u.id) else {
        return Ok(0);
    };
    if c.status == CohortStatus::Running {
        live_half_day(s, c).await?;
    }
    let convoked = convoke_pending(state, c, sender).await?;
    if c.status != CohortStatus::Running {
        return Ok(convoked);
    }
    for (i, l) in links.iter().enumerate() {
        if i % 5 != 4 && Some(l.user_id) != demo_trainee {
            during::acknowledge(s, c.id, l.user_id).await?;
        }
    }
    let text = opening_prefill(s, c, Lang::Fr).await?;
    if !text.validation.is_empty() && !text.accompaniment.is_empty() {
        during::save_opening(s, c.id, &text, sender).await?;
        during::publish_opening(s, c.id, &[]).await?;
    }
    exchanges(state, c, sender, &links).await?;
    attendance(s, c, sender, demo_trainee).await?;
    Ok(convoked)
}

/// A few exchanges in the discussion space: a question answered by the trainer `sender`, and a
/// resource shared, by the first two trainees of `links`.
async fn exchanges(
    state: &Hybride,
    c: &Cohort,
    sender: i64,
    links: &[during::TraineeLinks],
) -> Result<(), Error> {
    let s = &state.store;
    let trainer = people::get(s, sender).await?;
    let said = |t: &str| {
        hybride_domain::LongText::parse(t).map_err(|e| Error::Internal(anyhow::anyhow!("{e}")))
    };
    if let (Some(first), Some(second)) = (links.first(), links.get(1)) {
        let asker = people::get(s, first.user_id).await?;
        let q = hybride_training::discussion::post(
            state,
            c,
            &asker,
            None,
            None,
            &said("Bonjour, la **grille d’auto-positionnement** est-elle à rendre avant la classe virtuelle ?")?,
        )
        .await?;
        hybride_training::discussion::post(
            state,
            c,
            &trainer,
            None,
            Some(q.id),
            &said("Oui, déposez-la avant la classe virtuelle : nous partirons de vos réponses.")?,
        )
        .await?;
        let other = people::get(s, second.user_id).await?;
        hybride_training::discussion::post(
            state,
            c,
            &other,
            None,
            None,
            &said("Je partage une ressource utile : [Éduscol, l’hybridation](https://eduscol.education.fr/)")?,
        )
        .await?;
    }
    Ok(())
}

/// The demo's in-person activity of today is moved to the present moment (it started half an
/// hour ago), so that signing can be tried whenever the demo is started. It stays inside one
/// half-day (they split at 13:00 and at midnight), and when less than half an hour of the
/// current half-day is left, it is the next half-day's, starting at its beginning (signing
/// opens half an hour before): signing is open as the demo starts, and stays open for an hour
/// at least, on one sheet.
async fn live_half_day(s: &hybride_store::Store, c: &cohorts::Cohort) -> Result<(), Error> {
    let now = jiff::Timestamp::now().as_second();
    let today = hybride_domain::time::today(now);
    for a in cohorts::activities(s, c.id).await? {
        if a.modality != hybride_domain::Modality::InPerson
            || hybride_domain::time::civil(a.starts_at).date() != today
        {
            continue;
        }
        let (starts_at, ends_at) = live_window(now, a.ends_at - a.starts_at);
        let at = |t: i64| {
            jiff::Timestamp::from_second(t).map_err(|e| Error::Internal(anyhow::anyhow!("{e}")))
        };
        let title = hybride_domain::Title::parse(&a.title)
            .map_err(|e| Error::Internal(anyhow::anyhow!("{e}")))?;
        cohorts::update_activity(
            s,
            c.id,
            a.id,
            &cohorts::NewActivity {
                step_id: a.step_id,
                title,
                modality: a.modality,
                starts_at: at(starts_at)?,
                ends_at: at(ends_at)?,
                place: a.place.clone(),
                room_url: a.room_url.clone(),
            },
        )
        .await?;
    }
    Ok(())
}

/// Where the live activity of a demo started at `now` goes: half an hour ago (on a multiple of
/// five minutes), for `length` seconds, within the half-day that holds it (see
/// [`live_half_day`]).
fn live_window(now: i64, length: i64) -> (i64, i64) {
    use hybride_domain::time::{civil, instant};
    let boundaries = |t: i64| {
        // The half-day holding `t`: [midnight, noon) or [noon, next midnight), noon being where
        // the record splits a day (`HalfDay::NOON`).
        let day = civil(t).date();
        let noon = instant(day.to_datetime(hybride_domain::HalfDay::NOON));
        let midnight = instant(day.to_datetime(jiff::civil::Time::midnight()));
        let next = instant(
            day.tomorrow()
                .unwrap_or(day)
                .to_datetime(jiff::civil::Time::midnight()),
        );
        if t < noon {
            (midnight, noon)
        } else {
            (noon, next)
        }
    };
    let (first, end) = boundaries(now);
    let start = if end - now < 30 * 60 {
        end
    } else {
        ((now - 30 * 60).div_euclid(300) * 300).max(first)
    };
    let (_, last) = boundaries(start);
    (start, (start + length.max(300)).min(last))
}

/// The demo académie's attendance: for a running or finished cohort, every half-day that has
/// ended is signed (by code, by QR code, or marked by the trainer), with a late arrival and
/// absences justified and accepted, and countersigned; virtual classes have their connected
/// minutes; asynchronous activities are declared, some validated. Marks are dated inside their
/// half-day, as they would have been given. `keep` (the demo trainee) has declared no
/// asynchronous work, so that the demo account can try it. Does nothing for a cohort that has a
/// record. Returns how many marks were recorded.
async fn attendance(
    store: &Store,
    c: &Cohort,
    trainer: i64,
    keep: Option<i64>,
) -> Result<usize, Error> {
    if !record::of_cohort(store, c.id).await?.is_empty() {
        return Ok(0);
    }
    let steps = trainings::steps(store, c.training_id).await?;
    let trainees = cohorts::enrollments(store, c.id).await?;
    let at = now();
    let mut n = 0;
    for a in cohorts::activities(store, c.id).await? {
        if a.modality == Modality::Async {
            if a.starts_at > at {
                continue;
            }
            let step = a.step_id.and_then(|id| steps.iter().find(|s| s.id == id));
            let marks = Marks::new(store, &a, None);
            // A closed cohort was closed once every declaration was decided.
            let all = c.status == hybride_domain::CohortStatus::Closed;
            n += declare(&marks, step, &trainees, trainer, (keep, all), at).await?;
            continue;
        }
        for slot in slots(&a, &steps) {
            if slot.ends_at > at {
                continue;
            }
            let marks = Marks::new(store, &a, Some(slot.key()));
            n += sign(&marks, &slot, &trainees, trainer).await?;
        }
    }
    Ok(n)
}

/// Marks on one activity, for one half-day (`slot`, its key) or for none (asynchronous work).
struct Marks<'a> {
    store: &'a Store,
    activity: &'a Activity,
    slot: Option<String>,
}

impl<'a> Marks<'a> {
    fn new(store: &'a Store, activity: &'a Activity, slot: Option<String>) -> Marks<'a> {
        Marks {
            store,
            activity,
            slot,
        }
    }

    /// Records that `actor` marked `subject` with `kind`, through `channel`, at `when`.
    async fn put(
        &self,
        subject: i64,
        kind: Kind,
        channel: Channel,
        actor: i64,
        when: i64,
        extra: Extra,
    ) -> Result<(), Error> {
        let mark = NewMark {
            cohort_id: self.activity.cohort_id,
            activity_id: self.activity.id,
            slot: self.slot.clone(),
            subject_id: subject,
            kind,
            channel,
            actor_id: actor,
            at: when,
            device: extra.device,
            minutes: extra.minutes,
            moment: extra.moment,
            note: extra.note,
            document: extra.document,
            attests: extra.attests,
        };
        record::record(self.store, &mark).await?;
        Ok(())
    }
}

/// Asynchronous work (the activity of `marks`, for `step`), declared a day after it opened (or
/// just before `at`, when that is sooner) by two trainees in three (never `keep`), and
/// validated by the trainer two hours later for one in three (with `all`, a closed cohort's,
/// every one); only what happened before `at`.
/// Returns how many marks were recorded.
async fn declare(
    marks: &Marks<'_>,
    step: Option<&Step>,
    trainees: &[Enrollment],
    trainer: i64,
    (keep, all): (Option<i64>, bool),
    at: i64,
) -> Result<usize, Error> {
    let mut n = 0;
    for (i, e) in trainees.iter().enumerate() {
        // A day after it opened, or, for work opened less than a day ago, just before `at`:
        // whatever the hour the demo is seeded at, a started activity has its declarations.
        let back = 60 * (trainees.len() - i) as i64;
        let when = (marks.activity.starts_at + 86_400 + i as i64 * 3_600).min(at - back);
        if when < marks.activity.starts_at || i % 3 == 2 || Some(e.user_id) == keep {
            continue;
        }
        let minutes = step.map(|s| s.minutes * 9 / 10);
        marks
            .put(
                e.user_id,
                Kind::Declared,
                Channel::Trainee,
                e.user_id,
                when,
                Extra {
                    note: Some("Lecture faite ; fiche de synthèse déposée sur M@gistère.".into()),
                    minutes,
                    ..Extra::default()
                },
            )
            .await?;
        n += 1;
        if (all || i % 3 == 0) && when + 7_200 < at {
            let credit = step
                .map(|s| s.credit_rule.credit(s.minutes, minutes))
                .unwrap_or(0);
            marks
                .put(
                    e.user_id,
                    Kind::Validated,
                    Channel::Trainer,
                    trainer,
                    when + 7_200,
                    Extra {
                        minutes: Some(credit),
                        ..Extra::default()
                    },
                )
                .await?;
            n += 1;
        }
    }
    Ok(n)
}

/// One half-day that has ended: in person, every trainee signed or justified absent and the
/// trainer countersigned; in a virtual class, every trainee's connected minutes. Returns how
/// many marks were recorded.
async fn sign(
    marks: &Marks<'_>,
    slot: &Slot,
    trainees: &[Enrollment],
    trainer: i64,
) -> Result<usize, Error> {
    let in_person = marks.activity.modality == Modality::InPerson;
    let mut n = 0;
    for (i, e) in trainees.iter().enumerate() {
        n += if in_person {
            sign_in_person(marks, slot, i, e.user_id, trainer).await?
        } else {
            connect(marks, slot, i, e.user_id).await?
        };
    }
    if in_person {
        // Once the half-day has ended, as the trainers are asked to (earlier needs a reason).
        marks
            .put(
                trainer,
                Kind::Countersigned,
                Channel::Trainer,
                trainer,
                slot.ends_at,
                Extra::default(),
            )
            .await?;
        n += 1;
    }
    Ok(n)
}

/// The `i`-th trainee (`sub`) of an in-person half-day: one in nine declared absent the day
/// before (a class council), the absence accepted; the others signed by code, by QR code or by
/// the trainer, the sixth late. Returns how many marks were recorded.
async fn sign_in_person(
    marks: &Marks<'_>,
    slot: &Slot,
    i: usize,
    sub: i64,
    trainer: i64,
) -> Result<usize, Error> {
    if i % 9 == 8 {
        marks
            .put(
                sub,
                Kind::Absent,
                Channel::Trainee,
                sub,
                slot.starts_at - 86_400,
                Extra::note("Conseil de classe dans mon établissement"),
            )
            .await?;
        marks
            .put(
                sub,
                Kind::AbsenceAccepted,
                Channel::Trainer,
                trainer,
                slot.starts_at + 600,
                Extra::default(),
            )
            .await?;
        return Ok(2);
    }
    let when = slot.starts_at + 120 + i as i64 * 20;
    let channel = match i % 4 {
        0 | 1 => Channel::Code,
        2 => Channel::Qr,
        _ => Channel::Trainer,
    };
    let actor = if channel == Channel::Trainer {
        trainer
    } else {
        sub
    };
    marks
        .put(
            sub,
            Kind::Signed,
            channel,
            actor,
            when,
            Extra {
                device: (actor == sub).then(|| device_digest(&format!("demo-{sub}"))),
                ..Extra::default()
            },
        )
        .await?;
    if i != 5 {
        return Ok(1);
    }
    marks
        .put(
            sub,
            Kind::Late,
            Channel::Trainer,
            trainer,
            when + 60,
            Extra {
                moment: Some(slot.starts_at + 1_800),
                note: Some("Train en retard".into()),
                ..Extra::default()
            },
        )
        .await?;
    Ok(2)
}

/// The `i`-th trainee (`sub`) of a virtual class's half-day: connected for most of it, one in
/// seven for half of it. Returns how many marks were recorded (one).
async fn connect(marks: &Marks<'_>, slot: &Slot, i: usize, sub: i64) -> Result<usize, Error> {
    let minutes = if i % 7 == 6 {
        slot.span_seconds() / 120
    } else {
        slot.span_seconds() * 95 / 6_000
    };
    marks
        .put(
            sub,
            Kind::Connected,
            Channel::Bbb,
            sub,
            slot.ends_at + 300,
            Extra {
                minutes: Some(minutes),
                ..Extra::default()
            },
        )
        .await?;
    Ok(1)
}

/// The demo's surveys: every closed cohort's « à chaud » was sent and answered by most of its
/// trainees (not the demo trainee, who can try it), and the « à froid » of those that ended
/// long enough ago.
async fn surveys(state: &Hybride, c: &Cohort, demo_trainee: Option<i64>) -> Result<(), Error> {
    let s = &state.store;
    if !store::of_cohort(s, c.id).await?.is_empty() {
        return Ok(());
    }
    let settings = store::settings(s).await?;
    let ended_days_ago = store::last_end(s, c.id)
        .await?
        .map_or(0, |end| (now() - end) / 86_400);
    let mut kinds = vec![SurveyKind::Hot];
    if ended_days_ago >= settings.cold_after_days {
        kinds.push(SurveyKind::Cold);
    }
    for kind in kinds {
        let survey = match send(state, c, kind, None).await {
            Ok(x) => x,
            Err(Error::Conflict(_)) => continue,
            Err(e) => return Err(e),
        };
        let comments = match kind {
            SurveyKind::Hot => [
                "Les ateliers étaient concrets\u{202f}; le forum m’a permis de poser mes questions entre les séances.",
                "La classe virtuelle était un peu longue, mais les ressources sont très utiles.",
                "J’aurais aimé plus de temps d’échange en présentiel.",
            ],
            SurveyKind::Cold => [
                "J’utilise la grille d’évaluation construite en atelier avec mes deux classes de 4e.",
                "Nous avons repris les capsules en conseil pédagogique pour toute l’équipe.",
                "Les élèves travaillent désormais en îlots une heure par semaine.",
            ],
        };
        for (i, inv) in store::invitations(s, survey.id).await?.iter().enumerate() {
            if Some(inv.user_id) == demo_trainee || i % 4 == 3 {
                continue;
            }
            let raw: Vec<String> = survey
                .questions()
                .iter()
                .enumerate()
                .map(|(q, question)| match question.kind {
                    survey::QuestionKind::Scale => (3 + (i + q) % 3).to_string(),
                    survey::QuestionKind::Text if i % 2 == 0 => {
                        comments[(i / 2) % comments.len()].to_owned()
                    }
                    survey::QuestionKind::Text => String::new(),
                })
                .collect();
            answer(s, &survey, inv.user_id, &raw).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::live_window;
    use hybride_domain::time::{civil, instant};

    fn paris(d: &str, h: i8, m: i8) -> i64 {
        instant(d.parse::<jiff::civil::Date>().unwrap().at(h, m, 0, 0))
    }

    #[test]
    fn the_live_activity_stays_in_one_half_day_open_for_an_hour_at_least() {
        let three_hours = 3 * 3600;
        // 9:47: from 9:15 to 12:15.
        let (s, e) = live_window(paris("2026-12-03", 9, 47), three_hours);
        assert_eq!(
            (s, e),
            (paris("2026-12-03", 9, 15), paris("2026-12-03", 12, 15))
        );
        // 11:00: from 10:30, cut at 13:00.
        let (s, e) = live_window(paris("2026-12-03", 11, 0), three_hours);
        assert_eq!(
            (s, e),
            (paris("2026-12-03", 10, 30), paris("2026-12-03", 13, 0))
        );
        // 12:40: the afternoon's, from 13:00 to 16:00.
        let (s, e) = live_window(paris("2026-12-03", 12, 40), three_hours);
        assert_eq!(
            (s, e),
            (paris("2026-12-03", 13, 0), paris("2026-12-03", 16, 0))
        );
        // 13:10: from 13:00 (not before the half-day), to 16:00.
        let (s, e) = live_window(paris("2026-12-03", 13, 10), three_hours);
        assert_eq!(
            (s, e),
            (paris("2026-12-03", 13, 0), paris("2026-12-03", 16, 0))
        );
        // 23:40: tomorrow morning's.
        let (s, _) = live_window(paris("2026-12-03", 23, 40), three_hours);
        assert_eq!(s, paris("2026-12-04", 0, 0));
        // Every minute of a day: one half-day, open now and an hour later (30 minutes' margin).
        let day = paris("2026-12-03", 0, 0);
        for m in 0..24 * 60 {
            let now = day + m * 60;
            let (s, e) = live_window(now, three_hours);
            assert!(s < e, "{}", civil(now));
            assert!(e + 30 * 60 >= now + 3600, "{}", civil(now));
            assert!(s - 30 * 60 <= now, "{}", civil(now));
            let noon = |t: i64| civil(t).date().at(13, 0, 0, 0);
            assert!(
                civil(s).date() == civil(e - 1).date()
                    && (civil(s) < noon(s)) == (civil(e - 1) < noon(s)),
                "{} – {}",
                civil(s),
                civil(e)
            );
        }
    }
}
