package org.totaldiff.experiments.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.totaldiff.engine.Simd;
import org.totaldiff.experiments.cli.Main;
import org.totaldiff.pinn.io.Checkpoint;
import picocli.CommandLine;

/**
 * A training run gives the same bits on the Vector API (this JVM) as on the scalar loops (a
 * child JVM without the module), which have no vector length, and as on 4-lane vectors (a child
 * JVM with -XX:MaxVectorSize=32, AVX2's width): the numbers in the docs do not
 * depend on whether a machine has AVX2 or AVX-512. Compared: the parameters after Adam with RBA,
 * the monitors' per-sample statistics (snr.csv, entropy.csv) and L-BFGS after Adam.
 */
class VectorLengthIndependenceTest {

    @TempDir
    Path tmp;

    @Test
    void vectorAndScalarRunsGiveTheSameBits() throws Exception {
        assumeTrue(Simd.available(), "needs the Vector API in the test JVM");
        List<String> args = List.of("train", "--problem", "helmholtz", "--iterations", "12", "--lbfgs-iterations",
                "3", "--points", "300", "--boundary-points", "40", "--width", "20", "--depth", "3", "--weighting",
                "rba", "--test-grid", "11", "--snr-groups", "10", "--snr-every", "4", "--entropy-every", "6",
                "--progress", "none", "--threads", "2");
        Path vector = tmp.resolve("vector");
        Path scalar = tmp.resolve("scalar");
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        List<String> inProcess = new ArrayList<>(args);
        inProcess.addAll(List.of("--out", vector.toString()));
        assertEquals(0, cl.execute(inProcess.toArray(String[]::new)), err.toString());

        // the scalar loops (no vector length), and the Vector API with at most 4 lanes (AVX2's
        // width, whatever this machine's): the two other paths of every reduction and kernel
        Path fourLanes = tmp.resolve("four-lanes");
        child(List.of("-Dtotaldiff.simd=false"), args, scalar);
        child(List.of("--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=32"), args, fourLanes);

        Map<String, DMatrixRMaj> v = Checkpoint.load(vector.resolve("checkpoint.npz")).parameters();
        for (Path other : List.of(scalar, fourLanes)) {
            Map<String, DMatrixRMaj> s = Checkpoint.load(other.resolve("checkpoint.npz")).parameters();
            assertEquals(v.keySet(), s.keySet());
            for (String name : v.keySet()) {
                assertArrayEquals(bits(v.get(name)), bits(s.get(name)), other.getFileName() + " " + name);
            }
            for (String file : List.of("snr.csv", "entropy.csv")) {
                assertEquals(Files.readString(vector.resolve(file)), Files.readString(other.resolve(file)),
                        other.getFileName() + " " + file);
            }
            assertEquals(withoutWallTime(vector), withoutWallTime(other), other.getFileName() + " metrics.csv");
        }
    }

    /** Runs the command in a child JVM with {@code jvmOptions}, writing to {@code out}. */
    private void child(List<String> jvmOptions, List<String> args, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        command.addAll(List.of("--out", out.toString()));
        Path log = tmp.resolve(out.getFileName() + ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertEquals(true, child.waitFor(5, TimeUnit.MINUTES), "child JVM did not finish");
        assertEquals(0, child.exitValue(), Files.readString(log));
    }

    private static long[] bits(DMatrixRMaj m) {
        long[] b = new long[m.getNumElements()];
        for (int i = 0; i < b.length; i++) {
            b[i] = Double.doubleToRawLongBits(m.data[i]);
        }
        return b;
    }

    /** metrics.csv without its last column (wall_s). */
    private static List<String> withoutWallTime(Path run) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.csv"))) {
            rows.add(line.substring(0, line.lastIndexOf(',')));
        }
        return rows;
    }
}
