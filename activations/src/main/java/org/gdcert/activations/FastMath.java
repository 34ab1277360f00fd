package org.gdcert.activations;

/**
 * log1p and expm1 built on the intrinsic {@link Math#exp} and {@link Math#log} (on HotSpot 17 the
 * library {@code Math.log1p}/{@code Math.expm1}/{@code Math.tanh} are JNI calls, 3–5× slower in
 * the bulk kernels). Both use the classical correction tricks and stay within a few ulps.
 */
final class FastMath {

    private FastMath() {
    }

    /** log(1 + u) for u &gt; −1 (Goldberg's trick: log(w)·u/(w − 1) with w = 1 + u rounded). */
    static double log1p(double u) {
        double w = 1.0 + u;
        if (w == 1.0) {
            return u;
        }
        return Math.log(w) * (u / (w - 1.0));
    }

    /** exp(x) − 1 (Kahan's trick: (e − 1)·x/log(e) with e = exp(x) rounded). */
    static double expm1(double x) {
        double e = Math.exp(x);
        if (e == 1.0) {
            return x;
        }
        double em = e - 1.0;
        if (em == -1.0) {
            return -1.0;
        }
        if (Double.isInfinite(e)) {
            return e;
        }
        return em * (x / Math.log(e));
    }

    /**
     * expm1(u) for −1/2 ≤ u ≤ 0 by its Taylor series (15 terms; truncation below 5e-17 relative).
     * Used by smoothrelu for small |z| so that the bulk kernel needs no second exponential.
     */
    static double expm1Small(double u) {
        double t = 1.0 + u * INV[15];
        for (int k = 14; k >= 2; k--) {
            t = 1.0 + u * INV[k] * t;
        }
        return u * t;
    }

    /** INV[k] = 1/k. */
    private static final double[] INV = new double[16];

    static {
        for (int k = 1; k < INV.length; k++) {
            INV[k] = 1.0 / k;
        }
    }
}
