-- The satisfaction surveys of a cohort (« à chaud » at its end, « à froid » some weeks later):
-- each keeps the questions it was sent with; who was invited and whether they answered is kept
-- apart from the answers, which carry no name.
-- Keep in step with ../postgres/0010_surveys.sql.

CREATE TABLE surveys (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    -- `hot` or `cold`.
    kind            TEXT NOT NULL,
    -- The questions as sent (JSON).
    questions       TEXT NOT NULL,
    sent_at         BIGINT NOT NULL,
    closes_at       BIGINT NOT NULL,
    -- Who sent it by hand; NULL when the jobs loop sent it on time.
    sent_by         BIGINT REFERENCES users (id) ON DELETE SET NULL,
    UNIQUE (cohort_id, kind)
);

CREATE TABLE survey_invitations (
    survey_id       BIGINT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    answered_at     BIGINT,
    -- When the one reminder before the close went, to those who had not answered.
    reminded_at     BIGINT,
    PRIMARY KEY (survey_id, user_id)
);
CREATE INDEX survey_invitations_user ON survey_invitations (user_id);

CREATE TABLE survey_responses (
    id              INTEGER PRIMARY KEY,
    survey_id       BIGINT NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    -- One answer per question, in the survey's order (JSON).
    answers         TEXT NOT NULL
);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id);
