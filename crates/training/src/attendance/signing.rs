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
