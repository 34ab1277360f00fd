package org.gdcert.core.spi;

import java.util.Objects;

/** Whether a provider can be used here, and if not, one sentence saying why. */
public record Availability(boolean available, String reason) {
    public static final Availability AVAILABLE = new Availability(true, "");

    public Availability {
        Objects.requireNonNull(reason, "reason");
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("an unavailable provider must say why");
        }
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
