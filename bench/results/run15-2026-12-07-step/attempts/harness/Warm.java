package org.totaldiff.bench;
import java.util.*;
import org.ejml.data.DMatrixRMaj;
import org.totaldiff.autodiff.*;
import org.totaldiff.engine.Rng;
public final class Warm {
  static final JetLayout layout = JetLayout.of(2).withSecond(0, 0).withSecond(1, 1);
  Tape tape = new Tape(); List<Node> params = new ArrayList<>(); DMatrixRMaj x; SampleSet set;
  Warm(int points, int groups) { tape.releaseGroupedAdjoints(Boolean.getBoolean("release"));
    Rng rng = new Rng(2341); int in = 2;
    for (int l = 0; l <= 6; l++) { int out = l == 6 ? 1 : 128;
      params.add(tape.parameter("W" + l, rng.fillGaussian(new DMatrixRMaj(in, out), Math.sqrt(2.0 / (in + out)))));
      params.add(tape.parameter("b" + l, new DMatrixRMaj(1, out))); in = out; }
    x = rng.fillUniform(new DMatrixRMaj(points, 2), -1, 1);
    set = new SampleSet("collocation", points, groups);
  }
  double step() {
    tape.rewind(); tape.zeroGrad();
    Jet h = Jet.input(tape, "x", x, set, layout);
    for (int l = 0; l < params.size(); l += 2) { h = h.linear(params.get(l), params.get(l + 1)); if (l + 2 < params.size()) h = h.map(Functions.TANH); }
    Node loss = tape.meanSquares(tape.add(tape.add(h.d(0, 0), h.d(1, 1)), h.value()));
    tape.backward(loss); return loss.scalar();
  }
  public static void main(String[] a) {
    long t0 = System.nanoTime();
    int wp = Integer.parseInt(a[0]), wg = Integer.parseInt(a[1]), ws = Integer.parseInt(a[2]);
    if (ws > 0) { Warm w = new Warm(wp, wg); for (int i = 0; i < ws; i++) w.step(); }
    System.out.printf("warm-up %.2f s%n", (System.nanoTime() - t0) / 1e9);
    Warm r = new Warm(25600, 100);
    for (int i = 0; i < 3; i++) { long s = System.nanoTime(); r.step(); System.out.printf("it %d %.2f s%n", i, (System.nanoTime() - s) / 1e9); }
    System.out.printf("total %.2f s%n", (System.nanoTime() - t0) / 1e9);
  }
}
