-- Issue 18 item 4: what a pixel-major copy of the samples would cost to read, measured before anyone builds one
-- (docs/performance.md, "A pixel's life at 1,000 exposures: where PostgreSQL's CPU goes"). A scratch table holds one
-- row per (pixel, exposure) with everything a default page of the pixel's life shows, for a 16 x 16 corner of the
-- first SUB64 exposure's rectangle (every exposure of the detector that contains the pixel), in the order a page
-- reads it. docs/bench/pixel-life-sql.sh then times a page from it with pgbench (PIXEL_MAJOR=1).
--
-- usage: psql "$URL" -f docs/bench/pixel-major.sql      (drop table pixel_major_bench; when done)
\timing on
drop table if exists pixel_major_bench;
create table pixel_major_bench (
    sca_id      smallint    not null,
    row         smallint    not null,
    col         smallint    not null,
    date_key    timestamptz not null,
    exposure_id integer     not null,
    raw         bytea,       -- every integration's samples, integration after integration
    sci         bytea,
    err         bytea,
    groupdq     bytea,
    pixeldq     bytea,
    slopes      bytea,       -- per integration: sci, err, dq, var_poisson, var_rnoise
    primary key (sca_id, row, col, date_key, exposure_id)
);
with corner as (
    select sca_id, substrt2 as r0, substrt1 as c0 from exposure where subarray = 'SUB64' order by id limit 1
), pixel as (
    select k.sca_id, r.row, c.col from corner k, generate_series(k.r0, k.r0 + 15) r(row),
        generate_series(k.c0, k.c0 + 15) c(col)
), life as (
    select x.sca_id, x.row, x.col, coalesce(e.date_obs, 'infinity') as date_key, e.id, e.ngroups
    from pixel x join exposure e on e.sca_id = x.sca_id and x.row between e.substrt2 and e.substrt2 + e.subsize2 - 1
        and x.col between e.substrt1 and e.substrt1 + e.subsize1 - 1
)
-- One lateral per strip table: a pixel's byte slice of each strip, the integrations concatenated in order.
insert into pixel_major_bench
select l.sca_id, l.row, l.col, l.date_key, l.id, raw.samples, corrected.sci, corrected.err, corrected.groupdq,
    pixeldq.dq, slopes.packed
from life l
left join lateral (
    select string_agg(substring(s.samples from (l.col - s.first_col) * l.ngroups * 2 + 1 for l.ngroups * 2), ''::bytea
        order by s.integration) as samples
    from product p join raw_ramp_strip s on s.product_id = p.id
    where p.exposure_id = l.id and p.kind = 'RAW' and p.state = 'LOADED' and s.row = l.row
        and s.first_col <= l.col and s.first_col + s.ncols > l.col) raw on true
left join lateral (
    select string_agg(substring(s.sci from (l.col - s.first_col) * l.ngroups * 4 + 1 for l.ngroups * 4), ''::bytea
            order by s.integration) as sci,
        string_agg(substring(s.err from (l.col - s.first_col) * l.ngroups * 4 + 1 for l.ngroups * 4), ''::bytea
            order by s.integration) as err,
        string_agg(substring(s.groupdq from (l.col - s.first_col) * l.ngroups + 1 for l.ngroups), ''::bytea
            order by s.integration) as groupdq
    from product p join corrected_ramp_strip s on s.product_id = p.id
    where p.exposure_id = l.id and p.kind = 'RAMP' and p.state = 'LOADED' and s.row = l.row
        and s.first_col <= l.col and s.first_col + s.ncols > l.col) corrected on true
left join lateral (
    select substring(s.dq from (l.col - s.first_col) * 4 + 1 for 4) as dq
    from product p join pixeldq_strip s on s.product_id = p.id
    where p.exposure_id = l.id and p.kind = 'RAMP' and p.state = 'LOADED' and s.row = l.row
        and s.first_col <= l.col and s.first_col + s.ncols > l.col) pixeldq on true
left join lateral (
    select string_agg(substring(s.sci from (l.col - s.first_col) * 4 + 1 for 4)
            || substring(s.err from (l.col - s.first_col) * 4 + 1 for 4)
            || substring(s.dq from (l.col - s.first_col) * 4 + 1 for 4)
            || substring(s.var_poisson from (l.col - s.first_col) * 4 + 1 for 4)
            || substring(s.var_rnoise from (l.col - s.first_col) * 4 + 1 for 4), ''::bytea
            order by p.kind, s.integration) as packed
    from product p join slope_strip s on s.product_id = p.id
    where p.exposure_id = l.id and p.kind in ('RATEINTS', 'RATE', 'QUICKLOOK') and p.state = 'LOADED'
        and s.row = l.row and s.first_col <= l.col and s.first_col + s.ncols > l.col) slopes on true
order by l.sca_id, l.row, l.col, l.date_key, l.id;
vacuum analyze pixel_major_bench;
select count(*) as rows, pg_size_pretty(pg_total_relation_size('pixel_major_bench')) as size,
    round(pg_total_relation_size('pixel_major_bench')::numeric / count(*)) as bytes_a_row
from pixel_major_bench;
