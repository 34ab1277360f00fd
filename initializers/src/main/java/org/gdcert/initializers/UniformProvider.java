package org.gdcert.initializers;

import java.util.List;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code uniform(a)}: entries iid U(−a, a); or {@code uniform(low=…, high=…)}: U(low, high). Give
 * either a or both low and high.
 */
public final class UniformProvider implements InitializerProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.real("a", 1.0, "half-width: entries uniform on (-a, a)").nonNegative(),
            ParameterSpec.real("low", -1.0, "lower end (with high, instead of a)"),
            ParameterSpec.real("high", 1.0, "upper end (with low, instead of a)"));

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public String description() {
        return "entries iid uniform on (-a, a), or on (low, high)";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        boolean a = params.isGiven("a");
        boolean low = params.isGiven("low");
        boolean high = params.isGiven("high");
        String problem = null;
        if (a && (low || high)) {
            problem = "give a, or low and high, not both";
        } else if (low != high) {
            problem = "low and high go together (got only " + (low ? "low" : "high") + ")";
        } else if (low && !(params.getDouble("low") <= params.getDouble("high"))) {
            problem = "low must not exceed high (low=" + params.getDouble("low") + ", high=" + params.getDouble("high")
                    + ")";
        }
        if (problem != null) {
            throw new ParameterException(name(), List.of(new ParameterSchema.Problem(-1, problem)));
        }
        double lo = low ? params.getDouble("low") : -params.getDouble("a");
        double hi = low ? params.getDouble("high") : params.getDouble("a");
        return new Range(lo, hi);
    }

    /** U(lo, hi) entries. */
    static final class Range implements Initializer {
        private final double lo;
        private final double hi;

        Range(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public void initialize(org.gdcert.core.spi.LayerContext layer, org.gdcert.core.linalg.HostMatrix weights,
                org.gdcert.core.random.Rng rng) {
            Shapes.check(layer, weights);
            Fill.uniform(weights, lo, hi, rng);
        }
    }
}
