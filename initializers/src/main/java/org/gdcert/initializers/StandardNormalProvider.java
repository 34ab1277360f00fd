package org.gdcert.initializers;

import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code standard_normal}: entries iid N(0, 1), the initialization of seed 002 (Du et al.), whose
 * width normalisation sits in the forward pass (NTK parameterization: {@code parameterization ntk}
 * in the DSL), not in the weights. The same as {@code gaussian(std=1)}.
 */
public final class StandardNormalProvider implements InitializerProvider {

    @Override
    public String name() {
        return "standard_normal";
    }

    @Override
    public String description() {
        return "entries iid N(0, 1): seed 002's initialization for the NTK parameterization (= gaussian(std=1))";
    }

    @Override
    public Initializer create(ValidatedParams params) {
        return new GaussianProvider.Fixed(1.0);
    }
}
