package org.gdcert.certificates.sgdrelu;

import org.gdcert.core.linalg.HostMatrix;

/**
 * The explicit numbers of CERT-DI (spec certificates-sgd-relu.md §4.1 steps 1–5) on the concrete
 * instance, each with the rounding margin that makes it safe for the certificate: ‖X‖_op and
 * a = √L(θ0) rounded up, α = σ_min(H0ᵀ) rounded down.
 *
 * <p>Rounding model (standard floating point, γ_n = n·u/(1 − n·u)): the computed Ẑ = fl(XW) has
 * |Ẑ − Z| ≤ γ_{d0}|X||W| ≤ γ_{d0}‖x_i‖‖w_j‖ entrywise, φ is 1-Lipschitz, and fl(ĤV) adds
 * γ_{d1}|Ĥ||V|; so ‖H − Ĥ‖_F ≤ γ_{d0}‖X‖_F‖W0‖_F and |R − R̂|_ic ≤ (γ_{d0} + γ_{d1})(1 + γ_{d0})
 * ‖x_i‖Σ_j‖w_j‖|V_jc| + u|R̂_ic|. α_lower is the spectral toolkit's verified lower bound of
 * σ_N(Ĥ) (at least the spec's 10·max(N,d1)·u·‖H0‖_op below the estimate) minus ‖H − Ĥ‖_F (Weyl);
 * a_upper adds ‖R − R̂‖_F/√2.
 *
 * @param opNorm ‖X‖_op (estimate, upper bound, Gram eigenvalues)
 * @param normW ‖W0‖_F (compensated, rounded up)
 * @param normV ‖V0‖_F
 * @param normX ‖X‖_F
 * @param loss0 L(θ0) = ½‖Ŷ0 − Y‖²_F
 * @param a √L(θ0) as computed
 * @param aUpper a rounded up
 * @param alpha σ_min(H0ᵀ) as computed (0 when d1 &lt; N)
 * @param alphaLower α rounded down (≥ 0)
 * @param h0op ‖H0‖_op as computed (NaN when d1 &lt; N)
 * @param h0opUpper ‖H0‖_op rounded up
 * @param alphaMethod how α and its bounds were obtained (the toolkit's description)
 * @param z the pre-activations X W0 (N × d1), kept for the heuristic kernel
 */
record DiNumbers(Spectra.OpNorm opNorm, double normW, double normV, double normX, double loss0, double a,
        double aUpper, double alpha, double alphaLower, double h0op, double h0opUpper, String alphaMethod,
        HostMatrix z) {

    /** The numbers, given ‖X‖_op already computed by {@link Spectra#opNormUpper}. */
    static DiNumbers compute(Instance inst, Spectra.OpNorm op) {
        HostMatrix x = inst.x();
        HostMatrix w = inst.w0();
        HostMatrix v = inst.v0();
        HostMatrix y = inst.y();
        int n = inst.samples();
        int d0 = inst.inputDim();
        int d1 = inst.width();
        int d2 = inst.outputs();
        double normW = Sums.normUpper(w.data());
        double normV = Sums.normUpper(v.data());
        double normX = Sums.normUpper(x.data());
        HostMatrix z = Spectra.times(x, w);
        HostMatrix h = new HostMatrix(n, d1);
        double[] zd = z.data();
        double[] hd = h.data();
        for (int i = 0; i < zd.length; i++) {
            hd[i] = zd[i] > 0 ? zd[i] : 0;
        }
        HostMatrix out = Spectra.times(h, v);
        double[] r = out.data();
        double[] yd = y.data();
        for (int i = 0; i < r.length; i++) {
            r[i] -= yd[i];
        }
        double sq = Sums.sumOfSquares(r);
        double loss0 = 0.5 * sq;
        double a = Math.sqrt(loss0);
        // rounding bound of R (see the class comment)
        double[] rowX = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d0; k++) {
                double t = x.get(i, k);
                s += t * t;
            }
            rowX[i] = Math.sqrt(s);
        }
        double[] colW = new double[d1];
        double[] wd = w.data();
        for (int k = 0; k < d0; k++) {
            int o = k * d1;
            for (int j = 0; j < d1; j++) {
                colW[j] += wd[o + j] * wd[o + j];
            }
        }
        for (int j = 0; j < d1; j++) {
            colW[j] = Math.sqrt(colW[j]);
        }
        double[] wv = new double[d2];
        for (int j = 0; j < d1; j++) {
            for (int c = 0; c < d2; c++) {
                wv[c] += colW[j] * Math.abs(v.get(j, c));
            }
        }
        double g = (Spectra.gamma(d0) + Spectra.gamma(d1)) * (1 + Spectra.gamma(d0)) * (1 + Spectra.gamma(d0 + d1));
        double errSq = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d2; c++) {
                double e = g * rowX[i] * wv[c] * (1 + 4 * Spectra.U) + Spectra.U * Math.abs(r[i * d2 + c]);
                errSq += e * e;
            }
        }
        double aUpper = (Math.sqrt(sq) + Math.sqrt(errSq)) * (1 + 8 * Spectra.U) / Math.sqrt(2);
        double alpha = 0;
        double alphaLower = 0;
        double h0op = Double.NaN;
        double h0opUpper = Double.NaN;
        String method = "0: d1 < N";
        if (d1 >= n) {
            Spectra.Extremes e = Spectra.rowSingularValues(h);
            alpha = e.min();
            h0op = e.max();
            double hErr = Spectra.gamma(d0) * normX * normW * (1 + 4 * Spectra.U);
            alphaLower = Math.max(0, e.minLower() - hErr);
            h0opUpper = e.maxUpper() + hErr;
            method = e.method();
        }
        return new DiNumbers(op, normW, normV, normX, loss0, a, aUpper, alpha, alphaLower, h0op, h0opUpper, method,
                z);
    }

    /** The same numbers without the N × d1 pre-activations (for keeping in a monitor). */
    DiNumbers withoutPreactivations() {
        return new DiNumbers(opNorm, normW, normV, normX, loss0, a, aUpper, alpha, alphaLower, h0op, h0opUpper,
                alphaMethod, null);
    }

    double xop() {
        return opNorm.value();
    }

    double xopUpper() {
        return opNorm.upper();
    }

    /** ‖θ0‖ = √(‖W0‖² + ‖V0‖²). */
    double normTheta() {
        return Math.sqrt(normW * normW + normV * normV);
    }

    /** The constants of Theorem 3.4 from the safe-side numbers. */
    DiConstants constants() {
        return DiConstants.of(aUpper, alphaLower, xopUpper(), normW, normV);
    }

    /** The same from the computed numbers without margins (what a float64 prototype reports). */
    DiConstants nominal() {
        return DiConstants.of(a, alpha, xop(), normW, normV);
    }
}
