package org.totaldiff.bench.peer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.totaldiff.engine.Parallel;

/**
 * The libtorch peer: one Helmholtz training step of this engine next to the same step in
 * libtorch (through DJL, on the CPU), at the paper's setting unless told otherwise
 * ({@link PeerProblem}: 2 -> 6 x 128 -> 1 tanh, 25,600 points, 400 boundary points, plain loss,
 * Adam lr 1e-3).
 *
 * <ol>
 *   <li>Check: both take their first step from the same weights and points
 *       ({@link AgreementCheck}); in float64 they must agree, else nothing is timed (exit 1).</li>
 *   <li>Time, interleaved ({@link InterleavedTimer}): our plain step, torch's plain step in
 *       float64, our SNR step (B groups streamed from one backward pass), the authors' SNR step in
 *       torch float64 (one backward pass per group), and torch's two steps in float32.</li>
 * </ol>
 *
 * <pre>
 *   mvn -B -Ppeer -pl bench -am package -DskipTests
 *   java --add-modules jdk.incubator.vector -Dai.djl.offline=true \
 *       -cp bench/target/benchmarks.jar:$(cat bench/target/peer-classpath.txt) \
 *       org.totaldiff.bench.peer.TorchPeer [--points N] [--width W] [--depth D] [--groups B] \
 *       [--rounds R] [--warmup K] [--threads T] [--no-f32]
 * </pre>
 *
 * Exit codes: 0 done, 1 the float64 check failed or libtorch did not load, 2 a bad option.
 */
public final class TorchPeer {

    /** The float64 check's bound on every relative difference. */
    static final double TOLERANCE = 1e-10;

    private TorchPeer() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        PeerOptions o;
        try {
            o = PeerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("TorchPeer: " + e.getMessage());
            return 2;
        }
        if (o == null) {
            out.println(PeerOptions.USAGE);
            out.println("Times one Helmholtz training step here and in libtorch (DJL), after checking they agree.");
            return 0;
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(o.threads()));
        Parallel.setThreads(o.threads());
        Engine torch;
        try {
            torch = Engine.getEngine("PyTorch");
            JniUtils.setNumThreads(o.threads());
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            err.println("TorchPeer: libtorch did not load (" + e.getMessage() + "); build with -Ppeer and put"
                    + " bench/target/peer-classpath.txt on the classpath (bench/peer.md)");
            return 1;
        }
        MachineInfo.print(out, torch);
        PeerProblem p = PeerProblem.paper(o.points(), o.width(), o.depth());
        out.printf(Locale.ROOT, "problem     helmholtz 2D (a1 = a2 = 6, k = 1), %s, %d points, %d boundary points,"
                + " B = %d contiguous groups of %d, plain loss mean(r²) + mean_boundary(u²), Adam lr %g%n",
                p.net(), o.points(), p.boundary().numRows, o.groups(), o.points() / o.groups(), p.learningRate());
        try (NDManager manager = NDManager.newBaseManager()) {
            TorchStep torch64 = new TorchStep(manager, p, o.groups(), DataType.FLOAT64);
            TorchStep torch32 = o.f32() ? new TorchStep(manager, p, o.groups(), DataType.FLOAT32) : null;
            TotaldiffStep ours = new TotaldiffStep(p, o.groups());

            out.println();
            out.println("check: the first SNR step of each side, same weights and points");
            ours.keepGradients();
            double ourLoss = ours.snr();
            AgreementCheck.Result r = AgreementCheck.run(out, "float64", ours, ourLoss, torch64, true);
            if (!(r.worst() <= TOLERANCE)) {
                String line = String.format(Locale.ROOT, "TorchPeer: float64 check failed: worst relative difference"
                        + " %.2e > %.0e; not timing", r.worst(), TOLERANCE);
                out.println(line);
                err.println(line);
                return 1;
            }
            if (torch32 != null) {
                AgreementCheck.run(out, "float32 (information)", ours, ourLoss, torch32, false);
            }
            out.println("  " + MachineInfo.memory());

            List<InterleavedTimer.Variant> variants = new ArrayList<>();
            variants.add(new InterleavedTimer.Variant("ours plain f64", null, ours::plain));
            variants.add(new InterleavedTimer.Variant("torch plain f64", "ours plain f64", torch64::plain));
            variants.add(new InterleavedTimer.Variant("ours snr f64", "ours plain f64", ours::snr));
            variants.add(new InterleavedTimer.Variant("torch snr f64", "ours snr f64", torch64::snr));
            if (torch32 != null) {
                variants.add(new InterleavedTimer.Variant("torch plain f32", "ours plain f64", torch32::plain));
                variants.add(new InterleavedTimer.Variant("torch snr f32", "ours snr f64", torch32::snr));
            }
            out.println();
            out.printf(Locale.ROOT, "timing: %d warm-up + %d rounds, each round in this order (seconds):%n",
                    o.warmup(), o.rounds());
            StringBuilder names = new StringBuilder("       ");
            for (InterleavedTimer.Variant v : variants) {
                names.append(" | ").append(v.name());
            }
            out.println(names);
            InterleavedTimer.Times t = InterleavedTimer.run(variants, o.warmup(), o.rounds(), out);
            out.println();
            InterleavedTimer.print(out, t);
            summary(out, t, ours, o.rounds(), torch32 != null);
            out.println(MachineInfo.memory());
            out.println("load at the end: " + MachineInfo.loadAverage());
        }
        return 0;
    }

    /** The cost of the SNR statistics on each side, and the trajectory check after all the steps. */
    private static void summary(PrintStream out, InterleavedTimer.Times t, TotaldiffStep ours, int rounds,
            boolean f32) {
        double oursExtra = t.median(t.index("ours snr f64")) - t.median(t.index("ours plain f64"));
        double torchExtra = t.median(t.index("torch snr f64")) - t.median(t.index("torch plain f64"));
        out.printf(Locale.ROOT, "SNR statistics (B groups) on top of the step: ours %.3f s (streamed), torch f64 %.3f s"
                + " (one backward pass per group)%s%n", oursExtra, torchExtra, oursExtra > 0
                        ? String.format(Locale.ROOT, ": %.1fx", torchExtra / oursExtra) : " (ours within noise)");
        // the difference of two noisy medians says little once ours is small: time the statistics themselves
        double alone = ours.statisticsSeconds(rounds);
        out.printf(Locale.ROOT, "SNR statistics timed inside our SNR steps (median of the last %d): %.4f s;"
                + " torch f64's on top of its step %.3f s: %.1fx%n", rounds, alone, torchExtra, torchExtra / alone);
        double a = t.lastLoss()[t.index("ours snr f64")];
        double b = t.lastLoss()[t.index("torch snr f64")];
        out.printf(Locale.ROOT, "after %d steps each: loss ours %.12g, torch f64 %.12g (relative difference %.1e)",
                ours.iteration(), a, b, Math.abs(a - b) / Math.abs(a));
        if (f32) {
            double c = t.lastLoss()[t.index("torch snr f32")];
            out.printf(Locale.ROOT, ", torch f32 %.7g", c);
        }
        out.println();
    }
}
