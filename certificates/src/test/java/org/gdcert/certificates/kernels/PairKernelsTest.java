package org.gdcert.certificates.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gdcert.certificates.testing.Acts;
import org.gdcert.core.random.Rng;
import org.junit.jupiter.api.Test;

/** Reference values of spec §3.1 (reference_values.py, 15 significant digits). */
class PairKernelsTest {
    private static final double PRINTED = 1e-14;

    @Test
    void reluKernelReferenceValues() {
        assertThat(PairKernels.k1(1, 1, 1)).isCloseTo(0.5, within(PRINTED));
        assertThat(PairKernels.k1(1, 1, 0)).isCloseTo(0.159154943091895, within(PRINTED));
        assertThat(PairKernels.k1(1, 1, 0.3)).isCloseTo(0.241372141917744, within(PRINTED));
        assertThat(PairKernels.k1(1, 1, -0.9)).isCloseTo(0.00476919942233604, within(PRINTED));
        assertThat(PairKernels.k1(2.0, 0.5, 0.4)).isCloseTo(0.272065890875891, within(PRINTED));
        assertThat(PairKernels.k1(0, 1, 0)).isZero();
    }

    @Test
    void smoothReluKernelReferenceValues() {
        assertThat(PairKernels.smoothRelu(1, 1, 0.3, 0.5, 1)).isCloseTo(0.197253135656182, within(PRINTED));
        assertThat(PairKernels.smoothRelu(1, 1, -0.9, 0.5, 1)).isCloseTo(-0.462667028099438, within(PRINTED));
        assertThat(PairKernels.smoothRelu(2.0, 0.5, 0.4, 0.5, 1)).isCloseTo(0.25423947230791, within(PRINTED));
        assertThat(PairKernels.smoothRelu(0.3, 1.7, -0.1, 0.5, 1)).isCloseTo(-0.0389104011969458, within(PRINTED));
        assertThat(PairKernels.smoothRelu(1, 1, 1, 0.5, 1)).isCloseTo(0.610689564385076, within(PRINTED));
        assertThat(PairKernels.smoothRelu(1, 1, 1, 0.1, 5)).isCloseTo(0.487147251249007, within(PRINTED));
        assertThat(PairKernels.smoothRelu(1, 1, 0.3, 0.1, 5)).isCloseTo(0.208248093008505, within(PRINTED));
        assertThat(PairKernels.smoothRelu(0.3, 1.7, -0.1, 0.1, 5)).isCloseTo(0.0471001550783002, within(PRINTED));
    }

    @Test
    void smoothReluValuesMatchTheReferenceTable() {
        // reference_values.py, γ = 0.5, β = 1 and γ = 0.1, β = 5
        assertThat(PairKernels.smoothReluValue(-0.5, 0.5, 1)).isCloseTo(-0.289592918870562, within(PRINTED));
        assertThat(PairKernels.smoothReluValue(0.1, 0.5, 1)).isCloseTo(0.0798978542148042, within(PRINTED));
        assertThat(PairKernels.smoothReluValue(1.0, 0.5, 1)).isCloseTo(0.960211269192804, within(PRINTED));
        assertThat(PairKernels.smoothReluValue(0, 0.5, 1)).isZero();
        assertThat(PairKernels.smoothReluValue(0.1, 0.1, 5)).isCloseTo(0.0766257517101085, within(PRINTED));
        assertThat(PairKernels.smoothReluValue(-2.0, 0.1, 5)).isCloseTo(-0.225783100780887, within(PRINTED));
        // the test activation (independent Φ) agrees
        var s = Acts.smoothRelu(0.5, 1).instance();
        assertThat(s.value(-0.5)).isCloseTo(-0.289592918870562, within(PRINTED));
        assertThat(s.derivative(-0.5)).isCloseTo(0.503047220546201, within(PRINTED));
        assertThat(s.secondDerivative(0.1)).isCloseTo(0.881911378298176, within(PRINTED));
    }

    @Test
    void leakyAndLinearSpecialCases() {
        // leaky = smooth relu at s -> 0 (β -> ∞)
        assertThat(PairKernels.leaky(1, 1, 0.3, 0.5)).isCloseTo(PairKernels.smoothRelu(1, 1, 0.3, 0.5, 1e9),
                within(1e-9));
        assertThat(PairKernels.leaky(1.3, 0.7, 0.2, 1)).isCloseTo(0.2, within(1e-15));
    }

    /** K2: closed form vs Monte Carlo within 5/√M. */
    @Test
    void closedFormAgreesWithMonteCarlo() {
        Rng rng = Rng.of(3).stream("mc");
        int m = 400_000;
        double qa = 1.3;
        double qb = 0.6;
        double c = -0.4;
        double a = Math.sqrt(qa);
        double rho = c / Math.sqrt(qa * qb);
        var s = Acts.smoothRelu(0.5, 1).instance();
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < m; i++) {
            double z1 = rng.nextGaussian();
            double z2 = rng.nextGaussian();
            double u = a * z1;
            double v = Math.sqrt(qb) * (rho * z1 + Math.sqrt(1 - rho * rho) * z2);
            double prod = s.value(u) * s.value(v);
            sum += prod;
            sumSq += prod * prod;
        }
        double mean = sum / m;
        double sd = Math.sqrt(sumSq / m - mean * mean);
        assertThat(Math.abs(mean - PairKernels.smoothRelu(qa, qb, c, 0.5, 1))).isLessThan(5 * sd / Math.sqrt(m));
    }

    @Test
    void normalCdfIsAccurate() {
        // Φ(−1) = 0.158655253931457, Φ(2.5) = 0.99379033467422, Φ(−7) = 1.27981254388584e-12
        assertThat(PairKernels.normalCdf(-1)).isCloseTo(0.158655253931457, within(1e-15));
        assertThat(PairKernels.normalCdf(2.5)).isCloseTo(0.99379033467422, within(1e-14));
        assertThat(PairKernels.normalCdf(-7) / 1.27981254388584e-12).isCloseTo(1, within(1e-12));
    }

    /**
     * T0.1 (spec §5, A2/A6): direct Simpson integration of eq. (2) with the corrected max(γu, u)
     * equals the closed form used for λ_*, and the printed max(γu, x) gives σ(0) = (1−γ)(2γ−1)/(2πβ).
     */
    @Test
    void equationTwoCorrectedVersusPrinted() {
        for (double[] gb : new double[][] {{0.5, 1}, {0.1, 1}, {0.9, 5}, {0.25, 0.3}}) {
            double g = gb[0];
            double be = gb[1];
            for (double x : new double[] {-0.7, -0.05, 0, 0.03, 0.4}) {
                assertThat(integral(x, g, be, false)).isCloseTo(PairKernels.smoothReluValue(x, g, be), within(1e-10));
            }
            double literal = integral(0, g, be, true);
            assertThat(literal).isCloseTo((1 - g) * (2 * g - 1) / (2 * Math.PI * be), within(1e-10));
        }
        assertThat(integral(0, 0.1, 1, true)).isCloseTo(-0.1145916, within(1e-7));
    }

    /** Eq. (2) by composite Simpson on [x − 12s, x + 12s], split at the integrand's kink. */
    private static double integral(double x, double g, double be, boolean literal) {
        double s = PairKernels.smoothReluWidth(g, be);
        double lo = x - 12 * s;
        double hi = x + 12 * s;
        double kink = literal ? x / g : 0;
        java.util.function.DoubleUnaryOperator f = u -> (literal ? Math.max(g * u, x) : Math.max(g * u, u))
                * Math.exp(-Math.PI * be * be * (x - u) * (x - u) / ((1 - g) * (1 - g)));
        double tot = kink > lo && kink < hi ? simpson(f, lo, kink) + simpson(f, kink, hi) : simpson(f, lo, hi);
        return -(1 - g) * (1 - g) / (2 * Math.PI * be) + be / (1 - g) * tot;
    }

    private static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b) {
        int n = 4000;
        double h = (b - a) / n;
        double s = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int k = 1; k < n; k++) {
            s += (k % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + k * h);
        }
        return s * h / 3;
    }
}
