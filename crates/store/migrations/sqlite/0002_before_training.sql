-- Before the training: accompaniment plans, structured validation rules, equipment checks,
-- the register of trainers qualified in hybrid delivery, school holidays, académie settings,
-- and overrides of the "ready" gate. Keep in step with ../postgres/0002_before_training.sql.

CREATE TABLE accompaniment_plans (
    training_id         BIGINT PRIMARY KEY REFERENCES trainings (id) ON DELETE CASCADE,
    channels            TEXT NOT NULL,
    response_hours      BIGINT NOT NULL,
    working_days_only   BIGINT NOT NULL DEFAULT 1,
    tutoring_slots      TEXT NOT NULL,
    technical_contact   TEXT NOT NULL,
    exchange_hours      TEXT NOT NULL,
    updated_at          BIGINT NOT NULL
);

CREATE TABLE validation_rules (
    training_id                 BIGINT PRIMARY KEY REFERENCES trainings (id) ON DELETE CASCADE,
    min_in_person_percent       BIGINT NOT NULL,
    min_synchronous_percent     BIGINT NOT NULL,
    min_asynchronous_percent    BIGINT NOT NULL,
    mandatory_steps_required    BIGINT NOT NULL,
    evaluation_required         BIGINT NOT NULL,
    updated_at                  BIGINT NOT NULL
);

CREATE TABLE equipment_checks (
    id              INTEGER PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    checked_at      BIGINT NOT NULL,
    microphone      TEXT NOT NULL,
    speakers        TEXT NOT NULL,
    camera          TEXT NOT NULL,
    screen_share    TEXT NOT NULL,
    round_trip_ms   BIGINT,
    browser         TEXT NOT NULL
);
CREATE INDEX equipment_checks_user ON equipment_checks (user_id, checked_at);

CREATE TABLE qualifications (
    id              INTEGER PRIMARY KEY,
    trainer_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    qualified_on    TEXT NOT NULL,
    trained_by      BIGINT NOT NULL REFERENCES users (id),
    content         TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX qualifications_trainer ON qualifications (trainer_id);

CREATE TABLE school_holidays (
    id              INTEGER PRIMARY KEY,
    zone            TEXT NOT NULL,
    label           TEXT NOT NULL,
    first_day       TEXT NOT NULL,
    last_day        TEXT NOT NULL
);
CREATE INDEX school_holidays_zone ON school_holidays (zone, first_day);

CREATE TABLE settings (
    key             TEXT PRIMARY KEY,
    value           TEXT NOT NULL
);

CREATE TABLE status_overrides (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    status          TEXT NOT NULL,
    reason          TEXT NOT NULL,
    open_items      TEXT NOT NULL,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    created_at      BIGINT NOT NULL
);
CREATE INDEX status_overrides_cohort ON status_overrides (cohort_id);
