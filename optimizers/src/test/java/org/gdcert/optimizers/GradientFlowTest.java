package org.gdcert.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.testing.TestActivations;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopReason;
import org.gdcert.core.train.StopRules;
import org.gdcert.core.train.TrainingResult;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class GradientFlowTest {
    /** Global error allowed per unit of requested local tolerance (error accumulates over steps). */
    private static final double GLOBAL_FACTOR = 10;

    private static final int N = 8;
    private static final int D = 4;
    private static final int K = 2;

    /** Exact gradient flow of Φ = ½‖XW − Y‖²: W(t) = W0 − Q diag((1 − e^{−λt})/λ) Qᵀ Xᵀ(XW0 − Y). */
    private static final class LinearFlow {
        final RealMatrix q;
        final double[] lambda;
        final RealMatrix g0;
        final RealMatrix w0;
        final RealMatrix x;
        final RealMatrix y;

        LinearFlow(Fixtures.Case c) {
            x = MatrixUtils.createRealMatrix(toArray(c.x));
            y = MatrixUtils.createRealMatrix(toArray(c.y));
            w0 = MatrixUtils.createRealMatrix(toArray(c.w0.get(0)));
            EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(x.transpose().multiply(x));
            q = eig.getV();
            lambda = eig.getEigenvalues();
            g0 = x.transpose().multiply(x.multiply(w0).subtract(y));
        }

        RealMatrix w(double t) {
            RealMatrix m = q.transpose().multiply(g0);
            for (int i = 0; i < lambda.length; i++) {
                double f = lambda[i] * t < 1e-8 ? t : -Math.expm1(-lambda[i] * t) / lambda[i];
                for (int j = 0; j < m.getColumnDimension(); j++) {
                    m.multiplyEntry(i, j, f);
                }
            }
            return w0.subtract(q.multiply(m));
        }

        double loss(double t) {
            RealMatrix r = x.multiply(w(t)).subtract(y);
            double f = r.getFrobeniusNorm();
            return 0.5 * f * f;
        }
    }

    private static double[][] toArray(HostMatrix m) {
        double[][] a = new double[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                a[i][j] = m.get(i, j);
            }
        }
        return a;
    }

    private static double maxErr(HostMatrix w, RealMatrix exact) {
        double e = 0;
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) {
                e = Math.max(e, Math.abs(w.get(i, j) - exact.getEntry(i, j)));
            }
        }
        return e;
    }

    private static GradientFlow flow(String method, double rtol, double atol, double... times) {
        return new GradientFlow(new GradientFlow.Settings(OdeMethod.of(method), rtol, atol, 0,
                Double.POSITIVE_INFINITY, times, false));
    }

    private static TrainingResult run(Fixtures.Case c, GradientFlow f, StopRules rules, Capture cap) {
        return f.train(c.problem(1), c.control(rules, RecordSchedule.everyStep(1), Axis.TIME, Double.NaN, cap));
    }

    @Test
    void linearNetworkMatchesTheClosedFormToTheRequestedTolerance() {
        double[] outs = {0.25, 0.5, 1, 2, 3};
        for (String method : OdeMethod.NAMES) {
            double previous = Double.POSITIVE_INFINITY;
            for (double tol : new double[] {1e-6, 1e-8, 1e-10}) {
                try (Fixtures.Case c = Fixtures.random(Fixtures.linear(D, K), N, 21, 1)) {
                    LinearFlow exact = new LinearFlow(c);
                    Capture cap = new Capture();
                    TrainingResult r = run(c, flow(method, tol, tol, outs), StopRules.DEFAULT.withMaxTime(3)
                            .withMaxSteps(1_000_000), cap);
                    assertThat(r.reason()).isEqualTo(StopReason.MAX_TIME);
                    assertThat(r.time()).isEqualTo(3.0);
                    double worst = 0;
                    for (double t : outs) {
                        RealMatrix w = exact.w(t);
                        double scale = Math.max(1, maxAbs(w));
                        double err = maxErr(cap.at(t).weights().get(0), w);
                        assertThat(err).as("%s tol %g at t=%g", method, tol, t)
                                .isLessThanOrEqualTo(GLOBAL_FACTOR * tol * scale);
                        assertThat(cap.at(t).loss()).isCloseTo(exact.loss(t),
                                org.assertj.core.data.Offset.offset(GLOBAL_FACTOR * tol * Math.max(1, exact.loss(t))));
                        worst = Math.max(worst, err);
                    }
                    // the error follows the tolerance: tighter tolerances give smaller errors
                    assertThat(worst).as("%s tol %g", method, tol).isLessThan(previous);
                    previous = worst;
                    assertThat(r.gradientEvaluations()).isEqualTo(r.counters().get("rhs_evaluations")).isPositive();
                }
            }
        }
    }

    private static double maxAbs(RealMatrix m) {
        double v = 0;
        for (double[] row : m.getData()) {
            for (double e : row) {
                v = Math.max(v, Math.abs(e));
            }
        }
        return v;
    }

    @Test
    void lossLevelStopsAtTheCrossingLocatedAsAnEvent() {
        try (Fixtures.Case c = Fixtures.random(Fixtures.linear(D, K), N, 21, 1)) {
            LinearFlow exact = new LinearFlow(c);
            double level = 0.5 * (exact.loss(1.5) + exact.loss(1.6));
            double tExact = new BrentSolver(1e-14).solve(200, t -> exact.loss(t) - level, 1.5, 1.6);
            Capture cap = new Capture();
            TrainingResult r = run(c, flow("dopri", 1e-10, 1e-12), StopRules.DEFAULT.withLossBelow(level)
                    .withMaxSteps(1_000_000), cap);
            assertThat(r.reason()).isEqualTo(StopReason.LOSS_BELOW);
            assertThat(r.finalLoss()).isLessThanOrEqualTo(level).isCloseTo(level,
                    org.assertj.core.data.Offset.offset(1e-8 * level));
            assertThat(r.time()).isCloseTo(tExact, org.assertj.core.data.Offset.offset(1e-7));
            assertThat(cap.points.get(cap.points.size() - 1).time()).isEqualTo(r.time());
        }
    }

    @Test
    void residualLevelIsTheSameEvent() {
        try (Fixtures.Case c = Fixtures.random(Fixtures.linear(D, K), N, 21, 1)) {
            double y2 = 0;
            for (double v : c.y.data()) {
                y2 += v * v;
            }
            LinearFlow exact = new LinearFlow(c);
            double rel = Math.sqrt(2 * exact.loss(1.0) / y2);
            TrainingResult r = run(c, flow("dopri", 1e-10, 1e-12), StopRules.DEFAULT.withResidualBelow(rel)
                    .withMaxSteps(1_000_000), new Capture());
            assertThat(r.reason()).isEqualTo(StopReason.RESIDUAL_BELOW);
            assertThat(r.time()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    private static NetworkSpec smoothNet() {
        return new NetworkSpec(3, List.of(LayerSpec.hidden(6, TestActivations.configured("wiggle",
                TestActivations.WIGGLE)), LayerSpec.output(2)));
    }

    @Test
    void twoLayerFlowIsTheLimitOfGdWithErrorLinearInEta() {
        double t = 1.0;
        HostMatrix[] flowW;
        try (Fixtures.Case c = Fixtures.random(smoothNet(), 6, 31, 1)) {
            run(c, flow("dop853", 1e-12, 1e-14), StopRules.DEFAULT.withMaxTime(t).withMaxSteps(1_000_000), new Capture());
            flowW = new HostMatrix[] {c.weight(1), c.weight(2)};
        }
        double[] etas = {0.001, 0.0005, 0.00025, 0.000125};
        double[] errs = new double[etas.length];
        for (int e = 0; e < etas.length; e++) {
            try (Fixtures.Case c = Fixtures.random(smoothNet(), 6, 31, 1)) {
                long k = Math.round(t / etas[e]);
                new GradientDescent(etas[e]).train(c.problem(1), c.control(StopRules.DEFAULT.withMaxSteps(k),
                        RecordSchedule.everyStep(1000), Axis.STEP, etas[e]));
                errs[e] = Math.max(Fixtures.maxAbsDiff(c.weight(1), flowW[0]), Fixtures.maxAbsDiff(c.weight(2), flowW[1]));
            }
        }
        assertThat(errs[0]).isPositive().isLessThan(0.05);
        for (int e = 1; e < etas.length; e++) {
            // first order: halving η halves the error
            assertThat(errs[e - 1] / errs[e]).as("error ratio at η = %g", etas[e]).isBetween(1.9, 2.1);
        }
    }

    @Test
    void maxStepsCountsAcceptedStepsAndEveryStepRecordsEach() {
        try (Fixtures.Case c = Fixtures.random(smoothNet(), 6, 31, 1)) {
            Capture cap = new Capture();
            GradientFlow f = new GradientFlow(new GradientFlow.Settings(OdeMethod.DOPRI, 1e-8, 1e-10, 0,
                    Double.POSITIVE_INFINITY, new double[0], true));
            TrainingResult r = run(c, f, StopRules.DEFAULT.withMaxSteps(25), cap);
            assertThat(r.reason()).isEqualTo(StopReason.MAX_STEPS);
            assertThat(r.steps()).isEqualTo(25);
            assertThat(cap.points).extracting(Capture.Point::step).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(0, 25).boxed().toList());
            // strictly increasing times, and the loss never increases along a gradient flow
            for (int i = 1; i < cap.points.size(); i++) {
                assertThat(cap.points.get(i).time()).isGreaterThan(cap.points.get(i - 1).time());
                assertThat(cap.points.get(i).loss()).isLessThanOrEqualTo(cap.points.get(i - 1).loss());
            }
        }
    }

    @Test
    void scheduleTimesAndPeriodAreRecordedExactly() {
        try (Fixtures.Case c = Fixtures.random(smoothNet(), 6, 31, 1)) {
            Capture cap = new Capture();
            GradientFlow f = flow("dopri", 1e-8, 1e-10, 0.33);
            f.train(c.problem(1), c.control(StopRules.DEFAULT.withMaxTime(2).withMaxSteps(100000),
                    RecordSchedule.everyStep(1).withEveryTime(0.5).withTimes(1.25), Axis.TIME, Double.NaN, cap));
            assertThat(cap.points).extracting(Capture.Point::time).containsExactly(0.0, 0.33, 0.5, 1.0, 1.25, 1.5, 2.0);
        }
    }

    @Test
    void minStepAboveWhatTheToleranceNeedsStallsWithAMessage() {
        try (Fixtures.Case c = Fixtures.random(smoothNet(), 6, 31, 1)) {
            GradientFlow f = new GradientFlow(new GradientFlow.Settings(OdeMethod.DOPRI, 1e-12, 1e-14, 0.5,
                    Double.POSITIVE_INFINITY, new double[0], false));
            Capture cap = new Capture();
            TrainingResult r = run(c, f, StopRules.DEFAULT.withMaxTime(10), cap);
            assertThat(r.reason()).isEqualTo(StopReason.STALLED);
            assertThat(r.message()).contains("stalled");
            assertThat(cap.points.get(cap.points.size() - 1).time()).isEqualTo(r.time());
        }
    }

    @Test
    void providerValidatesAndReportsTimeAxis() {
        GradientFlowProvider p = new GradientFlowProvider();
        assertThat(p.axis()).isEqualTo(Axis.TIME);
        var f = p.configure(List.of(Argument.named("rtol", 1e-9), Argument.named("method", "dop853"),
                Argument.named("times", new ParamValue.ListValue(List.of(ParamValue.Num.of(1), ParamValue.Num.of(2))))));
        assertThat(f.instance().axis()).isEqualTo(Axis.TIME);
        assertThat(f.instance().stepSize()).isEmpty();
        assertThat(GradientFlowProvider.settings(f.params()).times()).containsExactly(1, 2);
    }
}
