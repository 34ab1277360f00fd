package org.gdcert.core.spectral;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/** Full dense decompositions by EJML, for small matrices and the direct route. EJML stays in here. */
final class Dense {
    private Dense() {
    }

    /** All min(rows, cols) singular values of the row-major matrix, descending. */
    static double[] singularValues(double[] a, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols, true, a);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, false, false,
                true);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("spectral: the dense SVD (EJML) of a " + rows + "x" + cols
                    + " matrix did not converge");
        }
        double[] s = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /** All eigenvalues of the symmetric n×n row-major matrix, ascending. */
    static double[] symmetricEigenvalues(double[] s, int n) {
        DMatrixRMaj m = new DMatrixRMaj(n, n, true, s);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("spectral: the dense symmetric eigendecomposition (EJML) of order " + n
                    + " did not converge");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(v);
        return v;
    }
}
