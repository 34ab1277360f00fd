package org.gdcert.certificates.sgdrelu;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.gdcert.core.linalg.HostMatrix;

/**
 * The dense spectral quantities of the {@code sgd_relu} checker, with the rounding margins of spec
 * certificates-sgd-relu.md §4.1 steps 1 and 5. The single place that touches EJML, so that moving
 * to core's spectral toolkit is a one-file change.
 */
final class Spectra {
    /** Unit roundoff of float64, u = 2^-53. */
    static final double U = 0x1.0p-53;

    private Spectra() {
    }

    /**
     * ‖X‖_op with an upper margin: the largest eigenvalue of the smaller Gram matrix (XᵀX or XXᵀ)
     * plus the Gram's rounding error γ_m‖X‖_F² and the eigensolver's n·u·λ_max, then the spec's
     * 10·max(N,d0)·u·‖X‖_F on top. Also returns the Gram eigenvalues (for the numerical rank).
     */
    static OpNorm opNormUpper(HostMatrix x) {
        int n = x.rows();
        int d = x.cols();
        double fro2 = Sums.sumOfSquares(x.data());
        double[][] g = n <= d ? rowGram(x) : columnGram(x);
        double[] ev = symmetricEigenvalues(g);
        int small = Math.min(n, d);
        int inner = Math.max(n, d);
        double lmax = ev.length == 0 ? 0 : Math.max(ev[ev.length - 1], 0);
        double gramErr = gamma(inner) * fro2 + 10.0 * small * U * lmax;
        double upper = Math.sqrt(lmax + gramErr) + 10.0 * inner * U * Math.sqrt(fro2);
        return new OpNorm(Math.sqrt(lmax), upper, ev, g, n <= d);
    }

    /** ‖X‖_op estimate and upper bound, the sorted Gram eigenvalues, and the Gram itself. */
    record OpNorm(double value, double upper, double[] gramEigenvalues, double[][] gram, boolean rowGram) {
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
     * The extreme singular values of H (N × d1, d1 ≥ N): a Householder QR of Hᵀ and an SVD of the
     * N × N factor R (no Gram matrix, which would square the condition number; spec §4.1 step 5).
     */
    static Extremes rowSingularValues(HostMatrix h) {
        int n = h.rows();
        int m = h.cols();
        if (m < n) {
            throw new IllegalArgumentException("H is " + n + "x" + m + ": need at least as many columns as rows");
        }
        DMatrixRMaj ht = new DMatrixRMaj(m, n);
        double[] src = h.data();
        double[] dst = ht.data;
        for (int i = 0; i < n; i++) {
            int off = i * m;
            for (int j = 0; j < m; j++) {
                dst[j * n + i] = src[off + j];
            }
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m, n);
        if (!qr.decompose(ht)) {
            throw new IllegalStateException("QR decomposition of the " + m + "x" + n + " matrix Hᵀ failed");
        }
        DMatrixRMaj r = qr.getR(null, true);
        double[] s = singularValues(r);
        return new Extremes(s.length == 0 ? 0 : s[0], s.length == 0 ? 0 : s[s.length - 1]);
    }

    /** The largest and smallest singular values. */
    record Extremes(double max, double min) {
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
        int n = a.length;
        if (n == 0) {
            return new double[0];
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, 0.5 * (a[i][j] + a[j][i]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("symmetric eigendecomposition of a " + n + "x" + n + " matrix failed");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(v);
        return v;
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
