package org.gdcert.certificates.kernels;

import org.gdcert.core.linalg.HostMatrix;

/**
 * The Hermite expansion of spec §3.5 for seed 000's activation (2): the orthonormal Hermite
 * coefficients μ_r (closed form of spec §1.2, [derived]) and the rigorous bracket of λ_* from the
 * truncated series G_R = Σ_{r≤R} μ_r² P^{∘r}, P = XXᵀ/d, valid only when every ‖x_i‖ = √d
 * (T0.10): λ_min(G_R) ≤ λ_* ≤ λ_min(G_R) + (E[σ(g)²] − Σ_{r≤R} μ_r²)·max_i Σ_j |P_ij|^{R+1}.
 */
public final class HermiteSeries {
    private HermiteSeries() {
    }

    /** μ_r = E[σ(g) h_r(g)], h_r = He_r/√(r!), for activation (2) with (γ, β); β = ∞ gives leaky ReLU. */
    public static double mu(int r, double gamma, double beta) {
        double s = Double.isInfinite(beta) ? 0 : PairKernels.smoothReluWidth(gamma, beta);
        double s2 = 1 + s * s;
        if (r == 0) {
            return (1 - gamma) * (Math.sqrt(s2) - s) / Math.sqrt(2 * Math.PI);
        }
        if (r == 1) {
            return (1 + gamma) / 2;
        }
        if (r % 2 == 1) {
            return 0;
        }
        double m = (1 - gamma) / (2 * Math.sqrt(Math.PI * s2));
        for (int k = 2; k < r; k += 2) {
            m *= -(k - 1) / Math.sqrt((k + 1.0) * (k + 2.0)) / s2;
        }
        return m;
    }

    /** [lower, upper] bracket of λ_* from R + 1 terms (every ‖x_i‖ must equal √d). */
    public static double[] bracket(HostMatrix x, double gamma, double beta, int terms) {
        int n = x.rows();
        int d = x.cols();
        HostMatrix p = new HostMatrix(n, n);
        double[] xd = x.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += xd[i * d + k] * xd[j * d + k];
                }
                p.set(i, j, s / d);
            }
        }
        HostMatrix g = new HostMatrix(n, n);
        HostMatrix pow = new HostMatrix(n, n);
        java.util.Arrays.fill(pow.data(), 1);
        double captured = 0;
        for (int r = 0; r <= terms; r++) {
            double m2 = mu(r, gamma, beta) * mu(r, gamma, beta);
            captured += m2;
            for (int i = 0; i < g.data().length; i++) {
                g.data()[i] += m2 * pow.data()[i];
                pow.data()[i] *= p.data()[i];
            }
        }
        double total = PairKernels.smoothRelu(1, 1, 1, gamma, beta);
        double rowMax = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += Math.abs(pow.get(i, j));
            }
            rowMax = Math.max(rowMax, s);
        }
        double lower = Spectral.eigenvalues(g)[0];
        return new double[] {lower, lower + Math.max(0, total - captured) * rowMax};
    }
}
