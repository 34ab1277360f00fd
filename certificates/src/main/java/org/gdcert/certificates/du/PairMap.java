package org.gdcert.certificates.du;

import java.util.stream.IntStream;

/**
 * Evaluates f(K_ii, K_jj, K_ij) for all pairs i ≤ j of a symmetric kernel K, where f is a Gaussian
 * expectation such as S or Ė (spec certificates-du.md §3.1).
 *
 * <p>The speed-up of spec §3.1.3: when the diagonal of K is constant (unit-norm data: K^(h)_ii = 1
 * for FC, the universal κ_h for ResNet) up to {@link #DIAGONAL_SPREAD}, every off-diagonal entry is
 * a univariate map c ↦ f(d, d, c) on [−d, d], tabulated on {@link #POINTS} Chebyshev points and
 * evaluated by barycentric interpolation; the diagonal is computed directly. The interpolation
 * error is checked against direct evaluation on {@link #CHECKS} actual pairs of the matrix, and the
 * largest difference is reported ({@link #error()}) so that callers add it to the quadrature error
 * estimate. Below {@link #MIN_ROWS} samples every entry is computed directly.
 */
final class PairMap {
    static final int MIN_ROWS = 24;
    static final int POINTS = 129;
    static final int CHECKS = 24;
    static final double DIAGONAL_SPREAD = 1e-12;
    private static final int PARALLEL_MIN_ROWS = 16;

    /** f(a, b, c). */
    interface Expectation {
        double at(double a, double b, double c);
    }

    private double error;
    private int tabulated;

    /** The largest interpolation error seen on the check pairs (0 when nothing was tabulated). */
    double error() {
        return error;
    }

    /** How many maps were tabulated. */
    int tabulated() {
        return tabulated;
    }

    /** The symmetric matrix F_ij = f(K_ii, K_jj, K_ij). */
    double[][] apply(double[][] k, Expectation f) {
        int n = k.length;
        double mean = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            mean += k[i][i];
            lo = Math.min(lo, k[i][i]);
            hi = Math.max(hi, k[i][i]);
        }
        mean /= n;
        if (n < MIN_ROWS || !(mean > 0) || hi - lo > DIAGONAL_SPREAD * mean) {
            return LimitKernels.map(k, (i, j) -> f.at(k[i][i], k[j][j], k[i][j]));
        }
        double d = mean;
        double[] nodes = new double[POINTS];
        double[] values = new double[POINTS];
        IntStream.range(0, POINTS).parallel().forEach(p -> {
            nodes[p] = d * Math.cos(Math.PI * p / (POINTS - 1));
            values[p] = f.at(d, d, nodes[p]);
        });
        double[][] out = LimitKernels.map(k, (i, j) -> i == j ? f.at(k[i][i], k[i][i], k[i][i])
                : interpolate(nodes, values, Math.max(-d, Math.min(d, k[i][j]))));
        double worst = 0;
        for (int t = 0; t < CHECKS; t++) {
            int i = (int) ((t * 7919L) % n);
            int j = (int) ((t * 104729L + 1) % n);
            if (i == j) {
                j = (j + 1) % n;
            }
            double direct = f.at(k[i][i], k[j][j], k[i][j]);
            worst = Math.max(worst, Math.abs(direct - out[i][j]));
        }
        error = Math.max(error, worst);
        tabulated++;
        return out;
    }

    /** Barycentric interpolation on Chebyshev points of the second kind (weights (−1)^p, halved at the ends). */
    static double interpolate(double[] nodes, double[] values, double x) {
        double num = 0;
        double den = 0;
        int last = nodes.length - 1;
        for (int p = 0; p <= last; p++) {
            double diff = x - nodes[p];
            if (diff == 0) {
                return values[p];
            }
            double w = (p % 2 == 0 ? 1 : -1) * (p == 0 || p == last ? 0.5 : 1) / diff;
            num += w * values[p];
            den += w;
        }
        return num / den;
    }

    static boolean parallel(int rows) {
        return rows >= PARALLEL_MIN_ROWS;
    }
}
