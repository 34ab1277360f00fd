package org.gdcert.certificates.kernels;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Vectors;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;

/**
 * Extreme eigenvalues and singular values of the matrices the certificates name, computed on the
 * safe side for a certificate: an upper bound where the value sits in a numerator (‖W‖_2, ‖X‖_2),
 * a lower bound where it is a left-hand side (λ_F, α_0, σ_min(W_l)).
 *
 * <p>This class is the one place that talks to EJML; when core's spectral toolkit lands, switching
 * is a change to this file only.
 *
 * <p>Method: up to {@link #FULL_EIGEN_MAX} a full symmetric eigen-decomposition (backward stable,
 * |λ̂ − λ| ≤ c·ε·‖A‖). Above, Lanczos estimates verified by one more Cholesky factorisation: by
 * Sylvester's law of inertia, A − μI factors iff λ_min(A) &gt; μ, and μI − A factors iff
 * λ_max(A) &lt; μ (up to Cholesky's backward error c·n·ε·‖A‖, which the shift margin exceeds). The
 * verified μ is returned. For λ_min the Lanczos runs on (A − σI)⁻¹ through a Cholesky factor, σ = 0
 * first and, when the bottom of the spectrum is clustered and {@link #SHIFT_AFTER} products have
 * not converged, σ just below the estimate. Factorisations of order ≥ {@link #BLOCKED_CHOLESKY_FROM}
 * run as GEMMs on the backend ({@link BlockedCholesky}) when one is given. This costs O(n³/3) two or
 * three times instead of the ≈ 4n³/3 + QR sweeps of a full decomposition.
 */
public final class Spectral {
    /** Up to this order symmetric problems use the full decomposition. */
    public static final int FULL_EIGEN_MAX = 400;
    /** Above this condition number, σ_N from the Gram matrix loses more than ~1e-4 relative (ε·κ²). */
    public static final double GRAM_CONDITION_LIMIT = 1e6;
    /** Largest matrix (entries) for which the thin SVD fallback is attempted. */
    public static final long SVD_MAX_ENTRIES = 4_000_000L;
    /** Order from which Cholesky factorisations run as backend GEMMs ({@link BlockedCholesky}). */
    static final int BLOCKED_CHOLESKY_FROM = 256;
    /** Lanczos products on A⁻¹ before λ_min's shift moves next to the estimate. */
    static final int SHIFT_AFTER = 20;
    /** Shifts tried, as fractions of the estimate 1/θ ≥ λ_min, nearest first. */
    private static final double[] SHIFT_FRACTIONS = {0.99, 0.9, 0.5};
    private static final double EPS = Math.ulp(1.0);
    private static final long SEED = 0x5eed_1a9c05L;

    private Spectral() {
    }

    /** A number with the method that produced it, for the report's numerics notes. */
    public record Value(double value, String method) {
        /** The square root (σ from λ of a Gram matrix), clamped at 0. */
        public Value sqrt(String what) {
            return new Value(Math.sqrt(Math.max(0, value)), what + " = sqrt of " + method);
        }
    }

    /** All eigenvalues of the symmetric matrix, ascending (full decomposition). */
    public static double[] eigenvalues(HostMatrix sym) {
        int n = sym.rows();
        if (n == 0) {
            return new double[0];
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n, true, sym.data().clone());
        EigenDecomposition_F64<DMatrixRMaj> eig = n >= 256 ? DecompositionFactory_MT_DDRM.eig(n, false, true)
                : DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(a)) {
            throw new IllegalStateException("symmetric eigen-decomposition of a " + n + "x" + n + " matrix failed");
        }
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(ev);
        return ev;
    }

    /**
     * Eigenvalues of the symmetric part (A + Aᵀ)/2 of the square {@code a}, ascending (EJML's
     * single-threaded symmetric eigensolver, values only).
     */
    public static double[] symmetricPartEigenvalues(double[][] a) {
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
            throw new IllegalStateException("symmetric eigen-decomposition of a " + n + "x" + n + " matrix failed");
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(v);
        return v;
    }

    /** Singular values of {@code m}, descending (thin SVD, values only). */
    public static double[] singularValues(HostMatrix m) {
        DMatrixRMaj a = new DMatrixRMaj(m.rows(), m.cols(), true, m.data().clone());
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.rows(), m.cols(), false,
                false, true);
        if (!svd.decompose(a)) {
            throw new IllegalStateException("SVD of a " + m.rows() + "x" + m.cols() + " matrix failed");
        }
        double[] s = svd.getSingularValues().clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }

    /** λ_max of a symmetric matrix, rounded up (a verified upper bound above {@link #FULL_EIGEN_MAX}). */
    public static Value lambdaMax(HostMatrix sym) {
        return lambdaMax(null, sym);
    }

    /**
     * As {@link #lambdaMax(HostMatrix)}, with the verifying Cholesky's GEMMs on {@code b} when it is
     * a double-precision backend (else, and for null, EJML).
     */
    public static Value lambdaMax(Backend b, HostMatrix sym) {
        int n = sym.rows();
        if (n == 0) {
            return new Value(0, "empty");
        }
        if (n <= FULL_EIGEN_MAX) {
            double[] ev = eigenvalues(sym);
            return new Value(ev[n - 1], "full symmetric eigen-decomposition (" + n + "x" + n + ")");
        }
        double[] a = sym.data();
        Lanczos.Result r = Lanczos.run(explicit(a, n), Lanczos.Target.MAX, 1e-13, Math.min(n, 300), SEED);
        double norm1 = maxAbsRowSum(a, n);
        double delta = Math.max(1e-11, 16 * n * EPS * norm1 / Math.max(Math.abs(r.max()), Double.MIN_NORMAL));
        delta = Math.max(delta, 2 * r.maxResidual() / Math.max(Math.abs(r.max()), Double.MIN_NORMAL));
        for (int attempt = 0; attempt < 6; attempt++) {
            double mu = r.max() + delta * Math.abs(r.max());
            if (choleskyOf(b, a, n, -1, -mu) != null) {
                return new Value(mu, String.format(Locale.ROOT,
                        "Lanczos (%d steps) verified by Cholesky of μI − A: an upper bound, margin %.1e relative",
                        r.iterations(), delta));
            }
            delta *= 100;
        }
        double[] ev = eigenvalues(sym);
        return new Value(ev[n - 1], "full symmetric eigen-decomposition (" + n + "x" + n
                + "; Lanczos verification failed)");
    }

    /**
     * λ_min of a symmetric positive semi-definite matrix (a Gram matrix), rounded down and
     * clamped at 0 (a verified lower bound above {@link #FULL_EIGEN_MAX}).
     */
    public static Value lambdaMin(HostMatrix sym) {
        return lambdaMin(null, sym);
    }

    /**
     * As {@link #lambdaMin(HostMatrix)}, with the Cholesky factorisations' GEMMs on {@code b} when
     * it is a double-precision backend (else, and for null, EJML).
     */
    public static Value lambdaMin(Backend b, HostMatrix sym) {
        int n = sym.rows();
        if (n == 0) {
            return new Value(0, "empty");
        }
        if (n <= FULL_EIGEN_MAX) {
            double[] ev = eigenvalues(sym);
            return new Value(Math.max(0, ev[0]), "full symmetric eigen-decomposition (" + n + "x" + n + ")");
        }
        double[] a = sym.data();
        double[] l = choleskyOf(b, a, n, 1, 0);
        if (l == null) {
            double[] ev = eigenvalues(sym);
            return new Value(Math.max(0, ev[0]), "full symmetric eigen-decomposition (" + n + "x" + n
                    + "; not positive definite to working precision)");
        }
        // The verification margin below is at least 16nε‖A‖₁/min_i A_ii (λ_min ≤ min_i A_ii), so a
        // Ritz residual of a tenth of that costs the bound nothing; converging further is wasted work.
        double norm1 = maxAbsRowSum(a, n);
        double minDiagonal = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minDiagonal = Math.min(minDiagonal, a[i * n + i]);
        }
        double tolerance = Math.max(1e-13, Math.min(1e-8, 1.6 * n * EPS * norm1 / minDiagonal));
        Lanczos.Result r = Lanczos.run(inverse(l, n), Lanczos.Target.MAX, tolerance, Math.min(n, SHIFT_AFTER), SEED);
        int products = r.iterations();
        double shift = 0;
        if (!r.converged()) {
            // The bottom of the spectrum is clustered (Gram matrices at the edge of their bulk): move
            // the shift just below the estimate λ_min ≤ 1/θ, where (A − σI)⁻¹ separates λ_min from
            // its neighbours far better, and go on from there. A shift that overshoots λ_min shows
            // as a failed factorisation and is lowered.
            double upper = 1 / r.max();
            for (double f : SHIFT_FRACTIONS) {
                double[] shifted = choleskyOf(b, a, n, 1, f * upper);
                if (shifted != null) {
                    shift = f * upper;
                    l = shifted;
                    break;
                }
            }
            r = Lanczos.run(inverse(l, n), Lanczos.Target.MAX, tolerance, Math.min(n, 300), SEED);
            products += r.iterations();
        }
        // λ_min ≤ est = σ + 1/θ; a Ritz residual ρ of (A − σI)⁻¹ moves est by at most ≈ ρ/θ²
        double est = shift + 1 / r.max();
        double delta = Math.max(1e-11, 16 * n * EPS * norm1 / est);
        delta = Math.max(delta, 2 * r.maxResidual() / (r.max() * r.max() * est));
        String shiftNote = shift > 0 ? String.format(Locale.ROOT, " at shift σ = %.6g", shift) : "";
        for (int attempt = 0; attempt < 6 && delta < 1; attempt++) {
            double mu = est * (1 - delta);
            if (choleskyOf(b, a, n, 1, mu) != null) {
                return new Value(mu, String.format(Locale.ROOT,
                        "shift-inverted Lanczos (%d products%s) verified by Cholesky of A − μI: a lower bound, "
                                + "margin %.1e relative", products, shiftNote, delta));
            }
            delta *= 100;
        }
        double[] ev = eigenvalues(sym);
        return new Value(Math.max(0, ev[0]), "full symmetric eigen-decomposition (" + n + "x" + n
                + "; Lanczos verification failed)");
    }

    /** ‖A‖_2 through the Gram matrix of the smaller side (an upper bound, see {@link #lambdaMax}). */
    public static Value sigmaMax(Backend b, Matrix a) {
        if (a.rows() == 0 || a.cols() == 0) {
            return new Value(0, "empty");
        }
        boolean outer = a.rows() <= a.cols();
        return lambdaMax(b, Grams.gram(b, a, outer)).sqrt("σ_max");
    }

    /**
     * σ_{min(m,n)}(A) through the Gram matrix of the smaller side (a lower bound, see
     * {@link #lambdaMin}); the thin SVD replaces the Gram route when the Gram matrix is too
     * ill-conditioned and A is small enough.
     */
    public static Value sigmaMin(Backend b, Matrix a) {
        if (a.rows() == 0 || a.cols() == 0) {
            return new Value(0, "empty");
        }
        boolean outer = a.rows() <= a.cols();
        HostMatrix g = Grams.gram(b, a, outer);
        Value lmin = lambdaMin(b, g);
        double lmax = maxAbsRowSum(g.data(), g.rows());
        double kappa = Math.sqrt(lmax / Math.max(lmin.value(), Double.MIN_NORMAL));
        if (kappa > GRAM_CONDITION_LIMIT && a.size() <= SVD_MAX_ENTRIES) {
            double[] s = singularValues(b.download(a));
            return new Value(s[Math.min(a.rows(), a.cols()) - 1], String.format(Locale.ROOT,
                    "thin SVD (Gram matrix too ill-conditioned: κ ≈ %.1e)", kappa));
        }
        Value v = lmin.sqrt("σ_min");
        if (kappa > GRAM_CONDITION_LIMIT) {
            return new Value(v.value(), v.method() + String.format(Locale.ROOT,
                    "; warning: κ ≈ %.1e, relative error up to ε·κ² ≈ %.0e (matrix too large for the SVD fallback)",
                    kappa, EPS * kappa * kappa));
        }
        return v;
    }

    /** σ_N(F) for F ∈ R^{N×n}: the N-th largest singular value, 0 when n &lt; N (spec §0.4). */
    public static Value sigmaN(Backend b, Matrix f) {
        if (f.cols() < f.rows()) {
            return new Value(0, "σ_N := 0 because the matrix has fewer columns (" + f.cols() + ") than rows ("
                    + f.rows() + ")");
        }
        return sigmaMin(b, f);
    }

    /** Cholesky of sign·A − shift·I; the lower factor (row-major), or null when not positive definite. */
    static double[] choleskyOf(double[] a, int n, int sign, double shift) {
        return choleskyOf(null, a, n, sign, shift);
    }

    /**
     * As {@link #choleskyOf(double[], int, int, double)}; from order {@link #BLOCKED_CHOLESKY_FROM}
     * on a double-precision backend by {@link BlockedCholesky} (its GEMMs on the backend).
     */
    static double[] choleskyOf(Backend b, double[] a, int n, int sign, double shift) {
        if (n >= BLOCKED_CHOLESKY_FROM && BlockedCholesky.usable(b)) {
            double[] l = new double[n * n];
            for (int i = 0; i < l.length; i++) {
                l[i] = sign * a[i];
            }
            for (int i = 0; i < n; i++) {
                l[i * n + i] -= shift;
            }
            return BlockedCholesky.factorInPlace(b, l, n) ? l : null;
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double[] d = m.data;
        for (int i = 0; i < d.length; i++) {
            d[i] = sign * a[i];
        }
        for (int i = 0; i < n; i++) {
            d[i * n + i] -= shift;
        }
        CholeskyDecomposition_F64<DMatrixRMaj> ch = n >= 256 ? DecompositionFactory_MT_DDRM.chol(n, true)
                : DecompositionFactory_DDRM.chol(n, true);
        if (!ch.decompose(m)) {
            return null;
        }
        DMatrixRMaj t = ch.getT(null);
        for (double v : t.data) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!(t.data[i * n + i] > 0)) {
                return null;
            }
        }
        return t.data;
    }

    /** max_i Σ_j |a_ij| ≥ ‖A‖_2 for symmetric A. */
    static double maxAbsRowSum(double[] a, int n) {
        double m = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.abs(a[i * n + j]);
            }
            m = Math.max(m, s);
        }
        return m;
    }

    /** v ↦ (L Lᵀ)⁻¹ v for a row-major lower Cholesky factor. */
    private static Lanczos.Operator inverse(double[] factor, int n) {
        return Lanczos.Operator.of(n, (x, y) -> {
            System.arraycopy(x, 0, y, 0, n);
            BlockedCholesky.solveInPlace(factor, n, y);
        });
    }

    /** v ↦ A v for an explicit symmetric row-major matrix. */
    public static Lanczos.Operator explicit(double[] a, int n) {
        return Lanczos.Operator.of(n, (x, y) -> {
            for (int i = 0; i < n; i++) {
                y[i] = Vectors.dot(a, i * n, x, 0, n);
            }
        });
    }
}
