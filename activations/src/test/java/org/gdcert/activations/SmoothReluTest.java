package org.gdcert.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** smoothrelu against certificates-nguyen.md §1.2, §3.1 and §4 (A1–A7, K1) and against eq. (2) itself. */
class SmoothReluTest {

    /** Tolerance: rounding of values around 0.05. */
    private static final double ROUNDING_TINY = 1e-17;
    /** Tolerance: rounding of values below 1 (an ulp or two). */
    private static final double ROUNDING = 1e-16;
    /** Tolerance: a few ulps of values of order 1. */
    private static final double FEW_ULPS = 1e-15;
    /** Tolerance: quadrature and series of order-1 quantities. */
    private static final double QUADRATURE = 1e-13;
    /** Tolerance: constants printed with 7 significant digits. */
    private static final double SPEC_7_DIGITS = 1e-7;

    /** The spec's tables print 15 significant digits. */
    private static final double TABLE_REL_TOL = 2e-14;
    /** Closed form against adaptive quadrature of the integral in eq. (2), relative to max(1, |x|). */
    private static final double INTEGRAL_TOL = 1e-13;
    /** Spec Gram entries (15 digits), absolute. */
    private static final double GRAM_TOL = 1e-14;

    private static final SmoothRelu HALF_ONE = new SmoothRelu(0.5, 1.0);
    private static final SmoothRelu TENTH_FIVE = new SmoothRelu(0.1, 5.0);

    private static void near(double actual, double expected, double relTol, String what) {
        assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(relTol * Math.abs(expected) + 1e-300);
    }

    @Test
    void referenceTableOfTheSpec() {
        // γ=0.5, β=1 (reference_values.py): {x, σ, σ', σ'', tolerance of σ''}
        assertThat(HALF_ONE.kernelStd()).isCloseTo(0.199471140200716, offset(FEW_ULPS));
        double[][] t = {
            {-2.0, -1.03978873577297, 0.5, 1.4790346159618e-22, 1e-12},
            {-0.5, -0.289592918870562, 0.503047220546201, 0.0432139182637723, TABLE_REL_TOL},
            {0.0, 0.0, 0.75, 1.0, TABLE_REL_TOL},
            {0.1, 0.0798978542148042, 0.845964511814927, 0.881911378298176, TABLE_REL_TOL},
            {1.0, 0.960211269192804, 0.999999866208835, 3.487342356209e-06, 1e-12},
            {3.0, 2.96021126422703, 1.0, 7.6287e-50, 1e-4},
        };
        for (double[] row : t) {
            near(HALF_ONE.value(row[0]), row[1], TABLE_REL_TOL, "sigma(" + row[0] + ")");
            near(HALF_ONE.derivative(row[0]), row[2], TABLE_REL_TOL, "sigma'(" + row[0] + ")");
            near(HALF_ONE.secondDerivative(row[0]), row[3], row[4], "sigma''(" + row[0] + ")");
        }
        assertThat(HALF_ONE.leakyGap()).isCloseTo(0.0397887357729738, offset(ROUNDING));
        // γ=0.1, β=5
        assertThat(TENTH_FIVE.kernelStd()).isCloseTo(0.0718096104722579, offset(ROUNDING));
        double[][] u = {{-2.0, -0.225783100780887}, {-0.5, -0.0757831007808722}, {0.1, 0.0766257517101085},
            {1.0, 0.974216899219113}, {3.0, 2.97421689921911}};
        for (double[] row : u) {
            near(TENTH_FIVE.value(row[0]), row[1], TABLE_REL_TOL, "sigma(" + row[0] + ")");
        }
        assertThat(TENTH_FIVE.derivative(0)).isEqualTo(0.55);
        assertThat(TENTH_FIVE.secondDerivative(0)).isEqualTo(5.0);
    }

    @Test
    void zeroAtZeroExactlyAndDerivativeAtZeroIsTheMidpoint() {
        double[][] params = {{0.5, 1}, {0.1, 1}, {0.9, 5}, {0.25, 0.3}, {0.5, 100}, {0, 2}};
        for (double[] p : params) {
            SmoothRelu s = new SmoothRelu(p[0], p[1]);
            assertThat(s.value(0.0)).isEqualTo(0.0);
            assertThat(s.value(-0.0)).isZero();
            assertThat(s.derivative(0.0)).isCloseTo((1 + p[0]) / 2, offset(ROUNDING));
            assertThat(s.secondDerivative(0.0)).isEqualTo(p[1]);
        }
    }

    @Test
    void assumption22OnADenseGrid() {
        for (double[] p : new double[][] {{0.5, 1}, {0.1, 5}, {0.9, 20}}) {
            SmoothRelu s = new SmoothRelu(p[0], p[1]);
            double gamma = p[0];
            double beta = p[1];
            double maxSecond = 0;
            double argMax = Double.NaN;
            double step = s.kernelStd() * 1e-3;
            for (int k = -60_000; k <= 60_000; k++) {
                double x = k * step;
                double d = s.derivative(x);
                assertThat(d).isBetween(gamma, 1.0);
                double v = s.value(x);
                assertThat(Math.abs(v)).isLessThanOrEqualTo(Math.abs(x) * (1 + 4.5e-16));
                assertThat(Math.abs(v)).isGreaterThanOrEqualTo(gamma * Math.abs(x) * (1 - 4.5e-16));
                assertThat(Math.signum(v)).isEqualTo(Math.signum(x));
                double sec = s.secondDerivative(x);
                if (sec > maxSecond) {
                    maxSecond = sec;
                    argMax = x;
                }
            }
            assertThat(maxSecond).isEqualTo(beta);
            assertThat(argMax).isEqualTo(0.0);
        }
    }

    @Test
    void distanceToLeakyReluIsBelowTheGapAndApproachesIt() {
        for (double[] p : new double[][] {{0.5, 1}, {0.1, 5}, {0.9, 20}, {0.3, 1e6}}) {
            SmoothRelu s = new SmoothRelu(p[0], p[1]);
            double gap = s.leakyGap();
            assertThat(gap).isCloseTo((1 - p[0]) * (1 - p[0]) / (2 * Math.PI * p[1]), offset(ROUNDING_TINY));
            for (double x = -40 * s.kernelStd(); x <= 40 * s.kernelStd(); x += 0.01 * s.kernelStd()) {
                double leaky = Math.max(p[0] * x, x);
                double diff = leaky - s.value(x);
                assertThat(diff).as("leaky - sigma at %s", x).isLessThanOrEqualTo(gap * (1 + 1e-12));
                if (Math.abs(x) > 1e-9) {
                    assertThat(diff).isPositive();
                }
            }
            // approached as |x| → ∞ (both asymptotes x − gap and γx − gap)
            for (double x : new double[] {30 * s.kernelStd(), -30 * s.kernelStd(), 1e6, -1e6}) {
                double leaky = Math.max(p[0] * x, x);
                assertThat(leaky - s.value(x)).isCloseTo(gap, offset(1e-12 * Math.max(1, Math.abs(x))));
            }
        }
    }

    /** Eq. (2) evaluated by quadrature: −(1−γ)²/(2πβ) + (β/(1−γ)) ∫ k(u)·exp(−πβ²(x−u)²/(1−γ)²) du. */
    private static double integralForm(double x, double gamma, double beta, boolean literal) {
        double s = (1 - gamma) / (beta * Math.sqrt(2 * Math.PI));
        double c = Math.PI * beta * beta / ((1 - gamma) * (1 - gamma));
        double kink = literal ? x / gamma : 0.0;
        double integral = Quadrature.integrate(u -> {
            double inner = literal ? Math.max(gamma * u, x) : Math.max(gamma * u, u);
            return inner * Math.exp(-c * (x - u) * (x - u));
        }, x - 14 * s, x + 14 * s, 1e-16 * Math.max(1, Math.abs(x)), kink);
        return -(1 - gamma) * (1 - gamma) / (2 * Math.PI * beta) + beta / (1 - gamma) * integral;
    }

    @Test
    void closedFormEqualsDirectIntegrationOfEquation2WithTheCorrectedKernel() {
        double[][] params = {{0.5, 1.0}, {0.1, 1.0}, {0.9, 5.0}, {0.25, 0.3}, {0.5, 100.0}};
        double[] xs = {-3.0, -0.7, -0.05, 0.0, 0.03, 0.4, 2.5};
        for (double[] p : params) {
            SmoothRelu s = new SmoothRelu(p[0], p[1]);
            for (double x : xs) {
                double quad = integralForm(x, p[0], p[1], false);
                assertThat(s.value(x)).as("gamma=%s beta=%s x=%s", p[0], p[1], x)
                        .isCloseTo(quad, offset(INTEGRAL_TOL * Math.max(1, Math.abs(x))));
            }
        }
    }

    @Test
    void theLiteralTypoKernelWouldViolateSigmaZero() {
        // T0.1: with max(γu, x) the integral gives σ(0) = (1−γ)(2γ−1)/(2πβ) ≠ 0 (A6)
        double[][] params = {{0.1, 1.0}, {0.9, 5.0}, {0.25, 0.3}};
        for (double[] p : params) {
            double predicted = (1 - p[0]) * (2 * p[0] - 1) / (2 * Math.PI * p[1]);
            assertThat(integralForm(0.0, p[0], p[1], true)).isCloseTo(predicted, offset(QUADRATURE));
            assertThat(predicted).isNotZero();
        }
        assertThat(integralForm(0.0, 0.1, 1.0, true)).isCloseTo(-0.1145916, offset(SPEC_7_DIGITS));
    }

    @Test
    void gramEntriesOfTheSpec() {
        // certificates-nguyen.md §3.1, γ=0.5, β=1, v_w = 1
        assertThat(HALF_ONE.gaussianPairExpectation(1, 1, 0.3).orElseThrow())
                .isCloseTo(0.197253135656182, offset(GRAM_TOL));
        assertThat(HALF_ONE.gaussianPairExpectation(1, 1, -0.9).orElseThrow())
                .isCloseTo(-0.462667028099438, offset(GRAM_TOL));
        assertThat(HALF_ONE.gaussianPairExpectation(2, 0.5, 0.4).orElseThrow())
                .isCloseTo(0.25423947230791, offset(GRAM_TOL));
        assertThat(HALF_ONE.gaussianPairExpectation(0.3, 1.7, -0.1).orElseThrow())
                .isCloseTo(-0.0389104011969458, offset(GRAM_TOL));
        assertThat(HALF_ONE.gaussianPairExpectation(1, 1, 1).orElseThrow())
                .isCloseTo(0.610689564385076, offset(GRAM_TOL));
        assertThat(TENTH_FIVE.gaussianPairExpectation(1, 1, 1).orElseThrow())
                .isCloseTo(0.487147251249007, offset(GRAM_TOL));
    }

    @Test
    void hermiteCoefficientsByQuadrature() {
        // μ_r = E[σ(g) h_r(g)], h_r orthonormal Hermite (§1.2): μ_0, μ_1 = (1+γ)/2, μ_2, μ_3 = 0, μ_4
        double mu0 = Quadrature.gaussian(HALF_ONE::value, 1e-15, 0.0);
        double mu1 = Quadrature.gaussian(z -> HALF_ONE.value(z) * z, 1e-15, 0.0);
        double mu2 = Quadrature.gaussian(z -> HALF_ONE.value(z) * (z * z - 1) / Math.sqrt(2), 1e-15, 0.0);
        double mu3 = Quadrature.gaussian(z -> HALF_ONE.value(z) * (z * z * z - 3 * z) / Math.sqrt(6), 1e-15, 0.0);
        double mu4 = Quadrature.gaussian(z -> HALF_ONE.value(z) * (z * z * z * z - 6 * z * z + 3) / Math.sqrt(24),
                1e-15, 0.0);
        assertThat(mu0).isCloseTo(0.163612049051926, offset(QUADRATURE));
        assertThat(mu1).isCloseTo(0.75, offset(QUADRATURE));
        assertThat(mu2).isCloseTo(0.138322400791766, offset(QUADRATURE));
        assertThat(mu3).isCloseTo(0.0, offset(QUADRATURE));
        assertThat(mu4).isCloseTo(-0.0384022602787255, offset(QUADRATURE));
    }

    @Test
    void extremeArgumentsStayFinite() {
        assertThat(HALF_ONE.value(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(HALF_ONE.value(Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(new SmoothRelu(0, 1).value(Double.NEGATIVE_INFINITY)).isCloseTo(-1 / (2 * Math.PI),
                offset(ROUNDING));
        assertThat(HALF_ONE.value(Double.NaN)).isNaN();
        assertThat(HALF_ONE.derivative(-1e300)).isEqualTo(0.5);
        assertThat(HALF_ONE.value(-1e300)).isEqualTo(-0.5e300);
    }
}
