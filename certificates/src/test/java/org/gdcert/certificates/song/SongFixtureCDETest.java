package org.gdcert.certificates.song;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gdcert.certificates.song.SongFixtureBTest.assertClose;
import static org.gdcert.certificates.song.SongFixtureBTest.value;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.MonitorCheck;
import org.junit.jupiter.api.Test;

/**
 * Fixtures C (d1 &lt; n), D (a certified GD instance) and E (its gradient flow) of spec
 * certificates-song.md §7. D and E use the spec's exact inputs (numpy default_rng(0), test resource
 * song/fixture_d.txt), so their numbers are reproduced, not only their properties.
 */
class SongFixtureCDETest {

    @Test
    void fixtureCPaperModeIsInapplicableBecauseD1BelowN() {
        SongFixtures.Ctx c = new SongFixtures.Ctx(SongFixtures.fixtureC(), "gelu", SongTestActivations.GELU);
        CertificateReport r = new SongCertificate(SongSettings.defaults()).assess(c.build());
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(value(r, "mu")).isEqualTo(0.0);
        assertThat(value(r, "sigmaMinH")).isEqualTo(0.0);
        assertThat(String.join("\n", r.reasons())).contains("d1 = 2 < n = 3").contains("EXACT mode ([X]) applies");
        assertThat(r.condition("width").orElseThrow().status()).isEqualTo(Condition.Status.VIOLATED);
        assertThat(r.condition("mu_positive").orElseThrow().holds()).isFalse();
        assertClose(value(r, "muExact"), 0.05130978148, "μ_ex");
        // the naive smallest singular value of the 2×3 matrix φ(W0X) is 0.365, and must not be μ
        SongFixtures.Paper p = SongFixtures.fixtureC();
        ShallowNet net = ShallowNet.columnMajor(p.x(), p.y(), p.w(), p.v(), SongTestActivations.GELU);
        double[] h = net.features().h();
        double[] sv = SingularOps_DDRM.singularValues(new DMatrixRMaj(3, 2, true, h));
        double naive = Math.min(sv[0], sv[1]);
        assertClose(naive, 0.3651832444, "naive min(svd(H))");
        assertThat(value(r, "mu")).isNotEqualTo(naive);
    }

    @Test
    void fixtureCExactModeIsApplicable() {
        SongFixtures.Ctx c = new SongFixtures.Ctx(SongFixtures.fixtureC(), "gelu", SongTestActivations.GELU);
        c.eta = OptionalDouble.empty();
        CertificateReport r = new SongCertificate(SongSettings.defaults().withExact(true)).assess(c.build());
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
        assertThat(r.condition("mu_positive").orElseThrow().holds()).isTrue();
        assertThat(r.condition("GD1").orElseThrow().status()).isEqualTo(Condition.Status.VIOLATED);
        assertThat(r.reasons().get(0)).contains("EXACT mode");
        assertThat(r.stepSizeBound().getAsDouble()).isEqualTo(value(r, "etaMaxExact"));
        assertThat(value(r, "mu")).isEqualTo(0.0);
    }

    /** §7 D: every printed number, n = 4, d0 = 3, d1 = 64, d2 = 2, GeLU, h0 = 1e-6. */
    @Test
    void fixtureDNumbers() {
        SongFixtures.Ctx c = new SongFixtures.Ctx(SongFixtures.fixtureD(1e-3, SongTestActivations.GELU), "gelu",
                SongTestActivations.GELU);
        c.eta = OptionalDouble.empty();
        CertificateReport r = new SongCertificate(SongSettings.defaults()).assess(c.build());
        Map<String, Double> expected = Map.ofEntries(Map.entry("sigmaMaxX", 1.475751615),
                Map.entry("xMax", 1.0), Map.entry("sigmaMaxV0", 0.458126321), Map.entry("mu", 1.42079072),
                Map.entry("sigmaMaxH", 6.129191718), Map.entry("nu", 6.892421975), Map.entry("chi", 0.6858952669),
                Map.entry("beta", 3.498212361), Map.entry("rho", 0.2030738237), Map.entry("h0", 1e-6),
                Map.entry("G0", 0.002), Map.entry("thrGF", 9.82612133e-5), Map.entry("thrGD", 6.141325831e-6),
                Map.entry("etaDesc", 0.004677669742), Map.entry("etaLast", 4.910557914),
                Map.entry("etaMax", 0.004677669742), Map.entry("q", 0.9952787197),
                Map.entry("rateExponentGF", 2.018646271), Map.entry("LGF", 0.02048626966),
                Map.entry("LGD", 0.04097253932), Map.entry("alphaH", 1.009323135), Map.entry("termV", 0.7632302573),
                Map.entry("termW", 6.129191718), Map.entry("regimeRatio", 0.1245238022),
                Map.entry("lazyIndicator", 0.07363807945), Map.entry("muExact", 1.425286802),
                Map.entry("nuExact", 6.143384467));
        // the printed values have 10 significant digits, except these with fewer
        Map<String, Double> coarse = Map.of("mu", 1e-8, "sigmaMaxV0", 1e-9, "h0", 1e-9, "G0", 1e-9);
        expected.forEach((k, v) -> {
            double tol = coarse.getOrDefault(k, SongFixtureBTest.REL) * Math.abs(v);
            assertThat(value(r, k)).as(k).isCloseTo(v, within(Math.max(tol, SongFixtureBTest.ABS)));
        });
        assertThat(r.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(r.stepSizeBound().getAsDouble()).isEqualTo(value(r, "etaMax"));
        assertThat(r.lossBound().orElseThrow().axis()).isEqualTo(Axis.STEP);
        SongFixtures.Ctx f = new SongFixtures.Ctx(SongFixtures.fixtureD(1e-3, SongTestActivations.GELU), "gelu",
                SongTestActivations.GELU).flow();
        CertificateReport gf = new SongCertificate(SongSettings.defaults()).assess(f.build());
        assertThat(gf.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(gf.rate().getAsDouble()).isCloseTo(2.018646271, within(1e-9 * 2.02));
        assertThat(gf.lossBound().orElseThrow().axis()).isEqualTo(Axis.TIME);
    }

    /** §4.5: h0 within the marginal tolerance of thr_GD is NOT_CERTIFIED (numerically marginal), never CERTIFIED. */
    @Test
    void numericallyMarginalIsNotCertified() {
        SongFixtures.Ctx probe = new SongFixtures.Ctx(SongFixtures.fixtureD(0, SongTestActivations.GELU), "gelu",
                SongTestActivations.GELU);
        probe.eta = OptionalDouble.empty();
        double thr = value(new SongCertificate(SongSettings.defaults()).assess(probe.build()), "thrGD");
        for (double factor : new double[] {1 - 1e-10, 1 + 1e-10}) {
            SongFixtures.Ctx c = new SongFixtures.Ctx(SongFixtures.fixtureD(Math.sqrt(thr) * factor,
                    SongTestActivations.GELU), "gelu", SongTestActivations.GELU);
            c.eta = OptionalDouble.empty();
            CertificateReport r = new SongCertificate(SongSettings.defaults()).assess(c.build());
            assertThat(r.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
            assertThat(r.condition("GD1").orElseThrow().status()).isEqualTo(Condition.Status.INDETERMINATE);
            assertThat(String.join(" ", r.reasons())).contains("numerically marginal");
        }
        SongFixtures.Ctx clear = new SongFixtures.Ctx(SongFixtures.fixtureD(Math.sqrt(thr) * (1 - 1e-6),
                SongTestActivations.GELU), "gelu", SongTestActivations.GELU);
        clear.eta = OptionalDouble.empty();
        assertThat(new SongCertificate(SongSettings.defaults()).assess(clear.build()).verdict())
                .isEqualTo(Verdict.CERTIFIED);
    }

    /**
     * §7 D: GD at η_max reaches h &lt; 1e-22 in 952 steps with 0 invariant violations, path length
     * 6.62e-4, and the worst observed per-step decrease is 7.98× the certified one.
     */
    @Test
    void fixtureDDescentRun() {
        SongFixtures.Ctx c = new SongFixtures.Ctx(SongFixtures.fixtureD(1e-3, SongTestActivations.GELU), "gelu",
                SongTestActivations.GELU);
        c.eta = OptionalDouble.empty();
        SongCertificate cert = new SongCertificate(SongSettings.defaults());
        double etaMax = value(cert.assess(c.build()), "etaMax");
        c.eta = OptionalDouble.of(etaMax);
        SongRuns.Run run = SongRuns.descent(cert, c.build(), etaMax, 5000, 1e-22);
        assertThat(run.report().verdict()).isEqualTo(Verdict.CERTIFIED);
        // the spec's count; numpy and the reference backend round differently, but not enough to move it
        assertThat(run.steps()).isEqualTo(952);
        for (MonitorCheck k : run.checks()) {
            if (k.kind() != MonitorCheck.Kind.INFO) {
                assertThat(k.held()).as(k.name() + ": " + k.detail()).isTrue();
                assertThat(k.firstViolation()).isNaN();
            }
        }
        assertThat(run.check("loss bound").kind()).isEqualTo(MonitorCheck.Kind.BOUND);
        assertThat(run.check("iterates in ball").kind()).isEqualTo(MonitorCheck.Kind.REGIME);
        assertThat(run.check("local PL").held()).isTrue();
        assertThat(run.check("σ_min(φ(W_k X))").held()).isTrue();
        assertThat(run.check("σ_min(∇Φ*").held()).isTrue();
        double[] path = run.column("song_path");
        assertThat(path[path.length - 1]).isCloseTo(6.62189e-4, within(1e-9));
        // min over steps of (1 − h_k/h_{k−1})/(1 − q)
        double q = value(run.report(), "q");
        double worst = Double.POSITIVE_INFINITY;
        List<Double> h = run.paperLoss();
        for (int k = 1; k < h.size(); k++) {
            worst = Math.min(worst, (1 - h.get(k) / h.get(k - 1)) / (1 - q));
        }
        assertThat(worst).isCloseTo(7.983, within(1e-3));
    }

    /**
     * §7 E: ε = 3e-3 (h0 = 9e-6 &lt; thr_GF), the flow's h(t) and path length against the spec's RK45
     * solution (4 printed digits), the derived bound h0·e^{−κt} and L_GF.
     */
    @Test
    void fixtureEFlowRun() {
        SongFixtures.Ctx c = new SongFixtures.Ctx(SongFixtures.fixtureD(3e-3, SongTestActivations.GELU), "gelu",
                SongTestActivations.GELU).flow();
        SongCertificate cert = new SongCertificate(SongSettings.defaults());
        double dt = 1.0 / 512;
        SongRuns.Run run = SongRuns.flow(cert, c.build(), 5, dt, 8);
        CertificateReport r = run.report();
        assertThat(r.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertClose(value(r, "h0"), 9e-6, "h0");
        assertClose(value(r, "thrGF"), 9.82612133e-5, "thr_GF");
        assertClose(value(r, "LGF"), 0.06145880898, "L_GF");
        assertClose(value(r, "rho"), 0.2030738237, "ρ");
        double kappa = value(r, "rateExponentGF");
        double[][] spec = {{0.5, 1.1846e-07, 1.7381e-03}, {1, 2.0254e-09, 1.9478e-03}, {2, 5.9230e-13, 1.9789e-03}};
        for (double[] row : spec) {
            int i = (int) Math.round(row[0] / (8 * dt));
            double h = run.paperLoss().get(i);
            assertThat(h).as("h(%s)", row[0]).isCloseTo(row[1], within(1e-3 * row[1]));
            assertThat(h).isLessThanOrEqualTo(9e-6 * Math.exp(-kappa * row[0]));
            assertThat(run.lengths().get(i)).as("ℓ(%s)", row[0]).isCloseTo(row[2], within(1e-3 * row[2]));
        }
        double finalLength = run.lengths().get(run.lengths().size() - 1);
        assertThat(finalLength).isCloseTo(1.9794e-3, within(1e-3 * 1.9794e-3));
        assertThat(finalLength).isLessThan(value(r, "LGF"));
        for (MonitorCheck k : run.checks()) {
            if (k.kind() != MonitorCheck.Kind.INFO) {
                assertThat(k.held()).as(k.name() + ": " + k.detail()).isTrue();
            }
        }
        assertThat(run.check("loss bound").kind()).isEqualTo(MonitorCheck.Kind.BOUND);
        assertThat(run.check("‖γ(t) − Θ0‖ ≤ L_GF").held()).isTrue();
    }
}
