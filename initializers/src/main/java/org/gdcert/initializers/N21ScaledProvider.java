package org.gdcert.initializers;

import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code n21_scaled(beta)}: seed 001 §3.1 (certificates-nguyen.md §2.3 (b)): θ̃₀ = (βW₁⁰, …, βW_{L−1}⁰,
 * W_L = 0) with LeCun base weights W_l⁰ ~ N(0, 1/n_{l−1}). By positive homogeneity of ReLU the feature
 * matrix scales by β^{L−1}; every condition's ratio is increasing in β, and the certificate reports the
 * minimal β that makes them hold (its remediation hint).
 */
public final class N21ScaledProvider implements InitializerProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.real("beta", 1.0, "the global scale of layers 1..L-1 (the output layer is 0)").positive());

    @Override
    public String name() {
        return "n21_scaled";
    }

    @Override
    public String description() {
        return "seed 001 sec. 3.1: layers 1..L-1 beta times LeCun N(0, 1/fan_in), output layer W_L = 0";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        double beta = params.getDouble("beta");
        return (layer, weights, rng) -> {
            Shapes.check(layer, weights);
            if (layer.isOutputLayer()) {
                Fill.zero(weights);
            } else {
                Fill.gaussian(weights, beta / Math.sqrt(layer.fanIn()), rng);
            }
        };
    }
}
