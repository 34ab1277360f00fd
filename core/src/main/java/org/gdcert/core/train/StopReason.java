package org.gdcert.core.train;

/** Why training stopped. */
public enum StopReason {
    /** The step budget was used. */
    MAX_STEPS("step budget reached"),
    /** The final time T was reached (continuous optimizers). */
    MAX_TIME("final time reached"),
    /** The loss fell below the requested level. */
    LOSS_BELOW("loss below target"),
    /** ‖F_L − Y‖/‖Y‖ fell below the requested level. */
    RESIDUAL_BELOW("relative residual below target"),
    /** The wall-clock budget was used. */
    WALL_TIME("wall-clock budget reached"),
    /** The loss or the parameters became NaN or infinite. */
    DIVERGED("diverged"),
    /** The integrator could not continue (step size underflow). */
    STALLED("integrator stalled"),
    /** Stopped from outside (Ctrl-C, a cancelled sweep). */
    CANCELLED("cancelled");

    private final String text;

    StopReason(String text) {
        this.text = text;
    }

    /** Human words for summaries. */
    public String text() {
        return text;
    }

    /** Whether the stop means the run failed. */
    public boolean isFailure() {
        return this == DIVERGED || this == STALLED || this == CANCELLED;
    }
}
