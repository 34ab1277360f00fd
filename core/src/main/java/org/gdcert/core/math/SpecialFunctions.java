package org.gdcert.core.math;

/**
 * The error function family and the standard normal distribution, to full double precision.
 *
 * <p>erf, erfc and erfcx use W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
 * approximations for the error function", Math. Comp. 23 (1969) 631–637; coefficients of the
 * SPECFUN routine CALERF). The approximations themselves are accurate to about 1e-18; evaluated in
 * double precision the relative error is a few units in the last place (the tests check ≤ 1e-15
 * against 50-digit references). {@code java.lang.Math} has none of these functions.
 *
 * <p>Tails: erfc(x) keeps full relative accuracy until it underflows (x ≈ 26.5);
 * {@link #normalCdf(double)} keeps full relative accuracy for z → −∞ (down to z ≈ −38, where
 * Φ(z) underflows) because it never forms z/√2 squared: it multiplies the scaled function
 * erfcx(−z/√2), whose relative condition number is small, by exp(−z²/2) computed with Cody's
 * splitting of z², which is exact up to the final exponentials.
 *
 * <p>Naming: Φ here is the normal distribution function; the loss is never called Φ in this class.
 */
public final class SpecialFunctions {

    /** 1/√π. */
    public static final double INV_SQRT_PI = 5.6418958354775628695e-1;
    /** 2/√π = erf'(0). */
    public static final double TWO_OVER_SQRT_PI = 1.1283791670955125739;
    /** 1/√2. */
    public static final double INV_SQRT_2 = 0.70710678118654752440;
    /** √(2π). */
    public static final double SQRT_2PI = 2.5066282746310005024;
    /** 1/√(2π) = φ(0). */
    public static final double INV_SQRT_2PI = 0.39894228040143267794;

    /** Boundary of Cody's first interval: erf by a rational function of x² below it. */
    private static final double THRESH = 0.46875;
    /** Below this erf(x) = 2x/√π to double precision. */
    private static final double XSMALL = 1.11e-16;
    /** erfc underflows (below the smallest normal double) beyond this. */
    private static final double XBIG = 26.543;
    /** Φ(z) and φ(z) are below every subnormal double for |z| beyond this. */
    private static final double NORMAL_UNDERFLOW = 38.6;

    // erf on [0, 0.46875]
    private static final double A0 = 3.16112374387056560e00;
    private static final double A1 = 1.13864154151050156e02;
    private static final double A2 = 3.77485237685302021e02;
    private static final double A3 = 3.20937758913846947e03;
    private static final double A4 = 1.85777706184603153e-1;
    private static final double B0 = 2.36012909523441209e01;
    private static final double B1 = 2.44024637934444173e02;
    private static final double B2 = 1.28261652607737228e03;
    private static final double B3 = 2.84423683343917062e03;

    // erfc·exp(x²) on [0.46875, 4]
    private static final double C0 = 5.64188496988670089e-1;
    private static final double C1 = 8.88314979438837594e00;
    private static final double C2 = 6.61191906371416295e01;
    private static final double C3 = 2.98635138197400131e02;
    private static final double C4 = 8.81952221241769090e02;
    private static final double C5 = 1.71204761263407058e03;
    private static final double C6 = 2.05107837782607147e03;
    private static final double C7 = 1.23033935479799725e03;
    private static final double C8 = 2.15311535474403846e-8;
    private static final double D0 = 1.57449261107098347e01;
    private static final double D1 = 1.17693950891312499e02;
    private static final double D2 = 5.37181101862009858e02;
    private static final double D3 = 1.62138957456669019e03;
    private static final double D4 = 3.29079923573345963e03;
    private static final double D5 = 4.36261909014324716e03;
    private static final double D6 = 3.43936767414372164e03;
    private static final double D7 = 1.23033935480374942e03;

    // erfc·exp(x²) on (4, ∞), rational in 1/x²
    private static final double P0 = 3.05326634961232344e-1;
    private static final double P1 = 3.60344899949804439e-1;
    private static final double P2 = 1.25781726111229246e-1;
    private static final double P3 = 1.60837851487422766e-2;
    private static final double P4 = 6.58749161529837803e-4;
    private static final double P5 = 1.63153871373020978e-2;
    private static final double Q0 = 2.56852019228982242e00;
    private static final double Q1 = 1.87295284992346047e00;
    private static final double Q2 = 5.27905102951428412e-1;
    private static final double Q3 = 6.05183413124413191e-2;
    private static final double Q4 = 2.33520497626869185e-3;

    private SpecialFunctions() {
    }

    /** erf(x) = (2/√π) ∫₀ˣ e^{−t²} dt. */
    public static double erf(double x) {
        double y = Math.abs(x);
        if (y <= THRESH) {
            return erfSmall(x);
        }
        if (!(y < 6.0)) { // erfc(6) < 2.2e-17: erf is ±1 in double; also NaN falls through below
            return Double.isNaN(x) ? x : Math.copySign(1.0, x);
        }
        double r = (0.5 - erfcPositive(y)) + 0.5;
        return x < 0 ? -r : r;
    }

    /** erfc(x) = 1 − erf(x), with full relative accuracy for large positive x. */
    public static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= THRESH) {
            return 1.0 - erfSmall(x);
        }
        if (Double.isNaN(x)) {
            return x;
        }
        double r = erfcPositive(y);
        return x < 0 ? 2.0 - r : r;
    }

    /**
     * The scaled complementary error function erfcx(x) = exp(x²)·erfc(x). Bounded and smooth for
     * x ≥ 0 (erfcx(x) ~ 1/(x√π) as x → ∞); grows like 2exp(x²) for x → −∞ and overflows to
     * +∞ below about −26.6.
     */
    public static double erfcx(double x) {
        double y = Math.abs(x);
        if (Double.isNaN(x)) {
            return x;
        }
        if (y <= THRESH) {
            return Math.exp(x * x) * (1.0 - erfSmall(x));
        }
        double r = erfcxPositive(y);
        if (x > 0) {
            return r;
        }
        if (y > 26.7) {
            return Double.POSITIVE_INFINITY;
        }
        return 2.0 * expSquare(y) - r;
    }

    /** exp(−z²/2), accurate to a few ulps for every z (the square is split so no digit is lost). */
    public static double expNegHalfSquare(double z) {
        double y = Math.abs(z);
        if (!(y < NORMAL_UNDERFLOW)) {
            return Double.isNaN(z) ? z : 0.0;
        }
        double yt = Math.floor(y * 16.0) / 16.0; // exact; yt² exact (at most 20 significant bits)
        double del = (y - yt) * (y + yt); // y − yt exact
        return Math.exp(-0.5 * yt * yt) * Math.exp(-0.5 * del);
    }

    /** exp(−x²), accurate to a few ulps for every x (the square is split as in Cody's erfc). */
    public static double expNegSquare(double x) {
        double y = Math.abs(x);
        if (!(y < 27.3)) { // exp(−27.3²) is below every subnormal double
            return Double.isNaN(x) ? x : 0.0;
        }
        double yt = Math.floor(y * 16.0) / 16.0;
        double del = (y - yt) * (y + yt);
        return Math.exp(-yt * yt) * Math.exp(-del);
    }

    /** The standard normal density φ(z) = exp(−z²/2)/√(2π). φ(0) is exactly {@link #INV_SQRT_2PI}. */
    public static double normalPdf(double z) {
        return INV_SQRT_2PI * expNegHalfSquare(z);
    }

    /**
     * The standard normal distribution function Φ(z) = ½ erfc(−z/√2), with full relative accuracy
     * in the lower tail (Φ(−37) ≈ 5.7e-300 to a few ulps) and 1 − Φ(z) = Φ(−z) available to full
     * accuracy as {@code normalCdf(-z)}.
     */
    public static double normalCdf(double z) {
        return normalCdf(z, expNegHalfSquare(z));
    }

    /**
     * Φ(z) when {@code gaussianKernel} = exp(−z²/2) is already at hand, as in kernels that need both
     * Φ and φ: saves the exponentials. With the kernel from {@link #expNegHalfSquare} this is exactly
     * {@link #normalCdf(double)}; a plain {@code Math.exp(-0.5 * z * z)} adds a relative error of
     * about z²ε/2 to the tail value (harmless where only absolute accuracy matters). The caller
     * guarantees the kernel value; nothing is checked.
     */
    public static double normalCdf(double z, double gaussianKernel) {
        double y = Math.abs(z) * INV_SQRT_2;
        if (y <= THRESH) {
            return 0.5 + 0.5 * erfSmall(z * INV_SQRT_2);
        }
        if (Double.isNaN(z)) {
            return z;
        }
        double tail = 0.5 * erfcxPositive(y) * gaussianKernel; // Φ(−|z|)
        return z < 0 ? tail : 1.0 - tail;
    }

    /**
     * ∫_{−∞}^{z} Φ(t) dt = z·Φ(z) + φ(z) = E[(z + G)⁺] for G ~ N(0, 1), accurate in relative terms
     * also for z ≪ 0, where the two terms cancel: below −2 it is φ(z)·(1 − |z|·R(|z|)) with R the
     * Mills ratio, and 1 − t·R(t) comes from Laplace's continued fraction without cancellation. The
     * relative error is below 3e-15 (the direct form on (−2, −1) loses up to a factor 5 to
     * cancellation; elsewhere a few ulps).
     */
    public static double integratedNormalCdf(double z) {
        if (Double.isNaN(z)) {
            return z;
        }
        if (z >= -2.0) {
            if (z == Double.POSITIVE_INFINITY) {
                return z;
            }
            return z * normalCdf(z) + normalPdf(z);
        }
        if (!(z > -NORMAL_UNDERFLOW)) {
            return 0.0;
        }
        // t = |z| ≥ 2: 1 − t·R(t) with R(t) = Φ(−t)/φ(t) = 1/(t + 1/(t + 2/(t + 3/(t + ...)))).
        // 1 − t·R = (R·(something)) is evaluated as 1 − t/(t + F) = F/(t + F), F = 1/(t + 2/(t + ...)).
        double t = -z;
        double f = lentzTail(t, 1);
        return normalPdf(z) * (f / (t + f));
    }

    /** The continued fraction 1/(t + 2/(t + 3/(t + ...))) = K_{k≥first} k/(t + ...), by backward recursion. */
    private static double lentzTail(double t, int first) {
        // Backward evaluation with a fixed depth, enough for a relative error below 1e-16 (checked
        // against mpmath for t in [2, 40]): 160 terms at t = 2, 80 from t = 3, 40 from t = 4.
        int depth = t >= 4 ? 40 : t >= 3 ? 80 : 160;
        double v = 0.0;
        for (int k = first + depth; k >= first + 1; k--) {
            v = k / (t + v);
        }
        return first / (t + v);
    }

    /** exp(y²) for y ≥ 0 with the square split like {@link #expNegHalfSquare}. */
    private static double expSquare(double y) {
        double yt = Math.floor(y * 16.0) / 16.0;
        double del = (y - yt) * (y + yt);
        return Math.exp(yt * yt) * Math.exp(del);
    }

    /** erf on |x| ≤ 0.46875: x·R(x²). */
    private static double erfSmall(double x) {
        double y = Math.abs(x);
        double ysq = y > XSMALL ? x * x : 0.0;
        double num = A4 * ysq;
        double den = ysq;
        num = (num + A0) * ysq;
        den = (den + B0) * ysq;
        num = (num + A1) * ysq;
        den = (den + B1) * ysq;
        num = (num + A2) * ysq;
        den = (den + B2) * ysq;
        return x * (num + A3) / (den + B3);
    }

    /** erfc(y)·exp(y²) for y > 0.46875. */
    private static double erfcxPositive(double y) {
        if (y <= 4.0) {
            double num = C8 * y;
            double den = y;
            num = (num + C0) * y;
            den = (den + D0) * y;
            num = (num + C1) * y;
            den = (den + D1) * y;
            num = (num + C2) * y;
            den = (den + D2) * y;
            num = (num + C3) * y;
            den = (den + D3) * y;
            num = (num + C4) * y;
            den = (den + D4) * y;
            num = (num + C5) * y;
            den = (den + D5) * y;
            num = (num + C6) * y;
            den = (den + D6) * y;
            return (num + C7) / (den + D7);
        }
        double ysq = 1.0 / (y * y);
        double num = P5 * ysq;
        double den = ysq;
        num = (num + P0) * ysq;
        den = (den + Q0) * ysq;
        num = (num + P1) * ysq;
        den = (den + Q1) * ysq;
        num = (num + P2) * ysq;
        den = (den + Q2) * ysq;
        num = (num + P3) * ysq;
        den = (den + Q3) * ysq;
        double r = ysq * (num + P4) / (den + Q4);
        return (INV_SQRT_PI - r) / y;
    }

    /** erfc(y) for y > 0.46875 (0 beyond the underflow point). */
    private static double erfcPositive(double y) {
        if (y >= XBIG) {
            return 0.0;
        }
        double r = erfcxPositive(y);
        double yt = Math.floor(y * 16.0) / 16.0;
        double del = (y - yt) * (y + yt);
        return Math.exp(-yt * yt) * Math.exp(-del) * r;
    }
}
