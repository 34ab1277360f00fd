package org.gdcert.example.activation;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code swish(beta)}: σ(x) = x·sigmoid(βx) (Ramachandran et al. 2017; SiLU for β = 1). The
 * provider is stateless with a public no-arg constructor, its name is the lowercase word scripts
 * use ({@code act swish(2)}), and its parameters are declared so that gdcert checks scripts
 * against them and {@code gdcert plugins activation} documents them.
 */
public final class SwishProvider implements ActivationProvider {
    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.real("beta", 1.0, "steepness of the gate sigmoid(beta x); 1 gives SiLU").positive());

    @Override
    public String name() {
        return "swish";
    }

    @Override
    public String description() {
        return "swish x sigmoid(beta x) (an example third-party plugin); sigma(0) = 0, sigma' in [-0.0998, 1.0998], "
                + "sup |sigma''| = beta/2";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Activation create(ValidatedParams params) {
        return new Swish(params.getDouble("beta"));
    }
}
