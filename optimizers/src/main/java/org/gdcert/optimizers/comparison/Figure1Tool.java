package org.gdcert.optimizers.comparison;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.spi.ToolProvider;

/**
 * {@code gdcert tool seed004-figure1 [DIR]}: writes the data of seed 004's Figure 1 (the comparison
 * ODE of eq. (9), its blow-up/bounded split and thresholds) as CSV files.
 */
public final class Figure1Tool implements ToolProvider {
    @Override
    public String name() {
        return "seed004-figure1";
    }

    /** One line for {@code gdcert tool} (the JDK's {@code ToolProvider.description()} exists from Java 19). */
    public java.util.Optional<String> description() {
        return java.util.Optional.of("seed 004 Figure 1: the comparison ODE (9) over alpha, blow-up or bounded, and the "
                + "thresholds; writes figure1_curves.csv, figure1_summary.csv, figure1_thresholds.csv into DIR");
    }

    @Override
    public int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            err.println("usage: gdcert tool seed004-figure1 [DIR]   (default DIR: figure1)");
            return 2;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "figure1");
        try {
            for (Path p : Figure1.write(dir)) {
                out.println("wrote " + p);
            }
            return 0;
        } catch (UncheckedIOException e) {
            err.println("seed004-figure1: cannot write to " + dir + ": " + e.getCause().getMessage());
            return 1;
        }
    }
}
