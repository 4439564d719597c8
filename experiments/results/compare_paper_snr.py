#!/usr/bin/env python3
"""Median gradient SNR of our paper-size Helmholtz RBA run against the authors' trace, in the
windows [1, 100), [100, 1000) and [1000, 3000] (issue 10, item 5). Pure Python, no numpy.

Usage: python3 experiments/results/compare_paper_snr.py [RUN_DIR] [AUTHORS_CSV]
"""
import csv
import statistics
import sys

run = sys.argv[1] if len(sys.argv) > 1 else "experiments/results/paper-helmholtz-rba"
authors = sys.argv[2] if len(sys.argv) > 2 else "../shared/data/helmholtz_a6_rba_snr.csv"


def trace(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return [(float(r["iteration"]), float(r["snr"])) for r in rows if r["snr"] not in ("", "NaN")]


ours, theirs = trace(run + "/snr.csv"), trace(authors)
print(f"ours: {len(ours)} rows to iteration {ours[-1][0]:.0f}; authors: {len(theirs)} rows")
print(f"{'window':>14} {'ours':>10} {'authors':>10} {'ratio':>8}")
for lo, hi, closed in [(1, 100, False), (100, 1000, False), (1000, 3000, True)]:
    def inside(t):
        return [s for it, s in t if lo <= it and (it <= hi if closed else it < hi)]
    a, b = inside(ours), inside(theirs)
    if a and b:
        ma, mb = statistics.median(a), statistics.median(b)
        print(f"{'[%d, %d%s' % (lo, hi, ']' if closed else ')'):>14} {ma:10.4g} {mb:10.4g} {ma / mb:8.3g}"
              f"   ({len(a)} and {len(b)} rows)")
    else:
        print(f"{'[%d, %d' % (lo, hi):>14} {'-':>10} {'-':>10}   (ours has {len(a)} rows)")
