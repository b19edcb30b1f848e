-- Hybride foundation schema (SQLite). Keep in step with ../postgres/0001_foundation.sql:
-- a test checks that both define the same tables and columns.
-- Instants are Unix seconds (UTC); calendar dates are ISO text (YYYY-MM-DD); flags are 0 or 1
-- (sqlx's portable driver reads no SQLite BOOLEAN).

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    last_name       TEXT NOT NULL,
    first_name      TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'pilot', 'trainer', 'trainee')),
    establishment   TEXT,
    password_hash   TEXT,
    active          BIGINT NOT NULL DEFAULT 1,
    locale          TEXT NOT NULL DEFAULT 'fr',
    created_at      BIGINT NOT NULL
);
CREATE INDEX users_role_name ON users (role, last_name, first_name);

CREATE TABLE sessions (
    id_hash         TEXT PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
    id              INTEGER PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash      TEXT NOT NULL UNIQUE,
    label           TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    last_used_at    BIGINT,
    revoked_at      BIGINT
);

CREATE TABLE login_links (
    id              INTEGER PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash      TEXT NOT NULL UNIQUE,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    used_at         BIGINT
);

CREATE TABLE plans (
    id              INTEGER PRIMARY KEY,
    school_year     TEXT NOT NULL UNIQUE,
    title           TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);

CREATE TABLE trainings (
    id                      INTEGER PRIMARY KEY,
    plan_id                 BIGINT NOT NULL REFERENCES plans (id),
    dispositif_id           TEXT NOT NULL,
    module_id               TEXT NOT NULL,
    title                   TEXT NOT NULL,
    objectives              TEXT NOT NULL,
    public                  TEXT NOT NULL,
    in_person_minutes       BIGINT NOT NULL,
    synchronous_minutes     BIGINT NOT NULL,
    asynchronous_minutes    BIGINT NOT NULL,
    validation_criteria     TEXT NOT NULL,
    min_attendance_percent  BIGINT NOT NULL,
    pilot_id                BIGINT NOT NULL REFERENCES users (id),
    created_at              BIGINT NOT NULL,
    UNIQUE (plan_id, dispositif_id, module_id)
);
CREATE INDEX trainings_pilot ON trainings (pilot_id);

CREATE TABLE training_trainers (
    training_id     BIGINT NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (training_id, user_id)
);
CREATE INDEX training_trainers_user ON training_trainers (user_id);

CREATE TABLE steps (
    id              INTEGER PRIMARY KEY,
    training_id     BIGINT NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    position        BIGINT NOT NULL,
    modality        TEXT NOT NULL,
    learning_type   TEXT NOT NULL,
    title           TEXT NOT NULL,
    collective      BIGINT NOT NULL,
    social          BIGINT NOT NULL,
    minutes         BIGINT NOT NULL,
    instructions    TEXT NOT NULL,
    resources       TEXT NOT NULL,
    evidence        TEXT NOT NULL,
    evaluation      TEXT NOT NULL,
    trainer_role    TEXT NOT NULL,
    mandatory       BIGINT NOT NULL
);
CREATE INDEX steps_training ON steps (training_id, position);

CREATE TABLE cohorts (
    id              INTEGER PRIMARY KEY,
    training_id     BIGINT NOT NULL REFERENCES trainings (id),
    label           TEXT NOT NULL,
    gaia_session_id TEXT,
    status          TEXT NOT NULL,
    starts_on       TEXT NOT NULL,
    ends_on         TEXT NOT NULL,
    course_url      TEXT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX cohorts_training ON cohorts (training_id);

CREATE TABLE cohort_trainers (
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX cohort_trainers_user ON cohort_trainers (user_id);

CREATE TABLE enrollments (
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    enrolled_at     BIGINT NOT NULL,
    PRIMARY KEY (cohort_id, user_id)
);
CREATE INDEX enrollments_user ON enrollments (user_id);

CREATE TABLE activities (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    step_id         BIGINT REFERENCES steps (id) ON DELETE SET NULL,
    title           TEXT NOT NULL,
    modality        TEXT NOT NULL,
    starts_at       BIGINT NOT NULL,
    ends_at         BIGINT NOT NULL,
    place           TEXT,
    room_url        TEXT
);
CREATE INDEX activities_cohort ON activities (cohort_id, starts_at);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    attempts        BIGINT NOT NULL DEFAULT 0,
    sent_at         BIGINT,
    last_error      TEXT
);
CREATE INDEX outbox_pending ON outbox (sent_at, id);
