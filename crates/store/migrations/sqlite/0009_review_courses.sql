-- The loop back to the pilot and the free-access courses: each trainer's review (bilan) of a
-- cohort, with the figures it was written from; the catalogue of free-access courses
-- (M@gistère « formations en libre accès »), the ones a training recommends, and the closing
-- message that sends them to the cohort's trainees.
-- Keep in step with ../postgres/0009_review_courses.sql.

CREATE TABLE reviews (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    worked          TEXT NOT NULL,
    to_change       TEXT NOT NULL,
    next_year       TEXT NOT NULL,
    -- The figures shown beside the text when it was submitted (JSON).
    figures         TEXT NOT NULL,
    updated_at      BIGINT NOT NULL,
    submitted_at    BIGINT,
    UNIQUE (cohort_id, user_id)
);

CREATE TABLE open_courses (
    id              INTEGER PRIMARY KEY,
    title           TEXT NOT NULL,
    provider        TEXT NOT NULL,
    url             TEXT NOT NULL UNIQUE,
    minutes         BIGINT NOT NULL,
    themes          TEXT NOT NULL,
    created_by      BIGINT NOT NULL REFERENCES users (id),
    created_at      BIGINT NOT NULL
);

CREATE TABLE course_recommendations (
    training_id     BIGINT NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    course_id       BIGINT NOT NULL REFERENCES open_courses (id) ON DELETE CASCADE,
    added_by        BIGINT NOT NULL REFERENCES users (id),
    added_at        BIGINT NOT NULL,
    PRIMARY KEY (training_id, course_id)
);

CREATE TABLE closing_messages (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    sent_at         BIGINT NOT NULL,
    recipients      BIGINT NOT NULL,
    courses         BIGINT NOT NULL
);
CREATE INDEX closing_messages_cohort ON closing_messages (cohort_id, sent_at);
