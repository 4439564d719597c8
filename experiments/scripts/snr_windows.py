#!/usr/bin/env python3
"""Median full-network SNR and residual order phi_r (from |r|) of a reproduction's two runs, by
iteration window, from their snr.csv (docs/reproduction.md's window tables).

    python3 experiments/scripts/snr_windows.py experiments/results/reproduce-helmholtz-quick
"""
import csv
import statistics
import sys

WINDOWS = [(0, 10), (100, 1000), (1000, 3000), (3000, 10000), (10000, 15001)]


def medians(run_dir):
    rows = list(csv.DictReader(open(f"{run_dir}/snr.csv")))
    out = []
    for lo, hi in WINDOWS:
        sel = [r for r in rows if lo <= int(r["iteration"]) < hi]
        out.append((statistics.median(float(r["snr"]) for r in sel),
                    statistics.median(float(r["phi_r_abs"]) for r in sel)))
    return out


def main():
    root = sys.argv[1]
    vanilla, rba = medians(f"{root}/vanilla"), medians(f"{root}/rba")
    print("| window | vanilla SNR | RBA SNR | vanilla phi_r (|r|) | RBA phi_r (|r|) |")
    print("|---|---|---|---|---|")
    for (lo, hi), (vs, vp), (rs, rp) in zip(WINDOWS, vanilla, rba):
        print(f"| [{lo:,}, {min(hi, 15000):,}) | {vs:.3g} | {rs:.4g} | {vp:.3f} | {rp:.3f} |")


if __name__ == "__main__":
    main()
