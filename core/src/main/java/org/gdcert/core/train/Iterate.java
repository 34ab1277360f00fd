package org.gdcert.core.train;

import java.util.Objects;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Matrix;

/**
 * A recorded iterate as monitors see it: θ_k (or θ(t)) is in {@link #network()}, and
 * {@link #forward()} holds the full-batch forward pass at it, with the residual F_L − Y.
 * Monitors must not modify the network's parameters.
 *
 * @param step k, or the number of accepted integrator steps
 * @param time t (continuous) or k·η (discrete)
 * @param loss Φ = ½‖F_L − Y‖²
 * @param network the network at the current parameters
 * @param forward the full-batch forward pass at the current parameters (loss already evaluated)
 * @param inputs X on the backend
 * @param targets Y on the backend
 * @param initial θ0 on the backend
 * @param axis step or time
 * @param stepSize η of a discrete optimizer, NaN otherwise
 */
public record Iterate(long step, double time, double loss, Network network, ForwardPass forward, Matrix inputs,
        Matrix targets, ParameterSet initial, Axis axis, double stepSize) {
    public Iterate {
        Objects.requireNonNull(network);
        Objects.requireNonNull(forward);
        Objects.requireNonNull(inputs);
        Objects.requireNonNull(targets);
        Objects.requireNonNull(initial);
        Objects.requireNonNull(axis);
    }

    /** k for STEP, t for TIME: the value on the optimizer's axis. */
    public double position() {
        return axis == Axis.STEP ? step : time;
    }
}
