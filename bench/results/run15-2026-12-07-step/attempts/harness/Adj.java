import org.totaldiff.engine.*;
public final class Adj { public static void main(String[] a) {
  int[][] pairs = {{0,0},{1,1}};
  for (String arg : a) { int n = Integer.parseInt(arg); int block = n * 128; int len = 5 * block;
    double[] z = new double[len], y = new double[len], gy = new double[len], gz = new double[len], gz2 = new double[len];
    java.util.Random r = new java.util.Random(1); for (int i = 0; i < len; i++) { z[i] = r.nextGaussian(); y[i] = Math.tanh(z[i]); gy[i] = r.nextGaussian(); }
    Loops loops = Loops.get(); int reps = Math.max(20, 25600 * 20 / n);
    for (String mode : new String[]{"fresh", "inplace", "fwd"}) {
    double[] t = new double[reps];
    for (int k = 0; k < reps; k++) { long s = System.nanoTime();
      if (mode.equals("fresh")) Parallel.forRange(block, 1 << 12, (f, to) -> loops.tanhJetAdjoint(z, y, gy, gz, true, block, 2, pairs, f, to));
      else if (mode.equals("inplace")) { Parallel.forRange(block, 1 << 12, (f, to) -> loops.tanhJetAdjoint(z, y, gz2, gz2, true, block, 2, pairs, f, to)); }
      else Parallel.forRange(block, 1 << 12, (f, to) -> { loops.tanh(z, gz, f, to); loops.tanhJetStreams(z, gz, block, 2, pairs, f, to); });
      t[k] = (System.nanoTime() - s) / 1e9; }
    java.util.Arrays.sort(t, reps / 3, reps); double med = t[reps / 3 + (reps - reps / 3) / 2];
    System.out.printf("N %6d %-7s: %.3f ms per call, %.2f ms per 25600 points (x6 layers: %.1f ms)%n", n, mode, med * 1e3, med * 1e3 * 25600 / n, 6 * med * 1e3 * 25600 / n); } } } }
