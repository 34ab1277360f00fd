package org.gdcert.optimizers;

import java.util.Map;
import java.util.OptionalDouble;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Decision;
import org.gdcert.core.train.Objective;
import org.gdcert.core.train.StopReason;
import org.gdcert.core.train.TrainingControl;
import org.gdcert.core.train.TrainingProblem;
import org.gdcert.core.train.TrainingResult;

/** Full-batch gradient descent with a constant step: θ_{k+1} = θ_k − η ∇L(θ_k). */
public final class GradientDescent implements Optimizer {
    private final double eta;

    public GradientDescent(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("step size must be positive and finite, got " + eta);
        }
        this.eta = eta;
    }

    @Override
    public Axis axis() {
        return Axis.STEP;
    }

    @Override
    public OptionalDouble stepSize() {
        return OptionalDouble.of(eta);
    }

    @Override
    public TrainingResult train(TrainingProblem problem, TrainingControl control) {
        ParameterSet theta = problem.network().parameters();
        try (Objective objective = new Objective(problem); ParameterSet grad = theta.zerosLike()) {
            long k = 0;
            while (true) {
                double phi = objective.loss();
                Decision d = control.observe(k, k * eta, phi, false);
                if (d.shouldStop()) {
                    StopReason reason = d.stop().orElseThrow();
                    return new TrainingResult(reason, d.message(), k, k * eta, phi, objective.gradientEvaluations(),
                            Map.of());
                }
                objective.gradientAtLastLoss(grad);
                theta.axpyInPlace(-eta, grad);
                k++;
            }
        }
    }
}
