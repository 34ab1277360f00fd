package org.gdcert.certificates.sgdrelu;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.gdcert.certificates.kernels.Spectral;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spectral.SpectralOptions;
import org.gdcert.core.spectral.SpectralResult;
import org.gdcert.core.spectral.SpectralSolver;

/**
 * The spectral quantities of the {@code sgd_relu} checker, with the safe sides of spec
 * certificates-sgd-relu.md §4.1 steps 1 and 5: core's spectral toolkit for ‖X‖_op and the extreme
 * singular values of H (verified intervals), EJML for the full Gram spectra of the data checks and
 * the small explicit kernels (the symmetric eigenvalues through {@link Spectral}). The single place
 * of the checker that touches either.
 */
final class Spectra {
    /** Unit roundoff of float64, u = 2^-53. */
    static final double U = 0x1.0p-53;

    private Spectra() {
    }

    /**
     * ‖X‖_op with an upper bound: the spectral toolkit's verified σ_max interval (proven under the
     * IEEE model, Gram rounding included), and no less than the spec's 10·max(N,d0)·u·‖X‖_F above
     * the estimate (§4.1 step 1). Also returns the eigenvalues of the smaller Gram matrix (EJML),
     * for the numerical rank and the row cosines of the data checks.
     */
    static OpNorm opNormUpper(HostMatrix x) {
        int n = x.rows();
        int d = x.cols();
        double fro = Math.sqrt(Sums.sumOfSquares(x.data()));
        double[][] g = n <= d ? rowGram(x) : columnGram(x);
        double[] ev = symmetricEigenvalues(g);
        SpectralResult r;
        try (SpectralSolver solver = SpectralSolver.withDefaults()) {
            r = solver.sigmaMax(x);
        }
        double upper = Math.max(r.upper(), r.value() + 10.0 * Math.max(n, d) * U * fro);
        return new OpNorm(r.value(), upper, ev, g, n <= d, r.toString());
    }

    /** ‖X‖_op estimate and upper bound, the sorted Gram eigenvalues, and the Gram itself. */
    record OpNorm(double value, double upper, double[] gramEigenvalues, double[][] gram, boolean rowGram,
            String method) {
        /**
         * Numerical rank: Gram eigenvalues above 10·max(N,d0)·u·λ_max, the Gram's own rounding
         * level (so singular values below about 10⁻⁶·σ_max count as zero).
         */
        int rank(int inner) {
            double lmax = gramEigenvalues.length == 0 ? 0 : gramEigenvalues[gramEigenvalues.length - 1];
            double tol = 10.0 * inner * U * lmax;
            int r = 0;
            for (double v : gramEigenvalues) {
                if (v > tol) {
                    r++;
                }
            }
            return r;
        }
    }

    /**
     * The extreme singular values of H (N × d1, d1 ≥ N) with safe sides: the spectral toolkit's
     * verified intervals (Gram route, switching to a Householder LQ of H itself when κ is large, so
     * σ_min is not computed from a squared condition number; spec §4.1 step 5), widened to at
     * least the spec's 10·max(N,d1)·u·‖H‖_op around the estimates.
     */
    static Extremes rowSingularValues(HostMatrix h) {
        int n = h.rows();
        int m = h.cols();
        if (m < n) {
            throw new IllegalArgumentException("H is " + n + "x" + m + ": need at least as many columns as rows");
        }
        SpectralSolver.Extremes e;
        try (SpectralSolver solver = SpectralSolver.withDefaults()) {
            e = solver.singularExtremes(h);
        }
        double margin = 10.0 * Math.max(n, m) * U * e.max().value();
        return new Extremes(e.max().value(), e.min().value(), Math.max(e.max().upper(), e.max().value() + margin),
                Math.min(e.min().lower(), e.min().value() - margin), e.min().toString());
    }

    /**
     * The largest and smallest singular values: estimates, a safe upper bound of the largest and a
     * safe lower bound of the smallest, and how the smallest was obtained.
     */
    record Extremes(double max, double min, double maxUpper, double minLower, String method) {
    }

    /** σ_N(H) for monitoring (the toolkit's estimate; 0 when d1 &lt; N). */
    static double sigmaN(HostMatrix h) {
        try (SpectralSolver solver = new SpectralSolver(SpectralOptions.defaults().withVerify(false))) {
            return solver.sigmaN(h).value();
        }
    }

    /** Singular values in descending order. */
    static double[] singularValues(DMatrixRMaj a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false,
                false, true);
        if (!svd.decompose(a.copy())) {
            throw new IllegalStateException("SVD of a " + a.numRows + "x" + a.numCols + " matrix failed");
        }
        double[] s = svd.getSingularValues().clone();
        int k = Math.min(a.numRows, a.numCols);
        double[] out = Arrays.copyOf(s, k);
        Arrays.sort(out);
        for (int i = 0; i < k / 2; i++) {
            double t = out[i];
            out[i] = out[k - 1 - i];
            out[k - 1 - i] = t;
        }
        return out;
    }

    /** Eigenvalues of the symmetric part of {@code a}, ascending. */
    static double[] symmetricEigenvalues(double[][] a) {
        return Spectral.symmetricPartEigenvalues(a);
    }

    /** γ_n = n·u/(1 − n·u), the standard dot-product rounding factor. */
    static double gamma(long n) {
        double nu = n * U;
        return nu / (1 - nu);
    }

    /** XXᵀ (N × N). */
    static double[][] rowGram(HostMatrix x) {
        int n = x.rows();
        int d = x.cols();
        double[] a = x.data();
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                int oi = i * d;
                int oj = j * d;
                for (int k = 0; k < d; k++) {
                    s += a[oi + k] * a[oj + k];
                }
                g[i][j] = s;
                g[j][i] = s;
            }
        }
        return g;
    }

    /** XᵀX (d × d), accumulated row by row. */
    static double[][] columnGram(HostMatrix x) {
        int n = x.rows();
        int d = x.cols();
        double[] a = x.data();
        double[][] g = new double[d][d];
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int k = 0; k < d; k++) {
                double v = a[o + k];
                if (v == 0) {
                    continue;
                }
                double[] gk = g[k];
                for (int l = 0; l <= k; l++) {
                    gk[l] += v * a[o + l];
                }
            }
        }
        for (int k = 0; k < d; k++) {
            for (int l = 0; l < k; l++) {
                g[l][k] = g[k][l];
            }
        }
        return g;
    }

    /** C = A·B for host matrices, by EJML's blocked product. */
    static HostMatrix times(HostMatrix a, HostMatrix b) {
        DMatrixRMaj ma = DMatrixRMaj.wrap(a.rows(), a.cols(), a.data());
        DMatrixRMaj mb = DMatrixRMaj.wrap(b.rows(), b.cols(), b.data());
        DMatrixRMaj c = new DMatrixRMaj(a.rows(), b.cols());
        org.ejml.dense.row.CommonOps_DDRM.mult(ma, mb, c);
        return new HostMatrix(a.rows(), b.cols(), c.data);
    }
}
