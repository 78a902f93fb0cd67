-- The role the service connects as (quarkus.datasource.username): it reads and writes the case data, but may only
-- INSERT and SELECT the access and erasure logs, and, not owning any table, cannot disable their triggers, alter
-- or drop them. Flyway runs as the schema owner (quarkus.flyway.username), which needs CREATEROLE for this.
-- Repeatable on purpose: Flyway checksums it after replacing the placeholders, so changing the role's name or
-- password re-runs it; tables created later get the DML grants through the default privileges below.
DO $do$
DECLARE
    app    text := '${app_user}';
    secret text := $pw$${app_password}$pw$;
    schema text := current_schema();
BEGIN
    IF app !~ '^[a-z_][a-z0-9_]{0,62}$' THEN
        RAISE EXCEPTION 'the service role name must be a plain lower-case identifier';
    END IF;
    IF app = current_user THEN
        RAISE EXCEPTION 'the service role must not be the role that owns the schema';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        EXECUTE format('CREATE ROLE %I LOGIN', app);
    END IF;
    EXECUTE format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD %L',
                   app, secret);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema, app);

    EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', schema, app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema, app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema, app);
    -- Evidence: append and read only.
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON access_log, erasure_log FROM %I', app);
    -- The migration history is the owner's business.
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON flyway_schema_history FROM %I', app);
    END IF;

    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', schema, app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', schema, app);
END
$do$;
