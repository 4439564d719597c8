#!/bin/bash
# Times the quick Helmholtz preset's Adam iterations at given commits, side by side on this machine.
#   bench/scripts/training-speed-at.sh OUT_DIR COMMIT [COMMIT ...]
# Each commit is built in a temporary worktree; each run trains 600 Adam iterations with RBA
# (`train --problem helmholtz --weighting rba --iterations 600 --lbfgs-iterations 0`) and its
# metrics.csv is copied to OUT_DIR/metrics-<commit>.csv. Extra JVM options: JAVA_OPTS (as the
# launcher takes them). The ms per iteration between iterations 300 and 600 (after the SNR
# monitor's dense early cadence) are printed and written to OUT_DIR/summary.txt.
# Nothing else should run meanwhile (stop other jobs with kill -STOP, kill -CONT after).
set -eu
out=$1; shift
repo=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
for commit in "$@"; do
    wt=$(mktemp -d)
    git -C "$repo" worktree add -q --detach "$wt" "$commit"
    (cd "$wt" && mvn -B -q package -DskipTests -pl experiments -am > "$out/build-$commit.log" 2>&1)
    run=$(mktemp -d)
    (cd "$wt" && TOTALDIFF_NO_BUILD=1 ./totaldiff train --problem helmholtz --weighting rba --iterations 600 \
        --lbfgs-iterations 0 --out "$run/r" --progress none > /dev/null)
    cp "$run/r/metrics.csv" "$out/metrics-$commit.csv"
    git -C "$repo" worktree remove --force "$wt"
    rm -rf "$run"
done
python3 - "$out" <<'PY' | tee "$out/summary.txt"
import csv, glob, sys
print("ms per Adam iteration between iterations 300 and 600 (wall_s column of metrics.csv)")
for f in sorted(glob.glob(sys.argv[1] + "/metrics-*.csv")):
    rows = {int(r["iteration"]): r for r in csv.DictReader(open(f))}
    ms = (float(rows[600]["wall_s"]) - float(rows[300]["wall_s"])) / 300 * 1000
    print(f"{f.split('metrics-')[1][:-4]:32s} {ms:6.1f} ms   rel L2 at 600: {rows[600]['rel_l2']}")
PY
