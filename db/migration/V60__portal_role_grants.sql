-- The portal connects as its own role (${approle}), never as the owner who runs these migrations
-- (docs/audit-integrity.md "Database roles"). It may read and write the tables it keeps, may only read and append
-- the audit trail, and can neither alter a table nor switch its triggers off: both need the owner. Tables and
-- sequences that later migrations create (run by the same owner) get the same rights through default privileges;
-- a later table that must be append-only revokes UPDATE and DELETE itself, as audit_event does here.
DO $$
DECLARE
    app TEXT := '${approle}';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RAISE WARNING 'The portal role % does not exist: the portal then connects as the owner and its own '
            'connection can change the audit trail. Create it (docs/audit-integrity.md) and run the grants again.', app;
        RETURN;
    END IF;
    IF app = current_user THEN
        RAISE WARNING 'The portal role % is the owner running the migrations: its own connection can change the '
            'audit trail (docs/audit-integrity.md).', app;
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_event FROM %I', app);
    EXECUTE format('REVOKE ALL ON ${flyway:table} FROM %I', app);
    EXECUTE format('GRANT SELECT ON ${flyway:table} TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I', app);
END
$$;
