package org.gdcert.core.data;

import java.util.OptionalDouble;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.LabelSource;
import org.gdcert.core.spi.LabelSourceProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code linear(outputs=1, std=auto, noise=0)}: labels of a random linear map plus noise,
 * Y = X B + noise·E, with B (d × outputs) of N(0, std²) entries (by default std = 1/√d) and E of
 * standard Gaussian entries; from the run's {@code linear} stream.
 */
public final class LinearLabelsProvider implements LabelSourceProvider {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String description() {
        return "labels of a random linear map plus Gaussian noise, Y = X B + noise E";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(Specs.outputs(),
                ParameterSpec.real("std", 1, "standard deviation of the entries of B; auto: 1/sqrt(d)").positive()
                        .withSymbols("auto").withSymbolDefault("auto"),
                ParameterSpec.real("noise", 0, "standard deviation of the additive label noise").nonNegative());
    }

    @Override
    public LabelSource create(ValidatedParams params) {
        OptionalDouble std = params.symbol("std").isPresent() ? OptionalDouble.empty()
                : OptionalDouble.of(params.getDouble("std"));
        return new Linear(params.getInt("outputs"), std, params.getDouble("noise"));
    }

    /** The source; an empty {@code std} means 1/√d. */
    record Linear(int outputs, OptionalDouble std, double noise) implements LabelSource {
        @Override
        public HostMatrix labels(Dataset data, DataContext context) {
            int d = data.dimension();
            Rng rng = context.rng().stream("linear");
            HostMatrix b = new HostMatrix(d, outputs);
            rng.fillGaussian(b.data(), std.orElse(1 / Math.sqrt(d)));
            HostMatrix y = data.inputs().times(b);
            if (noise > 0) {
                double[] a = y.data();
                for (int i = 0; i < a.length; i++) {
                    a[i] += noise * rng.nextGaussian();
                }
            }
            return y;
        }
    }
}
