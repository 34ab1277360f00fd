package org.gdcert.certificates.nguyen;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** A plain Nelder–Mead minimiser (standard coefficients), for the free constants C_l of seed 001. */
final class NelderMead {
    private NelderMead() {
    }

    /** The best point found from {@code start}. */
    static double[] minimize(ToDoubleFunction<double[]> f, double[] start, double step, int maxIterations,
            double tolerance) {
        int n = start.length;
        double[][] x = new double[n + 1][];
        double[] fx = new double[n + 1];
        x[0] = start.clone();
        for (int i = 0; i < n; i++) {
            x[i + 1] = start.clone();
            x[i + 1][i] += step;
        }
        for (int i = 0; i <= n; i++) {
            fx[i] = f.applyAsDouble(x[i]);
        }
        for (int it = 0; it < maxIterations; it++) {
            Integer[] order = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            final double[] fv = fx;
            Arrays.sort(order, (a, b) -> Double.compare(fv[a], fv[b]));
            double[][] xs = new double[n + 1][];
            double[] fs = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                xs[i] = x[order[i]];
                fs[i] = fx[order[i]];
            }
            x = xs;
            fx = fs;
            if (Math.abs(fx[n] - fx[0]) <= tolerance * (Math.abs(fx[0]) + tolerance)) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += x[i][j] / n;
                }
            }
            double[] xr = along(centroid, x[n], -1);
            double fr = f.applyAsDouble(xr);
            if (fr < fx[0]) {
                double[] xe = along(centroid, x[n], -2);
                double fe = f.applyAsDouble(xe);
                if (fe < fr) {
                    x[n] = xe;
                    fx[n] = fe;
                } else {
                    x[n] = xr;
                    fx[n] = fr;
                }
            } else if (fr < fx[n - 1]) {
                x[n] = xr;
                fx[n] = fr;
            } else {
                double[] xc = fr < fx[n] ? along(centroid, x[n], -0.5) : along(centroid, x[n], 0.5);
                double fc = f.applyAsDouble(xc);
                if (fc < Math.min(fr, fx[n])) {
                    x[n] = xc;
                    fx[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        for (int j = 0; j < n; j++) {
                            x[i][j] = x[0][j] + 0.5 * (x[i][j] - x[0][j]);
                        }
                        fx[i] = f.applyAsDouble(x[i]);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (fx[i] < fx[best]) {
                best = i;
            }
        }
        return x[best];
    }

    /** centroid + t·(worst − centroid). */
    private static double[] along(double[] centroid, double[] worst, double t) {
        double[] r = new double[centroid.length];
        for (int j = 0; j < r.length; j++) {
            r[j] = centroid[j] + t * (worst[j] - centroid[j]);
        }
        return r;
    }
}
