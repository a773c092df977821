-- Durable provisioning jobs: one row per job, claimed with FOR UPDATE SKIP LOCKED by any portal instance.
CREATE TABLE provisioning_job (
    id                  UUID PRIMARY KEY,
    request_id          UUID         NOT NULL,
    kind                VARCHAR(20)  NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    step                VARCHAR(40)  NOT NULL,
    team                VARCHAR(100) NOT NULL,
    region              VARCHAR(20)  NOT NULL,
    plan_json           TEXT         NOT NULL,
    plan_hash           VARCHAR(64)  NOT NULL,
    firewall_name       VARCHAR(63),
    firewall_id         VARCHAR(64),
    firewall_created    BOOLEAN      NOT NULL DEFAULT FALSE,
    -- Set, and committed, just before a create is sent: after a crash, a resource found under the planned name
    -- with this flag set is the portal's own; without it, it is somebody else's and a conflict.
    firewall_intent     BOOLEAN      NOT NULL DEFAULT FALSE,
    network_id          VARCHAR(64)  NOT NULL,
    load_balancer_name  VARCHAR(63)  NOT NULL,
    load_balancer_id    VARCHAR(64),
    load_balancer_intent BOOLEAN     NOT NULL DEFAULT FALSE,
    private_ip          VARCHAR(45),
    public_ip           VARCHAR(45),
    step_attempts       INT          NOT NULL DEFAULT 0,
    next_run_at         TIMESTAMPTZ  NOT NULL,
    wait_deadline       TIMESTAMPTZ,
    failure_code        VARCHAR(100),
    failure_reason      TEXT,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX provisioning_job_request_kind_uq ON provisioning_job (request_id, kind);
CREATE INDEX provisioning_job_due_ix ON provisioning_job (next_run_at) WHERE status IN ('PENDING', 'RUNNING');

-- What each step did, for the request page's live progress and for audit.
CREATE TABLE provisioning_step_log (
    id          BIGSERIAL PRIMARY KEY,
    job_id      UUID         NOT NULL REFERENCES provisioning_job (id),
    step        VARCHAR(40)  NOT NULL,
    outcome     VARCHAR(20)  NOT NULL,
    detail      TEXT,
    civo_id     VARCHAR(64),
    at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX provisioning_step_log_job_ix ON provisioning_step_log (job_id, id);

-- The inventory of internal load balancers the portal built.
CREATE TABLE internal_load_balancer (
    id                UUID PRIMARY KEY,
    request_id        UUID         NOT NULL UNIQUE,
    team              VARCHAR(100) NOT NULL,
    region            VARCHAR(20)  NOT NULL,
    network_id        VARCHAR(64)  NOT NULL,
    name              VARCHAR(63)  NOT NULL,
    civo_id           VARCHAR(64)  NOT NULL,
    firewall_id       VARCHAR(64)  NOT NULL,
    firewall_created  BOOLEAN      NOT NULL,
    private_ip        VARCHAR(45),
    public_ip         VARCHAR(45),
    status            VARCHAR(20)  NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX internal_load_balancer_list_ix ON internal_load_balancer (status, team, region, created_at DESC);
