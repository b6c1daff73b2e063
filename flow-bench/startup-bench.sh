#!/usr/bin/env bash
# Start-up of `flow validate` of one sample: the launcher with and without its class-data archive,
# and plain `java -jar`, run in turn (A B C D, A B C D, ...) so that load from other processes on
# a shared machine hits every case alike. One warm-up round, then RUNS rounds; per case the median,
# minimum and maximum wall time, and the median CPU time (user + system) of the process.
# Needs flow-cli/target/{flow,flow.jar,flow.jsa}: ./mvnw -q -B -pl flow-cli -am -DskipTests package
# Run from the repository root: flow-bench/startup-bench.sh [RUNS] [SAMPLE]
set -euo pipefail
RUNS=${1:-15}
SAMPLE=${2:-samples/06-stream-selector.flow.yaml}
BIN=flow-cli/target
for f in flow flow.jar flow.jsa; do
  [ -f "$BIN/$f" ] || { echo "no $BIN/$f: build with ./mvnw -q -B -pl flow-cli -am -DskipTests package" >&2; exit 2; }
done
# The launcher and jar without the archive, elsewhere, so the launcher finds no flow.jsa.
BARE=$(mktemp -d)
trap 'rm -rf "$BARE"' EXIT
cp "$BIN/flow" "$BIN/flow.jar" "$BARE/"

NAMES=(
  "java -jar flow.jar (plain JVM)"
  "launcher, no archive (C1 only)"
  "launcher with archive (C1 + AppCDS)"
  "launcher with archive + SerialGC"
)
run_case() {
  case $1 in
    0) java -jar "$BIN/flow.jar" validate "$SAMPLE" ;;
    1) "$BARE/flow" validate "$SAMPLE" ;;
    2) "$BIN/flow" validate "$SAMPLE" ;;
    3) FLOW_JAVA_OPTS=-XX:+UseSerialGC "$BIN/flow" validate "$SAMPLE" ;;
  esac
}

declare -A WALL CPU
TIMEFORMAT='%R %U %S'
for round in $(seq 0 "$RUNS"); do
  for c in "${!NAMES[@]}"; do
    t=$({ time run_case "$c" >/dev/null 2>&1; } 2>&1)
    read -r real user sys <<<"$t"
    if [ "$round" -gt 0 ]; then # round 0 warms the file cache
      WALL[$c]+="$real "
      CPU[$c]+="$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}') "
    fi
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%d", m * 1000}'; }
minmax() { tr ' ' '\n' | grep . | sort -g | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%d-%d", lo * 1000, hi * 1000}'; }
echo "flow validate $SAMPLE, $RUNS interleaved rounds, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-40s %12s %14s %14s\n' case "median wall" "min-max (ms)" "median CPU"
for c in "${!NAMES[@]}"; do
  printf '%-40s %9s ms %14s %11s ms\n' "${NAMES[$c]}" "$(median <<<"${WALL[$c]}")" "$(minmax <<<"${WALL[$c]}")" "$(median <<<"${CPU[$c]}")"
done
