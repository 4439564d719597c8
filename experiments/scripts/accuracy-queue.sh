#!/bin/bash
# Runs a queue of `totaldiff train` experiments one after the other and keeps their records.
#   experiments/scripts/accuracy-queue.sh QUEUE_FILE RESULTS_DIR [THREADS]
# QUEUE_FILE: one experiment per line, "name | train options" ('#' starts a comment).
# Each run writes runs/accuracy/<name> (resumable: a finished run is skipped, an interrupted one
# continues from its checkpoint) and copies run.json, metrics.csv and plots/solution.png to
# RESULTS_DIR/<name>/; RESULTS_DIR/summary.tsv gets one line per finished run.
set -u
queue=$1; results=$2; threads=${3:-2}
cd "$(dirname "$0")/../.."
# the jar as built when the queue starts (no rebuild between entries)
./totaldiff --version > /dev/null || exit 2
export TOTALDIFF_NO_BUILD=1
mkdir -p "$results" runs/accuracy
grep -v '^\s*#' "$queue" | grep -v '^\s*$' | while IFS='|' read -r name args; do
    name=$(echo "$name" | xargs)
    out=runs/accuracy/$name
    if [ -f "$results/$name/run.json" ]; then continue; fi
    echo "$(date -u +%FT%TZ) start $name: $args" >&2
    if [ -f "$out/run.json" ]; then
        ./totaldiff train --resume "$out" --threads "$threads" --progress lines >> "$out.log" 2>&1 < /dev/null
    else
        # shellcheck disable=SC2086
        ./totaldiff train $args --out "$out" --threads "$threads" --progress lines > "$out.log" 2>&1 < /dev/null
    fi
    rc=$?
    if [ $rc -ne 0 ]; then echo "$name exited $rc (see $out.log)" >&2; continue; fi
    mkdir -p "$results/$name/plots"
    cp "$out/run.json" "$out/metrics.csv" "$results/$name/"
    cp "$out/plots/solution.png" "$results/$name/plots/" 2>/dev/null
    final=$(grep '^finished\|^stopped' "$out.log" | tail -1)
    printf '%s\t%s\t%s\t%s\n' "$name" "$(date -u +%FT%TZ)" "$args" "$final" >> "$results/summary.tsv"
done
