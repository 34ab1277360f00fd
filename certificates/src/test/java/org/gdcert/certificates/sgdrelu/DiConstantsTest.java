package org.gdcert.certificates.sgdrelu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The closed forms of Lemma 3.3 / Theorem 3.4 and the robust ball against the spec's numbers (§3.4, §4.3). */
class DiConstantsTest {
    /** The spec prints Λ to 6 decimals. */
    static final double PRINTED_6 = 5e-7;
    static final double EXACT = 1e-14;

    private static DiConstants figure1(double alpha) {
        return new DiConstants(1, alpha, 1, 1, 1);
    }

    @Test
    void lambdaOfFigure1MatchesTheSpec() {
        // spec §3.4: a = c = c1 = c2 = 1, Λ(2.042) = 0.874909, Λ(2.045) = 0.869065, Λ at the k = 2 threshold 0.870879
        assertThat(figure1(2.042).lambda()).isCloseTo(0.874909, within(PRINTED_6));
        assertThat(figure1(2.045).lambda()).isCloseTo(0.869065, within(PRINTED_6));
        assertThat(figure1(2.04406529).lambda()).isCloseTo(0.870879, within(PRINTED_6));
        // and the k = 1 threshold α*_1 = 1.72934378 has Λ ≈ 2.02
        assertThat(figure1(1.72934378).lambda()).isCloseTo(2.02, within(0.005));
    }

    @Test
    void closedFormsByHand() {
        DiConstants k = new DiConstants(2, 3, 0.5, 0.7, 1.1);
        double a = 2;
        double al = 3;
        double termA = a * 0.7 / (al * al * al);
        double termB = a * a * 1.1 / Math.pow(al, 5);
        double e = 4 * 0.5 * a * a / Math.pow(al, 4);
        assertThat(k.termA()).isCloseTo(termA, within(EXACT));
        assertThat(k.termB()).isCloseTo(termB, within(EXACT));
        assertThat(k.f()).isCloseTo((termA + termB) * Math.exp(e), within(EXACT));
        assertThat(k.lambda()).isCloseTo(4 * (termA + 2 * termB) * Math.exp(e), within(EXACT));
        assertThat(k.lbarBound()).isCloseTo(2 * a / (al * al), within(EXACT));
        assertThat(k.u(1.5)).isCloseTo(4 * 1.5 * a / (al * al), within(EXACT));
        assertThat(DiConstants.displacement(1.5, 3, 0.2)).isCloseTo(Math.sqrt(2) * 1.5 * 3 * 0.2
                * Math.exp(Math.sqrt(2) * 1.5 * 0.2), within(EXACT));
        assertThat(k.timeTo(a * a * Math.exp(-2))).isCloseTo(2 / (al * al), within(EXACT));
    }

    @Test
    void ofUsesEquation7() {
        DiConstants k = DiConstants.of(1, 2, 1.5, 10, 3);
        assertThat(k.c()).isCloseTo(2.25, within(EXACT));
        assertThat(k.c1()).isCloseTo(2 * Math.sqrt(2) * 2.25 * 3, within(EXACT));
        assertThat(k.c2()).isCloseTo(2 * 1.5 * 1.5 * 1.5 * 10, within(EXACT));
    }

    @Test
    void lambdaLiesBetweenFourAndEightTimesF() {
        // Λ = (4A + 8B)e^E ∈ [4F, 8F], so F < 1/8 ⇒ Λ < 1 (spec §3.3)
        for (double alpha : new double[] {0.5, 1, 2, 5, 20}) {
            for (double c1 : new double[] {0.01, 1, 100}) {
                DiConstants k = new DiConstants(1.3, alpha, 0.7, c1, 5);
                assertThat(k.lambda()).isBetween(4 * k.f() * (1 - EXACT), 8 * k.f() * (1 + EXACT));
            }
        }
    }

    @Test
    void hugeExponentsGiveInfinityNotOverflowNoise() {
        DiConstants k = new DiConstants(12, 0.0077, 4, 11, 3000);
        assertThat(k.exponent()).isGreaterThan(DiConstants.EXPONENT_CAP);
        assertThat(k.f()).isInfinite();
        assertThat(k.lambda()).isInfinite();
        assertThat(new DiConstants(1, 0, 1, 1, 1).f()).isInfinite();
        // log domain: no overflow of (A + B) before the exponent is added
        DiConstants tiny = new DiConstants(1, 1e-60, 1e-300, 1, 1);
        assertThat(tiny.logF()).isFinite();
    }

    @Test
    void robustBallIsCertifiedUpToItsLargestRadius() {
        // T-DI-2 scale numbers (spec §2.6)
        RobustBall ball = new RobustBall(2.6119, 16.3965, 1.9014, 223.96, 0.99114, 97.0);
        assertThat(ball.fAt(0)).isCloseTo(DiConstants.of(2.6119, 16.3965, 1.9014, 223.96, 0.99114).f(),
                within(EXACT));
        double r = ball.largestRadius();
        assertThat(r).isPositive();
        assertThat(ball.fAt(r)).isLessThan(0.125);
        assertThat(ball.fAt(r * (1 + 1e-9))).isGreaterThanOrEqualTo(0.125);
        // F_hi increases with r
        double prev = 0;
        for (int i = 0; i <= 10; i++) {
            double f = ball.fAt(r * i / 10);
            assertThat(f).isGreaterThanOrEqualTo(prev);
            prev = f;
        }
        assertThat(ball.containingRadius(r)).isGreaterThan(r);
        // not certified at r = 0: r* = 0
        assertThat(new RobustBall(12, 6.7, 2, 300, 1, 50).largestRadius()).isZero();
    }
}
