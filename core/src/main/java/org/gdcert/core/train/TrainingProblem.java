package org.gdcert.core.train;

import java.util.Objects;
import org.gdcert.core.engine.Network;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Matrix;

/**
 * What an optimizer trains: the network (θ is updated in place), the full training set on the
 * network's backend, the loss reduction, and a seeded generator for sampling (minibatches).
 */
public record TrainingProblem(Network network, Matrix inputs, Matrix targets, LossReduction reduction, Rng rng) {
    public TrainingProblem {
        Objects.requireNonNull(network);
        Objects.requireNonNull(inputs);
        Objects.requireNonNull(targets);
        Objects.requireNonNull(reduction);
        Objects.requireNonNull(rng);
        if (inputs.rows() != targets.rows()) {
            throw new IllegalArgumentException("inputs and targets differ in rows");
        }
        if (inputs.cols() != network.spec().inputDim() || targets.cols() != network.spec().outputDim()) {
            throw new IllegalArgumentException("data shape does not match the network "
                    + network.spec().widthsText() + ": X " + inputs.rows() + "x" + inputs.cols() + ", Y "
                    + targets.rows() + "x" + targets.cols());
        }
    }

    /** N. */
    public int samples() {
        return inputs.rows();
    }
}
