#!/usr/bin/env bash
# process.sh: the cost of one guide as a whole process, side by side with
# the cost of starting the program at all.
#
# It builds the handouts binary, then runs, interleaved so that both see the
# same machine load,
#   handouts --version
#   handouts build --quiet --format guide --out <tmp> data/group-therapy.yaml
# RUNS times each (default 20, after 3 warm-up runs), and prints the median
# wall time of each and their difference. The goal (issue 11) is a
# difference of at most 3 ms.
#
# Usage: bench/process.sh [RUNS]
set -euo pipefail
export LC_ALL=C # EPOCHREALTIME with a decimal point
cd "$(dirname "$0")/.."
runs="${1:-20}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/handouts" .
bin="$tmp/handouts"
content=data/group-therapy.yaml

# Wall time from bash's own clock, EPOCHREALTIME: no process is started
# (not even a subshell) to read it.
# CPU time (user + system) of all finished children, in microseconds: on
# a shared machine wall time includes waiting for a core, CPU time less so.
# It is recorded with the `times` builtin, in this shell (a subshell would
# not see these children) and without starting a process, then parsed after
# the runs.
parse_times() { awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); s += p[1] * 60 + p[2] } printf "%d\n", s * 1000000 }' "$1"; }
version() { "$bin" --version >/dev/null; }
guide() { "$bin" build --quiet --format guide --out "$tmp/out" "$content" >/dev/null; }

for _ in 1 2 3; do version; guide; done
: >"$tmp/raw"
: >"$tmp/clock"
for _ in $(seq "$runs"); do
  times >>"$tmp/raw"
  t0=$EPOCHREALTIME; version; t1=$EPOCHREALTIME
  times >>"$tmp/raw"
  t2=$EPOCHREALTIME; guide; t3=$EPOCHREALTIME
  times >>"$tmp/raw"
  echo "$t0 $t1 $t2 $t3" >>"$tmp/clock"
done
awk '{ printf "%d\n", ($2 - $1) * 1000000 >"'"$tmp/version"'"; printf "%d\n", ($4 - $3) * 1000000 >"'"$tmp/guide"'" }' "$tmp/clock"
# Every second line of `times` is the children's; three per run.
awk 'NR % 2 == 0' "$tmp/raw" >"$tmp/children"
parse_times "$tmp/children" | awk 'NR % 3 == 1 { a = $1 } NR % 3 == 2 { b = $1; print b - a >"'"$tmp/version-cpu"'" } NR % 3 == 0 { print $1 - b >"'"$tmp/guide-cpu"'" }'

median() { sort -n "$1" | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f", m/1000}'; }
report() {
  local v g
  v=$(median "$tmp/version$2")
  g=$(median "$tmp/guide$2")
  echo "median of $runs runs, $1:"
  echo "  handouts --version                 $v ms"
  echo "  handouts build --format guide      $g ms"
  awk -v g="$g" -v v="$v" 'BEGIN { printf "  difference                         %.2f ms\n", g - v }'
}
report "wall time (the goal: a difference of at most 3 ms)" ""
report "CPU time, user + system (times' resolution: 1 ms)" "-cpu"
