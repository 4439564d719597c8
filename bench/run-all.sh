#!/usr/bin/env bash
# Runs the product and tanhJet benchmarks and the side-by-side comparison on one JDK.
# Usage: bench/run-all.sh [label [jmh-regex]]   (JAVA_HOME selects the JDK; default label: jdk<feature>,
#        default regex: every product and tanh benchmark, EJML included)
# Writes <label>-jmh.txt, <label>-jmh.json, <label>-compare.txt and <label>-load.txt into
# bench/results/<label>-<UTC date>/ (tables: bench/scripts/summarize.py, bench/scripts/compare_table.py).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
LABEL="${1:-jdk$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')}"
REGEX="${2:-org.totaldiff.bench.(ProductBenchmark|TanhJetBenchmark)}"
JAR=bench/target/benchmarks.jar
OUT="bench/results/$LABEL-$(date -u +%F)"
mkdir -p "$OUT"
{ date -u; uptime; } > "$OUT/$LABEL-load.txt"
"$JAVA" -jar "$JAR" -jvm "$JAVA" -wi 3 -i 5 -w 1 -r 1 -f 1 -rf json -rff "$OUT/$LABEL-jmh.json" \
    "$REGEX" 2>&1 | grep -v '^WARNING' > "$OUT/$LABEL-jmh.txt"
uptime >> "$OUT/$LABEL-load.txt"
"$JAVA" --add-modules jdk.incubator.vector -cp "$JAR" org.totaldiff.bench.CompareProducts --reps 21 2>&1 \
    | grep -v '^WARNING' > "$OUT/$LABEL-compare.txt"
{ date -u; uptime; } >> "$OUT/$LABEL-load.txt"
