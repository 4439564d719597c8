package org.totaldiff.pinn.optim;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ejml.data.DMatrixRMaj;
import org.totaldiff.engine.Dense;

/**
 * Limited-memory BFGS (Nocedal, "Updating quasi-Newton matrices with limited storage", Math.
 * Comp. 1980; Liu &amp; Nocedal 1989) with a strong-Wolfe line search: a port of PyTorch's
 * {@code torch.optim.LBFGS(line_search_fn='strong_wolfe')}, itself a port of Mark Schmidt's
 * minFunc. The direction is d = -H g by the two-loop recursion over the last m pairs
 * s = t d, y = &Delta;g (a pair is kept only if y&middot;s &gt; 1e-10), with H<sub>0</sub> =
 * (y&middot;s / y&middot;y) I; the first step is min(1, 1 / ||g||<sub>1</sub>) &middot; lr, later
 * ones start from lr. The line search brackets a step with f(t) &le; f + c1 t g&middot;d and
 * |g(t)&middot;d| &le; c2 |g&middot;d|, then zooms with safeguarded cubic interpolation.
 *
 * <p>One {@link #step} call is one call of PyTorch's {@code LBFGS.step(closure)}: it evaluates
 * the objective once, then iterates up to {@code maxIterations} times. The history persists
 * across calls, so calling {@code step} again continues the same run; {@link #state()} /
 * {@link #restore} save and restore it bit for bit. The parameters are handled as one flat
 * vector (the matrices in list order), and the vector arithmetic runs on {@link Dense}.
 */
public final class Lbfgs {

    /** The {@link OptimizerState#kind()} written by L-BFGS. */
    public static final String KIND = "lbfgs";

    private final LbfgsConfig config;

    // PyTorch's state: d, t, old_dirs (y), old_stps (s), ro, H_diag, prev_flat_grad, prev_loss, n_iter, func_evals
    private double[] d;
    private double t;
    private final ArrayDeque<double[]> oldDirs = new ArrayDeque<>();
    private final ArrayDeque<double[]> oldSteps = new ArrayDeque<>();
    private final ArrayDeque<Double> ro = new ArrayDeque<>();
    private double hDiag = 1;
    private double[] prevFlatGrad;
    private double prevLoss = Double.NaN;
    private int nIter;
    private int funcEvals;

    // work space for one step call
    private List<DMatrixRMaj> params;
    private List<DMatrixRMaj> gradsOut;
    private Objective objective;

    /** L-BFGS with {@link LbfgsConfig#DEFAULTS}. */
    public Lbfgs() {
        this(LbfgsConfig.DEFAULTS);
    }

    /** L-BFGS with the given settings. */
    public Lbfgs(LbfgsConfig config) {
        this.config = Objects.requireNonNull(config, "Lbfgs: config must be non-null (use LbfgsConfig.DEFAULTS)");
    }

    /** The settings. */
    public LbfgsConfig config() {
        return config;
    }

    /** Total iterations over all {@link #step} calls (PyTorch's state['n_iter']). */
    public int iteration() {
        return nIter;
    }

    /** Total objective evaluations over all {@link #step} calls (PyTorch's state['func_evals']). */
    public int evaluations() {
        return funcEvals;
    }

    /**
     * Runs up to {@code maxIterations} L-BFGS iterations from the current parameters, as
     * PyTorch's {@code LBFGS.step(closure)}.
     *
     * @param parameters Modified. The parameters, left at the best point found.
     * @param f the objective and its gradient
     * @return what the call did and why it stopped
     */
    public LbfgsResult step(List<DMatrixRMaj> parameters, Objective f) {
        Objects.requireNonNull(f, "Lbfgs.step: objective must be non-null");
        List<DMatrixRMaj> grads = Params.zerosLike(parameters == null ? List.of() : parameters);
        Params.checkMatching("Lbfgs.step", parameters, "grads", grads);
        int n = Params.size(parameters);
        if (d != null && d.length != n) {
            throw new IllegalArgumentException("Lbfgs.step: the history is for " + d.length
                    + " parameters but " + n + " were passed; use a fresh Lbfgs for other parameters");
        }
        this.params = parameters;
        this.gradsOut = grads;
        this.objective = f;
        try {
            return run(n);
        } finally {
            this.params = null;
            this.gradsOut = null;
            this.objective = null;
        }
    }

    private LbfgsResult run(int n) {
        double lr = config.learningRate();
        double[] x = Params.flatten(params, new double[n]);
        double[] flatGrad = new double[n];
        double origLoss = evaluate(flatGrad);
        double loss = origLoss;
        int currentEvals = 1;
        funcEvals++;
        boolean optCond = maxAbs(flatGrad) <= config.toleranceGrad();
        if (optCond) {
            return new LbfgsResult(origLoss, loss, maxAbs(flatGrad), 0, currentEvals, LbfgsResult.Stop.GRADIENT_TOLERANCE);
        }
        int iterations = 0;
        LbfgsResult.Stop stop;
        while (true) {
            iterations++;
            nIter++;
            if (nIter == 1) {
                d = new double[n];
                axpy(-1, flatGrad, d);
                oldDirs.clear();
                oldSteps.clear();
                ro.clear();
                hDiag = 1;
            } else {
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = flatGrad[i] - prevFlatGrad[i];
                }
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = d[i] * t;
                }
                double ys = dot(y, s);
                if (ys > 1e-10) {
                    if (oldDirs.size() == config.historySize()) {
                        oldDirs.removeFirst();
                        oldSteps.removeFirst();
                        ro.removeFirst();
                    }
                    oldDirs.addLast(y);
                    oldSteps.addLast(s);
                    ro.addLast(1.0 / ys);
                    hDiag = ys / dot(y, y);
                }
                d = twoLoop(flatGrad, n);
            }
            if (prevFlatGrad == null) {
                prevFlatGrad = flatGrad.clone();
            } else {
                System.arraycopy(flatGrad, 0, prevFlatGrad, 0, n);
            }
            prevLoss = loss;
            t = nIter == 1 ? Math.min(1.0, 1.0 / sumAbs(flatGrad)) * lr : lr;
            double gtd = dot(flatGrad, d);
            if (gtd > -config.toleranceChange()) {
                stop = LbfgsResult.Stop.NOT_DESCENT;
                break;
            }
            int lsFuncEvals;
            if (config.lineSearch() == LbfgsConfig.LineSearch.STRONG_WOLFE) {
                LineResult r = strongWolfe(x, t, d, loss, flatGrad, gtd);
                loss = r.f;
                flatGrad = r.g;
                t = r.t;
                lsFuncEvals = r.evals;
                for (int i = 0; i < n; i++) {
                    x[i] = x[i] + t * d[i];
                }
                Params.unflatten(x, params);
                optCond = maxAbs(flatGrad) <= config.toleranceGrad();
            } else {
                for (int i = 0; i < n; i++) {
                    x[i] = x[i] + t * d[i];
                }
                Params.unflatten(x, params);
                lsFuncEvals = 0;
                if (iterations != config.maxIterations()) {
                    loss = evaluate(flatGrad);
                    optCond = maxAbs(flatGrad) <= config.toleranceGrad();
                    lsFuncEvals = 1;
                }
            }
            currentEvals += lsFuncEvals;
            funcEvals += lsFuncEvals;
            if (iterations == config.maxIterations()) {
                stop = LbfgsResult.Stop.MAX_ITERATIONS;
                break;
            }
            if (currentEvals >= config.maxEvaluations()) {
                stop = LbfgsResult.Stop.MAX_EVALUATIONS;
                break;
            }
            if (optCond) {
                stop = LbfgsResult.Stop.GRADIENT_TOLERANCE;
                break;
            }
            if (maxAbsScaled(d, t) <= config.toleranceChange()) {
                stop = LbfgsResult.Stop.CHANGE_TOLERANCE;
                break;
            }
            if (Math.abs(loss - prevLoss) < config.toleranceChange()) {
                stop = LbfgsResult.Stop.CHANGE_TOLERANCE;
                break;
            }
        }
        return new LbfgsResult(origLoss, loss, maxAbs(flatGrad), iterations, currentEvals, stop);
    }

    /** d = -H g by the two-loop recursion over the stored pairs. */
    private double[] twoLoop(double[] flatGrad, int n) {
        int numOld = oldDirs.size();
        double[][] ys = oldDirs.toArray(new double[0][]);
        double[][] ss = oldSteps.toArray(new double[0][]);
        Double[] rho = ro.toArray(new Double[0]);
        double[] al = new double[numOld];
        double[] q = new double[n];
        axpy(-1, flatGrad, q);
        for (int i = numOld - 1; i >= 0; i--) {
            al[i] = dot(ss[i], q) * rho[i];
            axpy(-al[i], ys[i], q);
        }
        double[] r = q;
        Dense.scale(hDiag, wrap(r), wrap(r));
        for (int i = 0; i < numOld; i++) {
            double beI = dot(ys[i], r) * rho[i];
            axpy(al[i] - beI, ss[i], r);
        }
        return r;
    }

    // ------------------------------------------------------------------ line search

    private record LineResult(double f, double[] g, double t, int evals) {
    }

    /** f(x + t d) and its gradient into gOut; the parameters are left at x + t d. */
    private double directionalEvaluate(double[] x, double step, double[] dir, double[] gOut) {
        double[] xt = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xt[i] = x[i] + step * dir[i];
        }
        Params.unflatten(xt, params);
        return evaluate(gOut);
    }

    private double evaluate(double[] gOut) {
        double value = objective.evaluate(params, gradsOut);
        Params.flatten(gradsOut, gOut);
        return value;
    }

    /** PyTorch's {@code _strong_wolfe}: bracketing, then zoom by safeguarded cubic interpolation. */
    private LineResult strongWolfe(double[] x, double tInit, double[] dir, double f, double[] g, double gtd) {
        double c1 = config.c1();
        double c2 = config.c2();
        double tolChange = config.toleranceChange();
        int maxLs = config.maxLineSearch();
        double step = tInit;
        double dNorm = maxAbs(dir);
        g = g.clone();
        double[] gNew = new double[x.length];
        double fNew = directionalEvaluate(x, step, dir, gNew);
        int lsFuncEvals = 1;
        double gtdNew = dot(gNew, dir);

        double tPrev = 0;
        double fPrev = f;
        double[] gPrev = g;
        double gtdPrev = gtd;
        boolean done = false;
        int lsIter = 0;
        double[] bracket = null;
        double[] bracketF = null;
        double[][] bracketG = null;
        double[] bracketGtd = null;
        while (lsIter < maxLs) {
            if (fNew > f + c1 * step * gtd || (lsIter > 1 && fNew >= fPrev)) {
                bracket = new double[] {tPrev, step};
                bracketF = new double[] {fPrev, fNew};
                bracketG = new double[][] {gPrev, gNew.clone()};
                bracketGtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            if (Math.abs(gtdNew) <= -c2 * gtd) {
                bracket = new double[] {step};
                bracketF = new double[] {fNew};
                bracketG = new double[][] {gNew};
                done = true;
                break;
            }
            if (gtdNew >= 0) {
                bracket = new double[] {tPrev, step};
                bracketF = new double[] {fPrev, fNew};
                bracketG = new double[][] {gPrev, gNew.clone()};
                bracketGtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            double minStep = step + 0.01 * (step - tPrev);
            double maxStep = step * 10;
            double tmp = step;
            step = cubicInterpolate(tPrev, fPrev, gtdPrev, step, fNew, gtdNew, minStep, maxStep);
            tPrev = tmp;
            fPrev = fNew;
            gPrev = gNew.clone();
            gtdPrev = gtdNew;
            fNew = directionalEvaluate(x, step, dir, gNew);
            lsFuncEvals++;
            gtdNew = dot(gNew, dir);
            lsIter++;
        }
        if (lsIter == maxLs) {
            bracket = new double[] {0, step};
            bracketF = new double[] {f, fNew};
            bracketG = new double[][] {g, gNew};
        }

        boolean insufProgress = false;
        int lowPos = 0;
        int highPos = 0;
        if (bracket.length == 2) {
            lowPos = bracketF[0] <= bracketF[1] ? 0 : 1;
            highPos = 1 - lowPos;
        }
        while (!done && lsIter < maxLs) {
            if (Math.abs(bracket[1] - bracket[0]) * dNorm < tolChange) {
                break;
            }
            step = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1]);
            double hi = Math.max(bracket[0], bracket[1]);
            double lo = Math.min(bracket[0], bracket[1]);
            double eps = 0.1 * (hi - lo);
            if (Math.min(hi - step, step - lo) < eps) {
                if (insufProgress || step >= hi || step <= lo) {
                    step = Math.abs(step - hi) < Math.abs(step - lo) ? hi - eps : lo + eps;
                    insufProgress = false;
                } else {
                    insufProgress = true;
                }
            } else {
                insufProgress = false;
            }
            fNew = directionalEvaluate(x, step, dir, gNew);
            lsFuncEvals++;
            gtdNew = dot(gNew, dir);
            lsIter++;
            if (fNew > f + c1 * step * gtd || fNew >= bracketF[lowPos]) {
                bracket[highPos] = step;
                bracketF[highPos] = fNew;
                bracketG[highPos] = gNew.clone();
                bracketGtd[highPos] = gtdNew;
                lowPos = bracketF[0] <= bracketF[1] ? 0 : 1;
                highPos = 1 - lowPos;
            } else {
                if (Math.abs(gtdNew) <= -c2 * gtd) {
                    done = true;
                } else if (gtdNew * (bracket[highPos] - bracket[lowPos]) >= 0) {
                    bracket[highPos] = bracket[lowPos];
                    bracketF[highPos] = bracketF[lowPos];
                    bracketG[highPos] = bracketG[lowPos];
                    bracketGtd[highPos] = bracketGtd[lowPos];
                }
                bracket[lowPos] = step;
                bracketF[lowPos] = fNew;
                bracketG[lowPos] = gNew.clone();
                bracketGtd[lowPos] = gtdNew;
            }
        }
        return new LineResult(bracketF[lowPos], bracketG[lowPos], bracket[lowPos], lsFuncEvals);
    }

    /** The minimiser of the cubic through (x1, f1, g1), (x2, f2, g2), within [x1, x2]. */
    static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2) {
        return cubicInterpolate(x1, f1, g1, x2, f2, g2, Math.min(x1, x2), Math.max(x1, x2));
    }

    /** The minimiser of the cubic through (x1, f1, g1), (x2, f2, g2), clamped to [lo, hi]. */
    static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double lo,
            double hi) {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return Math.min(Math.max(minPos, lo), hi);
        }
        return (lo + hi) / 2;
    }

    // ------------------------------------------------------------------ state

    /**
     * The state: scalars {@code iteration}, {@code evaluations}, {@code t}, {@code hDiag},
     * {@code prevLoss}, {@code history}; arrays {@code d}, {@code prevGrad} (1 x n, absent
     * before the first iteration), {@code s.i}, {@code y.i} (1 x n, oldest first) and
     * {@code rho} (1 x history).
     */
    public OptimizerState state() {
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("iteration", (double) nIter);
        scalars.put("evaluations", (double) funcEvals);
        scalars.put("t", t);
        scalars.put("hDiag", hDiag);
        scalars.put("prevLoss", prevLoss);
        scalars.put("history", (double) oldDirs.size());
        Map<String, DMatrixRMaj> arrays = new LinkedHashMap<>();
        if (d != null) {
            arrays.put("d", DMatrixRMaj.wrap(1, d.length, d));
        }
        if (prevFlatGrad != null) {
            arrays.put("prevGrad", DMatrixRMaj.wrap(1, prevFlatGrad.length, prevFlatGrad));
        }
        Iterator<double[]> s = oldSteps.iterator();
        Iterator<double[]> y = oldDirs.iterator();
        for (int i = 0; s.hasNext(); i++) {
            double[] si = s.next();
            double[] yi = y.next();
            arrays.put("s." + i, DMatrixRMaj.wrap(1, si.length, si));
            arrays.put("y." + i, DMatrixRMaj.wrap(1, yi.length, yi));
        }
        double[] rho = new double[ro.size()];
        int k = 0;
        for (double r : ro) {
            rho[k++] = r;
        }
        arrays.put("rho", DMatrixRMaj.wrap(1, rho.length, rho));
        return new OptimizerState(KIND, scalars, arrays);
    }

    /** Replaces the whole state by a copy of one written by {@link #state()}. */
    public void restore(OptimizerState state) {
        Objects.requireNonNull(state, "Lbfgs.restore: state must be non-null").requireKind(KIND);
        int history = wholeNumber(state, "history");
        if (history > config.historySize()) {
            throw new IllegalArgumentException("Lbfgs.restore: the state holds " + history
                    + " pairs but historySize is " + config.historySize());
        }
        double[] newD = state.arrayNames().contains("d") ? state.array("d").data : null;
        double[] newPrev = state.arrayNames().contains("prevGrad") ? state.array("prevGrad").data : null;
        double[] rho = state.array("rho").data;
        if (rho.length != history) {
            throw new IllegalArgumentException("Lbfgs.restore: rho has " + rho.length + " entries, expected "
                    + history);
        }
        ArrayDeque<double[]> s = new ArrayDeque<>();
        ArrayDeque<double[]> y = new ArrayDeque<>();
        for (int i = 0; i < history; i++) {
            s.addLast(state.array("s." + i).data);
            y.addLast(state.array("y." + i).data);
        }
        int newIter = wholeNumber(state, "iteration");
        int newEvals = wholeNumber(state, "evaluations");
        d = newD;
        prevFlatGrad = newPrev;
        oldSteps.clear();
        oldSteps.addAll(s);
        oldDirs.clear();
        oldDirs.addAll(y);
        ro.clear();
        for (double r : rho) {
            ro.addLast(r);
        }
        t = state.scalar("t");
        hDiag = state.scalar("hDiag");
        prevLoss = state.scalar("prevLoss");
        nIter = newIter;
        funcEvals = newEvals;
    }

    private static int wholeNumber(OptimizerState state, String name) {
        double v = state.scalar(name);
        if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
            throw new IllegalArgumentException("Lbfgs.restore: " + name + " must be a whole number >= 0, got " + v);
        }
        return (int) v;
    }

    // ------------------------------------------------------------------ vector helpers

    private static DMatrixRMaj wrap(double[] a) {
        return DMatrixRMaj.wrap(1, a.length, a);
    }

    private static double dot(double[] a, double[] b) {
        return Dense.dot(wrap(a), wrap(b));
    }

    /** y = y + alpha x. */
    private static void axpy(double alpha, double[] x, double[] y) {
        Dense.addEquals(wrap(y), alpha, wrap(x));
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** max |t a_i|. */
    private static double maxAbsScaled(double[] a, double scale) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v * scale));
        }
        return m;
    }

    private static double sumAbs(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s;
    }

    @Override
    public String toString() {
        return "Lbfgs(" + config + ", iteration " + nIter + ")";
    }
}
