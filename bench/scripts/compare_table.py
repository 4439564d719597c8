"""Merges CompareProducts outputs (one per JDK) into one markdown table.

Usage: python3 bench/scripts/compare_table.py jdk17-compare.txt jdk25-compare.txt
"""
import sys


def parse(path):
    rows = {}
    op = shape = None
    for line in open(path):
        f = line.split()
        if len(f) == 7 and f[2] == "totaldiff":
            op, shape = f[0], f[1]
            f = f[2:]
        elif len(f) == 5 and f[0] in ("ejml", "ejml-mt", "numpy", "totaldiff"):
            pass
        else:
            continue
        rows[(op, shape, f[0])] = (float(f[1]), float(f[2]), f[3], float(f[4]))
    return rows


def main():
    runs = [(next((t for t in p.split("/")[-1].split("-") if t.startswith("jdk")), p), parse(p)) for p in sys.argv[1:]]
    keys = []
    for _, rows in runs:
        for k in rows:
            if k[2] == "totaldiff" and (k[0], k[1]) not in keys:
                keys.append((k[0], k[1]))
    head = "| product | layer N x in x out |"
    for label, _ in runs:
        head += f" {label} totaldiff ms | GFLOP/s | % peak | numpy ms | vs numpy | EJML ms | EJML-MT ms |"
    print(head)
    print("|---" * (2 + 7 * len(runs)) + "|")
    for op, shape in keys:
        line = f"| {op} | {shape} |"
        for _, rows in runs:
            td = rows.get((op, shape, "totaldiff"))
            np_ = rows.get((op, shape, "numpy"))
            ej = rows.get((op, shape, "ejml"))
            mt = rows.get((op, shape, "ejml-mt"))
            cell = lambda r, fmt: fmt.format(r[0]) if r else "n/a"
            if td is None:
                line += " n/a |" * 7
                continue
            line += (f" {td[0]:.3f} | {td[1]:.1f} | {td[2]} | {cell(np_, '{:.3f}')} | {td[3]:.2f}x |"
                     f" {cell(ej, '{:.1f}')} | {cell(mt, '{:.1f}')} |")
        print(line)


if __name__ == "__main__":
    main()
