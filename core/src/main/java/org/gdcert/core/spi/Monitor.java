package org.gdcert.core.spi;

import java.util.List;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * Observes recorded iterates: its {@link #columns()} become columns of {@code trajectory.csv}, its
 * {@link #checks()} lines of the run summary (bound held? regime held? first violation?).
 * A monitor is created per run and used from one thread.
 */
public interface Monitor {

    /** Column names, {@code [a-z][a-z0-9_]*}, prefixed by the monitor's name by convention. */
    List<String> columns();

    /**
     * The monitor for a run with held-out data (a {@code holdout} statement): the runner calls this
     * once, before {@link #columns()}, with the held-out inputs and targets on the run's backend, and
     * uses the monitor it returns. The default ignores them.
     */
    default Monitor withHoldout(Matrix inputs, Matrix targets) {
        return this;
    }

    /** Called once with θ0 before training; the default does nothing. */
    default void start(Iterate initial) {
    }

    /** Values for {@link #columns()} at this iterate (NaN where a value is not available). */
    double[] observe(Iterate iterate);

    /** The verdicts so far: one entry per guarantee or invariant watched. */
    default List<MonitorCheck> checks() {
        return List.of();
    }
}
