package org.totaldiff.pinn.optim;

/**
 * The settings of {@link Lbfgs}, with PyTorch's {@code torch.optim.LBFGS} defaults in
 * {@link #DEFAULTS} (lr = 1, max_iter = 20, max_eval = max_iter &middot; 5 / 4,
 * tolerance_grad = 1e-7, tolerance_change = 1e-9, history_size = 100,
 * line_search_fn = 'strong_wolfe' with c1 = 1e-4, c2 = 0.9, at most 25 trials).
 *
 * @param learningRate the initial trial step (PyTorch's lr); finite and {@code > 0}
 * @param maxIterations iterations per {@link Lbfgs#step} call, {@code >= 1}
 * @param maxEvaluations objective evaluations per {@link Lbfgs#step} call, {@code >= 1}
 * @param toleranceGrad stop when max |g| &lt;= this; {@code >= 0}
 * @param toleranceChange stop when max |step| or |&Delta;loss| is below this; {@code >= 0}
 * @param historySize pairs (s, y) kept, {@code >= 1}
 * @param lineSearch {@link LineSearch#STRONG_WOLFE} or {@link LineSearch#NONE} (fixed step)
 * @param c1 sufficient-decrease constant of the Wolfe conditions, in (0, c2)
 * @param c2 curvature constant of the Wolfe conditions, in (c1, 1)
 * @param maxLineSearch trials per line search, {@code >= 1}
 */
public record LbfgsConfig(double learningRate, int maxIterations, int maxEvaluations, double toleranceGrad,
        double toleranceChange, int historySize, LineSearch lineSearch, double c1, double c2, int maxLineSearch) {

    /** How the step length is chosen. */
    public enum LineSearch {
        /** Bracketing and cubic zoom until the strong Wolfe conditions hold (PyTorch's 'strong_wolfe'). */
        STRONG_WOLFE,
        /** The fixed step {@code learningRate} (PyTorch's line_search_fn=None). */
        NONE
    }

    /** PyTorch's defaults, with the strong-Wolfe line search switched on. */
    public static final LbfgsConfig DEFAULTS = new LbfgsConfig(1.0, 20, 25, 1e-7, 1e-9, 100,
            LineSearch.STRONG_WOLFE, 1e-4, 0.9, 25);

    /** Checks the arguments. */
    public LbfgsConfig {
        if (!Double.isFinite(learningRate) || learningRate <= 0) {
            throw new IllegalArgumentException("LbfgsConfig: learningRate must be a finite number > 0, got "
                    + learningRate);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("LbfgsConfig: maxIterations must be >= 1, got " + maxIterations);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("LbfgsConfig: maxEvaluations must be >= 1, got " + maxEvaluations);
        }
        if (!(toleranceGrad >= 0) || Double.isInfinite(toleranceGrad)) {
            throw new IllegalArgumentException("LbfgsConfig: toleranceGrad must be a finite number >= 0, got "
                    + toleranceGrad);
        }
        if (!(toleranceChange >= 0) || Double.isInfinite(toleranceChange)) {
            throw new IllegalArgumentException("LbfgsConfig: toleranceChange must be a finite number >= 0, got "
                    + toleranceChange);
        }
        if (historySize < 1) {
            throw new IllegalArgumentException("LbfgsConfig: historySize must be >= 1, got " + historySize);
        }
        if (lineSearch == null) {
            throw new IllegalArgumentException("LbfgsConfig: lineSearch must be STRONG_WOLFE or NONE, got null");
        }
        if (!(c1 > 0 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("LbfgsConfig: the Wolfe constants must satisfy 0 < c1 < c2 < 1, got c1 = "
                    + c1 + ", c2 = " + c2);
        }
        if (maxLineSearch < 1) {
            throw new IllegalArgumentException("LbfgsConfig: maxLineSearch must be >= 1, got " + maxLineSearch);
        }
    }

    /** A copy with {@code maxIterations} and PyTorch's matching {@code maxEvaluations = maxIterations * 5 / 4}. */
    public LbfgsConfig withMaxIterations(int newMaxIterations) {
        return new LbfgsConfig(learningRate, newMaxIterations, Math.max(1, newMaxIterations * 5 / 4), toleranceGrad,
                toleranceChange, historySize, lineSearch, c1, c2, maxLineSearch);
    }

    /** A copy with other maximum numbers of iterations and evaluations per step call. */
    public LbfgsConfig withLimits(int newMaxIterations, int newMaxEvaluations) {
        return new LbfgsConfig(learningRate, newMaxIterations, newMaxEvaluations, toleranceGrad, toleranceChange,
                historySize, lineSearch, c1, c2, maxLineSearch);
    }

    /** A copy with other stopping tolerances. */
    public LbfgsConfig withTolerances(double newToleranceGrad, double newToleranceChange) {
        return new LbfgsConfig(learningRate, maxIterations, maxEvaluations, newToleranceGrad, newToleranceChange,
                historySize, lineSearch, c1, c2, maxLineSearch);
    }

    /** A copy with another history size. */
    public LbfgsConfig withHistorySize(int newHistorySize) {
        return new LbfgsConfig(learningRate, maxIterations, maxEvaluations, toleranceGrad, toleranceChange,
                newHistorySize, lineSearch, c1, c2, maxLineSearch);
    }

    /** A copy with another line search and Wolfe constants. */
    public LbfgsConfig withLineSearch(LineSearch newLineSearch, double newC1, double newC2) {
        return new LbfgsConfig(learningRate, maxIterations, maxEvaluations, toleranceGrad, toleranceChange,
                historySize, newLineSearch, newC1, newC2, maxLineSearch);
    }

    /** A copy with another initial trial step. */
    public LbfgsConfig withLearningRate(double newLearningRate) {
        return new LbfgsConfig(newLearningRate, maxIterations, maxEvaluations, toleranceGrad, toleranceChange,
                historySize, lineSearch, c1, c2, maxLineSearch);
    }
}
