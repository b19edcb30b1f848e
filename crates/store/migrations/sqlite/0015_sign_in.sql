-- Signing in through the académie's identity providers (OpenID Connect, CAS).
-- Keep in step with ../postgres/0015_sign_in.sql.

-- The providers the académie declares: their address, the claims that give the person's
-- e-mail, names and establishment, the e-mail domains they speak for, and what a first
-- sign-in does for someone without an account (`create_trainee` or `refuse`).
CREATE TABLE identity_providers (
    id                  INTEGER PRIMARY KEY,
    slug                TEXT NOT NULL UNIQUE,
    -- `oidc` or `cas`.
    protocol            TEXT NOT NULL,
    label               TEXT NOT NULL,
    -- The OpenID Connect issuer, or the CAS server's base address.
    url                 TEXT NOT NULL,
    client_id           TEXT NOT NULL,
    client_secret       TEXT NOT NULL,
    email_claim         TEXT NOT NULL,
    first_name_claim    TEXT NOT NULL,
    last_name_claim     TEXT NOT NULL,
    establishment_claim TEXT NOT NULL,
    -- Comma-separated.
    domains             TEXT NOT NULL,
    newcomers           TEXT NOT NULL,
    active              BIGINT NOT NULL DEFAULT 1,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);

-- Who a provider's subject is here, once linked.
CREATE TABLE external_identities (
    provider_id     BIGINT NOT NULL REFERENCES identity_providers (id) ON DELETE CASCADE,
    subject         TEXT NOT NULL,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    linked_at       BIGINT NOT NULL,
    last_seen_at    BIGINT NOT NULL,
    PRIMARY KEY (provider_id, subject)
);
CREATE INDEX external_identities_user ON external_identities (user_id);

-- A sign-in under way: kept from the departure to the provider until the return, used once.
-- The `state` is stored only as its digest; the browser holds it in a cookie too.
CREATE TABLE sign_in_attempts (
    state_hash      TEXT PRIMARY KEY,
    provider_id     BIGINT NOT NULL REFERENCES identity_providers (id) ON DELETE CASCADE,
    nonce           TEXT NOT NULL,
    pkce_verifier   TEXT NOT NULL,
    next_path       TEXT NOT NULL,
    expires_at      BIGINT NOT NULL
);
CREATE INDEX sign_in_attempts_expiry ON sign_in_attempts (expires_at);

-- A session opened through a provider remembers it: to log out there too (OpenID Connect's
-- `id_token_hint`), and to end when the CAS server asks (its service ticket, as a digest).
ALTER TABLE sessions ADD COLUMN provider_id BIGINT REFERENCES identity_providers (id) ON DELETE SET NULL;
ALTER TABLE sessions ADD COLUMN id_token TEXT;
ALTER TABLE sessions ADD COLUMN ticket_hash TEXT;
CREATE INDEX sessions_ticket ON sessions (ticket_hash);

-- A session ends after an idle period as well as at its maximum age: its last use, written at
-- most once a minute.
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT;

-- A forgotten password is reset through a link mailed to the account's address: single-use,
-- short-lived, stored only as a digest, and never usable as a login link.
CREATE TABLE password_resets (
    id              INTEGER PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash      TEXT NOT NULL UNIQUE,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    used_at         BIGINT
);
CREATE INDEX password_resets_expiry ON password_resets (expires_at);

-- API tokens expire, and may be limited to reading. Tokens made before keep their rights and
-- end a year after this migration.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write';
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
UPDATE api_tokens SET expires_at = CAST(strftime('%s', 'now') AS INTEGER) + 31536000 WHERE expires_at IS NULL;
