package org.gdcert.core.data;

import java.util.Optional;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.DataSource;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.Dataset;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code gaussian(n, d, std=1)}: N samples with independent N(0, std²) entries, drawn row by row from
 * the run's {@code data} stream.
 */
public final class GaussianDataProvider implements DataSourceProvider {

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public String description() {
        return "samples with independent Gaussian entries N(0, std^2) in R^d";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(Specs.samples(), Specs.dimension(),
                ParameterSpec.real("std", 1, "standard deviation of every entry").positive());
    }

    @Override
    public DataSource create(ValidatedParams params) {
        return new Gaussian(params.getInt("n"), params.getInt("d"), params.getDouble("std"));
    }

    /** The source: N × d entries N(0, std²). */
    record Gaussian(int n, int d, double std) implements DataSource {
        @Override
        public Dataset load(DataContext context) {
            HostMatrix x = draw(n, d, std, context.rng().stream("data"));
            return new Dataset(x, Optional.empty(), Optional.empty(), "gaussian: " + n + " samples in R^" + d
                    + " with N(0, " + ParamValue.Num.of(std).render() + "^2) entries");
        }
    }

    /** An n × d matrix of N(0, std²) draws, row by row. */
    static HostMatrix draw(int n, int d, double std, Rng rng) {
        HostMatrix x = new HostMatrix(n, d);
        rng.fillGaussian(x.data(), std);
        return x;
    }
}
