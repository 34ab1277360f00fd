package org.gdcert.core.data;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.LabelSource;
import org.gdcert.core.spi.LabelSourceProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code gaussian(outputs=1, std=1)}: labels with independent N(0, std²) entries, independent of the
 * inputs, from the run's {@code labels} stream.
 */
public final class GaussianLabelsProvider implements LabelSourceProvider {

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public String description() {
        return "labels with independent Gaussian entries N(0, std^2)";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(Specs.outputs(),
                ParameterSpec.real("std", 1, "standard deviation of every label").positive());
    }

    @Override
    public LabelSource create(ValidatedParams params) {
        return new GaussianLabels(params.getInt("outputs"), params.getDouble("std"));
    }

    /** The source. */
    record GaussianLabels(int outputs, double std) implements LabelSource {
        @Override
        public HostMatrix labels(Dataset data, DataContext context) {
            HostMatrix y = new HostMatrix(data.samples(), outputs);
            context.rng().stream("labels").fillGaussian(y.data(), std);
            return y;
        }
    }
}
