-- During the training: delivery of the outbox with retries, personal links (join, calendar),
-- convocations and what each trainee did with them, messages (opening message), instructions
-- per activity. Keep in step with ../postgres/0004_during.sql.

ALTER TABLE outbox ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN locked_until BIGINT;
ALTER TABLE outbox ADD COLUMN failed_at BIGINT;
ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment_type TEXT;
ALTER TABLE outbox ADD COLUMN attachment TEXT;
DROP INDEX outbox_pending;
CREATE INDEX outbox_due ON outbox (sent_at, failed_at, next_attempt_at, id);

ALTER TABLE login_links ADD COLUMN cohort_id BIGINT REFERENCES cohorts (id) ON DELETE CASCADE;

CREATE TABLE personal_links (
    id              INTEGER PRIMARY KEY,
    token_hash      TEXT NOT NULL UNIQUE,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose         TEXT NOT NULL,
    cohort_id       BIGINT REFERENCES cohorts (id) ON DELETE CASCADE,
    activity_id     BIGINT REFERENCES activities (id) ON DELETE CASCADE,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    revoked_at      BIGINT,
    first_opened_at BIGINT,
    last_opened_at  BIGINT,
    opened_count    BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX personal_links_user ON personal_links (user_id, purpose);
CREATE INDEX personal_links_activity ON personal_links (activity_id);

ALTER TABLE enrollments ADD COLUMN links_opened_at BIGINT;
ALTER TABLE enrollments ADD COLUMN links_acknowledged_at BIGINT;

CREATE TABLE convocations (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    outbox_id       BIGINT NOT NULL REFERENCES outbox (id),
    sent_by         BIGINT REFERENCES users (id),
    created_at      BIGINT NOT NULL
);
CREATE INDEX convocations_cohort ON convocations (cohort_id, user_id);
CREATE UNIQUE INDEX convocations_one_reminder ON convocations (cohort_id, user_id) WHERE kind = 'reminder';

CREATE TABLE opening_messages (
    cohort_id       BIGINT PRIMARY KEY REFERENCES cohorts (id) ON DELETE CASCADE,
    introduction    TEXT NOT NULL,
    objectives      TEXT NOT NULL,
    validation      TEXT NOT NULL,
    accompaniment   TEXT NOT NULL,
    availability    TEXT NOT NULL,
    author_id       BIGINT NOT NULL REFERENCES users (id),
    updated_at      BIGINT NOT NULL
);

-- Each published version of the opening message; trainees read the latest.
CREATE TABLE opening_publications (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    introduction    TEXT NOT NULL,
    objectives      TEXT NOT NULL,
    validation      TEXT NOT NULL,
    accompaniment   TEXT NOT NULL,
    availability    TEXT NOT NULL,
    author_id       BIGINT NOT NULL REFERENCES users (id),
    published_at    BIGINT NOT NULL,
    emailed         BIGINT NOT NULL
);
CREATE INDEX opening_publications_cohort ON opening_publications (cohort_id, id);

ALTER TABLE activities ADD COLUMN instructions TEXT;
ALTER TABLE activities ADD COLUMN instructions_published_at BIGINT;
ALTER TABLE activities ADD COLUMN instructions_by_mail BIGINT NOT NULL DEFAULT 0;
