-- A second factor after the password: a code from an authenticator app (TOTP, RFC 6238), or
-- one of the recovery codes shown once at enrolment.
-- Keep in step with ../postgres/0016_second_factor.sql.

-- One per person. The app's secret is needed to check codes, so it is kept as it is (base 32);
-- the factor counts from its confirmation by a first code. `last_step` is the time step of the
-- last code accepted: a code of that step or an earlier one is never accepted again.
CREATE TABLE second_factors (
    user_id         BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret          TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    confirmed_at    BIGINT,
    last_step       BIGINT
);

-- Recovery codes, stored only as their SHA-256 digest; each is used once, and a new set
-- replaces the old one.
CREATE TABLE recovery_codes (
    id              INTEGER PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash       TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    used_at         BIGINT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- A session whose sign-in is not complete (`code`: a second factor's code is awaited;
-- `enrol`: enrolment must be confirmed first) identifies nobody to the rest of Hybride.
ALTER TABLE sessions ADD COLUMN pending TEXT;
