package org.gdcert.core.spi;

/**
 * The analytic facts about an activation that theorems need, declared by the plugin (not measured).
 *
 * @param zeroAtZero σ(0) = 0
 * @param contractive |σ(x)| ≤ |x| for all x
 * @param derivativeMin inf σ' over ℝ (where σ' exists)
 * @param derivativeMax sup σ' over ℝ
 * @param derivativeLipschitz the best Lipschitz constant of σ' (= sup |σ''| for C² activations);
 *     {@code +Infinity} when σ' is not Lipschitz (ReLU)
 * @param smooth σ is C² (twice continuously differentiable) on all of ℝ
 * @param piecewiseLinear σ is piecewise linear (ReLU, leaky ReLU, identity)
 * @param analytic σ is real-analytic and not a polynomial (seed 002's Condition 3.2: softplus,
 *     tanh, sigmoid, erf, GELU, the smoothed ReLU; not ReLU, not the identity)
 */
public record ActivationProperties(
        boolean zeroAtZero,
        boolean contractive,
        double derivativeMin,
        double derivativeMax,
        double derivativeLipschitz,
        boolean smooth,
        boolean piecewiseLinear,
        boolean analytic) {

    public ActivationProperties {
        if (Double.isNaN(derivativeMin) || Double.isNaN(derivativeMax) || derivativeMin > derivativeMax) {
            throw new IllegalArgumentException("bad derivative bounds [" + derivativeMin + ", " + derivativeMax + "]");
        }
        if (!(derivativeLipschitz >= 0)) {
            throw new IllegalArgumentException("derivativeLipschitz must be >= 0 or +Infinity");
        }
        if (analytic && (piecewiseLinear || !smooth)) {
            throw new IllegalArgumentException("an analytic activation is smooth and not piecewise linear");
        }
    }

    /** Properties without the analyticity declaration (analytic = false: undeclared). */
    public ActivationProperties(boolean zeroAtZero, boolean contractive, double derivativeMin, double derivativeMax,
            double derivativeLipschitz, boolean smooth, boolean piecewiseLinear) {
        this(zeroAtZero, contractive, derivativeMin, derivativeMax, derivativeLipschitz, smooth, piecewiseLinear, false);
    }

    /** sup |σ'|. */
    public double derivativeAbsMax() {
        return Math.max(Math.abs(derivativeMin), Math.abs(derivativeMax));
    }
}
