-- Who signs the certificats de réalisation: the EAFC's director, or a delegate signing for the
-- direction, named by the académie's admins. Each naming is a new row, never changed: a
-- certificate names the signatory in office when its cohort ended, so that naming a successor
-- does not re-sign the certificates already issued.
-- Keep in step with ../postgres/0013_certificate_signatories.sql.

CREATE TABLE certificate_signatories (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    title           TEXT NOT NULL,
    -- `director` or `delegate`.
    capacity        TEXT NOT NULL,
    -- The admin who named them (none for the demo's seed, or once the account is gone).
    set_by          BIGINT REFERENCES users (id) ON DELETE SET NULL,
    set_at          BIGINT NOT NULL
);
CREATE INDEX certificate_signatories_set_at ON certificate_signatories (set_at, id);
