package org.gdcert.optimizers.monitors;

/**
 * λ_max of a symmetric matrix by Lanczos with full reorthogonalization (exact tridiagonalization
 * when n ≤ {@link #LANCZOS_STEPS}) and Sturm-sequence bisection on the tridiagonal matrix. Robust
 * on the rank-deficient Gram matrices of the monitors, where a dense QL eigensolver can fail to
 * converge.
 */
final class Spectra {
    /** Lanczos steps (the Ritz value of a PSD Gram converges to λ_max long before). */
    static final int LANCZOS_STEPS = 120;

    private Spectra() {
    }

    /** λ_max of the symmetric n × n matrix {@code a} (row-major, length n²). */
    static double lambdaMax(double[] a, int n) {
        if (n == 0) {
            return 0;
        }
        int steps = Math.min(n, LANCZOS_STEPS);
        double[][] q = new double[steps + 1][];
        double[] alpha = new double[steps];
        double[] beta = new double[steps];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1 + 0.01 * Math.sin(i + 1.0); // deterministic, not orthogonal to a PSD top eigenvector
        }
        scale(v, 1 / norm(v));
        q[0] = v;
        int k = 0;
        while (k < steps) {
            double[] w = multiply(a, n, q[k]);
            alpha[k] = dot(w, q[k]);
            for (int pass = 0; pass < 2; pass++) { // full reorthogonalization, twice
                for (int j = 0; j <= k; j++) {
                    axpy(-dot(w, q[j]), q[j], w);
                }
            }
            double b = norm(w);
            k++;
            if (k == steps || b <= 1e-13 * Math.max(Math.abs(alpha[k - 1]), Double.MIN_NORMAL)) {
                break;
            }
            beta[k - 1] = b;
            scale(w, 1 / b);
            q[k] = w;
        }
        return largestTridiagonal(alpha, beta, k);
    }

    /** The largest eigenvalue of the k × k tridiagonal matrix (main {@code d}, off-diagonal {@code e}) by bisection. */
    static double largestTridiagonal(double[] d, double[] e, int k) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double r = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < k - 1 ? Math.abs(e[i]) : 0);
            lo = Math.min(lo, d[i] - r);
            hi = Math.max(hi, d[i] + r);
        }
        for (int it = 0; it < 200 && hi - lo > 2 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi))); it++) {
            double mid = 0.5 * (lo + hi);
            if (countBelow(d, e, k, mid) < k) {
                lo = mid; // some eigenvalue is >= mid
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The number of eigenvalues below x (Sturm sequence of the LDLᵀ pivots). */
    private static int countBelow(double[] d, double[] e, int k, double x) {
        int count = 0;
        double piv = 1;
        for (int i = 0; i < k; i++) {
            double off = i > 0 ? e[i - 1] * e[i - 1] : 0;
            piv = d[i] - x - (i > 0 ? off / piv : 0);
            if (piv == 0) {
                piv = -Double.MIN_NORMAL;
            }
            if (piv < 0) {
                count++;
            }
        }
        return count;
    }

    private static double[] multiply(double[] a, int n, double[] x) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double f) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= f;
        }
    }

    private static void axpy(double f, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += f * x[i];
        }
    }
}
