package org.gdcert.core.linalg;

/** Kernels on stretches of double arrays that the spectral code of core and of plugins share. */
public final class Vectors {
    private Vectors() {
    }

    /**
     * Σ a[aOff + k]·b[bOff + k] over k in [0, n), with four partial sums (the adds do not wait on
     * each other, which makes the loop about four times faster than one running sum; the order of
     * summation is fixed, so results are repeatable).
     */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[aOff + k] * b[bOff + k];
            s1 += a[aOff + k + 1] * b[bOff + k + 1];
            s2 += a[aOff + k + 2] * b[bOff + k + 2];
            s3 += a[aOff + k + 3] * b[bOff + k + 3];
        }
        for (; k < n; k++) {
            s0 += a[aOff + k] * b[bOff + k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
