package org.gdcert.optimizers;

import java.util.List;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * The adaptive embedded Runge–Kutta pairs of Hipparchus that the continuous optimizers offer:
 * Dormand–Prince 5(4) (the default, 4th-order dense output) and Dormand–Prince 8(5,3) (7th-order
 * dense output), both with the usual mixed error control |err_i| ≤ atol + rtol·|y_i|.
 */
public enum OdeMethod {
    /** Dormand–Prince 5(4), FSAL: 6 new right-hand sides per attempted step. */
    DOPRI("dopri"),
    /** Dormand–Prince 8(5,3): 12 right-hand sides per attempted step, 3 more for dense output. */
    DOP853("dop853");

    /** The DSL words, in order. */
    public static final List<String> NAMES = List.of("dopri", "dop853");

    private final String word;

    OdeMethod(String word) {
        this.word = word;
    }

    /** The DSL word. */
    public String word() {
        return word;
    }

    /** The method for a DSL word. */
    public static OdeMethod of(String word) {
        for (OdeMethod m : values()) {
            if (m.word.equals(word)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown integration method '" + word + "' (" + String.join(", ", NAMES)
                + ")");
    }

    /**
     * A fresh integrator. {@code minStep} 0 means no floor; {@code maxStep} +∞ means no cap. A
     * step that would fall below a positive {@code minStep} makes Hipparchus throw, which callers
     * report as a stall.
     */
    public AdaptiveStepsizeIntegrator create(double minStep, double maxStep, double atol, double rtol) {
        if (!(minStep >= 0) || !(maxStep > 0) || minStep > maxStep) {
            throw new IllegalArgumentException("need 0 <= min_step <= max_step and max_step > 0, got " + minStep + ", "
                    + maxStep);
        }
        if (!(atol >= 0) || !(rtol >= 0) || atol + rtol == 0) {
            throw new IllegalArgumentException("tolerances must be >= 0 and not both 0: atol = " + atol + ", rtol = "
                    + rtol);
        }
        return switch (this) {
            case DOPRI -> new DormandPrince54Integrator(minStep, maxStep, atol, rtol);
            case DOP853 -> new DormandPrince853Integrator(minStep, maxStep, atol, rtol);
        };
    }
}
