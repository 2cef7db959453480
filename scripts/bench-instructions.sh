#!/usr/bin/env bash
# Instructions an agency, the figure compared before and after a change (docs/performance.md): callgrind counts
# the same every run, where this VM's timings drift by ±15%. Runs `saraban bench` with 5 and with 15 agencies on
# one worker and prints (Ir(15) − Ir(5)) / 10, which leaves out the set-up and the end of the run.
# Usage: scripts/bench-instructions.sh [SARABAN_BINARY]   (default build/saraban; needs valgrind)
set -euo pipefail
binary="${1:-build/saraban}"
command -v valgrind >/dev/null || { echo "bench-instructions: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$1" "$binary" bench --agencies "$1" -j 1 >/dev/null 2>&1
  callgrind_annotate "$work/cg.$1" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
}
few="$(instructions 5)"
many="$(instructions 15)"
echo "$(( (many - few) / 10 )) instructions an agency ($binary)"
