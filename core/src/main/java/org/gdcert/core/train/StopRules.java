package org.gdcert.core.train;

/**
 * When to stop. A rule that is not set is {@code +Infinity} (budgets) or {@code 0} (thresholds).
 *
 * @param maxSteps step budget (discrete optimizers); continuous ones count accepted steps
 * @param maxTime final time T (continuous optimizers)
 * @param lossBelow stop when Φ &lt; this
 * @param residualBelow stop when ‖F_L − Y‖_F / ‖Y‖_F &lt; this
 * @param wallSeconds wall-clock budget
 */
public record StopRules(long maxSteps, double maxTime, double lossBelow, double residualBelow, double wallSeconds) {

    public static final StopRules DEFAULT = new StopRules(1000, Double.POSITIVE_INFINITY, 0, 0,
            Double.POSITIVE_INFINITY);

    public StopRules {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be >= 0");
        }
        if (!(maxTime > 0) || !(wallSeconds > 0) || !(lossBelow >= 0) || !(residualBelow >= 0)) {
            throw new IllegalArgumentException("stop rules: times must be > 0 and thresholds >= 0");
        }
    }

    public StopRules withMaxSteps(long n) {
        return new StopRules(n, maxTime, lossBelow, residualBelow, wallSeconds);
    }

    public StopRules withMaxTime(double t) {
        return new StopRules(maxSteps, t, lossBelow, residualBelow, wallSeconds);
    }

    public StopRules withLossBelow(double v) {
        return new StopRules(maxSteps, maxTime, v, residualBelow, wallSeconds);
    }

    public StopRules withResidualBelow(double v) {
        return new StopRules(maxSteps, maxTime, lossBelow, v, wallSeconds);
    }

    public StopRules withWallSeconds(double s) {
        return new StopRules(maxSteps, maxTime, lossBelow, residualBelow, s);
    }
}
