package org.totaldiff.bench;

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
import org.openjdk.jmh.infra.Blackhole;
import org.totaldiff.engine.Dense;
import org.totaldiff.engine.Rng;

/** tanh with its first and second derivative in one pass ({@link Dense#tanhJet}), and plain tanh. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class TanhJetBenchmark {

    /** Pre-activation shape rows x cols. */
    @Param({"25600x128", "4096x64"})
    public String shape;

    private DMatrixRMaj z;
    private DMatrixRMaj t;
    private DMatrixRMaj d1;
    private DMatrixRMaj d2;

    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        z = new Rng(7).fillUniform(new DMatrixRMaj(Integer.parseInt(p[0]), Integer.parseInt(p[1])), -3, 3);
        t = z.createLike();
        d1 = z.createLike();
        d2 = z.createLike();
    }

    @Benchmark
    public void tanhJet(Blackhole bh) {
        Dense.tanhJet(z, t, d1, d2);
        bh.consume(t);
        bh.consume(d1);
        bh.consume(d2);
    }

    @Benchmark
    public DMatrixRMaj tanh() {
        return Dense.tanh(z, t);
    }
}
