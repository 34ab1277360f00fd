package org.gdcert.activations;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.ValidatedParams;

/** {@code softplus}: log(1 + e^x), numerically safe for large |x|; sigma(0) = ln 2, sigma' in (0, 1), sup sigma'' = 1/4. */
public final class SoftplusProvider implements ActivationProvider {

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String description() {
        return "log(1 + e^x), numerically safe for large |x|; sigma(0) = ln 2, sigma' in (0, 1), sup sigma'' = 1/4";
    }

    @Override
    public Activation create(ValidatedParams params) {
        return new Softplus();
    }
}
