package org.gdcert.certificates.song;

import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;

/**
 * Seed 003's two-layer network x ↦ Vφ(Wx) on concrete data (spec certificates-song.md §3), stored
 * in gdcert's row-major layout of §1.2: Xr = Xᵀ (n × d0), Wr = Wᵀ (d0 × d1), Vr = Vᵀ (d1 × d2),
 * Yr = Yᵀ (n × d2). Every formula of the paper is evaluated here in that layout:
 * φ(WX) = Hrᵀ with Hr = φ(Xr Wr), M0 = φ(WX)ᵀφ(WX) = Hr Hrᵀ, Z = V φ(WX) = (Hr Vr)ᵀ, and so on.
 * The certificate's scalars (singular values, Frobenius norms, h, ‖Θ − Θ0‖) do not depend on the
 * layout; {@link #columnMajor} accepts the paper's (PyTorch's) layout instead.
 */
final class ShallowNet {
    /** Largest number of doubles of one block of features when they are streamed. */
    static final int BLOCK_DOUBLES = 1 << 22;

    final int n;
    final int d0;
    final int d1;
    final int d2;
    /** Xr, n × d0. */
    final double[] x;
    /** Yr, n × d2. */
    final double[] y;
    /** Wr, d0 × d1. */
    final double[] w;
    /** Vr, d1 × d2. */
    final double[] v;
    final Activation phi;

    private ShallowNet(int n, int d0, int d1, int d2, double[] x, double[] y, double[] w, double[] v,
            Activation phi) {
        this.n = n;
        this.d0 = d0;
        this.d1 = d1;
        this.d2 = d2;
        this.x = x;
        this.y = y;
        this.w = w;
        this.v = v;
        this.phi = phi;
    }

    /** gdcert's layout: X (n × d0), Y (n × d2), W_1 (d0 × d1), W_2 (d1 × d2). Arrays are shared, not copied. */
    static ShallowNet rowMajor(HostMatrix x, HostMatrix y, HostMatrix w, HostMatrix v, Activation phi) {
        int n = x.rows();
        int d0 = x.cols();
        int d1 = w.cols();
        int d2 = v.cols();
        if (w.rows() != d0 || v.rows() != d1 || y.rows() != n || y.cols() != d2) {
            throw new IllegalArgumentException("shapes do not chain: X " + n + "x" + d0 + ", W " + w.rows() + "x"
                    + w.cols() + ", V " + v.rows() + "x" + v.cols() + ", Y " + y.rows() + "x" + y.cols());
        }
        return new ShallowNet(n, d0, d1, d2, x.data(), y.data(), w.data(), v.data(), phi);
    }

    /**
     * The paper's layout (§1.1): X (d0 × n, columns are samples), Y (d2 × n), W (d1 × d0, PyTorch's
     * {@code nn.Linear(d0, d1).weight}), V (d2 × d1).
     */
    static ShallowNet columnMajor(HostMatrix x, HostMatrix y, HostMatrix w, HostMatrix v, Activation phi) {
        return rowMajor(x.transpose(), y.transpose(), w.transpose(), v.transpose(), phi);
    }

    /** The same data and activation at other weights (row-major Wr, Vr). */
    ShallowNet withWeights(double[] wr, double[] vr) {
        if (wr.length != w.length || vr.length != v.length) {
            throw new IllegalArgumentException("weights of the wrong size");
        }
        return new ShallowNet(n, d0, d1, d2, x, y, wr, vr, phi);
    }

    /** d = d1(d0 + d2), the number of parameters (no biases). */
    int parameterCount() {
        return d1 * (d0 + d2);
    }

    /** H = φ(X W) and D = φ̇(X W), each n × d1 (the paper's φ(WX)ᵀ and φ̇(WX)ᵀ). */
    record Features(double[] h, double[] d) {
    }

    Features features() {
        double[] p = SongSpectra.multiply(x, n, d0, w, d1);
        double[] h = new double[p.length];
        double[] d = new double[p.length];
        phi.applyWithDerivative(p, 0, h, d, 0, p.length);
        return new Features(h, d);
    }

    /** Z = H V (n × d2). */
    double[] outputs(Features f) {
        return SongSpectra.multiply(f.h(), n, d1, v, d2);
    }

    /** Z − Y (n × d2). */
    double[] residual(double[] z) {
        double[] r = new double[z.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = z[i] - y[i];
        }
        return r;
    }

    /**
     * The feature Gram of the smaller side and the outputs, streamed over blocks so that H is never
     * held whole: M0 = H Hᵀ (n × n, blocks of hidden units) when n ≤ d1, else Hᵀ H (d1 × d1, blocks
     * of samples). Both have the nonzero spectrum of φ(W0X)ᵀφ(W0X).
     *
     * @param gram the Gram, row-major
     * @param order its order
     * @param sampleGram true when it is M0 (n × n)
     * @param outputs Z (n × d2)
     */
    record FeatureSummary(double[] gram, int order, boolean sampleGram, double[] outputs) {
    }

    FeatureSummary summarize() {
        return summarize(true);
    }

    /** As {@link #summarize()}; without the Gram (null) when {@code withGram} is false. */
    FeatureSummary summarize(boolean withGram) {
        double[] z = new double[n * d2];
        if (n <= d1) {
            double[] m = withGram ? new double[n * n] : null;
            int block = Math.max(1, Math.min(d1, BLOCK_DOUBLES / Math.max(1, n)));
            for (int c0 = 0; c0 < d1; c0 += block) {
                int b = Math.min(block, d1 - c0);
                double[] wb = new double[d0 * b];
                for (int k = 0; k < d0; k++) {
                    System.arraycopy(w, k * d1 + c0, wb, k * b, b);
                }
                double[] hb = SongSpectra.multiply(x, n, d0, wb, b);
                phi.apply(hb, 0, hb, 0, hb.length);
                if (withGram) {
                    double[] g = SongSpectra.outerGram(hb, n, b);
                    for (int i = 0; i < m.length; i++) {
                        m[i] += g[i];
                    }
                }
                double[] vb = new double[b * d2];
                System.arraycopy(v, c0 * d2, vb, 0, b * d2);
                double[] zb = SongSpectra.multiply(hb, n, b, vb, d2);
                for (int i = 0; i < z.length; i++) {
                    z[i] += zb[i];
                }
            }
            return new FeatureSummary(m, n, true, z);
        }
        double[] g = withGram ? new double[d1 * d1] : null;
        int block = Math.max(1, Math.min(n, BLOCK_DOUBLES / Math.max(1, d1)));
        for (int r0 = 0; r0 < n; r0 += block) {
            int b = Math.min(block, n - r0);
            double[] xb = new double[b * d0];
            System.arraycopy(x, r0 * d0, xb, 0, b * d0);
            double[] hb = SongSpectra.multiply(xb, b, d0, w, d1);
            phi.apply(hb, 0, hb, 0, hb.length);
            if (withGram) {
                double[] gb = SongSpectra.innerGram(hb, b, d1);
                for (int i = 0; i < g.length; i++) {
                    g[i] += gb[i];
                }
            }
            double[] zb = SongSpectra.multiply(hb, b, d1, v, d2);
            System.arraycopy(zb, 0, z, r0 * d2, b * d2);
        }
        return new FeatureSummary(g, d1, false, z);
    }

    /**
     * The adjoint (39), ∇Φ*(Θ)[Δ] = ((φ̇(WX) ⊙ (VᵀΔ))Xᵀ, Δφ(WX)ᵀ), in row-major form: for Δr (n × d2)
     * returns {∂W = Xrᵀ((Δr Vrᵀ) ⊙ D) (d0 × d1), ∂V = Hᵀ Δr (d1 × d2)}.
     */
    double[][] adjoint(Features f, double[] delta) {
        double[] back = SongSpectra.multiplyTransB(delta, n, d2, v, d1);
        for (int i = 0; i < back.length; i++) {
            back[i] *= f.d()[i];
        }
        double[] gw = SongSpectra.multiplyTransA(x, n, d0, back, d1);
        double[] gv = SongSpectra.multiplyTransA(f.h(), n, d1, delta, d2);
        return new double[][] {gw, gv};
    }

    /** The Jacobian (37) applied to (ΔWr, ΔVr): ((X ΔWr) ⊙ D) Vr + H ΔVr (n × d2). */
    double[] jacobianTimes(Features f, double[] dw, double[] dv) {
        double[] t = SongSpectra.multiply(x, n, d0, dw, d1);
        for (int i = 0; i < t.length; i++) {
            t[i] *= f.d()[i];
        }
        double[] out = SongSpectra.multiply(t, n, d1, v, d2);
        double[] hv = SongSpectra.multiply(f.h(), n, d1, dv, d2);
        for (int i = 0; i < out.length; i++) {
            out[i] += hv[i];
        }
        return out;
    }

    /** h = s‖Z − Y‖²_F and its gradient {∇_{Wr} h, ∇_{Vr} h} = 2s·∇Φ*(Θ)[Z − Y] (§1.2). */
    record Gradient(double loss, double[] w, double[] v) {
        double normSquared() {
            double s = 0;
            for (double a : w) {
                s += a * a;
            }
            for (double a : v) {
                s += a * a;
            }
            return s;
        }
    }

    Gradient gradient(double s) {
        Features f = features();
        double[] r = residual(outputs(f));
        double loss = 0;
        for (double e : r) {
            loss += e * e;
        }
        double[][] g = adjoint(f, r);
        for (double[] part : g) {
            for (int i = 0; i < part.length; i++) {
                part[i] *= 2 * s;
            }
        }
        return new Gradient(s * loss, g[0], g[1]);
    }

    /**
     * The exact tangent-kernel Gram K = ∇Φ ∇Φ* of §3.2 ([X]), (d2 n) × (d2 n) with index
     * (k, a) ↦ k n + a: block (k, l) = δ_kl M + (XᵀX) ⊙ (Dᵀ diag(V[k,:] ⊙ V[l,:]) D), in row-major
     * terms M = H Hᵀ, XᵀX = Xr Xrᵀ and Dᵀ diag(·) D = D diag(Vr[:,k] ⊙ Vr[:,l]) Dᵀ.
     */
    double[] kernel(Features f) {
        return kernel(f, null);
    }

    /** As {@link #kernel(Features)}, reusing M = H Hᵀ when the caller already has it (null: computed). */
    double[] kernel(Features f, double[] featureGram) {
        int m = d2 * n;
        double[] k = new double[m * m];
        double[] gx = SongSpectra.outerGram(x, n, d0);
        double[] gh = featureGram != null ? featureGram : SongSpectra.outerGram(f.h(), n, d1);
        double[] scaled = new double[n * d1];
        for (int p = 0; p < d2; p++) {
            for (int q = p; q < d2; q++) {
                double[] b;
                if (p == q) {
                    // D diag(v_p²) Dᵀ = (D diag|v_p|)(D diag|v_p|)ᵀ: a symmetric product
                    for (int a = 0; a < n; a++) {
                        for (int c = 0; c < d1; c++) {
                            scaled[a * d1 + c] = f.d()[a * d1 + c] * Math.abs(v[c * d2 + p]);
                        }
                    }
                    b = SongSpectra.outerGram(scaled, n, d1);
                } else {
                    for (int a = 0; a < n; a++) {
                        for (int c = 0; c < d1; c++) {
                            scaled[a * d1 + c] = f.d()[a * d1 + c] * v[c * d2 + p] * v[c * d2 + q];
                        }
                    }
                    b = SongSpectra.multiplyTransB(scaled, n, d1, f.d(), n);
                }
                for (int a = 0; a < n; a++) {
                    for (int bb = 0; bb < n; bb++) {
                        double val = gx[a * n + bb] * b[a * n + bb] + (p == q ? gh[a * n + bb] : 0);
                        k[(p * n + a) * m + q * n + bb] = val;
                        k[(q * n + bb) * m + p * n + a] = val;
                    }
                }
            }
        }
        return k;
    }
}
