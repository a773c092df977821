-- Requests for internal load balancers, their immutable revisions, and the decisions on each revision.
CREATE TABLE lb_request (
    id                UUID PRIMARY KEY,
    team              VARCHAR(100) NOT NULL,
    region            VARCHAR(20),
    name              VARCHAR(63),
    status            VARCHAR(20)  NOT NULL,
    requester_subject VARCHAR(255) NOT NULL,
    requester_name    VARCHAR(255) NOT NULL,
    spec_json         TEXT         NOT NULL,
    current_revision  INT          NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    submitted_at      TIMESTAMPTZ,
    expires_at        TIMESTAMPTZ,
    decided_at        TIMESTAMPTZ,
    version           BIGINT       NOT NULL DEFAULT 0
);
-- The approval queue: submitted requests, oldest first, filtered by team and region.
CREATE INDEX lb_request_queue_ix ON lb_request (status, submitted_at, id);
CREATE INDEX lb_request_team_ix ON lb_request (team, updated_at DESC);
-- Open requests must not reuse a name in a region (checked on the server as well, with a message).
CREATE INDEX lb_request_open_name_ix ON lb_request (region, lower(name)) WHERE status IN ('DRAFT', 'SUBMITTED');
CREATE INDEX lb_request_expiry_ix ON lb_request (expires_at) WHERE status = 'SUBMITTED';

CREATE TABLE lb_request_revision (
    id             UUID PRIMARY KEY,
    request_id     UUID         NOT NULL REFERENCES lb_request (id) ON DELETE CASCADE,
    number         INT          NOT NULL,
    spec_json      TEXT         NOT NULL,
    plan_json      TEXT         NOT NULL,
    plan_hash      VARCHAR(64)     NOT NULL,
    author_subject VARCHAR(255) NOT NULL,
    author_name    VARCHAR(255) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT lb_request_revision_number_uq UNIQUE (request_id, number)
);

CREATE TABLE lb_request_decision (
    id              UUID PRIMARY KEY,
    request_id      UUID         NOT NULL REFERENCES lb_request (id) ON DELETE CASCADE,
    revision_number INT          NOT NULL,
    plan_hash       VARCHAR(64)     NOT NULL,
    outcome         VARCHAR(20)  NOT NULL,
    decider_subject VARCHAR(255) NOT NULL,
    decider_name    VARCHAR(255) NOT NULL,
    reason          TEXT,
    decided_at      TIMESTAMPTZ  NOT NULL,
    voided          BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX lb_request_decision_request_ix ON lb_request_decision (request_id, decided_at);

CREATE TABLE lb_request_editor (
    request_id UUID         NOT NULL REFERENCES lb_request (id) ON DELETE CASCADE,
    subject    VARCHAR(255) NOT NULL,
    PRIMARY KEY (request_id, subject)
);
