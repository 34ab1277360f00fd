package org.gdcert.core.run;

import java.util.Objects;
import org.gdcert.core.spi.Monitor;

/** A monitor to run on every {@code every}-th recorded step (1 = every recorded iterate). */
public record MonitorChoice(PluginChoice<Monitor> monitor, long every) {
    public MonitorChoice {
        Objects.requireNonNull(monitor);
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1");
        }
    }
}
