-- What M@gistère said of a cohort's course when its staff last checked it (the course's name,
-- or why it could not be read; how many of the cohort's trainees are enrolled in it, and who
-- is not), for the « avant » checklist to read without calling M@gistère on every page.
-- Keep in step with ../postgres/0023_magistere_checks.sql.

CREATE TABLE magistere_checks (
    cohort_id   BIGINT PRIMARY KEY REFERENCES cohorts(id) ON DELETE CASCADE,
    checked_at  BIGINT NOT NULL,
    result      TEXT NOT NULL
);
