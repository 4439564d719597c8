#!/usr/bin/env bash
# Cost of the learning-dynamics measurements at the paper's size (issue 9), one JDK per call.
# Usage: bench/scripts/monitor-cost.sh LABEL   (JAVA_HOME selects the JDK)
# Writes bench/results/monitors-<UTC date>/LABEL.txt (run 10: bench/results/run10-2026-12-02-monitors/).
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
OUT="bench/results/monitors-$(date -u +%F)"
mkdir -p "$OUT"
{ date -u; lscpu | grep 'Model name'; uptime; } > "$OUT/$1.txt"
if grep -q avx512f /proc/cpuinfo; then FLAGS=-mavx512f; else FLAGS=-mavx2; fi
gcc -O2 $FLAGS -mfma -pthread bench/peak/fma_peak.c -o /tmp/fma_peak && /tmp/fma_peak >> "$OUT/$1.txt" 2>&1
"$JAVA" --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar org.totaldiff.bench.MonitorCost --rounds 7 2>&1 \
    | grep -v '^WARNING' >> "$OUT/$1.txt"
uptime >> "$OUT/$1.txt"
