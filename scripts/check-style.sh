#!/usr/bin/env bash
# The style check CI runs (.ci/run) on what changed since BASE (default: the commit in .ci/style-base, the last
# one that landed before this work): clang-format on the changed lines of C++ files under pipeline/ and tests/,
# clang-tidy (.clang-tidy's checks) on the changed lines of pipeline/'s sources, with BUILD's compile commands.
#   bash scripts/check-style.sh [BASE] [BUILD]      e.g. bash scripts/check-style.sh main build
# Fix what it reports with `git clang-format BASE` (formats only the changed lines) and by hand for clang-tidy.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-}
[ -n "$base" ] || base=$(cat .ci/style-base)
build=${2:-build}
status=0

format=$(git clang-format --diff --extensions cpp,h "$base" -- pipeline tests ':!tests/pdfjs/node_modules' || true)
if [ -n "$format" ] && [ "$format" != "no modified files to format" ] &&
   [ "$format" != "clang-format did not modify any files" ]; then
  echo "check-style: clang-format would change these lines (run: git clang-format $base):"
  echo "$format"
  status=1
fi

tidy=$(git diff -U0 "$base" -- 'pipeline/*.cpp' 'pipeline/*.h' |
  clang-tidy-diff -p1 -path "$build" -j 2 -quiet 2>/dev/null | grep -E '^[^ ].*: (error|warning): ' || true)
if [ -n "$tidy" ]; then
  echo "check-style: clang-tidy:"
  echo "$tidy"
  status=1
fi
[ $status -eq 0 ] && echo "check-style: the lines changed since $(git rev-parse --short "$base") are formatted and tidy"
exit $status
