package org.gdcert.initializers;

import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/** {@code xavier(distribution)}: Xavier/Glorot: variance 2/(fan_in + fan_out) (Gaussian, or uniform on +-sqrt(6/(fan_in + fan_out))). */
public final class XavierProvider implements InitializerProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.choice("distribution", "normal", Fill.Distribution.WORDS,
                    "normal (Gaussian) or uniform, same variance"));

    @Override
    public String name() {
        return "xavier";
    }

    @Override
    public String description() {
        return "Xavier/Glorot: variance 2/(fan_in + fan_out) (Gaussian, or uniform on +-sqrt(6/(fan_in + fan_out)))";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        return new VarianceScaling(1.0, VarianceScaling.Fan.AVERAGE,
                Fill.Distribution.of(params.getString("distribution")));
    }
}
