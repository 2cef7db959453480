#!/usr/bin/env bash
# The README's Slurm recipe on a real cluster of this one machine (CI only: needs root; installs Debian's Slurm
# and munge with scripts/setup.sh --slurm). Starts munged, slurmctld and slurmd on 127.0.0.1 from a slurm.conf in
# a temporary folder, then, with deploy/slurm/saraban.sbatch and merge.sbatch exactly as docs/distributed.md
# gives them:
#   1. the array over a folder of agencies and the merge after it: the merged manifest and every PDF and workbook
#      are byte-identical to one `saraban run` of the same folder;
#   2. again into a new folder, one task cancelled mid-run (scancel, as at a time limit): the merge names the
#      shard's pending agencies and fails; that task resubmitted alone (sbatch --array=K) resumes, and the merge
#      after it gives the same bytes again.
# The daemons it started are stopped at the end, whatever happens. Usage: run_cluster.sh [BUILD_DIR] (default build)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
saraban=$(cd "${1:-$here/build}" && pwd)/saraban
[ -x "$saraban" ] || { echo "run_cluster: no $saraban: build saraban first" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "run_cluster: needs root (it starts munged, slurmctld and slurmd)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "run_cluster: needs python3 (scripts/setup.sh --tests)" >&2; exit 2; }
shards=3
killed=2  # the task cancelled in part 2: with 2 cores, tasks 1 and 2 start first

bash "$here/scripts/setup.sh" --slurm

work=$(mktemp -d /tmp/saraban-slurm.XXXXXX)
chmod 755 "$work"
export SLURM_CONF=$work/slurm.conf
started_munged=false
fail() { echo "run_cluster: FAIL: $*" >&2; exit 1; }

stop_pid_file() {  # stop_pid_file FILE: TERM the daemon it names, wait up to 20 s for it to exit
  [ -f "$1" ] || return 0
  local pid
  pid=$(cat "$1")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  set +e
  if [ -f "$work/slurmctld.pid" ]; then
    scancel --quiet --user=root 2>/dev/null
    for _ in $(seq 100); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.2; done
  fi
  stop_pid_file "$work/slurmd.pid"
  stop_pid_file "$work/slurmctld.pid"
  $started_munged && stop_pid_file /run/munge/munged.pid
  if [ $status -ne 0 ]; then
    for log in "$work"/slurmctld.log "$work"/slurmd.log "$work"/logs/*; do
      [ -f "$log" ] && { echo "---- $log"; tail -n 30 "$log"; }
    done
  fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT

start_munge() {
  if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then return; fi  # a munged already runs: use it
  install -d -o munge -g munge -m 700 /etc/munge
  [ -s /etc/munge/munge.key ] || mungekey --create --keyfile=/etc/munge/munge.key
  chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
  install -d -o munge -g munge -m 755 /run/munge
  install -d -o munge -g munge -m 700 /var/log/munge /var/lib/munge
  runuser -u munge -- /usr/sbin/munged
  started_munged=true
  munge -n | unmunge >/dev/null || fail "munged does not answer"
}

write_conf() {
  local host node
  host=$(hostname -s)
  # The node as slurmd sees it, its memory lowered by a tenth (the kernel's view moves; a node with less memory
  # than configured is drained).
  node=$(slurmd -C | head -n 1 | awk '{for (i = 1; i <= NF; i++) if ($i ~ /^RealMemory=/) {
    split($i, m, "="); $i = "RealMemory=" int(m[2] * 0.9)} print}')
  mkdir -p "$work/state" "$work/spool" "$work/logs"
  # Ports other than Slurm's defaults, so as not to meet a cluster this machine may belong to.
  cat >"$SLURM_CONF" <<CONF
ClusterName=saraban-ci
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MailProg=/bin/true
ReturnToService=2
MinJobAge=3600
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
$node NodeAddr=127.0.0.1
PartitionName=ci Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
}

start_slurm() {
  slurmctld -f "$SLURM_CONF" -c
  slurmd -f "$SLURM_CONF"
  for _ in $(seq 300); do
    [ "$(sinfo -h -o %T 2>/dev/null)" = idle ] && return
    sleep 0.1
  done
  fail "the node is not idle after 30 s: $(sinfo 2>&1)"
}

# Agencies that differ from one another: the sample workbook, the readers' fixtures (xlsx, ods, CSV), and CSV
# agencies made from a fixture with their own name, respondents and number of measures.
make_agencies() {
  local in=$1 fixtures=$here/tests/ingest/fixtures
  mkdir -p "$in"
  cp "$here/inputs/sample.xlsx" "$fixtures"/*.xlsx "$fixtures"/libreoffice.ods "$in/"
  cp -r "$fixtures"/csv-utf8 "$fixtures"/csv-tis620 "$in/"
  python3 - "$fixtures/csv-utf8" "$in" <<'PY'
import pathlib, re, sys
fixture, into = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
sheets = {f.name: f.read_text(encoding="utf-8") for f in fixture.glob("*.csv")}
measures = sheets["มาตรการ.csv"].splitlines(keepends=True)
for i in range(1, 121):
    agency = into / f"หน่วยงาน-{i}"
    agency.mkdir()
    for name, text in sheets.items():
        text = text.replace("สำนักงานบริหารหนี้สาธารณะ", f"สำนักงานทดสอบที่ {i}")
        text = re.sub(r"^(2564,.*),56,110,538$", rf"\g<1>,{40 + i},{100 + i},{500 + 3 * i}", text, flags=re.M)
        if name == "มาตรการ.csv":  # the header and the first measures, cut before a measure's own number
            rows = 4 + i % 16
            while rows < len(measures) and not re.match(r"^[0-9]+,", measures[rows]):
                rows += 1
            text = "".join(measures[:rows])
        (agency / name).write_text(text, encoding="utf-8")
PY
}

job_field() {  # job_field JOBID FIELD: e.g. JobState=COMPLETED, ExitCode=0:0
  scontrol show job "$1" | tr ' ' '\n' | grep "^$2=" | head -n 1 | cut -d= -f2
}
wait_jobs() {  # wait_jobs JOBID...: until none of them is pending or running (at most 5 minutes)
  local deadline=$((SECONDS + 300))
  while [ -n "$(squeue -h -j "$(IFS=,; echo "$*")" 2>/dev/null)" ]; do
    [ $SECONDS -lt $deadline ] || fail "jobs $* still queued after 5 minutes: $(squeue)"
    sleep 0.2
  done
  local job  # where the time went
  for job in "$@"; do
    scontrol show job "$job" | tr ' ' '\n' |
      awk -F= -v job="$job" '/^(JobId|ArrayTaskId|JobState|SubmitTime|StartTime|EndTime)=/ {
        if ($1 == "JobId" && line != "") {print line; line = ""} line = line " " $1 "=" $2} END {print line}' |
      sed 's/^/run_cluster:  /'
  done
}
same_as_single_run() {  # same_as_single_run OUTPUT: the merged manifest and every output as in the single run
  local out=$1 outputs made
  # Byte for byte: a merge of every shard writes the manifest a single run writes.
  cmp "$work/single/manifest.json" "$out/manifest.json" ||
    { diff "$work/single/manifest.json" "$out/manifest.json" | head -n 20 || true; fail "$out/manifest.json differs from the single run's"; }
  # Every PDF and workbook (overview.xlsx is per shard: overview-K-of-N.xlsx), by SHA-256, and no other.
  outputs=$(cd "$work/single" && ls -- *.pdf *.xlsx | grep -v '^overview\.xlsx$')
  (cd "$work/single" && sha256sum -- $outputs) | (cd "$out" && sha256sum --check --quiet) ||
    fail "outputs in $out differ from the single run's"
  made=$(cd "$out" && ls -- *.pdf *.xlsx | grep -v '^overview-' | wc -l)
  [ "$made" -eq "$(wc -w <<<"$outputs")" ] || fail "$out has $made outputs, the single run $(wc -w <<<"$outputs")"
  echo "run_cluster: $out: manifest and $made outputs byte-identical to the single run"
}
submit_array() {  # submit_array ARRAY OUTPUT: the README's submission, one CPU a task on this small node
  sbatch --parsable --array="$1" --cpus-per-task=1 --output="$work/logs/saraban-%A_%a.log" \
    "$here/deploy/slurm/saraban.sbatch" "$work/inputs" "$2" "$shards"
}
submit_merge() {  # submit_merge AFTER OUTPUT
  sbatch --parsable --dependency=afterany:"$1" --output="$work/logs/merge-%j.log" \
    "$here/deploy/slurm/merge.sbatch" "$2" "$shards"
}

t0=$SECONDS
start_munge
write_conf
start_slurm
echo "run_cluster: cluster up in $((SECONDS - t0)) s: $(sinfo -h -o '%P %D %c %T')"
export SARABAN=$saraban  # sbatch passes the submitter's environment to the job

t=$SECONDS
make_agencies "$work/inputs"
echo "run_cluster: agencies made in $((SECONDS - t)) s"
t=$SECONDS
"$saraban" run "$work/inputs" -o "$work/single" --progress none ||
  fail "the single run failed"
agencies=$(find "$work/single" -name '*.pdf' | wc -l)
distinct=$(md5sum "$work"/single/*.pdf | cut -d' ' -f1 | sort -u | wc -l)
echo "run_cluster: single run: $agencies agencies, $distinct different memos, $((SECONDS - t)) s"
[ "$distinct" -ge 100 ] || fail "only $distinct different memos: the agencies should differ"

# 1. The whole array, then the merge.
t1=$SECONDS
array=$(submit_array "1-$shards" "$work/out1")
merge=$(submit_merge "$array" "$work/out1")
wait_jobs "$array" "$merge"
echo "run_cluster: array and merge done after $((SECONDS - t1)) s"
for k in $(seq 1 "$shards"); do
  [ "$(job_field "${array}_$k" JobState)" = COMPLETED ] || fail "task $k: $(job_field "${array}_$k" JobState)"
done
[ "$(job_field "$merge" ExitCode)" = 0:0 ] || fail "merge exited $(job_field "$merge" ExitCode)"
same_as_single_run "$work/out1"
echo "run_cluster: array of $shards and merge: $((SECONDS - t1)) s"

# 2. Task $killed cancelled mid-run: once its journal holds a few agencies, before its manifest is final.
t2=$SECONDS
array=$(submit_array "1-$shards" "$work/out2")
merge=$(submit_merge "$array" "$work/out2")
journal=$work/out2/manifest-$killed-of-$shards.json.journal
for _ in $(seq 3000); do
  [ -f "$journal" ] && [ "$(wc -l <"$journal")" -ge 3 ] && break
  sleep 0.01
done
[ -f "$journal" ] || fail "task $killed wrote no journal"
scancel "${array}_$killed"
wait_jobs "$array" "$merge"
state=$(job_field "${array}_$killed" JobState)
[ "$state" = CANCELLED ] || fail "task $killed was not cancelled mid-run: $state"
grep -q '"pending"' "$work/out2/manifest-$killed-of-$shards.json" ||
  fail "task $killed's manifest has no pending agency: it finished before it was cancelled"
[ "$(job_field "$merge" ExitCode)" = 1:0 ] ||
  fail "the merge after a cancelled task exited $(job_field "$merge" ExitCode)"
grep -q "not finished in $work/out2/manifest-$killed-of-$shards.json" "$work/logs/merge-$merge.log" ||
  fail "the merge did not name the cancelled shard's unfinished agencies"
echo "run_cluster: task $killed cancelled mid-run; the merge named its pending agencies and exited 1"

# The README's recovery: that task alone, then the merge again.
again=$(submit_array "$killed" "$work/out2")
merge=$(submit_merge "$again" "$work/out2")
wait_jobs "$again" "$merge"
[ "$(job_field "${again}_$killed" JobState)" = COMPLETED ] ||
  fail "task $killed resubmitted: $(job_field "${again}_$killed" JobState)"
log=$work/logs/saraban-${again}_$killed.log
grep -q "(shard $killed/$shards of $agencies)" "$log" ||
  fail "the resubmitted task was not shard $killed/$shards: $(tail -n 1 "$log")"
unchanged=$(tail -n 1 "$log" | sed -n 's/.*, \([0-9]*\) unchanged.*/\1/p')
[ "${unchanged:-0}" -ge 1 ] || fail "the resubmitted task did not resume: $(tail -n 1 "$log")"
[ "$(job_field "$merge" ExitCode)" = 0:0 ] || fail "merge after the resubmission exited $(job_field "$merge" ExitCode)"
same_as_single_run "$work/out2"
echo "run_cluster: resubmitted task $killed resumed ($unchanged agencies kept);" \
  "cancel, resubmit, merge: $((SECONDS - t2)) s"
echo "run_cluster: passed in $((SECONDS - t0)) s"
