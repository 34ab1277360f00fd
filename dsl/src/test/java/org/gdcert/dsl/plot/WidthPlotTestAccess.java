package org.gdcert.dsl.plot;

import java.nio.file.Path;

/** The synthetic N × m sweep of {@link WidthPlotTest}, for tests in other packages. */
public final class WidthPlotTestAccess {
    private WidthPlotTestAccess() {
    }

    public static Path sweep(Path dir, int[] ns, int[] ms) throws Exception {
        return WidthPlotTest.sweep(dir, ns, ms);
    }
}
