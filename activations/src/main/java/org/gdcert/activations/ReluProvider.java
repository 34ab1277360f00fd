package org.gdcert.activations;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/** {@code relu}: max(0, x), with the σ'(0) convention as a parameter. */
public final class ReluProvider implements ActivationProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.real("derivative_at_zero", 0.0,
                    "the value used for sigma'(0); any value in [0, 1] is a Clarke subgradient (0 as in PyTorch)")
                    .withRange(0, 1));

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String description() {
        return "ReLU max(0, x); sigma'(0) = derivative_at_zero (default 0); not C^2, sigma' not Lipschitz";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Activation create(ValidatedParams params) {
        return new Relu(params.getDouble("derivative_at_zero"));
    }
}
