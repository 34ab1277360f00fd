package org.gdcert.core.spectral;

/** Constants of the standard model of floating-point rounding (Higham, ch. 2–3), double precision. */
final class Rounding {
    /** Unit roundoff u = 2⁻⁵³. */
    static final double U = 0x1.0p-53;
    /** Machine epsilon 2⁻⁵². */
    static final double EPS = 0x1.0p-52;

    private Rounding() {
    }

    /** γ_n = n·u / (1 − n·u): the relative error bound of an n-term dot product in any order. */
    static double gamma(long n) {
        double nu = n * U;
        if (nu >= 0.5) {
            return Double.POSITIVE_INFINITY;
        }
        return nu / (1 - nu);
    }

    /** x moved a few ulps toward +∞, so that rounding in computing an upper bound cannot shrink it. */
    static double up(double x) {
        return x + 4 * Math.ulp(x);
    }

    /** x moved a few ulps toward −∞ (for lower bounds). */
    static double down(double x) {
        return x - 4 * Math.ulp(x);
    }
}
