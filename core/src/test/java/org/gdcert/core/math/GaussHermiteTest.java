package org.gdcert.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GaussHermiteTest {

    /** Tolerance: a few ulps of values of order 1. */
    private static final double FEW_ULPS = 1e-15;
    /** Tolerance: sums of many terms of order 1. */
    private static final double SUMS = 1e-14;
    /** Tolerance: quadrature and series of order-1 quantities. */
    private static final double QUADRATURE = 1e-13;

    /** √π correctly rounded (Math.sqrt(Math.PI) is one ulp below it). */
    private static final double SQRT_PI = 1.7724538509055160273;
    /** Nodes: absolute error relative to the node's magnitude scale √(2n). */
    private static final double NODE_TOL = 4e-15;
    /** Weights, relative: e^{−t²} amplifies the node error by 2t (t ≤ 45 here). */
    private static final double WEIGHT_REL_TOL = 5e-13;
    /** Moments: sums of positive terms, relative. */
    private static final double MOMENT_REL_TOL = 1e-13;

    @Test
    void smallRulesMatchMpmath() {
        check(GaussHermite.physicists(5), MathReference.GH5);
        check(GaussHermite.physicists(20), MathReference.GH20);
    }

    private static void check(GaussHermite.Rule rule, double[][] expected) {
        assertThat(rule.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(rule.node(i) - expected[i][0])).as("node %d", i).isLessThanOrEqualTo(NODE_TOL);
            assertThat(Math.abs(rule.weight(i) - expected[i][1]) / expected[i][1]).as("weight %d", i)
                    .isLessThanOrEqualTo(WEIGHT_REL_TOL);
        }
    }

    @Test
    void largeRulesPastNumpysOverflowPointMatchMpmath() {
        checkLarge(500, MathReference.GH500_NODES);
        checkLarge(1000, MathReference.GH1000_NODES);
    }

    private static void checkLarge(int n, double[] ref) {
        GaussHermite.Rule rule = GaussHermite.physicists(n);
        double scale = Math.sqrt(2.0 * n);
        assertThat(Math.abs(rule.node(n - 1) - ref[0])).isLessThanOrEqualTo(NODE_TOL * scale);
        int rank = (int) ref[1];
        int i = n - 1 - rank;
        assertThat(Math.abs(rule.node(i) - ref[2])).isLessThanOrEqualTo(NODE_TOL * scale);
        assertThat(Math.abs(rule.weight(i) - ref[3]) / ref[3]).isLessThanOrEqualTo(WEIGHT_REL_TOL);
        int j = n / 2; // smallest positive node (n even)
        assertThat(Math.abs(rule.node(j) - ref[4])).isLessThanOrEqualTo(NODE_TOL);
        assertThat(Math.abs(rule.weight(j) - ref[5]) / ref[5]).isLessThanOrEqualTo(WEIGHT_REL_TOL);
        // every weight finite and non-negative, nodes strictly increasing
        for (int k = 0; k < n; k++) {
            assertThat(rule.weight(k)).isFinite().isGreaterThanOrEqualTo(0.0);
            if (k > 0) {
                assertThat(rule.node(k)).isGreaterThan(rule.node(k - 1));
            }
        }
    }

    @Test
    void integratesEvenMonomialsExactlyUpToDegree2nMinus1() {
        for (int n : new int[] {1, 2, 7, 64, 361, 500}) {
            GaussHermite.Rule rule = GaussHermite.physicists(n);
            // ∫ t^{2k} e^{−t²} dt = Γ(k + 1/2) = (2k−1)!!/2^k √π, exact for 2k ≤ 2n − 1
            double moment = SQRT_PI;
            for (int k = 0; 2 * k <= 2 * n - 1 && k <= 60; k++) {
                final int kk = k;
                double q = rule.integrate(t -> Math.pow(t, 2 * kk));
                assertThat(Math.abs(q - moment) / moment).as("n=%d k=%d", n, k).isLessThanOrEqualTo(MOMENT_REL_TOL);
                moment *= (2 * k + 1) / 2.0;
            }
            assertThat(Math.abs(rule.integrate(t -> Math.pow(t, 3)))).isLessThanOrEqualTo(1e-12);
        }
    }

    @Test
    void standardNormalRuleIsTheScaledPhysicistsRule() {
        GaussHermite.Rule p = GaussHermite.physicists(40);
        GaussHermite.Rule s = GaussHermite.standardNormal(40);
        assertThat(s.weightFunction()).isEqualTo(GaussHermite.Weight.STANDARD_NORMAL);
        double sum = 0;
        for (int i = 0; i < 40; i++) {
            assertThat(s.node(i)).isEqualTo(p.node(i) * Math.sqrt(2.0));
            sum += s.weight(i);
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(SUMS));
        // E[Z^4] = 3, E[cos Z] = e^{-1/2}
        assertThat(s.integrate(z -> z * z * z * z)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(QUADRATURE));
        assertThat(s.integrate(Math::cos)).isCloseTo(Math.exp(-0.5), org.assertj.core.data.Offset.offset(FEW_ULPS));
    }

    @Test
    void nodesAntisymmetricWeightsSymmetric() {
        for (int n : new int[] {1, 2, 3, 10, 11, 255}) {
            GaussHermite.Rule r = GaussHermite.physicists(n);
            for (int i = 0; i < n; i++) {
                assertThat(r.node(i)).isEqualTo(-r.node(n - 1 - i));
                assertThat(r.weight(i)).isEqualTo(r.weight(n - 1 - i));
            }
        }
        assertThat(GaussHermite.physicists(1).node(0)).isEqualTo(0.0);
        assertThat(GaussHermite.physicists(1).weight(0)).isEqualTo(SQRT_PI);
    }

    @Test
    void accessorsReturnCopies() {
        GaussHermite.Rule r = GaussHermite.physicists(4);
        r.nodes()[0] = 99;
        r.weights()[0] = 99;
        assertThat(r.node(0)).isNotEqualTo(99.0);
        assertThat(r.weight(0)).isNotEqualTo(99.0);
    }

    @Test
    void rejectsBadOrders() {
        assertThatThrownBy(() -> GaussHermite.physicists(0)).hasMessageContaining("order");
        assertThatThrownBy(() -> GaussHermite.physicists(GaussHermite.MAX_ORDER + 1)).hasMessageContaining("order");
    }

    @Test
    void tridiagonalEigenvaluesMatchAKnownSpectrum() {
        // the n×n matrix with 2 on the diagonal and −1 off it has eigenvalues 2 − 2cos(kπ/(n+1))
        int n = 50;
        double[] d = new double[n];
        double[] e = new double[n];
        java.util.Arrays.fill(d, 2.0);
        java.util.Arrays.fill(e, -1.0);
        GaussHermite.tridiagonalEigenvalues(d, e);
        java.util.Arrays.sort(d);
        for (int k = 1; k <= n; k++) {
            assertThat(d[k - 1]).isCloseTo(2 - 2 * Math.cos(k * Math.PI / (n + 1)),
                    org.assertj.core.data.Offset.offset(SUMS));
        }
    }
}
