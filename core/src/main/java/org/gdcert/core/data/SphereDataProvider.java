package org.gdcert.core.data;

import java.util.Optional;
import java.util.OptionalDouble;
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
 * {@code sphere(n, d, radius=1)}: N samples drawn independently and uniformly from the sphere of the
 * given radius in ℝ^d (a standard Gaussian vector scaled to the radius). {@code radius=sqrt_d} puts
 * the samples on the sphere of radius √d, the setting of several of the papers. The draws come from
 * the run's {@code data} stream; {@code gaussian(n, d)} with the same seed draws the same Gaussian
 * vectors before scaling.
 */
public final class SphereDataProvider implements DataSourceProvider {

    @Override
    public String name() {
        return "sphere";
    }

    @Override
    public String description() {
        return "samples uniform on the sphere of radius r in R^d";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(Specs.samples(), Specs.dimension(),
                ParameterSpec.real("radius", 1, "radius of the sphere; sqrt_d: radius sqrt(d)")
                        .positive().withSymbols("sqrt_d"));
    }

    @Override
    public DataSource create(ValidatedParams params) {
        OptionalDouble radius = params.symbol("radius").isPresent() ? OptionalDouble.empty()
                : OptionalDouble.of(params.getDouble("radius"));
        return new Sphere(params.getInt("n"), params.getInt("d"), radius);
    }

    /**
     * The source.
     *
     * @param n samples
     * @param d dimension
     * @param radius the radius, empty for √d
     */
    record Sphere(int n, int d, OptionalDouble radius) implements DataSource {
        @Override
        public Dataset load(DataContext context) {
            double r = radius.orElse(Math.sqrt(d));
            Rng rng = context.rng().stream("data");
            HostMatrix x = new HostMatrix(n, d);
            double[] a = x.data();
            double[] row = new double[d];
            for (int i = 0; i < n; i++) {
                double norm;
                do { // a Gaussian vector is zero with probability 0, but never divide by zero
                    rng.fillGaussian(row, 1);
                    norm = norm(row);
                } while (norm == 0);
                for (int j = 0; j < d; j++) {
                    a[i * d + j] = row[j] * (r / norm);
                }
            }
            String rText = radius.isPresent() ? ParamValue.Num.of(r).render() : "sqrt(" + d + ")";
            return new Dataset(x, Optional.empty(), Optional.empty(),
                    "sphere: " + n + " samples uniform on the sphere of radius " + rText + " in R^" + d);
        }
    }

    /** Euclidean norm without overflow or underflow. */
    static double norm(double[] v) {
        double scale = 0;
        for (double x : v) {
            scale = Math.max(scale, Math.abs(x));
        }
        if (scale == 0) {
            return 0;
        }
        double s = 0;
        for (double x : v) {
            s += (x / scale) * (x / scale);
        }
        return scale * Math.sqrt(s);
    }
}
