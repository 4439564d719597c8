package org.totaldiff.bench;
public final class Steps { public static void main(String[] a) {
 for (String arg : a) { int n = Integer.parseInt(arg); Warm r = new Warm(n, Math.max(1, Math.min(100, n / 256))); int reps = Math.max(15, 25600 * 15 / n);
 double[] t = new double[reps]; for (int i = 0; i < reps; i++) { long s = System.nanoTime(); r.step(); t[i] = (System.nanoTime() - s) / 1e9; }
 int w = reps / 3; java.util.Arrays.sort(t, w, reps); double med = t[w + (reps - w) / 2];
 double flop = 64.9e9 * n / 25600; System.out.printf("N %6d: median %.4f s/step, %.3f s per 25600 points, %.1f GFLOP/s%n", n, med, med * 25600 / n, flop / med / 1e9); } } }
