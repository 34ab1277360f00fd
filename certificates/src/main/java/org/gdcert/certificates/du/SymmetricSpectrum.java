package org.gdcert.certificates.du;

import org.gdcert.certificates.kernels.Spectral;

/**
 * Eigenvalues of small dense symmetric matrices (n × n Gram matrices of the samples), by EJML's
 * symmetric eigensolver (Householder tridiagonalization + implicit QR) behind
 * {@link Spectral#symmetricPartEigenvalues}.
 */
final class SymmetricSpectrum {
    private final double[] values;

    private SymmetricSpectrum(double[] values) {
        this.values = values;
    }

    /** The spectrum of (A + Aᵀ)/2. */
    static SymmetricSpectrum of(double[][] a) {
        return new SymmetricSpectrum(Spectral.symmetricPartEigenvalues(a));
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
