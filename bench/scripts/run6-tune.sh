#!/usr/bin/env bash
# run 6: tuning switches of the engine, JDK 17 and 25; writes run6-tuning.txt into run 6's folder.
cd "$(dirname "$0")/../.."
OUT=bench/results/run06-2026-11-23-products/run6-tuning.txt
: > $OUT
for J in java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java; do
for opt in "" "-Dtotaldiff.gemm.rowsA=false" "-Dtotaldiff.gemm.kcSplit=256" "-Dtotaldiff.gemm.stridedA=true"; do
  echo "== $J $opt $(date -u +%H:%M:%S) $(uptime | sed 's/.*load/load/')" >> $OUT
  $J --add-modules jdk.incubator.vector $opt -cp bench/target/benchmarks.jar org.totaldiff.bench.CompareProducts --reps 21 --no-ejml --shapes 25600x128x128 2>&1 | grep -v WARNING | grep -v "^JVM\|^numpy\|^$" >> $OUT
done
done
