package org.gdcert.activations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Stream;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every activation of this module meets, checked on every fixture of {@link Fixtures}. */
class ActivationContractTest {

    /** Central-difference step for derivative checks. */
    private static final double FD_STEP = 1e-6;
    /** Tolerance of σ' against central differences of σ (truncation ~h²σ''' + rounding ~ε|σ|/h). */
    private static final double FD_TOL_FIRST = 1e-7;
    /** Relative tolerance of σ'' against central differences of σ' (σ'''' of smoothrelu β=20 is ~6e4). */
    private static final double FD_TOL_SECOND = 2e-6;
    /** Relative slack for |σ(x)| ≤ |x| (a couple of ulps of rounding). */
    private static final double CONTRACTIVE_SLACK = 4.5e-16;
    /** Absolute slack for declared derivative bounds. */
    private static final double BOUND_SLACK = 1e-15;
    /** How close the grid must come to a declared sup or inf ("attained approximately"). */
    private static final double ATTAINED_TOL = 1e-6;
    /** Closed-form Gaussian expectations against nested adaptive quadrature. */
    private static final double PAIR_TOL = 1e-10;
    /** Price's identity ∂E[σσ]/∂c = E[σ'σ'] by central differences in c. */
    private static final double PRICE_TOL = 1e-7;

    static Stream<Fixtures.Case> cases() {
        return Fixtures.all().stream();
    }

    static Stream<Fixtures.Case> pairCases() {
        return Fixtures.withPairExpectation().stream();
    }

    /** A grid on [−30, 30]: step 1e-4 on [−5, 5] (0 and the extremes of σ' and σ'' are hit closely), 1e-2 beyond. */
    private static double[] denseGrid() {
        int inner = 50_000;
        int outer = 2_500;
        double[] g = new double[2 * inner + 1 + 2 * outer];
        int k = 0;
        for (int i = -inner; i <= inner; i++) {
            g[k++] = i * 1e-4;
        }
        for (int i = 1; i <= outer; i++) {
            g[k++] = 5 + i * 0.01;
            g[k++] = -5 - i * 0.01;
        }
        return g;
    }

    private static boolean isKinked(Activation a) {
        return !a.properties().smooth();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivativeMatchesCentralDifferencesOfValue(Fixtures.Case c) {
        Activation a = c.activation();
        for (double x = -6; x <= 6; x += 0.0137) {
            if (isKinked(a) && Math.abs(x) < 10 * FD_STEP) {
                continue;
            }
            double fd = (a.value(x + FD_STEP) - a.value(x - FD_STEP)) / (2 * FD_STEP);
            assertThat(Math.abs(fd - a.derivative(x))).as("%s: sigma'(%s)", c, x).isLessThanOrEqualTo(FD_TOL_FIRST);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondDerivativeMatchesCentralDifferencesOfDerivative(Fixtures.Case c) {
        Activation a = c.activation();
        for (double x = -6; x <= 6; x += 0.0137) {
            if (isKinked(a) && Math.abs(x) < 10 * FD_STEP) {
                continue;
            }
            double fd = (a.derivative(x + FD_STEP) - a.derivative(x - FD_STEP)) / (2 * FD_STEP);
            double second = a.secondDerivative(x);
            assertThat(Math.abs(fd - second)).as("%s: sigma''(%s)", c, x)
                    .isLessThanOrEqualTo(FD_TOL_SECOND * Math.max(1.0, Math.abs(second)));
        }
    }

    private static double[] inputs(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] special = {0.0, -0.0, 1e-300, -1e-300, 1e-9, -1e-9, 0.5, -0.5, 40, -40, 1000, -1000,
            Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (int i = 0; i < n; i++) {
            x[i] = i < special.length ? special[i] : r.nextGaussian() * (i % 3 == 0 ? 10 : 1.5);
        }
        return x;
    }

    private static boolean sameBits(double a, double b) {
        return Double.isNaN(a) ? Double.isNaN(b) : Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bulkKernelsGiveExactlyTheScalarValues(Fixtures.Case c) {
        Activation a = c.activation();
        int n = 1000;
        double[] x = inputs(n, 7);
        double[] in = new double[n + 3];
        System.arraycopy(x, 0, in, 2, n);
        double[] v = new double[n + 1];
        double[] d = new double[n + 1];
        double[] v2 = new double[n + 1];
        double[] d2 = new double[n + 1];
        a.apply(in, 2, v, 1, n);
        a.applyDerivative(in, 2, d, 1, n);
        a.applyWithDerivative(in, 2, v2, d2, 1, n);
        double[] alias = in.clone();
        double[] d3 = new double[n + 3];
        a.applyWithDerivative(alias, 2, alias, d3, 2, n); // value aliases the input
        for (int i = 0; i < n; i++) {
            double val = a.value(x[i]);
            double der = a.derivative(x[i]);
            assertThat(sameBits(v[i + 1], val)).as("%s apply(%s): %s vs %s", c, x[i], v[i + 1], val).isTrue();
            assertThat(sameBits(v2[i + 1], val)).as("%s applyWithDerivative value(%s)", c, x[i]).isTrue();
            assertThat(sameBits(alias[i + 2], val)).as("%s aliased value(%s)", c, x[i]).isTrue();
            assertThat(sameBits(d[i + 1], der)).as("%s applyDerivative(%s): %s vs %s", c, x[i], d[i + 1], der)
                    .isTrue();
            assertThat(sameBits(d2[i + 1], der)).as("%s applyWithDerivative deriv(%s)", c, x[i]).isTrue();
            assertThat(sameBits(d3[i + 2], der)).as("%s aliased deriv(%s)", c, x[i]).isTrue();
        }
        assertThat(v[0]).isZero();
        assertThat(d[0]).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void floatKernelsAreTheDoubleValuesRounded(Fixtures.Case c) {
        Activation a = c.activation();
        int n = 1000;
        double[] xd = inputs(n, 11);
        float[] in = new float[n + 1];
        for (int i = 0; i < n; i++) {
            in[i + 1] = (float) xd[i];
        }
        float[] v = new float[n];
        float[] d = new float[n];
        float[] v2 = new float[n];
        float[] d2 = new float[n];
        a.apply(in, 1, v, 0, n);
        a.applyDerivative(in, 1, d, 0, n);
        a.applyWithDerivative(in, 1, v2, d2, 0, n);
        for (int i = 0; i < n; i++) {
            double x = in[i + 1];
            float val = (float) a.value(x);
            float der = (float) a.derivative(x);
            assertThat(sameBits(v[i], val)).as("%s float apply(%s): %s vs %s", c, x, v[i], val).isTrue();
            assertThat(sameBits(v2[i], val)).as("%s float applyWithDerivative value(%s)", c, x).isTrue();
            assertThat(sameBits(d[i], der)).as("%s float applyDerivative(%s): %s vs %s", c, x, d[i], der).isTrue();
            assertThat(sameBits(d2[i], der)).as("%s float applyWithDerivative deriv(%s)", c, x).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void declaredPropertiesHoldOnADenseGridAndAreAttained(Fixtures.Case c) {
        Activation a = c.activation();
        ActivationProperties p = a.properties();
        if (p.zeroAtZero()) {
            assertThat(a.value(0.0)).as("%s sigma(0)", c).isEqualTo(0.0);
        } else {
            assertThat(a.value(0.0)).as("%s sigma(0)", c).isNotEqualTo(0.0);
        }
        double dMin = Double.POSITIVE_INFINITY;
        double dMax = Double.NEGATIVE_INFINITY;
        double secondSup = 0;
        boolean expands = false;
        for (double x : denseGrid()) {
            double v = a.value(x);
            double d = a.derivative(x);
            if (p.contractive()) {
                assertThat(Math.abs(v)).as("%s |sigma(%s)| <= |x|", c, x)
                        .isLessThanOrEqualTo(Math.abs(x) * (1 + CONTRACTIVE_SLACK));
            } else if (Math.abs(v) > Math.abs(x) * (1 + 1e-9)) {
                expands = true;
            }
            assertThat(d).as("%s sigma'(%s)", c, x).isBetween(p.derivativeMin() - BOUND_SLACK,
                    p.derivativeMax() + BOUND_SLACK);
            dMin = Math.min(dMin, d);
            dMax = Math.max(dMax, d);
            secondSup = Math.max(secondSup, Math.abs(a.secondDerivative(x)));
        }
        if (!p.contractive()) {
            assertThat(expands).as("%s declared not contractive but |sigma(x)| <= |x| on the grid", c).isTrue();
        }
        assertThat(dMin).as("%s inf sigma' attained", c).isLessThanOrEqualTo(p.derivativeMin() + ATTAINED_TOL);
        assertThat(dMax).as("%s sup sigma' attained", c).isGreaterThanOrEqualTo(p.derivativeMax() - ATTAINED_TOL);
        if (p.smooth()) {
            assertThat(secondSup).as("%s sup|sigma''| <= declared Lipschitz constant", c)
                    .isLessThanOrEqualTo(p.derivativeLipschitz() * (1 + 1e-13));
            assertThat(secondSup).as("%s sup|sigma''| attained", c)
                    .isGreaterThanOrEqualTo(p.derivativeLipschitz() * (1 - ATTAINED_TOL));
        } else {
            // σ' jumps at 0: not Lipschitz, as declared
            assertThat(p.derivativeLipschitz()).isInfinite();
            assertThat(a.derivative(1e-12) - a.derivative(-1e-12)).as("%s jump of sigma' at 0", c).isPositive();
        }
        if (p.piecewiseLinear()) {
            for (double x = -3; x <= 3; x += 0.37) {
                assertThat(a.secondDerivative(x)).isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairCases")
    void gaussianPairExpectationMatchesQuadrature(Fixtures.Case c) {
        Activation a = c.activation();
        List<double[]> covs = List.of(new double[] {1, 1, 0.3}, new double[] {1, 1, -0.9},
                new double[] {2, 0.5, 0.4}, new double[] {0.3, 1.7, -0.1}, new double[] {1, 1, 1},
                new double[] {0.04, 0.09, 0.0599});
        for (double[] q : covs) {
            double closed = a.gaussianPairExpectation(q[0], q[1], q[2]).orElseThrow();
            double quad = Quadrature.pair(a::value, a::value, q[0], q[1], q[2], 1e-10);
            assertThat(closed).as("%s E[s(u)s(v)] at %s", c, java.util.Arrays.toString(q))
                    .isCloseTo(quad, org.assertj.core.data.Offset.offset(PAIR_TOL));
            OptionalDouble der = a.gaussianPairDerivativeExpectation(q[0], q[1], q[2]);
            if (der.isPresent()) {
                double quadD = Quadrature.pair(a::derivative, a::derivative, q[0], q[1], q[2], 1e-10);
                assertThat(der.getAsDouble()).as("%s E[s'(u)s'(v)] at %s", c, java.util.Arrays.toString(q))
                        .isCloseTo(quadD, org.assertj.core.data.Offset.offset(PAIR_TOL));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairCases")
    void priceIdentityLinksTheTwoExpectations(Fixtures.Case c) {
        Activation a = c.activation();
        double h = 1e-5;
        for (double[] q : new double[][] {{1, 1, 0.3}, {2, 0.5, -0.4}, {0.3, 1.7, 0.05}}) {
            OptionalDouble der = a.gaussianPairDerivativeExpectation(q[0], q[1], q[2]);
            if (der.isEmpty()) {
                continue;
            }
            double up = a.gaussianPairExpectation(q[0], q[1], q[2] + h).orElseThrow();
            double down = a.gaussianPairExpectation(q[0], q[1], q[2] - h).orElseThrow();
            assertThat((up - down) / (2 * h)).as("%s dE/dc at %s", c, java.util.Arrays.toString(q))
                    .isCloseTo(der.getAsDouble(), org.assertj.core.data.Offset.offset(PRICE_TOL));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairCases")
    void degenerateCovariancesAreHandled(Fixtures.Case c) {
        Activation a = c.activation();
        // u ≡ 0: E[σ(0)σ(v)] = σ(0)·E[σ(v)]
        double ev = Quadrature.gaussian(z -> a.value(1.3 * z), 1e-13, 0.0);
        assertThat(a.gaussianPairExpectation(0, 1.69, 0).orElseThrow())
                .isCloseTo(a.value(0) * ev, org.assertj.core.data.Offset.offset(PAIR_TOL));
        OptionalDouble der = a.gaussianPairDerivativeExpectation(0, 1.69, 0);
        if (der.isPresent()) {
            double edv = Quadrature.gaussian(z -> a.derivative(1.3 * z), 1e-13, 0.0);
            assertThat(der.getAsDouble()).isCloseTo(a.derivative(0) * edv,
                    org.assertj.core.data.Offset.offset(PAIR_TOL));
        }
        // c rounded just past √(ab): clamped, equal to the diagonal value
        double diag = a.gaussianPairExpectation(2, 2, 2).orElseThrow();
        assertThat(a.gaussianPairExpectation(2, 2, 2 * (1 + 1e-15)).orElseThrow()).isEqualTo(diag);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.gaussianPairExpectation(-1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
