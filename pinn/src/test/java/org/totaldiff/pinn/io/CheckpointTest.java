package org.totaldiff.pinn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.pinn.optim.Adam;
import org.totaldiff.pinn.optim.Lbfgs;
import org.totaldiff.pinn.optim.LbfgsConfig;
import org.totaldiff.pinn.optim.Objective;
import org.totaldiff.pinn.optim.OptimizerState;
import org.totaldiff.pinn.optim.StepDecay;

class CheckpointTest {

    @TempDir
    Path dir;

    /** A toy least-squares problem: y = tanh(x W + b) fitted to targets; gradients by hand. */
    private static final class Toy {
        final DMatrixRMaj x = new DMatrixRMaj(8, 3);
        final DMatrixRMaj target = new DMatrixRMaj(8, 2);

        Toy() {
            Random rnd = new Random(2341);
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = rnd.nextGaussian();
            }
            for (int i = 0; i < target.data.length; i++) {
                target.data[i] = rnd.nextDouble() - 0.5;
            }
        }

        List<DMatrixRMaj> initialParams() {
            Random rnd = new Random(7);
            DMatrixRMaj w = new DMatrixRMaj(3, 2);
            DMatrixRMaj b = new DMatrixRMaj(1, 2);
            for (int i = 0; i < w.data.length; i++) {
                w.data[i] = rnd.nextGaussian() * 0.5;
            }
            return List.of(w, b);
        }

        List<DMatrixRMaj> grads(List<DMatrixRMaj> params) {
            DMatrixRMaj w = params.get(0);
            DMatrixRMaj b = params.get(1);
            DMatrixRMaj gw = new DMatrixRMaj(3, 2);
            DMatrixRMaj gb = new DMatrixRMaj(1, 2);
            for (int n = 0; n < 8; n++) {
                for (int j = 0; j < 2; j++) {
                    double z = b.data[j];
                    for (int k = 0; k < 3; k++) {
                        z += x.get(n, k) * w.get(k, j);
                    }
                    double y = Math.tanh(z);
                    double dz = 2 * (y - target.get(n, j)) * (1 - y * y) / 8;
                    gb.data[j] += dz;
                    for (int k = 0; k < 3; k++) {
                        gw.add(k, j, x.get(n, k) * dz);
                    }
                }
            }
            return List.of(gw, gb);
        }
    }

    private static Map<String, DMatrixRMaj> named(List<DMatrixRMaj> params) {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        m.put("layer0/W", params.get(0));
        m.put("layer0/b", params.get(1));
        return m;
    }

    @Test
    void adamResumedFromACheckpointFileIsBitForBitTheUninterruptedRun() throws IOException {
        Toy toy = new Toy();
        List<DMatrixRMaj> straight = toy.initialParams();
        Adam uninterrupted = new Adam(new StepDecay(0.05, 0.5, 3));
        for (int t = 0; t < 10; t++) {
            uninterrupted.step(straight, toy.grads(straight));
        }

        List<DMatrixRMaj> params = toy.initialParams();
        Adam adam = new Adam(new StepDecay(0.05, 0.5, 3));
        for (int t = 0; t < 5; t++) {
            adam.step(params, toy.grads(params));
        }
        Path file = dir.resolve("run").resolve("checkpoint.npz");
        new Checkpoint(adam.iteration(), named(params), adam.state(),
                Map.of("rng", NdArray.ofLongs(new long[] {2341, 99}, 2)), Map.of("problem", "toy")).save(file);

        Checkpoint loaded = Checkpoint.load(file);
        assertEquals(5, loaded.iteration());
        List<DMatrixRMaj> resumed = List.of(new DMatrixRMaj(3, 2), new DMatrixRMaj(1, 2));
        loaded.copyParametersInto(resumed);
        Adam fresh = new Adam(new StepDecay(0.05, 0.5, 3));
        fresh.restore(loaded.optimizer().orElseThrow());
        assertEquals(5, fresh.iteration());
        for (int t = 5; t < 10; t++) {
            fresh.step(resumed, toy.grads(resumed));
        }
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(straight.get(k).data, resumed.get(k).data, 0.0, "parameter " + k);
        }
        assertEquals(uninterrupted.state(), fresh.state());
        assertArrayEquals(new long[] {2341, 99}, loaded.extra("rng").longs());
        assertEquals("toy", loaded.metadata().get("problem"));
    }

    @Test
    void everythingRoundTripsInOrderIncludingAwkwardMetadata() throws IOException {
        Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
        params.put("z", new DMatrixRMaj(1, 3, true, 1, 2, 3));
        params.put("a", new DMatrixRMaj(2, 1, true, -0.0, Double.NaN));
        Map<String, NdArray> extras = new LinkedHashMap<>();
        extras.put("rba/lambda", NdArray.ofDoubles(new double[] {0.1, 0.2, 0.3}, 3));
        extras.put("seed", NdArray.scalar(2341L));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("preset", "helmholtz-quick");
        meta.put("note", "a=b\nsecond \\ line\r\n");
        meta.put("empty", "");
        meta.put("unicode", "λ → ∞");
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("iteration", 3.0);
        scalars.put("prevLoss", Double.NaN);
        Map<String, DMatrixRMaj> arrays = Map.of("d", new DMatrixRMaj(1, 2, true, 1e-310, -5));
        OptimizerState state = new OptimizerState("custom", scalars, arrays);
        Checkpoint c = new Checkpoint(42, params, state, extras, meta);
        Path f = dir.resolve("c.npz");
        c.save(f);
        Checkpoint back = Checkpoint.load(f);
        assertEquals(42, back.iteration());
        assertEquals(List.of("z", "a"), List.copyOf(back.parameters().keySet()));
        assertArrayEquals(params.get("a").data, back.parameters().get("a").data, 0.0);
        assertEquals(2, back.parameterList().get(1).numRows);
        assertEquals(state, back.optimizer().orElseThrow());
        assertEquals(List.copyOf(extras.keySet()), List.copyOf(back.extras().keySet()));
        assertEquals(extras.get("rba/lambda"), back.extra("rba/lambda"));
        assertEquals(meta, back.metadata());
        assertEquals(List.copyOf(meta.keySet()), List.copyOf(back.metadata().keySet()));
    }

    @Test
    void lbfgsStateRoundTripsThroughACheckpoint() throws IOException {
        Objective rosenbrock = (p, g) -> {
            double x = p.get(0).data[0];
            double y = p.get(0).data[1];
            g.get(0).data[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g.get(0).data[1] = 200 * (y - x * x);
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        };
        LbfgsConfig config = LbfgsConfig.DEFAULTS.withMaxIterations(4).withTolerances(0, 0);
        List<DMatrixRMaj> p = List.of(new DMatrixRMaj(1, 2, true, -1.2, 1));
        Lbfgs lbfgs = new Lbfgs(config);
        lbfgs.step(p, rosenbrock);
        Path f = dir.resolve("lbfgs.npz");
        Checkpoint.of(lbfgs.iteration(), p, lbfgs.state(), null, null).save(f);
        lbfgs.step(p, rosenbrock);

        Checkpoint c = Checkpoint.load(f);
        List<DMatrixRMaj> q = c.parameterList();
        Lbfgs resumed = new Lbfgs(config);
        resumed.restore(c.optimizer().orElseThrow());
        resumed.step(q, rosenbrock);
        assertArrayEquals(p.get(0).data, q.get(0).data, 0.0);
    }

    @Test
    void wrongFilesAndShapesAreExplained() throws IOException {
        Path plain = dir.resolve("plain.npz");
        Npz.write(plain, new NpzArchive().putScalar("x", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(plain));
        assertTrue(e.getMessage().contains(plain.toString()) && e.getMessage().contains("not a totaldiff checkpoint"),
                e.getMessage());

        Path future = dir.resolve("future.npz");
        NpzArchive z = Checkpoint.of(0, List.of(new DMatrixRMaj(1, 1)), null, null, null).toArchive();
        z.putLong("checkpoint/version", 99);
        Npz.write(future, z);
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(future));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());

        Path badParam = dir.resolve("badparam.npz");
        NpzArchive y = Checkpoint.of(0, List.of(new DMatrixRMaj(1, 1)), null, null, null).toArchive();
        y.put("param/0", NdArray.ofLongs(new long[] {1}, 1, 1));
        Npz.write(badParam, y);
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(badParam));
        assertTrue(e.getMessage().contains(badParam.toString()) && e.getMessage().contains("array 'param/0'")
                && e.getMessage().contains("FLOAT64"), e.getMessage());

        Checkpoint c = Checkpoint.of(0, List.of(new DMatrixRMaj(2, 3)), null, null, null);
        assertFalse(c.optimizer().isPresent());
        e = assertThrows(IllegalArgumentException.class,
                () -> c.copyParametersInto(List.of(new DMatrixRMaj(3, 2))));
        assertTrue(e.getMessage().contains("2x3") && e.getMessage().contains("3x2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.copyParametersInto(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Checkpoint(0, Map.of("w", new DMatrixRMaj(1, 1)), null, null, Map.of("a=b", "c")));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(-1, Map.of("w", new DMatrixRMaj(1, 1)),
                null, null, null));
    }

    @Test
    void numpyReadsACheckpoint() throws IOException {
        Assumptions.assumeTrue(Python.hasNumpy(), "python3 with numpy is not available; skipping numpy interop");
        Toy toy = new Toy();
        List<DMatrixRMaj> params = toy.initialParams();
        Adam adam = new Adam();
        adam.step(params, toy.grads(params));
        new Checkpoint(adam.iteration(), named(params), adam.state(), Map.of("seed", NdArray.scalar(2341L)),
                Map.of("preset", "quick", "note", "x=1")).save(dir.resolve("ck.npz"));
        String w = Double.toString(params.get(0).get(2, 1));
        String script = String.join("\n",
                "import numpy as np",
                "z = np.load('ck.npz')",
                "assert int(z['checkpoint/version']) == 1 and int(z['checkpoint/iteration']) == 1",
                "assert z['param/layer0/W'].shape == (3, 2) and z['param/layer0/b'].shape == (1, 2)",
                "assert z['param/layer0/W'][2, 1] == " + w,
                "assert z['optimizer/kind'].tobytes().decode() == 'adam'",
                "assert float(z['optimizer/scalar/iteration']) == 1.0",
                "assert z['optimizer/array/exp_avg.0'].shape == (3, 2)",
                "assert int(z['extra/seed']) == 2341",
                "meta = dict(l.split('=', 1) for l in z['meta'].tobytes().decode().split('\\n') if l)",
                "assert meta == {'preset': 'quick', 'note': 'x=1'}, meta",
                "print('ok')");
        Python.Result r = Python.run(dir, script);
        assertEquals(0, r.exitCode(), r.output());
    }
}
