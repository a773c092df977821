-- What each internal load balancer listens on, as approved (verification probes every one of these ports).
ALTER TABLE internal_load_balancer ADD COLUMN ports VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE internal_load_balancer ADD COLUMN last_verified_at TIMESTAMPTZ;
ALTER TABLE internal_load_balancer ADD COLUMN last_verification VARCHAR(20);

-- Every verification run and its checks, kept for history, drift and audit.
CREATE TABLE verification_run (
    id               UUID PRIMARY KEY,
    load_balancer_id UUID        NOT NULL REFERENCES internal_load_balancer (id),
    trigger          VARCHAR(30) NOT NULL,
    outcome          VARCHAR(20) NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ NOT NULL,
    requested_by     VARCHAR(255)
);
CREATE INDEX verification_run_history_ix ON verification_run (load_balancer_id, started_at DESC);

CREATE TABLE verification_check (
    id          BIGSERIAL PRIMARY KEY,
    run_id      UUID         NOT NULL REFERENCES verification_run (id),
    check_name  VARCHAR(40)  NOT NULL,
    outcome     VARCHAR(20)  NOT NULL,
    target      VARCHAR(200),
    vantage     VARCHAR(100),
    detail      TEXT,
    duration_ms BIGINT       NOT NULL
);
CREATE INDEX verification_check_run_ix ON verification_check (run_id, id);

-- One row: when the cluster-wide scheduled round last started (guarded by an advisory lock).
CREATE TABLE verification_schedule (
    id          INT PRIMARY KEY,
    last_run_at TIMESTAMPTZ
);
INSERT INTO verification_schedule (id, last_run_at) VALUES (1, NULL);
