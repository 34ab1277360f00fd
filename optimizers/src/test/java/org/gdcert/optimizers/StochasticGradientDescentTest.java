package org.gdcert.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.testing.TestActivations;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopReason;
import org.gdcert.core.train.StopRules;
import org.gdcert.core.train.TrainingResult;
import org.junit.jupiter.api.Test;

class StochasticGradientDescentTest {
    /** Agreement with an independent host loop (different summation order, same maths). */
    private static final double REFERENCE_TOL = 1e-12;

    private static NetworkSpec tanhNet() {
        return new NetworkSpec(4, List.of(LayerSpec.hidden(7, TestActivations.configured("tanh",
                TestActivations.TANH)), LayerSpec.output(2)));
    }

    private static Optimizer sgd(Object... kv) {
        List<Argument> args = new java.util.ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            args.add(v instanceof Number n ? Argument.named((String) kv[i], n.doubleValue())
                    : v instanceof Boolean b ? Argument.named((String) kv[i], new org.gdcert.core.spi.ParamValue.Bool(b))
                    : Argument.named((String) kv[i], (String) v));
        }
        return new StochasticGradientDescentProvider().configure(args).instance();
    }

    private static TrainingResult run(Fixtures.Case c, Optimizer opt, long steps) {
        return opt.train(c.problem(11), c.control(StopRules.DEFAULT.withMaxSteps(steps), RecordSchedule.everyStep(10),
                Axis.STEP, opt.stepSize().orElse(Double.NaN)));
    }

    @Test
    void fullBatchWithoutMomentumIsGdToTheLastBit() {
        for (String sampler : List.of("shuffle", "subset", "cyclic")) {
            try (Fixtures.Case a = Fixtures.random(tanhNet(), 9, 5, 1); Fixtures.Case b = Fixtures.random(tanhNet(), 9, 5, 1)) {
                TrainingResult gd = run(a, new GradientDescent(0.03), 40);
                TrainingResult sg = run(b, sgd("eta", 0.03, "batch", 9, "sampler", sampler), 40);
                assertThat(b.weight(1).data()).as(sampler).isEqualTo(a.weight(1).data());
                assertThat(b.weight(2).data()).as(sampler).isEqualTo(a.weight(2).data());
                assertThat(sg.finalLoss()).isEqualTo(gd.finalLoss());
                assertThat(sg.time()).isEqualTo(gd.time());
                assertThat(b.rows).extracting(r -> r[2]).containsExactlyElementsOf(
                        a.rows.stream().map(r -> r[2]).toList());
            }
        }
    }

    @Test
    void batchLargerThanTheDataIsTheFullBatchWithANote() {
        try (Fixtures.Case a = Fixtures.random(tanhNet(), 6, 5, 1); Fixtures.Case b = Fixtures.random(tanhNet(), 6, 5, 1)) {
            run(a, new GradientDescent(0.05), 20);
            run(b, sgd("eta", 0.05, "batch", 64), 20);
            assertThat(b.weight(1).data()).isEqualTo(a.weight(1).data());
            assertThat(b.control.notes()).anyMatch(s -> s.contains("batch 64 > N = 6"));
        }
    }

    /** ∇_W ½Σ_{i∈rows} ‖x_i W − y_i‖² = Σ x_iᵀ (x_i W − y_i). */
    private static double[] linearGrad(HostMatrix x, HostMatrix y, double[] w, int[] rows, int d, int k) {
        double[] g = new double[d * k];
        for (int i : rows) {
            for (int c = 0; c < k; c++) {
                double r = -y.get(i, c);
                for (int a = 0; a < d; a++) {
                    r += x.get(i, a) * w[a * k + c];
                }
                for (int a = 0; a < d; a++) {
                    g[a * k + c] += x.get(i, a) * r;
                }
            }
        }
        return g;
    }

    private static void assertClose(double[] actual, double[] expected) {
        double scale = 0;
        double err = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            err = Math.max(err, Math.abs(actual[i] - expected[i]));
        }
        assertThat(err).isLessThanOrEqualTo(REFERENCE_TOL * Math.max(1, scale));
    }

    @Test
    void heavyBallAndNesterovFollowPyTorchRecurrence() {
        int n = 7;
        int d = 3;
        int k = 2;
        double eta = 0.02;
        double mu = 0.9;
        int steps = 30;
        for (boolean nesterov : new boolean[] {false, true}) {
            try (Fixtures.Case c = Fixtures.random(Fixtures.linear(d, k), n, 3, 1)) {
                run(c, sgd("eta", eta, "batch", n, "momentum", mu, "nesterov", nesterov), steps);
                double[] w = c.w0.get(0).data().clone();
                double[] buf = null;
                int[] all = java.util.stream.IntStream.range(0, n).toArray();
                for (int s = 0; s < steps; s++) {
                    double[] g = linearGrad(c.x, c.y, w, all, d, k);
                    if (buf == null) {
                        buf = g.clone();
                    } else {
                        for (int i = 0; i < buf.length; i++) {
                            buf[i] = mu * buf[i] + g[i];
                        }
                    }
                    for (int i = 0; i < w.length; i++) {
                        w[i] -= eta * (nesterov ? g[i] + mu * buf[i] : buf[i]);
                    }
                }
                assertClose(c.weight(1).data(), w);
            }
        }
    }

    @Test
    void cyclicMinibatchesIncludeTheShortLastBatchUnlessDropped() {
        int n = 7;
        int d = 3;
        int k = 1;
        double eta = 0.05;
        int b = 3;
        for (boolean drop : new boolean[] {false, true}) {
            for (String scale : List.of("sum", "mean", "unbiased")) {
                try (Fixtures.Case c = Fixtures.random(Fixtures.linear(d, k), n, 4, 1)) {
                    int steps = 8;
                    run(c, sgd("eta", eta, "batch", b, "sampler", "cyclic", "drop_last", drop, "scale", scale), steps);
                    double[] w = c.w0.get(0).data().clone();
                    List<int[]> epoch = drop ? List.of(new int[] {0, 1, 2}, new int[] {3, 4, 5})
                            : List.of(new int[] {0, 1, 2}, new int[] {3, 4, 5}, new int[] {6});
                    for (int s = 0; s < steps; s++) {
                        int[] rows = epoch.get(s % epoch.size());
                        double f = switch (scale) {
                            case "mean" -> 1.0 / rows.length;
                            case "unbiased" -> (double) n / rows.length;
                            default -> 1.0;
                        };
                        double[] g = linearGrad(c.x, c.y, w, rows, d, k);
                        for (int i = 0; i < w.length; i++) {
                            w[i] -= eta * f * g[i];
                        }
                    }
                    assertClose(c.weight(1).data(), w);
                }
            }
        }
    }

    @Test
    void shuffleVisitsEveryRowOncePerEpochAndReshufflesBetweenEpochs() {
        Minibatches m = new Minibatches(10, 4, Minibatches.Sampler.SHUFFLE, true, false, Rng.of(1));
        List<Integer> e1 = new java.util.ArrayList<>();
        List<Integer> e2 = new java.util.ArrayList<>();
        for (int s = 0; s < 3; s++) {
            for (int i : m.next()) {
                e1.add(i);
            }
        }
        assertThat(m.epochs()).isZero();
        for (int s = 0; s < 3; s++) {
            for (int i : m.next()) {
                e2.add(i);
            }
        }
        assertThat(m.epochs()).isEqualTo(1);
        assertThat(e1).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(e2).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(e2).isNotEqualTo(e1);

        Minibatches once = new Minibatches(10, 5, Minibatches.Sampler.SHUFFLE, false, false, Rng.of(1));
        int[] a = concat(once.next(), once.next());
        int[] b = concat(once.next(), once.next());
        assertThat(b).isEqualTo(a);
        assertThat(a).isNotEqualTo(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = new int[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void subsetsAreDistinctAndUniformReplacementRepeats() {
        int n = 6;
        int b = 3;
        int draws = 30_000;
        Minibatches m = new Minibatches(n, b, Minibatches.Sampler.SUBSET, true, false, Rng.of(2));
        int[] subsetCounts = new int[20];
        for (int s = 0; s < draws; s++) {
            int[] rows = m.next();
            Set<Integer> set = new HashSet<>();
            int code = 0;
            for (int i : rows) {
                set.add(i);
                code |= 1 << i;
            }
            assertThat(set).hasSize(b);
            subsetCounts[index(code, n)]++;
        }
        // all C(6,3) = 20 subsets equally likely: each count ~ Binomial(30000, 1/20), sd ≈ 37.7; allow 5 sd
        for (int cnt : subsetCounts) {
            assertThat(cnt).isBetween(1500 - 190, 1500 + 190);
        }
        Minibatches r = new Minibatches(n, b, Minibatches.Sampler.REPLACEMENT, true, false, Rng.of(2));
        boolean repeated = false;
        for (int s = 0; s < 200 && !repeated; s++) {
            int[] rows = r.next();
            repeated = rows[0] == rows[1] || rows[0] == rows[2] || rows[1] == rows[2];
        }
        assertThat(repeated).isTrue();
    }

    private static int index(int code, int n) {
        // rank of a 3-subset bit pattern among all 3-subsets of n (colex order)
        int rank = 0;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            if ((code & (1 << i)) != 0) {
                seen++;
                rank += binom(i, seen);
            }
        }
        return rank;
    }

    private static int binom(int a, int b) {
        if (b > a) {
            return 0;
        }
        int r = 1;
        for (int i = 0; i < b; i++) {
            r = r * (a - i) / (i + 1);
        }
        return r;
    }

    @Test
    void sameSeedSameIteratesAndTimeIsScaledByBatchFraction() {
        double[] first = null;
        for (int rep = 0; rep < 2; rep++) {
            try (Fixtures.Case c = Fixtures.random(tanhNet(), 12, 8, 1)) {
                TrainingResult r = run(c, sgd("eta", 0.05, "batch", 3, "momentum", 0.5, "sampler", "subset"), 25);
                assertThat(r.reason()).isEqualTo(StopReason.MAX_STEPS);
                assertThat(r.time()).isEqualTo(25 * 0.05 * 3 / 12);
                assertThat(r.gradientEvaluations()).isEqualTo(26); // the stopping step draws its batch too
                if (first == null) {
                    first = c.weight(1).data();
                } else {
                    assertThat(c.weight(1).data()).isEqualTo(first);
                }
            }
        }
    }

    @Test
    void minibatchRunRecordsFullLossesAndTrains() {
        try (Fixtures.Case c = Fixtures.random(tanhNet(), 16, 9, 1)) {
            double l0 = 0;
            TrainingResult r = run(c, sgd("eta", 0.02, "batch", 4, "momentum", 0.9), 300);
            assertThat(r.reason()).isEqualTo(StopReason.MAX_STEPS);
            assertThat(c.rows).extracting(row -> row[0]).startsWith(0.0, 10.0, 20.0).endsWith(300.0);
            assertThat(c.rows).allSatisfy(row -> assertThat(row[2]).isFinite());
            l0 = c.rows.get(0)[2];
            assertThat(r.finalLoss()).isEqualTo(c.rows.get(c.rows.size() - 1)[2]).isLessThan(0.5 * l0);
        }
    }

    @Test
    void divergingMinibatchRunStopsAsDiverged() {
        try (Fixtures.Case c = Fixtures.random(tanhNet(), 16, 9, 3)) {
            TrainingResult r = run(c, sgd("eta", 50, "batch", 4, "momentum", 0.9), 100_000);
            assertThat(r.reason()).isEqualTo(StopReason.DIVERGED);
        }
    }

    @Test
    void invalidSettingsAreClearErrors() {
        assertThatThrownBy(() -> sgd("eta", 0.1, "nesterov", true))
                .hasMessageContaining("nesterov=true needs momentum > 0");
        assertThatThrownBy(() -> new StochasticGradientDescentProvider().configure(List.of()))
                .hasMessageContaining("eta");
    }
}
