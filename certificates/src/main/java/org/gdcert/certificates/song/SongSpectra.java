package org.gdcert.certificates.song;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spectral.SpectralOptions;
import org.gdcert.core.spectral.SpectralResult;
import org.gdcert.core.spectral.SpectralSolver;

/**
 * Dense linear algebra of the {@code song} checker, the single place that touches EJML and core's
 * spectral toolkit. The certificate's safe sides (σ_max of X, V0, φ(W0X) from above, μ =
 * σ_min(φ(W0X)) from below, λ of the tangent kernel) come from {@link SpectralSolver}, whose
 * Gram-route bounds are proven under the IEEE model, the rounding of the Gram product included;
 * full spectra with eigenvectors (the linearized twin) and the monitor's per-iterate estimates come
 * from EJML's symmetric eigensolver.
 *
 * <p>No extreme value here comes from a bare power iteration: that under-estimates σ_max, which
 * would make a certificate unsound (spec §4.3 step 2).
 */
final class SongSpectra {

    private SongSpectra() {
    }

    /**
     * A safe-side enclosure [lower, upper] of an exact value, with the method in words.
     *
     * @param lower a lower bound
     * @param value the estimate
     * @param upper an upper bound
     * @param how the method and what the bounds rest on
     */
    record Enclosure(double lower, double value, double upper, String how) {
        static Enclosure of(SpectralResult r) {
            return new Enclosure(r.lower(), r.value(), r.upper(), r.method().name().toLowerCase(java.util.Locale.ROOT)
                    + ", " + r.bound().name().toLowerCase(java.util.Locale.ROOT) + " bounds");
        }

        /** √ of an eigenvalue enclosure (negative ends clamped to 0). */
        Enclosure sqrt() {
            return new Enclosure(Math.sqrt(Math.max(lower, 0)), Math.sqrt(Math.max(value, 0)),
                    Math.sqrt(Math.max(upper, 0)), how);
        }
    }

    /** A solver of core's spectral toolkit with verified bounds (close it). */
    static SpectralSolver solver() {
        return new SpectralSolver(SpectralOptions.defaults());
    }

    /** σ_max of the row-major rows × cols array, verified from above. */
    static Enclosure sigmaMax(SpectralSolver solver, double[] a, int rows, int cols) {
        return Enclosure.of(solver.sigmaMax(new HostMatrix(rows, cols, a)));
    }

    /**
     * σ_min and σ_max of the row-major rows × cols array with rows ≤ cols sharing one Gram: σ_min is
     * σ_rows, i.e. the paper's σ_min of the transpose as an operator on ℝ^rows (§1.3).
     */
    static Enclosure[] wideExtremes(SpectralSolver solver, double[] a, int rows, int cols) {
        if (rows > cols) {
            throw new IllegalArgumentException("wideExtremes needs rows <= cols, got " + rows + "x" + cols);
        }
        SpectralSolver.Extremes e = solver.singularExtremes(new HostMatrix(rows, cols, a));
        return new Enclosure[] {Enclosure.of(e.min()), Enclosure.of(e.max())};
    }

    /** λ_min of a symmetric row-major m × m array, verified from below (its formation error not included). */
    static Enclosure lambdaMin(SpectralSolver solver, double[] a, int m) {
        return Enclosure.of(solver.lambdaMin(new HostMatrix(m, m, a)));
    }

    /** λ_max of a symmetric row-major m × m array, verified from above (its formation error not included). */
    static Enclosure lambdaMax(SpectralSolver solver, double[] a, int m) {
        return Enclosure.of(solver.lambdaMax(new HostMatrix(m, m, a)));
    }

    /**
     * A rigorous bound on the spectral-norm error of a Gram matrix G = Σ_k a_k a_kᵀ summed in floating
     * point over {@code terms} products: ‖fl(G) − G‖₂ ≤ ‖fl(G) − G‖_F ≤ γ_terms·trace(G), with
     * γ_k = kε/(1 − kε) and a small safety factor for the rounding of the trace itself.
     */
    static double gramFormationError(double[] g, int m, long terms) {
        double trace = 0;
        for (int i = 0; i < m; i++) {
            trace += Math.abs(g[i * m + i]);
        }
        double u = Math.ulp(1.0) / 2;
        double gamma = terms * u / (1 - terms * u);
        return 1.01 * gamma * trace;
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

    /** Products with at least this many multiply-adds use EJML's multi-threaded kernels. */
    static final long PARALLEL_WORK = 1L << 20;

    private static boolean parallel(long work) {
        return work >= PARALLEL_WORK;
    }

    /** A Aᵀ (rows × rows) of the row-major rows × cols array a (symmetric product). */
    static double[] outerGram(double[] a, int rows, int cols) {
        DMatrixRMaj m = DMatrixRMaj.wrap(rows, cols, a);
        DMatrixRMaj g = new DMatrixRMaj(rows, rows);
        if (parallel((long) rows * rows * cols / 2)) {
            CommonOps_MT_DDRM.multOuter(m, g);
        } else {
            CommonOps_DDRM.multOuter(m, g);
        }
        return g.data;
    }

    /** Aᵀ A (cols × cols) of the row-major rows × cols array a (symmetric product). */
    static double[] innerGram(double[] a, int rows, int cols) {
        DMatrixRMaj m = DMatrixRMaj.wrap(rows, cols, a);
        DMatrixRMaj g = new DMatrixRMaj(cols, cols);
        if (parallel((long) cols * cols * rows / 2)) {
            CommonOps_MT_DDRM.multInner(m, g);
        } else {
            CommonOps_DDRM.multInner(m, g);
        }
        return g.data;
    }

    /** The smaller of A Aᵀ and Aᵀ A. */
    static double[] smallerGram(double[] a, int rows, int cols) {
        return rows <= cols ? outerGram(a, rows, cols) : innerGram(a, rows, cols);
    }

    /** C := A B for row-major arrays (p × q)(q × r). */
    static double[] multiply(double[] a, int p, int q, double[] b, int r) {
        DMatrixRMaj c = new DMatrixRMaj(p, r);
        if (parallel((long) p * q * r)) {
            CommonOps_MT_DDRM.mult(DMatrixRMaj.wrap(p, q, a), DMatrixRMaj.wrap(q, r, b), c);
        } else {
            CommonOps_DDRM.mult(DMatrixRMaj.wrap(p, q, a), DMatrixRMaj.wrap(q, r, b), c);
        }
        return c.data;
    }

    /** C := Aᵀ B for row-major arrays A (q × p), B (q × r). */
    static double[] multiplyTransA(double[] a, int q, int p, double[] b, int r) {
        DMatrixRMaj c = new DMatrixRMaj(p, r);
        if (parallel((long) p * q * r)) {
            CommonOps_MT_DDRM.multTransA(DMatrixRMaj.wrap(q, p, a), DMatrixRMaj.wrap(q, r, b), c);
        } else {
            CommonOps_DDRM.multTransA(DMatrixRMaj.wrap(q, p, a), DMatrixRMaj.wrap(q, r, b), c);
        }
        return c.data;
    }

    /** C := A Bᵀ for row-major arrays A (p × q), B (r × q). */
    static double[] multiplyTransB(double[] a, int p, int q, double[] b, int r) {
        DMatrixRMaj c = new DMatrixRMaj(p, r);
        if (parallel((long) p * q * r)) {
            CommonOps_MT_DDRM.multTransB(DMatrixRMaj.wrap(p, q, a), DMatrixRMaj.wrap(r, q, b), c);
        } else {
            CommonOps_DDRM.multTransB(DMatrixRMaj.wrap(p, q, a), DMatrixRMaj.wrap(r, q, b), c);
        }
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
