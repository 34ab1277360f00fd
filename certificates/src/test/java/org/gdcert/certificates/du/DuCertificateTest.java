package org.gdcert.certificates.du;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.json.Json;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.run.ReportJson;
import org.gdcert.core.testing.TestActivations;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.LossReduction;
import org.junit.jupiter.api.Test;

/**
 * The checker end to end: the theorem evaluator (T13), the applicability matrix (T14), the honesty
 * rules of spec certificates-du.md §9, and the loss-convention conversion (§1.8).
 */
class DuCertificateTest {
    private static final double GH = 1e-10;
    private static final double[][] D3 = LimitKernelsTest.D3;
    private static final double[] Y3 = {1, -1, 0.5};

    private static CertificateReport assess(CertificateContext ctx) {
        return new DuCertificate(DuSettings.defaults()).assess(ctx);
    }

    private static CertificateReport assess(DuFixtures.Ctx c) {
        return assess(c.build());
    }

    private static double q(CertificateReport r, String name) {
        return r.quantity(name).map(Quantity::value).orElseThrow(() -> new AssertionError("no quantity " + name));
    }

    private static DuFixtures.Ctx fcSoftplus(int m, int depth) {
        return new DuFixtures.Ctx(DuFixtures.fc(3, m, depth, "softplus", DuTestActivations.SOFTPLUS), D3, Y3);
    }

    private static String reasons(CertificateReport r) {
        return String.join("\n", r.reasons());
    }

    @Test
    void t13TheoremExpressionsFullyConnected() {
        DuFixtures.Ctx c = fcSoftplus(256, 2);
        c.eta = OptionalDouble.of(0.28);
        CertificateReport r = assess(c);
        assertThat(r.verdict()).as(reasons(r)).isEqualTo(Verdict.CONDITIONAL);
        double l0 = q(r, "lambda0");
        assertThat(l0).isCloseTo(0.053336298622, within(GH));
        // [§G]: terms 1.001e7, 30, 1.295e4 and E_FC = 0.00592626
        assertThat(q(r, "widthTerm1")).isCloseTo(1.001e7, within(0.001e7));
        assertThat(q(r, "widthTerm1")).isCloseTo(81 / Math.pow(l0, 4), within(1e-6));
        assertThat(q(r, "widthTerm2")).isCloseTo(30, within(1e-12));
        assertThat(q(r, "widthTerm3")).isCloseTo(1.295e4, within(0.001e4));
        assertThat(q(r, "widthTerm3")).isCloseTo(9 * Math.log(2 * 3 / 0.1) / (l0 * l0), within(1e-8));
        assertThat(q(r, "stepScaling")).isCloseTo(0.00592626, within(1e-8));
        assertThat(q(r, "widthScaling")).isEqualTo(q(r, "widthTerm1"));
        assertThat(q(r, "impliedWidthConstant")).isCloseTo(256 / q(r, "widthTerm1"), within(1e-15));
        // [§G] at m = 4096 the implied constant is 4.1e-4: the same formula
        assertThat(4096 / q(r, "widthScaling")).isCloseTo(4.09e-4, within(0.01e-4));
        assertThat(q(r, "impliedStepConstant")).isCloseTo(47.2, within(0.1));
        assertThat(q(r, "impliedDepthExponent")).isCloseTo(Math.log(256 / q(r, "widthScaling")) / Math.log(2) / 2,
                within(1e-12));
        assertThat(q(r, "rateFactor")).isCloseTo(1 - 0.28 * l0 / 2, within(1e-15));
        assertThat(r.rate()).hasValueCloseTo(1 - 0.28 * l0 / 2, within(1e-15));
        assertThat(r.lossBound()).isPresent();
        assertThat(r.lossBound().get().initial()).isCloseTo(q(r, "loss0"), within(1e-15));
        double keps = Math.ceil(Math.log(1e10) / -Math.log(1 - 0.28 * l0 / 2));
        assertThat(q(r, "kEpsilon")).isEqualTo(keps);
        // the width and step conditions are undecidable, never satisfied or violated
        Condition width = r.condition("width").orElseThrow();
        assertThat(width.status()).isEqualTo(Condition.Status.INDETERMINATE);
        assertThat(width.tag()).isEqualTo(Tag.HIDDEN);
        assertThat(width.binding()).isEqualTo("n⁴/λ_0⁴");
        assertThat(r.condition("step").orElseThrow().status()).isEqualTo(Condition.Status.INDETERMINATE);
        assertThat(r.condition("lambda0_positive").orElseThrow().holds()).isTrue();
    }

    @Test
    void resNetTermsAndLambdaTilde() {
        DuFixtures.Ctx c = new DuFixtures.Ctx(DuFixtures.resnet(3, 64, 3, 0.5, "softplus",
                DuTestActivations.SOFTPLUS), D3, Y3);
        CertificateReport r = assess(c);
        assertThat(r.verdict()).as(reasons(r)).isEqualTo(Verdict.CONDITIONAL);
        double l0 = q(r, "lambda0");
        assertThat(l0).isCloseTo(1.451011677363e-3, within(GH));
        assertThat(q(r, "cRes")).isCloseTo(0.5, within(1e-12));
        assertThat(q(r, "lambda0Tilde")).isCloseTo(0.0522364204, within(1e-9));
        // [§G]: M-terms 2.507e10, 4.75e5, 30, 1.924e7; E = λ_0 H²/n² = 0.00145101
        assertThat(q(r, "widthTerm1")).isCloseTo(2.507e10, within(0.001e10));
        assertThat(q(r, "widthTerm2")).isCloseTo(4.75e5, within(0.01e5));
        assertThat(q(r, "widthTerm3")).isCloseTo(30, within(1e-12));
        assertThat(q(r, "widthTerm4")).isCloseTo(1.924e7, within(0.001e7));
        assertThat(q(r, "stepScaling")).isCloseTo(0.00145101, within(1e-8));
        assertThat(r.quantity("impliedDepthExponent")).isEmpty();
        // universal diagonal (§3.3): κ_2 = κ_1 + 2(c_res/H)β_1μ(κ_1) + (c_res/H)²ν₂(κ_1), β_1 = √c_σ μ(1)
        GaussianExpectations e = new GaussianExpectations(DuTestActivations.SOFTPLUS, 128);
        double cr = 0.5 / 3;
        double beta1 = Math.sqrt(e.cSigma()) * e.mean(1);
        assertThat(q(r, "kappa2")).isCloseTo(1 + 2 * cr * beta1 * e.mean(1) + cr * cr * e.meanSquare(1), within(GH));
        assertThat(q(r, "mean1")).isCloseTo(0.839806330608, within(GH));
        assertThat(r.notes()).anyMatch(n -> n.topic().equals("c_res") && n.tag() == Tag.HIDDEN);
        assertThat(r.notes()).noneMatch(n -> n.topic().equals("2^{O(H)}"));
    }

    @Test
    void reportIsHonest() {
        CertificateReport r = assess(fcSoftplus(64, 2));
        assertThat(r.verdict()).isNotEqualTo(Verdict.CERTIFIED);
        assertThat(r.holds()).isFalse();
        assertThat(r.stepSizeBound()).isEmpty();
        assertThat(r.reasons().get(0)).startsWith("CONDITIONAL: all checkable hypotheses hold");
        List<String> hidden = r.notes().stream().filter(n -> n.tag() == Tag.HIDDEN).map(Note::topic).toList();
        assertThat(hidden).contains("C_m", "2^{O(H)}", "C_eta", "|y_i| = O(1)", "λ_0/4 split");
        assertThat(r.quantity("lambda0").orElseThrow().tag()).isEqualTo(Tag.REPAIRED);
        assertThat(r.quantity("lambda0").orElseThrow().note()).contains("NUMERIC(").contains("estimated, not proven");
        assertThat(r.notes()).anyMatch(n -> n.text().contains("corrected from the paper's printed Definitions 5.1/6.1"));
        for (Quantity quantity : r.quantities()) {
            assertThat(quantity.tag()).isNotNull();
        }
        assertThat(r.quantity("impliedWidthConstant").orElseThrow().note()).contains("UNDECIDABLE_HIDDEN_CONSTANT");
    }

    @Test
    void lossConventionIsConvertedToPaperUnits() {
        DuFixtures.Ctx c = fcSoftplus(64, 2);
        c.reduction = LossReduction.MEAN;
        c.eta = OptionalDouble.of(0.3);
        CertificateReport r = assess(c);
        assertThat(q(r, "eta")).isEqualTo(0.3);
        assertThat(q(r, "etaPaper")).isCloseTo(2 * 0.3 / 3, within(1e-15));
        assertThat(q(r, "rateFactor")).isCloseTo(1 - 0.2 * q(r, "lambda0") / 2, within(1e-15));
    }

    @Test
    void initDiagnosticsAreConsistent() {
        DuFixtures.Ctx c = fcSoftplus(128, 2);
        CertificateContext ctx = c.build();
        CertificateReport r = assess(ctx);
        double[] u = DuFixtures.outputs(ctx.network(), D3);
        double loss = 0;
        for (int i = 0; i < 3; i++) {
            loss += 0.5 * (u[i] - Y3[i]) * (u[i] - Y3[i]);
        }
        assertThat(q(r, "loss0")).isCloseTo(loss, within(1e-12));
        assertThat(q(r, "initDevRatio")).isCloseTo(q(r, "initDev") / q(r, "lambda0"), within(1e-12));
        // feature norms of an FC net with unit-norm data concentrate at 1
        assertThat(q(r, "normMin1")).isBetween(0.7, 1.3);
        assertThat(q(r, "weightNorm3")).isBetween(0.8, 1.2);
        assertThat(q(r, "weightNorm2")).isBetween(1.5, 2.1);
        assertThat(r.condition("init_event")).isPresent();
    }

    @Test
    void reportsWriteAsJson() {
        DuFixtures.Ctx ok = fcSoftplus(32, 2);
        String json = Json.write(ReportJson.report(assess(ok)));
        assertThat(json).contains("\"verdict\": \"CONDITIONAL\"").contains("\"step_size_bound\": null")
                .contains("impliedWidthConstant");
        assertThat(assess(ok).notes()).noneMatch(n -> n.topic().equals("optimizer"));
        DuFixtures.Ctx sgd = fcSoftplus(32, 2);
        sgd.optimizer = "sgd";
        String bad = Json.write(ReportJson.report(assess(sgd)));
        assertThat(bad).contains("\"verdict\": \"INAPPLICABLE\"").contains("\"loss_bound\": null");
        assertThat(assess(sgd).notes()).anyMatch(n -> n.topic().equals("optimizer"));
    }

    // ---- T14: the applicability matrix -------------------------------------------------------

    @Test
    void t14ReluIsInapplicable() {
        CertificateReport r = assess(new DuFixtures.Ctx(DuFixtures.fc(3, 32, 2, "relu", DuTestActivations.RELU), D3,
                Y3));
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-ACT-01 FAIL").contains("DU-ACT-02 FAIL");
    }

    @Test
    void t14EluIsInapplicable() {
        CertificateReport r = assess(new DuFixtures.Ctx(DuFixtures.fc(3, 32, 2, "elu", DuTestActivations.ELU), D3,
                Y3));
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-ACT-02 FAIL").doesNotContain("DU-ACT-01");
    }

    @Test
    void t14UnknownAnalyticityIsUndecidable() {
        CertificateReport r = assess(new DuFixtures.Ctx(DuFixtures.fc(3, 32, 2, "mystery",
                DuTestActivations.undeclaredAnalyticity(DuTestActivations.TANH)), D3, Y3));
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-ACT-02 UNDECIDABLE");
    }

    @Test
    void t14UnnormalizedData() {
        double[][] x = {{1, 0, 0}, {0, 2, 0}, {0, 0.6, 0.8}};
        CertificateReport r = assess(new DuFixtures.Ctx(DuFixtures.fc(3, 32, 2, "softplus",
                DuTestActivations.SOFTPLUS), x, Y3));
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-DATA-01 FAIL").contains("‖x_2‖ = 2");
    }

    @Test
    void t14DuplicateInput() {
        double[][] x = {D3[0], D3[1], D3[0].clone()};
        CertificateReport r = assess(new DuFixtures.Ctx(DuFixtures.fc(3, 32, 2, "softplus",
                DuTestActivations.SOFTPLUS), x, Y3));
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-DATA-02 FAIL");
    }

    @Test
    void t14AntiparallelSoftplusIsAWarningOnly() {
        double[][] x = {D3[0], D3[1], {-1, 0, 0}};
        CertificateReport r = assess(new DuFixtures.Ctx(DuFixtures.fc(3, 32, 1, "softplus",
                DuTestActivations.SOFTPLUS), x, Y3));
        assertThat(r.verdict()).as(reasons(r)).isEqualTo(Verdict.CONDITIONAL);
        assertThat(r.notes()).anyMatch(n -> n.topic().equals("DU-DATA-03") && n.text().startsWith("WARNING"));
        // H = 1, x_2 = −x_1 block: λ_0 > 0 (spec §2.2: c_σ(2E[s²] − E[s]) for that pair)
        assertThat(q(r, "lambda0")).isPositive();
    }

    @Test
    void t14AntiparallelTanhHasZeroLambda() {
        double[][] x = {{1, 0}, {-1, 0}};
        CertificateReport r = assess(new DuFixtures.Ctx(DuFixtures.fc(2, 32, 1, "tanh", DuTestActivations.TANH), x,
                new double[] {1, -1}));
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("λ_0 > 0 not established").contains("INCONCLUSIVE");
        assertThat(Math.abs(q(r, "lambda0"))).isLessThanOrEqualTo(q(r, "lambda0Error"));
    }

    @Test
    void t14ResNetWithOneLayer() {
        DuFixtures.Ctx c = new DuFixtures.Ctx(DuFixtures.fc(3, 32, 1, "softplus", DuTestActivations.SOFTPLUS), D3,
                Y3);
        CertificateReport r = new DuCertificate(new DuSettings("resnet", 0.1, 128, 512, 1e-12, 1e-12, 1e-10, 1e-10))
                .assess(c.build());
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-ARCH-04 FAIL").contains("Theorem 5.1");
    }

    @Test
    void t14ResidualConstantOne() {
        CertificateReport r = assess(new DuFixtures.Ctx(DuFixtures.resnet(3, 32, 3, 1.0, "softplus",
                DuTestActivations.SOFTPLUS), D3, Y3));
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-HYP-01 FAIL");
    }

    @Test
    void t14HeInitStandardParameterization() {
        NetworkSpec standard = new NetworkSpec(3, List.of(
                LayerSpec.hidden(32, TestActivations.configured("softplus", DuTestActivations.SOFTPLUS)),
                LayerSpec.hidden(32, TestActivations.configured("softplus", DuTestActivations.SOFTPLUS)),
                LayerSpec.output(1)));
        DuFixtures.Ctx c = new DuFixtures.Ctx(standard, D3, Y3);
        c.initName = "he";
        c.weights = DuFixtures.gaussianWeights(standard, 3, Math.sqrt(2.0 / 32));
        CertificateReport r = assess(c);
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-ARCH-02 FAIL").contains("DU-INIT-01 FAIL");
    }

    @Test
    void t14WeightsThatAreNotStandardNormalUnderAnUnknownName() {
        DuFixtures.Ctx c = fcSoftplus(32, 2);
        c.initName = "custom";
        c.weights = DuFixtures.gaussianWeights(c.spec, 3, 0.3);
        CertificateReport r = assess(c);
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-INIT-01 FAIL").contains("does not look i.i.d. N(0,1)");
        c.weights = null;
        CertificateReport ok = assess(c);
        assertThat(ok.verdict()).isEqualTo(Verdict.CONDITIONAL);
        assertThat(ok.notes()).anyMatch(n -> n.topic().equals("DU-INIT-01") && n.text().startsWith("ESTIMATE"));
    }

    @Test
    void t14GaussianInitializerIsJudgedByItsGivenVariance() {
        // the schema of the initializers module's gaussian(std=1, var=1): give std or var
        ParameterSchema schema = ParameterSchema.of(ParameterSpec.real("std", 1, "std").nonNegative(),
                ParameterSpec.real("var", 1, "var").nonNegative());
        DuFixtures.Ctx c = fcSoftplus(32, 2);
        c.initializer = new Configured<>("gaussian", schema.validateOrThrow("gaussian",
                List.of(Argument.named("var", 4.0))), (layer, w, rng) -> rng.fillGaussian(w.data(), 2));
        CertificateReport r = assess(c);
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-INIT-01 FAIL").contains("gaussian(");
        c.initializer = new Configured<>("gaussian", schema.validateOrThrow("gaussian", List.of()),
                (layer, w, rng) -> rng.fillGaussian(w.data(), 1));
        assertThat(assess(c).verdict()).isEqualTo(Verdict.CONDITIONAL);
    }

    @Test
    void t14SgdAndFlowAreNotCovered() {
        DuFixtures.Ctx sgd = fcSoftplus(32, 2);
        sgd.optimizer = "sgd";
        CertificateReport r = assess(sgd);
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-OPT-01 NOT_COVERED");
        assertThat(r.quantity("lambda0")).isPresent();
        DuFixtures.Ctx flow = fcSoftplus(32, 2);
        flow.optimizer = "flow";
        flow.axis = Axis.TIME;
        flow.eta = OptionalDouble.empty();
        CertificateReport f = assess(flow);
        assertThat(reasons(f)).contains("DU-OPT-01 NOT_COVERED").contains("gradient flow");
        assertThat(new DuCertificate(DuSettings.defaults()).monitor(f, flow.build())).isPresent();
    }

    @Test
    void t14ClarkeFlowIsInapplicable() {
        DuFixtures.Ctx c = fcSoftplus(32, 2);
        c.optimizer = "clarke";
        c.axis = Axis.TIME;
        CertificateReport r = assess(c);
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("DU-OPT-01 FAIL");
    }

    @Test
    void convolutionalResNetIsNotSupportedYet() {
        CertificateReport r = new DuCertificate(new DuSettings("convresnet", 0.1, 128, 512, 1e-12, 1e-12, 1e-10,
                1e-10)).assess(fcSoftplus(32, 2).build());
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(reasons(r)).contains("convolution");
    }

    @Test
    void biasesWidthsOutputsAndFrozenLayers() {
        var act = TestActivations.configured("softplus", DuTestActivations.SOFTPLUS);
        double s = Math.sqrt(DuFixtures.cSigma(DuTestActivations.SOFTPLUS) / 16);
        NetworkSpec bias = new NetworkSpec(3, List.of(LayerSpec.hidden(16, act).withScales(1, s).withBias(true),
                LayerSpec.output(1)));
        assertThat(reasons(assess(new DuFixtures.Ctx(bias, D3, Y3)))).contains("DU-ARCH-01 FAIL").contains("bias");
        NetworkSpec rect = new NetworkSpec(3, List.of(LayerSpec.hidden(16, act).withScales(1, s),
                LayerSpec.hidden(8, act).withScales(1, s), LayerSpec.output(1)));
        assertThat(reasons(assess(new DuFixtures.Ctx(rect, D3, Y3)))).contains("DU-ARCH-03 FAIL");
        NetworkSpec multi = new NetworkSpec(3, List.of(LayerSpec.hidden(16, act).withScales(1, s),
                LayerSpec.output(2)));
        DuFixtures.Ctx mc = new DuFixtures.Ctx(multi, D3, Y3);
        CertificateReport mr = assess(mc.buildWithTargets(new double[][] {{1, 0}, {0, 1}, {1, 1}}));
        assertThat(reasons(mr)).contains("DU-ARCH-01 FAIL").contains("scalar output");
        NetworkSpec frozen = new NetworkSpec(3, List.of(LayerSpec.hidden(16, act).withScales(1, s),
                LayerSpec.output(1).withTrainable(false)));
        assertThat(reasons(assess(new DuFixtures.Ctx(frozen, D3, Y3)))).contains("frozen");
        NetworkSpec linear = new NetworkSpec(3, List.of(LayerSpec.output(1)));
        assertThat(assess(new DuFixtures.Ctx(linear, D3, Y3)).verdict()).isEqualTo(Verdict.INAPPLICABLE);
    }
}
