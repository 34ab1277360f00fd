package org.gdcert.certificates.du;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues of small dense symmetric matrices (n × n Gram matrices of the samples), by EJML's
 * symmetric eigensolver (Householder tridiagonalization + implicit QR). The single place that
 * touches EJML for spectra, so that switching to core's spectral toolkit is a one-file change.
 */
final class SymmetricSpectrum {
    private final double[] values;

    private SymmetricSpectrum(double[] values) {
        this.values = values;
    }

    /** The spectrum of (A + Aᵀ)/2. */
    static SymmetricSpectrum of(double[][] a) {
        int n = a.length;
        if (n == 0) {
            return new SymmetricSpectrum(new double[0]);
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, 0.5 * (a[i][j] + a[j][i]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("symmetric eigen-decomposition of a " + n + "x" + n + " matrix failed");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(v);
        return new SymmetricSpectrum(v);
    }

    double min() {
        return values.length == 0 ? Double.NaN : values[0];
    }

    double max() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** ‖A‖_2 = max |λ|. */
    double norm() {
        return values.length == 0 ? 0 : Math.max(Math.abs(values[0]), Math.abs(values[values.length - 1]));
    }

    /** ‖A − B‖_2 for symmetric A, B. */
    static double distance(double[][] a, double[][] b) {
        int n = a.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = a[i][j] - b[i][j];
            }
        }
        return of(d).norm();
    }
}
