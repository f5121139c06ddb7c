#!/usr/bin/env bash
# Issue 18 item 4: what PostgreSQL spends on each statement of a pixel's life, without HTTP, the query-api or the load
# generator: pgbench (shipped with the PostgreSQL the stack runs) sends each statement of GET /api/v1/pixels/... from
# one client for 10 s, three runs each, and prints the average latency (PostgreSQL's execution plus one loopback round
# trip; `select 1` gives the round trip alone). Run it on the 1,000-exposure database that docs/bench/pixel-life-1000.sh
# loads (its subarrays: a dense pixel lies in SUB64's rectangle, a sparse one only in the five full frames). The SQL is
# what PixelRepository sends through Database.lookup(), with the page's exposures fixed to those of one dense pixel, in
# sessions set up as LookupSessions sets up the API's (PGOPTIONS below). Last, the whole page as the API sends it (begin,
# the two statements, commit) from 8 clients at once, the lookups pool's default size: PostgreSQL's own capacity for
# pixel lives on this machine, without HTTP, the query-api or the load generator.
#
# With PIXEL_MAJOR=1 it also times a page from the scratch table of docs/bench/pixel-major.sql (run that first): the
# samples alone, and the whole page (the exposures' rows and the samples) in one statement.
# With PRODUCT_IDS=1 it also times the samples statement given the page's product ids and kinds instead of finding
# them (the exposures statement already reads them for its list of products), alternated with today's from two
# clients, five times.
#
# usage: [PIXEL_MAJOR=1] [PRODUCT_IDS=1] docs/bench/pixel-life-sql.sh [DATA_DIR]   (the stack must be up)
set -euo pipefail
cd "$(dirname "$0")/../.."
URL=$(./pixeldb status --json ${1:+--data-dir "$1"} | python3 -c 'import json, sys; print(json.load(sys.stdin)["psql"])')
PGBENCH=$(ls /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -n 1)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
# The first SUB64 exposure's rectangle: every pixel in it is a dense one.
read -r SCA C0 NC R0 NR < <(psql "$URL" -At -F ' ' -c "select sca_id, substrt1, subsize1, substrt2, subsize2
  from exposure where subarray = 'SUB64' order by id limit 1")
pixels() { printf '\\set r random(%d, %d)\n\\set c random(%d, %d)' "$1" "$2" "$3" "$4"; } # pgbench variables r, c
DENSE=$(pixels "$R0" $((R0 + NR - 1)) "$C0" $((C0 + NC - 1)))
SPARSE=$(pixels 100 500 600 1000)
COLUMNS="e.id, e.name, d.name, e.sca_id, e.subarray, e.substrt1, e.substrt2, e.subsize1, e.subsize2,
  e.readpatt, e.nints, e.ngroups, e.nframes, e.tframe, e.tgroup, e.date_obs, e.date_end, e.exp_type, e.origin,
  array(select p.kind from product p where p.exposure_id = e.id and p.state = 'LOADED' order by p.kind)"
EXPOSURES="select $COLUMNS
  from exposure e join detector d on d.sca_id = e.sca_id where e.sca_id = $SCA
  and :r between e.substrt2 and e.substrt2 + e.subsize2 - 1 and :c between e.substrt1 and e.substrt1 + e.subsize1 - 1
  order by coalesce(e.date_obs, 'infinity'::timestamptz), e.id limit 26;"
# The page of the rectangle's first pixel: 25 exposures' ids and group counts, as the API binds them.
read -r IDS NGROUPS < <(psql "$URL" -At -F ' ' -c "select string_agg(id::text, ',' order by k, id),
  string_agg(ngroups::text, ',' order by k, id) from (select e.id, e.ngroups, coalesce(e.date_obs, 'infinity') k
  from exposure e where e.sca_id = $SCA and $R0 between e.substrt2 and e.substrt2 + e.subsize2 - 1
  and $C0 between e.substrt1 and e.substrt1 + e.subsize1 - 1 order by k, e.id limit 25) x")
PIXEL="s.product_id = g.product_id and s.row = :r and s.first_col <= :c and s.first_col + s.ncols > :c"
PAGE="with page as materialized (select x.id, x.ngroups, p.id as product_id, p.kind
  from unnest('{$IDS}'::bigint[], '{$NGROUPS}'::int[]) x(id, ngroups) join product p on p.exposure_id = x.id
  and p.state = 'LOADED')"
PARTS="select 1, g.id, s.integration, null::text, substring(s.samples from (:c - s.first_col) * g.ngroups * 2 + 1
  for g.ngroups * 2), null::bytea, null::bytea, null::bytea, null::bytea from page g join raw_ramp_strip s on $PIXEL
  where g.kind = 'RAW' and s.integration between 1 and 1000
  union all select 2, g.id, s.integration, null::text, substring(s.sci from (:c - s.first_col) * g.ngroups * 4 + 1
  for g.ngroups * 4), substring(s.err from (:c - s.first_col) * g.ngroups * 4 + 1 for g.ngroups * 4),
  substring(s.groupdq from (:c - s.first_col) * g.ngroups + 1 for g.ngroups), null::bytea, null::bytea
  from page g join corrected_ramp_strip s on $PIXEL where g.kind = 'RAMP' and s.integration between 1 and 1000
  union all select 3, g.id, 0, null::text, substring(s.dq from (:c - s.first_col) * 4 + 1 for 4), null::bytea,
  null::bytea, null::bytea, null::bytea from page g join pixeldq_strip s on $PIXEL where g.kind = 'RAMP'
  union all select 4, g.id, s.integration, g.kind, substring(s.sci from (:c - s.first_col) * 4 + 1 for 4),
  substring(s.err from (:c - s.first_col) * 4 + 1 for 4), substring(s.dq from (:c - s.first_col) * 4 + 1 for 4),
  substring(s.var_poisson from (:c - s.first_col) * 4 + 1 for 4),
  substring(s.var_rnoise from (:c - s.first_col) * 4 + 1 for 4) from page g join slope_strip s on $PIXEL
  where g.kind in ('RATEINTS', 'RATE', 'QUICKLOOK') and (g.kind = 'RATE' or s.integration between 1 and 1000);"
SAMPLES="$PAGE $PARTS"
# pgbench takes one statement per line; the settings line is the simple-protocol multi-statement the API sends.
{ echo "$DENSE"; echo "$EXPOSURES" | tr '\n' ' '; echo; } > "$W/exposures-dense.sql"
{ echo "$SPARSE"; echo "$EXPOSURES" | tr '\n' ' '; echo; } > "$W/exposures-sparse.sql"
{ echo "$DENSE"; echo "$SAMPLES" | tr '\n' ' '; echo; } > "$W/samples-dense-page.sql"
printf 'begin;\ncommit;\n' > "$W/transaction.sql" # what the API wraps around a page's two statements
{ echo "$DENSE"; echo 'begin;'; echo "$EXPOSURES" | tr '\n' ' '; echo; echo "$SAMPLES" | tr '\n' ' '; echo; echo 'commit;'; } \
  > "$W/page.sql"
echo 'select 1;' > "$W/select-1.sql"
SCRIPTS=(exposures-dense exposures-sparse samples-dense-page transaction select-1)
if [[ ${PIXEL_MAJOR:-0} == 1 ]]; then
  CORNER=$(pixels "$R0" $((R0 + 15)) "$C0" $((C0 + 15))) # the 16 x 16 corner docs/bench/pixel-major.sql copies
  MAJOR="select m.exposure_id, m.date_key, m.raw, m.sci, m.err, m.groupdq, m.pixeldq, m.slopes from pixel_major_bench m
    where m.sca_id = $SCA and m.row = :r and m.col = :c order by m.date_key, m.exposure_id limit 26"
  { echo "$CORNER"; echo "$MAJOR;" | tr '\n' ' '; echo; } > "$W/pixel-major-samples.sql"
  { echo "$CORNER"; echo "select $COLUMNS, m.raw, m.sci, m.err, m.groupdq, m.pixeldq, m.slopes from ($MAJOR) m
    join exposure e on e.id = m.exposure_id join detector d on d.sca_id = e.sca_id
    order by m.date_key, m.exposure_id;" | tr '\n' ' '; echo; } > "$W/pixel-major-page.sql"
  SCRIPTS+=(pixel-major-samples pixel-major-page)
fi
# The settings of the API's lookup sessions (LookupSessions).
export PGOPTIONS="-c plan_cache_mode=force_generic_plan -c default_transaction_read_only=on"
PGOPTIONS+=" -c default_transaction_isolation=repeatable\\ read"
for script in "${SCRIPTS[@]}"; do
  runs=$(for run in 1 2 3; do
    "$PGBENCH" -n -M prepared -c 1 -T 10 -f "$W/$script.sql" "$URL" 2>&1 | awk '/latency average/ {printf "%s ", $4}'
  done)
  echo "$script: latency average ms, three runs: $runs"
done
if [[ ${PRODUCT_IDS:-0} == 1 ]]; then
  # The page's rows as today's statement finds them, in one order in all four arrays.
  read -r PIDS_E PIDS_N PIDS_P PIDS_K < <(psql "$URL" -At -F ' ' -c "$PAGE select string_agg(id::text, ','
    order by product_id), string_agg(ngroups::text, ',' order by product_id), string_agg(product_id::text, ','
    order by product_id), string_agg(kind, ',' order by product_id) from page")
  GIVEN="with page as materialized (select * from unnest('{$PIDS_E}'::bigint[], '{$PIDS_N}'::int[],
    '{$PIDS_P}'::int[], '{$PIDS_K}'::text[]) x(id, ngroups, product_id, kind)) $PARTS"
  { echo "$DENSE"; echo "$GIVEN" | tr '\n' ' '; echo; } > "$W/samples-given-products.sql"
  declare -A tps
  for run in 1 2 3 4 5; do # alternated: the server's speed drifts more between minutes than the two differ
    for script in samples-dense-page samples-given-products; do
      tps[$script]+=$("$PGBENCH" -n -M prepared -c 2 -j 2 -T 10 -f "$W/$script.sql" "$URL" 2>&1 \
        | awk '/^tps/ {printf "%.0f ", $3}')
    done
  done
  for script in samples-dense-page samples-given-products; do
    echo "$script, 2 clients: statements/s, five runs: ${tps[$script]}"
  done
fi
runs=$(for run in 1 2 3; do
  "$PGBENCH" -n -M prepared -c 8 -j 2 -T 10 -f "$W/page.sql" "$URL" 2>&1 | awk '/^tps/ {printf "%.0f ", $3}'
done)
echo "whole page, 8 clients: pages/s, three runs: $runs"
