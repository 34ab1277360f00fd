package org.gdcert.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopRules;
import org.gdcert.core.train.TrainingResult;
import org.junit.jupiter.api.Test;

/**
 * Gradient descent with the fixed selection σ'(0) = 0 (the network engine's ReLU) chatters across
 * sliding surfaces, but its iterates still converge to the Clarke flow at the rate O(η): an
 * independent check of crossings, sliding and selection on an under-parameterized W-only net
 * (seed 004's setup S2) where the flow ends with a pair sliding on its kink.
 */
class ClarkeVsGdTest {
    /** err(η) ≤ C·η observed with C ≈ 0.27 at η = 1e-3 (chattering makes the error erratic, not smooth). */
    private static final double RATE_CONSTANT = 0.5;

    static Fixtures.Case setupS2(int n, int d0, int d1, long seed) {
        NetworkSpec spec = new NetworkSpec(d0, List.of(LayerSpec.hidden(d1, Relus.relu()), LayerSpec.output(1)
                .withTrainable(false)));
        Rng rng = Rng.of(seed);
        HostMatrix x = new HostMatrix(n, d0);
        rng.stream("x").fillGaussian(x.data(), 1);
        HostMatrix y = new HostMatrix(n, 1);
        int[] perm = rng.stream("y").permutation(n);
        for (int i = 0; i < n; i++) {
            y.data()[perm[i]] = i < n / 2 ? -1 : 1;
        }
        HostMatrix w = new HostMatrix(d0, d1);
        rng.stream("w").fillGaussian(w.data(), 1);
        HostMatrix v = new HostMatrix(d1, 1);
        for (int j = 0; j < d1; j++) {
            v.data()[j] = (j % 2 == 0 ? 1 : -1) / Math.sqrt(d1);
        }
        return new Fixtures.Case(spec, x, y, List.of(w, v), Arrays.asList(null, null));
    }

    @Test
    void gdWithFixedSelectionConvergesToTheClarkeFlowLinearlyInEta() {
        double t = 20;
        HostMatrix wc;
        try (Fixtures.Case c = setupS2(12, 3, 4, 3)) {
            TrainingResult r = new ClarkeFlow(new ClarkeFlow.Settings(new GradientFlow.Settings(OdeMethod.DOPRI, 1e-10,
                    1e-12, 0, Double.POSITIVE_INFINITY, new double[0], false), 1e-10, 0, true)).train(c.problem(1),
                    c.control(StopRules.DEFAULT.withMaxTime(t).withMaxSteps(1_000_000), RecordSchedule.everyStep(1),
                            Axis.TIME, Double.NaN));
            // the case exercises crossings and a sliding mode
            assertThat(r.counters().get("events_crossing")).isGreaterThanOrEqualTo(3);
            assertThat(r.counters().get("sliding_pairs")).isPositive();
            assertThat(r.counters().get("loss_increases")).isZero();
            wc = c.weight(1);
        }
        for (double eta : new double[] {1e-3, 2.5e-4, 1.25e-4}) {
            try (Fixtures.Case c = setupS2(12, 3, 4, 3)) {
                new GradientDescent(eta).train(c.problem(1), c.control(StopRules.DEFAULT.withMaxSteps(Math.round(t / eta)),
                        RecordSchedule.everyStep(1_000_000), Axis.STEP, eta));
                assertThat(Fixtures.maxAbsDiff(c.weight(1), wc)).as("η = %g", eta).isLessThanOrEqualTo(RATE_CONSTANT * eta);
            }
        }
    }

    @Test
    void underParameterizedSetupS2EndsWithPreactivationsOnTheirKinks() {
        // seed 004's observation (Figures 2b, 3b): at d0·d1 = N the trained W keeps pairs at the kink
        try (Fixtures.Case c = setupS2(50, 5, 10, 1)) {
            var zeros = new org.gdcert.optimizers.monitors.ZerosMonitorProvider().configureDefaults().instance();
            TrainingResult r = new ClarkeFlow(new ClarkeFlow.Settings(new GradientFlow.Settings(OdeMethod.DOPRI, 1e-8,
                    1e-10, 0, Double.POSITIVE_INFINITY, new double[0], true), 1e-10, 0, true)).train(c.problem(1),
                    c.control(StopRules.DEFAULT.withMaxTime(30).withMaxSteps(100_000), RecordSchedule.everyStep(1),
                            Axis.TIME, Double.NaN, zeros));
            assertThat(r.reason()).as(r.message()).isEqualTo(org.gdcert.core.train.StopReason.MAX_TIME);
            for (int k = 1; k < c.rows.size(); k++) {
                assertThat(c.rows.get(k)[2]).isLessThanOrEqualTo(c.rows.get(k - 1)[2] * (1 + 1e-9));
            }
            double[] last = c.rows.get(c.rows.size() - 1);
            assertThat(last[5]).as("zeros at t = 30").isEqualTo((double) r.counters().get("kink_pairs")).isPositive();
            assertThat(r.counters().get("events_crossing")).isGreaterThan(50);
            assertThat(r.counters().get("events_selection")).isPositive();
            assertThat(r.counters()).containsEntry("loss_increases", 0L);
        }
    }
}
