package org.gdcert.initializers;

import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/** {@code he(distribution)}: He/Kaiming (fan-in, gain sqrt 2): variance 2/fan_in (Gaussian, or uniform with the same variance). */
public final class HeProvider implements InitializerProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.choice("distribution", "normal", Fill.Distribution.WORDS,
                    "normal (Gaussian) or uniform, same variance"));

    @Override
    public String name() {
        return "he";
    }

    @Override
    public String description() {
        return "He/Kaiming (fan-in, gain sqrt 2): variance 2/fan_in (Gaussian, or uniform with the same variance)";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        return new VarianceScaling(2.0, VarianceScaling.Fan.IN,
                Fill.Distribution.of(params.getString("distribution")));
    }
}
