package org.gdcert.initializers;

import org.gdcert.core.linalg.HostMatrix;

/** Sample moments with their statistical tolerances (6 standard errors: false alarms ~1e-9). */
final class Stats {

    /** Standard errors allowed. */
    static final double Z = 6.0;

    private Stats() {
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Second moment about 0 (the mean is 0 by construction). */
    static double meanSquare(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s / x.length;
    }

    /** Relative tolerance on the mean square of n iid entries with kurtosis κ (3 Gaussian, 9/5 uniform). */
    static double varianceTolerance(int n, double kurtosis) {
        return Z * Math.sqrt((kurtosis - 1) / n);
    }

    /** Max |A·Aᵀ − I| (rows orthonormal) or |AᵀA − I| (columns) for the smaller Gram. */
    static double orthonormalityError(HostMatrix a) {
        HostMatrix g = a.rows() >= a.cols() ? a.transpose().times(a) : a.times(a.transpose());
        double e = 0;
        for (int i = 0; i < g.rows(); i++) {
            for (int j = 0; j < g.cols(); j++) {
                e = Math.max(e, Math.abs(g.get(i, j) - (i == j ? 1 : 0)));
            }
        }
        return e;
    }
}
