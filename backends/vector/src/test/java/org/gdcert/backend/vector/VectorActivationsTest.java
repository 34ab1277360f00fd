package org.gdcert.backend.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.ClosedForm;
import org.gdcert.core.spi.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vectorised activations of every {@link ClosedForm} against the form's reference formulas
 * (in double, on inputs rounded to the backend's precision), through the backend: fused, value
 * alone, derivative alone and in place, on inputs spanning both tails, zero, ±∞ and NaN. A form
 * that disagrees with the activation's own scalar methods is not used.
 */
class VectorActivationsTest {
    /** Double: a few ulps of the vector math library's exp/expm1/log1p and of the divisions. */
    private static final double DOUBLE_TOL = 2e-15;
    /** Float: float rounding of the inputs' images plus a few float ulps. */
    private static final double FLOAT_TOL = 1e-6;
    private static final int ROWS = 301;
    private static final int COLS = 77;

    /** An activation defined by a form, declaring it or not. */
    private record Declared(ClosedForm form, boolean declare) implements Activation {
        @Override
        public double value(double x) {
            return form.value(x);
        }

        @Override
        public double derivative(double x) {
            return form.derivative(x);
        }

        @Override
        public double secondDerivative(double x) {
            return 0;
        }

        @Override
        public ActivationProperties properties() {
            return new ActivationProperties(false, false, 0, 1, 1, false, false);
        }

        @Override
        public Optional<ClosedForm> closedForm() {
            return declare ? Optional.of(form) : Optional.empty();
        }
    }

    static Stream<Arguments> forms() {
        List<Arguments> args = new ArrayList<>();
        ClosedForm[] forms = {new ClosedForm.Softplus(), new ClosedForm.Sigmoid(), new ClosedForm.Tanh(),
            new ClosedForm.Relu(0), new ClosedForm.Relu(0.5), new ClosedForm.LeakyRelu(0.2),
            new ClosedForm.LeakyRelu(1), new ClosedForm.Identity()};
        for (Precision p : Precision.values()) {
            for (ClosedForm f : forms) {
                args.add(Arguments.of(p, f));
            }
        }
        return args.stream();
    }

    private static HostMatrix inputs(Rng rng, Precision p) {
        HostMatrix x = new HostMatrix(ROWS, COLS);
        double[] d = x.data();
        for (int i = 0; i < d.length; i++) {
            double u = rng.nextDouble(-1, 1);
            d[i] = i % 3 == 0 ? 40 * u : i % 3 == 1 ? 4 * u : 1e-3 * u;
        }
        double[] special = {0, -0.0, Double.MIN_VALUE, -1e-300, 1e-9, 700, -700, 1e4, -1e4,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (int s = 0; s < special.length; s++) {
            d[s * 1931 % d.length] = special[s];
            d[d.length - 1 - s] = special[s]; // also in the scalar tail
        }
        if (p == Precision.FLOAT) {
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) d[i];
            }
        }
        return x;
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("forms")
    void vectorKernelsMatchTheReferenceFormulas(Precision precision, ClosedForm form) {
        Rng rng = Rng.of(31).stream(form + " " + precision);
        double tol = precision == Precision.DOUBLE ? DOUBLE_TOL : FLOAT_TOL;
        Activation sigma = new Declared(form, true);
        assertThat(VectorActivations.usable(sigma)).contains(form);
        try (Backend be = new VectorBackend(precision, 3)) {
            HostMatrix x = inputs(rng, precision);
            HostMatrix value = map(x, form::value, precision);
            HostMatrix deriv = map(x, form::derivative, precision);
            Matrix in = be.upload(x);
            Matrix v = be.zeros(ROWS, COLS);
            Matrix d = be.zeros(ROWS, COLS);
            be.activation(sigma, in, v, d);
            check(be.download(v), value, tol, form + " value (fused)");
            check(be.download(d), deriv, tol, form + " derivative (fused)");
            Matrix v2 = be.zeros(ROWS, COLS);
            be.activation(sigma, in, v2, null);
            check(be.download(v2), value, tol, form + " value alone");
            Matrix d2 = be.zeros(ROWS, COLS);
            be.activation(sigma, in, null, d2);
            check(be.download(d2), deriv, tol, form + " derivative alone");
            Matrix inPlace = be.upload(x);
            Matrix d3 = be.zeros(ROWS, COLS);
            be.activation(sigma, inPlace, inPlace, d3);
            check(be.download(inPlace), value, tol, form + " value in place");
            check(be.download(d3), deriv, tol, form + " derivative with value in place");
        }
    }

    @Test
    void aFormThatDisagreesWithTheScalarMethodsIsNotUsed() {
        Activation liar = new Activation() {
            @Override
            public double value(double x) {
                return Math.tanh(x);
            }

            @Override
            public double derivative(double x) {
                double t = Math.tanh(x);
                return 1 - t * t;
            }

            @Override
            public double secondDerivative(double x) {
                return 0;
            }

            @Override
            public ActivationProperties properties() {
                return new ActivationProperties(true, true, 0, 1, 1, true, false);
            }

            @Override
            public Optional<ClosedForm> closedForm() {
                return Optional.of(new ClosedForm.Softplus());
            }
        };
        assertThat(VectorActivations.usable(liar)).isEmpty();
        assertThat(VectorActivations.usable(new Declared(new ClosedForm.Tanh(), false))).isEmpty();
        try (Backend be = new VectorBackend(Precision.DOUBLE, 2)) {
            HostMatrix x = inputs(Rng.of(32), Precision.DOUBLE);
            Matrix v = be.zeros(ROWS, COLS);
            be.activation(liar, be.upload(x), v, null);
            check(be.download(v), map(x, Math::tanh, Precision.DOUBLE), 0, "the activation's own values");
        }
    }

    private static HostMatrix map(HostMatrix x, java.util.function.DoubleUnaryOperator f, Precision p) {
        HostMatrix r = new HostMatrix(x.rows(), x.cols());
        for (int i = 0; i < r.data().length; i++) {
            double y = f.applyAsDouble(x.data()[i]);
            r.data()[i] = p == Precision.FLOAT ? (float) y : y;
        }
        return r;
    }

    private static void check(HostMatrix got, HostMatrix want, double tol, String what) {
        for (int i = 0; i < want.data().length; i++) {
            double g = got.data()[i];
            double w = want.data()[i];
            if (Double.isNaN(w)) {
                assertThat(g).as("%s at %d", what, i).isNaN();
            } else if (Double.isInfinite(w)) {
                assertThat(g).as("%s at %d", what, i).isEqualTo(w);
            } else {
                assertThat(Math.abs(g - w)).as("%s at %d: got %s, want %s", what, i, g, w)
                        .isLessThanOrEqualTo(tol * Math.max(1, Math.abs(w)));
            }
        }
    }
}
