package org.gdcert.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class GaussianExpectationsTest {

    /** Tolerance: rounding of values below 1 (an ulp or two). */
    private static final double ROUNDING = 1e-16;
    /** Tolerance: two ulps of values near 1. */
    private static final double ROUNDING_4 = 4e-16;
    /** Tolerance: a few ulps of values of order 1. */
    private static final double FEW_ULPS = 1e-15;
    /** Tolerance: derived quantities that lose a few digits (ratios, square roots of Gram eigenvalues). */
    private static final double LOOSE = 1e-12;

    /** The spec's reference values have 15 significant digits. */
    private static final double SPEC_TOL = 1e-15;
    /** Gauss–Hermite on analytic integrands. */
    private static final double GH_TOL = 1e-13;

    @Test
    void reluPairMatchesSpecReferenceEntries() {
        // certificates-nguyen.md §3.1 (reference_values.py)
        assertThat(GaussianExpectations.reluPair(1, 1, 1)).isCloseTo(0.5, offset(SPEC_TOL));
        assertThat(GaussianExpectations.reluPair(1, 1, 0)).isCloseTo(0.159154943091895, offset(SPEC_TOL));
        assertThat(GaussianExpectations.reluPair(1, 1, 0.3)).isCloseTo(0.241372141917744, offset(SPEC_TOL));
        assertThat(GaussianExpectations.reluPair(1, 1, -0.9)).isCloseTo(0.00476919942233604, offset(SPEC_TOL));
        assertThat(GaussianExpectations.reluPair(1, 1, -1)).isEqualTo(0.0);
    }

    @Test
    void reluPairIsHomogeneousAndSymmetric() {
        double k = GaussianExpectations.reluPair(2.0, 0.5, 0.4);
        assertThat(GaussianExpectations.reluPair(0.5, 2.0, 0.4)).isCloseTo(k, offset(ROUNDING));
        assertThat(GaussianExpectations.reluPair(8.0, 2.0, 1.6)).isCloseTo(4 * k, offset(ROUNDING_4));
        // diagonal: E[relu(u)^2] = a/2, also when rounding pushes c slightly past sqrt(ab)
        assertThat(GaussianExpectations.reluPair(3.0, 3.0, 3.0 * (1 + 1e-15))).isCloseTo(1.5, offset(FEW_ULPS));
        assertThat(GaussianExpectations.reluPair(0.0, 1.0, 0.0)).isEqualTo(0.0);
    }

    @Test
    void reluPairAgreesWithIndependentOneDimensionalQuadrature() {
        // E[relu(u)relu(v)] = E_z1[relu(√a z1) · E[relu(m + s z2)]] with the inner term
        // m Φ(m/s) + s φ(m/s); the outer integral is smooth on z1 > 0 → Gauss–Laguerre-free Simpson.
        double[][] cases = {{1, 1, 0.3}, {2, 0.5, 0.4}, {0.3, 1.7, -0.1}, {1, 1, 0.999}};
        for (double[] cs : cases) {
            double a = cs[0];
            double b = cs[1];
            double c = cs[2];
            double l21 = c / Math.sqrt(a);
            double s = Math.sqrt(b - l21 * l21);
            int n = 20000;
            double h = 12.0 / n;
            double sum = 0;
            for (int i = 0; i <= n; i++) {
                double z = i * h;
                double m = l21 * z;
                double inner = m * SpecialFunctions.normalCdf(m / s) + s * SpecialFunctions.normalPdf(m / s);
                double f = Math.sqrt(a) * z * inner * SpecialFunctions.normalPdf(z);
                sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
            }
            double quad = sum * h / 3;
            assertThat(GaussianExpectations.reluPair(a, b, c)).as("K1%s", java.util.Arrays.toString(cs))
                    .isCloseTo(quad, offset(LOOSE));
        }
    }

    @Test
    void positiveOrthantIsSheppardsFormula() {
        for (double rho = -1; rho <= 1; rho += 0.05) {
            double expected = (Math.PI - Math.acos(Math.max(-1, Math.min(1, rho)))) / (2 * Math.PI);
            assertThat(GaussianExpectations.positiveOrthant(4, 1, 2 * rho)).isCloseTo(expected, offset(FEW_ULPS));
        }
        assertThat(GaussianExpectations.positiveOrthant(1, 1, 0)).isCloseTo(0.25, offset(ROUNDING));
        assertThat(GaussianExpectations.positiveOrthant(0, 1, 0)).isEqualTo(0.0);
    }

    @Test
    void pairExpectationReproducesTheArcsineKernelOfErf() {
        GaussHermite.Rule rule = GaussHermite.standardNormal(96);
        double[][] cases = {{1, 1, 0.3}, {1.3, 0.7, 0.4}, {0.5, 2, -0.9}, {1, 1, 1}};
        for (double[] cs : cases) {
            double a = cs[0];
            double b = cs[1];
            double c = cs[2];
            double expected = 2 / Math.PI * Math.asin(2 * c / Math.sqrt((1 + 2 * a) * (1 + 2 * b)));
            double q = GaussianExpectations.pairExpectation(SpecialFunctions::erf, SpecialFunctions::erf, a, b, c,
                    rule);
            assertThat(q).isCloseTo(expected, offset(GH_TOL));
        }
        // a = 0: u ≡ 0
        assertThat(GaussianExpectations.pairExpectation(x -> 1 + x, Math::cos, 0, 1, 0, rule))
                .isCloseTo(Math.exp(-0.5), offset(FEW_ULPS));
    }

    @Test
    void pairExpectationRejectsAPhysicistsRuleAndBadVariances() {
        assertThatThrownBy(() -> GaussianExpectations.pairExpectation(x -> x, x -> x, 1, 1, 0,
                GaussHermite.physicists(8))).hasMessageContaining("standard-normal");
        assertThatThrownBy(() -> GaussianExpectations.reluPair(-1, 1, 0)).hasMessageContaining("variances");
        assertThatThrownBy(() -> GaussianExpectations.reluPair(Double.NaN, 1, 0)).hasMessageContaining("variances");
    }
}
