-- The discussion space of each cohort (the social activities): posts in a general thread or
-- an activity's thread, replies, mentions, notification preferences, and each trainee's last
-- activity (for the follow-up of those who have gone quiet). Keep in step with
-- ../postgres/0005_discussion.sql.

CREATE TABLE posts (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    activity_id     BIGINT REFERENCES activities (id) ON DELETE SET NULL,
    parent_id       BIGINT REFERENCES posts (id) ON DELETE CASCADE,
    author_id       BIGINT NOT NULL REFERENCES users (id),
    body            TEXT NOT NULL,
    question        BIGINT NOT NULL DEFAULT 0,
    answered_at     BIGINT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX posts_cohort ON posts (cohort_id, created_at);
CREATE INDEX posts_parent ON posts (parent_id);

CREATE TABLE post_mentions (
    post_id         BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, user_id)
);

CREATE TABLE forum_subscriptions (
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    mode            TEXT NOT NULL,
    digest_sent_at  BIGINT,
    PRIMARY KEY (cohort_id, user_id)
);

CREATE TABLE follow_ups (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sent_by         BIGINT NOT NULL REFERENCES users (id),
    outbox_id       BIGINT NOT NULL REFERENCES outbox (id),
    created_at      BIGINT NOT NULL
);
CREATE INDEX follow_ups_cohort ON follow_ups (cohort_id, user_id);

ALTER TABLE enrollments ADD COLUMN last_active_at BIGINT;
