#!/usr/bin/env bash
# Issue 18 item 4: a pixel's life at 100, 300 and 1,000 exposures, loaded cumulatively into a running stack
# (./pixeldb up --detach; sysctl -w vm.nr_hugepages=2200 first, see decision 0011). Each stage synthesises small
# exposures of five subarrays whose pixels overlap (2 integrations x 10 groups, uncal, ramp and rateints; stage A
# also five full-frame raw exposures), ingests them, waits until the stack is quiet (the detector-health evaluations
# of what was loaded, autovacuum) and runs ./pixeldb apibench open loop at 300 requests/s and closed loop, 32 clients.
# Needs about 40 GB of disk (database 10 GB, bucket and Kafka copies). Outputs: /tmp/api-<stage>-<open|closed>-<run>.txt
set -uo pipefail
cd "$(dirname "$0")/../.."
S=${SYNTH_DIR:-/tmp/pixeldb-synth-1000}
stage() { # tag, then exposures of FULL SUB64 SUB128 SUB256 SLITLESSPRISM MASK1065, then a seed base
  local tag=$1 full=$2 s64=$3 s128=$4 s256=$5 slit=$6 mask=$7 seed=$8
  rm -rf "$S/$tag"; mkdir -p "$S/$tag"
  [ "$full" -gt 0 ] && ./pixeldb synth --subarray FULL --count "$full" --seed "$seed" -o "$S/$tag/full" >/dev/null
  for spec in SUB64:$s64:1000 SUB128:$s128:2000 SUB256:$s256:3000 SLITLESSPRISM:$slit:4000 MASK1065:$mask:5000; do
    IFS=: read -r sub n off <<<"$spec"
    [ "$n" -gt 0 ] && ./pixeldb synth --subarray "$sub" --count "$n" --seed $((seed + off)) --nints 2 --ngroups 10 \
      --products uncal,ramp,rateints -o "$S/$tag/$sub" >/dev/null
  done
  # shellcheck disable=SC2046
  ./pixeldb ingest $(find "$S/$tag" -name '*.fits' | sort) > "/tmp/ingest-$tag.txt" 2>&1
  echo "stage $tag ingested (exit $?): $(grep -c '^LOADED' "/tmp/ingest-$tag.txt") files LOADED"
  rm -rf "${S:?}/$tag"
}
quiet() { # until the 1-minute load average is under 1.5, at most 5 minutes
  for _ in $(seq 60); do awk '{exit !($1 < 1.5)}' /proc/loadavg && break; sleep 5; done
}
bench() { # tag, runs, measured requests, warm-up requests
  quiet
  # The steady state: the pixel path read into the buffers and 20,000 requests for the query-api's JIT (its first
  # requests are 5-10 times slower; docs/performance.md, "The listing tax..."). The figures of 2026-12-06 04:31 were
  # taken without this step.
  ./pixeldb apibench --clients 32 --requests 20000 --warmup 1000 --seed 31 > "/tmp/api-$1-warmup.txt" 2>&1
  for r in $(seq "$2"); do
    ./pixeldb apibench --clients 32 --rate 300 --requests "$3" --warmup "$4" --no-prewarm --seed $((10 + r)) \
      > "/tmp/api-$1-open-$r.txt" 2>&1
    ./pixeldb apibench --clients 32 --requests "$3" --warmup "$4" --no-prewarm --seed $((20 + r)) \
      > "/tmp/api-$1-closed-$r.txt" 2>&1
    grep -h 'latency' "/tmp/api-$1-open-$r.txt" "/tmp/api-$1-closed-$r.txt"
  done
}
stage A 5 32 32 13 10 8 9001 && bench A 3 12000 3000
stage B 0 68 68 27 20 17 19001 && bench B 3 12000 3000
stage C 0 233 233 95 70 69 29001 && bench C 3 12000 3000
