package org.gdcert.activations;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.ValidatedParams;

/** {@code identity}: sigma(x) = x. */
public final class IdentityProvider implements ActivationProvider {

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String description() {
        return "linear sigma(x) = x (a control: no nonlinearity)";
    }

    @Override
    public Activation create(ValidatedParams params) {
        return new Identity();
    }
}
