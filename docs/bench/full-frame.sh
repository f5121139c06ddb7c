#!/usr/bin/env bash
# Issue 18 item 2: a full-frame 5 x 20 exposure against the COPY floor, on a fresh stack with two writers of each kind.
# One warm-up run (the first run on fresh JVMs costs 1.5-2x: the JIT), then RUNS measured runs, each followed by the
# CPU each process of the stack took during it (docs/bench/proc_cpu.py). Each run waits for the exposure's detector
# health, so that its evaluation (6-9 s of query-api and PostgreSQL CPU for a full frame) does not fall into the next
# run. WARMUPS=N runs N warm-up runs instead of one: the JIT keeps compiling for several loads (docs/performance.md),
# and a service that ingests a campaign is past that. KEEP=1 leaves the stack running; otherwise it is stopped and its
# data directory removed. Extra environment (e.g. PIXELDB_SPLITTER_RECORD_COMPRESSION=none) reaches the services.
# Needs about 6 GB of disk per ramp,rateints run.
#
# usage: docs/bench/full-frame.sh PRODUCTS [RUNS] [DATA_DIR]   e.g. docs/bench/full-frame.sh uncal 3
#                                                                   docs/bench/full-frame.sh ramp,rateints 3
# Outputs: the bench's table per run in /tmp/full-frame-<products>-<run>.txt; one summary line per run on stdout.
set -uo pipefail
cd "$(dirname "$0")/../.."
products=$1 runs=${2:-3} dir=${3:-/tmp/pixeldb-full-frame}
./pixeldb down --data-dir "$dir" >/dev/null 2>&1
rm -rf "$dir"
./pixeldb up --detach --writers 2 --data-dir "$dir" > /tmp/full-frame-up.txt 2>&1 || { cat /tmp/full-frame-up.txt; exit 1; }
warmups=${WARMUPS:-1}
for run in $(seq $((1 - warmups)) "$runs"); do
  out=/tmp/full-frame-$products-$run.txt
  cpu=$(python3 docs/bench/proc_cpu.py "$out" ./pixeldb bench --data-dir "$dir" --subarray FULL --nints 5 \
        --ngroups 20 --products "$products")
  label=$([ "$run" -le 0 ] && echo "warm-up $((run + warmups))" || echo "run $run")
  echo "$label: $(grep -E '^all ' "$out" | awk '{print "upload end → LOADED", $4, $5, "floor", $6, $7, "x floor", $8}')"
  echo "  splitter: $(grep -h 'into [0-9]* chunks in' "$dir/logs/fits-splitter.log" | tail -1 | sed 's/.*chunks in/split in/')"
  echo "  $cpu"
done
[ "${KEEP:-0}" = 1 ] || { ./pixeldb down --data-dir "$dir" >/dev/null 2>&1; rm -rf "$dir"; }
