-- Virtual rooms created on a BigBlueButton server for an activity. Keep in step with
-- ../postgres/0003_virtual_rooms.sql.

CREATE TABLE bbb_rooms (
    activity_id     BIGINT PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
    meeting_id      TEXT NOT NULL UNIQUE,
    created_at      BIGINT NOT NULL
);
