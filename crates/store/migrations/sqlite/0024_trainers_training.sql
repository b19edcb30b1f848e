-- The pilot trains the trainers in hybrid delivery. A training may be the one that trains them:
-- its validation, when a cohort closes, records each validated trainer's qualification with its
-- evidence (the cohort); a qualification recorded by hand keeps why and who recorded it. A
-- trainer asks her pilots to be trained (why, when she is available), and they answer.
-- Keep in step with ../postgres/0024_trainers_training.sql.

ALTER TABLE trainings ADD COLUMN trains_trainers BIGINT NOT NULL DEFAULT 0;

ALTER TABLE qualifications ADD COLUMN cohort_id BIGINT REFERENCES cohorts (id) ON DELETE SET NULL;
ALTER TABLE qualifications ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE qualifications ADD COLUMN recorded_by BIGINT REFERENCES users (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX qualifications_cohort ON qualifications (cohort_id, trainer_id);

CREATE TABLE qualification_requests (
    id              INTEGER PRIMARY KEY,
    trainer_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason          TEXT NOT NULL,
    availability    TEXT NOT NULL,
    -- waiting, enrolled (in a session of a trainers' training), declined (with an answer),
    -- qualified (the register holds her qualification).
    status          TEXT NOT NULL,
    cohort_id       BIGINT REFERENCES cohorts (id) ON DELETE SET NULL,
    answer          TEXT NOT NULL DEFAULT '',
    answered_by     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    created_at      BIGINT NOT NULL,
    answered_at     BIGINT
);
CREATE INDEX qualification_requests_trainer ON qualification_requests (trainer_id, status);
