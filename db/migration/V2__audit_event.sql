-- The audit trail: one row per action, hash-chained, append-only (see README "Audit trail").
-- before_json, after_json and details_json hold the canonical JSON text that was hashed, so they are TEXT, not
-- JSONB (JSONB would reformat it and the hash could no longer be recomputed from what is stored).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE audit_event (
    sequence         BIGINT      NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL,
    actor_subject    TEXT        NOT NULL,
    actor_name       TEXT        NOT NULL,
    actor_roles      TEXT        NOT NULL,
    action           TEXT        NOT NULL,
    subject_type     TEXT        NOT NULL,
    subject_id       TEXT        NOT NULL,
    team             TEXT,
    request_id       TEXT,
    load_balancer_id TEXT,
    before_json      TEXT,
    after_json       TEXT,
    details_json     TEXT        NOT NULL,
    previous_hash    CHAR(64)    NOT NULL,
    hash             CHAR(64)    NOT NULL,
    CONSTRAINT audit_event_pk PRIMARY KEY (sequence),
    CONSTRAINT audit_event_hash_uk UNIQUE (hash)
);

-- One index behind each filter of the audit log page; each ends with sequence for the newest-first keyset.
CREATE INDEX audit_event_occurred_at_ix ON audit_event (occurred_at, sequence);
CREATE INDEX audit_event_actor_subject_ix ON audit_event (actor_subject, sequence);
CREATE INDEX audit_event_actor_name_ix ON audit_event (actor_name, sequence);
CREATE INDEX audit_event_team_ix ON audit_event (team, sequence) WHERE team IS NOT NULL;
CREATE INDEX audit_event_action_ix ON audit_event (action, sequence);
CREATE INDEX audit_event_load_balancer_ix ON audit_event (load_balancer_id, sequence) WHERE load_balancer_id IS NOT NULL;
CREATE INDEX audit_event_request_ix ON audit_event (request_id, sequence) WHERE request_id IS NOT NULL;
CREATE INDEX audit_event_details_trgm_ix ON audit_event USING GIN (details_json gin_trgm_ops);

-- Append-only: the database itself refuses to change or remove audit rows, whoever asks.
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_refuse_update_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_event_refuse_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
