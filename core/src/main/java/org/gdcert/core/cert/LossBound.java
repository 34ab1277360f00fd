package org.gdcert.core.cert;

import java.util.Objects;
import org.gdcert.core.train.Axis;

/**
 * The guaranteed loss as a function of the step k or time t: geometric Φ_0·ρ^k (discrete) or
 * exponential Φ_0·e^{−r t} (continuous), as the theorems state.
 *
 * @param axis STEP (geometric, {@code rate} = ρ per step) or TIME (exponential, {@code rate} = r)
 * @param initial Φ_0 the bound starts from
 * @param rate ρ ∈ [0, 1) for STEP, r ≥ 0 for TIME
 * @param formula the bound as the paper writes it ({@code Φ(θ_k) ≤ (1−ηα_0)^k Φ(θ_0)})
 * @param tag origin
 */
public record LossBound(Axis axis, double initial, double rate, String formula, Tag tag) {
    public LossBound {
        Objects.requireNonNull(axis);
        Objects.requireNonNull(formula);
        Objects.requireNonNull(tag);
    }

    /** The bound at k (or t). */
    public double at(double x) {
        return Math.exp(logAt(x));
    }

    /** ln of the bound at k (or t), computed in log space so tiny bounds do not underflow. */
    public double logAt(double x) {
        if (axis == Axis.STEP) {
            return Math.log(initial) + x * Math.log(rate);
        }
        return Math.log(initial) - rate * x;
    }
}
