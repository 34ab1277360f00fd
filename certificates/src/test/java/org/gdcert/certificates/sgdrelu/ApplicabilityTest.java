package org.gdcert.certificates.sgdrelu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gdcert.certificates.sgdrelu.SgdReluFixtures.ref;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.ForwardPass;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.junit.jupiter.api.Test;

/** Settings outside seed 004 answer INAPPLICABLE with the reason; the trained mask; scale equivalence; proof level. */
class ApplicabilityTest {

    private static CertificateReport assess(CertificateContext ctx) {
        return new SgdReluCertificate(SgdReluSettings.defaults()).assess(ctx);
    }

    private static String reasons(CertificateReport r) {
        return String.join(" | ", r.reasons());
    }

    private static SgdReluFixtures.Ctx small() {
        return SgdReluFixtures.section6(8, 5, 40, 4);
    }

    private static Configured<Activation> relu() {
        return new Configured<>("relu", ValidatedParams.empty(), SgdReluFixtures.relu(0));
    }

    @Test
    void leakyReluAndOtherActivationsAreInapplicable() {
        SgdReluFixtures.Ctx c = small();
        c.spec = SgdReluFixtures.shallow(5, 40, 1, "leakyrelu", SgdReluFixtures.leaky(0.01));
        CertificateReport r = assess(c.build());
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("SR-ACT-01").contains("leakyrelu").contains("ReLU");
        // a plugin named relu that is not max(0, x)
        c.spec = SgdReluFixtures.shallow(5, 40, 1, "relu", SgdReluFixtures.leaky(0.2));
        assertThat(reasons(assess(c.build()))).contains("does not compute max(0, x)");
    }

    @Test
    void biasesDepthAndResidualBlocksAreInapplicable() {
        SgdReluFixtures.Ctx c = small();
        c.spec = new NetworkSpec(5, List.of(LayerSpec.hidden(40, relu()).withBias(true), LayerSpec.output(1)));
        CertificateReport bias = assess(c.build());
        assertThat(bias.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(bias)).contains("SR-ARCH-02").contains("bias");
        SgdReluFixtures.Ctx deep = small();
        deep.spec = new NetworkSpec(5, List.of(LayerSpec.hidden(40, relu()), LayerSpec.hidden(40, relu()),
                LayerSpec.output(1)));
        deep.v = new HostMatrix(40, 40);
        CertificateReport d = assess(deep.build());
        assertThat(d.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(d)).contains("SR-ARCH-01").contains("3 weight layers");
        SgdReluFixtures.Ctx res = SgdReluFixtures.section6(8, 40, 40, 4);
        res.spec = new NetworkSpec(40, List.of(LayerSpec.hidden(40, relu()).withResidual(true), LayerSpec.output(1)));
        assertThat(reasons(assess(res.build()))).contains("residual");
    }

    @Test
    void wOnlyTrainingIsNotCoveredButVOnlyIsOutsideToo() {
        SgdReluFixtures.Ctx c = SgdReluFixtures.tdi2();
        c.spec = new NetworkSpec(10, List.of(LayerSpec.hidden(5000, relu()), LayerSpec.output(1).withTrainable(false)));
        CertificateContext ctx = c.build();
        SgdReluCertificate cert = new SgdReluCertificate(SgdReluSettings.defaults());
        CertificateReport r = cert.assess(ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("NOT_COVERED").contains("Appendix G");
        assertThat(r.quantity("di.F")).isEmpty();
        assertThat(r.notes().stream().anyMatch(n -> n.topic().equals("§4.4(f)"))).isTrue();
        // the comparison of Remark 5.4 is still given (Oymak & Soltanolkotabi train W only)
        assertThat(r.quantity("asym.cmpOymak").orElseThrow().value()).isCloseTo(1e4 / 1e3, within(1e-9));
        assertThat(cert.monitor(r, ctx)).isEmpty();
        SgdReluFixtures.Ctx v = SgdReluFixtures.tdi2();
        v.spec = new NetworkSpec(10, List.of(LayerSpec.hidden(5000, relu()).withTrainable(false), LayerSpec.output(1)));
        CertificateReport vr = assess(v.build());
        assertThat(vr.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(vr)).contains("only V is trained");
    }

    @Test
    void certificatesAreComputedInTheCoordinatesActuallyTrained() {
        // 2·X W inside, branch 0.5, output 3·(·)V: Ŷ = 3·0.5·φ(2XW)V = φ(3XW)V, so X_eff = 3X (spec §1.4)
        SgdReluFixtures.Ctx scaled = SgdReluFixtures.tdi2();
        scaled.spec = new NetworkSpec(10, List.of(LayerSpec.hidden(5000, relu()).withScales(2, 0.5),
                LayerSpec.output(1).withScales(3, 1)));
        CertificateContext ctx = scaled.build();
        SgdReluCertificate cert = new SgdReluCertificate(SgdReluSettings.defaults());
        CertificateReport r = cert.assess(ctx);
        SgdReluFixtures.Ctx plain = SgdReluFixtures.tdi2();
        plain.x = plain.x.copy();
        plain.x.scaleInPlace(3);
        CertificateReport p = assess(plain.build());
        for (String name : List.of("di.xop", "di.alpha", "di.a", "di.c2", "di.F", "di.Lambda")) {
            double a = r.quantity(name).orElseThrow().value();
            assertThat(a).as(name).isCloseTo(p.quantity(name).orElseThrow().value(), within(1e-12 * Math.abs(a)));
        }
        assertThat(r.quantity("inst.scale").orElseThrow().value()).isEqualTo(3);
        assertThat(r.notes().stream().anyMatch(n -> n.text().contains("X_eff = 3·X"))).isTrue();
        // the network really computes φ(3XW)V: its loss equals di.loss0
        try (ForwardPass fp = ctx.network().newForwardPass(10); Matrix x = SgdReluFixtures.BACKEND.upload(ctx.inputs());
                Matrix y = SgdReluFixtures.BACKEND.upload(ctx.targets())) {
            ctx.network().forward(x, fp);
            double loss = ctx.network().loss(fp, y);
            assertThat(loss).isCloseTo(r.quantity("di.loss0").orElseThrow().value(), within(1e-10 * loss));
            // the monitor's α0(0), from the engine's features times the output multiplier, is α
            Monitor m = cert.monitor(r, ctx).orElseThrow();
            Iterate it = new Iterate(0, 0, loss, ctx.network(), fp, x, y, ctx.network().parameters().copy(),
                    Axis.TIME, Double.NaN);
            m.start(it);
            double[] row = m.observe(it);
            double alpha = r.quantity("di.alpha").orElseThrow().value();
            assertThat(row[m.columns().indexOf("sgd_relu_alpha0")]).isCloseTo(alpha, within(1e-9 * alpha));
        }
        // the paper's Remark 5.3 rescaling (X' = sX, W' = W/s) has the same X W0 but another certificate:
        // c, c1, c2 scale by s² (here s = 3, so c by 9), hence F is not invariant
        SgdReluFixtures.Ctx rescaled = SgdReluFixtures.tdi2();
        rescaled.x = plain.x;
        rescaled.w = rescaled.w.copy();
        rescaled.w.scaleInPlace(1.0 / 3);
        CertificateReport q = assess(rescaled.build());
        CertificateReport base = assess(SgdReluFixtures.tdi2().build());
        assertThat(q.quantity("di.alpha").orElseThrow().value()).isCloseTo(base.quantity("di.alpha").orElseThrow()
                .value(), within(1e-9));
        assertThat(q.quantity("di.c").orElseThrow().value() / base.quantity("di.c").orElseThrow().value())
                .isCloseTo(9, within(1e-9));
        assertThat(q.quantity("di.F").orElseThrow().value()).isNotCloseTo(base.quantity("di.F").orElseThrow().value(),
                within(1e-3));
    }

    @Test
    void proofLevelInstanceIsConditional() {
        // choose Y so that a = √L(θ0) puts F in [1/8, 1/4) with Λ < 1 (possible since Λ/F = 4(A + 2B)/(A + B) and
        // B/A ≈ 3 on T-DI-2): Y = Ŷ0 − a√2·e1 keeps X, W0, V0 and therefore α, c, c1, c2
        Properties p = SgdReluFixtures.tdi2Reference();
        double lo = ref(p, "a");
        double hi = 20;
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            double f = DiConstants.of(mid, ref(p, "alpha"), ref(p, "xop"), ref(p, "normW"), ref(p, "normV")).f();
            if (f < 0.13) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double a = lo;
        DiConstants k = DiConstants.of(a, ref(p, "alpha"), ref(p, "xop"), ref(p, "normW"), ref(p, "normV"));
        assertThat(k.lambda()).isLessThan(1);
        SgdReluFixtures.Ctx c = SgdReluFixtures.tdi2();
        CertificateContext base = c.build();
        double[] out;
        try (ForwardPass fp = base.network().newForwardPass(10); Matrix x = SgdReluFixtures.BACKEND.upload(c.x)) {
            base.network().forward(x, fp);
            out = SgdReluFixtures.BACKEND.download(fp.output()).data().clone();
        }
        out[0] -= a * Math.sqrt(2);
        c.y = new HostMatrix(10, 1, out);
        CertificateReport r = assess(c.build());
        assertThat(r.quantity("di.a").orElseThrow().value()).isCloseTo(a, within(1e-9));
        assertThat(r.condition("eq11").orElseThrow().holds()).isFalse();
        assertThat(r.condition("eq10").orElseThrow().holds()).isTrue();
        assertThat(r.verdict()).isEqualTo(Verdict.CONDITIONAL);
        assertThat(reasons(r)).contains("CERTIFIED_PROOF_LEVEL");
        assertThat(r.lossBound().orElseThrow().tag()).isEqualTo(org.gdcert.core.cert.Tag.DERIVED);
    }

    @Test
    void brokenInputsNeverThrow() {
        SgdReluFixtures.Ctx c = small();
        c.x = c.x.copy();
        c.x.set(0, 0, Double.NaN);
        CertificateReport r = assess(c.build());
        assertThat(r.verdict()).isNotEqualTo(Verdict.CERTIFIED);
        SgdReluFixtures.Ctx neg = small();
        neg.spec = new NetworkSpec(5, List.of(LayerSpec.hidden(40, relu()).withScales(-1, 1), LayerSpec.output(1)));
        CertificateReport n = assess(neg.build());
        assertThat(n.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(n)).contains("SR-ARCH-03");
        assertThat(Optional.ofNullable(n.lossBound().orElse(null))).isEmpty();
    }
}
