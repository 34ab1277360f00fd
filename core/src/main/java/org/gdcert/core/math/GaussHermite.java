package org.gdcert.core.math;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Gauss–Hermite quadrature rules by Golub–Welsch, stable for large n (tested to n = 1000; numpy's
 * {@code hermgauss} overflows past n ≈ 360, certificates-nguyen.md §3.3).
 *
 * <p>Nodes are the eigenvalues of the symmetric tridiagonal Jacobi matrix of the Hermite
 * polynomials (off-diagonals √(k/2)), found by the implicit QL method, then polished by one Newton
 * step on the orthonormal three-term recurrence. Weights are μ₀ / Σ_{j&lt;n} p_j(t)² with the
 * orthonormal polynomials p_j evaluated by the same recurrence, rescaled on the fly so that nothing
 * overflows; this keeps even the smallest weights (≈ e^{−t²}) to full relative accuracy, where the
 * textbook first-eigenvector-component formula only gives them to absolute accuracy. Nodes are
 * exactly antisymmetric and weights exactly symmetric.
 */
public final class GaussHermite {

    /** Which weight function the rule integrates against. */
    public enum Weight {
        /** ∫ f(t)·e^{−t²} dt: the physicists' rule; weights sum to √π. */
        PHYSICISTS,
        /** E[f(Z)], Z ~ N(0, 1): nodes √2·t, weights divided by √π, summing to 1. */
        STANDARD_NORMAL
    }

    /** Largest order accepted (the cost is O(n²)). */
    public static final int MAX_ORDER = 4096;

    private static final double SQRT_PI = 1.7724538509055160273;

    private GaussHermite() {
    }

    /** The n-point rule for ∫ f(t)·e^{−t²} dt. */
    public static Rule physicists(int n) {
        return compute(n, Weight.PHYSICISTS);
    }

    /** The n-point rule for E[f(Z)] with Z standard normal. */
    public static Rule standardNormal(int n) {
        return compute(n, Weight.STANDARD_NORMAL);
    }

    /** An immutable quadrature rule: nodes ascending, positive weights. */
    public static final class Rule {
        private final Weight weight;
        private final double[] nodes;
        private final double[] weights;

        private Rule(Weight weight, double[] nodes, double[] weights) {
            this.weight = weight;
            this.nodes = nodes;
            this.weights = weights;
        }

        public Weight weightFunction() {
            return weight;
        }

        public int size() {
            return nodes.length;
        }

        public double node(int i) {
            return nodes[i];
        }

        public double weight(int i) {
            return weights[i];
        }

        /** A copy of the nodes, ascending. */
        public double[] nodes() {
            return nodes.clone();
        }

        /** A copy of the weights. */
        public double[] weights() {
            return weights.clone();
        }

        /** Σ w_i f(t_i). */
        public double integrate(DoubleUnaryOperator f) {
            double s = 0;
            for (int i = 0; i < nodes.length; i++) {
                s += weights[i] * f.applyAsDouble(nodes[i]);
            }
            return s;
        }

        @Override
        public String toString() {
            return "GaussHermite.Rule[" + weight + ", n=" + nodes.length + "]";
        }
    }

    private static Rule compute(int n, Weight kind) {
        if (n < 1 || n > MAX_ORDER) {
            throw new IllegalArgumentException("Gauss-Hermite order must be in 1.." + MAX_ORDER + ", got " + n);
        }
        double[] b = new double[n + 1]; // b[k] = sqrt(k/2), the recurrence coefficients
        for (int k = 1; k <= n; k++) {
            b[k] = Math.sqrt(k / 2.0);
        }
        double[] d = new double[n];
        double[] e = new double[n];
        for (int k = 0; k < n - 1; k++) {
            e[k] = b[k + 1];
        }
        tridiagonalEigenvalues(d, e);
        Arrays.sort(d);
        double[] t = new double[n];
        double[] w = new double[n];
        int half = n / 2;
        // Polish and weigh the non-negative half; mirror the rest.
        for (int i = n - half; i < n; i++) {
            t[i] = newton(d[i], b, n);
        }
        if (n % 2 == 1) {
            t[half] = 0.0;
        }
        for (int i = 0; i < half; i++) {
            t[i] = -t[n - 1 - i];
        }
        for (int i = half; i < n; i++) {
            w[i] = weight(t[i], b, n);
        }
        for (int i = 0; i < half; i++) {
            w[i] = w[n - 1 - i];
        }
        if (kind == Weight.STANDARD_NORMAL) {
            for (int i = 0; i < n; i++) {
                t[i] *= Math.sqrt(2.0);
                w[i] /= SQRT_PI;
            }
        }
        return new Rule(kind, t, w);
    }

    /**
     * Orthonormal recurrence at x: p₀ = 1, b_{k+1} p_{k+1} = x p_k − b_k p_{k−1}. Returns
     * {p_n, p_n'} up to a common positive factor (rescaled against overflow).
     */
    private static double newton(double x0, double[] b, int n) {
        double x = x0;
        for (int iter = 0; iter < 2; iter++) {
            double pPrev = 0;
            double p = 1;
            double dPrev = 0;
            double dp = 0;
            for (int k = 0; k < n; k++) {
                double pNext = (x * p - b[k] * pPrev) / b[k + 1];
                double dNext = (x * dp + p - b[k] * dPrev) / b[k + 1];
                pPrev = p;
                p = pNext;
                dPrev = dp;
                dp = dNext;
                double m = Math.abs(p) + Math.abs(dp);
                if (m > 1e150) {
                    pPrev *= 1e-150;
                    p *= 1e-150;
                    dPrev *= 1e-150;
                    dp *= 1e-150;
                }
            }
            if (dp == 0 || !Double.isFinite(p / dp)) {
                break;
            }
            double step = p / dp;
            if (Math.abs(step) > 1e-6 * Math.max(1.0, Math.abs(x))) {
                break; // QL result already close; a large step means something odd: keep the eigenvalue
            }
            x -= step;
        }
        return x;
    }

    /** √π / Σ_{j<n} p_j(x)², accumulated with binary rescaling so that large |x| cannot overflow. */
    private static double weight(double x, double[] b, int n) {
        double pPrev = 0;
        double p = 1;
        double sum = 1; // p_0² (μ₀-normalised polynomials times √μ₀; the factor is restored below)
        int scale = 0; // stored values are p·2^(−scale)
        for (int k = 0; k < n - 1; k++) {
            double pNext = (x * p - b[k] * pPrev) / b[k + 1];
            pPrev = p;
            p = pNext;
            sum += p * p;
            if (Math.abs(p) > 0x1p300) {
                pPrev = Math.scalb(pPrev, -300);
                p = Math.scalb(p, -300);
                sum = Math.scalb(sum, -600);
                scale += 300;
            }
        }
        // Σ p_j² = sum·2^(2·scale); the weight is √π / that.
        return Math.scalb(SQRT_PI / sum, -2 * scale);
    }

    /**
     * Eigenvalues of the symmetric tridiagonal matrix with diagonal d and off-diagonal e
     * (e[i] couples i and i+1; e[n−1] unused) by the implicit QL method with Wilkinson shifts.
     * Overwrites d with the eigenvalues (unsorted) and destroys e.
     */
    static void tridiagonalEigenvalues(double[] d, double[] e) {
        int n = d.length;
        final double eps = 0x1p-52;
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= eps * dd) {
                        break;
                    }
                }
                if (m != l) {
                    if (++iter > 100) {
                        throw new ArithmeticException("tridiagonal QL did not converge at index " + l);
                    }
                    double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                    double r = Math.hypot(g, 1.0);
                    g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                    double s = 1;
                    double c = 1;
                    double p = 0;
                    int i;
                    boolean underflow = false;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double bb = c * e[i];
                        r = Math.hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0) {
                            d[i + 1] -= p;
                            e[m] = 0;
                            underflow = true;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2.0 * c * bb;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - bb;
                    }
                    if (underflow) {
                        continue;
                    }
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
    }
}
