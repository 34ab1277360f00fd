package org.gdcert.activations;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code smoothrelu(gamma, beta)}: seed 000's smoothed leaky ReLU, eq. (2) with the corrected kernel
 * max(gamma u, u). {@code smoothrelu(0.1, 5)} is gamma = 0.1, beta = 5.
 */
public final class SmoothReluProvider implements ActivationProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.real("gamma", 0.5, "slope for x -> -infinity; sigma' in (gamma, 1)")
                    .withRange(0, true, 1, false),
            ParameterSpec.real("beta", 1.0, "smoothness: sup sigma'' = sigma''(0) = beta (Lipschitz constant of sigma')")
                    .positive());

    @Override
    public String name() {
        return "smoothrelu";
    }

    @Override
    public String description() {
        return "Gaussian-smoothed leaky ReLU of seed 000 eq. (2) (kernel max(gamma u, u)): sigma(0) = 0, "
                + "sigma' in (gamma, 1), sigma' beta-Lipschitz, C^infinity";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Activation create(ValidatedParams params) {
        return new SmoothRelu(params.getDouble("gamma"), params.getDouble("beta"));
    }
}
