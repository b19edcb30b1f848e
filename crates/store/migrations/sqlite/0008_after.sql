-- After the training: when a cohort was closed; how long its contents stay available and the
-- level its trainers are paid at, per training (the académie's pay rates are a setting); the
-- trainers' statut for the pay service; lump sums granted per cohort; and each transmission
-- of a cohort's documents (the bundle's SHA-256, so that what was sent can be told apart).
-- Keep in step with ../postgres/0008_after.sql.

ALTER TABLE cohorts ADD COLUMN closed_at BIGINT;

CREATE TABLE training_after (
    training_id     BIGINT PRIMARY KEY REFERENCES trainings (id) ON DELETE CASCADE,
    pay_band        TEXT NOT NULL,
    contents_months BIGINT NOT NULL
);

CREATE TABLE pay_profiles (
    user_id         BIGINT PRIMARY KEY REFERENCES users (id),
    status          TEXT NOT NULL,
    grade           TEXT NOT NULL,
    employer        TEXT NOT NULL,
    updated_at      BIGINT NOT NULL
);

CREATE TABLE pay_lumps (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    kind            TEXT NOT NULL,
    cents           BIGINT NOT NULL,
    note            TEXT NOT NULL,
    created_by      BIGINT NOT NULL REFERENCES users (id),
    created_at      BIGINT NOT NULL
);
CREATE INDEX pay_lumps_cohort ON pay_lumps (cohort_id, user_id);

CREATE TABLE transmissions (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    at              BIGINT NOT NULL,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    sha256          TEXT NOT NULL,
    documents       BIGINT NOT NULL,
    -- The attendance record's last event when the bundle was made.
    events_seq      BIGINT NOT NULL,
    note            TEXT NOT NULL
);
CREATE INDEX transmissions_cohort ON transmissions (cohort_id, at);
