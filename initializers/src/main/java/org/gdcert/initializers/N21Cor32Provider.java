package org.gdcert.initializers;

import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code n21_cor32}: the initialization of seed 001 Corollary 3.2 (certificates-nguyen.md §2.3 (c),
 * P1-(26)): W_l ~ N(0, 1/n_{l−1}) for l ≤ L−1 and W_L ~ N(0, n_{L−1}^{−4/3}).
 */
public final class N21Cor32Provider implements InitializerProvider {

    @Override
    public String name() {
        return "n21_cor32";
    }

    @Override
    public String description() {
        return "seed 001 Corollary 3.2: LeCun for layers 1..L-1, output layer N(0, n_{L-1}^(-4/3))";
    }

    @Override
    public Initializer create(ValidatedParams params) {
        return (layer, weights, rng) -> {
            Shapes.check(layer, weights);
            double n = layer.fanIn();
            double std = layer.isOutputLayer() ? Math.pow(n, -2.0 / 3.0) : 1.0 / Math.sqrt(n);
            Fill.gaussian(weights, std, rng);
        };
    }
}
