package org.totaldiff.pinn.optim;

/**
 * What one {@link Lbfgs#step} call did.
 *
 * @param initialLoss the objective at the parameters the call started from (what PyTorch's
 *     {@code LBFGS.step} returns)
 * @param loss the objective at the parameters the call ended at
 * @param gradientMaxAbs max |g| at the end
 * @param iterations iterations done in this call
 * @param evaluations objective evaluations in this call
 * @param stop why the call stopped
 */
public record LbfgsResult(double initialLoss, double loss, double gradientMaxAbs, int iterations, int evaluations,
        Stop stop) {

    /** Why a call of {@link Lbfgs#step} returned. */
    public enum Stop {
        /** max |g| &lt;= toleranceGrad: converged. */
        GRADIENT_TOLERANCE,
        /** max |t d| or |&Delta;loss| &lt; toleranceChange: no more progress. */
        CHANGE_TOLERANCE,
        /** The direction is no longer one of descent: g&middot;d &gt; -toleranceChange. */
        NOT_DESCENT,
        /** maxIterations iterations done in this call. */
        MAX_ITERATIONS,
        /** maxEvaluations evaluations done in this call. */
        MAX_EVALUATIONS
    }

    /** True if the call stopped because the gradient or the progress fell below its tolerance. */
    public boolean converged() {
        return stop == Stop.GRADIENT_TOLERANCE || stop == Stop.CHANGE_TOLERANCE || stop == Stop.NOT_DESCENT;
    }
}
