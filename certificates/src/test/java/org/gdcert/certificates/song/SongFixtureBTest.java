package org.gdcert.certificates.song;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Activation;
import org.junit.jupiter.api.Test;

/**
 * Fixture B of spec certificates-song.md §7 (n = 3, d0 = 2, d1 = 4, d2 = 1, s = 1), every number of
 * its table for tanh and GeLU, through a gdcert certificate context (row-major, §1.2). The expected
 * values are the spec's (song_reference.py §B), printed to 10 significant digits.
 */
class SongFixtureBTest {
    /** The spec's recommended relative tolerance (§7). */
    static final double REL = 1e-9;
    /** Absolute tolerance for values near 0. */
    static final double ABS = 1e-12;

    static void assertClose(double actual, double expected, String what) {
        double tol = Math.max(ABS, REL * Math.abs(expected));
        assertThat(actual).as(what).isCloseTo(expected, within(tol));
    }

    static double value(CertificateReport r, String name) {
        return r.quantity(name).orElseThrow(() -> new AssertionError("no quantity " + name)).value();
    }

    /** The table's rows for one activation, by quantity name; q is at η = η_max. */
    private static Map<String, Double> table(boolean tanh) {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("sigmaMaxX", 1.414213562);
        t.put("xMax", 1.0);
        t.put("sigmaMaxV0", 0.2738612788);
        t.put("mu", tanh ? 0.02391220276 : 0.07259452568);
        t.put("sigmaMinH", tanh ? 0.02391220276 : 0.07259452568);
        t.put("sigmaMaxH", tanh ? 1.256470748 : 1.013322252);
        t.put("nu", tanh ? 1.643769082 : 1.450544947);
        t.put("chi", tanh ? 0.2787984767 : 0.2873305122);
        t.put("beta", tanh ? 2.429238335 : 2.716321449);
        t.put("rho", tanh ? 0.004921749013 : 0.01336265369);
        t.put("h0", tanh ? 0.1073977306 : 0.1033508641);
        t.put("G0", tanh ? 0.6554318594 : 0.6429645841);
        t.put("alphaF", 2.0);
        t.put("betaF", 2.0);
        t.put("thrGF", tanh ? 8.142038433e-14 : 6.546904901e-11);
        t.put("thrGD", tanh ? 5.08877402e-15 : 4.091815563e-12);
        t.put("etaDesc", tanh ? 0.07272147734 : 0.08916739719);
        t.put("etaLast", tanh ? 0.001522754364 : 0.004775877913);
        t.put("etaMax", tanh ? 0.001522754364 : 0.004775877913);
        t.put("q", tanh ? 0.9999995646 : 0.9999874156);
        t.put("rateExponentGF", tanh ? 0.0005717934406 : 0.005269965159);
        t.put("LGF", tanh ? 5652.628464 : 530.9232608);
        t.put("LGD", tanh ? 11305.25693 : 1061.846522);
        t.put("alphaH", tanh ? 0.0002858967203 : 0.002634982579);
        t.put("termV", tanh ? 0.3872983346 : 0.4372226954);
        t.put("termW", tanh ? 1.256470748 : 1.013322252);
        t.put("regimeRatio", tanh ? 0.3082430175 : 0.4314744836);
        t.put("lazyIndicator", tanh ? 0.8990596585 : 1.290977823);
        t.put("muExact", tanh ? 0.04640490644 : 0.08345602716);
        t.put("nuExact", tanh ? 1.290263727 : 1.067599762);
        t.put("lambdaMinM0", tanh ? 0.0005717934406 : 0.005269965159);
        return t;
    }

    private static CertificateReport assess(boolean tanh, boolean flow) {
        SongFixtures.Ctx c = new SongFixtures.Ctx(SongFixtures.fixtureB(), tanh ? "tanh" : "gelu",
                tanh ? SongTestActivations.TANH : SongTestActivations.GELU);
        c.eta = OptionalDouble.empty();
        if (flow) {
            c.flow();
        }
        return new SongCertificate(SongSettings.defaults()).assess(c.build());
    }

    @Test
    void tanhColumnOfTheTable() {
        CertificateReport r = assess(true, false);
        table(true).forEach((k, v) -> assertClose(value(r, k), v, "tanh " + k));
    }

    @Test
    void geluColumnOfTheTable() {
        CertificateReport r = assess(false, false);
        table(false).forEach((k, v) -> assertClose(value(r, k), v, "gelu " + k));
    }

    @Test
    void verdictsAreNotCertifiedForBothOptimizers() {
        for (boolean tanh : new boolean[] {true, false}) {
            CertificateReport gd = assess(tanh, false);
            assertThat(gd.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
            assertThat(gd.condition("GD1").orElseThrow().status()).isEqualTo(Condition.Status.VIOLATED);
            assertThat(gd.stepSizeBound().getAsDouble()).isCloseTo(value(gd, "etaMax"), within(0.0));
            assertThat(gd.rate()).isEmpty();
            assertThat(gd.lossBound()).isEmpty();
            CertificateReport gf = assess(tanh, true);
            assertThat(gf.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
            assertThat(gf.condition("GF1").orElseThrow().status()).isEqualTo(Condition.Status.VIOLATED);
            assertThat(gf.condition("GD1")).isEmpty();
            assertThat(gf.stepSizeBound()).isEmpty();
            assertThat(gf.theorem()).contains("Theorem 1");
        }
    }

    @Test
    void khatriRaoPowersOfTheData() {
        CertificateReport r = assess(false, false);
        assertThat(value(r, "sigmaMinKr1")).isEqualTo(0.0);
        assertClose(value(r, "lambdaMinKr2"), 0.26569761, "λ_min((XᵀX)^∘2)");
        assertClose(value(r, "sigmaMinKr2"), 0.5154586404, "σ_min(X^*2)");
        assertClose(value(r, "lambdaMinKr3"), 0.4443022404, "λ_min((XᵀX)^∘3)");
        assertClose(value(r, "sigmaMinKr3"), 0.6665600051, "σ_min(X^*3)");
        assertThat(value(r, "theorem3T")).isEqualTo(2.0);
    }

    @Test
    void fullFeatureSpectrum() {
        for (boolean tanh : new boolean[] {true, false}) {
            SongFixtures.Paper p = SongFixtures.fixtureB();
            ShallowNet net = ShallowNet.columnMajor(p.x(), p.y(), p.w(), p.v(), tanh ? SongTestActivations.TANH
                    : SongTestActivations.GELU);
            ShallowNet.FeatureSummary f = net.summarize();
            assertThat(f.sampleGram()).isTrue();
            double[] ev = SongSpectra.eigenvalues(f.gram(), f.order());
            double[] expected = tanh ? new double[] {0.0005717934406, 0.6427967329, 1.578718739}
                    : new double[] {0.005269965159, 0.2044128933, 1.026821986};
            for (int i = 0; i < 3; i++) {
                assertClose(ev[i], expected[i], "eig(M0)[" + i + "]");
            }
        }
    }

    @Test
    void gradientEntriesInBothLayouts() {
        for (boolean tanh : new boolean[] {true, false}) {
            Activation a = tanh ? SongTestActivations.TANH : SongTestActivations.GELU;
            SongFixtures.Paper p = SongFixtures.fixtureB();
            ShallowNet.Gradient g = ShallowNet.columnMajor(p.x(), p.y(), p.w(), p.v(), a).gradient(1);
            // paper ∇_W h[c, k] is row-major ∇_{Wr} h[k, c]; ∇_V h[0, c] is ∇_{Vr} h[c, 0]
            int d1 = p.d1();
            assertClose(g.w()[0 * d1 + 0], tanh ? -0.06133398748 : -0.05531950572, "∇_W h[0,0]");
            assertClose(g.w()[1 * d1 + 3], tanh ? -0.003239867857 : -0.009804989462, "∇_W h[3,1]");
            assertClose(g.v()[2], tanh ? 0.4484207548 : 0.1388267988, "∇_V h[0,2]");
            // gdcert's engine: ∇Φ with Φ = ½‖·‖², so ∇h = 2∇Φ (§1.2 mapping of the gradient)
            SongFixtures.Ctx c = new SongFixtures.Ctx(p, "act", a);
            var ctx = c.build();
            var net = ctx.network();
            try (var x = SongFixtures.BACKEND.upload(ctx.inputs()); var y = SongFixtures.BACKEND.upload(ctx.targets());
                    var fp = net.newForwardPass(3); var grad = net.parameters().zerosLike()) {
                net.forward(x, fp);
                double phi = net.loss(fp, y);
                net.gradient(fp, grad);
                assertClose(2 * phi, tanh ? 0.1073977306 : 0.1033508641, "h0 from the engine");
                HostMatrix gw = SongFixtures.BACKEND.download(grad.weight(1));
                HostMatrix gv = SongFixtures.BACKEND.download(grad.weight(2));
                assertThat(gw.rows()).isEqualTo(2);
                assertThat(gw.cols()).isEqualTo(4);
                for (int i = 0; i < g.w().length; i++) {
                    assertThat(2 * gw.data()[i]).isCloseTo(g.w()[i], within(1e-15));
                }
                for (int i = 0; i < g.v().length; i++) {
                    assertThat(2 * gv.data()[i]).isCloseTo(g.v()[i], within(1e-15));
                }
            }
        }
    }
}
