//! The discussion space (the charter's social activities): safe Markdown, mentions and
//! notifications, the daily digest, and the accompaniment measured against the plan —
//! questions left unanswered past the committed response time, trainees gone quiet.

use crate::i18n::{self, Lang};
use crate::Error;
use crate::Hybride;
use hybride_domain::discussion;
use hybride_store::cohorts::{self, Cohort};
use hybride_store::discussion::Member;
use hybride_store::discussion::{self as store, NewPost};
pub use hybride_store::discussion::{Notify, Post};
use hybride_store::outbox::Mail;
use hybride_store::{before, now, Store};
use minijinja::context;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

/// Markdown as safe HTML: raw HTML is shown as text, links only to http(s) and mail
/// addresses, images become links (nothing is loaded from elsewhere).
pub fn markdown(text: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TABLES);
    let safe_url = |u: &str| {
        let l = u.trim().to_ascii_lowercase();
        l.starts_with("https://") || l.starts_with("http://") || l.starts_with("mailto:")
    };
    // A link (or an image, which becomes a link) to anywhere unsafe keeps only its text.
    let mut in_bad_link = 0usize;
    let mut events = Vec::new();
    for e in Parser::new_ext(text, options) {
        let kept = match e {
            Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
            | Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if safe_url(&dest_url) {
                    Some(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }))
                } else {
                    in_bad_link += 1;
                    None
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if in_bad_link > 0 {
                    in_bad_link -= 1;
                    None
                } else {
                    Some(Event::End(TagEnd::Link))
                }
            }
            other => Some(other),
        };
        events.extend(kept);
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    // Links open outside and say nothing of where they come from.
    html.replace("<a href=", "<a rel=\"nofollow noopener noreferrer\" href=")
}

fn handle(email: &str) -> String {
    email.split('@').next().unwrap_or("").to_lowercase()
}

/// A post shown in a page: its author, its body as safe HTML.
#[derive(Serialize)]
pub struct ShownPost {
    #[serde(flatten)]
    pub post: Post,
    pub html: String,
}

pub fn shown(posts: Vec<Post>) -> Vec<ShownPost> {
    posts
        .into_iter()
        .map(|p| ShownPost {
            html: markdown(&p.body),
            post: p,
        })
        .collect()
}

/// Posts in a cohort's thread, notifying members: those mentioned, and those who follow each
/// post. Refused when the cohort is not under way.
pub async fn post(
    state: &Hybride,
    c: &Cohort,
    author: &hybride_store::people::User,
    activity_id: Option<i64>,
    parent_id: Option<i64>,
    body: &hybride_domain::LongText,
) -> Result<Post, Error> {
    if !c.status.may_convoke() {
        return Err(Error::Refused("cohort_not_started"));
    }
    let s = &state.store;
    let members = store::members(s, c.id).await?;
    let wanted = discussion::mentions(body.as_str());
    let mentioned: Vec<i64> = members
        .iter()
        .filter(|m| m.user_id != author.id && wanted.contains(&handle(&m.email)))
        .map(|m| m.user_id)
        .collect();
    let t = hybride_store::trainings::get(s, c.training_id).await?;
    let thread_title = match activity_id {
        Some(a) => cohorts::activity(s, c.id, a).await?.title,
        None => String::new(),
    };
    let base = state.config.public_url.clone();
    let templates = state.texts.clone();
    let author_name = author.display_name();
    let mut failure = None;
    let notify = |post_id: i64| -> Vec<Mail> {
        let thread = match activity_id {
            Some(a) => a.to_string(),
            None => "general".into(),
        };
        let url = format!("{base}/cohorts/{}/forum/{thread}#post-{post_id}", c.id);
        let mut mails = Vec::new();
        for m in members.iter().filter(|m| m.user_id != author.id) {
            let is_mentioned = mentioned.contains(&m.user_id);
            if !is_mentioned && m.notify() != Notify::Each {
                continue;
            }
            let lang = Lang::of_locale(&m.locale);
            let subject = i18n::tr(
                lang,
                if is_mentioned {
                    "mail-mention-subject"
                } else {
                    "mail-post-subject"
                },
                &[("name", author_name.clone()), ("training", t.title.clone())],
            );
            match templates.text(
                "mail/post.txt",
                lang,
                context! {
                    first_name => m.first_name,
                    author => author_name,
                    training => t.title,
                    thread => thread_title,
                    body => body.as_str(),
                    url => url,
                    mentioned => is_mentioned,
                },
            ) {
                Ok(text) => mails.push(Mail::new(m.email.clone(), subject, text)),
                Err(e) => failure = Some(e),
            }
        }
        mails
    };
    let p = store::add(
        s,
        &NewPost {
            cohort_id: c.id,
            activity_id,
            parent_id,
            author_id: author.id,
            body: body.as_str().to_owned(),
            mentioned: mentioned.clone(),
        },
        notify,
    )
    .await?;
    if let Some(e) = failure {
        tracing::warn!(error = %e, "a post notification could not be written");
    }
    Ok(p)
}

/// Daily digests for members who chose them: the posts of others since the last one.
pub async fn send_digests(state: &Hybride) -> Result<usize, Error> {
    use hybride_domain::CohortStatus;
    let s = &state.store;
    let at = now();
    let mut sent = 0;
    // One query tells which cohorts have posts at all: a round costs nothing where nobody writes.
    let last_posts = store::last_posts(s).await?;
    for c in cohorts::list(s, cohorts::CohortFilter::default()).await? {
        if c.status != CohortStatus::Running {
            continue;
        }
        let Some(&last_post) = last_posts.get(&c.id) else {
            continue;
        };
        let members = store::members(s, c.id).await?;
        for m in members.iter().filter(|m| m.notify() == Notify::Digest) {
            if m.digest_sent_at.is_some_and(|d| at - d < 24 * 3600) {
                continue;
            }
            let since = m.digest_sent_at.unwrap_or(at - 24 * 3600);
            if last_post <= since {
                continue;
            }
            let posts: Vec<Post> = store::since(s, c.id, since)
                .await?
                .into_iter()
                .filter(|p| p.author_id != m.user_id)
                .collect();
            if posts.is_empty() {
                continue;
            }
            let lang = Lang::of_locale(&m.locale);
            let text = state.texts.text(
                "mail/digest.txt",
                lang,
                context! {
                    first_name => m.first_name,
                    training => c.training_title,
                    posts => posts,
                    url => format!("{}/cohorts/{}/forum", state.config.public_url, c.id),
                },
            )?;
            let mail = Mail::new(
                m.email.clone(),
                i18n::tr(
                    lang,
                    "mail-digest-subject",
                    &[
                        ("training", c.training_title.clone()),
                        ("count", posts.len().to_string()),
                    ],
                ),
                text,
            );
            if store::digest_sent(s, c.id, m.user_id, m.digest_sent_at, at, &mail).await? {
                sent += 1;
            }
        }
    }
    Ok(sent)
}

/// A trainee's question past its due answer time.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Overdue {
    pub post_id: i64,
    pub activity_id: Option<i64>,
    pub author_name: String,
    pub asked_at: i64,
    pub due_at: i64,
    /// Hours past due.
    pub hours_late: i64,
}

/// A trainee with no sign of life for the set number of days.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Quiet {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub last_active_at: Option<i64>,
    pub followed_up_at: Option<i64>,
}

/// The accompaniment as measured: overdue questions and quiet trainees.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[schema(as = AccompanimentMeasure)]
pub struct Accompaniment {
    pub response_hours: Option<i64>,
    pub working_days_only: bool,
    pub inactivity_days: u32,
    pub overdue: Vec<Overdue>,
    pub inactive: Vec<Quiet>,
}

/// Days without a sign of life after which a trainee is listed for a follow-up (setting
/// `inactivity_days`, 7 by default).
pub async fn inactivity_days(store: &Store) -> Result<u32, Error> {
    Ok(before::setting(store, "inactivity_days")
        .await?
        .and_then(|v| v.parse().ok())
        .filter(|d: &u32| (1..=90).contains(d))
        .unwrap_or(7))
}

fn instant(dt: jiff::civil::DateTime) -> i64 {
    dt.to_zoned(hybride_domain::time::paris())
        .map(|z| z.timestamp().as_second())
        .unwrap_or(i64::MAX)
}

pub async fn accompaniment(store: &Store, c: &Cohort) -> Result<Accompaniment, Error> {
    let activities = cohorts::activities(store, c.id).await?;
    accompaniment_of(store, c, &activities).await
}

/// The accompaniment of a cohort whose `activities` are already at hand.
pub async fn accompaniment_of(
    store: &Store,
    c: &Cohort,
    activities: &[cohorts::Activity],
) -> Result<Accompaniment, Error> {
    let plan = before::accompaniment(store, c.training_id).await?;
    let days = inactivity_days(store).await?;
    let at = now();
    let mut overdue = Vec::new();
    if let Some(p) = &plan {
        let hours = u32::try_from(p.response_hours).unwrap_or(0);
        for q in store::questions(store, c.id).await? {
            if q.answered_at.is_some() {
                continue;
            }
            let due = instant(discussion::answer_due(
                hybride_domain::time::civil(q.created_at),
                hours,
                p.working_days_only.0,
            ));
            if at > due {
                overdue.push(Overdue {
                    post_id: q.id,
                    activity_id: q.activity_id,
                    author_name: q.author_name.clone(),
                    asked_at: q.created_at,
                    due_at: due,
                    hours_late: (at - due) / 3600,
                });
            }
        }
    }
    // Quiet: nothing for `days` days (or never, once the cohort has run that long), and not
    // followed up since.
    let started = activities
        .iter()
        .map(|a| a.starts_at)
        .min()
        .unwrap_or(i64::MAX);
    let limit = at - i64::from(days) * 24 * 3600;
    let inactive = if started < limit {
        store::trainee_activity(store, c.id)
            .await?
            .into_iter()
            .filter(|t| t.last_active_at.is_none_or(|l| l < limit))
            .filter(|t| t.followed_up_at.is_none_or(|f| f < limit))
            .map(|t| Quiet {
                user_id: t.user_id,
                name: format!("{} {}", t.first_name, t.last_name),
                email: t.email,
                last_active_at: t.last_active_at,
                followed_up_at: t.followed_up_at,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Accompaniment {
        response_hours: plan.as_ref().map(|p| p.response_hours),
        working_days_only: plan.as_ref().is_some_and(|p| p.working_days_only.0),
        inactivity_days: days,
        overdue,
        inactive,
    })
}

// ---- reads and writes of the record, for the pages and the API

/// A thread's posts, topics in order with their replies after each.
pub async fn thread(
    store: &Store,
    cohort_id: i64,
    activity_id: Option<i64>,
) -> crate::Result<Vec<Post>> {
    Ok(hybride_store::discussion::thread(store, cohort_id, activity_id).await?)
}

/// A trainee did something in the cohort (visited its space, posted): at most one write every
/// five minutes.
pub async fn touch(store: &Store, cohort_id: i64, user_id: i64) -> crate::Result<()> {
    Ok(hybride_store::discussion::touch(store, cohort_id, user_id).await?)
}

pub async fn members(store: &Store, cohort_id: i64) -> crate::Result<Vec<Member>> {
    Ok(hybride_store::discussion::members(store, cohort_id).await?)
}

/// Posts per thread: (activity id or none, posts, last post at).
pub async fn threads(store: &Store, cohort_id: i64) -> crate::Result<Vec<(Option<i64>, i64, i64)>> {
    Ok(hybride_store::discussion::threads(store, cohort_id).await?)
}

pub async fn set_notify(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    mode: Notify,
) -> crate::Result<()> {
    Ok(hybride_store::discussion::set_notify(store, cohort_id, user_id, mode).await?)
}

/// A personal follow-up message to a trainee, queued and recorded together.
pub async fn follow_up(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    sent_by: i64,
    mail: &Mail,
) -> crate::Result<()> {
    Ok(hybride_store::discussion::follow_up(store, cohort_id, user_id, sent_by, mail).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_rendered_without_anything_unsafe() {
        let html = markdown("**Bonjour** <script>alert(1)</script> [site](https://eduscol.education.fr) [x](javascript:alert(1)) ![img](http://tracker.example/p.gif)");
        assert!(html.contains("<strong>Bonjour</strong>"));
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<script"));
        assert!(html.contains("href=\"https://eduscol.education.fr\""));
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("rel=\"nofollow noopener noreferrer\""));
    }
}
