-- The audit log: admins' changes to accounts and settings, imports and purges, each kept for
-- good. Entries are chained like the attendance record (each hash covers the entry and the
-- previous hash) and the database refuses to change or delete one. The head row is taken first
-- by every append, so that appends queue one behind the other.
-- Keep in step with ../postgres/0020_audit_log.sql.

CREATE TABLE audit_log (
    seq             BIGINT PRIMARY KEY,
    at              BIGINT NOT NULL,
    -- Who did it: an account (kept as a number: the entry outlives the account), or none for
    -- the scheduler and the command line.
    actor_id        BIGINT,
    -- Their name when they did it, or `scheduler` / `command`.
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    -- What it was done to (`user:12`, `settings`, …).
    subject         TEXT NOT NULL,
    -- What changed, as JSON.
    details         TEXT NOT NULL,
    prev_hash       TEXT NOT NULL,
    hash            TEXT NOT NULL,
    -- The Ed25519 seal of the key that appended it (`KEYID:SIGNATURE`), none without a key.
    seal            TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE audit_head (
    id              BIGINT PRIMARY KEY,
    seq             BIGINT NOT NULL,
    hash            TEXT NOT NULL
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
