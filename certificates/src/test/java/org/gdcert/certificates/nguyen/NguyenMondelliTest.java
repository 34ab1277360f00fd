package org.gdcert.certificates.nguyen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.gdcert.certificates.testing.Acts;
import org.gdcert.certificates.testing.Ctx;
import org.gdcert.certificates.testing.Fixtures;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.testing.ReferenceBackend;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.LossReduction;
import org.junit.jupiter.api.Test;

class NguyenMondelliTest {
    private static final double PRINTED = 2e-9;
    private final NguyenMondelli checker = new NguyenMondelli(1e-9, 0, true, 40, 10, 0);

    private static CertificateContext f0(OptionalDouble eta) {
        NetworkSpec spec = Ctx.mlp(2, new int[] {4, 1}, Acts.smoothRelu(0.5, 1.0));
        return Ctx.of(new ReferenceBackend(), spec, Fixtures.x(), Fixtures.y(), Fixtures.weights(14), eta);
    }

    static double q(CertificateReport r, String name) {
        return r.quantity(name).orElseThrow(() -> new AssertionError("no quantity " + name)).value();
    }

    @Test
    void fixtureF0IsCertifiedWithTheSpecNumbers() {
        CertificateReport r = checker.assess(f0(OptionalDouble.empty()));
        assertThat(r.verdict()).as(r.reasons().toString()).isEqualTo(Verdict.CERTIFIED);
        assertThat(rel(q(r, "lambdaF"), 22.11821398)).isLessThan(PRINTED);
        assertThat(q(r, "normXF")).isCloseTo(2, within(1e-15));
        assertThat(q(r, "normX2")).isCloseTo(Math.sqrt(2), within(1e-14));
        assertThat(q(r, "r0")).isCloseTo(Math.sqrt(2), within(1e-15));
        Condition c4 = r.condition("cond4").orElseThrow();
        assertThat(rel(c4.lhs(), 489.2153895)).isLessThan(PRINTED);
        assertThat(rel(c4.rhs(), 470.627417)).isLessThan(PRINTED);
        assertThat(rel(c4.slack(), 0.9620045221)).isLessThan(PRINTED);
        assertThat(c4.binding()).startsWith("layer 2");
        Condition c5 = r.condition("cond5").orElseThrow();
        assertThat(rel(c5.lhs(), 10820.57067)).isLessThan(PRINTED);
        assertThat(rel(c5.slack(), 0.005914660324)).isLessThan(PRINTED);
        assertThat(rel(q(r, "alpha0"), 122.3038474)).isLessThan(PRINTED);
        assertThat(rel(q(r, "Q0"), 18903.81471)).isLessThan(PRINTED);
        assertThat(rel(q(r, "R"), 20.79898987)).isLessThan(PRINTED);
        assertThat(rel(q(r, "Q1"), 1.008256986)).isLessThan(PRINTED);
        assertThat(rel(r.stepSizeBound().getAsDouble(), 5.289937588e-5)).isLessThan(PRINTED);
        assertThat(r.lossBound()).isPresent();
        assertThat(r.rate().getAsDouble()).isCloseTo(1 - 0.99 * 5.289937588e-5 * 122.3038474, within(1e-9));
        // every reported number carries its origin
        assertThat(r.quantity("D1").orElseThrow().tag()).isEqualTo(Tag.DERIVED);
        assertThat(r.quantity("alpha0").orElseThrow().tag()).isEqualTo(Tag.PAPER);
        assertThat(r.notes()).anyMatch(n -> n.topic().equals("T0.1") && n.tag() == Tag.REPAIRED);
        assertThat(r.notes()).anyMatch(n -> n.tag() == Tag.HIDDEN);
    }

    @Test
    void givenStepAboveTheBoundIsNotCertified() {
        CertificateReport ok = checker.assess(f0(OptionalDouble.of(0.9 * 5.289937588e-5)));
        assertThat(ok.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(rel(ok.rate().getAsDouble(), 0.9941771825)).isLessThan(PRINTED);
        CertificateReport bad = checker.assess(f0(OptionalDouble.of(2 * 5.289937588e-5)));
        assertThat(bad.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
        assertThat(bad.condition("eta").orElseThrow().slack()).isCloseTo(2, within(1e-6));
        assertThat(bad.reasons()).anyMatch(s -> s.contains("eta") && s.contains("1/Q_0"));
    }

    @Test
    void lossReductionScalesTheStepSizeBound() {
        NetworkSpec spec = Ctx.mlp(2, new int[] {4, 1}, Acts.smoothRelu(0.5, 1.0));
        CertificateContext ctx = Ctx.of(new ReferenceBackend(), spec, Fixtures.x(), Fixtures.y(),
                Fixtures.weights(14), "gd", OptionalDouble.empty(), Axis.STEP, LossReduction.SUM);
        CertificateReport r = checker.assess(ctx);
        // SUM = ‖·‖² has gradient 2∇Φ: the optimizer's bound is half the paper's
        assertThat(r.stepSizeBound().getAsDouble()).isCloseTo(q(r, "etaMax") / 2, within(1e-18));
        assertThat(r.notes()).anyMatch(n -> n.topic().equals("loss reduction"));
    }

    @Test
    void smallerScaleFailsConditionFourAtLayerTwo() {
        NetworkSpec spec = Ctx.mlp(2, new int[] {4, 1}, Acts.smoothRelu(0.5, 1.0));
        CertificateReport r = checker.assess(Ctx.of(new ReferenceBackend(), spec, Fixtures.x(), Fixtures.y(),
                Fixtures.weights(3), OptionalDouble.empty()));
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
        assertThat(r.condition("cond4").orElseThrow().holds()).isFalse();
        assertThat(r.reasons()).anyMatch(s -> s.startsWith("cond4 (4) fails by a factor"));
        assertThat(r.lossBound()).isEmpty();
        assertThat(r.quantity("projectedN1")).isPresent();
        assertThat(r.quantity("projectedN1").orElseThrow().tag()).isEqualTo(Tag.EXTENSION);
        assertThat(r.quantity("projectedN1").orElseThrow().note()).contains("[heuristic]");
    }

    @Test
    void outsideTheTheoremIsInapplicableWithTheReason() {
        HostMatrix x = Ctx.sphere(6, 3, 1);
        HostMatrix y = Ctx.signs(6, 2);
        int[] widths = {8, 1};
        // ReLU: σ' not Lipschitz
        CertificateReport relu = checker.assess(Ctx.of(new ReferenceBackend(), Ctx.mlp(3, widths, Acts.relu()), x, y,
                Ctx.lecun(3, widths, 3), OptionalDouble.empty()));
        assertThat(relu.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(relu.reasons()).anyMatch(s -> s.contains("2.2(iii)"));
        // tanh: inf σ' = 0
        CertificateReport tanh = checker.assess(Ctx.of(new ReferenceBackend(), Ctx.mlp(3, widths, Acts.tanh()), x, y,
                Ctx.lecun(3, widths, 3), OptionalDouble.empty()));
        assertThat(tanh.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(tanh.reasons()).anyMatch(s -> s.contains("2.2(i)"));
        // width below N: Assumption 2.1, with the numbers still reported
        int[] narrow = {4, 1};
        CertificateReport w = checker.assess(Ctx.of(new ReferenceBackend(), Ctx.mlp(3, narrow,
                Acts.smoothRelu(0.5, 1)), x, y, Ctx.lecun(3, narrow, 3), OptionalDouble.empty()));
        assertThat(w.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(w.reasons()).anyMatch(s -> s.contains("n_1 = 4 < N = 6"));
        assertThat(q(w, "lambdaF")).isZero();
        // non-pyramidal widths after layer 2
        int[] up = {8, 2, 3, 1};
        CertificateReport pyr = checker.assess(Ctx.of(new ReferenceBackend(), Ctx.mlp(3, up, Acts.smoothRelu(0.5, 1)),
                x, y, Ctx.lecun(3, up, 3), OptionalDouble.empty()));
        assertThat(pyr.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(pyr.reasons()).anyMatch(s -> s.contains("n_2 = 2 < n_3 = 3"));
        // biases
        NetworkSpec biased = new NetworkSpec(3, List.of(LayerSpec.hidden(8, Acts.smoothRelu(0.5, 1)).withBias(true),
                LayerSpec.output(1)));
        CertificateReport b = checker.assess(Ctx.of(new ReferenceBackend(), biased, x, y, Ctx.lecun(3, widths, 3),
                OptionalDouble.empty()));
        assertThat(b.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(b.reasons()).anyMatch(s -> s.contains("bias"));
        // L = 1
        NetworkSpec linear = new NetworkSpec(3, List.of(LayerSpec.output(1)));
        CertificateReport one = checker.assess(Ctx.of(new ReferenceBackend(), linear, x, y, Ctx.lecun(3,
                new int[] {1}, 3), OptionalDouble.empty()));
        assertThat(one.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(one.reasons()).anyMatch(s -> s.contains("L >= 2"));
        // SGD
        CertificateReport sgd = checker.assess(Ctx.of(new ReferenceBackend(), Ctx.mlp(3, widths,
                Acts.smoothRelu(0.5, 1)), x, y, Ctx.lecun(3, widths, 3), "sgd", OptionalDouble.of(0.1), Axis.STEP,
                LossReduction.SUM_HALF));
        assertThat(sgd.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(sgd.reasons()).anyMatch(s -> s.contains("minibatch SGD"));
    }

    @Test
    void activationWithDeclaredPropertiesIsReadFromThem() {
        HostMatrix x = Ctx.sphere(6, 3, 1);
        HostMatrix y = Ctx.signs(6, 2);
        int[] widths = {30, 1};
        CertificateReport r = checker.assess(Ctx.of(new ReferenceBackend(), Ctx.mlp(3, widths,
                Acts.softplusLeaky(0.3)), x, y, Ctx.lecun(3, widths, 3), OptionalDouble.empty()));
        assertThat(r.verdict()).isIn(Verdict.CERTIFIED, Verdict.NOT_CERTIFIED);
        assertThat(q(r, "gamma")).isEqualTo(0.3);
        assertThat(q(r, "beta")).isCloseTo(0.7 / 4, within(1e-15));
        assertThat(r.quantity("gamma").orElseThrow().note()).contains("derivativeMin");
        // λ_* by quadrature, with its error estimate
        assertThat(r.quantity("lambdaStar").orElseThrow().note()).contains("Gauss-Hermite");
        assertThat(q(r, "lambdaStarError")).isLessThan(1e-6);
    }

    @Test
    void gradientFlowUsesTheFactorTwoExtension() {
        NetworkSpec spec = Ctx.mlp(2, new int[] {4, 1}, Acts.smoothRelu(0.5, 1.0));
        CertificateReport r = checker.assess(Ctx.of(new ReferenceBackend(), spec, Fixtures.x(), Fixtures.y(),
                Fixtures.weights(14), "flow", OptionalDouble.empty(), Axis.TIME, LossReduction.SUM_HALF));
        assertThat(r.verdict()).isEqualTo(Verdict.CERTIFIED);
        Condition c4 = r.condition("cond4").orElseThrow();
        assertThat(c4.tag()).isEqualTo(Tag.EXTENSION);
        assertThat(rel(c4.slack(), 0.9620045221 / 2)).isLessThan(PRINTED);
        assertThat(r.stepSizeBound()).isEmpty();
        assertThat(r.lossBound().orElseThrow().axis()).isEqualTo(Axis.TIME);
        assertThat(r.lossBound().orElseThrow().rate()).isCloseTo(2 * 122.3038474, within(1e-6));
    }

    @Test
    void float32BackendComputesInDoubleAndSaysTheMonitorCannotRun() {
        NetworkSpec spec = Ctx.mlp(2, new int[] {4, 1}, Acts.smoothRelu(0.5, 1.0));
        CertificateContext ctx = Ctx.of(new ReferenceBackend(Precision.FLOAT), spec, Fixtures.x(), Fixtures.y(),
                Fixtures.weights(14), OptionalDouble.empty());
        CertificateReport r = checker.assess(ctx);
        assertThat(r.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(rel(q(r, "alpha0"), 122.3038474)).isLessThan(PRINTED);
        assertThat(r.notes()).anyMatch(n -> n.topic().equals("float32"));
        var m = checker.monitor(r, ctx).orElseThrow();
        assertThat(m.checks()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(org.gdcert.core.train.MonitorCheck.Kind.INFO);
            assertThat(c.detail()).contains("float32").contains("§6.4");
        });
    }

    static double rel(double got, double want) {
        return Math.abs(got - want) / Math.abs(want);
    }
}
