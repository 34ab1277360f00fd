package org.gdcert.core.spectral;

import org.gdcert.core.linalg.Vectors;
import org.gdcert.core.random.Rng;

/**
 * The symmetric Lanczos process with full reorthogonalization (classical Gram–Schmidt, twice) for
 * one extreme eigenvalue of a symmetric operator. The start vector is Gaussian from a seeded
 * {@link Rng}, so it has a component along every eigenvector with probability one; a breakdown
 * (β ≈ 0) then means the Krylov space is invariant and holds every distinct eigenvalue, so the run
 * stops with exact Ritz values.
 */
final class Lanczos {

    /**
     * The outcome of a run.
     *
     * @param theta the extreme Ritz value
     * @param vector its Ritz vector (unit norm)
     * @param estimate the residual estimate β_k·|s_k| of (theta, vector)
     * @param steps Lanczos steps (operator applications, not counting any later residual check)
     * @param converged whether the estimate met the tolerance, the space was exhausted or the
     *     process broke down on an invariant subspace
     * @param ritz all Ritz values, ascending
     * @param normEstimate the largest ‖A q‖ seen, a lower estimate of ‖A‖
     */
    record Run(double theta, double[] vector, double estimate, int steps, boolean converged, double[] ritz,
            double normEstimate) {
        /** The distance from theta to the nearest other Ritz value (+∞ with one Ritz value). */
        double gap() {
            double g = Double.POSITIVE_INFINITY;
            int idx = -1;
            for (int i = 0; i < ritz.length; i++) {
                if (ritz[i] == theta) {
                    idx = i;
                    break;
                }
            }
            if (idx > 0) {
                g = Math.min(g, theta - ritz[idx - 1]);
            }
            if (idx >= 0 && idx + 1 < ritz.length) {
                g = Math.min(g, ritz[idx + 1] - theta);
            }
            return g;
        }
    }

    private Lanczos() {
    }

    /**
     * Runs Lanczos on {@code op} for its largest ({@code largest}) or smallest eigenvalue, until
     * the residual estimate is at most {@code tol} times the largest |Ritz value|, at most
     * {@code maxSteps} steps (and at most the dimension).
     */
    static Run run(SymmetricOperator op, boolean largest, int maxSteps, double tol, long seed) {
        int n = op.dimension();
        if (n < 1) {
            throw new IllegalArgumentException("spectral: operator of dimension " + n);
        }
        int kmax = Math.max(1, Math.min(n, maxSteps));
        double[][] v = new double[kmax][];
        double[] alpha = new double[kmax];
        double[] beta = new double[kmax];
        double[] h = new double[kmax];
        Rng rng = Rng.of(seed).stream("lanczos");
        double[] q = new double[n];
        rng.fillGaussian(q, 1);
        scale(q, 1 / Kernels.norm(q));
        double anorm = 0;
        int k = 0;
        boolean converged = false;
        double[] ritz = null;
        double[] lastRow = null;
        while (k < kmax) {
            v[k] = q;
            double[] w = new double[n];
            op.apply(q, w);
            requireFinite(w, "operator output");
            anorm = Math.max(anorm, Kernels.norm(w));
            double a = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= k; i++) {
                    h[i] = Vectors.dot(v[i], 0, w, 0, n);
                }
                for (int i = 0; i <= k; i++) {
                    Kernels.axpy(n, -h[i], v[i], 0, w, 0);
                }
                a += h[k];
            }
            alpha[k] = a;
            double b = Kernels.norm(w);
            beta[k] = b;
            k++;
            double[][] rows = TridiagonalEigen.lastRow(k);
            ritz = TridiagonalEigen.solve(java.util.Arrays.copyOf(alpha, k), java.util.Arrays.copyOf(beta, k - 1),
                    rows);
            lastRow = rows[0];
            double scaleT = Math.max(Math.abs(ritz[0]), Math.abs(ritz[k - 1]));
            int idx = largest ? k - 1 : 0;
            double est = b * Math.abs(lastRow[idx]);
            boolean breakdown = b <= 8 * Math.sqrt(n) * Rounding.EPS * anorm;
            if (breakdown || k == n || est <= tol * scaleT) {
                converged = true;
                break;
            }
            q = w;
            scale(q, 1 / b);
        }
        double[] diag = java.util.Arrays.copyOf(alpha, k);
        double[] off = java.util.Arrays.copyOf(beta, Math.max(0, k - 1));
        double[][] s = TridiagonalEigen.identity(k);
        double[] vals = TridiagonalEigen.solve(diag, off, s);
        int idx = largest ? k - 1 : 0;
        double theta = vals[idx];
        double[] y = new double[n];
        for (int i = 0; i < k; i++) {
            Kernels.axpy(n, s[i][idx], v[i], 0, y, 0);
        }
        double ny = Kernels.norm(y);
        scale(y, 1 / ny);
        double est = beta[k - 1] * Math.abs(s[k - 1][idx]);
        return new Run(theta, y, est, k, converged, vals, anorm);
    }

    private static void scale(double[] x, double f) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= f;
        }
    }

    static void requireFinite(double[] x, String what) {
        for (double d : x) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("spectral: " + what + " contains " + d);
            }
        }
    }
}
