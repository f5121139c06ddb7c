-- Issue 13, item 9 (decision 0013): no service connects as the owner of the schema. Three roles without login
-- say what each kind of connection may do; the deployment creates the login users (with its own passwords, never
-- in the repository) and makes each a member of one role (platform's DatabaseLogin, DatabaseSetup):
--   pixeldb_read       the query API's read pool: SELECT only.
--   pixeldb_load       the ramp and corrected writers: the exposure, product, strip and ledger tables, nothing of the
--                      API's tables (tokens, status), no DDL.
--   pixeldb_api_write  the query API's changes: the ingest-status fold, deleting exposures, registering tokens.
-- The schema's owner (whoever runs the migrations: a separate login in docker-compose.yml) keeps every other right.
-- Roles belong to the cluster, not the database: created only where absent, so that a second migration of another
-- database (or the deployment's setup, which creates them first without needing this migration) finds them.

do $$
declare
    role_name text;
begin
    foreach role_name in array array['pixeldb_read', 'pixeldb_load', 'pixeldb_api_write'] loop
        if not exists (select from pg_roles where rolname = role_name) then
            execute format('create role %I nologin', role_name);
        end if;
    end loop;
end
$$;

-- Functions are executable by PUBLIC (PostgreSQL's default), views run with their owner's rights; the tables
-- are what the roles differ on.
grant usage on schema public to pixeldb_read, pixeldb_load, pixeldb_api_write;

-- Reading: every table and view. Token hashes too: a read request with a bearer token is checked against them.
grant select on all tables in schema public to pixeldb_read, pixeldb_api_write;
-- Services validate the schema's version at start (they no longer migrate it).
grant select on ${flyway:table} to pixeldb_read, pixeldb_load, pixeldb_api_write;

-- Loading: what the writers store, replace and forget (loader's repositories), and read back.
grant select on detector, frame_column, dq_flag, dq_flag_alias,
    exposure, product, ingest_log, refused_version, chunk_ledger,
    raw_ramp_strip, refout_ramp_strip, corrected_ramp_strip, corrected_refout_strip, pixeldq_strip, slope_strip
    to pixeldb_load;
grant insert, update, delete on exposure, product, ingest_log, refused_version, chunk_ledger,
    raw_ramp_strip, refout_ramp_strip, corrected_ramp_strip, corrected_refout_strip, pixeldq_strip, slope_strip
    to pixeldb_load;

-- The API's changes: the status fold writes ingest_status; DELETE /exposures/{name} locks (FOR UPDATE needs
-- UPDATE) and deletes the exposure and its ingest log (products and strips cascade, as the tables' owner);
-- the admin token is registered at start.
grant insert, update, delete on ingest_status to pixeldb_api_write;
grant update, delete on exposure to pixeldb_api_write;
grant delete on ingest_log to pixeldb_api_write;
grant insert, update on api_token to pixeldb_api_write;

-- Deleting an exposure (a writer forgetting an exposure left empty, or the API's DELETE) fires triggers that
-- tidy the tables of the other side: the writers may not touch ingest_status, the API not refused_version. The
-- triggers do the schema's housekeeping, so they run with their owner's rights; search_path is pinned so that
-- nobody's objects can stand in for the tables they name.
alter function forget_refused_versions() security definer set search_path = public, pg_temp;
alter function forget_ingest_status() security definer set search_path = public, pg_temp;
revoke execute on function forget_refused_versions(), forget_ingest_status() from public;

-- Tables of later migrations are readable by the read pool without a grant of their own; any other right a
-- later table needs is granted by its migration.
alter default privileges in schema public grant select on tables to pixeldb_read, pixeldb_api_write;
