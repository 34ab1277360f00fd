package org.gdcert.core.train;

import java.util.HashMap;
import java.util.Map;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * Loss and gradient of a {@link TrainingProblem} at the network's current parameters, full batch or
 * on a minibatch of rows, reusing buffers between calls. The returned loss is always
 * Φ = ½‖F − Y‖² over the rows used; the gradient is that of the problem's {@link LossReduction}
 * (∇Φ times {@link LossReduction#gradientMultiplier}).
 */
public final class Objective implements AutoCloseable {
    private final TrainingProblem problem;
    private final Network net;
    private final Backend backend;
    private final ForwardPass full;
    private final Map<Integer, Batch> batches = new HashMap<>();
    private long gradientEvaluations;

    private record Batch(ForwardPass fp, Matrix x, Matrix y) {
    }

    public Objective(TrainingProblem problem) {
        this.problem = problem;
        this.net = problem.network();
        this.backend = net.backend();
        this.full = net.newForwardPass(problem.samples());
    }

    public TrainingProblem problem() {
        return problem;
    }

    /** Φ(θ) on the full training set; leaves the forward pass in {@link #fullPass()}. */
    public double loss() {
        net.forward(problem.inputs(), full);
        return net.loss(full, problem.targets());
    }

    /** Φ(θ) and the full-batch gradient into {@code grad}. */
    public double lossAndGradient(ParameterSet grad) {
        double phi = loss();
        net.gradient(full, grad);
        scale(grad, problem.samples());
        gradientEvaluations++;
        return phi;
    }

    /** The gradient at the last {@link #loss()} evaluation (no new forward pass). */
    public void gradientAtLastLoss(ParameterSet grad) {
        net.gradient(full, grad);
        scale(grad, problem.samples());
        gradientEvaluations++;
    }

    /** ½ Σ_{i ∈ rows} ‖F_i − Y_i‖² and the gradient of the reduced minibatch loss. */
    public double batchLossAndGradient(int[] rows, ParameterSet grad) {
        Batch b = batches.computeIfAbsent(rows.length, n -> new Batch(net.newForwardPass(n), backend.zeros(n,
                problem.inputs().cols()), backend.zeros(n, problem.targets().cols())));
        backend.gatherRows(problem.inputs(), rows, b.x());
        backend.gatherRows(problem.targets(), rows, b.y());
        net.forward(b.x(), b.fp());
        double phi = net.loss(b.fp(), b.y());
        net.gradient(b.fp(), grad);
        scale(grad, rows.length);
        gradientEvaluations++;
        return phi;
    }

    private void scale(ParameterSet grad, int rows) {
        double c = problem.reduction().gradientMultiplier(rows, net.spec().outputDim());
        if (c != 1) {
            grad.scaleInPlace(c);
        }
    }

    /** The full-batch forward pass of the last {@link #loss()} call. */
    public ForwardPass fullPass() {
        return full;
    }

    /** How many gradients were evaluated. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    @Override
    public void close() {
        full.close();
        for (Batch b : batches.values()) {
            b.fp().close();
            b.x().close();
            b.y().close();
        }
    }
}
