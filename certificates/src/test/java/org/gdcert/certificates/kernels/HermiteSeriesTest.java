package org.gdcert.certificates.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.gdcert.certificates.testing.Acts;
import org.gdcert.certificates.testing.Ctx;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.testing.ReferenceBackend;
import org.junit.jupiter.api.Test;

/** H1, H2, K4 of spec §4 (reference_values.py). */
class HermiteSeriesTest {
    private static final double PRINTED = 1e-14;

    @Test
    void coefficientTableAndParseval() {
        double[] want = {0.163612049051926, 0.75, 0.138322400791766, 0, -0.0384022602787255, 0, 0.0202289017857134,
            0, -0.0129987978032747};
        for (int r = 0; r < want.length; r++) {
            assertThat(HermiteSeries.mu(r, 0.5, 1)).as("μ_%d", r).isCloseTo(want[r], within(PRINTED));
        }
        double sum = 0;
        for (int r = 0; r <= 4000; r++) {
            sum += HermiteSeries.mu(r, 0.5, 1) * HermiteSeries.mu(r, 0.5, 1);
        }
        assertThat(sum).isCloseTo(0.610689564385076, within(1e-12));
        double sum2 = 0;
        for (int r = 0; r <= 4000; r++) {
            sum2 += HermiteSeries.mu(r, 0.1, 5) * HermiteSeries.mu(r, 0.1, 5);
        }
        assertThat(sum2).isCloseTo(0.487147251249007, within(1e-12));
    }

    @Test
    void reluLimit() {
        assertThat(HermiteSeries.mu(0, 0, Double.POSITIVE_INFINITY)).isCloseTo(1 / Math.sqrt(2 * Math.PI),
                within(PRINTED));
        assertThat(HermiteSeries.mu(1, 0, Double.POSITIVE_INFINITY)).isEqualTo(0.5);
        assertThat(HermiteSeries.mu(2, 0, Double.POSITIVE_INFINITY)).isCloseTo(1 / (2 * Math.sqrt(Math.PI)),
                within(PRINTED));
    }

    /** K4: the truncated series is a lower bound, and the bracket contains the closed-form λ_*. */
    @Test
    void truncationBracketsTheClosedForm() {
        HostMatrix x = Ctx.sphere(30, 8, 80);
        double exact = ExpectedGram.lambdaStar(new ReferenceBackend(), x, Acts.smoothRelu(0.5, 1), 1.0 / 8, 40)
                .orElseThrow().value();
        for (int terms : new int[] {4, 10, 40}) {
            double[] br = HermiteSeries.bracket(x, 0.5, 1, terms);
            assertThat(br[0]).as("lower, R=%d", terms).isLessThanOrEqualTo(exact * (1 + 1e-10));
            assertThat(br[1]).as("upper, R=%d", terms).isGreaterThanOrEqualTo(exact * (1 - 1e-10));
        }
        double[] tight = HermiteSeries.bracket(x, 0.5, 1, 60);
        assertThat(tight[0]).isCloseTo(exact, within(1e-6));
    }
}
