package org.gdcert.certificates.song;

/**
 * The linearized model of spec certificates-song.md §5.1 (Chizat's definition: linearize Φ, keep
 * the loss; A25) trained by the same deterministic optimizer as the real run, in closed form.
 * With Φ̄(Θ) = Z0 + ∇Φ(Θ0)[Θ − Θ0] and h̄ = s‖Φ̄ − Y‖², the residual obeys
 * R̄_{k+1} = (I − 2sη K0) R̄_k under GD and dR̄/dt = −2s K0 R̄ under the flow, so with K0 = U Λ Uᵀ:
 * R̄_k = U (1 − 2sηλ)^k Uᵀ R0, R̄(t) = U e^{−2sλt} Uᵀ R0, and the parameters
 * Θ̃ − Θ0 = −∇Φ*(Θ0)[U g(λ) Uᵀ R0] with g = (1 − (1 − 2sηλ)^k)/λ (GD) or (1 − e^{−2sλt})/λ (flow),
 * g → 2sηk or 2st as λ → 0. No second network is trained.
 */
final class LinearizedTwin {
    private final ShallowNet net0;
    private final ShallowNet.Features f0;
    private final SongSpectra.Eigen k0;
    private final double[] coeff;
    private final double scale;
    private final int m;

    /**
     * @param net0 the network at Θ0
     * @param k0 the spectrum of K0 with eigenvectors (index (k, a) ↦ k n + a)
     * @param residual0 Z0 − Y, row-major n × d2
     * @param scale s
     */
    LinearizedTwin(ShallowNet net0, SongSpectra.Eigen k0, double[] residual0, double scale) {
        this.net0 = net0;
        this.f0 = net0.features();
        this.k0 = k0;
        this.scale = scale;
        this.m = k0.order();
        double[] r = toKernelIndex(residual0);
        coeff = new double[m];
        for (int j = 0; j < m; j++) {
            double c = 0;
            for (int i = 0; i < m; i++) {
                c += k0.vector(i, j) * r[i];
            }
            coeff[j] = c;
        }
    }

    /** The twin's state at one position: residual R̄ (row-major n × d2) and parameter displacement Θ̃ − Θ0. */
    record State(double[] residual, double[] dw, double[] dv) {
    }

    /** After k GD steps of size η (on the training loss). */
    State descent(long k, double eta) {
        double[] factor = new double[m];
        double[] g = new double[m];
        for (int j = 0; j < m; j++) {
            double lam = Math.max(k0.values()[j], 0);
            double a = 1 - 2 * scale * eta * lam;
            double ak = Math.pow(a, k);
            factor[j] = ak;
            g[j] = lam > tiny() ? (1 - ak) / lam : 2 * scale * eta * k;
        }
        return state(factor, g);
    }

    /** At time t of the gradient flow. */
    State flow(double t) {
        double[] factor = new double[m];
        double[] g = new double[m];
        for (int j = 0; j < m; j++) {
            double lam = Math.max(k0.values()[j], 0);
            double e = Math.exp(-2 * scale * lam * t);
            factor[j] = e;
            g[j] = lam > tiny() ? -Math.expm1(-2 * scale * lam * t) / lam : 2 * scale * t;
        }
        return state(factor, g);
    }

    private double tiny() {
        return 1e-14 * Math.max(k0.max(), Double.MIN_NORMAL);
    }

    private State state(double[] factor, double[] g) {
        double[] r = new double[m];
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            double sr = 0;
            double sp = 0;
            for (int j = 0; j < m; j++) {
                double u = k0.vector(i, j) * coeff[j];
                sr += u * factor[j];
                sp += u * g[j];
            }
            r[i] = sr;
            p[i] = sp;
        }
        double[][] adj = net0.adjoint(f0, fromKernelIndex(p));
        for (double[] part : adj) {
            for (int i = 0; i < part.length; i++) {
                part[i] = -part[i];
            }
        }
        return new State(fromKernelIndex(r), adj[0], adj[1]);
    }

    private double[] toKernelIndex(double[] rowMajor) {
        int n = net0.n;
        int d2 = net0.d2;
        double[] out = new double[m];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < d2; k++) {
                out[k * n + a] = rowMajor[a * d2 + k];
            }
        }
        return out;
    }

    private double[] fromKernelIndex(double[] vec) {
        int n = net0.n;
        int d2 = net0.d2;
        double[] out = new double[n * d2];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < d2; k++) {
                out[a * d2 + k] = vec[k * n + a];
            }
        }
        return out;
    }
}
