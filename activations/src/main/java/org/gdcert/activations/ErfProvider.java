package org.gdcert.activations;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.ValidatedParams;

/** {@code erf}: error function erf(x); sigma(0) = 0, sigma' in (0, 2/sqrt(pi)], closed-form Gaussian dual kernels. */
public final class ErfProvider implements ActivationProvider {

    @Override
    public String name() {
        return "erf";
    }

    @Override
    public String description() {
        return "error function erf(x); sigma(0) = 0, sigma' in (0, 2/sqrt(pi)], closed-form Gaussian dual kernels";
    }

    @Override
    public Activation create(ValidatedParams params) {
        return new Erf();
    }
}
