package org.gdcert.certificates.song;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gdcert.certificates.song.SongFixtureBTest.value;

import java.util.OptionalDouble;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.train.LossReduction;
import org.gdcert.core.train.MonitorCheck;
import org.junit.jupiter.api.Test;

/** The trajectory monitor (spec certificates-song.md §4.6, §5.2) on GD and flow runs. */
class SongMonitorTest {

    /**
     * §7 fixture D, seed-robust form: (X, W0, V0) from gdcert's generator, Y = Z0 + ε E with
     * ε = 0.1·√(thr_GD/s) so that h0 = thr_GD/100; on the ½‖·‖² convention (s = ½).
     */
    private static SongFixtures.Ctx robustPass(long seed, boolean flow) {
        SongFixtures.Paper p = SongFixtures.random(seed, 4, 3, 64, 2, 1, 0.05);
        SongFixtures.Ctx probe = new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU);
        probe.reduction = LossReduction.SUM_HALF;
        CertificateContext pc = probe.build();
        CertificateReport r0 = new SongCertificate(SongSettings.defaults()).assess(pc);
        double s = value(r0, "lossScale");
        double eps = 0.1 * Math.sqrt(value(r0, "thrGD") / s);
        HostMatrix z0 = SongFixtures.outputs(pc.network(), p.x().transpose()).transpose();
        HostMatrix e = SongFixtures.unitNoise(seed, p.d2(), p.n());
        HostMatrix y = new HostMatrix(p.d2(), p.n());
        for (int i = 0; i < y.data().length; i++) {
            y.data()[i] = z0.data()[i] + eps * e.data()[i];
        }
        SongFixtures.Ctx c = new SongFixtures.Ctx(p.withTargets(y), "gelu", SongTestActivations.GELU);
        c.reduction = LossReduction.SUM_HALF;
        c.eta = OptionalDouble.empty();
        return flow ? c.flow() : c;
    }

    private static void noViolations(SongRuns.Run run) {
        for (MonitorCheck k : run.checks()) {
            if (k.kind() != MonitorCheck.Kind.INFO) {
                assertThat(k.held()).as(k.name() + ": " + k.detail()).isTrue();
                assertThat(k.worstRatio()).as(k.name()).isLessThanOrEqualTo(1);
            }
        }
        assertThat(run.check("interpretation").detail()).startsWith("bound HELD, regime HELD");
    }

    @Test
    void seedRobustPassFixtureCertifiesAndKeepsEveryInvariant() {
        for (long seed : new long[] {100, 101, 102}) {
            SongFixtures.Ctx c = robustPass(seed, false);
            SongCertificate cert = new SongCertificate(SongSettings.defaults());
            CertificateReport r = cert.assess(c.build());
            assertThat(r.verdict()).as("seed %d", seed).isEqualTo(Verdict.CERTIFIED);
            assertThat(value(r, "h0") / value(r, "thrGD")).isCloseTo(0.01, within(1e-9));
            double eta = 0.99 * r.stepSizeBound().getAsDouble();
            SongRuns.Run run = SongRuns.descent(cert, c.eta(eta).build(), eta, 1500, -1);
            assertThat(run.report().verdict()).isEqualTo(Verdict.CERTIFIED);
            assertThat(run.report().condition("GD2").orElseThrow().holds()).isTrue();
            noViolations(run);
            assertThat(run.check("loss bound").kind()).isEqualTo(MonitorCheck.Kind.BOUND);
            assertThat(run.check("local PL").kind()).isEqualTo(MonitorCheck.Kind.REGIME);
            assertThat(run.check("path length").held()).isTrue();
            // the loss really decreases far below h0 (the bound is not vacuous over this horizon)
            assertThat(run.paperLoss().get(run.paperLoss().size() - 1)).isLessThan(1e-3 * run.paperLoss().get(0));
            assertThat(run.check("lazy training").held()).isTrue();
            SongFixtures.Ctx f = robustPass(seed, true);
            SongRuns.Run flow = SongRuns.flow(new SongCertificate(SongSettings.defaults()), f.build(), 1, 1.0 / 256,
                    4);
            assertThat(flow.report().verdict()).isEqualTo(Verdict.CERTIFIED);
            noViolations(flow);
        }
    }

    @Test
    void violationsAreRecordedWithTheirFirstPosition() {
        // fixture B is NOT_CERTIFIED; a step 40× η_desc makes the loss rise at once
        SongFixtures.Ctx c = new SongFixtures.Ctx(SongFixtures.fixtureB(), "tanh", SongTestActivations.TANH);
        c.eta = OptionalDouble.empty();
        SongCertificate cert = new SongCertificate(SongSettings.defaults());
        double eta = 40 * value(cert.assess(c.build()), "etaDesc");
        SongRuns.Run run = SongRuns.descent(cert, c.eta(eta).build(), eta, 20, -1);
        assertThat(run.report().verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
        MonitorCheck mono = run.check("monotone");
        assertThat(mono.kind()).isEqualTo(MonitorCheck.Kind.INFO);
        assertThat(mono.held()).isFalse();
        assertThat(mono.firstViolation()).isEqualTo(1.0);
        assertThat(mono.worstRatio()).isGreaterThan(1);
        assertThat(run.check("loss bound").held()).isFalse();
        assertThat(run.check("interpretation").detail()).contains("diagnostics only");
    }

    @Test
    void aStepAboveEtaMaxIsNotTheCertifiedSetting() {
        SongFixtures.Ctx c = robustPass(103, false);
        SongCertificate cert = new SongCertificate(SongSettings.defaults());
        double etaMax = cert.assess(c.build()).stepSizeBound().getAsDouble();
        SongRuns.Run run = SongRuns.descent(cert, c.eta(1.5 * etaMax).build(), 1.5 * etaMax, 5, -1);
        assertThat(run.report().verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
        assertThat(run.report().condition("GD2").orElseThrow().holds()).isFalse();
        assertThat(run.check("loss bound").kind()).isEqualTo(MonitorCheck.Kind.INFO);
    }

    @Test
    void aDivergedRunIsRecordedNotThrown() {
        SongFixtures.Ctx c = new SongFixtures.Ctx(SongFixtures.fixtureB(), "tanh", SongTestActivations.TANH);
        SongCertificate cert = new SongCertificate(SongSettings.defaults());
        SongRuns.Run run = SongRuns.descent(cert, c.eta(1e3).build(), 1e3, 400, -1);
        assertThat(run.check("monotone").held()).isFalse();
    }

    @Test
    void diagnosticsOnlyWhenMuIsZero() {
        SongFixtures.Ctx c = new SongFixtures.Ctx(SongFixtures.fixtureC(), "gelu", SongTestActivations.GELU);
        SongCertificate cert = new SongCertificate(SongSettings.defaults());
        SongRuns.Run run = SongRuns.descent(cert, c.eta(0.05).build(), 0.05, 10, -1);
        assertThat(run.report().verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(run.checks()).noneMatch(k -> k.kind() != MonitorCheck.Kind.INFO);
        assertThat(run.column("song_dist")[10]).isPositive();
        assertThat(run.column("song_dist_over_rho")[10]).isNaN();
        assertThat(run.column("song_lazy_gap")[10]).isFinite();
        CertificateContext relu = new SongFixtures.Ctx(SongFixtures.fixtureB(), "relu", SongTestActivations.RELU)
                .build();
        assertThat(cert.monitor(cert.assess(relu), relu)).isEmpty();
    }

    /**
     * The closed-form twin of {@link LinearizedTwin} against GD on the linearized model iterated
     * explicitly with the engine's JVP and VJP at θ0.
     */
    @Test
    void linearizedTwinMatchesExplicitLinearizedDescent() {
        SongFixtures.Paper p = SongFixtures.random(41, 5, 3, 12, 2, 0.9, 0.4);
        SongFixtures.Ctx c = new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU);
        c.reduction = LossReduction.SUM_HALF;
        CertificateContext ctx = c.build();
        SongAssessment a = new SongCertificate(SongSettings.defaults()).evaluate(ctx);
        double s = a.applicability().scale();
        ShallowNet net0 = a.net();
        LinearizedTwin twin = new LinearizedTwin(net0, SongSpectra.symmetric(a.exact().kernel(), p.d2() * p.n(), true),
                net0.residual(net0.outputs(net0.features())), s);
        double eta = 0.05;
        int steps = 40;
        Network net = ctx.network();
        int n = p.n();
        try (Matrix x = SongFixtures.BACKEND.upload(ctx.inputs()); ForwardPass fp = net.newForwardPass(n);
                ParameterSet disp = net.parameters().zerosLike(); ParameterSet g = net.parameters().zerosLike();
                Matrix lin = SongFixtures.BACKEND.zeros(n, p.d2()); Matrix r = SongFixtures.BACKEND.zeros(n, p.d2())) {
            net.forward(x, fp);
            HostMatrix z0 = SongFixtures.BACKEND.download(fp.output());
            HostMatrix y = ctx.targets();
            for (int k = 0; k <= steps; k++) {
                net.jvp(fp, disp, lin);
                HostMatrix res = SongFixtures.BACKEND.download(lin);
                for (int i = 0; i < res.data().length; i++) {
                    res.data()[i] += z0.data()[i] - y.data()[i];
                }
                if (k == steps) {
                    LinearizedTwin.State st = twin.descent(steps, eta);
                    for (int i = 0; i < res.data().length; i++) {
                        assertThat(st.residual()[i]).isCloseTo(res.data()[i], within(1e-12));
                    }
                    HostMatrix dw = SongFixtures.BACKEND.download(disp.weight(1));
                    HostMatrix dv = SongFixtures.BACKEND.download(disp.weight(2));
                    for (int i = 0; i < dw.data().length; i++) {
                        assertThat(st.dw()[i]).isCloseTo(dw.data()[i], within(1e-12));
                    }
                    for (int i = 0; i < dv.data().length; i++) {
                        assertThat(st.dv()[i]).isCloseTo(dv.data()[i], within(1e-12));
                    }
                    break;
                }
                SongFixtures.BACKEND.copy(SongFixtures.BACKEND.upload(res), r);
                net.vjp(fp, r, g);
                disp.axpyInPlace(-eta * 2 * s, g);
            }
        }
        // the flow is the small-step limit of GD
        LinearizedTwin.State f = twin.flow(1.0);
        LinearizedTwin.State d = twin.descent(200_000, 1.0 / 200_000);
        for (int i = 0; i < f.residual().length; i++) {
            assertThat(f.residual()[i]).isCloseTo(d.residual()[i], within(1e-5));
        }
    }

    /** F.2 of the paper (spec §5.1): with ω2/ω1 → 0 training is lazy; the monitor's gap says so. */
    @Test
    void tinyRatioIsLazy() {
        double product = 2 / Math.sqrt(10 * 40.0);
        double w2 = 0.002;
        SongFixtures.Paper p = SongFixtures.random(42, 8, 10, 40, 1, product / w2, w2);
        SongFixtures.Ctx c = new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU);
        SongCertificate cert = new SongCertificate(SongSettings.defaults());
        // η = 0.25/λ_max(K0) on h = ‖·‖² as in the spec's toy sweep (script §G)
        double eta = 0.25 / value(cert.assess(c.build()), "lambdaMaxK0");
        SongRuns.Run run = SongRuns.descent(cert, c.eta(eta).build(), eta, 300, -1);
        assertThat(run.paperLoss().get(run.paperLoss().size() - 1)).isLessThan(run.paperLoss().get(0));
        MonitorCheck lazy = run.check("lazy training");
        assertThat(lazy.held()).as(lazy.detail()).isTrue();
        assertThat(lazy.worstRatio()).isLessThan(1e-4);
        double[] moveW = run.column("song_move_w");
        assertThat(moveW[moveW.length - 1]).isLessThan(1e-3);
        assertThat(value(run.report(), "omegaRatio")).isLessThan(0.01);
    }
}
