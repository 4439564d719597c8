"""Before/after table from CompareProducts outputs: one "before" and one "after" file per JDK.

Usage: python3 bench/scripts/before_after.py LABEL before.txt after.txt [LABEL before.txt after.txt ...]
Each file is parsed like compare_table.py; the numpy column and ratios come from the same file
(same minute) as the totaldiff time they are compared with.
"""
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from compare_table import parse  # noqa: E402


def main():
    args = sys.argv[1:]
    groups = [(args[i], parse(args[i + 1]), parse(args[i + 2])) for i in range(0, len(args), 3)]
    keys = []
    for _, before, after in groups:
        for k in list(after) + list(before):
            if k[2] == "totaldiff" and (k[0], k[1]) not in keys:
                keys.append((k[0], k[1]))
    head = "| product | layer N x in x out |"
    for label, _, _ in groups:
        head += (f" {label} before ms | % peak | vs numpy | {label} after ms | GFLOP/s | % peak | numpy ms |"
                 f" vs numpy |")
    print(head)
    print("|---" * (2 + 8 * len(groups)) + "|")
    for op, shape in keys:
        line = f"| {op} | {shape} |"
        for _, before, after in groups:
            b = before.get((op, shape, "totaldiff"))
            a = after.get((op, shape, "totaldiff"))
            n = after.get((op, shape, "numpy"))
            line += f" {b[0]:.3f} | {b[2]} | {b[3]:.2f}x |" if b else " n/a | | |"
            line += (f" {a[0]:.3f} | {a[1]:.1f} | {a[2]} | {n[0] if n else float('nan'):.3f} | {a[3]:.2f}x |"
                     if a else " n/a | | | | |")
        print(line)


if __name__ == "__main__":
    main()
