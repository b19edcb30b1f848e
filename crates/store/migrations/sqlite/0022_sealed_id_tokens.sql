-- A session's ID token (kept to log out at the provider) is now sealed with a key that only
-- the session's cookie gives. Those kept in clear before are dropped: those sessions log out
-- here without sending the person through the provider's logout.
-- Keep in step with ../postgres/0022_sealed_id_tokens.sql.

UPDATE sessions SET id_token = NULL WHERE id_token IS NOT NULL;
