package org.gdcert.certificates.sgdrelu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ValidatedParams;
import org.junit.jupiter.api.Test;

/** The data checker outputs (spec §1.4) and the ASYMPTOTIC report (§4.4), checked against closed forms. */
class AsymptoticReportTest {
    static final double EXACT = 1e-12;

    private static CertificateReport assess(SgdReluFixtures.Ctx c) {
        return new SgdReluCertificate(SgdReluSettings.defaults()).assess(c.build());
    }

    private static double q(CertificateReport r, String name) {
        return r.quantity(name).orElseThrow(() -> new AssertionError("no quantity " + name)).value();
    }

    private static String notes(CertificateReport r) {
        return String.join(" | ", r.notes().stream().map(n -> n.topic() + ": " + n.text()).toList());
    }

    @Test
    void lecunInThePapersConventionGivesTheN125Width() {
        // ‖x_i‖ = √d0, β_w² = 1/d0, β_v² = 1/d1 (LeCun, ρ = 1): d1 ≥ C(δ0)·√d2·N^1.25·log²N (Remark 5.4)
        int n = 30;
        int d0 = 12;
        int d1 = 400;
        SgdReluFixtures.Ctx c = SgdReluFixtures.section6(n, d0, d1, 5, Math.sqrt(d0), 1 / Math.sqrt(d0));
        ParameterSchema lecun = ParameterSchema.of(org.gdcert.core.spi.ParameterSpec.choice("distribution", "normal",
                List.of("normal", "uniform"), ""));
        c.initializers = List.of(SgdReluFixtures.initializer("lecun", lecun),
                SgdReluFixtures.initializer("lecun", lecun));
        CertificateReport r = assess(c);
        assertThat(r.notes().stream().anyMatch(x -> x.text().contains("Assumption 4.1.1's convention"))).isTrue();
        assertThat(q(r, "asym.betaW")).isCloseTo(1 / Math.sqrt(d0), within(EXACT));
        assertThat(q(r, "asym.betaV")).isCloseTo(1 / Math.sqrt(d1), within(EXACT));
        assertThat(q(r, "asym.betaWEff")).isCloseTo(1 / Math.sqrt(d0), within(EXACT));
        assertThat(q(r, "asym.rho")).isCloseTo(1, within(EXACT));
        double log2 = Math.log(n) * Math.log(n);
        assertThat(q(r, "asym.widthRatio")).isCloseTo(d1 / (Math.pow(n, 1.25) * log2), within(1e-9));
        assertThat(q(r, "asym.psi")).isCloseTo((double) d0 / n * Math.pow(n, 1.25), within(1e-9));
        // ĉ_α = α²/(d0 d1 β_w²) = α²/d1 under LeCun
        double alpha = q(r, "di.alpha");
        assertThat(q(r, "asym.cHatAlpha")).isCloseTo(alpha * alpha / d1, within(1e-9));
        Condition width = r.condition("cor45_width").orElseThrow();
        assertThat(width.status()).isEqualTo(Condition.Status.INDETERMINATE);
        assertThat(width.rhs()).isCloseTo(Math.max(n, Math.pow(n, 1.25) * log2), within(1e-9));
        assertThat(r.condition("thm51_rho").orElseThrow().holds()).isTrue();
    }

    @Test
    void shallowGaussianDeclaresTheScalesAndThePluginKstarUsesTheDeterministicRate() {
        SgdReluFixtures.Ctx c = SgdReluFixtures.tdi2().discrete("gd", 1e-4, ValidatedParams.empty());
        c.initializers = List.of(SgdReluFixtures.initializer("shallow_gaussian", SgdReluFixtures.SHALLOW_GAUSSIAN,
                Argument.named("beta_w", 1.0), Argument.named("rho", 1.0)), SgdReluFixtures.initializer(
                "shallow_gaussian", SgdReluFixtures.SHALLOW_GAUSSIAN, Argument.named("beta_w", 1.0),
                Argument.named("rho", 1.0)));
        CertificateReport r = assess(c);
        assertThat(q(r, "asym.betaW")).isEqualTo(1.0);
        assertThat(q(r, "asym.betaV")).isCloseTo(1 / Math.sqrt(5000), within(EXACT));
        assertThat(q(r, "asym.rho")).isEqualTo(1.0);
        // unit rows, β_w = 1: β_w,eff² = 1/d0 and ĉ_α = α²/d1 (spec §4.4's example)
        double alpha = q(r, "di.alpha");
        assertThat(q(r, "asym.cHatAlpha")).isCloseTo(alpha * alpha / 5000, within(1e-9));
        // with the default plug-ins c(δ0) := ĉ_α and C := L0/(N ln N d0 d1 d2 β_w² β_v²), eq. (15) with d2
        // restored reads k* = ⌊1 + (N/(ηb))·ln(L0/ε)/α²⌋
        double expected = Math.floor(1 + 10 / (1e-4 * 10) * Math.log(1 / 1e-6) / (alpha * alpha));
        assertThat(q(r, "asym.kstarPlugin")).isCloseTo(expected, within(1.0));
        assertThat(r.quantity("asym.kstarPlugin").orElseThrow().tag()).isEqualTo(Tag.HIDDEN);
        assertThat(r.quantity("asym.kstarPlugin").orElseThrow().note()).contains("plug-in, not a guarantee");
        // user plug-ins
        SgdReluCertificate custom = new SgdReluCertificate(SgdReluSettings.from(SgdReluSettings.schema()
                .validateOrThrow("sgd_relu", List.of(Argument.named("plugin_c", 0.01), Argument.named("plugin_big_c",
                        2.0), Argument.named("epsilon", 1e-8)))));
        CertificateReport u = custom.assess(c.build());
        double bw2 = 1.0 / 10;
        double bv2 = 1.0 / 5000;
        double inner = Math.log(2.0 * 10 * Math.log(10) * 10 * 5000 * bw2 * bv2 / 1e-8) / (0.01 * 10 * 5000 * bw2);
        assertThat(q(u, "asym.kstarPlugin")).isCloseTo(Math.floor(1 + 10 / (1e-4 * 10) * inner), within(1.0));
        assertThat(q(u, "sgd.epsilon")).isEqualTo(1e-8);
    }

    @Test
    void rhoZeroViolatesTheorem51ButNotCorollary45() {
        // β_v = 1 (standard normal V): ρ = 0, allowed by Corollary 4.5, not by Theorem 5.1 (spec §6 item 14)
        SgdReluFixtures.Ctx c = SgdReluFixtures.section6(12, 6, 60, 8);
        c.v = SgdReluFixtures.gaussian(60, 1, 1, Rng.of(2));
        c.initializers = List.of(SgdReluFixtures.initializer("gaussian", SgdReluFixtures.GAUSSIAN),
                SgdReluFixtures.initializer("gaussian", SgdReluFixtures.GAUSSIAN,
                        Argument.named("var", ParamValue.Num.of(1))));
        CertificateReport r = assess(c);
        assertThat(q(r, "asym.rho")).isCloseTo(0, within(EXACT));
        assertThat(r.condition("thm51_rho").orElseThrow().holds()).isFalse();
    }

    @Test
    void dataCheckerOutputs() {
        // two identical rows, unequal norms
        SgdReluFixtures.Ctx c = SgdReluFixtures.section6(9, 4, 30, 6);
        HostMatrix x = c.x.copy();
        for (int k = 0; k < 4; k++) {
            x.set(5, k, x.get(2, k));
            x.set(7, k, 2 * x.get(7, k));
        }
        c.x = x;
        CertificateReport r = assess(c);
        assertThat(q(r, "data.rowNormMin")).isCloseTo(1, within(EXACT));
        assertThat(q(r, "data.rowNormMax")).isCloseTo(2, within(EXACT));
        assertThat(q(r, "data.collinearPairs")).isEqualTo(1);
        assertThat(q(r, "data.maxCos")).isCloseTo(1, within(EXACT));
        assertThat(q(r, "data.rank")).isEqualTo(4);
        assertThat(q(r, "data.delta0")).isCloseTo(Math.log(4) / Math.log(9), within(EXACT));
        String text = notes(r);
        assertThat(text).contains("SR-DATA-05: WARNING").contains("(3, 6)").contains("DEGENERATE_KINK");
        assertThat(text).contains("SR-DATA-01: WARNING").contains("Assumption 4.1.1");
        // A1 violated: the asymptotic quantities are skipped, the comparison table is not
        assertThat(r.quantity("asym.cHatAlpha")).isEmpty();
        assertThat(r.quantity("asym.cmpNguyen")).isPresent();
        assertThat(text).contains("assumption A1 violated");
        // rank deficiency: N > d0 rows of ℝ^4
        assertThat(q(r, "data.rank")).isLessThan(9);
    }

    @Test
    void nothingHiddenIsPrintedAsIfKnown() {
        CertificateReport r = assess(SgdReluFixtures.tdi2().discrete("gd", 1e-4, ValidatedParams.empty()));
        for (Quantity qq : r.quantities()) {
            if (qq.name().startsWith("asym.") && !List.of("asym.betaW", "asym.betaV", "asym.rowNorm", "asym.betaWEff",
                    "asym.rho", "asym.psi").contains(qq.name())) {
                assertThat(qq.tag()).as(qq.name()).isEqualTo(Tag.HIDDEN);
            }
            assertThat(qq.name()).doesNotContain("prob");
        }
        List<String> hidden = r.notes().stream().filter(n -> n.tag() == Tag.HIDDEN).map(Note::topic).toList();
        assertThat(hidden).contains("A1, A5", "Cor 4.5 rate");
    }
}
