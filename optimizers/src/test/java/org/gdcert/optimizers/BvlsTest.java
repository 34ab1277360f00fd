package org.gdcert.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.gdcert.core.random.Rng;
import org.junit.jupiter.api.Test;

class BvlsTest {
    /** KKT residual allowed relative to ‖M‖·(‖b‖ + ‖M‖). */
    private static final double KKT_TOL = 1e-10;

    /** Brute force over every assignment of each variable to lo, hi or free (3^k least-squares problems). */
    private static double bruteForceOptimum(double[][] cols, double[] b, double lo, double hi) {
        int k = cols.length;
        int total = (int) Math.pow(3, k);
        double best = Double.POSITIVE_INFINITY;
        for (int code = 0; code < total; code++) {
            int c = code;
            double[] s = new double[k];
            boolean[] free = new boolean[k];
            for (int i = 0; i < k; i++) {
                int v = c % 3;
                c /= 3;
                if (v == 0) {
                    s[i] = lo;
                } else if (v == 1) {
                    s[i] = hi;
                } else {
                    free[i] = true;
                }
            }
            double[] z = leastSquaresFree(cols, b, s, free);
            boolean feasible = true;
            for (int i = 0; i < k; i++) {
                feasible &= z[i] >= lo - 1e-12 && z[i] <= hi + 1e-12;
            }
            if (feasible) {
                best = Math.min(best, objective(cols, b, z));
            }
        }
        return best;
    }

    private static double[] leastSquaresFree(double[][] cols, double[] b, double[] s, boolean[] free) {
        int m = b.length;
        int k = cols.length;
        int nf = 0;
        for (boolean f : free) {
            nf += f ? 1 : 0;
        }
        double[] rhs = b.clone();
        for (int i = 0; i < k; i++) {
            if (!free[i]) {
                for (int a = 0; a < m; a++) {
                    rhs[a] += cols[i][a] * s[i];
                }
            }
        }
        double[][] mf = new double[m][nf];
        int[] idx = new int[nf];
        for (int i = 0, c = 0; i < k; i++) {
            if (free[i]) {
                idx[c] = i;
                for (int a = 0; a < m; a++) {
                    mf[a][c] = cols[i][a];
                }
                c++;
            }
        }
        double[] z = s.clone();
        if (nf > 0) {
            var sol = new org.hipparchus.linear.QRDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(mf))
                    .getSolver().solve(new org.hipparchus.linear.ArrayRealVector(rhs).mapMultiply(-1));
            for (int j = 0; j < nf; j++) {
                z[idx[j]] = sol.getEntry(j);
            }
        }
        return z;
    }

    private static double objective(double[][] cols, double[] b, double[] s) {
        double[] r = b.clone();
        for (int i = 0; i < cols.length; i++) {
            for (int a = 0; a < r.length; a++) {
                r[a] += cols[i][a] * s[i];
            }
        }
        return Bvls.dot(r, r);
    }

    @Test
    void matchesBruteForceOnRandomFullRankProblems() {
        Rng rng = Rng.of(7);
        for (int trial = 0; trial < 300; trial++) {
            int m = 2 + rng.nextInt(6);
            int k = 1 + rng.nextInt(Math.min(m, 5));
            double[][] cols = new double[k][m];
            for (double[] c : cols) {
                rng.fillGaussian(c, 1);
            }
            double[] b = new double[m];
            rng.fillGaussian(b, 3);
            double lo = trial % 2 == 0 ? 0 : 0.1;
            Bvls.Result r = Bvls.solve(cols, b, lo, 1);
            for (double v : r.s()) {
                assertThat(v).isBetween(lo, 1.0);
            }
            double best = bruteForceOptimum(cols, b, lo, 1);
            assertThat(objective(cols, b, r.s())).as("trial %d", trial).isCloseTo(best,
                    org.assertj.core.data.Offset.offset(1e-10 * (1 + best)));
            assertThat(r.fallback()).isFalse();
        }
    }

    @Test
    void rankDeficientProblemsSatisfyKkt() {
        Rng rng = Rng.of(9);
        for (int trial = 0; trial < 200; trial++) {
            int m = 3;
            int k = 4 + rng.nextInt(4); // more columns than rows: M is rank deficient
            double[][] cols = new double[k][m];
            for (double[] c : cols) {
                rng.fillGaussian(c, 1);
            }
            if (trial % 3 == 0) {
                cols[1] = cols[0].clone(); // duplicate sample
            }
            double[] b = new double[m];
            rng.fillGaussian(b, 2);
            double[] s = Bvls.solve(cols, b, 0, 1).s();
            double[] res = b.clone();
            double scale = 0;
            for (int i = 0; i < k; i++) {
                scale = Math.max(scale, Bvls.norm(cols[i]));
                for (int a = 0; a < m; a++) {
                    res[a] += cols[i][a] * s[i];
                }
            }
            double tol = KKT_TOL * scale * (Bvls.norm(b) + scale);
            for (int i = 0; i < k; i++) {
                double g = Bvls.dot(cols[i], res);
                if (s[i] <= 0) {
                    assertThat(g).isGreaterThanOrEqualTo(-tol);
                } else if (s[i] >= 1) {
                    assertThat(g).isLessThanOrEqualTo(tol);
                } else {
                    assertThat(Math.abs(g)).isLessThanOrEqualTo(tol);
                }
            }
        }
    }

    @Test
    void slidingModeSelectionOfTheSpecIsInterior() {
        // T-DI-1 at t_s: b = P_2 x_2 with P_2 = z2 − 2, M = [P_1 x_1] with P_1 = 1; s* = 1 − z2/2 (spec §2.6)
        double z2 = 1.012085355583;
        double[] x2 = {0.5, Math.sqrt(3) / 2};
        double[] b = {(z2 - 2) * x2[0], (z2 - 2) * x2[1]};
        double[] s = Bvls.solve(new double[][] {{1, 0}}, b, 0, 1).s();
        assertThat(s[0]).isCloseTo(1 - z2 / 2, org.assertj.core.data.Offset.offset(1e-14));
    }
}
