package org.totaldiff.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.totaldiff.autodiff.Functions;
import org.totaldiff.autodiff.Jet;
import org.totaldiff.autodiff.JetLayout;
import org.totaldiff.autodiff.Node;
import org.totaldiff.autodiff.SampleSet;
import org.totaldiff.autodiff.Tape;
import org.totaldiff.engine.Rng;
import org.totaldiff.pinn.train.Trainer;

/**
 * One PINN training step's differentiation: the jet forward pass (u, u_x, u_y, u_xx, u_yy) of
 * a 2 -> depth x width -> 1 tanh MLP at N points, the loss mean((u_xx + u_yy + u)²), and the
 * backward pass to every parameter gradient. The paper's network: depth 6, width 128, N 25,600.
 * The points are a sample set with the trainer's gradient groups ({@link Trainer#GRADIENT_GROUPS}),
 * so the weight gradients are taken as a training step takes them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MlpJetBenchmark {

    @Param({"25600"})
    int points;

    @Param({"128"})
    int width;

    @Param({"6"})
    int depth;

    private Tape tape;
    private List<Node> params;
    private DMatrixRMaj x;
    private SampleSet set;
    private final JetLayout layout = JetLayout.of(2).withSecond(0, 0).withSecond(1, 1);

    @Setup
    public void setUp() {
        Rng rng = new Rng(2341);
        tape = new Tape();
        params = new ArrayList<>();
        int in = 2;
        for (int l = 0; l <= depth; l++) {
            int out = l == depth ? 1 : width;
            params.add(tape.parameter("W" + l, rng.fillGaussian(new DMatrixRMaj(in, out), Math.sqrt(2.0 / (in + out)))));
            params.add(tape.parameter("b" + l, new DMatrixRMaj(1, out)));
            in = out;
        }
        x = rng.fillUniform(new DMatrixRMaj(points, 2), -1, 1);
        set = new SampleSet("collocation", points, Math.min(Trainer.GRADIENT_GROUPS, points));
    }

    /** Forward jet + backward; returns the loss and one gradient entry so nothing is dead code. */
    @Benchmark
    public double forwardBackward() {
        tape.rewind();
        tape.zeroGrad();
        Jet h = Jet.input(tape, "x", x, set, layout);
        for (int l = 0; l < params.size(); l += 2) {
            h = h.linear(params.get(l), params.get(l + 1));
            if (l + 2 < params.size()) {
                h = h.map(Functions.TANH);
            }
        }
        Node residual = tape.add(tape.add(h.d(0, 0), h.d(1, 1)), h.value());
        Node loss = tape.meanSquares(residual);
        tape.backward(loss);
        return loss.scalar() + params.get(0).grad().data[0];
    }
}
