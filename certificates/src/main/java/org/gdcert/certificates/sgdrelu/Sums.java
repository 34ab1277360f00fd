package org.gdcert.certificates.sgdrelu;

/** Compensated (Neumaier) sums for the norms of spec certificates-sgd-relu.md §4.1 step 2. */
final class Sums {
    private Sums() {
    }

    /** Σ v_i² with Neumaier compensation. */
    static double sumOfSquares(double[] v) {
        double s = 0;
        double c = 0;
        for (double x : v) {
            double t = x * x;
            double y = s + t;
            c += Math.abs(s) >= t ? (s - y) + t : (t - y) + s;
            s = y;
        }
        return s + c;
    }

    /** ‖v‖₂ by a compensated sum of squares, rounded up by a few ulps. */
    static double normUpper(double[] v) {
        double s = sumOfSquares(v);
        return Math.sqrt(s) * (1 + 4 * Spectra.U);
    }

    /** Σ (a_i − b_i)² with Neumaier compensation. */
    static double distanceSquared(double[] a, double[] b) {
        double s = 0;
        double c = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            double t = d * d;
            double y = s + t;
            c += Math.abs(s) >= t ? (s - y) + t : (t - y) + s;
            s = y;
        }
        return s + c;
    }
}
