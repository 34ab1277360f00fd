package org.gdcert.optimizers.monitors;

import java.util.List;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.spi.MonitorProvider;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Iterate;

/**
 * {@code deltal}: the relative loss change ΔL = |L_k − L_prev| / L_prev between consecutive
 * observed iterates (spec certificates-sgd-relu.md §5.4; record every step for the per-epoch
 * ΔL_k), and a flag for iterates with L below 10³·u·L0 (u = 2⁻⁵³), where ΔL is roundoff noise.
 */
public final class DeltaLossMonitorProvider implements MonitorProvider {
    /** The roundoff region: L &lt; {@code NOISE}·L0. */
    static final double NOISE = 1e3 * Math.ulp(1.0) / 2;

    @Override
    public String name() {
        return "deltal";
    }

    @Override
    public String description() {
        return "relative loss change |L_k − L_prev| / L_prev between observed iterates, with a roundoff flag (seed 004)";
    }

    @Override
    public Monitor create(ValidatedParams p) {
        return new DeltaLoss();
    }

    /** The monitor. */
    static final class DeltaLoss implements Monitor {
        private double previous = Double.NaN;
        private double initial = Double.NaN;

        @Override
        public List<String> columns() {
            return List.of("deltal", "deltal_noise");
        }

        @Override
        public void start(Iterate it) {
            initial = it.loss();
        }

        @Override
        public double[] observe(Iterate it) {
            double l = it.loss();
            if (Double.isNaN(initial)) {
                initial = l;
            }
            double d = Double.isNaN(previous) ? Double.NaN : Math.abs(l - previous) / previous;
            previous = l;
            return new double[] {d, l < NOISE * initial ? 1 : 0};
        }
    }
}
