-- Attempts counted per key (an account, an address) and fixed window, shared by every instance:
-- login, login-link requests and personal-link openings are limited. Keep in step with
-- ../sqlite/0006_rate_limits.sql.

CREATE TABLE rate_limits (
    key             TEXT NOT NULL,
    window_start    BIGINT NOT NULL,
    hits            BIGINT NOT NULL,
    PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);
