-- A plan's batch export: the bundles of every closed cohort of the plan, prepared in the
-- background one cohort at a time (each bundle kept as a part, its progress kept as it goes),
-- downloaded as one zip streamed from the parts, and kept a few days.
-- Keep in step with ../postgres/0011_exports.sql.

CREATE TABLE bundle_exports (
    id              INTEGER PRIMARY KEY,
    plan_id         BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    requested_by    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    lang            TEXT NOT NULL,
    -- `pending`, `running`, `done` or `failed`.
    status          TEXT NOT NULL,
    cohorts_total   BIGINT NOT NULL DEFAULT 0,
    cohorts_done    BIGINT NOT NULL DEFAULT 0,
    documents       BIGINT NOT NULL DEFAULT 0,
    error           TEXT,
    -- The bytes of every part, once done.
    size            BIGINT,
    created_at      BIGINT NOT NULL,
    -- Last sign of life of the instance preparing it: a stale one is taken over.
    updated_at      BIGINT NOT NULL,
    finished_at     BIGINT
);
CREATE INDEX bundle_exports_plan ON bundle_exports (plan_id, created_at);
CREATE INDEX bundle_exports_status ON bundle_exports (status, updated_at);
-- One export of a plan at a time, waiting or under way.
CREATE UNIQUE INDEX bundle_exports_one_at_a_time ON bundle_exports (plan_id)
    WHERE status IN ('pending', 'running');

-- Each cohort's bundle (and the list of cohorts), in the order they go into the zip.
CREATE TABLE bundle_export_parts (
    export_id       BIGINT NOT NULL REFERENCES bundle_exports (id) ON DELETE CASCADE,
    position        BIGINT NOT NULL,
    name            TEXT NOT NULL,
    size            BIGINT NOT NULL,
    sha256          TEXT NOT NULL,
    body            BLOB NOT NULL,
    PRIMARY KEY (export_id, position)
);
