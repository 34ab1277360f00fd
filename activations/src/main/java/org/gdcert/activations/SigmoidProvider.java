package org.gdcert.activations;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.ValidatedParams;

/** {@code sigmoid}: logistic 1/(1 + e^-x); sigma(0) = 1/2, sigma' in (0, 1/4], sup |sigma''| = 1/(6 sqrt 3). */
public final class SigmoidProvider implements ActivationProvider {

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String description() {
        return "logistic 1/(1 + e^-x); sigma(0) = 1/2, sigma' in (0, 1/4], sup |sigma''| = 1/(6 sqrt 3)";
    }

    @Override
    public Activation create(ValidatedParams params) {
        return new Sigmoid();
    }
}
