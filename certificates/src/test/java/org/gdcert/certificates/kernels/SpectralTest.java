package org.gdcert.certificates.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.gdcert.core.backend.ReferenceGemm;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.testing.ReferenceBackend;
import org.junit.jupiter.api.Test;

/** Safe-side extreme eigenvalues against EJML's full decomposition. */
class SpectralTest {
    private static final double CLOSE = 1e-7;
    private final ReferenceBackend b = new ReferenceBackend();

    private static HostMatrix gaussian(int r, int c, long seed) {
        HostMatrix m = new HostMatrix(r, c);
        Rng.of(seed).stream("m").fillGaussian(m.data(), 1);
        return m;
    }

    @Test
    void largeGramEigenvaluesAreVerifiedOnTheSafeSide() {
        // n = 500 > FULL_EIGEN_MAX: Lanczos + Cholesky verification
        HostMatrix f = gaussian(500, 900, 1);
        HostMatrix g = Grams.gram(b, f, true);
        double[] ev = Spectral.eigenvalues(g);
        Spectral.Value min = Spectral.lambdaMin(g);
        Spectral.Value max = Spectral.lambdaMax(g);
        assertThat(min.method()).contains("verified");
        assertThat(max.method()).contains("verified");
        assertThat(min.value()).isLessThanOrEqualTo(ev[0]);
        assertThat(min.value() / ev[0]).isCloseTo(1, within(CLOSE));
        assertThat(max.value()).isGreaterThanOrEqualTo(ev[ev.length - 1]);
        assertThat(max.value() / ev[ev.length - 1]).isCloseTo(1, within(CLOSE));
    }

    @Test
    void clusteredBottomOfTheSpectrumMovesTheShiftAndStaysOnTheSafeSide() {
        // A = Q diag(λ) Qᵀ with λ_1 = 1 and eight neighbours within 0.1%, the rest up to 1e4: the
        // plain inverse iteration does not converge in SHIFT_AFTER products, the shifted one does
        int n = 450;
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = i == 0 ? 1 : i < 9 ? 1 + 1e-4 * i : 1 + 1e4 * i / n;
        }
        HostMatrix q = orthogonal(n, 21);
        HostMatrix a = new HostMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += q.get(i, k) * lambda[k] * q.get(j, k);
                }
                a.set(i, j, v);
                a.set(j, i, v);
            }
        }
        for (Backend backend : new Backend[] {null, new HostDoubleBackend(2)}) {
            Spectral.Value min = Spectral.lambdaMin(backend, a);
            assertThat(min.method()).contains("verified").contains("shift σ");
            assertThat(min.value()).isLessThanOrEqualTo(1.0);
            assertThat(min.value()).isCloseTo(1.0, within(1e-6)); // the margin 16nε‖A‖₁/λ ≈ 1e-7
        }
    }

    private static HostMatrix orthogonal(int n, long seed) {
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        Rng.of(seed).stream("q").fillGaussian(g.data, 1);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        assertThat(qr.decompose(g)).isTrue();
        return new HostMatrix(n, n, qr.getQ(null, false).data);
    }

    @Test
    void sigmaNIsZeroForWideSamplesAndMatchesSvdOtherwise() {
        try (Matrix wide = b.upload(gaussian(10, 6, 2))) {
            assertThat(Spectral.sigmaN(b, wide).value()).isZero();
        }
        HostMatrix f = gaussian(8, 20, 3);
        double[] sv = Spectral.singularValues(f);
        try (Matrix m = b.upload(f)) {
            assertThat(Spectral.sigmaN(b, m).value()).isCloseTo(sv[7], within(1e-12));
            assertThat(Spectral.sigmaMax(b, m).value()).isCloseTo(sv[0], within(1e-12));
        }
    }

    @Test
    void illConditionedSmallMatrixUsesTheSvd() {
        // rows nearly parallel: κ ≈ 1e8, the Gram route would lose everything
        HostMatrix f = gaussian(3, 12, 4);
        for (int j = 0; j < 12; j++) {
            f.set(2, j, f.get(1, j) + 1e-8 * f.get(2, j));
        }
        double[] sv = Spectral.singularValues(f);
        try (Matrix m = b.upload(f)) {
            Spectral.Value v = Spectral.sigmaN(b, m);
            assertThat(v.method()).contains("SVD");
            assertThat(v.value() / sv[2]).isCloseTo(1, within(1e-6));
        }
    }

    @Test
    void blockedGramEqualsTheDirectProduct() {
        HostMatrix a = gaussian(Grams.BLOCKED_FROM + 37, 23, 5);
        HostMatrix g = Grams.gram(b, a, true);
        HostMatrix want = new HostMatrix(a.rows(), a.rows());
        ReferenceGemm.gemm(false, true, a.rows(), a.rows(), a.cols(), 1, a.data(), a.cols(), a.data(), a.cols(), 0,
                want.data(), a.rows());
        assertThat(g.maxAbsDiff(want)).isLessThan(1e-12);
        HostMatrix inner = Grams.gram(b, a, false);
        HostMatrix wantInner = new HostMatrix(23, 23);
        ReferenceGemm.gemm(true, false, 23, 23, a.rows(), 1, a.data(), a.cols(), a.data(), a.cols(), 0,
                wantInner.data(), 23);
        assertThat(inner.maxAbsDiff(wantInner)).isLessThan(1e-11);
    }

    @Test
    void hostGemmMatchesTheReferenceForEveryTranspose() {
        try (HostDoubleBackend h = new HostDoubleBackend(2)) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    int m = 67;
                    int n = 1030;
                    int k = 261;
                    HostMatrix a = ta ? gaussian(k, m, 6) : gaussian(m, k, 6);
                    HostMatrix bb = tb ? gaussian(n, k, 7) : gaussian(k, n, 7);
                    HostMatrix c0 = gaussian(m, n, 8);
                    HostMatrix want = c0.copy();
                    ReferenceGemm.gemm(ta, tb, m, n, k, 0.7, a.data(), a.cols(), bb.data(), bb.cols(), -0.3,
                            want.data(), n);
                    try (Matrix ma = h.upload(a); Matrix mb = h.upload(bb); Matrix mc = h.upload(c0)) {
                        h.gemm(ta, tb, 0.7, ma, mb, -0.3, mc);
                        assertThat(h.download(mc).maxAbsDiff(want)).as("ta=%s tb=%s", ta, tb).isLessThan(1e-11);
                    }
                }
            }
        }
    }

    @Test
    void lanczosFindsExtremesOfAKnownSpectrum() {
        int n = 300;
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = 1 + i * 0.01;
        }
        Lanczos.Result r = Lanczos.run(new Lanczos.Operator() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int i = 0; i < n; i++) {
                    y[i] = diag[i] * x[i];
                }
            }
        }, Lanczos.Target.BOTH, 1e-10, 300, 1);
        assertThat(r.max()).isCloseTo(diag[n - 1], within(1e-8));
        assertThat(r.min()).isCloseTo(1, within(1e-8));
        assertThat(r.max()).isLessThanOrEqualTo(diag[n - 1] + 1e-12);
    }
}
