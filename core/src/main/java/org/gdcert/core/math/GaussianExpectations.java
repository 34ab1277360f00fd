package org.gdcert.core.math;

import java.util.function.DoubleUnaryOperator;

/**
 * Closed-form expectations over a centred Gaussian pair (u, v) ~ N(0, [[a, c], [c, b]]) that
 * activation plugins and kernel certificates share, and a Gauss–Hermite fallback for any pair of
 * functions.
 *
 * <p>Every method accepts a covariance that is PSD up to rounding: the correlation is clamped to
 * [−1, 1] and a² b − c² to ≥ 0, so diagonal entries (c² = ab) need no special case.
 */
public final class GaussianExpectations {

    private GaussianExpectations() {
    }

    /**
     * K1(a, b, c) = E[relu(u)·relu(v)], Cho–Saul's degree-1 arc-cosine kernel divided by 2, in the
     * angle form that is stable near |ρ| = 1 (certificates-nguyen.md §3.1):
     * (√(ab − c²) + c·(π − θ))/(2π) with θ = atan2(√(ab − c²), c). Zero when a or b is zero.
     */
    public static double reluPair(double a, double b, double c) {
        checkVariances(a, b);
        if (a == 0 || b == 0) {
            return 0.0;
        }
        double cc = clampCovariance(a, b, c);
        double det = Math.max(a * b - cc * cc, 0.0);
        double root = Math.sqrt(det);
        double theta = Math.atan2(root, cc);
        return (root + cc * (Math.PI - theta)) / (2 * Math.PI);
    }

    /**
     * P(u &gt; 0, v &gt; 0) = (π − θ)/(2π) with θ = arccos ρ (Sheppard's formula), computed as
     * atan2 for stability; the expectation of relu'(u)·relu'(v) with relu'(0) = 0 and a, b &gt; 0.
     * When a variable is identically zero (a = 0 or b = 0) the event u &gt; 0 is empty: 0.
     */
    public static double positiveOrthant(double a, double b, double c) {
        checkVariances(a, b);
        if (a == 0 || b == 0) {
            return 0.0;
        }
        double cc = clampCovariance(a, b, c);
        double root = Math.sqrt(Math.max(a * b - cc * cc, 0.0));
        return (Math.PI - Math.atan2(root, cc)) / (2 * Math.PI);
    }

    /**
     * E[f(u)·g(v)] by a tensor Gauss–Hermite rule in the conditional (Cholesky) form
     * u = √a·z₁, v = (c/√a)·z₁ + √(b − c²/a)·z₂ (certificates-du.md §3.1.2). Accurate for functions
     * smooth on the scale of the node spacing; kinks converge only algebraically. {@code rule} must be
     * a {@link GaussHermite#standardNormal} rule.
     */
    public static double pairExpectation(DoubleUnaryOperator f, DoubleUnaryOperator g, double a, double b,
            double c, GaussHermite.Rule rule) {
        checkVariances(a, b);
        if (rule.weightFunction() != GaussHermite.Weight.STANDARD_NORMAL) {
            throw new IllegalArgumentException("pairExpectation needs a standard-normal rule, got " + rule);
        }
        int n = rule.size();
        if (a == 0) {
            double inner = 0;
            double sb = Math.sqrt(b);
            for (int l = 0; l < n; l++) {
                inner += rule.weight(l) * g.applyAsDouble(sb * rule.node(l));
            }
            return f.applyAsDouble(0.0) * inner;
        }
        double cc = clampCovariance(a, b, c);
        double l11 = Math.sqrt(a);
        double l21 = cc / l11;
        double l22 = Math.sqrt(Math.max(b - l21 * l21, 0.0));
        double total = 0;
        for (int k = 0; k < n; k++) {
            double z1 = rule.node(k);
            double inner = 0;
            for (int l = 0; l < n; l++) {
                inner += rule.weight(l) * g.applyAsDouble(l21 * z1 + l22 * rule.node(l));
            }
            total += rule.weight(k) * f.applyAsDouble(l11 * z1) * inner;
        }
        return total;
    }

    /** c clamped to [−√(ab), √(ab)]. */
    static double clampCovariance(double a, double b, double c) {
        double bound = Math.sqrt(a * b);
        return Math.max(-bound, Math.min(bound, c));
    }

    private static void checkVariances(double a, double b) {
        if (!(a >= 0) || !(b >= 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("variances must be finite and >= 0, got a=" + a + ", b=" + b);
        }
    }
}
