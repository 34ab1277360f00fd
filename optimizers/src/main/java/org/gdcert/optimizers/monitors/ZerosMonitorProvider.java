package org.gdcert.optimizers.monitors;

import java.util.List;
import java.util.Locale;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.spi.MonitorProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * {@code zeros(tol, rel)}: seed 004's numerical zeros (spec certificates-sgd-relu.md §5.4), the
 * number of preactivations (sample i, hidden unit j) with |z_ij| &lt; tol, over every hidden layer
 * with an activation, and the relative variant |z_ij| &lt; rel·‖(α w_j, b_j)‖. For the Clarke flow
 * the pairs sliding on the kink are among them, so this is the kink count over time.
 */
public final class ZerosMonitorProvider implements MonitorProvider {
    @Override
    public String name() {
        return "zeros";
    }

    @Override
    public String description() {
        return "numerical zeros: preactivations with |z| < tol, and |z| < rel·‖w_j‖ (seed 004 Figures 2b, 3b)";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(ParameterSpec.real("tol", 1e-8, "absolute threshold on |z_ij|").nonNegative(),
                ParameterSpec.real("rel", 1e-8, "relative threshold: |z_ij| < rel·‖(α w_j, b_j)‖").nonNegative());
    }

    @Override
    public Monitor create(ValidatedParams p) {
        return new Zeros(p.getDouble("tol"), p.getDouble("rel"));
    }

    /** The monitor. */
    static final class Zeros implements Monitor {
        private final double tol;
        private final double rel;
        private long last = -1;
        private long lastRel = -1;
        private long max;

        Zeros(double tol, double rel) {
            this.tol = tol;
            this.rel = rel;
        }

        @Override
        public List<String> columns() {
            return List.of("zeros", "zeros_rel");
        }

        @Override
        public double[] observe(Iterate it) {
            long abs = 0;
            long relCount = 0;
            for (int l : Hidden.layers(it.network().spec())) {
                HostMatrix g = Hidden.preactivation(it, l);
                double[] norms = Hidden.unitNorms(it, l);
                for (int i = 0; i < g.rows(); i++) {
                    for (int j = 0; j < g.cols(); j++) {
                        double z = Math.abs(g.get(i, j));
                        abs += z < tol ? 1 : 0;
                        relCount += z < rel * norms[j] ? 1 : 0;
                    }
                }
            }
            last = abs;
            lastRel = relCount;
            max = Math.max(max, abs);
            return new double[] {abs, relCount};
        }

        @Override
        public List<MonitorCheck> checks() {
            if (last < 0) {
                return List.of();
            }
            return List.of(new MonitorCheck("numerical zeros |z| < " + tol, MonitorCheck.Kind.INFO, true, Double.NaN,
                    Double.NaN, String.format(Locale.ROOT, "%d at the last recorded iterate (%d relative to ‖w_j‖),"
                            + " at most %d", last, lastRel, max)));
        }
    }
}
