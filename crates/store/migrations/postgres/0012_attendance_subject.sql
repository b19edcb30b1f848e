-- One person's marks of one activity (deciding on a trainer's correction, a trainee's
-- signature or her "I am here", a trainer's countersignature) are read through this index,
-- without going over every mark of the activity.
-- Keep in step with ../sqlite/0012_attendance_subject.sql.
CREATE INDEX attendance_events_activity_subject ON attendance_events (activity_id, subject_id, seq);
