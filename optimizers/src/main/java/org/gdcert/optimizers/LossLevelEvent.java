package org.gdcert.optimizers;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * The stop rule "loss below a level" as a Hipparchus event: g(θ) = ln Φ(θ) − ln level, located by
 * a bracketing Brent solver on the dense output (Φ decreases along a gradient flow, so the sign
 * change inside an accepted step is found at the step end), stopping the integration at the crossing.
 */
final class LossLevelEvent extends BrentEvent {
    private final double logLevel;
    private final LossCache cache;
    private final FlowTracker tracker;

    LossLevelEvent(double level, LossCache cache, FlowTracker tracker) {
        super(1e-14);
        this.logLevel = Math.log(level);
        this.cache = cache;
        this.tracker = tracker;
    }

    @Override
    public ODEEventHandler getHandler() {
        return (state, detector, increasing) -> {
            tracker.lossEventAt(state.getTime());
            return Action.STOP;
        };
    }

    @Override
    public double g(ODEStateAndDerivative state) {
        double phi = cache.loss(state.getPrimaryState());
        if (!(phi > 0)) {
            return phi == 0 ? -1e4 : 1; // ln Φ ≥ −745 for Φ > 0; NaN: not below, the control reports divergence
        }
        return Math.log(phi) - logLevel;
    }
}
