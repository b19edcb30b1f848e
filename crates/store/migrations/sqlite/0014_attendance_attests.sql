-- A countersignature attests what its trainer read: the fingerprint of its half-day's events
-- before it (the sheet's « empreinte »). Marks recorded after that are corrections, shown as
-- such, and the half-day waits to be countersigned again. Part of the event's hash when set.
-- Keep in step with ../postgres/0014_attendance_attests.sql.
ALTER TABLE attendance_events ADD COLUMN attests TEXT;
