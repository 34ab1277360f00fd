package org.gdcert.certificates.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.random.Rng;
import org.gdcert.core.testing.ReferenceBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The GEMM-based recursive Cholesky against EJML's, and its refusals. */
class BlockedCholeskyTest {
    private final HostDoubleBackend b = new HostDoubleBackend(2);

    private static HostMatrix spd(int n, long seed) {
        HostMatrix f = new HostMatrix(n, n + 40);
        Rng.of(seed).stream("f").fillGaussian(f.data(), 1);
        HostMatrix g = f.times(f.transpose());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                g.set(j, i, g.get(i, j));
            }
        }
        return g;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, BlockedCholesky.BASE, BlockedCholesky.BASE + 1, 257, 530})
    void factorMatchesEjmlAndItsProductGivesA(int n) {
        HostMatrix a = spd(n, n);
        double[] l = a.data().clone();
        assertThat(BlockedCholesky.factorInPlace(b, l, n)).isTrue();
        DMatrixRMaj m = new DMatrixRMaj(n, n, true, a.data().clone());
        CholeskyDecomposition_F64<DMatrixRMaj> ch = DecompositionFactory_DDRM.chol(n, true);
        assertThat(ch.decompose(m)).isTrue();
        double[] ref = ch.getT(null).data;
        double scale = Math.sqrt(a.get(0, 0));
        for (int i = 0; i < n * n; i++) {
            assertThat(l[i]).as("entry %d", i).isCloseTo(ref[i], within(1e-10 * scale));
        }
        HostMatrix lm = new HostMatrix(n, n, l);
        HostMatrix back = lm.times(lm.transpose());
        assertThat(back.maxAbsDiff(a)).isLessThan(1e-10 * a.get(0, 0));
    }

    @Test
    void solveInvertsTheFactoredMatrix() {
        int n = 301;
        HostMatrix a = spd(n, 5);
        double[] l = a.data().clone();
        assertThat(BlockedCholesky.factorInPlace(b, l, n)).isTrue();
        double[] x = new double[n];
        Rng.of(6).stream("x").fillGaussian(x, 1);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                y[i] += a.get(i, j) * x[j];
            }
        }
        BlockedCholesky.solveInPlace(l, n, y);
        for (int i = 0; i < n; i++) {
            assertThat(y[i]).isCloseTo(x[i], within(1e-8));
        }
    }

    @Test
    void indefiniteOrNonFiniteMatricesAreRefused() {
        int n = 300;
        HostMatrix a = spd(n, 3);
        double[] shifted = a.data().clone();
        double lmin = Spectral.eigenvalues(a)[0];
        for (int i = 0; i < n; i++) {
            shifted[i * n + i] -= 1.01 * lmin; // one negative eigenvalue
        }
        assertThat(BlockedCholesky.factorInPlace(b, shifted, n)).isFalse();
        double[] nan = a.data().clone();
        nan[(n - 1) * n + n - 2] = Double.NaN;
        nan[(n - 2) * n + n - 1] = Double.NaN;
        assertThat(BlockedCholesky.factorInPlace(b, nan, n)).isFalse();
    }

    @Test
    void verifiedExtremesWithTheBackendAgreeWithTheFullDecomposition() {
        HostMatrix g = spd(520, 11);
        double[] ev = Spectral.eigenvalues(g);
        Spectral.Value min = Spectral.lambdaMin(b, g);
        Spectral.Value max = Spectral.lambdaMax(b, g);
        assertThat(min.method()).contains("verified");
        assertThat(max.method()).contains("verified");
        assertThat(min.value()).isLessThanOrEqualTo(ev[0]);
        assertThat(min.value() / ev[0]).isCloseTo(1, within(1e-7));
        assertThat(max.value()).isGreaterThanOrEqualTo(ev[519]);
        assertThat(max.value() / ev[519]).isCloseTo(1, within(1e-7));
    }

    @Test
    void aFloatBackendIsNotUsedForTheFactorisation() {
        assertThat(BlockedCholesky.usable(new ReferenceBackend(Precision.FLOAT))).isFalse();
        assertThat(BlockedCholesky.usable(b)).isTrue();
        assertThat(BlockedCholesky.usable(null)).isFalse();
    }
}
