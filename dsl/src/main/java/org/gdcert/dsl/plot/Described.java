package org.gdcert.dsl.plot;

import java.util.Objects;

/**
 * A chart with what it shows in words (the caption in reports, the SVG's {@code <desc>}).
 *
 * @param chart the chart
 * @param description what it shows
 */
public record Described<C>(C chart, String description) {
    public Described {
        Objects.requireNonNull(chart);
        Objects.requireNonNull(description);
    }
}
