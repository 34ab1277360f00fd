package org.gdcert.core.spectral;

import org.gdcert.core.linalg.HostMatrix;

/** Argument checks with messages that name the place and the problem. */
final class Checks {
    /** Relative asymmetry tolerated in a matrix declared symmetric (rounding of a computed Gram). */
    static final double SYMMETRY_TOLERANCE = 1e-12;

    private Checks() {
    }

    static void requireNonEmpty(int rows, int cols, String where) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("spectral " + where + ": empty matrix " + rows + "x" + cols);
        }
    }

    static void requireFinite(HostMatrix a, String where) {
        double[] d = a.data();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                int c = a.cols();
                throw new IllegalArgumentException("spectral " + where + ": entry (" + (i / c) + ", " + (i % c)
                        + ") is " + d[i]);
            }
        }
    }

    static void requireSymmetric(HostMatrix s, String where) {
        if (s.rows() != s.cols()) {
            throw new IllegalArgumentException("spectral " + where + ": matrix is " + s.rows() + "x" + s.cols()
                    + ", not square");
        }
        requireNonEmpty(s.rows(), s.cols(), where);
        requireFinite(s, where);
        int n = s.rows();
        double[] d = s.data();
        double max = 0;
        for (double v : d) {
            max = Math.max(max, Math.abs(v));
        }
        double tol = SYMMETRY_TOLERANCE * max;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double a = d[i * n + j];
                double b = d[j * n + i];
                if (Math.abs(a - b) > tol) {
                    throw new IllegalArgumentException("spectral " + where + ": matrix is not symmetric: entry (" + i
                            + ", " + j + ") = " + a + " but (" + j + ", " + i + ") = " + b);
                }
            }
        }
    }
}
