#!/usr/bin/env bash
# Every target of the whole training step (issue 11), one run, in this order (runs 11 and 13):
#   machine peak; libtorch peer on JDK 17 and JDK 25 (2 threads) and JDK 17 on 1 thread;
#   the plain step alone against the peak of the same minute (StepEfficiency) on both JDKs;
#   train costs (first iteration, system time, heap) on JDK 17 and JDK 25;
#   JMH -prof gc of one step (allocation); numpy products with OPENBLAS_CORETYPE and
#   OPENBLAS_L2_SIZE unset; machine peak again.
# Prerequisite (from the repository root): mvn -B -Ppeer -pl bench -am package -DskipTests
# Usage: bench/scripts/step-targets.sh [OUT_DIR]   (default bench/results/step-<UTC date>)
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="${1:-bench/results/step-$(date -u +%F)}"
mkdir -p "$OUT"
JDK25=/usr/lib/jvm/temurin-25-jdk-amd64
MEM="-XX:+UseParallelGC -XX:+UseTransparentHugePages -Xms4g -Xmn256m"
CP="bench/target/benchmarks.jar:$(cat bench/target/peer-classpath.txt)"
if grep -q avx512f /proc/cpuinfo; then FLAGS=-mavx512f; else FLAGS=-mavx2; fi
gcc -O2 $FLAGS -mfma -pthread bench/peak/fma_peak.c -o /tmp/fma_peak
{ date -u; lscpu | grep -E 'Model name|^CPU\(s\)|L2|L3'; uptime; /tmp/fma_peak; } > "$OUT/peak-start.txt" 2>&1
peer() { # LABEL JAVA THREADS
  "$2" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED $MEM -Dai.djl.offline=true -cp "$CP" \
      org.totaldiff.bench.peer.TorchPeer --rounds 7 --warmup 1 --threads "$3" > "$OUT/peer-$1.txt" 2> "$OUT/peer-$1.err" || true
}
peer jdk17 java 2
peer jdk25 "$JDK25/bin/java" 2
peer jdk17-1thread java 1
efficiency() { # LABEL JAVA: the plain step alone, in rounds alternating with the peak program
  "$2" --add-modules jdk.incubator.vector $MEM -cp "$CP" org.totaldiff.bench.peer.StepEfficiency --peak /tmp/fma_peak \
      > "$OUT/efficiency-$1.txt" 2> "$OUT/efficiency-$1.err" || true
}
efficiency jdk17 java
efficiency jdk25 "$JDK25/bin/java"
bench/scripts/train-costs.sh jdk17 20 > /dev/null
JAVA_HOME=$JDK25 bench/scripts/train-costs.sh jdk25 20 > /dev/null
mv "bench/results/train-costs-$(date -u +%F)"/jdk17.txt "$OUT/train-costs-jdk17.txt"
mv "bench/results/train-costs-$(date -u +%F)"/jdk25.txt "$OUT/train-costs-jdk25.txt"
rmdir "bench/results/train-costs-$(date -u +%F)" 2>/dev/null || true
java -jar bench/target/benchmarks.jar -wi 3 -i 5 -w 2 -r 2 -f 1 -prof gc MlpJetBenchmark > "$OUT/jmh-gc-jdk17.txt" 2>&1 || true
{ env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 -c 'import numpy; numpy.show_runtime()'
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 -c "
import numpy, glob, os, ctypes
l = ctypes.CDLL(glob.glob(os.path.join(os.path.dirname(numpy.__file__), '..', 'numpy.libs', '*openblas*'))[0])
f = l.scipy_openblas_get_corename64_; f.restype = ctypes.c_char_p
g = l.scipy_openblas_get_config64_; g.restype = ctypes.c_char_p
print('OpenBLAS core with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset:', f().decode(), '|', g().decode())"
} > "$OUT/numpy-runtime.txt" 2>&1 || true
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
    org.totaldiff.bench.CompareProducts --reps 21 --no-ejml --peak-gflops "$(awk '/^2 thread/ { print $3 }' "$OUT/peak-start.txt")" > "$OUT/compare-jdk17-numpy-unset.txt" 2>&1 || true
{ date -u; uptime; /tmp/fma_peak; } > "$OUT/peak-end.txt" 2>&1
echo "done: $OUT"
