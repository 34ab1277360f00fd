package org.gdcert.core.spectral;

/**
 * Eigenvalues of a symmetric tridiagonal matrix by the implicit QL algorithm with Wilkinson-like
 * shifts (EISPACK tql2), accumulating the rotations into a chosen set of rows of the eigenvector
 * matrix: the last row only (what Lanczos needs to estimate residuals, O(k²)) or all rows.
 */
final class TridiagonalEigen {
    private static final int MAX_SWEEPS_PER_VALUE = 100;

    private TridiagonalEigen() {
    }

    /**
     * Diagonalizes T = tridiag(off, diag, off) (diag length k, off length k−1, both unchanged).
     * {@code rows} holds r rows of the identity of order k (the rows of the eigenvector matrix to
     * track) and is overwritten with the same rows of the eigenvector matrix, columns in the order
     * of the returned eigenvalues (ascending).
     */
    static double[] solve(double[] diag, double[] off, double[][] rows) {
        int n = diag.length;
        double[] d = diag.clone();
        double[] e = new double[n];
        if (n > 1) {
            System.arraycopy(off, 0, e, 0, n - 1);
        }
        double f = 0;
        double tst1 = 0;
        for (int l = 0; l < n; l++) {
            tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.abs(e[m]) > Rounding.EPS * tst1) {
                m++;
            }
            if (m > l) {
                int iter = 0;
                do {
                    if (++iter > MAX_SWEEPS_PER_VALUE) {
                        throw new IllegalStateException("spectral: tridiagonal QL did not converge (order " + n + ")");
                    }
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2 * e[l]);
                    double r = hypot(p, 1);
                    if (p < 0) {
                        r = -r;
                    }
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) {
                        d[i] -= h;
                    }
                    f += h;
                    p = d[m];
                    double c = 1;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0;
                    double s2 = 0;
                    for (int i = m - 1; i >= l; i--) {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        for (double[] row : rows) {
                            double hk = row[i + 1];
                            row[i + 1] = s * row[i] + c * hk;
                            row[i] = c * row[i] - s * hk;
                        }
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                } while (Math.abs(e[l]) > Rounding.EPS * tst1);
            }
            d[l] += f;
            e[l] = 0;
        }
        // selection sort, ascending, permuting the tracked columns alike
        for (int i = 0; i < n - 1; i++) {
            int k = i;
            double p = d[i];
            for (int j = i + 1; j < n; j++) {
                if (d[j] < p) {
                    k = j;
                    p = d[j];
                }
            }
            if (k != i) {
                d[k] = d[i];
                d[i] = p;
                for (double[] row : rows) {
                    double t = row[i];
                    row[i] = row[k];
                    row[k] = t;
                }
            }
        }
        return d;
    }

    /** The last row of the identity of order k, as the single tracked row. */
    static double[][] lastRow(int k) {
        double[][] rows = new double[1][k];
        rows[0][k - 1] = 1;
        return rows;
    }

    /** The identity of order k, to track every row. */
    static double[][] identity(int k) {
        double[][] rows = new double[k][k];
        for (int i = 0; i < k; i++) {
            rows[i][i] = 1;
        }
        return rows;
    }

    /** sqrt(a² + b²) without overflow; faster than {@link Math#hypot}, accurate to a few ulps. */
    static double hypot(double a, double b) {
        double x = Math.abs(a);
        double y = Math.abs(b);
        double m = Math.max(x, y);
        if (m == 0 || Double.isInfinite(m)) {
            return m;
        }
        double r = Math.min(x, y) / m;
        return m * Math.sqrt(1 + r * r);
    }
}
