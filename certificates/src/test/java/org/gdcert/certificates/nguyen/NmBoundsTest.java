package org.gdcert.certificates.nguyen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NmBoundsTest {
    /** fixtures.py prints 10 significant digits. */
    private static final double PRINTED = 2e-9;
    private static final double IDENTITY = 1e-12;

    /** Fixture F0 of spec §4 from its analytic inputs (fixtures.py fixture000). */
    @Test
    void fixtureF0Numbers() {
        double a = 14 * Math.sqrt(2);
        double lambdaF = 22.11821398;
        double[] s = {0, 14 * Math.sqrt(2), 0};
        NmBounds b = NmBounds.of(2, 0.5, 1.0, 2, Math.sqrt(2), Math.sqrt(2), s, new double[3], lambdaF);
        assertThat(a).isPositive();
        assertThat(b.lambdaBar()[1]).isCloseTo(13.865993, within(1e-6));
        assertThat(b.lambdaBar()[2]).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(rel(b.rhs4(), 470.627417)).isLessThan(PRINTED);
        assertThat(rel(b.slack4(), 0.9620045221)).isLessThan(PRINTED);
        assertThat(rel(b.rhs5(), 64)).isLessThan(PRINTED);
        assertThat(rel(b.slack5(), 0.005914660324)).isLessThan(PRINTED);
        assertThat(rel(b.alpha0(), 122.3038474)).isLessThan(PRINTED);
        assertThat(rel(b.q0(), 18903.81471)).isLessThan(PRINTED);
        assertThat(rel(b.r(), 20.79898987)).isLessThan(PRINTED);
        assertThat(rel(b.q1(), 1.008256986)).isLessThan(PRINTED);
        assertThat(rel(b.etaMax(), 5.289937588e-5)).isLessThan(PRINTED);
        assertThat(rel(b.contraction(0.9 * b.etaMax()), 0.9941771825)).isLessThan(PRINTED);
    }

    /** C1: for L = 2 the conditions reduce to λ_F² ≥ 12‖X‖_F r_0 max(λ̄_1, λ̄_2), λ_F³ ≥ 24‖X‖_2‖X‖_F r_0 λ̄_2. */
    @Test
    void depthTwoReductionIsGammaIndependent() {
        for (double g : new double[] {0.1, 0.5, 0.9}) {
            NmBounds b = NmBounds.of(2, g, 3, 5, 2, 7, new double[] {0, 4, 0.5}, new double[3], 9);
            double lb1 = 2.0 / 3 * 5;
            double lb2 = 2.0 / 3 * 1.5;
            assertThat(rel(b.rhs4(), 12 * 5 * 7 * Math.max(lb1, lb2))).isLessThan(IDENTITY);
            assertThat(rel(b.rhs5(), 24 * 2 * 5 * 7 * lb2)).isLessThan(IDENTITY);
            assertThat(rel(b.alpha0(), 81 / 4.0)).isLessThan(IDENTITY);
        }
    }

    /** C2 and C3: slack_4 = max_l D_l/B_l, slack_5 = D_F/(λ_F/2), Q_0 ≥ α_0, on random inputs, L = 2..5. */
    @Test
    void slackDecompositionIdentities() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int depth = 2 + r.nextInt(4);
            double[] s = new double[depth + 1];
            double[] lam = new double[depth + 1];
            for (int l = 1; l <= depth; l++) {
                s[l] = 0.1 + 5 * r.nextDouble();
                lam[l] = s[l] * (0.05 + 0.9 * r.nextDouble());
            }
            double xf = 1 + 30 * r.nextDouble();
            double x2 = xf * (0.1 + 0.9 * r.nextDouble());
            double lamF = 0.01 + 3 * r.nextDouble();
            // λ_F ≤ ‖F_1‖_F/√N ≤ ‖X‖_F (3/2)λ̄_1 holds for real instances; keep it for C3
            lamF = Math.min(lamF, xf * (1 + s[1]));
            NmBounds b = NmBounds.of(depth, 0.05 + 0.9 * r.nextDouble(), 3 * r.nextDouble(), xf, x2,
                    0.1 + 10 * r.nextDouble(), s, lam, lamF);
            double maxLayer = 0;
            for (int l = 1; l <= depth; l++) {
                maxLayer = Math.max(maxLayer, b.layerSlack(l));
            }
            assertThat(rel(b.slack4(), maxLayer)).as("slack4 = max D_l/B_l, L=%d", depth).isLessThan(IDENTITY);
            assertThat(rel(b.slack5(), b.featureSlack())).isLessThan(IDENTITY);
            assertThat(b.q0()).isGreaterThanOrEqualTo(b.alpha0());
            assertThat(b.layerSlack(b.bindingLayer())).isEqualTo(maxLayer);
        }
    }

    @Test
    void stepsToTargetUsesLog1p() {
        NmBounds b = NmBounds.of(2, 0.5, 1.0, 2, Math.sqrt(2), Math.sqrt(2), new double[] {0, 14 * Math.sqrt(2), 0},
                new double[3], 22.11821398);
        double eta = 1e-12 / b.alpha0();
        // ln(1e-6)/ln(1 − 1e-12): naive log(1 − x) would lose ~4 digits here
        assertThat(b.stepsTo(1e-6, eta)).isCloseTo(Math.ceil(Math.log(1e-6) / Math.log1p(-1e-12)), within(1.0));
        assertThat(b.stepsTo(2, eta)).isZero();
    }

    static double rel(double got, double want) {
        return Math.abs(got - want) / Math.abs(want);
    }
}
