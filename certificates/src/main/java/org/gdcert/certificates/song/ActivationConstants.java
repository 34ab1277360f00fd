package org.gdcert.certificates.song;

import java.util.function.DoubleUnaryOperator;
import org.gdcert.core.math.GaussHermite;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;

/**
 * The activation constants of spec §3.6: the global sups φ̇_max = sup|φ̇| and φ̈_max = sup|φ̈| that
 * Lemma 3 needs, read from the plugin's {@link ActivationProperties} (analytic declarations, never
 * measured), a numerical check that the declared values really bound the sampled derivatives (a
 * certificate built on a wrong bound would be unsound), φ(0), and the Hermite coefficients
 * c_i = E[φ(g)He_i(g)] (§1.4) that Theorem 3's order analysis uses.
 *
 * @param phiAtZero φ(0); Assumption 2 asks for 0, only Theorem 3 needs it (A23)
 * @param dotMax declared φ̇_max
 * @param ddotMax declared φ̈_max (the Lipschitz constant of φ̇; +∞ for ReLU)
 * @param smooth declared C²
 * @param sampledDotMax the largest |φ̇| found by sampling and refinement
 * @param sampledDdotMax the largest |φ̈| found likewise
 * @param dotArgmax where |φ̇| was largest
 * @param ddotArgmax where |φ̈| was largest
 * @param hermite c_0..c_K of φ (unshifted)
 * @param secondMoment E[φ(g)²]
 */
record ActivationConstants(double phiAtZero, double dotMax, double ddotMax, boolean smooth, double sampledDotMax,
        double sampledDdotMax, double dotArgmax, double ddotArgmax, double[] hermite, double secondMoment) {

    /** Half-width of the sampling grid. */
    static final double GRID_HALF_WIDTH = 50;
    /** Grid spacing. */
    static final double GRID_STEP = 1.0 / 256;
    /** Far points sampled for the tails (sups attained at ±∞, e.g. softplus' φ̇ → 1). */
    static final double[] TAIL_POINTS = {1e3, 1e6, 1e9};
    /** A declared bound is refuted when a sample exceeds it by more than this relative amount. */
    static final double BOUND_TOLERANCE = 1e-9;
    /** Number of Hermite coefficients computed. */
    static final int HERMITE_TERMS = 13;

    /** Whether the declared sups are finite (φ twice differentiable with bounded φ̇, φ̈). */
    boolean finite() {
        return Double.isFinite(dotMax) && Double.isFinite(ddotMax);
    }

    /** Whether sampling confirms both declared bounds. */
    boolean declaredBoundsHold() {
        return sampledDotMax <= dotMax * (1 + BOUND_TOLERANCE) + Double.MIN_NORMAL
                && sampledDdotMax <= ddotMax * (1 + BOUND_TOLERANCE) + Double.MIN_NORMAL;
    }

    double c(int i) {
        return hermite[i];
    }

    /** c_∞² = E[φ²] − c_0² − c_1² (Parseval, §1.4). */
    double cInfinitySquared() {
        return secondMoment - hermite[0] * hermite[0] - hermite[1] * hermite[1];
    }

    /** c_0 of the shifted activation φ − φ(0) that Theorem 3 needs (A23); c_i, i ≥ 1, are unchanged. */
    double shiftedC0() {
        return hermite[0] - phiAtZero;
    }

    /** E[(φ(g) − φ(0))²]. */
    double shiftedSecondMoment() {
        return secondMoment - 2 * phiAtZero * hermite[0] + phiAtZero * phiAtZero;
    }

    /** Reads the declarations and computes the numerical checks and Hermite coefficients with an n-point rule. */
    static ActivationConstants of(Activation phi, int quadratureOrder) {
        ActivationProperties p = phi.properties();
        double[] dot = supAbs(phi::derivative);
        double[] ddot = p.smooth() ? supAbs(phi::secondDerivative) : new double[] {Double.NaN, Double.NaN};
        GaussHermite.Rule rule = GaussHermite.standardNormal(quadratureOrder);
        double[] c = new double[HERMITE_TERMS];
        double second = 0;
        for (int q = 0; q < rule.size(); q++) {
            double t = rule.node(q);
            double f = phi.value(t);
            double wq = rule.weight(q);
            second += wq * f * f;
            double hPrev = 1;
            double h = t;
            c[0] += wq * f;
            if (HERMITE_TERMS > 1) {
                c[1] += wq * f * t;
            }
            for (int i = 2; i < HERMITE_TERMS; i++) {
                double next = t * h - (i - 1) * hPrev;
                hPrev = h;
                h = next;
                c[i] += wq * f * h;
            }
        }
        return new ActivationConstants(phi.value(0), p.derivativeAbsMax(), p.smooth() ? p.derivativeLipschitz()
                : Double.POSITIVE_INFINITY, p.smooth(), dot[0], ddot[0], dot[1], ddot[1], c, second);
    }

    /** {sup |f|, argmax} over the grid and tails, refined by golden-section search around the best grid point. */
    static double[] supAbs(DoubleUnaryOperator f) {
        double best = -1;
        double arg = 0;
        int steps = (int) Math.round(2 * GRID_HALF_WIDTH / GRID_STEP);
        for (int i = 0; i <= steps; i++) {
            double t = -GRID_HALF_WIDTH + i * GRID_STEP;
            double a = Math.abs(f.applyAsDouble(t));
            if (a > best || Double.isNaN(a)) {
                best = a;
                arg = t;
                if (Double.isNaN(a)) {
                    return new double[] {Double.NaN, t};
                }
            }
        }
        for (double t : TAIL_POINTS) {
            for (double s : new double[] {t, -t}) {
                double a = Math.abs(f.applyAsDouble(s));
                if (a > best) {
                    best = a;
                    arg = s;
                }
            }
        }
        if (Math.abs(arg) <= GRID_HALF_WIDTH) {
            double lo = arg - GRID_STEP;
            double hi = arg + GRID_STEP;
            double g = (Math.sqrt(5) - 1) / 2;
            double c = hi - g * (hi - lo);
            double d = lo + g * (hi - lo);
            for (int it = 0; it < 80 && hi - lo > 1e-15 * Math.max(1, Math.abs(arg)); it++) {
                if (Math.abs(f.applyAsDouble(c)) > Math.abs(f.applyAsDouble(d))) {
                    hi = d;
                } else {
                    lo = c;
                }
                c = hi - g * (hi - lo);
                d = lo + g * (hi - lo);
            }
            double mid = 0.5 * (lo + hi);
            double a = Math.abs(f.applyAsDouble(mid));
            if (a > best) {
                best = a;
                arg = mid;
            }
        }
        return new double[] {best, arg};
    }
}
