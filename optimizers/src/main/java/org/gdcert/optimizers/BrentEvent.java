package org.gdcert.optimizers;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;

/**
 * A Hipparchus event whose zero of g is located on the dense output by a bracketing Brent solver
 * of order 5 (relative and absolute accuracy 10⁻¹⁴, at most 200 evaluations), with g evaluated
 * once per accepted step (no intermediate checks: the quantities watched here cross their level
 * at most once per step). Subclasses give g, the handler and the solver's function accuracy.
 */
public abstract class BrentEvent implements ODEEventDetector {
    private final BracketedUnivariateSolver<UnivariateFunction> solver;

    /** @param functionAccuracy the solver's accuracy on g */
    protected BrentEvent(double functionAccuracy) {
        solver = new BracketingNthOrderBrentSolver(1e-14, 1e-14, functionAccuracy, 5);
    }

    @Override
    public final AdaptableInterval getMaxCheckInterval() {
        return AdaptableInterval.of(Double.POSITIVE_INFINITY);
    }

    @Override
    public final int getMaxIterationCount() {
        return 200;
    }

    @Override
    public final BracketedUnivariateSolver<UnivariateFunction> getSolver() {
        return solver;
    }
}
