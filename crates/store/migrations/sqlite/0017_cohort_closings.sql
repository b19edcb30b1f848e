-- Closing a cohort and undoing it: each is an event kept for good, with who did it and when,
-- so that a cohort closed then reopened by its staff shows both. Reopening is possible for a few
-- days after closing, with a reason.
-- Keep in step with ../postgres/0017_cohort_closings.sql.

CREATE TABLE cohort_closings (
    id              INTEGER PRIMARY KEY,
    cohort_id       BIGINT NOT NULL REFERENCES cohorts (id) ON DELETE CASCADE,
    -- `closed` or `reopened`.
    kind            TEXT NOT NULL,
    -- Who closed or reopened it (none once the account is gone).
    by_user         BIGINT REFERENCES users (id) ON DELETE SET NULL,
    at              BIGINT NOT NULL,
    -- Why it was reopened (empty for a closing).
    reason          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cohort_closings_cohort ON cohort_closings (cohort_id, at, id);
