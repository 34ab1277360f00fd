package org.gdcert.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.testing.TestActivations;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopReason;
import org.gdcert.core.train.StopRules;
import org.gdcert.core.train.TrainingResult;
import org.junit.jupiter.api.Test;

class ClarkeFlowTest {
    /** Spec §2.6 T-DI-1 acceptance: |w(5) − exact| < 1e-6 at rtol = 1e-8. */
    private static final double TDI1_TOL = 1e-6;

    private static ClarkeFlow clarke(double rtol, double atol, boolean everyStep, double... times) {
        return new ClarkeFlow(new ClarkeFlow.Settings(new GradientFlow.Settings(OdeMethod.DOPRI, rtol, atol, 0,
                Double.POSITIVE_INFINITY, times, everyStep), 1e-10, 0, true));
    }

    /** x1 = (1, 0), x2 = (1/2, √3/2), y = (−1, 2), w(0) = (0.1, 1), v = 1 frozen (spec §2.6 T-DI-1). */
    private static Fixtures.Case tdi1() {
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.hidden(1, Relus.relu()),
                LayerSpec.output(1).withTrainable(false)));
        HostMatrix x = HostMatrix.of(new double[][] {{1, 0}, {0.5, Math.sqrt(3) / 2}});
        HostMatrix y = HostMatrix.of(new double[][] {{-1}, {2}});
        HostMatrix w = HostMatrix.of(new double[][] {{0.1}, {1.0}});
        HostMatrix v = HostMatrix.of(new double[][] {{1}});
        return new Fixtures.Case(spec, x, y, List.of(w, v), Arrays.asList(null, null));
    }

    @Test
    void slidingModeMatchesTheExactSolutionOfTdi1() {
        // reference values of spec §2.6 (tdi1_sliding_mode.py)
        double ts = 0.188120508274;
        double[][] table = {{0.5, 1.406576994958, 0.805659246005}, {1, 1.688899764703, 0.644383204349},
            {2, 2.016297011011, 0.532216247509}, {5, 2.278508135513, 0.500357890182},
            {10, 2.308674544418, 0.500000197943}};
        try (Fixtures.Case c = tdi1()) {
            Capture cap = new Capture();
            TrainingResult r = clarke(1e-8, 1e-10, true, 0.5, 1, 2, 5, 10).train(c.problem(1), c.control(
                    StopRules.DEFAULT.withMaxTime(10).withMaxSteps(100_000), RecordSchedule.everyStep(1), Axis.TIME,
                    Double.NaN, cap));
            assertThat(r.reason()).isEqualTo(StopReason.MAX_TIME);
            for (double[] row : table) {
                Capture.Point pt = cap.at(row[0]);
                HostMatrix w = pt.weights().get(0);
                assertThat(w.get(0, 0)).as("w1(%g)", row[0]).isCloseTo(0, Offset.offset(1e-9));
                assertThat(w.get(1, 0)).as("w2(%g)", row[0]).isCloseTo(row[1], Offset.offset(TDI1_TOL));
                assertThat(pt.loss()).as("L(%g)", row[0]).isCloseTo(row[2], Offset.offset(TDI1_TOL));
            }
            // on the kink throughout phase 2: |z1| = |w1| <= tau = 1e-10·‖x1‖·‖w‖
            for (Capture.Point pt : cap.points) {
                if (pt.time() > ts + 1e-6) {
                    HostMatrix w = pt.weights().get(0);
                    double tau = 1e-10 * Math.hypot(w.get(0, 0), w.get(1, 0));
                    assertThat(Math.abs(w.get(0, 0))).as("z1 at t=%g", pt.time()).isLessThanOrEqualTo(tau);
                }
            }
            assertThat(r.counters()).containsEntry("events_crossing", 1L).containsEntry("sliding_pairs", 1L)
                    .containsEntry("kink_pairs", 1L).containsEntry("loss_increases", 0L);
        }
    }

    /** One sample x = 1, y = −1, w(0) = 1, v = 1 frozen: ẇ = −(w + 1) while w > 0, so w reaches the kink at ln 2. */
    private static Fixtures.Case single(org.gdcert.core.spi.Configured<org.gdcert.core.spi.Activation> act) {
        NetworkSpec spec = new NetworkSpec(1, List.of(LayerSpec.hidden(1, act), LayerSpec.output(1)
                .withTrainable(false)));
        return new Fixtures.Case(spec, HostMatrix.of(new double[][] {{1}}), HostMatrix.of(new double[][] {{-1}}),
                List.of(HostMatrix.of(new double[][] {{1}}), HostMatrix.of(new double[][] {{1}})),
                Arrays.asList(null, null));
    }

    @Test
    void leakyReluCrossesTheKinkTransversally() {
        double g = 0.1;
        double tc = Math.log(2);
        try (Fixtures.Case c = single(Relus.leakyrelu(g))) {
            Capture cap = new Capture();
            TrainingResult r = clarke(1e-10, 1e-12, false, 0.5, tc + 0.5, 3, 10).train(c.problem(1), c.control(
                    StopRules.DEFAULT.withMaxTime(10).withMaxSteps(100_000), RecordSchedule.everyStep(1), Axis.TIME,
                    Double.NaN, cap));
            assertThat(r.reason()).isEqualTo(StopReason.MAX_TIME);
            assertThat(cap.at(0.5).weights().get(0).get(0, 0)).isCloseTo(-1 + 2 * Math.exp(-0.5), Offset.offset(1e-8));
            for (double t : new double[] {tc + 0.5, 3, 10}) {
                double exact = -1 / g + (1 / g) * Math.exp(-g * g * (t - tc));
                assertThat(cap.at(t).weights().get(0).get(0, 0)).as("w(%g)", t).isCloseTo(exact, Offset.offset(1e-8));
            }
            assertThat(r.counters()).containsEntry("events_crossing", 1L).containsEntry("sliding_pairs", 0L);
        }
    }

    @Test
    void reluReachesTheKinkInFiniteTimeAndStaysThere() {
        try (Fixtures.Case c = single(Relus.relu())) {
            Capture cap = new Capture();
            TrainingResult r = clarke(1e-10, 1e-12, false, 0.5, 3).train(c.problem(1), c.control(
                    StopRules.DEFAULT.withMaxTime(3).withMaxSteps(100_000), RecordSchedule.everyStep(1), Axis.TIME,
                    Double.NaN, cap));
            assertThat(cap.at(0.5).weights().get(0).get(0, 0)).isCloseTo(-1 + 2 * Math.exp(-0.5), Offset.offset(1e-8));
            assertThat(Math.abs(cap.at(3).weights().get(0).get(0, 0))).isLessThanOrEqualTo(1e-10);
            assertThat(r.finalLoss()).isCloseTo(0.5, Offset.offset(1e-9));
            assertThat(r.counters()).containsEntry("kink_pairs", 1L).containsEntry("sliding_pairs", 1L);
        }
    }

    @Test
    void lossLevelIsAnEventOnTheSlidingArc() {
        // phase 2 of T-DI-1: L = 1/2 + (z2 − 2)²/2 with z2 = (√3/2) w2 and w2 relaxing to 4/√3 at rate 3/4
        double ts = 0.188120508274;
        double w2s = 1.168655504978;
        double w2inf = 4 / Math.sqrt(3);
        double level = 0.6;
        double w2 = (2 - Math.sqrt(2 * (level - 0.5))) / (Math.sqrt(3) / 2);
        double tExact = ts + Math.log((w2s - w2inf) / (w2 - w2inf)) / 0.75;
        try (Fixtures.Case c = tdi1()) {
            TrainingResult r = clarke(1e-10, 1e-12, false).train(c.problem(1), c.control(StopRules.DEFAULT
                    .withLossBelow(level).withMaxSteps(100_000), RecordSchedule.everyStep(1), Axis.TIME, Double.NaN));
            assertThat(r.reason()).isEqualTo(StopReason.LOSS_BELOW);
            assertThat(r.time()).isCloseTo(tExact, Offset.offset(1e-7));
            assertThat(r.finalLoss()).isCloseTo(level, Offset.offset(1e-8));
        }
    }

    @Test
    void networksOtherThanTwoLayerReluAreRefusedWithAMessage() {
        NetworkSpec tanh = new NetworkSpec(2, List.of(LayerSpec.hidden(3, TestActivations.configured("tanh",
                TestActivations.TANH)), LayerSpec.output(1)));
        try (Fixtures.Case c = Fixtures.random(tanh, 4, 1, 1)) {
            assertThatThrownBy(() -> clarke(1e-6, 1e-9, false).train(c.problem(1), c.control(StopRules.DEFAULT,
                    RecordSchedule.everyStep(1), Axis.TIME, Double.NaN)))
                    .hasMessageContaining("clarke").hasMessageContaining("not piecewise linear")
                    .hasMessageContaining("train flow");
        }
        NetworkSpec deep = new NetworkSpec(2, List.of(LayerSpec.hidden(3, Relus.relu()), LayerSpec.hidden(3,
                Relus.relu()), LayerSpec.output(1)));
        try (Fixtures.Case c = Fixtures.random(deep, 4, 1, 1)) {
            assertThatThrownBy(() -> clarke(1e-6, 1e-9, false).train(c.problem(1), c.control(StopRules.DEFAULT,
                    RecordSchedule.everyStep(1), Axis.TIME, Double.NaN)))
                    .hasMessageContaining("two-layer").hasMessageContaining("3 weight layers");
        }
    }

    @Test
    void zerosMonitorShowsThePairArrivingOnTheKink() {
        try (Fixtures.Case c = tdi1()) {
            var zeros = new org.gdcert.optimizers.monitors.ZerosMonitorProvider().configureDefaults().instance();
            clarke(1e-8, 1e-10, false, 0.1, 0.18, 0.19, 0.5, 1).train(c.problem(1), c.control(StopRules.DEFAULT
                    .withMaxTime(1).withMaxSteps(100_000), RecordSchedule.everyStep(1), Axis.TIME, Double.NaN, zeros));
            // rows: t = 0, 0.1, 0.18 (before t_s = 0.18812), 0.19, 0.5, 1 (after): column "zeros" is index 5
            assertThat(c.rows).extracting(r -> r[1]).containsExactly(0.0, 0.1, 0.18, 0.19, 0.5, 1.0);
            assertThat(c.rows).extracting(r -> r[5]).containsExactly(0.0, 0.0, 0.0, 1.0, 1.0, 1.0);
        }
    }

    @Test
    void fixedSelectionGdChattersAcrossTheSlidingSurfaceWithAmplitudeOfOrderEta() {
        // spec §2.6: σ'(0) = 0 with explicit steps: z1 ≈ −6e-5 at h = 1e-3 and ≈ −8e-4 at h = 1e-2
        double[] z1 = new double[2];
        double[] etas = {1e-2, 1e-3};
        for (int e = 0; e < 2; e++) {
            try (Fixtures.Case c = tdi1()) {
                new GradientDescent(etas[e]).train(c.problem(1), c.control(StopRules.DEFAULT.withMaxSteps(
                        Math.round(5 / etas[e])), RecordSchedule.everyStep(1_000_000), Axis.STEP, etas[e]));
                z1[e] = c.weight(1).get(0, 0);
                assertThat(c.weight(1).get(1, 0)).isCloseTo(2.278508135513, Offset.offset(20 * etas[e]));
            }
        }
        assertThat(z1[0]).isCloseTo(-8e-4, Offset.offset(2e-4));
        assertThat(z1[1]).isCloseTo(-6e-5, Offset.offset(2e-5));
    }

    @Test
    void twoPairsOfOneNeuronReachTheirKinksAndStayWhileTheThirdConverges() {
        // x_i = e_i, y = (−1, −1, 2), v = 1 frozen, w(0) = (0.3, 0.2, 1): w_i = y_i + (w_i(0) − y_i)e^{−t} while
        // z_i > 0, so z2 reaches its kink at ln 1.2 and z1 at ln 1.3 and both stay there; w3 → 2
        NetworkSpec spec = new NetworkSpec(3, List.of(LayerSpec.hidden(1, Relus.relu()), LayerSpec.output(1)
                .withTrainable(false)));
        HostMatrix x = HostMatrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        HostMatrix y = HostMatrix.of(new double[][] {{-1}, {-1}, {2}});
        try (Fixtures.Case c = new Fixtures.Case(spec, x, y, List.of(HostMatrix.of(new double[][] {{0.3}, {0.2}, {1}}),
                HostMatrix.of(new double[][] {{1}})), Arrays.asList(null, null))) {
            Capture cap = new Capture();
            TrainingResult r = clarke(1e-10, 1e-12, false, 0.1, 0.2, 1, 3).train(c.problem(1), c.control(
                    StopRules.DEFAULT.withMaxTime(3).withMaxSteps(100_000), RecordSchedule.everyStep(1), Axis.TIME,
                    Double.NaN, cap));
            assertThat(r.reason()).isEqualTo(StopReason.MAX_TIME);
            HostMatrix w01 = cap.at(0.1).weights().get(0);
            assertThat(w01.get(0, 0)).isCloseTo(-1 + 1.3 * Math.exp(-0.1), Offset.offset(1e-8));
            assertThat(w01.get(1, 0)).isCloseTo(-1 + 1.2 * Math.exp(-0.1), Offset.offset(1e-8));
            HostMatrix w02 = cap.at(0.2).weights().get(0);
            assertThat(w02.get(0, 0)).isCloseTo(-1 + 1.3 * Math.exp(-0.2), Offset.offset(1e-8));
            assertThat(Math.abs(w02.get(1, 0))).isLessThanOrEqualTo(1e-10);
            for (double t : new double[] {1, 3}) {
                HostMatrix w = cap.at(t).weights().get(0);
                assertThat(Math.abs(w.get(0, 0))).isLessThanOrEqualTo(1e-10);
                assertThat(Math.abs(w.get(1, 0))).isLessThanOrEqualTo(1e-10);
                assertThat(w.get(2, 0)).isCloseTo(2 - Math.exp(-t), Offset.offset(1e-8));
            }
            assertThat(r.counters()).containsEntry("sliding_pairs", 2L).containsEntry("kink_pairs", 2L)
                    .containsEntry("events_crossing", 2L);
        }
    }
}
