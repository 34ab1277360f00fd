package org.gdcert.certificates.kernels;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Symmetric Lanczos with full reorthogonalisation, for the extreme eigenvalues of an operator
 * given only by its products v ↦ A v (an explicit Gram matrix, a shift-inverted one, or the
 * empirical NTK v ↦ J(Jᵀv)).
 *
 * <p>Ritz values lie inside the spectrum: the largest Ritz value is a lower estimate of λ_max and
 * the smallest an upper estimate of λ_min. Callers that need a safe side verify the estimate
 * (see {@link Spectral}); the residual norm ‖A s − θ s‖ of each extreme Ritz pair is returned so
 * that a report can say how far from converged an estimate is.
 */
public final class Lanczos {
    private Lanczos() {
    }

    /** y := A x for vectors of length {@code dimension()}. */
    public interface Operator {
        int dimension();

        void apply(double[] x, double[] y);

        /** The operator of order n whose product is {@code apply}. */
        static Operator of(int n, java.util.function.BiConsumer<double[], double[]> apply) {
            return new Operator() {
                @Override
                public int dimension() {
                    return n;
                }

                @Override
                public void apply(double[] x, double[] y) {
                    apply.accept(x, y);
                }
            };
        }
    }

    /**
     * The extreme Ritz pairs after {@code iterations} steps.
     *
     * @param max the largest Ritz value
     * @param maxResidual ‖A s − θ s‖ of its Ritz vector (unit s)
     * @param min the smallest Ritz value
     * @param minResidual the same for the smallest
     * @param iterations Lanczos steps taken (= products with A)
     * @param converged whether the pair asked for met the tolerance
     */
    public record Result(double max, double maxResidual, double min, double minResidual, int iterations,
            boolean converged) {
    }

    /** Which end of the spectrum must converge before stopping. */
    public enum Target {
        MAX, MIN, BOTH
    }

    /**
     * Runs Lanczos from a seeded random start until the target Ritz pair(s) have a residual at most
     * {@code tolerance}·max|θ| or {@code maxIterations} products were made (or the Krylov space is
     * exhausted, in which case the Ritz values are exact).
     */
    public static Result run(Operator a, Target target, double tolerance, int maxIterations, long seed) {
        int n = a.dimension();
        int kmax = Math.max(1, Math.min(maxIterations, n));
        double[][] v = new double[kmax + 1][];
        double[] alpha = new double[kmax];
        double[] beta = new double[kmax + 1];
        double[] q = new double[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            q[i] = rnd.nextDouble() - 0.5;
        }
        scale(q, 1 / norm(q));
        v[0] = q;
        double[] w = new double[n];
        Result last = null;
        int k = 0;
        while (k < kmax) {
            a.apply(v[k], w);
            double ak = dot(w, v[k]);
            alpha[k] = ak;
            // full reorthogonalisation (twice is enough: Kahan–Parlett)
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j <= k; j++) {
                    double c = dot(w, v[j]);
                    axpy(-c, v[j], w);
                }
            }
            double bk = norm(w);
            beta[k + 1] = bk;
            k++;
            boolean exhausted = bk <= 1e-14 * Math.max(Math.abs(ak), Double.MIN_NORMAL) || k == n;
            boolean check = exhausted || k == kmax || k % 5 == 0 || k < 5;
            if (check) {
                last = ritz(alpha, beta, k, target, tolerance, exhausted);
                if (last.converged() || exhausted) {
                    return last;
                }
            }
            if (k < kmax) {
                double[] next = new double[n];
                for (int i = 0; i < n; i++) {
                    next[i] = w[i] / bk;
                }
                v[k] = next;
            }
        }
        return last;
    }

    private static Result ritz(double[] alpha, double[] beta, int k, Target target, double tol, boolean exhausted) {
        DMatrixRMaj t = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < k) {
                t.set(i, i + 1, beta[i + 1]);
                t.set(i + 1, i, beta[i + 1]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(t)) {
            throw new IllegalStateException("Lanczos: eigen-decomposition of the tridiagonal matrix failed");
        }
        int imax = 0;
        int imin = 0;
        for (int i = 1; i < k; i++) {
            double e = eig.getEigenvalue(i).real;
            if (e > eig.getEigenvalue(imax).real) {
                imax = i;
            }
            if (e < eig.getEigenvalue(imin).real) {
                imin = i;
            }
        }
        double bk = beta[k];
        double max = eig.getEigenvalue(imax).real;
        double min = eig.getEigenvalue(imin).real;
        double rmax = exhausted ? 0 : Math.abs(bk * eig.getEigenVector(imax).get(k - 1, 0));
        double rmin = exhausted ? 0 : Math.abs(bk * eig.getEigenVector(imin).get(k - 1, 0));
        double scale = Math.max(Math.abs(max), Math.abs(min));
        boolean okMax = rmax <= tol * scale;
        boolean okMin = rmin <= tol * scale;
        boolean converged = switch (target) {
            case MAX -> okMax;
            case MIN -> okMin;
            case BOTH -> okMax && okMin;
        };
        return new Result(max, rmax, min, rmin, k, converged || exhausted);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    static void scale(double[] x, double alpha) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }
}
