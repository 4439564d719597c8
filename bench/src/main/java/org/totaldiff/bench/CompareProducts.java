package org.totaldiff.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.totaldiff.engine.Parallel;
import org.totaldiff.engine.Simd;

/**
 * Side-by-side timing of the dense-layer products (see {@link LayerProducts}) in totaldiff, EJML
 * single-threaded, EJML multi-threaded and numpy, in one run on one machine: a table of median
 * times, GFLOP/s, percent of the machine's double-precision peak, and numpy time / other time.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar org.totaldiff.bench.CompareProducts
 *     [--reps 15] [--shapes 25600x128x128,4096x64x64] [--ops mult,multTransA] [--peak-gflops 217.6] [--no-ejml]
 * </pre>
 *
 * numpy runs in a {@code python3} child process (script shipped in this jar). Started without the
 * Vector API module, the harness restarts itself with it. Peak default: 2 cores x 2 FMA units x
 * 8 doubles x 2 flops x 3.4 GHz (the sustained AVX-512 clock measured on the reference machine).
 */
public final class CompareProducts {

    /** Set from the numpy script's first line. */
    private static String numpyVersion = "?";

    private static final List<String> DEFAULT_SHAPES = List.of("25600x128x128", "4096x64x64", "25600x2x128",
            "25600x128x1");

    private CompareProducts() {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("CompareProducts: " + e.getMessage());
            System.exit(2);
        }
    }

    private static int run(String[] args) throws Exception {
        int reps = 15;
        List<String> shapes = DEFAULT_SHAPES;
        List<LayerProducts.Op> ops = Arrays.asList(LayerProducts.Op.values());
        double peak = 2 * 2 * 8 * 2 * 3.4;
        boolean ejml = true;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(require(args[i], value));
                case "--shapes" -> shapes = List.of(require(args[i], value).split(","));
                case "--ops" -> ops = Arrays.stream(require(args[i], value).split(",")).map(LayerProducts.Op::of).toList();
                case "--peak-gflops" -> peak = Double.parseDouble(require(args[i], value));
                case "--no-ejml" -> {
                    ejml = false;
                    continue;
                }
                case "--help", "-h" -> {
                    System.out.println("usage: CompareProducts [--reps N] [--shapes NxINxOUT,...] [--ops mult,multBias,multTransA,multTransB] [--peak-gflops G] [--no-ejml]");
                    return 0;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
            i++;
        }
        if (!Simd.available() && System.getProperty("totaldiff.compare.restarted") == null
                && !"false".equalsIgnoreCase(System.getProperty("totaldiff.simd"))) {
            return restartWithVectorApi(args);
        }

        List<String> specs = new ArrayList<>();
        for (String shape : shapes) {
            String[] p = shape.split("x");
            if (p.length != 3) {
                throw new IllegalArgumentException("layer shape must be NxINxOUT, got '" + shape + "'");
            }
            for (LayerProducts.Op op : ops) {
                specs.add(op.label + ":" + p[0] + ":" + p[1] + ":" + p[2]);
            }
        }
        Map<String, Double> numpy = runNumpy(reps, specs);
        if (numpy == null) {
            return 2;
        }

        System.out.printf(Locale.ROOT, "JVM %s %s; totaldiff kernels: %s; %d threads; peak %.1f GFLOP/s%n",
                System.getProperty("java.vm.name"), Runtime.version(), Simd.describe(), Parallel.threads(), peak);
        System.out.printf(Locale.ROOT, "numpy %s; median of %d timed runs after warm-up; ratio = numpy time / time (>1: faster than numpy)%n%n",
                numpyVersion, reps);
        String header = String.format(Locale.ROOT, "%-11s %-14s %-9s %9s %8s %7s %7s", "product", "layer NxINxOUT",
                "impl", "median ms", "GFLOP/s", "%peak", "ratio");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (String shape : shapes) {
            LayerProducts layer = new LayerProducts(shape, 2341);
            for (LayerProducts.Op op : ops) {
                String key = op.label + ":" + layer.n + ":" + layer.in + ":" + layer.out;
                double np = numpy.getOrDefault(key, Double.NaN);
                double td = median(() -> layer.totaldiff(op), reps);
                row(op.label, shape, "totaldiff", td, layer.flops(), peak, np);
                if (ejml) {
                    double ej = median(() -> layer.ejml(op), reps);
                    double mt = median(() -> layer.ejmlConcurrent(op), reps);
                    row("", "", "ejml", ej, layer.flops(), peak, np);
                    row("", "", "ejml-mt", mt, layer.flops(), peak, np);
                }
                row("", "", "numpy", np, layer.flops(), peak, np);
            }
        }
        return 0;
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static void row(String op, String shape, String impl, double ms, double flops, double peak, double numpyMs) {
        double gflops = flops / (ms * 1e6);
        System.out.printf(Locale.ROOT, "%-11s %-14s %-9s %9.3f %8.1f %6.1f%% %7.2f%n", op, shape, impl, ms, gflops,
                100 * gflops / peak, numpyMs / ms);
    }

    /** Median wall time in ms of {@code reps} runs, after at least 0.5 s (and 3 runs) of warm-up. */
    static double median(Supplier<?> body, int reps) {
        long warmEnd = System.nanoTime() + 500_000_000L;
        int warm = 0;
        Object sink = null;
        while (warm < 3 || System.nanoTime() < warmEnd) {
            sink = body.get();
            warm++;
        }
        double[] times = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            sink = body.get();
            times[i] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        Arrays.sort(times);
        return times[reps / 2];
    }

    /** numpy medians by "op:N:in:out"; null (after one line on stderr) if unavailable. */
    private static Map<String, Double> runNumpy(int reps, List<String> specs) throws IOException, InterruptedException {
        Path script = Files.createTempFile("totaldiff-compare", ".py");
        script.toFile().deleteOnExit();
        try (InputStream in = CompareProducts.class.getResourceAsStream("compare_products.py")) {
            if (in == null) {
                System.err.println("CompareProducts: the numpy script is missing from the jar");
                return null;
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of("python3", script.toString(), Integer.toString(reps)));
        command.addAll(specs);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            System.err.println("CompareProducts: python3 not found on PATH; install python3 with numpy to compare against numpy");
            return null;
        }
        Map<String, Double> result = new HashMap<>();
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 6 && f[0].equals("RESULT")) {
                    result.put(f[1] + ":" + f[2] + ":" + f[3] + ":" + f[4], Double.parseDouble(f[5]));
                } else if (f.length == 2 && f[0].equals("NUMPY")) {
                    numpyVersion = f[1];
                } else {
                    other.add(line);
                }
            }
        }
        int code = process.waitFor();
        if (code == 3 || other.contains("NO_NUMPY")) {
            System.err.println("CompareProducts: numpy is not installed for python3 (pip install numpy, or apt-get install python3-numpy)");
            return null;
        }
        if (code != 0) {
            System.err.println("CompareProducts: the numpy script failed (exit " + code + "): "
                    + (other.isEmpty() ? "" : other.get(other.size() - 1)));
            return null;
        }
        return result;
    }

    /** Runs this class again in a child JVM with the Vector API module. */
    private static int restartWithVectorApi(String[] args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-Dtotaldiff.compare.restarted=true", "-cp", System.getProperty("java.class.path"),
                CompareProducts.class.getName()));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
