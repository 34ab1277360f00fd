package org.gdcert.optimizers.monitors;

import java.util.List;
import java.util.Locale;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.spi.MonitorProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * {@code deltad(every)}: seed 004's relative differential change
 * ΔD_k = ‖DY_k − DY_prev‖_op / ‖DY_prev‖_op (spec certificates-sgd-relu.md §5.4), DY the Jacobian of
 * the N·d2 outputs with respect to the trained parameters, with the training's derivative
 * convention (the backend's σ', e.g. σ'(0) = 0 for ReLU). Computed for two-layer networks from
 * (N·d2)² Gram matrices, never forming the Jacobian:
 * <pre>
 *   G   = (X̃X̃ᵀ) ∘ (U Uᵀ) + α2² H Hᵀ (+ 1 for b2),    U = α2 s1 σ'(Z) diag(V)   (per output pair c, c')
 *   dG  = (X̃X̃ᵀ) ∘ (B Bᵀ) + α2² ΔH ΔHᵀ,               B = U_k − U_prev
 * </pre>
 * (X̃ = [α1 X, 1] with a hidden bias; frozen layers drop out), ‖DY‖_op = √λ_max(G). ΔD compares
 * the iterate with the previously observed one and is computed at every {@code every}-th observed
 * iterate: record every step and set {@code every=100} for the spec's ΔD at k ≡ 0 (mod 100)
 * between k−1 and k. Columns: {@code deltad}, and {@code deltad_norm} = ‖DY_k‖_op.
 */
public final class DeltaDMonitorProvider implements MonitorProvider {
    /** Largest (N·d2)²·d1 the Gram matrices are formed for. */
    static final double MAX_WORK = 4e9;

    @Override
    public String name() {
        return "deltad";
    }

    @Override
    public String description() {
        return "relative change of the output Jacobian ‖DY_k − DY_prev‖_op / ‖DY_prev‖_op for two-layer nets (seed 004)";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(ParameterSpec.integer("every", 1,
                "compute at every n-th observed iterate (against the one observed just before)").withRange(1,
                        Integer.MAX_VALUE));
    }

    @Override
    public Monitor create(ValidatedParams p) {
        return new DeltaD(p.getInt("every"));
    }

    /** The monitor. */
    static final class DeltaD implements Monitor {
        private final int every;
        private String inapplicable;
        private int n;
        private int d1;
        private int d2;
        private double[] kx;
        private double a2;
        private double s1;
        private boolean trainW;
        private boolean trainV;
        private boolean bias2;
        private double[] prevU;
        private double[] prevH;
        private long seen;
        private double max = Double.NaN;

        DeltaD(int every) {
            this.every = every;
        }

        @Override
        public List<String> columns() {
            return List.of("deltad", "deltad_norm");
        }

        private void setUp(Iterate it) {
            NetworkSpec spec = it.network().spec();
            if (spec.depth() != 2 || spec.layer(1).residual()) {
                inapplicable = "needs a two-layer network (seed 004's model), got " + spec.widthsText();
                return;
            }
            LayerSpec l1 = spec.layer(1);
            LayerSpec l2 = spec.layer(2);
            n = it.inputs().rows();
            d1 = spec.width(1);
            d2 = spec.width(2);
            if ((double) n * d2 * n * d2 * d1 > MAX_WORK) {
                inapplicable = String.format(Locale.ROOT, "too large: (N·d2)²·d1 = %.3g > %.0g", (double) n * d2 * n
                        * d2 * d1, MAX_WORK);
                return;
            }
            a2 = l2.weightScale();
            s1 = l1.branchScale();
            trainW = l1.trainable();
            trainV = l2.trainable();
            bias2 = l2.bias() && trainV;
            HostMatrix x = it.network().backend().download(it.inputs());
            double a1 = l1.weightScale();
            kx = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int l = i; l < n; l++) {
                    double s = 0;
                    for (int a = 0; a < x.cols(); a++) {
                        s += x.get(i, a) * x.get(l, a);
                    }
                    s = a1 * a1 * s + (l1.bias() ? 1 : 0);
                    kx[i * n + l] = s;
                    kx[l * n + i] = s;
                }
            }
        }

        @Override
        public double[] observe(Iterate it) {
            if (kx == null && inapplicable == null) {
                setUp(it);
            }
            if (inapplicable != null) {
                return new double[] {Double.NaN, Double.NaN};
            }
            Backend b = it.network().backend();
            if (it.forward().derivative(1) == null) {
                inapplicable = "the hidden layer has no activation";
                return new double[] {Double.NaN, Double.NaN};
            }
            HostMatrix deriv = b.download(it.forward().derivative(1));
            HostMatrix h = b.download(it.forward().features(1));
            HostMatrix v = b.download(it.network().parameters().weight(2));
            // U[c][i, j] = α2 s1 σ'(z_ij) V_jc, stored (c, i, j)
            double[] u = new double[d2 * n * d1];
            for (int c = 0; c < d2; c++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d1; j++) {
                        u[(c * n + i) * d1 + j] = a2 * s1 * deriv.get(i, j) * v.get(j, c);
                    }
                }
            }
            double[] hd = h.data().clone();
            double[] out = {Double.NaN, Double.NaN};
            boolean compute = prevU != null && seen % every == 0;
            if (compute) {
                double normPrev = Math.sqrt(Math.max(0, Spectra.lambdaMax(gram(prevU, prevH, true), n * d2)));
                double[] du = u.clone();
                for (int k = 0; k < du.length; k++) {
                    du[k] -= prevU[k];
                }
                double[] dh = hd.clone();
                for (int k = 0; k < dh.length; k++) {
                    dh[k] -= prevH[k];
                }
                double diff = Math.sqrt(Math.max(0, Spectra.lambdaMax(gram(du, dh, false), n * d2)));
                double norm = Math.sqrt(Math.max(0, Spectra.lambdaMax(gram(u, hd, true), n * d2)));
                out = new double[] {diff / normPrev, norm};
                max = Double.isNaN(max) ? out[0] : Math.max(max, out[0]);
            }
            prevU = u;
            prevH = hd;
            seen++;
            return out;
        }

        /** The (N·d2)² Gram of a Jacobian given its U and H factors; {@code withBias} adds the b2 block. */
        private double[] gram(double[] u, double[] h, boolean withBias) {
            int m = n * d2;
            double[] g = new double[m * m];
            for (int c = 0; c < d2; c++) {
                for (int cp = c; cp < d2; cp++) {
                    for (int i = 0; i < n; i++) {
                        for (int l = 0; l < n; l++) {
                            double s = 0;
                            if (trainW) {
                                int ui = (c * n + i) * d1;
                                int ul = (cp * n + l) * d1;
                                double acc = 0;
                                for (int j = 0; j < d1; j++) {
                                    acc += u[ui + j] * u[ul + j];
                                }
                                s += kx[i * n + l] * acc;
                            }
                            if (c == cp) {
                                if (trainV) {
                                    double acc = 0;
                                    for (int j = 0; j < d1; j++) {
                                        acc += h[i * d1 + j] * h[l * d1 + j];
                                    }
                                    s += a2 * a2 * acc;
                                }
                                if (withBias && bias2) {
                                    s += 1;
                                }
                            }
                            g[(c * n + i) * m + cp * n + l] = s;
                            g[(cp * n + l) * m + c * n + i] = s;
                        }
                    }
                }
            }
            return g;
        }

        @Override
        public List<MonitorCheck> checks() {
            if (inapplicable != null) {
                return List.of(new MonitorCheck("deltad", MonitorCheck.Kind.INFO, true, Double.NaN, Double.NaN,
                        "not computed: " + inapplicable));
            }
            return List.of(new MonitorCheck("relative differential change ΔD", MonitorCheck.Kind.INFO, true,
                    Double.NaN, Double.NaN, Double.isNaN(max) ? "never computed (fewer than two observed iterates)"
                            : String.format(Locale.ROOT, "largest ΔD %.4g", max)));
        }
    }
}
