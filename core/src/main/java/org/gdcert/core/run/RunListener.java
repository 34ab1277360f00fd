package org.gdcert.core.run;

/** Hears about a run as it goes (progress bars, logs, sweep aggregation). All methods default to nothing. */
public interface RunListener {
    /** A silent listener. */
    RunListener NONE = new RunListener() {
    };

    /** A training iterate was observed (not necessarily recorded); throttle output yourself. */
    default void progress(Progress p) {
    }

    /** A line worth telling the user (resolved step size, a certificate verdict, a warning). */
    default void message(String text) {
    }

    /**
     * A progress snapshot.
     *
     * @param step current step (or accepted integrator steps)
     * @param time current time t, or k·η
     * @param loss current Φ, NaN if not known at this step
     * @param fraction estimated completed fraction in [0, 1], NaN if unknown
     * @param elapsedSeconds wall-clock seconds since training started
     */
    record Progress(String runId, long step, double time, double loss, double fraction, double elapsedSeconds) {
    }
}
