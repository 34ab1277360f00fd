package org.gdcert.certificates.sgdrelu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gdcert.certificates.sgdrelu.SgdReluFixtures.ref;

import java.util.List;
import java.util.Properties;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.Ntk;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.LossReduction;
import org.junit.jupiter.api.Test;

/** CERT-DI, CERT-SGD and the verdicts on the T-DI-2 fixture (NumPy-drawn, spec §2.6 and §4.1). */
class SgdReluCertificateTest {
    /** Our margins move the numbers by ~1e-12 relative; NumPy and EJML agree to ~1e-13. */
    static final double FIXTURE = 1e-9;

    static final ParameterSchema SGD = ParameterSchema.of(ParameterSpec.real("eta", 0.01, ""),
            ParameterSpec.integer("batch", 32, ""), ParameterSpec.real("momentum", 0, ""),
            ParameterSpec.bool("nesterov", false, ""),
            ParameterSpec.choice("sampler", "shuffle", List.of("shuffle", "cyclic", "subset", "replacement"), ""),
            ParameterSpec.choice("scale", "sum", List.of("sum", "mean", "unbiased"), ""));

    static ValidatedParams sgd(Argument... args) {
        return SGD.validateOrThrow("sgd", List.of(args));
    }

    static CertificateReport assess(CertificateContext ctx) {
        return new SgdReluCertificate(SgdReluSettings.defaults()).assess(ctx);
    }

    static double q(CertificateReport r, String name) {
        return r.quantity(name).orElseThrow(() -> new AssertionError("no quantity " + name)).value();
    }

    static Condition cond(CertificateReport r, String id) {
        return r.condition(id).orElseThrow(() -> new AssertionError("no condition " + id));
    }

    @Test
    void tdi2NumbersMatchTheNumpyReference() {
        Properties p = SgdReluFixtures.tdi2Reference();
        CertificateReport r = assess(SgdReluFixtures.tdi2().build());
        assertThat(q(r, "di.xop")).isCloseTo(ref(p, "xop"), within(FIXTURE * ref(p, "xop")));
        assertThat(q(r, "di.normW0")).isCloseTo(ref(p, "normW"), within(FIXTURE * ref(p, "normW")));
        assertThat(q(r, "di.normV0")).isCloseTo(ref(p, "normV"), within(FIXTURE));
        assertThat(q(r, "di.loss0")).isCloseTo(ref(p, "loss0"), within(FIXTURE * ref(p, "loss0")));
        assertThat(q(r, "di.a")).isCloseTo(ref(p, "a"), within(FIXTURE * ref(p, "a")));
        assertThat(q(r, "di.alpha")).isCloseTo(ref(p, "alpha"), within(FIXTURE * ref(p, "alpha")));
        assertThat(q(r, "di.c")).isCloseTo(ref(p, "c"), within(FIXTURE * ref(p, "c")));
        assertThat(q(r, "di.c1")).isCloseTo(ref(p, "c1"), within(FIXTURE * ref(p, "c1")));
        assertThat(q(r, "di.c2")).isCloseTo(ref(p, "c2"), within(FIXTURE * ref(p, "c2")));
        assertThat(q(r, "di.exponent")).isCloseTo(ref(p, "exponent"), within(FIXTURE * ref(p, "exponent")));
        assertThat(q(r, "di.F")).isCloseTo(ref(p, "F"), within(FIXTURE * ref(p, "F")));
        assertThat(q(r, "di.Lambda")).isCloseTo(ref(p, "Lambda"), within(FIXTURE * ref(p, "Lambda")));
        assertThat(q(r, "di.u")).isCloseTo(ref(p, "u"), within(FIXTURE * ref(p, "u")));
        assertThat(q(r, "di.displacementBound")).isCloseTo(ref(p, "displacementU"),
                within(FIXTURE * ref(p, "displacementU")));
        // the spec's printed T-DI-2 values: F = 0.024, Λ = 0.166, α² = 268.8, a = 2.61, ‖X‖ = 1.90, u‖θ0‖e^u = 17.8
        assertThat(q(r, "di.F")).isCloseTo(0.024, within(0.0005));
        assertThat(q(r, "di.Lambda")).isCloseTo(0.166, within(0.0005));
        assertThat(q(r, "di.rate")).isCloseTo(268.8, within(0.05));
        assertThat(q(r, "di.a")).isCloseTo(2.61, within(0.005));
        assertThat(q(r, "di.xop")).isCloseTo(1.90, within(0.005));
        assertThat(q(r, "di.displacementPaper")).isCloseTo(17.8, within(0.05));
        assertThat(q(r, "di.lbarBound")).isCloseTo(0.0194, within(0.00005));
    }

    @Test
    void marginsAreOnTheSafeSideAndTiny() {
        CertificateReport r = assess(SgdReluFixtures.tdi2().build());
        assertThat(q(r, "di.xopUpper")).isGreaterThan(q(r, "di.xop")).isLessThan(q(r, "di.xop") * (1 + 1e-10));
        assertThat(q(r, "di.aUpper")).isGreaterThan(q(r, "di.a")).isLessThan(q(r, "di.a") * (1 + 1e-10));
        assertThat(q(r, "di.alphaLower")).isLessThan(q(r, "di.alpha")).isGreaterThan(q(r, "di.alpha") * (1 - 1e-10));
        // F and Λ are computed from the safe-side numbers: slightly above the nominal F
        assertThat(q(r, "di.F")).isGreaterThanOrEqualTo(q(r, "di.Fnominal"));
    }

    @Test
    void clarkeFlowOnTdi2IsCertifiedWithTheTimeBound() {
        Properties p = SgdReluFixtures.tdi2Reference();
        CertificateReport r = assess(SgdReluFixtures.tdi2().build());
        assertThat(r.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(cond(r, "eq11").holds()).isTrue();
        assertThat(cond(r, "eq11").slack()).isCloseTo(8 * ref(p, "F"), within(1e-8));
        assertThat(cond(r, "eq10").holds()).isTrue();
        assertThat(cond(r, "alpha_positive").holds()).isTrue();
        assertThat(cond(r, "eq11").binding()).contains("B = a²c2/α⁵");
        assertThat(r.rate().getAsDouble()).isCloseTo(ref(p, "alpha") * ref(p, "alpha"), within(1e-6));
        assertThat(r.lossBound()).isPresent();
        assertThat(r.lossBound().get().axis()).isEqualTo(Axis.TIME);
        assertThat(r.lossBound().get().tag()).isEqualTo(Tag.PAPER);
        assertThat(r.lossBound().get().at(0.01)).isCloseTo(ref(p, "loss0") * Math.exp(-0.01 * r.rate().getAsDouble()),
                within(1e-9));
        // never a certified numeric step size
        assertThat(r.stepSizeBound()).isEmpty();
        assertThat(r.quantity("sgd.eta0").get().value()).isNaN();
        assertThat(r.quantity("sgd.eta0").get().tag()).isEqualTo(Tag.HIDDEN);
        assertThat(r.quantity("sgd.eta0").get().note()).contains("EXISTS, NOT COMPUTABLE");
    }

    @Test
    void meanReductionRescalesTheFlowsTime() {
        Properties p = SgdReluFixtures.tdi2Reference();
        SgdReluFixtures.Ctx c = SgdReluFixtures.tdi2();
        c.reduction = LossReduction.MEAN;
        CertificateReport r = assess(c.build());
        assertThat(r.verdict()).isEqualTo(Verdict.CERTIFIED);
        double alpha2 = ref(p, "alpha") * ref(p, "alpha");
        // L_mean(θ(t)) ≤ L_mean(θ0)·exp(−α²·2t/(N d2)), N = 10, d2 = 1
        assertThat(r.rate().getAsDouble()).isCloseTo(alpha2 * 2 / 10, within(1e-6));
        assertThat(q(r, "inst.reductionMultiplier")).isEqualTo(0.2);
    }

    @Test
    void gradientDescentIsConditionalOnTheHiddenStepThreshold() {
        Properties p = SgdReluFixtures.tdi2Reference();
        double eta = 1e-4;
        CertificateReport r = assess(SgdReluFixtures.tdi2().discrete("gd", eta, ValidatedParams.empty()).build());
        assertThat(r.verdict()).isEqualTo(Verdict.CONDITIONAL);
        assertThat(String.join(" ", r.reasons())).contains("NOT COMPUTABLE").contains("Theorem 5.6");
        assertThat(r.lossBound()).isEmpty();
        assertThat(r.rate()).isEmpty();
        assertThat(r.stepSizeBound()).isEmpty();
        // indicative k* = ⌊1 + (N/(ηb))·max(0, ln(2L0/ε)/α²)⌋ with b = N, ε = 1e-6·L0
        double alpha2 = ref(p, "alpha") * ref(p, "alpha");
        double expected = Math.floor(1 + 1 / eta * Math.log(2 / 1e-6) / alpha2);
        assertThat(q(r, "sgd.kstarIndicative")).isCloseTo(expected, within(1.0));
        assertThat(r.quantity("sgd.kstarIndicative").get().note()).contains("INDICATIVE");
        assertThat(q(r, "sgd.timePerStep")).isCloseTo(eta, within(1e-15));
        // the heuristic stability step from the explicit kernel JJᵀ (NumPy: λ_max = 9633.22)
        assertThat(q(r, "sgd.ntkLambdaMax")).isCloseTo(ref(p, "ntkLambdaMax"), within(1e-9 * ref(p, "ntkLambdaMax")));
        assertThat(q(r, "sgd.etaStability")).isCloseTo(2 / ref(p, "ntkLambdaMax"), within(1e-12));
        assertThat(r.quantity("sgd.etaStability").get().note()).contains("HEURISTIC");
        assertThat(r.quantity("sgd.etaStability").get().tag()).isEqualTo(Tag.EXTENSION);
        // robust ball [EXT]
        assertThat(q(r, "sgd.robustRadius")).isPositive();
        assertThat(q(r, "sgd.fHi")).isLessThan(0.125).isGreaterThan(0.12);
        assertThat(q(r, "sgd.gammaLo")).isLessThan(alpha2).isPositive();
        assertThat(q(r, "sgd.kstarRobust")).isGreaterThanOrEqualTo(q(r, "sgd.kstarIndicative"));
    }

    @Test
    void kernelFormulaAgreesWithTheEnginesExplicitNtk() {
        // independent truth: core's Ntk.explicit builds JJᵀ column by column from VJPs and JVPs
        SgdReluFixtures.Ctx c = SgdReluFixtures.section6(6, 4, 30, 3);
        c.v = SgdReluFixtures.gaussian(30, 2, 0.3, org.gdcert.core.random.Rng.of(9));
        c.spec = SgdReluFixtures.shallow(4, 30, 2);
        c.y = new HostMatrix(6, 2);
        CertificateContext ctx = c.build();
        Setup.Result s = Setup.analyze(ctx, SgdReluSettings.defaults());
        Instance inst = s.instance().orElseThrow();
        DiNumbers num = DiNumbers.compute(inst, Spectra.opNormUpper(inst.x()));
        double[][] g = CertSgd.kernel(inst, num);
        HostMatrix k;
        try (Matrix x = SgdReluFixtures.BACKEND.upload(ctx.inputs())) {
            k = Ntk.explicit(ctx.network(), x);
        }
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                assertThat(g[i][j]).isCloseTo(k.get(i, j), within(1e-12 * (1 + Math.abs(k.get(i, j)))));
            }
        }
    }

    @Test
    void sgdInsideTheoremIsConditionalAndMomentumIsOutside() {
        Properties p = SgdReluFixtures.tdi2Reference();
        double alpha2 = ref(p, "alpha") * ref(p, "alpha");
        CertificateReport inside = assess(SgdReluFixtures.tdi2().discrete("sgd", 1e-3, sgd(Argument.named("batch", 4),
                Argument.named("sampler", "subset"))).build());
        assertThat(inside.verdict()).isEqualTo(Verdict.CONDITIONAL);
        // t_k = k·η·b/N (proof of Theorem 5.6): Δt = 1e-3·4/10
        assertThat(q(inside, "sgd.timePerStep")).isCloseTo(4e-4, within(1e-15));
        double expected = Math.floor(1 + 10 / (1e-3 * 4) * Math.log(2 / 1e-6) / alpha2);
        assertThat(q(inside, "sgd.kstarIndicative")).isCloseTo(expected, within(1.0));
        CertificateReport heavy = assess(SgdReluFixtures.tdi2().discrete("sgd", 1e-3, sgd(Argument.named("batch", 10),
                Argument.named("momentum", 0.9))).build());
        assertThat(heavy.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(String.join(" ", heavy.reasons())).contains("CERT-DI CERTIFIED").contains("momentum");
        CertificateReport shuffle = assess(SgdReluFixtures.tdi2().discrete("sgd", 1e-3, sgd(Argument.named("batch",
                4))).build());
        assertThat(shuffle.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(String.join(" ", shuffle.reasons())).contains("sampler shuffle");
        // unbiased scale, tuples with replacement (spec §6 item 6): η_paper = η·N/b
        CertificateReport scaled = assess(SgdReluFixtures.tdi2().discrete("sgd", 1e-3, sgd(Argument.named("batch", 5),
                Argument.named("sampler", "replacement"), Argument.named("scale", "unbiased"))).build());
        assertThat(scaled.verdict()).isEqualTo(Verdict.CONDITIONAL);
        assertThat(q(scaled, "sgd.etaPaper")).isCloseTo(1e-3 * 2, within(1e-15));
    }

    @Test
    void unknownOptimizerIsOutsideTheTheorems() {
        CertificateReport r = assess(SgdReluFixtures.tdi2().discrete("adam", 1e-3, ValidatedParams.empty()).build());
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(String.join(" ", r.reasons())).contains("adam");
    }

    @Test
    void everyNumberCarriesATagAndHiddenConstantsAreNamed() {
        CertificateReport r = assess(SgdReluFixtures.tdi2().discrete("gd", 1e-4, ValidatedParams.empty()).build());
        for (Quantity q : r.quantities()) {
            assertThat(q.tag()).isNotNull();
        }
        List<String> hidden = r.notes().stream().filter(n -> n.tag() == Tag.HIDDEN).map(Note::topic).toList();
        assertThat(hidden).contains("C(δ0)", "c(δ0)", "O(·), Ω(·)", "C", "η0");
        assertThat(r.notes().stream().anyMatch(n -> n.tag() == Tag.REPAIRED && n.topic().equals("typos"))).isTrue();
        assertThat(r.notes().stream().anyMatch(n -> n.topic().equals("scope") && n.text().contains("very wide")))
                .isTrue();
        // no number depends on a hidden constant without the HIDDEN tag: the Cor 4.5 width condition is undecidable
        Condition width = cond(r, "cor45_width");
        assertThat(width.status()).isEqualTo(Condition.Status.INDETERMINATE);
        assertThat(width.tag()).isEqualTo(Tag.HIDDEN);
    }

    @Test
    void gradientFlowIsCertifiedAndAnUnknownStepSizeIsReportedNotInvented() {
        SgdReluFixtures.Ctx flow = SgdReluFixtures.tdi2();
        flow.optimizer = "flow";
        CertificateReport f = assess(flow.build());
        assertThat(f.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(String.join(" ", f.notes().stream().map(Note::text).toList())).contains("fixed selection");
        // eta=certified: the step size is not known at assessment; nothing is invented
        SgdReluFixtures.Ctx gd = SgdReluFixtures.tdi2().discrete("gd", 1, ValidatedParams.empty());
        gd.eta = java.util.OptionalDouble.empty();
        CertificateReport r = assess(gd.build());
        assertThat(r.verdict()).isEqualTo(Verdict.CONDITIONAL);
        assertThat(r.stepSizeBound()).isEmpty();
        assertThat(q(r, "sgd.kstarIndicative")).isNaN();
        assertThat(String.join(" ", r.reasons())).contains("η=not known yet");
    }

    @Test
    void section6OptimizerIsNamedAmongTheReasons() {
        // setup S1 of Figure 2: heavy ball μ = 0.9, full batch, d1 < N
        SgdReluFixtures.Ctx c = SgdReluFixtures.section6(40, 8, 20, 1).discrete("sgd", 0.002, sgd(Argument.named("batch",
                40), Argument.named("momentum", 0.9)));
        CertificateReport r = assess(c.build());
        assertThat(r.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(String.join(" ", r.reasons())).contains("NOT_APPLICABLE").contains("momentum μ = 0.9");
        // the heuristic heavy-ball stability limit 2(1+μ)/λ_max is still reported [EXT]
        assertThat(q(r, "sgd.etaStability")).isCloseTo(2 * 1.9 / q(r, "sgd.ntkLambdaMax"), within(1e-15));
    }
}
