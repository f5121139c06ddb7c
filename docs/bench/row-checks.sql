-- Decision 0025: what PostgreSQL's per-row foreign-key check costs a strip COPY. 135,000 rows shaped like
-- raw_ramp_strip's (a full-frame 5 x 20 uncal's science strips: 1,920-byte bytea, storage external, the same primary
-- key) go into a table with a key to a parent table, into the same table with session_replication_role = replica
-- (what the writers do since V18), and into one without the key; twice each, scratch tables dropped at the end.
-- Run against the stack's database as its owner (a superuser, as ./pixeldb up makes it):
--   psql "$(./pixeldb status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["psql"])')" -f docs/bench/row-checks.sql
\timing on
create table row_checks_parent (id integer primary key);
insert into row_checks_parent values (1);
create table row_checks_keyed (product_id integer not null references row_checks_parent on delete cascade,
    integration smallint, row smallint, first_col smallint, ncols smallint, samples bytea,
    primary key (product_id, integration, row, first_col));
create table row_checks_unkeyed (like row_checks_keyed including all);
alter table row_checks_keyed alter column samples set storage external;
alter table row_checks_unkeyed alter column samples set storage external;
create temporary table row_checks_source as select 1 as product_id, (i / 27000 + 1)::smallint as integration,
    ((i % 27000) / 27 + 1)::smallint as row, ((i % 27) * 40)::smallint as first_col, 40::smallint as ncols,
    decode(repeat('ab', 1920), 'hex') as samples from generate_series(0, 134999) i;
\echo with the key, checked
insert into row_checks_keyed select * from row_checks_source;
truncate row_checks_keyed;
insert into row_checks_keyed select * from row_checks_source;
truncate row_checks_keyed;
\echo with the key, session_replication_role = replica
begin; set local session_replication_role = replica; insert into row_checks_keyed select * from row_checks_source; commit;
truncate row_checks_keyed;
begin; set local session_replication_role = replica; insert into row_checks_keyed select * from row_checks_source; commit;
\echo without the key
insert into row_checks_unkeyed select * from row_checks_source;
truncate row_checks_unkeyed;
insert into row_checks_unkeyed select * from row_checks_source;
drop table row_checks_keyed, row_checks_unkeyed, row_checks_parent;
