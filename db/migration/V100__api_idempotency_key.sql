-- The JSON API's Idempotency-Key (docs/api.md): the same person sending the same key to a creating POST gets the
-- request that the first call created, not a second one. The body's hash tells a retry from a reused key.
CREATE TABLE api_idempotency_key (
    subject         VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    body_hash       CHAR(64)     NOT NULL,
    request_id      UUID         NOT NULL REFERENCES lb_request (id) ON DELETE CASCADE,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (subject, idempotency_key)
);
CREATE INDEX api_idempotency_key_request ON api_idempotency_key (request_id);
