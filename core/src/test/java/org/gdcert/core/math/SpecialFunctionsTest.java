package org.gdcert.core.math;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    /** Tolerance: two ulps of values near 1. */
    private static final double ROUNDING_4 = 4e-16;

    /** The brief's bound for Cody's approximations evaluated in double precision. */
    private static final double REL_TOL = 1e-15;
    /** For integratedNormalCdf on (−2.5, −1), where zΦ(z) and φ(z) cancel by up to a factor 5. */
    private static final double REL_TOL_CANCELLING = 3e-15;
    /** Smallest positive normal double: values below it are subnormal and lose relative precision. */
    private static final double MIN_NORMAL = Double.MIN_NORMAL;

    private static void assertRelative(String what, double x, double actual, double expected, double tol) {
        double err = expected == 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
        assertThat(err).as("%s(%s) = %s, expected %s", what, x, actual, expected).isLessThanOrEqualTo(tol);
    }

    @Test
    void erfMatchesMpmath() {
        for (double[] row : MathReference.ERF) {
            assertRelative("erf", row[0], SpecialFunctions.erf(row[0]), row[1], REL_TOL);
        }
    }

    @Test
    void erfcMatchesMpmath() {
        for (double[] row : MathReference.ERFC) {
            assertRelative("erfc", row[0], SpecialFunctions.erfc(row[0]), row[1], REL_TOL);
        }
    }

    @Test
    void erfcxMatchesMpmath() {
        for (double[] row : MathReference.ERFCX) {
            assertRelative("erfcx", row[0], SpecialFunctions.erfcx(row[0]), row[1], REL_TOL);
        }
    }

    @Test
    void normalCdfMatchesMpmathIncludingTheFarLowerTail() {
        for (double[] row : MathReference.NORMAL_CDF) {
            double tol = row[1] < MIN_NORMAL ? 1e-7 : REL_TOL; // Φ(−38) is subnormal: ~17 bits left
            assertRelative("Φ", row[0], SpecialFunctions.normalCdf(row[0]), row[1], tol);
        }
    }

    @Test
    void normalPdfMatchesMpmath() {
        for (double[] row : MathReference.NORMAL_PDF) {
            assertRelative("φ", row[0], SpecialFunctions.normalPdf(row[0]), row[1], REL_TOL);
        }
        assertThat(SpecialFunctions.normalPdf(0.0)).isEqualTo(SpecialFunctions.INV_SQRT_2PI);
    }

    @Test
    void splitExponentialsMatchMpmath() {
        for (double[] row : MathReference.EXP_NEG_SQUARE) {
            assertRelative("exp(-x²)", row[0], SpecialFunctions.expNegSquare(row[0]), row[1], REL_TOL);
        }
        for (double[] row : MathReference.EXP_NEG_HALF_SQUARE) {
            assertRelative("exp(-z²/2)", row[0], SpecialFunctions.expNegHalfSquare(row[0]), row[1], REL_TOL);
        }
    }

    @Test
    void integratedNormalCdfMatchesMpmathWithoutCancellation() {
        for (double[] row : MathReference.INTEGRATED_NORMAL_CDF) {
            double tol = row[0] > -2.5 && row[0] < -1.0 ? REL_TOL_CANCELLING : REL_TOL;
            assertRelative("ψ", row[0], SpecialFunctions.integratedNormalCdf(row[0]), row[1], tol);
        }
    }

    @Test
    void symmetriesHoldExactly() {
        for (double x = -7; x <= 7; x += 0.013) {
            assertThat(SpecialFunctions.erf(-x)).isEqualTo(-SpecialFunctions.erf(x));
            assertThat(SpecialFunctions.normalPdf(-x)).isEqualTo(SpecialFunctions.normalPdf(x));
        }
    }

    @Test
    void complementsAgreeToRounding() {
        for (double x = -6; x <= 6; x += 0.01) {
            assertThat(SpecialFunctions.erf(x) + SpecialFunctions.erfc(x)).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(ROUNDING_4));
            assertThat(SpecialFunctions.normalCdf(x) + SpecialFunctions.normalCdf(-x)).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(ROUNDING_4));
        }
    }

    @Test
    void givenKernelOverloadIsTheSameFunction() {
        for (double z = -39; z <= 9; z += 0.0173) {
            assertThat(SpecialFunctions.normalCdf(z, SpecialFunctions.expNegHalfSquare(z)))
                    .isEqualTo(SpecialFunctions.normalCdf(z));
        }
    }

    @Test
    void specialArguments() {
        assertThat(SpecialFunctions.erf(Double.NaN)).isNaN();
        assertThat(SpecialFunctions.erfc(Double.NaN)).isNaN();
        assertThat(SpecialFunctions.erfcx(Double.NaN)).isNaN();
        assertThat(SpecialFunctions.normalCdf(Double.NaN)).isNaN();
        assertThat(SpecialFunctions.integratedNormalCdf(Double.NaN)).isNaN();
        assertThat(SpecialFunctions.expNegSquare(Double.NaN)).isNaN();
        assertThat(SpecialFunctions.expNegSquare(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(SpecialFunctions.expNegHalfSquare(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
        assertThat(SpecialFunctions.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(SpecialFunctions.erf(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(SpecialFunctions.erfc(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
        assertThat(SpecialFunctions.erfc(Double.NEGATIVE_INFINITY)).isEqualTo(2.0);
        assertThat(SpecialFunctions.erfcx(Double.NEGATIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.erfcx(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
        assertThat(SpecialFunctions.normalCdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(SpecialFunctions.normalCdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(SpecialFunctions.normalPdf(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
        assertThat(SpecialFunctions.integratedNormalCdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(SpecialFunctions.integratedNormalCdf(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SpecialFunctions.erf(0.0)).isEqualTo(0.0);
        assertThat(SpecialFunctions.normalCdf(0.0)).isEqualTo(0.5);
        // erfc underflows past 26.543 instead of returning garbage subnormals
        assertThat(SpecialFunctions.erfc(27.0)).isEqualTo(0.0);
    }

    @Test
    void erfcIsMonotoneAcrossTheIntervalBoundaries() {
        double[] bounds = {0.46875, 4.0, 26.543};
        for (double b : bounds) {
            double prev = SpecialFunctions.erfc(b - 1e-9);
            for (int k = -50; k <= 50; k++) {
                double x = b + k * 1e-11;
                double v = SpecialFunctions.erfc(x);
                assertThat(v).as("erfc near %s", b).isLessThanOrEqualTo(prev);
                prev = v;
            }
        }
    }
}
