-- A pilot sees the trainings they pilot; an admin may grant one the whole plan (the EAFC's
-- head of training, say). The grant is kept on the account and ends when the role changes.
-- Keep in step with ../postgres/0019_whole_plan.sql.

ALTER TABLE users ADD COLUMN whole_plan BIGINT NOT NULL DEFAULT 0;
