#!/usr/bin/env bash
# What a user's paper-size training run costs on this machine (issue 11): wall, user and system
# time, page faults, resident memory and the live heap after each GC, of
#   ./totaldiff train --problem helmholtz --preset paper --weighting rba --iterations N --test-grid 201
# with the heap capped at 4 GB (-Xmx4g: the run finishing is the proof that 4 GB suffice), on the
# JDK that JAVA_HOME selects. SNR and entropy monitors run at their paper cadence (SNR every 2
# iterations until 300), so the first iterations are the expensive ones.
# Usage: bench/scripts/train-costs.sh LABEL [ITERATIONS] [THREADS]   (from anywhere)
# Writes bench/results/train-costs-<UTC date>/LABEL.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
LABEL="$1"; ITS="${2:-20}"; THREADS="${3:-2}"
OUT="bench/results/train-costs-$(date -u +%F)"
mkdir -p "$OUT"
RUN="$(mktemp -d)"
trap 'rm -rf "$RUN"' EXIT INT TERM
F="$OUT/$LABEL.txt"
{ date -u; lscpu | grep 'Model name'; "${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1; uptime
  echo "command: ./totaldiff train --problem helmholtz --preset paper --weighting rba --iterations $ITS --test-grid 201 --threads $THREADS"
  echo "JAVA_OPTS: -Xms4g -Xmx4g -Xmn256m -Xlog:gc (the launcher adds -XX:+UseParallelGC and huge pages)"; } > "$F"
START=$(date +%s%N)
JAVA_OPTS="-Xms4g -Xmx4g -Xmn256m -Xlog:gc:file=$RUN/gc.log" /usr/bin/time -v ./totaldiff train --problem helmholtz --preset paper \
    --weighting rba --iterations "$ITS" --test-grid 201 --threads "$THREADS" --progress lines --out "$RUN/run" \
    > "$RUN/stdout" 2> "$RUN/stderr" &
PID=$!
# a background job ignores Ctrl-C: stop the run with the script
trap 'kill "$PID" 2> /dev/null || true; wait "$PID" 2> /dev/null || true; rm -rf "$RUN"' EXIT INT TERM
# snr.csv gets row 0 when iteration 0 is over: written after the step, once the monitors have
# measured and Adam has updated (SnrMonitor). Poll every 20 ms until it is there.
ms() { echo $(( ($(date +%s%N) - START) / 1000000 )); }
FIRST=""
while [ -z "$FIRST" ] && kill -0 "$PID" 2> /dev/null; do
    if [ -f "$RUN/run/snr.csv" ] && [ "$(wc -l < "$RUN/run/snr.csv")" -ge 2 ]; then FIRST=$(ms); fi
    sleep 0.02
done
wait "$PID" || { cat "$RUN/stderr" >> "$F"; echo "FAILED" >> "$F"; exit 1; }
echo "first iteration over (snr.csv row 0 written) ${FIRST:-?} ms after the command started (JVM start and set-up included)" >> "$F"
grep -E "^train|^finished" "$RUN/stderr" "$RUN/stdout" | sed 's/^[^:]*://' >> "$F"
grep -E "Elapsed|User time|System time|Maximum resident|Minor|Major" "$RUN/stderr" >> "$F"
python3 - "$RUN/gc.log" >> "$F" <<'PY'
import re, sys
after = [int(m.group(1)) for m in re.finditer(r"->(\d+)M\(", open(sys.argv[1]).read())]
print(f"GCs: {len(after)}, largest heap after a GC: {max(after) if after else 0} MB (cap 4096 MB)")
PY
uptime >> "$F"
cat "$F"
