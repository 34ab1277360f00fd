package org.gdcert.core.train;

/**
 * The run engine's side of training. An optimizer reports each iterate; the control records it
 * when the schedule says so (running the monitors on the network's current parameters), checks the
 * stop rules, divergence, cancellation and the wall clock, and drives progress output.
 *
 * <p>Discrete optimizers call {@link #observe} once per iterate θ_k with k = 0, 1, 2, … <em>before</em>
 * computing the update, passing Φ(θ_k) (NaN when unknown, e.g. SGD between record points, in which
 * case the control computes it at record points). Continuous optimizers call it with the current
 * time after putting θ(t) into the network.
 */
public interface TrainingControl {

    StopRules stopRules();

    RecordSchedule schedule();

    /**
     * Reports iterate {@code step} at time {@code time} (for discrete optimizers time = step · η
     * or the step itself) with loss Φ at the network's current parameters.
     *
     * @param record force recording this iterate (continuous optimizers at output times)
     */
    Decision observe(long step, double time, double loss, boolean record);

    /** Whether the run was cancelled from outside; optimizers may poll it in long inner loops. */
    boolean isCancelled();

    /** A named event worth a line in the log and summary (e.g. "step size rejected 12 times"). */
    default void note(String message) {
    }
}
