package org.gdcert.initializers;

import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ValidatedParams;

/** {@code zero}: the zero matrix (seed 001 §3.1 sets W_L = 0; seed 000 allows W₂ = 0). */
public final class ZeroProvider implements InitializerProvider {

    @Override
    public String name() {
        return "zero";
    }

    @Override
    public String description() {
        return "the zero matrix";
    }

    @Override
    public Initializer create(ValidatedParams params) {
        return (layer, weights, rng) -> {
            Shapes.check(layer, weights);
            Fill.zero(weights);
        };
    }
}
