package org.gdcert.dsl.plot;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A plot written to disk, as SVG and PNG.
 *
 * @param name the file name without extension ({@code loss}, {@code monitor_ntk_lambda_min})
 * @param title the chart's title
 * @param description what the plot shows, in words (also in the SVG's {@code <desc>})
 * @param svg the SVG file
 * @param png the PNG file
 */
public record Plot(String name, String title, String description, Path svg, Path png) {
    public Plot {
        Objects.requireNonNull(name);
        Objects.requireNonNull(title);
        Objects.requireNonNull(description);
        Objects.requireNonNull(svg);
        Objects.requireNonNull(png);
    }
}
