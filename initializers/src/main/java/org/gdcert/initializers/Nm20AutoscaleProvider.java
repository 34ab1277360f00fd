package org.gdcert.initializers;

import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code nm20_autoscale(c, margin)}: seed 000 §3.1 (b3) for one layer l ≥ 3: a Gaussian draw rescaled
 * so that λ_l = σ_min(W_l) ≥ 1 and λ_l² ≥ c·‖W_l‖₂, each with relative slack {@code margin}
 * (certificates-nguyen.md §1.3). Use it per layer, or {@code nm20_pyramidal} for the whole network.
 */
public final class Nm20AutoscaleProvider implements InitializerProvider {

    static final ParameterSpec C = ParameterSpec.real("c", 2.0,
            "the constant c > 1 of seed 000 sec. 3.1: lambda_l^2 >= c * ||W_l||_2").withRange(1, false,
                    Double.POSITIVE_INFINITY, true);
    static final ParameterSpec MARGIN = ParameterSpec.real("margin", 0.01,
            "relative slack on both inequalities (> 0 so that rounding cannot break them)").positive();

    private static final ParameterSchema SCHEMA = ParameterSchema.of(C, MARGIN);

    @Override
    public String name() {
        return "nm20_autoscale";
    }

    @Override
    public String description() {
        return "seed 000 sec. 3.1 (b3): Gaussian W scaled so sigma_min(W) >= 1 and sigma_min(W)^2 >= c ||W||_2";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        double c = params.getDouble("c");
        double margin = params.getDouble("margin");
        return (layer, weights, rng) -> {
            Shapes.check(layer, weights);
            AutoScale.fill(name(), layer, weights, c, margin, rng);
        };
    }
}
