-- People as the portal last saw them at sign-in: who the approvers, admins and team members are, and where to mail.
CREATE TABLE notification_person (
    subject      VARCHAR(255) PRIMARY KEY,
    display_name VARCHAR(255) NOT NULL,
    email        VARCHAR(320),
    roles        TEXT[]       NOT NULL,
    teams        TEXT[]       NOT NULL,
    last_seen_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX notification_person_roles_ix ON notification_person USING GIN (roles);
CREATE INDEX notification_person_teams_ix ON notification_person USING GIN (teams);

-- What a person chose not to (or to) receive; no row means the default: on.
CREATE TABLE notification_preference (
    subject VARCHAR(255) NOT NULL,
    kind    VARCHAR(40)  NOT NULL,
    channel VARCHAR(20)  NOT NULL,
    enabled BOOLEAN      NOT NULL,
    PRIMARY KEY (subject, kind, channel)
);

-- Webhooks configured by admins: one team's events, or every event when team is null (global).
CREATE TABLE notification_webhook (
    id         UUID PRIMARY KEY,
    url        VARCHAR(2000) NOT NULL,
    secret     VARCHAR(500)  NOT NULL,
    team       VARCHAR(100),
    enabled    BOOLEAN       NOT NULL,
    created_by VARCHAR(255)  NOT NULL,
    created_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX notification_webhook_team_ix ON notification_webhook (team) WHERE enabled;

-- The outbox: one row per message and recipient, written in the transaction of the change that caused it, sent
-- later by the dispatcher (claimed with FOR UPDATE SKIP LOCKED), retried with backoff, dead after max attempts.
CREATE TABLE notification_delivery (
    id              UUID PRIMARY KEY,
    event_id        UUID         NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    recipient       VARCHAR(2000) NOT NULL,
    person_subject  VARCHAR(255),
    webhook_id      UUID,
    title           VARCHAR(500) NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX notification_delivery_due_ix ON notification_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_delivery_status_ix ON notification_delivery (status, created_at DESC);
CREATE INDEX notification_delivery_event_ix ON notification_delivery (event_id);

-- Expiry reminders already sent: one per request and expiry time, so a resubmitted request is reminded again.
CREATE TABLE notification_reminder (
    request_id UUID        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    sent_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, expires_at)
);
