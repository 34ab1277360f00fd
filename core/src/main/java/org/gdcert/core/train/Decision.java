package org.gdcert.core.train;

import java.util.Optional;

/** The control's answer after an iterate: go on, or stop for a reason. */
public record Decision(Optional<StopReason> stop, String message) {
    public static final Decision CONTINUE = new Decision(Optional.empty(), "");

    public static Decision stop(StopReason reason, String message) {
        return new Decision(Optional.of(reason), message);
    }

    public boolean shouldStop() {
        return stop.isPresent();
    }
}
