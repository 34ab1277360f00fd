package org.gdcert.initializers;

import java.util.List;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ParameterException;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code shallow_gaussian(beta_w, beta_v, rho)}: seed 004's Assumption 4.1 for a two-layer network
 * (certificates-sgd-relu.md §1.3): W ~ N(0, β_w²), V ~ N(0, β_v²). {@code lecun} (the default for
 * both) is β_w² = 1/d₀, β_v² = 1/d₁ (Remark 5.4); {@code rho} instead of beta_v gives
 * β_v² = d₁^{−ρ} (Corollary 4.5; Theorem 5.1 needs ρ &gt; 0). The same as per-layer
 * {@code gaussian(std=…)}, with the widths filled in.
 */
public final class ShallowGaussianProvider implements InitializerProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.real("beta_w", 0, "std of the first layer W, or lecun (1/sqrt(d0))").positive()
                    .withSymbols("lecun").withSymbolDefault("lecun"),
            ParameterSpec.real("beta_v", 0, "std of the output layer V, or lecun (1/sqrt(d1))").positive()
                    .withSymbols("lecun").withSymbolDefault("lecun"),
            ParameterSpec.real("rho", 0, "instead of beta_v: beta_v^2 = d1^(-rho)").nonNegative()
                    .withSymbols("none").withSymbolDefault("none"));

    @Override
    public String name() {
        return "shallow_gaussian";
    }

    @Override
    public String description() {
        return "seed 004 Assumption 4.1: W ~ N(0, beta_w^2), V ~ N(0, beta_v^2), LeCun by default, "
                + "or beta_v^2 = d1^(-rho)";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        boolean rhoGiven = params.symbol("rho").isEmpty();
        if (rhoGiven && params.symbol("beta_v").isEmpty()) {
            throw new ParameterException(name(), List.of(new ParameterSchema.Problem(-1,
                    "give beta_v or rho, not both")));
        }
        double betaW = params.symbol("beta_w").isPresent() ? Double.NaN : params.getDouble("beta_w");
        double betaV = params.symbol("beta_v").isPresent() ? Double.NaN : params.getDouble("beta_v");
        double rho = rhoGiven ? params.getDouble("rho") : Double.NaN;
        return (layer, weights, rng) -> {
            Shapes.check(layer, weights);
            if (layer.depth() != 2) {
                throw new IllegalArgumentException("shallow_gaussian: seed 004's network has two weight layers, "
                        + "this one has " + layer.depth());
            }
            double std;
            if (layer.layer() == 1) {
                std = Double.isNaN(betaW) ? 1 / Math.sqrt(layer.fanIn()) : betaW;
            } else if (!Double.isNaN(rho)) {
                std = Math.pow(layer.fanIn(), -rho / 2);
            } else {
                std = Double.isNaN(betaV) ? 1 / Math.sqrt(layer.fanIn()) : betaV;
            }
            Fill.gaussian(weights, std, rng);
        };
    }
}
