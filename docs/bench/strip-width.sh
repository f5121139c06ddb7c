#!/usr/bin/env bash
# Issue 18 item 2: does PostgreSQL COPY strips faster when they are wider? The same 510 MB of corrected-ramp values
# (2,880 detector rows x 1,032 columns of 20-group ramps: SCI and ERR 80 bytes, GROUPDQ 20 bytes a ramp) are cut into
# strips 10 pixels wide (1,800 bytes, today's StripTable.MAX_STRIP_BYTES), 21 (3,780) or 43 (7,740; the last two kept
# in the table page with toast_tuple_target = 8160), written once to binary COPY files by the server, then loaded into
# tables shaped like corrected_ramp_strip (same columns, storage and primary key), three rounds. Prints each load's
# wall time, the machine's CPU meanwhile (jiffies, 100 a second) and the table's size. Scratch tables w* are dropped.
#
# usage: docs/bench/strip-width.sh [DATA_DIR]       (the stack must be up: ./pixeldb up --detach; about 4 minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
URL=$(./pixeldb status --json ${1:+--data-dir "$1"} | python3 -c 'import json, sys; print(json.load(sys.stdin)["psql"])')
PSQL=$(ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)
W=$(mktemp -d)
chmod 777 "$W" # the server's own user writes and reads the COPY files
trap 'rm -rf "$W"; "$PSQL" "$URL" -qc "drop table if exists wsrc_10, wsrc_21, wsrc_43, wdst_10, wdst_21, wdst_43"' EXIT
for w in 10 21 43; do
  n="least($w, 1033 - c)"
  "$PSQL" "$URL" -q -v ON_ERROR_STOP=1 <<SQL
drop table if exists wsrc_$w, wdst_$w;
create table wsrc_$w as select 1 as product_id, ((r - 1) / 1024 + 1)::smallint as integration,
  ((r - 1) % 1024 + 1)::smallint as row, c::smallint as first_col, $n::smallint as ncols,
  substring(b from 1 for 80 * $n) as sci, substring(b from 2 for 80 * $n) as err, substring(b from 3 for 20 * $n) as groupdq
  from generate_series(1, 2880) r, generate_series(1, 1032, $w) c,
  (select decode(string_agg(md5(i::text), ''), 'hex') b from generate_series(1, 250) i) x;
copy wsrc_$w to '$W/w$w.bin' (format binary);
drop table wsrc_$w;
create table wdst_$w (like corrected_ramp_strip including storage including constraints,
  primary key (product_id, row, integration, first_col));
SQL
  [[ $w != 10 ]] && "$PSQL" "$URL" -qc "alter table wdst_$w set (toast_tuple_target = 8160)"
done
cpu() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
for round in 1 2 3; do
  for w in 10 21 43; do
    "$PSQL" "$URL" -qc "truncate wdst_$w" -c checkpoint
    c0=$(cpu); t0=$(date +%s.%N)
    "$PSQL" "$URL" -qc "copy wdst_$w from '$W/w$w.bin' (format binary)"
    t1=$(date +%s.%N); c1=$(cpu)
    echo "round $round, strips $w pixels wide: $(echo "$t1 - $t0" | bc) s, $((c1 - c0)) jiffies of CPU," \
      "$("$PSQL" "$URL" -Atc "select pg_size_pretty(pg_total_relation_size('wdst_$w'))")"
  done
done
