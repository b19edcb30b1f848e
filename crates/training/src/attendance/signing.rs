//! A trainee signs: the half-days open for her now, by code or by « je suis présent ».

use super::*;

/// An in-person half-day where the trainee can sign now.
pub struct Signable {
    pub activity: Activity,
    pub slot: Slot,
    pub signed_at: Option<i64>,
    pub training_title: String,
}

pub async fn signable(s: &Store, user_id: i64) -> Result<Vec<Signable>, Error> {
    let open = open_half_days(s, user_id, now()).await?;
    Ok(open.into_iter().map(|(x, _)| x).collect())
}

/// Every half-day open for signing at `at` for the trainee, with the secret of its activity's
/// codes when a trainer has shown them. Two statements, whatever the number of activities
/// under way: the activities with their cohort's status, step and secret, then her marks.
async fn open_half_days(
    s: &Store,
    user_id: i64,
    at: i64,
) -> Result<Vec<(Signable, Option<String>)>, Error> {
    let mut candidates =
        cohorts::signing_candidates(s, user_id, at, rules::SIGN_MARGIN_SECONDS).await?;
    candidates
        .retain(|c| c.activity.modality == Modality::InPerson && c.cohort_status.is_editable());
    let ids: Vec<i64> = candidates.iter().map(|c| c.activity.id).collect();
    let events = record::of_subject_in(s, user_id, &ids).await?;
    Ok(open_for(candidates, &events, user_id, at))
}

/// The half-days of `candidates` open at `at` (around 13:00, both the morning and the
/// afternoon are), each with whether the trainee signed it already, from her `events`.
fn open_for(
    candidates: Vec<cohorts::SigningCandidate>,
    events: &[Event],
    user_id: i64,
    at: i64,
) -> Vec<(Signable, Option<String>)> {
    let mut out = Vec::new();
    for c in candidates {
        let open = slots_planned(&c.activity, c.step_minutes)
            .into_iter()
            .filter(|sl| sl.contains(at, rules::SIGN_MARGIN_SECONDS));
        for slot in open {
            let key = slot.key();
            let marks: Vec<_> = events
                .iter()
                .filter(|e| e.activity_id == c.activity.id)
                .filter(|e| e.subject_id == user_id && e.slot.as_deref() == Some(key.as_str()))
                .map(Event::mark)
                .collect();
            let signable = Signable {
                signed_at: rules::presence(&marks).signed_at,
                activity: c.activity.clone(),
                slot,
                training_title: c.training_title.clone(),
            };
            out.push((signable, c.secret.clone()));
        }
    }
    out
}

/// Signs the trainee in with a code read aloud, in whichever current half-day it belongs to.
/// `None` when the code matches none; otherwise the half-day and whether the signature is new.
///
/// Two statements to find the half-day (see [`open_half_days`]), then the mark's append. A
/// half-day whose codes were never shown (no secret yet) accepts no code.
pub async fn sign_with_code(
    s: &Store,
    user_id: i64,
    code: &str,
    device: String,
) -> Result<(Vec<Signable>, Option<(usize, bool)>), Error> {
    let at = now();
    let open = open_half_days(s, user_id, at).await?;
    let found = open.iter().position(|(x, secret)| {
        secret
            .as_deref()
            .is_some_and(|secret| accepts_code(secret, x.activity.id, &x.slot.key(), code, at))
    });
    let mut list: Vec<Signable> = open.into_iter().map(|(x, _)| x).collect();
    let Some(i) = found else {
        return Ok((list, None));
    };
    let fresh = sign_now(s, user_id, &list[i], Channel::Code, device).await?;
    list[i].signed_at = Some(list[i].signed_at.unwrap_or(at));
    Ok((list, Some((i, fresh))))
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
