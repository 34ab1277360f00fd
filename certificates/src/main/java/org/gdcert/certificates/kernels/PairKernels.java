package org.gdcert.certificates.kernels;

/**
 * Closed forms of E[σ(u)σ(v)] for (u, v) ~ N(0, [[qa, c], [c, qb]]) (spec
 * certificates-nguyen.md §3.1, [derived], checked against quadrature by the spec's
 * {@code kernel_check.py}).
 */
public final class PairKernels {
    private static final double TWO_PI = 2 * Math.PI;
    private static final double SQRT_2PI = Math.sqrt(TWO_PI);

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
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /** Φ(z), accurate to ~1e-15 (series for |z| &lt; 5, continued fraction beyond). */
    static double normalCdf(double z) {
        double x = z / Math.sqrt(2);
        if (x >= 0) {
            return 1 - 0.5 * erfc(x);
        }
        return 0.5 * erfc(-x);
    }

    /** erfc(x) for x ≥ 0. */
    static double erfc(double x) {
        if (x < 3) {
            // erf(x) = 2/√π e^{−x²} Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1)): positive terms, no cancellation
            double term = x;
            double sum = x;
            double x2 = x * x;
            for (int n = 1; n < 200; n++) {
                term *= 2 * x2 / (2 * n + 1);
                sum += term;
                if (term < 1e-17 * sum) {
                    break;
                }
            }
            return 1 - 2 / Math.sqrt(Math.PI) * Math.exp(-x2) * sum;
        }
        // continued fraction erfc(x) = e^{−x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), Lentz
        double tiny = 1e-300;
        double f = x;
        double cc = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double an = n / 2.0;
            d = x + an * d;
            d = d == 0 ? tiny : d;
            cc = x + an / cc;
            cc = cc == 0 ? tiny : cc;
            d = 1 / d;
            double delta = cc * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
