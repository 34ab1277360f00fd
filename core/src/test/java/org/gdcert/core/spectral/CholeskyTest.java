package org.gdcert.core.spectral;

import static org.assertj.core.api.Assertions.assertThat;

import org.gdcert.core.backend.Parallel;
import org.gdcert.core.linalg.HostMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CholeskyTest {
    /** Reconstruction error allowed, relative to ‖M‖ (well-conditioned SPD inputs). */
    private static final double RECONSTRUCTION_TOL = 1e-13;
    private static final Parallel PAR = new Parallel(2);

    @AfterAll
    static void close() {
        PAR.close();
    }

    /** An SPD matrix G = B Bᵀ + n I of order n. */
    private static HostMatrix spd(int n, long seed) {
        HostMatrix g = TestMatrices.gramRows(TestMatrices.gaussian(n, n + 5, seed));
        for (int i = 0; i < n; i++) {
            g.set(i, i, g.get(i, i) + n);
        }
        return g;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 127, 128, 129, 300})
    void factorReconstructsTheShiftedMatrix(int n) {
        HostMatrix g = spd(n, n);
        double shift = 0.25 * n;
        Cholesky c = Cholesky.factor(g.data(), n, 1, shift, PAR);
        assertThat(c.succeeded()).isTrue();
        HostMatrix l = new HostMatrix(n, n, c.l);
        HostMatrix llt = l.times(l.transpose());
        HostMatrix m = g.copy();
        for (int i = 0; i < n; i++) {
            m.set(i, i, m.get(i, i) - shift);
        }
        assertThat(llt.maxAbsDiff(m)).isLessThan(RECONSTRUCTION_TOL * m.frobeniusNorm());
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                assertThat(l.get(i, j)).isZero();
            }
        }
        assertThat(c.factorFrobeniusSquared).isCloseTo(l.frobeniusNorm() * l.frobeniusNorm(),
                org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    @Test
    void negatedFactorizationOfTheShiftedComplement() {
        int n = 150;
        HostMatrix g = spd(n, 3);
        double t = 2 * TestMatrices.eig(g)[n - 1];
        Cholesky c = Cholesky.factor(g.data(), n, -1, -t, PAR); // t I − G
        assertThat(c.succeeded()).isTrue();
        HostMatrix l = new HostMatrix(n, n, c.l);
        HostMatrix m = g.copy();
        m.scaleInPlace(-1);
        for (int i = 0; i < n; i++) {
            m.set(i, i, m.get(i, i) + t);
        }
        assertThat(l.times(l.transpose()).maxAbsDiff(m)).isLessThan(RECONSTRUCTION_TOL * m.frobeniusNorm());
    }

    @Test
    void failsOnAnIndefiniteMatrixAndNamesThePivot() {
        int n = 200;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = 1 + i;
        }
        lambda[n / 2] = -1e-3;
        HostMatrix s = TestMatrices.symmetricWithEigenvalues(lambda, 9);
        Cholesky c = Cholesky.factor(s.data(), n, 1, 0, PAR);
        assertThat(c.succeeded()).isFalse();
        assertThat(c.failedAt).isBetween(0, n - 1);
        assertThat(c.failedPivot).isLessThanOrEqualTo(0);
        // shifting past the negative eigenvalue makes it definite
        assertThat(Cholesky.factor(s.data(), n, 1, -2e-3, PAR).succeeded()).isTrue();
    }

    @Test
    void solveInvertsTheFactoredMatrix() {
        int n = 260;
        HostMatrix g = spd(n, 4);
        Cholesky c = Cholesky.factor(g.data(), n, 1, 0, PAR);
        double[] x = TestMatrices.gaussian(n, 1, 8).data();
        double[] y = x.clone();
        c.solveInPlace(y);
        HostMatrix back = g.times(new HostMatrix(n, 1, y));
        for (int i = 0; i < n; i++) {
            assertThat(back.get(i, 0)).isCloseTo(x[i], org.assertj.core.data.Offset.offset(1e-10));
        }
    }

    @Test
    void verificationBoundIsBelowTheTrueSmallestEigenvalue() {
        int n = 120;
        HostMatrix g = spd(n, 6);
        double lmin = TestMatrices.eig(g)[0];
        // shift to just below λ_min: the factorization succeeds and the proven bound is below λ_min
        double s = lmin * (1 - 1e-9);
        Cholesky c = Cholesky.factor(g.data(), n, 1, s, PAR);
        assertThat(c.succeeded()).isTrue();
        double proven = s + c.lambdaMinLowerBoundOfShifted();
        assertThat(proven).isLessThanOrEqualTo(lmin).isGreaterThan(lmin * (1 - 1e-6));
    }
}
