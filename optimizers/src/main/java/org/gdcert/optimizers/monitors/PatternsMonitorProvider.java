package org.gdcert.optimizers.monitors;

import java.util.ArrayList;
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
 * {@code patterns(filter)}: activation-pattern changes between consecutive observed iterates
 * (spec certificates-sgd-relu.md §5.4): c = #{(i, j) : 1[z_ij &gt; 0] changed}, over every hidden
 * layer with an activation, and the noise-filtered count over pairs with |z| &gt; filter at both
 * iterates. The summary gives the last position with a change (k_stab), raw and filtered.
 * Recording every step makes c_k the paper's per-epoch count.
 */
public final class PatternsMonitorProvider implements MonitorProvider {
    @Override
    public String name() {
        return "patterns";
    }

    @Override
    public String description() {
        return "activation-pattern changes between consecutive observed iterates, raw and noise-filtered (seed 004)";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(ParameterSpec.real("filter", 1e-12,
                "the filtered count ignores pairs with |z| <= filter at either iterate").nonNegative());
    }

    @Override
    public Monitor create(ValidatedParams p) {
        return new Patterns(p.getDouble("filter"));
    }

    /** The monitor. */
    static final class Patterns implements Monitor {
        private final double filter;
        private List<double[]> previous;
        private double lastChange = Double.NaN;
        private double lastFilteredChange = Double.NaN;
        private long total;

        Patterns(double filter) {
            this.filter = filter;
        }

        @Override
        public List<String> columns() {
            return List.of("patterns", "patterns_filtered");
        }

        @Override
        public double[] observe(Iterate it) {
            List<double[]> now = new ArrayList<>();
            for (int l : Hidden.layers(it.network().spec())) {
                HostMatrix g = Hidden.preactivation(it, l);
                now.add(g.data().clone());
            }
            double[] out = {Double.NaN, Double.NaN};
            if (previous != null) {
                long changed = 0;
                long filtered = 0;
                for (int a = 0; a < now.size(); a++) {
                    double[] p = previous.get(a);
                    double[] c = now.get(a);
                    for (int k = 0; k < c.length; k++) {
                        if ((p[k] > 0) != (c[k] > 0)) {
                            changed++;
                            if (Math.abs(p[k]) > filter && Math.abs(c[k]) > filter) {
                                filtered++;
                            }
                        }
                    }
                }
                if (changed > 0) {
                    lastChange = it.position();
                }
                if (filtered > 0) {
                    lastFilteredChange = it.position();
                }
                total += changed;
                out = new double[] {changed, filtered};
            }
            previous = now;
            return out;
        }

        @Override
        public List<MonitorCheck> checks() {
            if (previous == null) {
                return List.of();
            }
            return List.of(new MonitorCheck("activation-pattern changes", MonitorCheck.Kind.INFO, true, Double.NaN,
                    Double.NaN, String.format(Locale.ROOT, "last change at %s (filtered |z| > %.0e: %s), %d changes in"
                            + " all", fmt(lastChange), filter, fmt(lastFilteredChange), total)));
        }

        private static String fmt(double v) {
            return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.6g", v);
        }
    }
}
