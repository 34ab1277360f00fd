package org.gdcert.core.spectral;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;

/** Seeded test matrices and EJML oracles for the spectral tests. */
final class TestMatrices {
    private TestMatrices() {
    }

    static HostMatrix gaussian(int rows, int cols, long seed) {
        HostMatrix m = new HostMatrix(rows, cols);
        Rng.of(seed).fillGaussian(m.data(), 1);
        return m;
    }

    /** A random matrix with orthonormal columns (rows ≥ cols), from EJML's QR of a Gaussian matrix. */
    static DMatrixRMaj orthonormalColumns(int rows, int cols, long seed) {
        HostMatrix g = gaussian(rows, cols, seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols, true, g.data());
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        if (!qr.decompose(m)) {
            throw new IllegalStateException("QR failed");
        }
        return qr.getQ(null, true);
    }

    /** U diag(s) Vᵀ with random orthonormal U (rows×k), V (cols×k), k = s.length ≤ min(rows, cols). */
    static HostMatrix withSingularValues(int rows, int cols, double[] s, long seed) {
        int k = s.length;
        DMatrixRMaj u = orthonormalColumns(rows, k, seed);
        DMatrixRMaj v = orthonormalColumns(cols, k, seed + 1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < k; j++) {
                u.set(i, j, u.get(i, j) * s[j]);
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.multTransB(u, v, a);
        return new HostMatrix(rows, cols, a.getData().clone());
    }

    /** Geometrically spaced values from hi down to lo (n ≥ 2). */
    static double[] geometric(int n, double hi, double lo) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = hi * Math.pow(lo / hi, i / (double) (n - 1));
        }
        return s;
    }

    /** EJML's singular values, ascending. */
    static double[] svd(HostMatrix a) {
        DMatrixRMaj m = new DMatrixRMaj(a.rows(), a.cols(), true, a.data());
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.rows(), a.cols(), false,
                false, true);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("SVD failed");
        }
        double[] s = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        Arrays.sort(s);
        return s;
    }

    /** EJML's eigenvalues of a symmetric matrix, ascending. */
    static double[] eig(HostMatrix s) {
        DMatrixRMaj m = new DMatrixRMaj(s.rows(), s.cols(), true, s.data());
        EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(s.rows(), false, true);
        if (!e.decompose(m)) {
            throw new IllegalStateException("eig failed");
        }
        double[] v = new double[s.rows()];
        for (int i = 0; i < v.length; i++) {
            v[i] = e.getEigenvalue(i).real;
        }
        Arrays.sort(v);
        return v;
    }

    /** A Aᵀ by plain loops. */
    static HostMatrix gramRows(HostMatrix a) {
        return a.times(a.transpose());
    }

    /** A random symmetric matrix Q diag(lambda) Qᵀ. */
    static HostMatrix symmetricWithEigenvalues(double[] lambda, long seed) {
        int n = lambda.length;
        DMatrixRMaj q = orthonormalColumns(n, n, seed);
        DMatrixRMaj ql = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ql.set(i, j, q.get(i, j) * lambda[j]);
            }
        }
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(ql, q, s);
        HostMatrix h = new HostMatrix(n, n, s.getData().clone());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (h.get(i, j) + h.get(j, i));
                h.set(i, j, v);
                h.set(j, i, v);
            }
        }
        return h;
    }
}
