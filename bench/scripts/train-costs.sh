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
trap 'rm -rf "$RUN"' EXIT
F="$OUT/$LABEL.txt"
{ date -u; lscpu | grep 'Model name'; "${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1; uptime
  echo "command: ./totaldiff train --problem helmholtz --preset paper --weighting rba --iterations $ITS --test-grid 201 --threads $THREADS"
  echo "JAVA_OPTS: -Xms4g -Xmx4g -Xlog:gc (the launcher adds -XX:+UseParallelGC and huge pages)"; } > "$F"
JAVA_OPTS="-Xms4g -Xmx4g -Xlog:gc:file=$RUN/gc.log" /usr/bin/time -v ./totaldiff train --problem helmholtz --preset paper \
    --weighting rba --iterations "$ITS" --test-grid 201 --threads "$THREADS" --progress lines --out "$RUN/run" \
    > "$RUN/stdout" 2> "$RUN/stderr" || { cat "$RUN/stderr" >> "$F"; echo "FAILED" >> "$F"; exit 1; }
grep -E "^train|^finished" "$RUN/stderr" "$RUN/stdout" | sed 's/^[^:]*://' >> "$F"
grep -E "Elapsed|User time|System time|Maximum resident|Minor|Major" "$RUN/stderr" >> "$F"
python3 - "$RUN/gc.log" >> "$F" <<'PY'
import re, sys
after = [int(m.group(1)) for m in re.finditer(r"->(\d+)M\(", open(sys.argv[1]).read())]
print(f"GCs: {len(after)}, largest heap after a GC: {max(after) if after else 0} MB (cap 4096 MB)")
PY
uptime >> "$F"
cat "$F"
