"""numpy side of org.totaldiff.bench.CompareProducts.

Usage: python3 compare_products.py REPS OP:N:IN:OUT ...
Prints one line per case: "RESULT op N in out median_ms", after a "NUMPY version" line.
Exits with code 3 and the line "NO_NUMPY" if numpy cannot be imported.
"""
import sys
import time

try:
    import numpy as np
except ImportError:
    print("NO_NUMPY")
    sys.exit(3)


def case(op, n, fan_in, fan_out, reps):
    rng = np.random.default_rng(2341)
    x = rng.uniform(-1, 1, (n, fan_in))
    w = rng.uniform(-1, 1, (fan_in, fan_out))
    b = rng.uniform(-1, 1, (fan_out,))
    dy = rng.uniform(-1, 1, (n, fan_out))
    y = np.empty((n, fan_out))
    dw = np.empty((fan_in, fan_out))
    dx = np.empty((n, fan_in))
    if op == "mult":
        f = lambda: np.matmul(x, w, out=y)
    elif op == "multBias":
        def f():
            np.matmul(x, w, out=y)
            np.add(y, b, out=y)
    elif op == "multTransA":
        f = lambda: np.matmul(x.T, dy, out=dw)
    elif op == "multTransB":
        f = lambda: np.matmul(dy, w.T, out=dx)
    else:
        raise SystemExit("unknown op " + op)
    start = time.perf_counter()
    while time.perf_counter() - start < 0.3:
        f()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        times.append((time.perf_counter() - t0) * 1e3)
    times.sort()
    return times[len(times) // 2]


def main():
    reps = int(sys.argv[1])
    print("NUMPY", np.__version__, flush=True)
    for spec in sys.argv[2:]:
        op, n, fan_in, fan_out = spec.split(":")
        ms = case(op, int(n), int(fan_in), int(fan_out), reps)
        print("RESULT", op, n, fan_in, fan_out, "%.6f" % ms, flush=True)


if __name__ == "__main__":
    main()
