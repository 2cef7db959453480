#!/usr/bin/env bash
# Installs the Debian packages saraban needs to build and run, only those that are missing; with --tests, also
# what the tests use (poppler-utils, qpdf, an Ethiopic font, Node.js, pdf.js, the Kubernetes manifests' checker);
# with --ci, also what .ci/run's sanitizer, fuzz and package stages use (clang, its sanitizer and libFuzzer
# runtimes, llvm-symbolizer, dpkg-dev); with --slurm, also a single-node Slurm cluster's daemons and munge for
# tests/slurm/run_cluster.sh. Safe to run twice.
# Needs root (or sudo) only when something is missing.
set -euo pipefail

with_tests=false
with_ci=false
with_slurm=false
for option in "$@"; do
  case "$option" in
    --tests) with_tests=true ;;
    --ci) with_tests=true; with_ci=true ;;
    --slurm) with_slurm=true ;;
    *) echo "usage: setup.sh [--tests | --ci] [--slurm]" >&2; exit 2 ;;
  esac
done

packages=(
  cmake g++ make pkg-config
  libhpdf-dev libharfbuzz-dev libicu-dev libpugixml-dev libzip-dev libxlsxwriter-dev libboost-test-dev
  libssl-dev nlohmann-json3-dev libdeflate-dev libjemalloc-dev
  libpng-dev  # PNG pictures decoded by saraban: libharu's own loader mishandles 16-bit and interlaced ones
  libfontconfig-dev  # the system's font for a character neither the family nor DejaVu Sans has
  libcli11-dev  # the command line's parser (header-only): options, each command's --help, the man page's source
  # What an installed saraban's fonts are (links to them: Debian's files are those of fonts/, byte for byte).
  fonts-tlwg-laksaman-ttf fonts-dejavu-core
)
if $with_tests; then
  # poppler-utils and qpdf check PDFs; LibreOffice recalculates the tracking workbooks and openpyxl inspects them.
  # Carlito (Calibri's metrics): LibreOffice sizes a workbook's columns by its default font, Calibri; without it
  # a wider stand-in makes every column half as wide again and the printed pages of the tests unlike Excel's.
  packages+=(poppler-utils qpdf libreoffice-calc python3-openpyxl fonts-crosextra-carlito)
  # The editable draft (.docx): LibreOffice Writer lays it out to PDF and python-docx reads its structure back.
  packages+=(libreoffice-writer python3-docx)
  # An Ethiopic font (1.3 MB, TrueType): the tests' character that only a system font has.
  packages+=(fonts-sil-abyssinica)
  # GNU time: the hostile-input catalogue's measure of a run's peak memory (tests/hostile/child_process.h).
  packages+=(time)
  # pdf.js (Firefox's viewer) runs on Node.js; a Node.js installed otherwise is used as it is.
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi
if $with_ci; then
  # clang builds the sanitizer and fuzz builds (docs/development.md): libclang-rt-dev holds ASan,
  # UBSan, TSan and libFuzzer; llvm gives llvm-symbolizer, which turns a finding's addresses into file:line.
  packages+=(clang libclang-rt-dev llvm)
  # scripts/check-style.sh: clang-format and clang-tidy on the lines a change touched.
  packages+=(clang-format clang-tidy)
  # dpkg-shlibdeps: cpack -G DEB takes the .deb's Depends from the shared libraries the binary links.
  packages+=(dpkg-dev)
fi

if $with_slurm; then
  # Debian's Slurm 22.05 (controller, node daemon, sbatch/squeue/scancel) and munge, its authentication: CI runs
  # the deploy/slurm/ scripts on a real cluster of this one machine (docs/distributed.md). Their services are
  # started by tests/slurm/run_cluster.sh, not by the packages.
  packages+=(slurmctld slurmd slurm-client munge)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages present"
else
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# pdf.js for the tests, at the version tests/pdfjs/package.json pins; kept in tests/pdfjs/node_modules (ignored).
here="$(cd "$(dirname "$0")/.." && pwd)"
if $with_tests && [ ! -d "$here/tests/pdfjs/node_modules/pdfjs-dist" ]; then
  echo "setup: installing pdfjs-dist for the tests"
  (cd "$here/tests/pdfjs" && npm install --no-package-lock --no-audit --no-fund --loglevel=error)
fi
# The Kubernetes manifests' checker (kubernetes-models, typescript, yaml at tests/kubernetes/package.json's versions).
if $with_tests && [ ! -d "$here/tests/kubernetes/node_modules/kubernetes-models" ]; then
  echo "setup: installing the Kubernetes manifests' checker for the tests"
  (cd "$here/tests/kubernetes" && npm install --no-package-lock --no-audit --no-fund --loglevel=error)
fi
