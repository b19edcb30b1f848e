//! A cohort's discussion space: a general thread and one per activity, posts and replies,
//! mentions, notification preferences, and each trainee's last activity.

use crate::outbox::{self, Mail};
use crate::{now, Flag, Store, StoreError, StoreResult};
use serde::Serialize;
use sqlx::FromRow;
use utoipa::ToSchema;

#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct Post {
    pub id: i64,
    pub cohort_id: i64,
    /// The activity whose thread it is in; none for the general thread.
    pub activity_id: Option<i64>,
    /// The post it answers; none for a new topic.
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub author_name: String,
    pub author_role: String,
    /// Markdown, rendered safely where shown.
    pub body: String,
    /// A trainee's new topic: a question awaiting a trainer's answer.
    #[sqlx(try_from = "i64")]
    #[schema(value_type = bool)]
    pub question: Flag,
    /// When a trainer of the cohort first answered it.
    pub answered_at: Option<i64>,
    pub created_at: i64,
}

const POST_SELECT: &str = "SELECT p.id, p.cohort_id, p.activity_id, p.parent_id, p.author_id, \
     u.first_name || ' ' || u.last_name AS author_name, u.role AS author_role, p.body, p.question, \
     p.answered_at, p.created_at FROM posts p JOIN users u ON u.id = p.author_id";

#[derive(Debug, Clone)]
pub struct NewPost {
    pub cohort_id: i64,
    pub activity_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub author_id: i64,
    pub body: String,
    /// Accounts the post mentions (already resolved to members of the cohort).
    pub mentioned: Vec<i64>,
}

/// Adds a post and queues the mails `notify` writes for it, in one transaction. A reply takes
/// its topic's thread; a trainee's new topic is a question; a trainer's reply answers it.
pub async fn add(
    store: &Store,
    p: &NewPost,
    notify: impl FnOnce(i64) -> Vec<Mail>,
) -> StoreResult<Post> {
    let mut activity_id = p.activity_id;
    if let Some(parent) = p.parent_id {
        let (cohort, activity, grand): (i64, Option<i64>, Option<i64>) =
            sqlx::query_as("SELECT cohort_id, activity_id, parent_id FROM posts WHERE id = $1")
                .bind(parent)
                .fetch_optional(store.pool())
                .await?
                .ok_or(StoreError::NotFound)?;
        if cohort != p.cohort_id || grand.is_some() {
            // Replies answer a topic of the same cohort, one level deep.
            return Err(StoreError::Refused("reply_target"));
        }
        activity_id = activity;
    } else if let Some(a) = activity_id {
        let found: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM activities WHERE id = $1 AND cohort_id = $2")
                .bind(a)
                .bind(p.cohort_id)
                .fetch_optional(store.pool())
                .await?;
        if found.is_none() {
            return Err(StoreError::NotFound);
        }
    }
    let (role,): (String,) = sqlx::query_as("SELECT role FROM users WHERE id = $1")
        .bind(p.author_id)
        .fetch_one(store.pool())
        .await?;
    let trainee = role == hybride_domain::Role::Trainee.as_str();
    let trainer = crate::cohorts::is_trainer(store, p.cohort_id, p.author_id).await?;
    let at = now();
    let mut tx = store.pool().begin().await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO posts (cohort_id, activity_id, parent_id, author_id, body, question, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(p.cohort_id)
    .bind(activity_id)
    .bind(p.parent_id)
    .bind(p.author_id)
    .bind(&p.body)
    .bind(i64::from(trainee && p.parent_id.is_none()))
    .bind(at)
    .fetch_one(&mut *tx)
    .await?;
    for user in &p.mentioned {
        sqlx::query(
            "INSERT INTO post_mentions (post_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(user)
        .execute(&mut *tx)
        .await?;
    }
    if let (Some(parent), true) = (p.parent_id, trainer) {
        sqlx::query("UPDATE posts SET answered_at = $1 WHERE id = $2 AND question = 1 AND answered_at IS NULL")
            .bind(at)
            .bind(parent)
            .execute(&mut *tx)
            .await?;
    }
    if trainee {
        touch_in(&mut tx, p.cohort_id, p.author_id, at).await?;
    }
    for mail in notify(id) {
        outbox::enqueue_in(&mut tx, &mail).await?;
    }
    tx.commit().await?;
    get(store, id).await
}

pub async fn get(store: &Store, id: i64) -> StoreResult<Post> {
    sqlx::query_as(&format!("{POST_SELECT} WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(store.pool())
        .await?
        .ok_or(StoreError::NotFound)
}

/// A thread's posts, topics in order with their replies after each.
pub async fn thread(
    store: &Store,
    cohort_id: i64,
    activity_id: Option<i64>,
) -> StoreResult<Vec<Post>> {
    let mut all: Vec<Post> = match activity_id {
        Some(a) => {
            sqlx::query_as(&format!(
                "{POST_SELECT} WHERE p.cohort_id = $1 AND p.activity_id = $2 ORDER BY p.id"
            ))
            .bind(cohort_id)
            .bind(a)
            .fetch_all(store.pool())
            .await?
        }
        None => {
            sqlx::query_as(&format!(
                "{POST_SELECT} WHERE p.cohort_id = $1 AND p.activity_id IS NULL ORDER BY p.id"
            ))
            .bind(cohort_id)
            .fetch_all(store.pool())
            .await?
        }
    };
    let key = |p: &Post| (p.parent_id.unwrap_or(p.id), p.id);
    all.sort_by_key(key);
    Ok(all)
}

/// Every post of a cohort since `since`, oldest first.
/// Each cohort's latest post (Unix seconds), for the cohorts that have posts.
pub async fn last_posts(store: &Store) -> StoreResult<std::collections::HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> =
        sqlx::query_as("SELECT cohort_id, MAX(created_at) FROM posts GROUP BY cohort_id")
            .fetch_all(store.pool())
            .await?;
    Ok(rows.into_iter().collect())
}

pub async fn since(store: &Store, cohort_id: i64, since: i64) -> StoreResult<Vec<Post>> {
    Ok(sqlx::query_as(&format!(
        "{POST_SELECT} WHERE p.cohort_id = $1 AND p.created_at > $2 ORDER BY p.id LIMIT 500"
    ))
    .bind(cohort_id)
    .bind(since)
    .fetch_all(store.pool())
    .await?)
}

/// Trainees' questions of a cohort, answered or not.
pub async fn questions(store: &Store, cohort_id: i64) -> StoreResult<Vec<Post>> {
    Ok(sqlx::query_as(&format!(
        "{POST_SELECT} WHERE p.cohort_id = $1 AND p.question = 1 ORDER BY p.id"
    ))
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

/// Posts per thread: (activity id or none, posts, last post at).
pub async fn threads(store: &Store, cohort_id: i64) -> StoreResult<Vec<(Option<i64>, i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT activity_id, COUNT(*), MAX(created_at) FROM posts WHERE cohort_id = $1 GROUP BY activity_id",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

/// How many posts a cohort has and how many people wrote them.
pub async fn totals(store: &Store, cohort_id: i64) -> StoreResult<(i64, i64)> {
    Ok(
        sqlx::query_as(
            "SELECT COUNT(*), COUNT(DISTINCT author_id) FROM posts WHERE cohort_id = $1",
        )
        .bind(cohort_id)
        .fetch_one(store.pool())
        .await?,
    )
}

/// How a member hears of new posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Notify {
    /// A mail for each post.
    Each,
    /// One mail a day with the new posts.
    Digest,
    /// Only when mentioned.
    Mentions,
}

impl Notify {
    pub fn as_str(self) -> &'static str {
        match self {
            Notify::Each => "each",
            Notify::Digest => "digest",
            Notify::Mentions => "mentions",
        }
    }

    pub fn parse(s: &str) -> Option<Notify> {
        match s {
            "each" => Some(Notify::Each),
            "digest" => Some(Notify::Digest),
            "mentions" => Some(Notify::Mentions),
            _ => None,
        }
    }

    /// Trainers hear of each post; trainees get a daily digest.
    pub fn default_for(role: hybride_domain::Role) -> Notify {
        if role == hybride_domain::Role::Trainee {
            Notify::Digest
        } else {
            Notify::Each
        }
    }
}

/// A member of the cohort's discussion: its trainers and trainees, with their preference.
#[derive(Debug, Clone, FromRow)]
pub struct Member {
    pub user_id: i64,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub role: String,
    pub locale: String,
    pub mode: Option<String>,
    pub digest_sent_at: Option<i64>,
}

impl Member {
    pub fn notify(&self) -> Notify {
        self.mode
            .as_deref()
            .and_then(Notify::parse)
            .unwrap_or_else(|| {
                Notify::default_for(
                    hybride_domain::Role::parse(&self.role)
                        .unwrap_or(hybride_domain::Role::Trainee),
                )
            })
    }
}

pub async fn members(store: &Store, cohort_id: i64) -> StoreResult<Vec<Member>> {
    Ok(sqlx::query_as(
        "SELECT u.id AS user_id, u.email, u.first_name, u.last_name, u.role, u.locale, s.mode, s.digest_sent_at \
         FROM users u LEFT JOIN forum_subscriptions s ON s.cohort_id = $1 AND s.user_id = u.id \
         WHERE u.active = 1 AND (u.id IN (SELECT user_id FROM enrollments WHERE cohort_id = $1) \
         OR u.id IN (SELECT user_id FROM cohort_trainers WHERE cohort_id = $1)) ORDER BY u.last_name, u.first_name, u.id",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

pub async fn set_notify(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    mode: Notify,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO forum_subscriptions (cohort_id, user_id, mode) VALUES ($1, $2, $3) \
         ON CONFLICT (cohort_id, user_id) DO UPDATE SET mode = excluded.mode",
    )
    .bind(cohort_id)
    .bind(user_id)
    .bind(mode.as_str())
    .execute(store.pool())
    .await?;
    Ok(())
}

/// Records a digest as sent up to `at`, queuing its mail, unless another instance did since
/// `previous` (then nothing is queued and `false` is returned).
pub async fn digest_sent(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    previous: Option<i64>,
    at: i64,
    mail: &Mail,
) -> StoreResult<bool> {
    let mut tx = store.pool().begin().await?;
    sqlx::query(
        "INSERT INTO forum_subscriptions (cohort_id, user_id, mode) VALUES ($1, $2, 'digest') \
         ON CONFLICT (cohort_id, user_id) DO NOTHING",
    )
    .bind(cohort_id)
    .bind(user_id)
    .execute(&mut *tx)
    .await?;
    let done = sqlx::query(
        "UPDATE forum_subscriptions SET digest_sent_at = $1 WHERE cohort_id = $2 AND user_id = $3 \
         AND COALESCE(digest_sent_at, -1) = COALESCE($4, -1)",
    )
    .bind(at)
    .bind(cohort_id)
    .bind(user_id)
    .bind(previous)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    outbox::enqueue_in(&mut tx, mail).await?;
    tx.commit().await?;
    Ok(true)
}

async fn touch_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    cohort_id: i64,
    user_id: i64,
    at: i64,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE enrollments SET last_active_at = $1 WHERE cohort_id = $2 AND user_id = $3 \
         AND (last_active_at IS NULL OR last_active_at < $4)",
    )
    .bind(at)
    .bind(cohort_id)
    .bind(user_id)
    .bind(at - 300)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A trainee did something in the cohort (visited its space, posted): at most one write every
/// five minutes.
pub async fn touch(store: &Store, cohort_id: i64, user_id: i64) -> StoreResult<()> {
    let mut tx = store.pool().begin().await?;
    touch_in(&mut tx, cohort_id, user_id, now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Each trainee's last sign of life in the cohort (space, posts, links), and the last
/// personal follow-up they were sent.
#[derive(Debug, Clone, FromRow, Serialize, ToSchema)]
pub struct TraineeActivity {
    pub user_id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub last_active_at: Option<i64>,
    pub followed_up_at: Option<i64>,
}

pub async fn trainee_activity(store: &Store, cohort_id: i64) -> StoreResult<Vec<TraineeActivity>> {
    Ok(sqlx::query_as(
        "SELECT e.user_id, u.first_name, u.last_name, u.email, \
         CASE WHEN e.last_active_at IS NULL THEN e.links_opened_at \
              WHEN e.links_opened_at IS NULL THEN e.last_active_at \
              WHEN e.last_active_at > e.links_opened_at THEN e.last_active_at ELSE e.links_opened_at END AS last_active_at, \
         (SELECT MAX(f.created_at) FROM follow_ups f WHERE f.cohort_id = e.cohort_id AND f.user_id = e.user_id) AS followed_up_at \
         FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1 \
         ORDER BY u.last_name, u.first_name, u.id",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}

/// A personal follow-up message to a trainee, queued and recorded together.
pub async fn follow_up(
    store: &Store,
    cohort_id: i64,
    user_id: i64,
    sent_by: i64,
    mail: &Mail,
) -> StoreResult<()> {
    if !crate::cohorts::is_enrolled(store, cohort_id, user_id).await? {
        return Err(StoreError::NotFound);
    }
    let mut tx = store.pool().begin().await?;
    let outbox_id = outbox::enqueue_in(&mut tx, mail).await?;
    sqlx::query(
        "INSERT INTO follow_ups (cohort_id, user_id, sent_by, outbox_id, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(cohort_id)
    .bind(user_id)
    .bind(sent_by)
    .bind(outbox_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A trainee's exchanges in a cohort: posts written, answers received from others, personal
/// messages (follow-ups) sent by the trainers — part of the record of distance work.
#[derive(Debug, Clone, Copy, Default, FromRow, Serialize, ToSchema)]
pub struct Exchanges {
    pub user_id: i64,
    pub posts: i64,
    pub answers: i64,
    pub messages: i64,
}

pub async fn exchanges(store: &Store, cohort_id: i64) -> StoreResult<Vec<Exchanges>> {
    Ok(sqlx::query_as(
        "SELECT e.user_id, \
         (SELECT COUNT(*) FROM posts p WHERE p.cohort_id = e.cohort_id AND p.author_id = e.user_id) AS posts, \
         (SELECT COUNT(*) FROM posts r JOIN posts q ON q.id = r.parent_id \
          WHERE r.cohort_id = e.cohort_id AND q.author_id = e.user_id AND r.author_id <> e.user_id) AS answers, \
         (SELECT COUNT(*) FROM follow_ups f WHERE f.cohort_id = e.cohort_id AND f.user_id = e.user_id) AS messages \
         FROM enrollments e WHERE e.cohort_id = $1",
    )
    .bind(cohort_id)
    .fetch_all(store.pool())
    .await?)
}
