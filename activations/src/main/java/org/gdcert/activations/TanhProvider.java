package org.gdcert.activations;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.ValidatedParams;

/** {@code tanh}: hyperbolic tangent; sigma(0) = 0, sigma' in (0, 1], sup |sigma''| = 4/(3 sqrt 3). */
public final class TanhProvider implements ActivationProvider {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String description() {
        return "hyperbolic tangent; sigma(0) = 0, sigma' in (0, 1], sup |sigma''| = 4/(3 sqrt 3)";
    }

    @Override
    public Activation create(ValidatedParams params) {
        return new Tanh();
    }
}
