package org.gdcert.certificates.du;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Gauss–Hermite rule for the standard normal measure (spec certificates-du.md §3.1.2): nodes t_k and
 * weights w_k with Σ_k w_k f(t_k) ≈ E_{z∼N(0,1)}[f(z)], weights summing to 1.
 *
 * <p>Nodes are the eigenvalues of the Jacobi matrix of the probabilists' Hermite polynomials
 * (zero diagonal, off-diagonals √k; Golub–Welsch), refined by Newton steps on the orthonormal
 * three-term recurrence; weights are 1/(N p_{N−1}(t_k)²) with p the orthonormal polynomials
 * (the Christoffel numbers), renormalized to sum 1. Rules are cached per order.
 */
final class GaussHermite {
    private static final ConcurrentHashMap<Integer, GaussHermite> CACHE = new ConcurrentHashMap<>();
    private static final int NEWTON_STEPS = 3;

    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** The rule with {@code n} nodes (n ≥ 1), cached. */
    static GaussHermite of(int n) {
        if (n < 1 || n > 4096) {
            throw new IllegalArgumentException("Gauss-Hermite order must be in 1..4096, got " + n);
        }
        return CACHE.computeIfAbsent(n, GaussHermite::build);
    }

    int order() {
        return nodes.length;
    }

    /** Node t_k (ascending). */
    double node(int k) {
        return nodes[k];
    }

    /** Weight w_k of the N(0,1) measure. */
    double weight(int k) {
        return weights[k];
    }

    double[] nodes() {
        return nodes.clone();
    }

    double[] weights() {
        return weights.clone();
    }

    private static GaussHermite build(int n) {
        double[] t = new double[n];
        if (n > 1) {
            DMatrixRMaj jacobi = new DMatrixRMaj(n, n);
            for (int k = 1; k < n; k++) {
                double b = Math.sqrt(k);
                jacobi.set(k - 1, k, b);
                jacobi.set(k, k - 1, b);
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
            if (!eig.decompose(jacobi)) {
                throw new IllegalStateException("Gauss-Hermite: eigen-decomposition of the Jacobi matrix failed");
            }
            for (int k = 0; k < n; k++) {
                t[k] = eig.getEigenvalue(k).getReal();
            }
            Arrays.sort(t);
        }
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            double x = t[k];
            for (int it = 0; it < NEWTON_STEPS; it++) {
                double[] p = recurrence(x, n);
                double deriv = Math.sqrt(n) * p[1];
                if (deriv == 0 || !Double.isFinite(deriv)) {
                    break;
                }
                double step = p[0] / deriv;
                if (!Double.isFinite(step)) {
                    break;
                }
                x -= step;
            }
            t[k] = x;
        }
        // exact symmetry t_k = -t_{n-1-k}
        for (int k = 0; k < n / 2; k++) {
            double s = 0.5 * (t[n - 1 - k] - t[k]);
            t[k] = -s;
            t[n - 1 - k] = s;
        }
        if (n % 2 == 1) {
            t[n / 2] = 0;
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double[] p = recurrence(t[k], n);
            // w = 1 / (n p_{n-1}²), in log space where p is huge
            double lp = Math.log(Math.abs(p[1])) + p[2];
            w[k] = Math.exp(-2 * lp - Math.log(n));
            sum += w[k];
        }
        for (int k = 0; k < n; k++) {
            w[k] /= sum;
        }
        for (int k = 0; k < n / 2; k++) {
            double s = 0.5 * (w[k] + w[n - 1 - k]);
            w[k] = s;
            w[n - 1 - k] = s;
        }
        return new GaussHermite(t, w);
    }

    /**
     * The orthonormal Hermite polynomials p_n(x) and p_{n−1}(x) (p_0 = 1, E[p_j p_k] = δ_jk under
     * N(0,1)), rescaled to avoid overflow: returns {p_n·e^{−s}, p_{n−1}·e^{−s}, s}.
     */
    private static double[] recurrence(double x, int n) {
        double pPrev = 0;
        double p = 1;
        double logScale = 0;
        for (int k = 0; k < n; k++) {
            double next = (x * p - Math.sqrt(k) * pPrev) / Math.sqrt(k + 1.0);
            pPrev = p;
            p = next;
            double a = Math.abs(p);
            if (a > 1e150) {
                p *= 1e-150;
                pPrev *= 1e-150;
                logScale += 150 * Math.log(10);
            }
        }
        return new double[] {p, pPrev, logScale};
    }
}
