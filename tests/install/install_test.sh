#!/usr/bin/env bash
# saraban as installed (cmake --install into a temporary prefix) and as a lone copied binary, each run the way a
# user runs it: from an empty folder, nothing of the source tree around. Checks what is installed, that init and
# run find their templates and fonts, that an installed run gives the build tree's bytes, that the man page and
# the completion name exactly the options of each command's --help, and the lookup order's messages.
# usage: install_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$(cd "$1" && pwd) build=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/saraban-install-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "install_test: FAIL: $*" >&2; exit 1; }
unset SARABAN_DATA_DIR

prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/saraban share/saraban/templates/progress-report.xml share/saraban/templates/ita-levels.csv \
  share/saraban/fonts/Laksaman.ttf share/saraban/fonts/DejaVuSans.ttf share/saraban/inputs/sample.xlsx \
  share/man/man1/saraban.1 share/bash-completion/completions/saraban share/doc/saraban/README.md \
  share/doc/saraban/docs/input-workbook.md; do
  [ -e "$prefix/$f" ] || fail "cmake --install put no $f"
done
echo "install_test: installed $(find "$prefix" -type f -o -type l | wc -l) files"

# init and run from an empty folder, with the installed binary.
mkdir -p "$work/user/in" && cd "$work/user"
"$prefix/bin/saraban" init x.xlsx 2>err.txt || fail "init: $(cat err.txt)"
[ -s x.xlsx ] || fail "init wrote no x.xlsx"
status=0
"$prefix/bin/saraban" run x.xlsx -o blank --progress none 2>err.txt || status=$?
# A blank workbook is refused cell by cell, which needs the templates' ITA tables and the fonts to be found first.
[ "$status" = 1 ] || fail "run of the blank workbook exited $status: $(cat err.txt)"
grep -q "x.xlsx: sheet หนังสือ, cell" err.txt || fail "run of the blank workbook named no cell: $(cat err.txt)"

# The installed run's bytes are the build tree's (its fonts are links to Debian's copies of fonts/).
cp "$src/inputs/sample.xlsx" in/
"$prefix/bin/saraban" run in -o installed --progress none 2>err.txt || fail "installed run: $(cat err.txt)"
"$build/saraban" run in -o tree --progress none 2>err.txt || fail "build tree's run: $(cat err.txt)"
for f in sample.pdf sample.xlsx manifest.json overview.xlsx findings.txt; do
  cmp "installed/$f" "tree/$f" || fail "$f differs between the installed saraban and the build tree's"
done

# A binary copied alone finds nothing, says where it looked, and finds everything through SARABAN_DATA_DIR.
mkdir -p "$work/alone" && cp "$build/saraban" "$work/alone/"
status=0
"$work/alone/saraban" run in -o alone 2>err.txt || status=$?
[ "$status" = 2 ] || fail "a lone binary's run exited $status: $(cat err.txt)"
grep -q "templates not found in: $work/alone/templates, $work/templates, $work/share/saraban/templates" err.txt ||
  fail "a lone binary's message does not give the lookup order: $(cat err.txt)"
[ ! -e alone ] || fail "a lone binary's failed run made its output folder"
SARABAN_DATA_DIR=$src "$work/alone/saraban" run in -o alone --progress none 2>err.txt || fail "SARABAN_DATA_DIR: $(cat err.txt)"
cmp alone/sample.pdf tree/sample.pdf || fail "SARABAN_DATA_DIR's run gives other bytes"

# The man page and the completion name each command's options exactly as its --help does.
options_of() { grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,' | sort -u; }
man_page=$prefix/share/man/man1/saraban.1
completion=$prefix/share/bash-completion/completions/saraban
for command in run init merge bench typeset; do
  "$prefix/bin/saraban" "$command" --help >help.txt || fail "$command --help exited non-zero"
  grep -q "^usage: saraban $command" help.txt || fail "$command --help has no usage line: $(head -3 help.txt)"
  help=$(sed -n '/^Options:/,$p' help.txt | grep -E '^ +-' | cut -c1-30 | options_of | grep -vx -- '-h\|--help')
  section=$(sed -n "/^\.SS $command\$/,/^\.S[SH] /p" "$man_page" | sed -n '/^\.B /p' | sed 's/\\-/-/g' | options_of)
  [ "$help" = "$section" ] || fail "$command: --help has options [$help], the man page [$section]"
  words=$(bash -c "source '$completion'; COMP_WORDS=(saraban $command -); COMP_CWORD=2; _saraban; printf '%s\n' \"\${COMPREPLY[@]}\"" |
    grep -vx -- '-h\|--help' | sort -u)
  [ "$help" = "$words" ] || fail "$command: --help has options [$help], the completion [$words]"
done
warnings=$(LC_ALL=C.UTF-8 MANWIDTH=100 man --warnings -l "$man_page" 2>&1 >/dev/null || true)
[ -z "$warnings" ] || fail "man -l warns: $warnings"
echo "install_test: passed"
