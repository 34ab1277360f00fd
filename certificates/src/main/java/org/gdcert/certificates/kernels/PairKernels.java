package org.gdcert.certificates.kernels;

import org.gdcert.core.math.SpecialFunctions;

/**
 * Closed forms of E[σ(u)σ(v)] for (u, v) ~ N(0, [[qa, c], [c, qb]]) (spec
 * certificates-nguyen.md §3.1, [derived], checked against quadrature by the spec's
 * {@code kernel_check.py}).
 */
public final class PairKernels {
    private static final double TWO_PI = 2 * Math.PI;
    private static final double SQRT_2PI = SpecialFunctions.SQRT_2PI;

    private PairKernels() {
    }

    /**
     * K1(A, B, C) = E[relu(U) relu(V)], (U, V) ~ N(0, [[A, C], [C, B]]): Cho and Saul's degree-1
     * arc-cosine kernel divided by 2, in the angle form that is stable near |ρ| = 1:
     * (√(AB − C²) + C (π − θ)) / (2π), θ = atan2(√(AB − C²), C). Zero when A or B is zero.
     */
    public static double k1(double a, double b, double c) {
        if (a <= 0 || b <= 0) {
            return 0;
        }
        double det = Math.max(0, a * b - c * c);
        double root = Math.sqrt(det);
        double theta = Math.atan2(root, c);
        return (root + c * (Math.PI - theta)) / TWO_PI;
    }

    /** ReLU: K1(qa, qb, c). */
    public static double relu(double qa, double qb, double c) {
        return k1(qa, qb, c);
    }

    /** Leaky ReLU max(γx, x): γc + (1−γ)² K1(qa, qb, c). */
    public static double leaky(double qa, double qb, double c, double gamma) {
        double g1 = 1 - gamma;
        return gamma * c + g1 * g1 * k1(qa, qb, c);
    }

    /** The kernel width s = (1−γ)/(β√(2π)) of seed 000's activation (2). */
    public static double smoothReluWidth(double gamma, double beta) {
        return (1 - gamma) / (beta * SQRT_2PI);
    }

    /**
     * Seed 000's activation (2) (corrected, max(γu, u)): with s the kernel width and
     * S_i = √(q_i + s²), γc + (1−γ)²[K1(S_a², S_b², c) − s(S_a + S_b)/(2π) + s²/(2π)].
     */
    public static double smoothRelu(double qa, double qb, double c, double gamma, double beta) {
        double s = smoothReluWidth(gamma, beta);
        double s2 = s * s;
        double sa = Math.sqrt(qa + s2);
        double sb = Math.sqrt(qb + s2);
        double g1 = 1 - gamma;
        return gamma * c + g1 * g1 * (k1(qa + s2, qb + s2, c) - s * (sa + sb) / TWO_PI + s2 / TWO_PI);
    }

    /** σ(x) of seed 000's activation (2), used to recognise it: γx + (1−γ)s[zΦ(z) + φ(z) − φ(0)]. */
    static double smoothReluValue(double x, double gamma, double beta) {
        double s = smoothReluWidth(gamma, beta);
        double z = x / s;
        return gamma * x + (1 - gamma) * s * (z * normalCdf(z) + normalPdf(z) - normalPdf(0));
    }

    static double normalPdf(double z) {
        return SpecialFunctions.normalPdf(z);
    }

    /** Φ(z) (core's Cody-based normal cdf, accurate in the tails). */
    static double normalCdf(double z) {
        return SpecialFunctions.normalCdf(z);
    }
}
