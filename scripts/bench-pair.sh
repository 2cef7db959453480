#!/usr/bin/env bash
# Times two builds against each other on a machine whose speed drifts (docs/performance.md): both run
# `saraban bench` at the same time, one pinned to each of CPUs 0 and 1, then again with the CPUs swapped, so that
# the drift falls on both. Prints each run's CPU milliseconds an agency and the mean of each build; with
# METRIC=throughput, agencies a second of wall time instead (what waiting for the disk costs shows there only).
# Usage: scripts/bench-pair.sh BINARY_A BINARY_B [AGENCIES] [ROUNDS]   (default 800 agencies, 2 rounds)
set -euo pipefail
a="$1" b="$2" agencies="${3:-800}" rounds="${4:-2}"
if [ "${METRIC:-cpu}" = throughput ]; then pattern='s/^throughput \([0-9.]*\) agencies\/s.*/\1/p'; unit='agencies/s'
else pattern='s/.* \([0-9.]*\) ms an agency.*/\1/p'; unit='ms'; fi
ms() { taskset -c "$2" "$1" bench --agencies "$agencies" -j 1 2>&1 | sed -n "$pattern"; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for ((round = 0; round < rounds; ++round)); do
  for swap in 0 1; do
    ms "$a" "$swap" > "$out/a" & ms "$b" $((1 - swap)) > "$out/b"; wait
    echo "A $(cat "$out/a") $unit   B $(cat "$out/b") $unit   (A on CPU $swap)"
    cat "$out/a" >> "$out/all-a"; cat "$out/b" >> "$out/all-b"
  done
done
echo "mean: A $(awk '{ s += $1 } END { printf "%.2f", s / NR }' "$out/all-a") $unit, B $(awk '{ s += $1 } END { printf "%.2f", s / NR }' "$out/all-b") $unit"
