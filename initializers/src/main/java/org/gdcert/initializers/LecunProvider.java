package org.gdcert.initializers;

import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/** {@code lecun(distribution)}: LeCun: variance 1/fan_in (Gaussian, or uniform with the same variance); seed 000 sec. 3.2, seed 001, seed 004 Remark 5.4. */
public final class LecunProvider implements InitializerProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.choice("distribution", "normal", Fill.Distribution.WORDS,
                    "normal (Gaussian) or uniform, same variance"));

    @Override
    public String name() {
        return "lecun";
    }

    @Override
    public String description() {
        return "LeCun: variance 1/fan_in (Gaussian, or uniform with the same variance); seed 000 sec. 3.2, seed 001, seed 004 Remark 5.4";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        return new VarianceScaling(1.0, VarianceScaling.Fan.IN,
                Fill.Distribution.of(params.getString("distribution")));
    }
}
