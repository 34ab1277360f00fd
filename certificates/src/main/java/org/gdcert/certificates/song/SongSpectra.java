package org.gdcert.certificates.song;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Dense linear algebra of the {@code song} checker: Gram matrices of row-major arrays and the
 * spectra of small symmetric matrices, by EJML (symmetric eigensolver: Householder
 * tridiagonalization + implicit QR). The single place that touches EJML, so that switching to
 * core's spectral toolkit ({@code org.gdcert.core.spectral}) is a one-file change.
 *
 * <p>All extreme values are those of a full decomposition, never of a power iteration: a power
 * iteration under-estimates σ_max, which would make a certificate unsound (spec §4.3 step 2).
 */
final class SongSpectra {

    private SongSpectra() {
    }

    /** Eigenvalues (ascending) and, when requested, orthonormal eigenvectors as columns of a row-major m × m array. */
    record Eigen(double[] values, double[] vectors, int order) {
        double min() {
            return values.length == 0 ? Double.NaN : values[0];
        }

        double max() {
            return values.length == 0 ? Double.NaN : values[values.length - 1];
        }

        /** Component i of eigenvector j. */
        double vector(int i, int j) {
            return vectors[i * order + j];
        }
    }

    /**
     * The spectrum of the symmetric part of the row-major m × m array {@code a} (not modified). A
     * matrix with a NaN or infinite entry (a diverged trajectory) has an all-NaN spectrum.
     */
    static Eigen symmetric(double[] a, int m, boolean vectors) {
        if (m == 0) {
            return new Eigen(new double[0], new double[0], 0);
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                double[] nan = new double[m];
                java.util.Arrays.fill(nan, Double.NaN);
                double[] vec = vectors ? new double[m * m] : new double[0];
                java.util.Arrays.fill(vec, Double.NaN);
                return new Eigen(nan, vec, m);
            }
        }
        DMatrixRMaj s = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                s.data[i * m + j] = 0.5 * (a[i * m + j] + a[j * m + i]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, vectors, true);
        if (!eig.decompose(s)) {
            throw new IllegalStateException("the symmetric eigendecomposition of a " + m + "x" + m + " matrix failed");
        }
        Integer[] order = new Integer[m];
        double[] raw = new double[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, (p, q) -> Double.compare(raw[p], raw[q]));
        double[] values = new double[m];
        double[] vec = vectors ? new double[m * m] : new double[0];
        for (int j = 0; j < m; j++) {
            values[j] = raw[order[j]];
            if (vectors) {
                DMatrixRMaj v = eig.getEigenVector(order[j]);
                for (int i = 0; i < m; i++) {
                    vec[i * m + j] = v.data[i];
                }
            }
        }
        return new Eigen(values, vec, m);
    }

    /** Eigenvalues only. */
    static double[] eigenvalues(double[] a, int m) {
        return symmetric(a, m, false).values();
    }

    /** A Aᵀ (rows × rows) of the row-major rows × cols array a. */
    static double[] outerGram(double[] a, int rows, int cols) {
        DMatrixRMaj m = DMatrixRMaj.wrap(rows, cols, a);
        DMatrixRMaj g = new DMatrixRMaj(rows, rows);
        CommonOps_DDRM.multTransB(m, m, g);
        return g.data;
    }

    /** Aᵀ A (cols × cols) of the row-major rows × cols array a. */
    static double[] innerGram(double[] a, int rows, int cols) {
        DMatrixRMaj m = DMatrixRMaj.wrap(rows, cols, a);
        DMatrixRMaj g = new DMatrixRMaj(cols, cols);
        CommonOps_DDRM.multTransA(m, m, g);
        return g.data;
    }

    /** The smaller of A Aᵀ and Aᵀ A. */
    static double[] smallerGram(double[] a, int rows, int cols) {
        return rows <= cols ? outerGram(a, rows, cols) : innerGram(a, rows, cols);
    }

    /** C := A B for row-major arrays (p × q)(q × r). */
    static double[] multiply(double[] a, int p, int q, double[] b, int r) {
        DMatrixRMaj c = new DMatrixRMaj(p, r);
        CommonOps_DDRM.mult(DMatrixRMaj.wrap(p, q, a), DMatrixRMaj.wrap(q, r, b), c);
        return c.data;
    }

    /** C := Aᵀ B for row-major arrays A (q × p), B (q × r). */
    static double[] multiplyTransA(double[] a, int q, int p, double[] b, int r) {
        DMatrixRMaj c = new DMatrixRMaj(p, r);
        CommonOps_DDRM.multTransA(DMatrixRMaj.wrap(q, p, a), DMatrixRMaj.wrap(q, r, b), c);
        return c.data;
    }

    /** C := A Bᵀ for row-major arrays A (p × q), B (r × q). */
    static double[] multiplyTransB(double[] a, int p, int q, double[] b, int r) {
        DMatrixRMaj c = new DMatrixRMaj(p, r);
        CommonOps_DDRM.multTransB(DMatrixRMaj.wrap(p, q, a), DMatrixRMaj.wrap(r, q, b), c);
        return c.data;
    }

    /** The largest eigenvalue of the smaller Gram of A, i.e. σ_max(A)², with the Gram's order. */
    static double[] sigmaMaxSquared(double[] a, int rows, int cols) {
        int m = Math.min(rows, cols);
        if (m == 0) {
            return new double[] {0, 0};
        }
        double[] g = smallerGram(a, rows, cols);
        return new double[] {Math.max(eigenvalues(g, m)[m - 1], 0), m};
    }
}
