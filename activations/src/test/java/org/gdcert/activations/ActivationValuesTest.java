package org.gdcert.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.junit.jupiter.api.Test;

/** Values and constants of the non-smoothrelu activations against independent references. */
class ActivationValuesTest {

    /** Tolerance: absolute, for a value of order 1e-25. */
    private static final double TAIL_ABS = 1e-38;
    /** Tolerance: rounding of values below 1 (an ulp or two). */
    private static final double ROUNDING = 1e-16;
    /** Tolerance: one ulp of values near 1. */
    private static final double ROUNDING_2 = 2e-16;
    /** Tolerance: two ulps of values near 1. */
    private static final double ROUNDING_4 = 4e-16;
    /** Tolerance: a few ulps of values of order 1. */
    private static final double FEW_ULPS = 1e-15;
    /** Tolerance: sums of many terms of order 1. */
    private static final double SUMS = 1e-14;
    /** Tolerance: derived quantities that lose a few digits (ratios, square roots of Gram eigenvalues). */
    private static final double LOOSE = 1e-12;
    /** Tolerance: constants printed with 12 significant digits. */
    private static final double SPEC_12_DIGITS = 1e-11;
    /** Tolerance: constants printed with 10 significant digits. */
    private static final double SPEC_10_DIGITS = 1e-10;
    /** Tolerance: constants printed with 7 significant digits. */
    private static final double SPEC_7_DIGITS = 1e-7;

    /** Ulp-level agreement with java.lang.Math / StrictMath (fdlibm, ≤ 1 ulp). */
    private static final double ULPS = 4;
    /** The specs print constants with 10–12 significant digits. */
    private static final double SPEC_CONSTANT_TOL = 1e-11;

    private static void withinUlps(double actual, double expected, double ulps, String what) {
        assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(ulps * Math.ulp(expected));
    }

    @Test
    void tanhAgreesWithMathTanhAndSechSquaredIsAccurateInTheTails() {
        Activation t = new Tanh();
        for (double x = -25; x <= 25; x += 0.00731) {
            withinUlps(t.value(x), Math.tanh(x), ULPS, "tanh(" + x + ")");
            double cosh = Math.cosh(x);
            withinUlps(t.derivative(x), 1 / (cosh * cosh), 8, "sech^2(" + x + ")");
        }
        for (double x : new double[] {1e-300, 1e-17, 1e-9, 1e-5, 0.3, 0.5499, 0.55, 0.5501}) {
            withinUlps(t.value(x), Math.tanh(x), ULPS, "tanh(" + x + ")");
            withinUlps(t.value(-x), -Math.tanh(x), ULPS, "tanh(" + -x + ")");
        }
        assertThat(t.derivative(30)).isGreaterThan(0).isCloseTo(4 * Math.exp(-60), offset(TAIL_ABS));
    }

    @Test
    void sigmoidAndSoftplusAgreeWithDirectFormulasAndStayAccurateInTheTails() {
        Activation sg = new Sigmoid();
        Activation sp = new Softplus();
        for (double x = -30; x <= 30; x += 0.0123) {
            withinUlps(sg.value(x), 1 / (1 + Math.exp(-x)), ULPS, "sigmoid(" + x + ")");
            withinUlps(sp.value(x), x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)), ULPS,
                    "softplus(" + x + ")");
            withinUlps(sp.derivative(x), sg.value(x), 0, "softplus' = sigmoid");
            double s = sg.value(x);
            assertThat(sg.derivative(x)).isCloseTo(s * (1 - s), offset(ROUNDING_2));
            assertThat(sp.secondDerivative(x)).isEqualTo(sg.derivative(x));
        }
        // lower tails: relative accuracy where 1/(1+e^-x) and log(1+e^x) would underflow or round to 0
        withinUlps(sg.value(-700), Math.exp(-700), ULPS, "sigmoid(-700)");
        withinUlps(sp.value(-700), Math.exp(-700), ULPS, "softplus(-700)");
        withinUlps(sp.value(-40), Math.exp(-40), ULPS, "softplus(-40)");
        assertThat(sp.value(1000)).isEqualTo(1000.0);
        assertThat(sp.value(0)).isCloseTo(Math.log(2), offset(ROUNDING));
        assertThat(sg.value(1000)).isEqualTo(1.0);
    }

    @Test
    void geluAndErf() {
        Activation g = new Gelu();
        Activation e = new Erf();
        assertThat(g.value(1.0)).isCloseTo(0.8413447460685429, offset(ROUNDING_2));
        assertThat(g.value(-1.0)).isCloseTo(-0.15865525393145705, offset(ROUNDING));
        assertThat(g.value(-40)).isZero();
        assertThat(g.value(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(g.derivative(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(g.derivative(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(e.value(0.5)).isCloseTo(0.5204998778130465, offset(ROUNDING));
        assertThat(e.derivative(1.0)).isCloseTo(2 / Math.sqrt(Math.PI) * Math.exp(-1), offset(ROUNDING));
        // σ'(x) + σ'(−x) = 1 for GELU
        for (double x = 0; x < 6; x += 0.1) {
            assertThat(g.derivative(x) + g.derivative(-x)).isCloseTo(1.0, offset(ROUNDING_4));
        }
    }

    @Test
    void declaredConstantsMatchTheSpecTables() {
        // certificates-song.md §3.6 and certificates-du.md §2.1
        ActivationProperties gelu = new Gelu().properties();
        assertThat(gelu.derivativeMax()).isCloseTo(1.128904145185, offset(SPEC_CONSTANT_TOL));
        assertThat(gelu.derivativeMin()).isCloseTo(-0.128904145185, offset(SPEC_CONSTANT_TOL));
        assertThat(gelu.derivativeLipschitz()).isCloseTo(0.797884560803, offset(SPEC_CONSTANT_TOL));
        assertThat(gelu.derivativeLipschitz()).isCloseTo(Math.sqrt(2 / Math.PI), offset(ROUNDING));
        assertThat(new Tanh().properties().derivativeLipschitz()).isCloseTo(0.769800358919, offset(SPEC_CONSTANT_TOL));
        assertThat(new Sigmoid().properties().derivativeLipschitz()).isCloseTo(0.0962250449, offset(SPEC_10_DIGITS));
        assertThat(new Softplus().properties().derivativeLipschitz()).isEqualTo(0.25);
        assertThat(new Erf().properties().derivativeLipschitz()).isCloseTo(0.9678829, offset(SPEC_7_DIGITS));
        assertThat(new Erf().properties().derivativeMax()).isCloseTo(1.1283792, offset(SPEC_7_DIGITS));
        // the sup of |σ''| is attained where the spec says
        assertThat(Math.abs(new Tanh().secondDerivative(0.5 * Math.log(2 + Math.sqrt(3)))))
                .isCloseTo(Tanh.SECOND_DERIVATIVE_MAX, offset(FEW_ULPS));
        assertThat(Math.abs(new Sigmoid().secondDerivative(Math.log(2 + Math.sqrt(3)))))
                .isCloseTo(Sigmoid.SECOND_DERIVATIVE_MAX, offset(ROUNDING));
        assertThat(Math.abs(new Erf().secondDerivative(Math.sqrt(0.5))))
                .isCloseTo(Erf.SECOND_DERIVATIVE_MAX, offset(FEW_ULPS));
        assertThat(new Gelu().derivative(Math.sqrt(2))).isCloseTo(Gelu.DERIVATIVE_MAX, offset(ROUNDING));
    }

    @Test
    void secondMomentsMatchTheNormalisingConstantsOfDu() {
        // c_σ = 1/E[σ(z)²], certificates-du.md §2.1 (12 significant digits)
        double[][] table = {{1.08548650299}, {3.40855984162}, {2.53617543322}, {2.15257886061}, {2.35171561407},
            {2.0}};
        Activation[] acts = {new Softplus(), new Sigmoid(), new Tanh(), new Erf(), new Gelu(), new Relu(0)};
        for (int i = 0; i < acts.length; i++) {
            Activation a = acts[i];
            double m2 = Quadrature.gaussian(z -> a.value(z) * a.value(z), 1e-15, 0.0);
            assertThat(1 / m2).as("c_sigma of %s", a).isCloseTo(table[i][0], offset(1e-11 * table[i][0]));
        }
        // E[GELU(g)²] = 1/3 + 1/(2√3π) (certificates-song.md §3.6)
        Activation g = new Gelu();
        assertThat(Quadrature.gaussian(z -> g.value(z) * g.value(z), 1e-15, 0.0))
                .isCloseTo(1.0 / 3 + 1 / (2 * Math.sqrt(3) * Math.PI), offset(SUMS));
    }

    @Test
    void reluKernelReferenceValues() {
        Activation r = new Relu(0);
        // certificates-nguyen.md §3.1
        assertThat(r.gaussianPairExpectation(1, 1, 1).orElseThrow()).isCloseTo(0.5, offset(FEW_ULPS));
        assertThat(r.gaussianPairExpectation(1, 1, 0).orElseThrow()).isCloseTo(0.159154943091895, offset(FEW_ULPS));
        assertThat(r.gaussianPairExpectation(1, 1, 0.3).orElseThrow()).isCloseTo(0.241372141917744, offset(FEW_ULPS));
        assertThat(r.gaussianPairExpectation(1, 1, -0.9).orElseThrow())
                .isCloseTo(0.00476919942233604, offset(ROUNDING));
        // certificates-du.md §3.1.4 / T3: Ė = (π − θ)/(2π); at ρ = 1/2 it is 1/3
        assertThat(r.gaussianPairDerivativeExpectation(1, 1, 0.5).orElseThrow()).isCloseTo(1.0 / 3, offset(ROUNDING));
        // erf closed forms (T2b: K_ii = c_σ (4/π)/√5 with c_σ = π/(2 asin(2/3)))
        Activation e = new Erf();
        double cSigma = Math.PI / (2 * Math.asin(2.0 / 3));
        assertThat(cSigma * e.gaussianPairDerivativeExpectation(1, 1, 1).orElseThrow())
                .isCloseTo(1.225700003786, offset(LOOSE));
        assertThat(1 / e.gaussianPairExpectation(1, 1, 1).orElseThrow()).isCloseTo(2.15257886061, offset(SPEC_12_DIGITS));
    }

    @Test
    void fastMathHelpersAgreeWithTheLibrary() {
        for (double u = 1e-300; u < 1; u *= 1.37) {
            withinUlps(FastMath.log1p(u), Math.log1p(u), 3, "log1p(" + u + ")");
            withinUlps(FastMath.expm1(-u), Math.expm1(-u), 3, "expm1(" + -u + ")");
            withinUlps(FastMath.expm1(u), Math.expm1(u), 3, "expm1(" + u + ")");
        }
        for (double u = -0.5; u <= 0; u += 0.001) {
            withinUlps(FastMath.expm1Small(u), Math.expm1(u), 3, "expm1Small(" + u + ")");
        }
        assertThat(FastMath.expm1(-800)).isEqualTo(-1.0);
        assertThat(FastMath.expm1(800)).isInfinite();
        assertThat(FastMath.expm1(Double.NaN)).isNaN();
    }
}
