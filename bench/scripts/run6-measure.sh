#!/usr/bin/env bash
# run 6: before (e496b3b engine) and after, JDK 17 and 25; writes into run 6's folder (re-running overwrites it).
# The "before" jars are a build of e496b3b in /tmp/td/before.
set -uo pipefail
cd "$(dirname "$0")/../.."
J17=java
J25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JAR=bench/target/benchmarks.jar
OLDENG=/tmp/td/before/engine/target/totaldiff-engine-0.1.0-SNAPSHOT.jar
OLDJAR=/tmp/td/before/bench/target/benchmarks.jar
OUT=bench/results/run06-2026-11-23-products
LOAD=$OUT/run6-load.txt
stamp() { echo "== $1: $(date -u +%H:%M:%S) $(uptime | sed 's/.*load/load/')" | tee -a $LOAD; }
filter() { grep -v '^WARNING'; }
: > $LOAD
for J in 17 25; do
  JV=$([ $J = 17 ] && echo $J17 || echo $J25)
  stamp "jdk$J compare before (e496b3b engine, no EJML)"
  $JV --add-modules jdk.incubator.vector -cp $OLDENG:$JAR org.totaldiff.bench.CompareProducts --reps 21 --no-ejml 2>&1 | filter > $OUT/run6-jdk$J-compare-before.txt
  stamp "jdk$J compare after (full)"
  $JV --add-modules jdk.incubator.vector -cp $JAR org.totaldiff.bench.CompareProducts --reps 21 2>&1 | filter > $OUT/run6-jdk$J-compare.txt
  stamp "jdk$J jmh after ProductBenchmark.totaldiff + MlpJetBenchmark"
  $J17 -jar $JAR -jvm $JV -wi 3 -i 5 -w 1 -r 1 -f 1 -rf json -rff $OUT/run6-jdk$J-jmh.json 'ProductBenchmark.totaldiff|MlpJetBenchmark' 2>&1 | filter > $OUT/run6-jdk$J-jmh.txt
  stamp "jdk$J jmh before MlpJetBenchmark"
  $J17 -jar $OLDJAR -jvm $JV -wi 3 -i 5 -w 1 -r 1 -f 1 -rf json -rff $OUT/run6-jdk$J-mlp-before.json 'MlpJetBenchmark' 2>&1 | filter > $OUT/run6-jdk$J-mlp-before.txt
done
stamp "done"
