package org.gdcert.certificates.song;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gdcert.certificates.song.SongFixtureBTest.value;

import java.util.List;
import java.util.OptionalDouble;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.Network;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.testing.TestActivations;
import org.gdcert.core.train.Axis;
import org.junit.jupiter.api.Test;

/** Settings outside the theorems answer INAPPLICABLE with the reason, never an exception (spec §4.2). */
class SongApplicabilityTest {

    private static CertificateReport assess(SongFixtures.Ctx c) {
        return new SongCertificate(SongSettings.defaults()).assess(c.build());
    }

    private static String reasons(CertificateReport r) {
        return String.join("\n", r.reasons());
    }

    @Test
    void reluIsOutsideThePaperAndGetsNoNumbers() {
        CertificateReport r = assess(new SongFixtures.Ctx(SongFixtures.fixtureB(), "relu", SongTestActivations.RELU));
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("SONG-ACT-01 FAIL").contains("ReLU");
        assertThat(r.quantities()).isEmpty();
        assertThat(r.stepSizeBound()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.tag() == Tag.HIDDEN);
    }

    @Test
    void aWrongDeclaredBoundIsRefused() {
        CertificateReport r = assess(new SongFixtures.Ctx(SongFixtures.fixtureB(), "tanh",
                SongTestActivations.TANH_WRONG_BOUND));
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("SONG-ACT-02 FAIL").contains("not upper bounds");
    }

    @Test
    void biasesFrozenLayersAndMultipliersAreNotTheNetwork() {
        SongFixtures.Ctx bias = new SongFixtures.Ctx(SongFixtures.fixtureB(), "gelu", SongTestActivations.GELU);
        bias.bias = true;
        assertThat(reasons(assess(bias))).contains("SONG-ARCH-02 FAIL");
        SongFixtures.Ctx frozen = new SongFixtures.Ctx(SongFixtures.fixtureB(), "gelu", SongTestActivations.GELU);
        frozen.frozen = true;
        assertThat(reasons(assess(frozen))).contains("SONG-ARCH-03 FAIL").contains("layer 2 is frozen");
        SongFixtures.Ctx scaled = new SongFixtures.Ctx(SongFixtures.fixtureB(), "gelu", SongTestActivations.GELU);
        scaled.weightScale = 0.5;
        CertificateReport r = assess(scaled);
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("SONG-ARCH-04 FAIL");
    }

    @Test
    void threeLayersAreNotTheNetwork() {
        var act = TestActivations.configured("gelu", SongTestActivations.GELU);
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.hidden(4, act), LayerSpec.hidden(4, act),
                LayerSpec.output(1)));
        List<HostMatrix> w = List.of(new HostMatrix(2, 4), new HostMatrix(4, 4), new HostMatrix(4, 1));
        java.util.ArrayList<HostMatrix> b = new java.util.ArrayList<>(java.util.Arrays.asList(null, null, null));
        CertificateContext ctx = new CertificateContext(spec, new Network(ParameterSet.upload(spec,
                SongFixtures.BACKEND, w, b)), new HostMatrix(3, 2), new HostMatrix(3, 1), w, b, List.of(), "gd",
                ValidatedParams.empty(), Axis.STEP, OptionalDouble.of(0.1), org.gdcert.core.train.LossReduction.SUM, 1);
        CertificateReport r = new SongCertificate(SongSettings.defaults()).assess(ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("3 weight layers");
    }

    @Test
    void optimizersOutsideTheTheorems() {
        SongFixtures.Ctx sgd = new SongFixtures.Ctx(SongFixtures.fixtureB(), "gelu", SongTestActivations.GELU);
        sgd.optimizer = "sgd";
        CertificateReport r = assess(sgd);
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("SONG-OPT-01 NOT_COVERED").contains("full-batch GD");
        assertThat(r.quantity("mu")).isPresent();
        assertThat(r.notes()).extracting(Note::topic).contains("sgd");
        SongFixtures.Ctx clarke = new SongFixtures.Ctx(SongFixtures.fixtureB(), "gelu", SongTestActivations.GELU);
        clarke.optimizer = "clarke";
        clarke.axis = Axis.TIME;
        assertThat(reasons(assess(clarke))).contains("SONG-OPT-01 FAIL");
        SongFixtures.Ctx adam = new SongFixtures.Ctx(SongFixtures.fixtureB(), "gelu", SongTestActivations.GELU);
        adam.optimizer = "adam";
        assertThat(assess(adam).verdict()).isEqualTo(Verdict.INAPPLICABLE);
    }

    @Test
    void tooFewParametersForAnyPlInequality() {
        // d = d1(d0 + d2) = 2·(1 + 3) = 8 < d2·n = 30
        SongFixtures.Paper p = SongFixtures.random(31, 10, 1, 2, 3, 1, 1);
        CertificateReport r = assess(new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU));
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("SONG-DIM-01 FAIL");
    }

    @Test
    void nonzeroPhiAtZeroOnlyWarns() {
        SongFixtures.Paper p = SongFixtures.random(32, 4, 3, 30, 1, 1, 0.1);
        SongFixtures.Ctx c = new SongFixtures.Ctx(p, "sigmoid", SongTestActivations.SIGMOID);
        CertificateReport r = assess(c);
        assertThat(r.verdict()).isIn(Verdict.CERTIFIED, Verdict.NOT_CERTIFIED);
        assertThat(r.notes()).anyMatch(n -> n.topic().equals("SONG-ACT-03") && n.text().startsWith("WARNING"));
        assertThat(value(r, "phiAtZero")).isEqualTo(0.5);
        assertThat(r.quantity("hermiteC0").orElseThrow().note()).contains("shifted");
        assertThat(value(r, "hermiteC0")).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-13));
    }

    /** MNIST-like shape (d1 &lt; n): μ = 0 by §1.3 without any n×n matrix, and quickly. */
    @Test
    void wideDataAreInapplicableWithoutAnNByNMatrix() {
        SongFixtures.Paper p = SongFixtures.random(33, 3000, 20, 50, 2, 0.3, 0.1);
        SongFixtures.Ctx c = new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU);
        SongSettings s = SongSettings.defaults().withDenseLimit(100);
        CertificateReport r = new SongCertificate(s).assess(c.build());
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("d1 = 50 < n = 3000");
        assertThat(value(r, "sigmaMaxH")).isPositive();
        assertThat(value(r, "lambdaMinM0")).isNaN();
        assertThat(r.notes()).anyMatch(n -> n.topic().equals("exact") && n.text().contains("not computed"));
    }

    @Test
    void aDenseLimitBelowTheGramsIsSaidNotGuessed() {
        SongFixtures.Paper p = SongFixtures.random(34, 12, 3, 40, 1, 1, 0.1);
        SongSettings s = SongSettings.defaults().withDenseLimit(8);
        CertificateReport r = new SongCertificate(s).assess(new SongFixtures.Ctx(p, "gelu",
                SongTestActivations.GELU).build());
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("not computed").contains("dense_limit 8");
    }

    @Test
    void userChiBelowSigmaMaxV0FailsItsCondition() {
        SongFixtures.Paper p = SongFixtures.random(35, 4, 3, 64, 2, 1, 0.05);
        SongFixtures.Ctx c = new SongFixtures.Ctx(p, "gelu", SongTestActivations.GELU);
        c.eta = OptionalDouble.empty();
        CertificateReport self = new SongCertificate(SongSettings.defaults()).assess(c.build());
        double sv = value(self, "sigmaMaxV0");
        CertificateReport low = new SongCertificate(SongSettings.defaults().withChi(sv / 2)).assess(c.build());
        assertThat(low.condition("chi_user").orElseThrow().holds()).isFalse();
        assertThat(low.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
        CertificateReport high = new SongCertificate(SongSettings.defaults().withChi(2 * sv)).assess(c.build());
        assertThat(high.condition("chi_user").orElseThrow().holds()).isTrue();
        assertThat(value(high, "chi")).isEqualTo(2 * sv);
        assertThat(high.quantity("chi").orElseThrow().tag()).isEqualTo(Tag.PAPER);
    }
}
