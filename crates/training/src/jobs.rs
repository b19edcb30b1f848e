//! What runs on its own, every half-minute, on whichever instance gets there first: a ready
//! cohort set running when its first activity starts, instructions
//! published at an activity's start, the discussion digests, the satisfaction surveys and their
//! reminders, archiving, and convocation reminders. It calls the others; nobody imports it.

use crate::{Error, Hybride};
use hybride_store::cohorts;
use hybride_store::during::{self, ConvocationKind};
use hybride_store::now;

/// One round of the scheduler: instructions of activities that have started, the discussion
/// digests, and reminders two working days before a cohort's first synchronous activity to
/// trainees who have not opened their links. Safe to run on several instances at once.
pub async fn run_once(state: &Hybride) -> Result<(), Error> {
    let s = &state.store;
    let at = now();
    // A cohort's status follows reality: nobody has to click « Démarrer ».
    for id in cohorts::started_while_ready(s, at).await? {
        match cohorts::set_status(s, id, hybride_domain::CohortStatus::Running).await {
            Ok(_) => tracing::info!(
                cohort = id,
                "cohort running: its first activity has started"
            ),
            // Another instance (or a person) moved it first.
            Err(hybride_store::StoreError::Refused(_)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    for a in during::instructions_due(s, at).await? {
        if crate::during::publish_instructions(state, &a).await? {
            tracing::info!(
                activity = a.id,
                "instructions published at the activity's start"
            );
        }
    }
    crate::discussion::send_digests(state).await?;
    crate::surveys::send_due(state).await?;
    crate::surveys::send_reminders(state).await?;
    let today = hybride_domain::time::civil(at).date();
    // Closed cohorts whose contents are no longer available are archived.
    for id in hybride_store::after::archive_expired(s, today).await? {
        tracing::info!(
            cohort = id,
            "cohort archived: its contents are no longer available"
        );
    }
    for (cohort_id, first) in during::upcoming_first_synchronous(s, at).await? {
        let first_day = hybride_domain::time::civil(first).date();
        if today < hybride_domain::calendar::working_days_before(first_day, 2) {
            continue;
        }
        let c = cohorts::get(s, cohort_id).await?;
        for l in during::link_status(s, cohort_id).await? {
            if l.sent_count == 0 || l.received() || l.reminded_at.is_some() {
                continue;
            }
            match crate::during::convoke(state, &c, l.user_id, ConvocationKind::Reminder, None)
                .await
            {
                Ok(()) => tracing::info!(cohort = cohort_id, user = l.user_id, "reminder queued"),
                // Another instance sent it first.
                Err(Error::Conflict(_)) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}
