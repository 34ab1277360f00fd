package org.gdcert.core.spi;

import java.util.OptionalDouble;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.TrainingControl;
import org.gdcert.core.train.TrainingProblem;
import org.gdcert.core.train.TrainingResult;

/**
 * Trains a problem under a control. Discrete optimizers (gd, sgd) report on steps, continuous ones
 * (flow, clarke) on time; both through {@link TrainingControl#observe}, so monitors and
 * certificates treat them alike. Parameters are updated in place in the problem's network.
 */
public interface Optimizer {

    Axis axis();

    /** The constant step size η of a discrete optimizer, if it has one. */
    default OptionalDouble stepSize() {
        return OptionalDouble.empty();
    }

    TrainingResult train(TrainingProblem problem, TrainingControl control);
}
