package org.gdcert.initializers;

import java.util.List;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code gaussian(std=…)} or {@code gaussian(var=…)}: entries iid N(0, std²), whatever the layer's
 * size. Give at most one of std and var; with neither, std = 1. {@code gaussian(var=0)} is the zero
 * matrix (seed 000 §3.1 allows W₂ = 0). Seed 003's ω₁, ω₂ and seed 004's β_w, β_v are per-layer
 * {@code gaussian(std=ω)}.
 */
public final class GaussianProvider implements InitializerProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.real("std", 1.0, "standard deviation (give std or var, not both; default std=1)")
                    .nonNegative(),
            ParameterSpec.real("var", 1.0, "variance std^2 (give std or var, not both)").nonNegative());

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public String description() {
        return "entries iid N(0, std^2) with a fixed std (or var); gaussian(var=0) is the zero matrix";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        boolean std = params.isGiven("std");
        boolean var = params.isGiven("var");
        if (std && var) {
            throw new ParameterException(name(), List.of(new ParameterSchema.Problem(-1,
                    "give std or var, not both (std=" + params.getDouble("std") + ", var=" + params.getDouble("var")
                            + ")")));
        }
        double sd = var ? Math.sqrt(params.getDouble("var")) : params.getDouble("std");
        return new Fixed(sd);
    }

    /** N(0, std²) entries. */
    static final class Fixed implements Initializer {
        private final double std;

        Fixed(double std) {
            this.std = std;
        }

        double std() {
            return std;
        }

        @Override
        public void initialize(org.gdcert.core.spi.LayerContext layer, org.gdcert.core.linalg.HostMatrix weights,
                org.gdcert.core.random.Rng rng) {
            Shapes.check(layer, weights);
            Fill.gaussian(weights, std, rng);
        }
    }
}
