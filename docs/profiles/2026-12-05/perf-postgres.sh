#!/usr/bin/env bash
# PostgreSQL is no JVM: where its processes spend their CPU during the two full-frame benches, by Linux perf
# (system-wide sampling at 499 Hz, then each busy PostgreSQL process's samples by function). Needs
# perf_events (root, or perf_event_paranoid <= 0) and PostgreSQL's symbols (the embedded binaries keep them). Run
# from the checkout's root with no stack running: ./docs/profiles/2026-12-05/perf-postgres.sh [OUT], default
# var/perf-postgres.
set -euo pipefail
OUT="$(realpath -m "${1:-var/perf-postgres}")"
mkdir -p "$OUT"
./pixeldb up --detach
for run in uncal ramp; do
  products=uncal
  [[ $run == ramp ]] && products=ramp,rateints
  perf record -F 499 -a -o "$OUT/$run.perf.data" 2> "$OUT/$run.perf.log" & perf=$!
  ./pixeldb bench --subarray FULL --nints 5 --ngroups 20 --products "$products" --no-floor | tee "$OUT/$run.bench.txt"
  kill -INT "$perf"; wait "$perf" || true
done
# Names the processes still alive at the end (the pools' backends); those gone are listed by pid alone.
postmaster="$(head -1 var/postgres/data/postmaster.pid)"
ps --ppid "$postmaster" -o pid=,args= > "$OUT/backends.txt"
./pixeldb down
# perf report's --pid filter miscounted here; perf-symbols.py sums perf script's samples per process instead.
for run in uncal ramp; do
  perf script -i "$OUT/$run.perf.data" -F comm,pid,ip,sym,dso 2>/dev/null \
    | python3 "$(dirname "${BASH_SOURCE[0]}")/perf-symbols.py" "$OUT/backends.txt" 15 > "$OUT/$run.txt"
done
