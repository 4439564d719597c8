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

/**
 * The four products of a dense layer (see {@link LayerProducts}) on the PINN layer shapes:
 * totaldiff against EJML single-threaded and EJML multi-threaded. Each benchmark returns its
 * output so the JIT cannot drop the work. Time per product; GFLOP/s = 2 N in out / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ProductBenchmark {

    /** Layer shape NxINxOUT: hidden layer, small hidden layer, input layer, output layer. */
    @Param({"25600x128x128", "4096x64x64", "25600x2x128", "25600x128x1"})
    public String shape;

    /** mult (X W), multBias (X W + b), multTransA (X^T dY), multTransB (dY W^T). */
    @Param({"mult", "multBias", "multTransA", "multTransB"})
    public String op;

    private LayerProducts layer;
    private LayerProducts.Op product;

    @Setup
    public void setUp() {
        layer = new LayerProducts(shape, 2341);
        product = LayerProducts.Op.of(op);
    }

    @Benchmark
    public DMatrixRMaj totaldiff() {
        return layer.totaldiff(product);
    }

    @Benchmark
    public DMatrixRMaj ejml() {
        return layer.ejml(product);
    }

    @Benchmark
    public DMatrixRMaj ejmlConcurrent() {
        return layer.ejmlConcurrent(product);
    }
}
