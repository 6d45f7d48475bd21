#!/usr/bin/env bash
# process.sh: the cost of one guide as a whole process, side by side with
# the cost of starting the program at all.
#
# It builds the handouts binary, then runs, interleaved so that both see the
# same machine load,
#   handouts --version
#   handouts build --quiet --format guide --out <tmp> data/group-therapy.yaml
# RUNS times each (default 20, after 3 warm-up runs), and prints the median
# wall time of each and their difference, then the same for CPU time, with
# the mean CPU difference. The goal (issue 11) is a wall-time difference of
# at most 3 ms.
#
# With a git revision as second argument it also builds that revision (in a
# temporary worktree) and interleaves its runs with this tree's, so that a
# change is measured against its parent under the same load: on a shared
# machine the load moves both figures by more than most changes do.
#
# CONTENT names another content file (default data/group-therapy.yaml).
#
# Work moved out of start-up into first use (a table made when a build
# first needs it) makes --version cheaper and leaves the guide's own cost
# as it was, so the difference grows: read the guide's own figures beside
# it.
#
# With INSTRUCTIONS=1 it also counts the instructions each binary executes
# in user space (all threads), for --version and the guide, with valgrind's
# callgrind (median of 3 runs each). The count does not move with the
# machine's load, which on a shared machine moves the times above by more
# than most changes do; it leaves out the kernel's share (starting the
# process, page faults), which the times include.
#
# Usage: bench/process.sh [RUNS] [REV]
#   bench/process.sh              this tree, 20 runs
#   bench/process.sh 100 HEAD~3   this tree against HEAD~3, 100 runs each
#   CONTENT=testdata/languages/zh-Hans.yaml bench/process.sh   a Chinese guide
#   INSTRUCTIONS=1 bench/process.sh 20 ef150f0   with instruction counts
set -euo pipefail
export LC_ALL=C # EPOCHREALTIME with a decimal point
cd "$(dirname "$0")/.."
runs="${1:-20}"
rev="${2:-}"
tmp="$(mktemp -d)"
cleanup() {
  if [ -n "$rev" ]; then git worktree remove --force "$tmp/rev" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir "$tmp/bin"
go build -o "$tmp/bin/this" .
names=(this)
if [ -n "$rev" ]; then
  git worktree add --quiet --detach "$tmp/rev" "$rev"
  (cd "$tmp/rev" && go build -o "$tmp/bin/rev" .)
  names+=(rev)
fi
bin() { echo "$tmp/bin/$1"; }
content="${CONTENT:-data/group-therapy.yaml}"

# Wall time from bash's own clock, EPOCHREALTIME: no process is started
# (not even a subshell) to read it.
# CPU time (user + system) of all finished children, in microseconds: on
# a shared machine wall time includes waiting for a core, CPU time less so.
# It is recorded with the `times` builtin, in this shell (a subshell would
# not see these children) and without starting a process, then parsed after
# the runs.
parse_times() { awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); s += p[1] * 60 + p[2] } printf "%d\n", s * 1000000 }' "$1"; }
version() { "$1" --version >/dev/null; }
# Each binary writes over its own last output (another's PDF would differ).
guide() { "$1" build --quiet --format guide --out "$2" "$content" >/dev/null; }

for n in "${names[@]}"; do
  b="$(bin "$n")"
  for _ in 1 2 3; do version "$b"; guide "$b" "$tmp/out-$n"; done
  : >"$tmp/$n.raw"
  : >"$tmp/$n.clock"
done
# An empty folder for every run of the fresh case, made with one process.
for n in "${names[@]}"; do mkdir -p "$tmp/fresh-$n"; done
(cd "$tmp" && for n in "${names[@]}"; do seq -f "fresh-$n/%g" "$runs"; done | xargs mkdir)
for i in $(seq "$runs"); do
  for n in "${names[@]}"; do
    b="$(bin "$n")"
    times >>"$tmp/$n.raw"
    t0=$EPOCHREALTIME; version "$b"; t1=$EPOCHREALTIME
    times >>"$tmp/$n.raw"
    t2=$EPOCHREALTIME; guide "$b" "$tmp/out-$n"; t3=$EPOCHREALTIME
    times >>"$tmp/$n.raw"
    t4=$EPOCHREALTIME; guide "$b" "$tmp/fresh-$n/$i"; t5=$EPOCHREALTIME
    echo "$t0 $t1 $t2 $t3 $t4 $t5" >>"$tmp/$n.clock"
  done
done

median() { sort -n "$1" | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f", m/1000}'; }
mean() { awk '{s += $1} END {printf "%.2f", s/NR/1000}' "$1"; }
for n in "${names[@]}"; do
  p="$tmp/$n"
  awk '{ printf "%d\n", ($2 - $1) * 1000000 >"'"$p.version"'"; printf "%d\n", ($4 - $3) * 1000000 >"'"$p.guide"'"; printf "%d\n", (($4 - $3) - ($2 - $1)) * 1000000 >"'"$p.diff"'"; printf "%d\n", (($6 - $5) - ($2 - $1)) * 1000000 >"'"$p.fresh"'" }' "$p.clock"
  # The `times` lines come in pairs (the shell's, then its children's),
  # three per run: every second line is the children's.
  awk 'NR % 2 == 0' "$p.raw" >"$p.children"
  parse_times "$p.children" | awk 'NR % 3 == 1 { a = $1 } NR % 3 == 2 { b = $1; print b - a >"'"$p.version-cpu"'" } NR % 3 == 0 { print $1 - b >"'"$p.guide-cpu"'"; print ($1 - b) - (b - a) >"'"$p.diff-cpu"'" }'
done

report() {
  local what="$1" suffix="$2" n p
  echo "median of $runs runs, $what:"
  for n in "${names[@]}"; do
    p="$tmp/$n"
    if [ ${#names[@]} -gt 1 ]; then
      if [ "$n" = this ]; then echo " this tree:"; else echo " $rev:"; fi
    fi
    echo "  handouts --version                 $(median "$p.version$suffix") ms"
    echo "  handouts build --format guide      $(median "$p.guide$suffix") ms"
    awk -v g="$(median "$p.guide$suffix")" -v v="$(median "$p.version$suffix")" 'BEGIN { printf "  difference                         %.2f ms\n", g - v }'
    if [ -z "$suffix" ]; then
      echo "  into an empty folder, run by run   $(median "$p.fresh") ms more than --version"
    else
      # Each run's CPU time is read in whole milliseconds, so the median
      # moves in steps of 1 ms; the mean of the runs is finer.
      echo "  mean difference                    $(mean "$p.diff$suffix") ms"
    fi
  done
  if [ ${#names[@]} -gt 1 ]; then
    # The median of the run-by-run differences, for each binary: the
    # change between them is measured on runs made moments apart.
    echo "  median run-by-run difference: this tree $(median "$tmp/this.diff$suffix") ms, $rev $(median "$tmp/rev.diff$suffix") ms"
  fi
}
report "wall time (the goal: a difference of at most 3 ms)" ""
report "CPU time, user + system (times' resolution: 1 ms)" "-cpu"

if [ "${INSTRUCTIONS:-}" = 1 ]; then
  if ! command -v valgrind >/dev/null; then
    echo "INSTRUCTIONS=1 needs valgrind (apt-get install valgrind)" >&2
    exit 1
  fi
  # callgrind prints "Collected : N" on stderr; the program's own output
  # goes to /dev/null. It cannot follow the runtime's preemption signals
  # (asyncpreemptoff), and valgrind 3.19 cannot decode RDTSCP, which the
  # runtime executes when one of its locks is contended (cpu.rdtscp=off
  # makes it use RDTSC).
  count() { GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ { print $NF }'; }
  echo "instructions in user space (callgrind, median of 3 runs):"
  for n in "${names[@]}"; do
    b="$(bin "$n")"
    for _ in 1 2 3; do count "$b" --version; done >"$tmp/$n.ir-version"
    for _ in 1 2 3; do count "$b" build --quiet --format guide --out "$tmp/out-$n" "$content"; done >"$tmp/$n.ir-guide"
    v="$(sort -n "$tmp/$n.ir-version" | sed -n 2p)"
    g="$(sort -n "$tmp/$n.ir-guide" | sed -n 2p)"
    if [ ${#names[@]} -gt 1 ]; then
      if [ "$n" = this ]; then echo " this tree:"; else echo " $rev:"; fi
    fi
    awk -v v="$v" -v g="$g" 'BEGIN { printf "  handouts --version                 %.2f M\n  handouts build --format guide      %.2f M\n  difference                         %.2f M\n", v/1e6, g/1e6, (g-v)/1e6 }'
  done
fi
