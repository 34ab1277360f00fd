package org.gdcert.activations;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.ValidatedParams;

/** {@code gelu}: exact GELU x Phi(x) (erf form, not the tanh approximation); sigma' in [-0.1289, 1.1289], sup |sigma''| = sqrt(2/pi). */
public final class GeluProvider implements ActivationProvider {

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public String description() {
        return "exact GELU x Phi(x) (erf form, not the tanh approximation); sigma' in [-0.1289, 1.1289], sup |sigma''| = sqrt(2/pi)";
    }

    @Override
    public Activation create(ValidatedParams params) {
        return new Gelu();
    }
}
