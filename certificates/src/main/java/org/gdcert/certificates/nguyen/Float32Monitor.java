package org.gdcert.certificates.nguyen;

import java.util.List;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * Stands in for a checker's monitor on a float32 backend: certified per-step changes (ηα_0 down to
 * 1e-13) are far below float32 resolution, so the guarantee cannot be checked (spec §6.4). Says so
 * in the summary instead of reporting checks that would mean nothing.
 */
final class Float32Monitor implements Monitor {
    private final String prefix;

    Float32Monitor(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public double[] observe(Iterate iterate) {
        return new double[0];
    }

    @Override
    public List<MonitorCheck> checks() {
        return List.of(new MonitorCheck(prefix + ": not monitored", MonitorCheck.Kind.INFO, false, Double.NaN,
                Double.NaN, "not checked: the backend is float32, whose rounding (~1e-7 relative) swamps the "
                        + "certified per-step loss decrease; certificate runs need float64 (spec §6.4)"));
    }
}
