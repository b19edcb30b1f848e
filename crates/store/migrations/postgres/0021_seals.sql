-- Seals: each entry appended to a chain carries the Ed25519 signature of the key that appended
-- it, when a key is configured (the key lives outside the database). A key's first use seals
-- every chain's head as it stood then; `hybride verify` checks the seals with the public keys
-- it is given, never with the ones below (kept to show which key sealed from when).
-- Keep in step with ../sqlite/0021_seals.sql.

ALTER TABLE attendance_events ADD COLUMN seal TEXT;

CREATE TABLE seal_keys (
    key_id          TEXT PRIMARY KEY,
    public_key      TEXT NOT NULL,
    first_used_at   BIGINT NOT NULL
);

CREATE TABLE head_seals (
    key_id          TEXT NOT NULL,
    -- `attendance:COHORT` or `audit`.
    chain           TEXT NOT NULL,
    seq             BIGINT NOT NULL,
    hash            TEXT NOT NULL,
    seal            TEXT NOT NULL,
    PRIMARY KEY (key_id, chain)
);
