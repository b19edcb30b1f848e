-- BigBlueButton's analytics of a meeting are accepted once: the meeting's row here is taken by
-- the first callback, with the digest of the token it came with, so that a captured token
-- replays nothing, for that meeting or another.
-- Keep in step with ../sqlite/0018_bbb_analytics.sql.

CREATE TABLE bbb_analytics (
    meeting_id      TEXT PRIMARY KEY,
    activity_id     BIGINT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    token_hash      TEXT NOT NULL UNIQUE,
    received_at     BIGINT NOT NULL
);
