package org.gdcert.core.run;

/** How a run ended, for summaries and exit codes. */
public enum RunStatus {
    /** Training ran to one of its stop rules. */
    COMPLETED,
    /** The loss or parameters became NaN/infinite; what was recorded is kept. */
    DIVERGED,
    /** Something failed (bad data, an exception); the message says what. */
    FAILED,
    /** Stopped from outside. */
    CANCELLED;

    public boolean isSuccess() {
        return this == COMPLETED;
    }
}
