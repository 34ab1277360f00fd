package org.gdcert.optimizers;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Bounded-variable least squares: min ‖b + M s‖ over lo ≤ s_i ≤ hi, by a primal active-set method
 * (Stark–Parker style): free one violating bound variable at a time, solve the least-squares
 * problem on the free set (minimum-norm solution by SVD, so rank-deficient M is fine), and step
 * back to the boundary when that solution leaves the box. M s, not s, is unique when M is rank
 * deficient. Falls back to projected gradient descent if the active set cycles.
 *
 * <p>Used per neuron by the Clarke flow for the minimum-norm element of the subdifferential
 * (spec certificates-sgd-relu.md §2.3), with M's columns P_ij x_i over the kink pairs.
 */
final class Bvls {
    /** The solution and how it was found. */
    record Result(double[] s, int iterations, boolean fallback) {
    }

    private Bvls() {
    }

    /**
     * Solves the problem for M given by columns ({@code cols[k]} is column k, all of length m).
     *
     * @param b the constant vector (length m)
     */
    static Result solve(double[][] cols, double[] b, double lo, double hi) {
        int k = cols.length;
        int m = b.length;
        double[] s = new double[k];
        if (k == 0) {
            return new Result(s, 0, false);
        }
        if (!(lo < hi)) {
            java.util.Arrays.fill(s, lo);
            return new Result(s, 0, false);
        }
        // 0 = at lo, 1 = at hi, 2 = free
        byte[] state = new byte[k];
        java.util.Arrays.fill(s, lo);
        double scale = 0;
        for (double[] c : cols) {
            scale = Math.max(scale, norm(c));
        }
        double tol = 1e-13 * (scale * scale * (Math.abs(lo) + Math.abs(hi) + 1) + scale * norm(b)) + Double.MIN_NORMAL;
        double[] r = new double[m];
        int maxIter = 10 * k + 50;
        int it = 0;
        while (it++ < maxIter) {
            residual(cols, b, s, r);
            int pick = -1;
            double worst = tol;
            for (int i = 0; i < k; i++) {
                if (state[i] == 2) {
                    continue;
                }
                double grad = dot(cols[i], r); // ∂/∂s_i of ½‖b + M s‖²
                double violation = state[i] == 0 ? -grad : grad;
                if (violation > worst) {
                    worst = violation;
                    pick = i;
                }
            }
            if (pick < 0) {
                return new Result(s, it, false);
            }
            state[pick] = 2;
            boolean progressed = false;
            for (int inner = 0; inner <= k; inner++) {
                double[] z = freeSolution(cols, b, s, state);
                double alpha = 1;
                int hit = -1;
                for (int i = 0; i < k; i++) {
                    if (state[i] != 2) {
                        continue;
                    }
                    double d = z[i] - s[i];
                    if (z[i] < lo && d < 0) {
                        double a = (lo - s[i]) / d;
                        if (a < alpha) {
                            alpha = a;
                            hit = i;
                        }
                    } else if (z[i] > hi && d > 0) {
                        double a = (hi - s[i]) / d;
                        if (a < alpha) {
                            alpha = a;
                            hit = i;
                        }
                    }
                }
                if (hit < 0) {
                    for (int i = 0; i < k; i++) {
                        if (state[i] == 2) {
                            s[i] = z[i];
                        }
                    }
                    progressed = true;
                    break;
                }
                alpha = Math.max(0, alpha);
                if (alpha > 0) {
                    progressed = true;
                }
                for (int i = 0; i < k; i++) {
                    if (state[i] != 2) {
                        continue;
                    }
                    s[i] += alpha * (z[i] - s[i]);
                    if (i == hit || s[i] <= lo || s[i] >= hi) {
                        boolean toLo = i == hit ? z[i] < lo : s[i] <= lo;
                        s[i] = toLo ? lo : hi;
                        state[i] = (byte) (toLo ? 0 : 1);
                    }
                }
            }
            if (!progressed) {
                break; // the freed variable bounced straight back: let projected gradient finish
            }
        }
        return new Result(projectedGradient(cols, b, s, lo, hi), it, true);
    }

    /** The minimum-norm least-squares values of the free variables with the others fixed. */
    private static double[] freeSolution(double[][] cols, double[] b, double[] s, byte[] state) {
        int m = b.length;
        int k = cols.length;
        int nf = 0;
        for (byte st : state) {
            if (st == 2) {
                nf++;
            }
        }
        if (nf == 0) {
            return s.clone();
        }
        double[] rhs = b.clone();
        for (int i = 0; i < k; i++) {
            if (state[i] != 2) {
                for (int a = 0; a < m; a++) {
                    rhs[a] += cols[i][a] * s[i];
                }
            }
        }
        double[][] mf = new double[m][nf];
        int[] idx = new int[nf];
        int c = 0;
        for (int i = 0; i < k; i++) {
            if (state[i] == 2) {
                idx[c] = i;
                for (int a = 0; a < m; a++) {
                    mf[a][c] = cols[i][a];
                }
                c++;
            }
        }
        RealVector sol = new SingularValueDecomposition(new Array2DRowRealMatrix(mf, false)).getSolver()
                .solve(new ArrayRealVector(rhs, false).mapMultiply(-1));
        double[] z = s.clone();
        for (int j = 0; j < nf; j++) {
            z[idx[j]] = sol.getEntry(j);
        }
        return z;
    }

    private static double[] projectedGradient(double[][] cols, double[] b, double[] s0, double lo, double hi) {
        int k = cols.length;
        double lip = 0;
        for (double[] c : cols) {
            lip += dot(c, c); // trace(MᵀM) ≥ λ_max
        }
        double[] s = s0.clone();
        double[] r = new double[b.length];
        for (int it = 0; it < 20_000; it++) {
            residual(cols, b, s, r);
            double change = 0;
            for (int i = 0; i < k; i++) {
                double v = Math.min(hi, Math.max(lo, s[i] - dot(cols[i], r) / lip));
                change = Math.max(change, Math.abs(v - s[i]));
                s[i] = v;
            }
            if (change <= 1e-15 * (hi - lo)) {
                break;
            }
        }
        return s;
    }

    private static void residual(double[][] cols, double[] b, double[] s, double[] r) {
        System.arraycopy(b, 0, r, 0, b.length);
        for (int i = 0; i < cols.length; i++) {
            double si = s[i];
            if (si != 0) {
                double[] c = cols[i];
                for (int a = 0; a < r.length; a++) {
                    r[a] += c[a] * si;
                }
            }
        }
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
}
