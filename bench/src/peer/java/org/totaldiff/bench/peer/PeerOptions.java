package org.totaldiff.bench.peer;

import org.totaldiff.experiments.train.Presets;
import org.totaldiff.experiments.train.TrainConfig;

/**
 * The harness's options. Sizes default to the paper's Helmholtz preset ({@link Presets}, the one
 * source of the defaults): 2 -> 6 x 128 -> 1, 25,600 points, B = 100 groups.
 *
 * @param points collocation points N
 * @param width hidden width
 * @param depth hidden layers
 * @param groups B, the contiguous groups of ⌊N/B⌋ points of the SNR statistics (the last N mod B
 *     points in none, as the authors' {@code batch_indices})
 * @param rounds timed rounds (each runs every variant once, interleaved)
 * @param warmup untimed rounds before them
 * @param threads threads of each side (our kernels, libtorch's intra-op pool)
 * @param f32 whether to add the float32 torch variants (the authors' precision)
 */
record PeerOptions(int points, int width, int depth, int groups, int rounds, int warmup, int threads, boolean f32) {

    static final String USAGE = "usage: TorchPeer [--points N] [--width W] [--depth D] [--groups B] [--rounds R]"
            + " [--warmup K] [--threads T] [--no-f32]";

    PeerOptions {
        positive("--points", points);
        positive("--width", width);
        positive("--depth", depth);
        positive("--groups", groups);
        positive("--rounds", rounds);
        positive("--threads", threads);
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
        }
        if (groups > points) {
            throw new IllegalArgumentException("--groups " + groups + " is more than the " + points
                    + " points of --points");
        }
    }

    /** The paper's sizes, 7 rounds after 2 warm-up rounds, all processors, with float32. */
    static PeerOptions defaults() {
        TrainConfig paper = Presets.of(TrainConfig.Problem.HELMHOLTZ, Presets.Name.PAPER);
        return new PeerOptions(paper.sampling().collocation(), paper.network().width(), paper.network().depth(),
                paper.monitors().groups(), 7, 2, Runtime.getRuntime().availableProcessors(), true);
    }

    /**
     * Parses the command line.
     *
     * @return the options, or null for {@code --help}
     * @throws IllegalArgumentException on an unknown option, a missing or malformed value
     */
    static PeerOptions parse(String... args) {
        PeerOptions d = defaults();
        int points = d.points;
        int width = d.width;
        int depth = d.depth;
        int groups = d.groups;
        int rounds = d.rounds;
        int warmup = d.warmup;
        int threads = d.threads;
        boolean f32 = d.f32;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            if (a.equals("--no-f32")) {
                f32 = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a.startsWith("--") ? a + " needs a value; " + USAGE
                        : "unknown argument '" + a + "'; " + USAGE);
            }
            int v = whole(a, args[++i]);
            switch (a) {
                case "--points" -> points = v;
                case "--width" -> width = v;
                case "--depth" -> depth = v;
                case "--groups" -> groups = v;
                case "--rounds" -> rounds = v;
                case "--warmup" -> warmup = v;
                case "--threads" -> threads = v;
                default -> throw new IllegalArgumentException("unknown option " + a + "; " + USAGE);
            }
        }
        return new PeerOptions(points, width, depth, groups, rounds, warmup, threads, f32);
    }

    static int whole(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected a whole number, got '" + value + "'");
        }
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, got " + value);
        }
    }
}
