package org.gdcert.certificates.kernels;

import java.util.function.DoubleUnaryOperator;

/**
 * Gauss–Hermite rules for the standard normal weight (core's Golub–Welsch rules, stable where the
 * three-term recursion of {@code numpy.polynomial.hermite.hermgauss} overflows, spec §3.3), and the
 * 2-D tensor rule for E[σ(u)σ(v)] of a correlated Gaussian pair.
 *
 * @param nodes z_k
 * @param weights w_k, Σ w_k = 1
 */
public record GaussHermite(double[] nodes, double[] weights) {

    /**
     * The n-point rule: Σ w_k f(z_k) ≈ E f(Z), Z ~ N(0, 1), exact for polynomials of degree ≤ 2n−1
     * (nodes and weights from core's Golub–Welsch rule).
     */
    public static GaussHermite of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Gauss-Hermite needs at least one node, got " + n);
        }
        org.gdcert.core.math.GaussHermite.Rule r = org.gdcert.core.math.GaussHermite.standardNormal(n);
        return new GaussHermite(r.nodes(), r.weights());
    }

    /** Σ w_k f(z_k). */
    public double expect(DoubleUnaryOperator f) {
        double s = 0;
        for (int k = 0; k < nodes.length; k++) {
            s += weights[k] * f.applyAsDouble(nodes[k]);
        }
        return s;
    }

    /**
     * E[σ(u)σ(v)], (u, v) ~ N(0, [[qa, c], [c, qb]]), by the tensor rule with u = a z_1,
     * v = b(ρ z_1 + √(1−ρ²) z_2), a = √qa, b = √qb, ρ = c/(ab).
     */
    public double pair(DoubleUnaryOperator sigma, double qa, double qb, double c) {
        double a = Math.sqrt(Math.max(qa, 0));
        double b = Math.sqrt(Math.max(qb, 0));
        double rho = a * b == 0 ? 0 : Math.max(-1, Math.min(1, c / (a * b)));
        double perp = Math.sqrt(Math.max(0, 1 - rho * rho));
        double s = 0;
        for (int k = 0; k < nodes.length; k++) {
            double su = sigma.applyAsDouble(a * nodes[k]);
            if (su == 0) {
                continue;
            }
            double inner = 0;
            double m = b * rho * nodes[k];
            for (int l = 0; l < nodes.length; l++) {
                inner += weights[l] * sigma.applyAsDouble(m + b * perp * nodes[l]);
            }
            s += weights[k] * su * inner;
        }
        return s;
    }
}
