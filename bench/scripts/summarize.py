"""Summarises JMH JSON results (bench/run-all.sh) as a markdown table of medians.

Usage: python3 bench/scripts/summarize.py PEAK_GFLOPS jdk17-jmh.json [jdk25-jmh.json ...]
Median over the measurement iterations; GFLOP/s = 2 N in out / time for the product benchmarks.
"""
import json
import statistics
import sys


def main():
    peak = float(sys.argv[1])
    rows = {}
    labels = []
    for path in sys.argv[2:]:
        label = next((t for t in path.split("/")[-1].split("-") if t.startswith("jdk")), path)
        labels.append(label)
        for r in json.load(open(path)):
            bench = r["benchmark"].split(".")[-2:]
            params = r.get("params", {})
            raw = [v for fork in r["primaryMetric"]["rawData"] for v in fork]
            med = statistics.median(raw)
            key = (bench[0], params.get("op", ""), params.get("shape", ""), bench[1])
            rows.setdefault(key, {})[label] = med
    print("| benchmark | op | shape | impl | " + " | ".join(f"{l} median ms | {l} GFLOP/s | {l} % peak" for l in labels) + " |")
    print("|---" * (4 + 3 * len(labels)) + "|")
    for key in sorted(rows):
        cls, op, shape, impl = key
        cells = []
        for l in labels:
            ms = rows[key].get(l)
            if ms is None:
                cells += ["", "", ""]
                continue
            if cls == "ProductBenchmark":
                n, i, o = map(int, shape.split("x"))
                gf = 2.0 * n * i * o / (ms * 1e6)
                cells += [f"{ms:.3f}", f"{gf:.1f}", f"{100 * gf / peak:.1f}%"]
            else:
                cells += [f"{ms:.3f}", "", ""]
        print(f"| {cls} | {op} | {shape} | {impl} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
