package org.gdcert.certificates.nguyen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.gdcert.certificates.testing.Acts;
import org.gdcert.certificates.testing.Ctx;
import org.gdcert.certificates.testing.Fixtures;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.testing.ReferenceBackend;
import org.junit.jupiter.api.Test;

class NguyenReluTest {
    private static final double PRINTED = 2e-9;

    private static CertificateReport f1(double[] c, OptionalDouble eta) {
        NetworkSpec spec = Ctx.mlp(2, new int[] {4, 1}, Acts.relu());
        return new NguyenRelu(1e-9, 0, c, false, true, 10, 0).assess(Ctx.of(new ReferenceBackend(), spec,
                Fixtures.x(), Fixtures.y(), Fixtures.weights(20), eta));
    }

    static double q(CertificateReport r, String name) {
        return r.quantity(name).orElseThrow(() -> new AssertionError("no quantity " + name)).value();
    }

    /** Fixture F1 of spec §4 (fixtures.py fixture001). */
    @Test
    void fixtureF1IsCertifiedWithTheSpecNumbers() {
        CertificateReport r = f1(new double[] {20, 3.5}, OptionalDouble.empty());
        assertThat(r.verdict()).as(r.reasons().toString()).isEqualTo(Verdict.CERTIFIED);
        assertThat(rel(q(r, "alpha0"), 28.28427125)).isLessThan(PRINTED);
        assertThat(q(r, "lambdaBar1")).isCloseTo(20 * Math.sqrt(2) + 20, within(1e-12));
        assertThat(q(r, "lambdaBar2")).isCloseTo(3.5, within(1e-15));
        Condition c7 = r.condition("cond7").orElseThrow();
        assertThat(rel(c7.rhs(), 624.3133371)).isLessThan(PRINTED);
        assertThat(rel(c7.lhs(), 800)).isLessThan(1e-14);
        assertThat(rel(c7.slack(), 0.7803916714)).isLessThan(PRINTED);
        Condition c8 = r.condition("cond8").orElseThrow();
        assertThat(rel(c8.rhs(), 633.5676759)).isLessThan(PRINTED);
        assertThat(rel(c8.lhs(), 22627.417)).isLessThan(1e-8);
        assertThat(rel(c8.slack(), 0.028)).isLessThan(1e-8);
        Condition c9 = r.condition("cond9").orElseThrow();
        assertThat(c9.rhs()).isCloseTo(784, within(1e-9));
        assertThat(c9.slack()).isCloseTo(0.98, within(1e-12));
        assertThat(c9.tag()).isEqualTo(Tag.REPAIRED);
        assertThat(rel(r.stepSizeBound().getAsDouble(), 5.575725584e-7)).isLessThan(PRINTED);
        assertThat(q(r, "etaMax")).isLessThan(8 / 800.0); // the 8/α_0² = 0.01 term does not bind
        CertificateReport at = f1(new double[] {20, 3.5}, OptionalDouble.of(0.9 * 5.575725584e-7));
        assertThat(at.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(rel(at.rate().getAsDouble(), 0.99994982)).isLessThan(1e-8);
        assertThat(q(r, "reluDerivAtZero")).isZero();
    }

    /** T1.2: the corrected (9) decides; the printed form is only reported. */
    @Test
    void correctedConditionNineIsUsedAndTheLiteralOneIsReportedAsSuch() {
        // C_2 = 5: slack (9) = 0.08·λ̄_2² = 2 fails; the printed form is smaller by λ̄_1 = 48.28 and would pass
        CertificateReport r = f1(new double[] {20, 5}, OptionalDouble.empty());
        assertThat(r.condition("cond7").orElseThrow().holds()).isTrue();
        assertThat(r.condition("cond8").orElseThrow().holds()).isTrue();
        Condition c9 = r.condition("cond9").orElseThrow();
        assertThat(c9.slack()).isCloseTo(2, within(1e-12));
        assertThat(c9.holds()).isFalse();
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
        assertThat(r.reasons()).singleElement().satisfies(s -> assertThat(s).startsWith("cond9 (9) fails by a "
                + "factor 2"));
        double literal = q(r, "slack9Literal");
        assertThat(literal).isCloseTo(2 / (20 * Math.sqrt(2) + 20), within(1e-12));
        assertThat(literal).isLessThan(1);
        assertThat(r.quantity("slack9Literal").orElseThrow().note()).contains("NOT sufficient");
        assertThat(r.notes()).anyMatch(n -> n.topic().equals("T1.2") && n.tag() == Tag.REPAIRED);
    }

    /** D1: for L = 2, (7)–(9) are (16)–(18), and (18) matches only the squared (9). */
    @Test
    void depthTwoReducesToSixteenToEighteen() {
        double[] s = {0, 3.7, 0.4};
        double[] c = {0, 1.3, 0.6};
        N21Bounds b = N21Bounds.of(2, 5, 2.5, 9, s, c);
        double lb1 = 5.0;
        double lb2 = 1.0;
        assertThat(b.rhs7()).isCloseTo(16 * 5 * Math.max(lb2 / 1.3, lb1 / 0.6) * 2.5, within(1e-9));
        assertThat(b.rhs8()).isCloseTo(32 * 25 * lb2 * 2.5, within(1e-9));
        assertThat(b.rhs9()).isCloseTo(16 * 25 * lb2 * lb2, within(1e-9));
        assertThat(b.rhs9Literal()).isCloseTo(16 * 25 * lb2 * lb2 / lb1, within(1e-9));
        assertThat(b.etaMax()).isCloseTo(Math.min(8 / 81.0, lb2 * lb2 / (25 * Math.pow(lb1 * lb1 + lb2 * lb2, 2))),
                within(1e-15));
        // identities of §2.4
        assertThat(b.slack7()).isCloseTo(Math.max(b.layerSlack(1), b.layerSlack(2)), within(1e-12 * b.slack7()));
        assertThat(b.slack8()).isCloseTo(b.featureSlack(), within(1e-12 * b.slack8()));
        assertThat(b.slack9()).isCloseTo(16 * b.q2() / 81, within(1e-12 * b.slack9()));
    }

    /** D2: the §3.1 scaling: the slacks decrease in β, and β_min is where the worst slack reaches 1. */
    @Test
    void minimalBetaOfTheScaledInit() {
        HostMatrix x = Ctx.sphere(20, 5, 4);
        HostMatrix y = Ctx.signs(20, 5);
        int[] widths = {30, 40, 1};
        CertificateReport r = new NguyenRelu(1e-9, 0, new double[0], false, false, 10, 0).assess(Ctx.of(
                new ReferenceBackend(), Ctx.mlp(5, widths, Acts.relu()), x, y, Ctx.lecun(5, widths, 6),
                OptionalDouble.empty()));
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
        double beta = q(r, "minimalBeta");
        double[] s = {0, q(r, "specNorm1"), q(r, "specNorm2"), q(r, "specNorm3")};
        double a0 = q(r, "alpha0");
        double xf = x.frobeniusNorm();
        double yf = y.frobeniusNorm();
        assertThat(NguyenRelu.betaScaled(3, xf, yf, a0, s, beta).worstSlack()).isLessThanOrEqualTo(1);
        assertThat(NguyenRelu.betaScaled(3, xf, yf, a0, s, 0.99 * beta).worstSlack()).isGreaterThan(1);
        double prev = Double.POSITIVE_INFINITY;
        for (double t = 0.1 * beta; t < 10 * beta; t *= 1.5) {
            double w = NguyenRelu.betaScaled(3, xf, yf, a0, s, t).worstSlack();
            assertThat(w).isLessThan(prev);
            prev = w;
        }
        // optimised C never does worse than C = 1
        assertThat(q(r, "optimizedWorstSlack")).isLessThanOrEqualTo(Math.max(r.condition("cond7").orElseThrow()
                .slack(), Math.max(r.condition("cond8").orElseThrow().slack(), r.condition("cond9").orElseThrow()
                        .slack())));
    }

    @Test
    void leakyReluIsTheDerivedExtensionAndTanhIsNot() {
        HostMatrix x = Ctx.sphere(6, 3, 1);
        HostMatrix y = Ctx.signs(6, 2);
        int[] widths = {8, 1};
        NguyenRelu checker = new NguyenRelu(1e-9, 0, new double[0], false, true, 10, 0);
        CertificateReport leaky = checker.assess(Ctx.of(new ReferenceBackend(), Ctx.mlp(3, widths, Acts.leaky(0.1)),
                x, y, Ctx.lecun(3, widths, 3), OptionalDouble.empty()));
        assertThat(leaky.verdict()).isIn(Verdict.CERTIFIED, Verdict.NOT_CERTIFIED);
        assertThat(leaky.condition("cond7").orElseThrow().tag()).isEqualTo(Tag.EXTENSION);
        assertThat(leaky.notes()).anyMatch(n -> n.tag() == Tag.EXTENSION && n.text().contains("not ReLU"));
        CertificateReport narrow = checker.assess(Ctx.of(new ReferenceBackend(), Ctx.mlp(3, new int[] {4, 1},
                Acts.relu()), x, y, Ctx.lecun(3, new int[] {4, 1}, 3), OptionalDouble.empty()));
        assertThat(narrow.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(narrow.reasons()).anyMatch(s -> s.contains("n_1 = 4 < N = 6"));
        NetworkSpec softplusNet = Ctx.mlp(3, widths, new org.gdcert.core.spi.Configured<>("softplus",
                org.gdcert.core.spi.ValidatedParams.empty(), org.gdcert.core.testing.TestActivations.SOFTPLUS));
        CertificateReport sp = checker.assess(Ctx.of(new ReferenceBackend(), softplusNet, x, y,
                Ctx.lecun(3, widths, 3), OptionalDouble.empty()));
        assertThat(sp.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(sp.reasons()).singleElement().satisfies(s -> assertThat(s).contains("σ(0) = 0"));
        CertificateReport badC = new NguyenRelu(1e-9, 0, new double[] {1, 2, 3}, false, true, 10, 0).assess(
                Ctx.of(new ReferenceBackend(), Ctx.mlp(3, widths, Acts.relu()), x, y, Ctx.lecun(3, widths, 3),
                        OptionalDouble.empty()));
        assertThat(badC.verdict()).isEqualTo(Verdict.INAPPLICABLE);
        assertThat(badC.reasons()).singleElement().satisfies(s -> assertThat(s).contains("one per layer"));
    }

    @Test
    void optimizeCertifiesWhenSomeConstantsWould() {
        // F1 with C = 1 fails; any C > 0 is a valid instance of the theorem, and C = (20, 3.5) passes
        CertificateReport fixed = f1(new double[] {1}, OptionalDouble.empty());
        assertThat(fixed.verdict()).isEqualTo(Verdict.NOT_CERTIFIED);
        NetworkSpec spec = Ctx.mlp(2, new int[] {4, 1}, Acts.relu());
        CertificateReport opt = new NguyenRelu(1e-9, 0, new double[] {1}, true, true, 10, 0).assess(Ctx.of(
                new ReferenceBackend(), spec, Fixtures.x(), Fixtures.y(), Fixtures.weights(20),
                OptionalDouble.empty()));
        assertThat(opt.verdict()).isEqualTo(Verdict.CERTIFIED);
        assertThat(opt.quantity("C1").orElseThrow().note()).contains("optimised");
        assertThat(List.of(q(opt, "C1"), q(opt, "C2"))).allMatch(v -> v > 0);
    }

    static double rel(double got, double want) {
        return Math.abs(got - want) / Math.abs(want);
    }
}
