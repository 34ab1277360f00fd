package org.gdcert.certificates.du;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauss–Hermite rule for the standard normal measure (spec certificates-du.md §3.1.2): nodes t_k and
 * weights w_k with Σ_k w_k f(t_k) ≈ E_{z∼N(0,1)}[f(z)], weights summing to 1. A cached view of
 * core's {@link org.gdcert.core.math.GaussHermite#standardNormal} (Golub–Welsch with Newton polish
 * and weights to full relative accuracy).
 */
final class GaussHermite {
    private static final ConcurrentHashMap<Integer, GaussHermite> CACHE = new ConcurrentHashMap<>();

    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** The rule with {@code n} nodes (n ≥ 1), cached. */
    static GaussHermite of(int n) {
        if (n < 1 || n > org.gdcert.core.math.GaussHermite.MAX_ORDER) {
            throw new IllegalArgumentException("Gauss-Hermite order must be in 1.."
                    + org.gdcert.core.math.GaussHermite.MAX_ORDER + ", got " + n);
        }
        return CACHE.computeIfAbsent(n, k -> {
            org.gdcert.core.math.GaussHermite.Rule r = org.gdcert.core.math.GaussHermite.standardNormal(k);
            return new GaussHermite(r.nodes(), r.weights());
        });
    }

    int order() {
        return nodes.length;
    }

    /** Node t_k (ascending). */
    double node(int k) {
        return nodes[k];
    }

    /** Weight w_k of the N(0,1) measure. */
    double weight(int k) {
        return weights[k];
    }
}
