#!/usr/bin/env bash
# Profiles the two full-frame benchmarks on one stack, twice: first on a fresh stack (uncal, ramp), as a user's
# first loads go, then again warm (uncal-warm, ramp-warm), when the JIT compilers are done (see README.md). Run from the
# checkout's root with no stack running: ./docs/profiles/2026-12-05/run.sh [OUT [none]], default OUT
# var/profiles; "none" runs the same without the profiler, for the times and CPU shares it does not touch.
set -euo pipefail
OUT="$(realpath -m "${1:-var/profiles}")"
HERE="$(dirname "${BASH_SOURCE[0]}")"
PROFILE=(--profile "$OUT/jfr")
[[ "${2:-}" == none ]] && PROFILE=()
mkdir -p "$OUT"
./pixeldb up --detach "${PROFILE[@]}"
PSQL="$(./pixeldb status --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["psql"])')"
RUNS=(uncal ramp uncal-warm ramp-warm)
for run in "${RUNS[@]}"; do
  products=uncal
  [[ $run == ramp* ]] && products=ramp,rateints
  mkdir -p "$OUT/$run"
  python3 "$HERE/cpu-sample.py" record "$OUT/$run/cpu.csv" "$PSQL" & sampler=$!
  ./pixeldb bench --subarray FULL --nints 5 --ngroups 20 --products "$products" | tee "$OUT/$run/bench.txt"
  sleep 3  # pg_stat_wal's counters lag up to a second
  kill "$sampler"
  # The load window: from the splitter receiving the exposure's first file to its last LOADED.
  exposure="$(sed -n 's/^exposure \([^ ]*\) .*/\1/p' "$OUT/$run/bench.txt")"
  psql "$PSQL" -Atc "select (extract(epoch from min(received_at)) * 1000)::bigint,
      (extract(epoch from max(loaded_at)) * 1000)::bigint from ingest_status where exposure_name = '$exposure'" \
    | tr '|' ' ' > "$OUT/$run/window.txt"
  psql "$PSQL" -c "select product_kind, received_at, split_at, loaded_at, loaded_at - received_at as took
      from ingest_status where exposure_name = '$exposure' order by received_at" | tee -a "$OUT/$run/bench.txt"
done
./pixeldb down
for run in "${RUNS[@]}"; do
  read -r from to < "$OUT/$run/window.txt"
  python3 "$HERE/cpu-sample.py" report "$OUT/$run/cpu.csv" "$from" "$to" | tee "$OUT/$run/cpu.txt"
  if [[ ${#PROFILE[@]} -gt 0 ]]; then
    ./pixeldb flame "$OUT/jfr" --from "$from" --to "$to" -o "$OUT/$run" | tee "$OUT/$run/flame.txt"
  fi
done
