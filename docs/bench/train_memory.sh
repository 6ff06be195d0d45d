#!/usr/bin/env bash
# Peak resident memory of `train` against the number of steps, at Java's default heap:
# the run streams its rows to disk, so memory should not grow with the run's length. Prints the
# peak resident set and the last one sampled before the process ended (after the writing of the files).
# Usage: bash docs/bench/train_memory.sh [steps...]   (default: 10000 1000000 3000000; the 3M run takes ~80 s)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/ntk-studio.jar
[ -f "$jar" ] || { echo "build first: mvn -B -ntp package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "steps,seconds,peak_rss_mb,end_rss_mb"
for steps in "${@:-10000 1000000 3000000}"; do
    for s in $steps; do
        printf '{"network": {"width": 32}, "training": {"steps": %d}}\n' "$s" > "$work/spec.json"
        java -jar "$jar" train --spec "$work/spec.json" --out "$work/out" > /dev/null &
        pid=$!
        peak=0
        last=0
        start=$(date +%s.%N)
        while kill -0 "$pid" 2> /dev/null; do
            hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo 0)
            rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2> /dev/null || echo 0)
            [ "${hwm:-0}" -gt "$peak" ] && peak=$hwm
            [ "${rss:-0}" -gt 0 ] && last=$rss
            sleep 0.05
        done
        wait "$pid"
        end=$(date +%s.%N)
        awk -v s="$s" -v a="$start" -v b="$end" -v k="$peak" -v r="$last" 'BEGIN {printf "%d,%.1f,%.0f,%.0f\n", s, b - a, k / 1024, r / 1024}'
        rm -rf "$work/out"
    done
done
