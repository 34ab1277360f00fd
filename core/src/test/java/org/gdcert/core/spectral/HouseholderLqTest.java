package org.gdcert.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import org.gdcert.core.backend.Parallel;
import org.gdcert.core.linalg.HostMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseholderLqTest {
    /** ‖L Lᵀ − B Bᵀ‖ relative to ‖B‖² for a backward-stable factorization of modest size. */
    private static final double GRAM_TOL = 1e-13;
    /** Singular values of L vs EJML's of B, relative to σ_max. */
    private static final double SV_TOL = 1e-13;
    private static final Parallel PAR = new Parallel(2);

    @AfterAll
    static void close() {
        PAR.close();
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "1, 9", "5, 5", "31, 40", "32, 32", "33, 90", "70, 71", "100, 260"})
    void lowerFactorHasTheGramAndSingularValuesOfTheMatrix(int p, int q) {
        HostMatrix b = TestMatrices.gaussian(p, q, 31L * p + q);
        double[] work = b.data().clone();
        HouseholderLq lq = HouseholderLq.factor(work, p, q, PAR);
        HostMatrix lm = new HostMatrix(p, p, lq.l);
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                assertThat(lm.get(i, j)).isZero();
            }
        }
        double nb2 = b.frobeniusNorm() * b.frobeniusNorm();
        assertThat(lm.times(lm.transpose()).maxAbsDiff(TestMatrices.gramRows(b))).isLessThan(GRAM_TOL * nb2);
        double[] sl = TestMatrices.svd(lm);
        double[] sb = TestMatrices.svd(b);
        for (int i = 0; i < p; i++) {
            assertThat(Math.abs(sl[i] - sb[i])).isLessThan(SV_TOL * sb[p - 1]);
        }
        // B (Qᵀ w) = L w, and Qᵀ keeps norms
        double[] w = TestMatrices.gaussian(p, 1, 5).data();
        double[] x = lq.applyQTranspose(w);
        HostMatrix bx = b.times(new HostMatrix(q, 1, x));
        HostMatrix lw = lm.times(new HostMatrix(p, 1, w));
        assertThat(bx.maxAbsDiff(lw)).isLessThan(GRAM_TOL * b.frobeniusNorm());
        assertThat(Kernels.norm(x)).isCloseTo(Kernels.norm(w), org.assertj.core.data.Offset.offset(1e-13));
    }

    @ParameterizedTest
    @CsvSource({"6, 10", "40, 45"})
    void zeroAndDuplicatedRowsGiveZeroPivots(int p, int q) {
        HostMatrix b = TestMatrices.gaussian(p, q, 3);
        for (int j = 0; j < q; j++) {
            b.set(2, j, 0);
            b.set(4, j, b.get(1, j));
        }
        double[] l = HouseholderLq.factor(b.data().clone(), p, q, PAR).l;
        assertThat(l[2 * p + 2]).isZero();
        assertThat(Math.abs(l[4 * p + 4])).isLessThan(1e-13 * b.frobeniusNorm());
    }
}
