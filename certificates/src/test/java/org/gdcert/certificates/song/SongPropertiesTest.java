package org.gdcert.certificates.song;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gdcert.certificates.song.SongFixtureBTest.value;

import java.util.List;
import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.train.LossReduction;
import org.junit.jupiter.api.Test;

/** The property tests P1–P8 of spec certificates-song.md §7 on seeded random instances. */
class SongPropertiesTest {
    /** Agreement of two evaluations of the same quantity in different layouts or orders. */
    static final double SAME = 1e-12;
    /** Central finite differences (P2). */
    static final double FD_REL = 1e-6;
    static final double FD_STEP = 1e-6;

    private static CertificateReport assess(SongFixtures.Ctx c) {
        return new SongCertificate(SongSettings.defaults()).assess(c.build());
    }

    /** P1: the exact μ is at least Lemma 3's (K0 ⪰ M0 ⊗ I) and the exact ν at most Lemma 3's. */
    @Test
    void exactBoundsAreTighterThanLemmaThree() {
        int checked = 0;
        for (long seed = 1; seed <= 6; seed++) {
            int d2 = 1 + (int) (seed % 2);
            Activation a = seed % 3 == 0 ? SongTestActivations.TANH : SongTestActivations.GELU;
            SongFixtures.Paper p = SongFixtures.random(seed, 5, 3, 6 + (int) seed, d2, 1, 0.3);
            CertificateReport r = assess(new SongFixtures.Ctx(p, "act", a));
            assertThat(value(r, "mu")).isPositive();
            assertThat(value(r, "muExact")).isGreaterThanOrEqualTo(value(r, "mu"));
            assertThat(value(r, "nuExact")).isLessThanOrEqualTo(value(r, "nu"));
            checked++;
        }
        assertThat(checked).isEqualTo(6);
    }

    /** P2: the gradients of §1.2/§3.2 against central finite differences of h. */
    @Test
    void gradientMatchesFiniteDifferences() {
        SongFixtures.Paper p = SongFixtures.random(11, 4, 3, 5, 2, 0.8, 0.5);
        for (Activation a : List.of(SongTestActivations.GELU, SongTestActivations.TANH, SongTestActivations.SOFTPLUS)) {
            double s = 0.5;
            ShallowNet net = ShallowNet.columnMajor(p.x(), p.y(), p.w(), p.v(), a);
            ShallowNet.Gradient g = net.gradient(s);
            for (int layer = 0; layer < 2; layer++) {
                double[] base = layer == 0 ? net.w : net.v;
                double[] analytic = layer == 0 ? g.w() : g.v();
                for (int i = 0; i < base.length; i++) {
                    double[] plus = base.clone();
                    double[] minus = base.clone();
                    plus[i] += FD_STEP;
                    minus[i] -= FD_STEP;
                    double hp = (layer == 0 ? net.withWeights(plus, net.v) : net.withWeights(net.w, plus)).gradient(s)
                            .loss();
                    double hm = (layer == 0 ? net.withWeights(minus, net.v) : net.withWeights(net.w, minus))
                            .gradient(s).loss();
                    double fd = (hp - hm) / (2 * FD_STEP);
                    assertThat(analytic[i]).as("layer %d entry %d", layer + 1, i)
                            .isCloseTo(fd, within(FD_REL * Math.max(1, Math.abs(fd))));
                }
            }
        }
    }

    /** P3: K from the block formula equals J Jᵀ with J assembled column by column from the engine's JVP. */
    @Test
    void kernelEqualsExplicitJacobianGram() {
        SongFixtures.Paper p = SongFixtures.random(12, 4, 3, 5, 2, 0.9, 0.6);
        SongFixtures.Ctx c = new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU);
        CertificateContext ctx = c.build();
        Network net = ctx.network();
        int n = p.n();
        int d2 = p.d2();
        int m = n * d2;
        int d = net.parameters().trainableSize();
        double[][] jac = new double[m][d];
        try (Matrix x = SongFixtures.BACKEND.upload(ctx.inputs()); ForwardPass fp = net.newForwardPass(n);
                ParameterSet dir = net.parameters().zerosLike(); Matrix out = SongFixtures.BACKEND.zeros(n, d2)) {
            net.forward(x, fp);
            double[] e = new double[d];
            for (int j = 0; j < d; j++) {
                java.util.Arrays.fill(e, 0);
                e[j] = 1;
                dir.unflattenTrainable(e);
                net.jvp(fp, dir, out);
                HostMatrix col = SongFixtures.BACKEND.download(out);
                for (int a = 0; a < n; a++) {
                    for (int k = 0; k < d2; k++) {
                        jac[k * n + a][j] = col.get(a, k);
                    }
                }
            }
        }
        ShallowNet sn = ShallowNet.columnMajor(p.x(), p.y(), p.w(), p.v(), SongTestActivations.GELU);
        double[] k = sn.kernel(sn.features());
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double jj = 0;
                for (int t = 0; t < d; t++) {
                    jj += jac[i][t] * jac[j][t];
                }
                assertThat(k[i * m + j]).as("K[%d,%d]", i, j).isCloseTo(jj, within(SAME * Math.max(1, Math.abs(jj))));
            }
        }
    }

    /** P4: thresholds relative to h0, q, ρ, L are invariant under the loss scale s; η_max scales as 1/s. */
    @Test
    void lossScaleInvariance() {
        SongFixtures.Paper p = SongFixtures.random(13, 4, 3, 40, 2, 1, 0.05);
        double[] reference = null;
        double etaSum = Double.NaN;
        double etaHalf = Double.NaN;
        for (LossReduction red : LossReduction.values()) {
            SongFixtures.Ctx c = new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU);
            c.reduction = red;
            c.eta = OptionalDouble.empty();
            CertificateReport r = assess(c);
            double s = red.gradientMultiplier(p.n(), p.d2()) / 2;
            assertThat(value(r, "lossScale")).isEqualTo(s);
            double[] inv = {value(r, "marginGF"), value(r, "marginGD"), value(r, "q"), value(r, "rho"),
                value(r, "LGF"), value(r, "LGD"), value(r, "mu"), value(r, "nu"), value(r, "beta"),
                value(r, "h0") / s, value(r, "etaMax") * s, value(r, "rateExponentGF") / s};
            if (reference == null) {
                reference = inv;
            } else {
                for (int i = 0; i < inv.length; i++) {
                    assertThat(inv[i]).as("invariant %d under %s", i, red).isCloseTo(reference[i],
                            within(SAME * Math.abs(reference[i])));
                }
            }
            if (red == LossReduction.SUM) {
                etaSum = value(r, "etaMax");
            }
            if (red == LossReduction.SUM_HALF) {
                etaHalf = value(r, "etaMax");
            }
        }
        // η_max(s) = η_max(1)/s: the half convention allows twice the paper's step
        assertThat(etaHalf).isCloseTo(2 * etaSum, within(SAME * etaSum));
    }

    /**
     * P5: the gdcert layout (X n×d0, W_1 d0×d1, W_2 d1×d2) and the paper's layout (X d0×n, W d1×d0,
     * V d2×d1) give identical reports; and the report agrees with textbook loops written in the
     * paper's layout.
     */
    @Test
    void layoutInvariance() {
        SongFixtures.Paper p = SongFixtures.random(14, 6, 4, 9, 3, 0.7, 0.4);
        SongFixtures.Ctx c = new SongFixtures.Ctx(p, "tanh", SongTestActivations.TANH);
        CertificateContext ctx = c.build();
        SongCertificate cert = new SongCertificate(SongSettings.defaults());
        CertificateReport rowMajor = cert.assess(ctx);
        SongApplicability.Result app = SongApplicability.analyze(ctx, cert.settings());
        ShallowNet paperLayout = ShallowNet.columnMajor(p.x(), p.y(), p.w(), p.v(), SongTestActivations.TANH);
        CertificateReport columnMajor = cert.evaluate(ctx, app, paperLayout).report();
        assertThat(columnMajor.verdict()).isEqualTo(rowMajor.verdict());
        assertThat(columnMajor.quantities()).hasSameSizeAs(rowMajor.quantities());
        for (Quantity q : rowMajor.quantities()) {
            assertThat(columnMajor.quantity(q.name()).orElseThrow().value()).as(q.name()).isEqualTo(q.value());
        }
        // textbook loops in the paper's layout: H = φ(WX) is d1×n, M0 = HᵀH, σ_max(X) from X Xᵀ
        int n = p.n();
        int d1 = p.d1();
        double[][] h = new double[d1][n];
        for (int cc = 0; cc < d1; cc++) {
            for (int a = 0; a < n; a++) {
                double pre = 0;
                for (int k = 0; k < p.d0(); k++) {
                    pre += p.w().get(cc, k) * p.x().get(k, a);
                }
                h[cc][a] = Math.tanh(pre);
            }
        }
        double[][] m0 = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                for (int cc = 0; cc < d1; cc++) {
                    m0[a][b] += h[cc][a] * h[cc][b];
                }
            }
        }
        double[] ev = eig(m0);
        assertThat(value(rowMajor, "mu")).isCloseTo(Math.sqrt(ev[0]), within(1e-10));
        assertThat(value(rowMajor, "sigmaMaxH")).isCloseTo(Math.sqrt(ev[n - 1]), within(1e-10));
        double[][] xx = new double[p.d0()][p.d0()];
        for (int i = 0; i < p.d0(); i++) {
            for (int j = 0; j < p.d0(); j++) {
                for (int a = 0; a < n; a++) {
                    xx[i][j] += p.x().get(i, a) * p.x().get(j, a);
                }
            }
        }
        double[] evx = eig(xx);
        assertThat(value(rowMajor, "sigmaMaxX")).isCloseTo(Math.sqrt(evx[evx.length - 1]), within(1e-10));
        HostMatrix z = SongFixtures.outputsPaper(p, SongTestActivations.TANH);
        double h0 = 0;
        for (int i = 0; i < z.data().length; i++) {
            double e = z.data()[i] - p.y().data()[i];
            h0 += e * e;
        }
        assertThat(value(rowMajor, "h0")).isCloseTo(h0, within(1e-12 * h0));
    }

    /** P6: Y = Z0 gives h0 = 0 and CERTIFIED (μ > 0), and a GD step leaves Θ unchanged. */
    @Test
    void zeroResidualIsCertifiedAndStationary() {
        SongFixtures.Paper p = SongFixtures.random(15, 4, 3, 16, 2, 1, 0.2);
        SongFixtures.Ctx probe = new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU);
        HostMatrix z0 = SongFixtures.outputs(probe.build().network(), p.x().transpose());
        SongFixtures.Paper fit = p.withTargets(z0.transpose());
        SongFixtures.Ctx c = new SongFixtures.Ctx(fit, "gelu", SongTestActivations.GELU);
        c.eta = OptionalDouble.empty();
        CertificateReport gd = assess(c);
        assertThat(value(gd, "h0")).isEqualTo(0.0);
        assertThat(gd.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(value(gd, "etaLast")).isInfinite();
        assertThat(value(gd, "etaMax")).isEqualTo(value(gd, "etaDesc"));
        assertThat(assess(new SongFixtures.Ctx(fit, "gelu", SongTestActivations.GELU).flow()).verdict())
                .isEqualTo(Verdict.CERTIFIED);
        SongRuns.Run run = SongRuns.descent(new SongCertificate(SongSettings.defaults()), c.eta(value(gd, "etaMax"))
                .build(), value(gd, "etaMax"), 3, -1);
        assertThat(run.paperLoss()).allMatch(v -> v == 0.0);
        assertThat(run.column("song_dist")).containsOnly(0.0);
    }

    /** P7: permuting the hidden units (rows of W, columns of V) changes nothing. */
    @Test
    void hiddenUnitPermutationInvariance() {
        SongFixtures.Paper p = SongFixtures.random(16, 5, 3, 12, 2, 1, 0.3);
        int d1 = p.d1();
        int[] perm = org.gdcert.core.random.Rng.of(3).permutation(d1);
        HostMatrix w = new HostMatrix(d1, p.d0());
        HostMatrix v = new HostMatrix(p.d2(), d1);
        for (int c = 0; c < d1; c++) {
            for (int k = 0; k < p.d0(); k++) {
                w.set(c, k, p.w().get(perm[c], k));
            }
            for (int k = 0; k < p.d2(); k++) {
                v.set(k, c, p.v().get(k, perm[c]));
            }
        }
        CertificateReport a = assess(new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU));
        CertificateReport b = assess(new SongFixtures.Ctx(new SongFixtures.Paper(p.x(), p.y(), w, v), "gelu",
                SongTestActivations.GELU));
        assertThat(b.verdict()).isEqualTo(a.verdict());
        for (Quantity q : a.quantities()) {
            double other = b.quantity(q.name()).orElseThrow().value();
            if (Double.isFinite(q.value())) {
                assertThat(other).as(q.name()).isCloseTo(q.value(), within(1e-10 * Math.max(1, Math.abs(q.value()))));
            } else {
                assertThat(other).as(q.name()).isEqualTo(q.value());
            }
        }
    }

    /** P8: X → cX: x_max and σ_max(X) follow, and β is recomputed with x_max (no verdict asserted). */
    @Test
    void inputScalingIsTracked() {
        SongFixtures.Paper p = SongFixtures.random(17, 5, 3, 12, 1, 1, 0.3);
        HostMatrix x2 = p.x().copy();
        x2.scaleInPlace(2);
        CertificateReport a = assess(new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU));
        CertificateReport b = assess(new SongFixtures.Ctx(new SongFixtures.Paper(x2, p.y(), p.w(), p.v()), "gelu",
                SongTestActivations.GELU));
        assertThat(value(a, "xMax")).isCloseTo(1, within(1e-13));
        assertThat(value(b, "xMax")).isCloseTo(2, within(1e-13));
        assertThat(value(b, "sigmaMaxX")).isCloseTo(2 * value(a, "sigmaMaxX"), within(1e-12));
        double beta = Math.sqrt(2) * value(b, "sigmaMaxX") * (SongTestActivations.GELU_DOT_MAX
                + SongTestActivations.GELU_DDOT_MAX * value(b, "xMax") * value(b, "chi"));
        assertThat(value(b, "beta")).isCloseTo(beta, within(1e-12 * beta));
        assertThat(b.notes().stream().anyMatch(n -> n.topic().equals("data"))).isTrue();
        assertThat(a.notes().stream().anyMatch(n -> n.topic().equals("data"))).isFalse();
        assertThat(b.quantity("xMax").orElseThrow().note()).contains("Assumption 2");
    }

    static double[] eig(double[][] a) {
        int n = a.length;
        DMatrixRMaj m = new DMatrixRMaj(a);
        EigenDecomposition_F64<DMatrixRMaj> e = DecompositionFactory_DDRM.eig(n, false, true);
        assertThat(e.decompose(m)).isTrue();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = e.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(v);
        return v;
    }
}
