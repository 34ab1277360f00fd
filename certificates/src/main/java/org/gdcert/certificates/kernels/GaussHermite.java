package org.gdcert.certificates.kernels;

import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Gauss–Hermite rules for the standard normal weight, from the eigen-decomposition of the Jacobi
 * matrix of the probabilists' Hermite polynomials (Golub–Welsch; stable where the three-term
 * recursion used by {@code numpy.polynomial.hermite.hermgauss} overflows, spec §3.3), and the 2-D
 * tensor rule for E[σ(u)σ(v)] of a correlated Gaussian pair.
 *
 * @param nodes z_k
 * @param weights w_k, Σ w_k = 1
 */
public record GaussHermite(double[] nodes, double[] weights) {

    /** The n-point rule: Σ w_k f(z_k) ≈ E f(Z), Z ~ N(0, 1), exact for polynomials of degree ≤ 2n−1. */
    public static GaussHermite of(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Gauss-Hermite needs at least one node, got " + n);
        }
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int k = 1; k < n; k++) {
            double off = Math.sqrt(k);
            j.set(k - 1, k, off);
            j.set(k, k - 1, off);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(j)) {
            throw new IllegalStateException("Golub-Welsch: eigen-decomposition of the Jacobi matrix failed");
        }
        double[] z = new double[n];
        double[] w = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(eig.getEigenvalue(p).real, eig.getEigenvalue(q).real));
        for (int i = 0; i < n; i++) {
            int src = order[i];
            z[i] = eig.getEigenvalue(src).real;
            DMatrixRMaj v = eig.getEigenVector(src);
            double norm2 = 0;
            for (int r = 0; r < n; r++) {
                norm2 += v.get(r, 0) * v.get(r, 0);
            }
            double v0 = v.get(0, 0);
            w[i] = v0 * v0 / norm2;
        }
        return new GaussHermite(z, w);
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
