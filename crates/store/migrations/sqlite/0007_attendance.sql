-- Attendance: the append-only record of every mark (signature, late arrival, early departure,
-- absence, correction, countersignature, join, confirmation, connected minutes, declaration,
-- validation), each chained to the previous one of its cohort by a SHA-256 hash; the head of
-- each cohort's chain; the secret behind each activity's rotating codes; a room's capacity; how
-- an asynchronous step's time is credited; the share of a virtual half-day that makes it count.
-- Keep in step with ../postgres/0007_attendance.sql.

-- Documents given with a mark: an absence's justification, a declaration's evidence. The
-- event names the document and its SHA-256, so that a file swapped afterwards is found.
CREATE TABLE attendance_documents (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id),
    user_id         BIGINT NOT NULL REFERENCES users (id),
    name            TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size            BIGINT NOT NULL,
    sha256          TEXT NOT NULL,
    body            BLOB NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX attendance_documents_cohort ON attendance_documents (cohort_id, user_id);

CREATE TABLE attendance_events (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id),
    seq             BIGINT NOT NULL,
    activity_id     BIGINT NOT NULL REFERENCES activities (id),
    slot            TEXT,
    subject_id      BIGINT NOT NULL REFERENCES users (id),
    kind            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    actor_id        BIGINT NOT NULL REFERENCES users (id),
    at              BIGINT NOT NULL,
    device          TEXT,
    minutes         BIGINT,
    moment          BIGINT,
    note            TEXT,
    document_id     BIGINT REFERENCES attendance_documents (id),
    document_sha256 TEXT,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL,
    UNIQUE (cohort_id, seq)
);
CREATE INDEX attendance_events_activity ON attendance_events (activity_id, seq);
CREATE INDEX attendance_events_subject ON attendance_events (subject_id);

CREATE TABLE attendance_heads (
    cohort_id       BIGINT PRIMARY KEY REFERENCES cohorts (id),
    seq             BIGINT NOT NULL,
    hash            TEXT NOT NULL
);

CREATE TABLE attendance_keys (
    activity_id     BIGINT PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
    secret          TEXT NOT NULL
);

ALTER TABLE activities ADD COLUMN capacity BIGINT;
ALTER TABLE steps ADD COLUMN credit_rule TEXT NOT NULL DEFAULT 'estimate_on_validation';
ALTER TABLE validation_rules ADD COLUMN half_day_threshold_percent BIGINT NOT NULL DEFAULT 80;
