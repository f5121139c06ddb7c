-- Storage of corrected ramps, three layouts, 200,000 ramps of 20 groups (SCI, ERR float32; GROUPDQ
-- uint8, mostly 0): run with psql against any PostgreSQL 15+, e.g.
--   psql "$(./pixeldb status --json | jq -r .psql)" -f docs/bench/corrected-layouts.sql
-- Figures in docs/decisions/0006-corrected-storage.md.
\timing on
drop schema if exists layout_bench cascade;
create schema layout_bench;
set search_path = layout_bench;

-- A: one row per ramp, PostgreSQL arrays (what a SQL user would write first).
create table ramp_arrays (product_id int, integration smallint, row smallint, col smallint,
    sci real[], err real[], groupdq smallint[], primary key (product_id, row, integration, col));
insert into ramp_arrays
select 1, i, r, c,
       array(select (random() * 1000)::real from generate_series(1, 20) g where g > i * 0),
       array(select (random() * 10)::real from generate_series(1, 20) g where g > i * 0),
       array(select (case when random() < 0.02 then 4 else 0 end)::smallint from generate_series(1, 20) g where g > i * 0)
from generate_series(1, 2) i, generate_series(1, 100) r, generate_series(1, 1000) c;

-- B: one row per ramp, packed big-endian bytes.
create table ramp_packed (product_id int, integration smallint, row smallint, col smallint,
    sci bytea, err bytea, groupdq bytea, primary key (product_id, row, integration, col));
insert into ramp_packed
select 1, i, r, c,
       (select string_agg(float4send((random() * 1000)::real), ''::bytea) from generate_series(1, 20) g where g > i * 0),
       (select string_agg(float4send((random() * 10)::real), ''::bytea) from generate_series(1, 20) g where g > i * 0),
       (select string_agg(int2send((case when random() < 0.02 then 4 else 0 end)::smallint), ''::bytea)
          from generate_series(1, 10) g where g > i * 0)
from generate_series(1, 2) i, generate_series(1, 100) r, generate_series(1, 1000) c;

-- C: strips of 10 consecutive ramps of one row (the chosen layout: 1,800 bytes, below the TOAST threshold).
create table ramp_strips (product_id int, integration smallint, row smallint, first_col smallint, ncols smallint,
    sci bytea, err bytea, groupdq bytea, primary key (product_id, row, integration, first_col));
insert into ramp_strips
select 1, i, r, s * 10 + 1, 10,
       (select string_agg(float4send((random() * 1000)::real), ''::bytea) from generate_series(1, 200) g where g > i * 0),
       (select string_agg(float4send((random() * 10)::real), ''::bytea) from generate_series(1, 200) g where g > i * 0),
       (select string_agg(int2send((case when random() < 0.02 then 4 else 0 end)::smallint), ''::bytea)
          from generate_series(1, 100) g where g > i * 0)
from generate_series(1, 2) i, generate_series(1, 100) r, generate_series(0, 99) s;

vacuum analyze ramp_arrays, ramp_packed, ramp_strips;

select relname as layout, pg_size_pretty(pg_total_relation_size(oid)) as total,
       round(pg_total_relation_size(oid) / 200000.0, 1) as bytes_per_ramp,
       round(pg_total_relation_size(oid) / (200000.0 * 20 * 9), 2) as vs_payload
  from pg_class where relnamespace = 'layout_bench'::regnamespace and relkind = 'r' order by 1;

-- One pixel's ramps (the pixel-history query), each layout.
explain (analyze, buffers, costs off, summary on) select sci from ramp_arrays where product_id = 1 and row = 50 and col = 517;
explain (analyze, buffers, costs off, summary on) select sci from ramp_packed where product_id = 1 and row = 50 and col = 517;
explain (analyze, buffers, costs off, summary on) select substring(sci from (517 - first_col) * 80 + 1 for 80) from ramp_strips
 where product_id = 1 and row = 50 and first_col <= 517 and first_col > 517 - 10;
drop schema layout_bench cascade;
