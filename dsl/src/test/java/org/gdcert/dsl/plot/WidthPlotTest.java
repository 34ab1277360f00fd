package org.gdcert.dsl.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Optional;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.train.Axis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class WidthPlotTest {
    @TempDir
    Path tmp;

    /** An N × m sweep where width m converges iff m >= 2N - 1 (in every repeat). */
    static Path sweep(Path dir, int[] ns, int[] ms) throws Exception {
        StringBuilder csv = new StringBuilder("run,N,m,repeat,seed,status,verdict_nguyen_mondelli,initial_loss,"
                + "final_loss,steps,converged,wall_seconds\n");
        for (int n : ns) {
            for (int m : ms) {
                for (int r = 0; r < 2; r++) {
                    String id = "N=" + n + "_m=" + m + "_r" + r;
                    boolean ok = m >= 2 * n - 1;
                    CertificateReport rep = SyntheticRuns.report(m, n, Axis.STEP, SyntheticRuns.RHO);
                    SyntheticRuns.run(dir.resolve(id), 20, List.of(rep, du(n)), Map.of("N", "" + n, "m", "" + m,
                            "repeat", "" + r), n, new int[] {3, m, 1}, ok);
                    csv.append(id).append(',').append(n).append(',').append(m).append(',').append(r).append(",1,")
                            .append("COMPLETED,").append(rep.verdict()).append(",2,1e-3,20,").append(ok ? "yes" : "no")
                            .append(",0.1\n");
                }
            }
        }
        Files.writeString(dir.resolve("results.csv"), csv.toString(), StandardCharsets.UTF_8);
        return dir;
    }

    /** du: inapplicable everywhere (wrong parameterization) but with a computed width scaling 1000 N². */
    static CertificateReport du(int n) {
        Condition w = new Condition("width", "Theorem 5.1", "m = Ω(...) — UNDECIDABLE_HIDDEN_CONSTANT", 16, ">=",
                1000.0 * n * n, Condition.Status.INDETERMINATE, "", Tag.HIDDEN);
        return new CertificateReport("du", "seed 002", Verdict.INAPPLICABLE, List.of("parameterization"), List.of(w),
                List.of(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), List.of());
    }

    @Test
    void smallestConvergingWidthPerNFromASweepWithTheRequirementOfTheApplicableChecker() throws Exception {
        Path dir = sweep(tmp.resolve("sweep"), new int[] {4, 8, 16}, new int[] {2, 4, 8, 16, 32});
        SavedExperiment e = SavedExperiment.read(dir);
        assertThat(e.sweepVariables()).containsExactly("N", "m", "repeat");
        WidthPlot.Data d = WidthPlot.fromSweep(e, 0.5).orElseThrow();
        assertThat(d.widthName()).isEqualTo("n_1 (width of layer 1)");
        // 2N - 1 = 7, 15, 31: the smallest swept widths above are 8, 16, 32
        assertThat(d.points()).extracting(p -> p.samples() + ":" + p.smallest().orElse(-1))
                .containsExactly("4:8", "8:16", "16:32");
        assertThat(d.trials()).hasSize(15);
        assertThat(d.requirements()).hasSize(1); // du was inapplicable in every run
        WidthPlot.Requirement nm = d.requirements().get(0);
        assertThat(nm.label()).isEqualTo("nguyen_mondelli (Ass. 2.1): n_1 >= N [paper]");
        assertThat(nm.byN()).containsEntry(4, 4.0).containsEntry(8, 8.0).containsEntry(16, 16.0);
    }

    @Test
    void noWidthConvergingIsMarkedAtTheLargestTried() throws Exception {
        Path dir = sweep(tmp.resolve("sweep"), new int[] {4, 40}, new int[] {8, 16});
        WidthPlot.Data d = WidthPlot.fromSweep(SavedExperiment.read(dir), 0.5).orElseThrow();
        assertThat(d.points().get(1).smallest()).isEmpty();
        assertThat(d.points().get(1).largestTried()).isEqualTo(16);
        Described<XYChart> c = WidthPlot.chart(d, "sweep");
        XYSeries none = c.chart().getSeriesMap().get("no converging width up to the largest tried");
        assertThat(none.getXData()).containsExactly(40);
        assertThat(none.getYData()).containsExactly(16);
    }

    @Test
    void hiddenRequirementsSayTheirConstantsWereSetToOne() {
        List<WidthPlot.Found> f = WidthPlot.requirements(List.of(du(10)));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).label()).isEqualTo("du (Theorem 5.1) [hidden] — unspecified constants set to 1: a scaling, "
                + "not a bound");
        assertThat(f.get(0).applicable()).isFalse();
        // applicable at one N is enough to be drawn at every N
        List<WidthPlot.Found> all = new ArrayList<>(f);
        all.add(new WidthPlot.Found(f.get(0).key(), f.get(0).label(), Tag.HIDDEN, 5, true));
        List<WidthPlot.Requirement> r = WidthPlot.aggregate(Map.of(10, all));
        assertThat(r).hasSize(1);
        assertThat(r.get(0).byN().get(10)).isEqualTo((100000.0 + 5) / 2); // the median of two
    }

    @Test
    void conditionsNamedWidthOrEndingInWidthAreRequirements() {
        Condition cor = new Condition("cor45_width", "Cor 4.5", "d1 ≥ max(N, C(δ0)·...) — UNDECIDABLE", 64, ">=", 900,
                Condition.Status.INDETERMINATE, "", Tag.HIDDEN);
        Condition other = Condition.evaluate("pyramid_2", "Ass. 2.1", "pyramidal widths: n_2 >= n_3", 8, ">=", 4, 0,
                "", Tag.PAPER);
        CertificateReport r = new CertificateReport("sgd_relu", "seed 004", Verdict.CONDITIONAL, List.of(),
                List.of(cor, other), List.of(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
                List.of());
        List<WidthPlot.Found> f = WidthPlot.requirements(List.of(r));
        assertThat(f).extracting(WidthPlot.Found::width).containsExactly(900.0);
        assertThat(f.get(0).label()).startsWith("sgd_relu (Cor 4.5) [hidden]");
    }

    @Test
    void aSweepThatDoesNotVaryAWidthHasNoWidthPlot() throws Exception {
        Path dir = sweep(tmp.resolve("sweep"), new int[] {4, 8}, new int[] {16});
        assertThat(WidthPlot.fromSweep(SavedExperiment.read(dir), 0.5)).isEmpty();
    }

    @Test
    void aSweepWithOneNHasNoWidthPlot() throws Exception {
        // seed 004's Figure 2 sweeps the widths at one N: the heat maps say it, a width-against-N plot cannot
        Path dir = sweep(tmp.resolve("oneN"), new int[] {8}, new int[] {4, 16, 64});
        assertThat(WidthPlot.fromSweep(SavedExperiment.read(dir), 0.5)).isEmpty();
        Path two = sweep(tmp.resolve("twoN"), new int[] {4, 8}, new int[] {4, 16, 64});
        assertThat(WidthPlot.fromSweep(SavedExperiment.read(two), 0.5)).isPresent();
    }

    @Test
    void theChartHasLogAxesWhenTheValuesSpanMoreThanTwentyFold() throws Exception {
        Path dir = sweep(tmp.resolve("sweep"), new int[] {4, 8, 16}, new int[] {2, 4, 8, 16, 32, 64});
        Described<XYChart> c = WidthPlot.chart(WidthPlot.fromSweep(SavedExperiment.read(dir), 0.5).orElseThrow(), "s");
        assertThat(c.chart().getStyler().isYAxisLogarithmic()).isTrue(); // 2 .. 64
        assertThat(c.chart().getStyler().isXAxisLogarithmic()).isFalse(); // 4 .. 16
        assertThat(c.chart().getSeriesMap()).containsKeys("smallest width converging in ≥ 50% of runs",
                "nguyen_mondelli (Ass. 2.1): n_1 >= N [paper]");
        assertThat(c.description()).contains("dashed: the certificates' width requirements");
    }
}
