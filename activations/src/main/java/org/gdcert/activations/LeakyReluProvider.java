package org.gdcert.activations;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/** {@code leakyrelu(a)}: max(a x, x). */
public final class LeakyReluProvider implements ActivationProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.real("a", 0.01, "slope for x < 0 (also sigma'(0))").withRange(0, 1));

    @Override
    public String name() {
        return "leakyrelu";
    }

    @Override
    public String description() {
        return "leaky ReLU max(a x, x) with slope a in [0, 1]; sigma' in [a, 1], sigma'(0) = a; not C^2";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Activation create(ValidatedParams params) {
        return new LeakyRelu(params.getDouble("a"));
    }
}
