package org.gdcert.dsl.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class VersusTest {
    private static final double EXACT = 1e-12;
    private static final String HEADER = "run,p,repeat,seed,status,verdict_nm,initial_loss,final_loss,steps,converged,"
            + "wall_seconds,final_rel_residual,step_size,slack_nm_width,slack_nm_cond4,slack_nm_cond5,eta_max_nm\n";
    /**
     * p over 1, 2, 3 with two repeats. cond4 has a NaN at p = 2 and no number at p = 3 (empty, a
     * word); cond5 has no number at all; the run p=2_r1 did not reach the target.
     */
    private static final String RESULTS = HEADER + """
            p=1_r0,1,0,1,COMPLETED,NOT_CERTIFIED,2,1e-6,100,yes,0.1,1e-3,0.01,1,1000,,1e-4
            p=1_r1,1,1,2,COMPLETED,NOT_CERTIFIED,2,1e-6,300,yes,0.1,1e-3,0.03,1,3000,,3e-4
            p=2_r0,2,0,1,COMPLETED,NOT_CERTIFIED,2,1e-6,200,yes,0.1,1e-3,0.002,0.5,10,,1e-5
            p=2_r1,2,1,2,COMPLETED,NOT_CERTIFIED,2,1e-2,4000,no,0.1,1e-1,0.004,0.5,NaN,,3e-5
            p=3_r0,3,0,1,COMPLETED,NOT_CERTIFIED,2,1e-6,500,yes,0.1,1e-3,0.001,0.25,,,1e-6
            p=3_r1,3,1,2,COMPLETED,NOT_CERTIFIED,2,1e-6,700,yes,0.1,1e-3,0.001,0.25,oops,,1e-6
            """;
    @TempDir
    Path tmp;

    @Test
    void eachPointIsTheMeanMinAndMaxOverTheRunsAtOneValue() {
        Versus.Line l = Versus.line(Table.parse(RESULTS), "p", "step_size");
        assertThat(l.points()).extracting(Versus.Point::x).containsExactly(1.0, 2.0, 3.0);
        Versus.Point p1 = l.points().get(0);
        assertThat(p1.mean()).isCloseTo(0.02, within(EXACT));
        assertThat(p1.min()).isEqualTo(0.01);
        assertThat(p1.max()).isEqualTo(0.03);
        assertThat(p1.count()).isEqualTo(2);
        assertThat(l.points().get(1).mean()).isCloseTo(0.003, within(EXACT));
        assertThat(l.points().get(2).mean()).isEqualTo(0.001);
        assertThat(l.runs()).isEqualTo(6);
    }

    @Test
    void cellsThatAreNotNumbersAreSkippedAndAValueWithoutAnyHasNoPoint() {
        Table t = Table.parse(RESULTS);
        Versus.Line c4 = Versus.line(t, "p", "slack_nm_cond4");
        assertThat(c4.points()).extracting(Versus.Point::x).containsExactly(1.0, 2.0); // p = 3: empty and a word
        assertThat(c4.points().get(0).mean()).isCloseTo(2000, within(EXACT));
        assertThat(c4.points().get(1).mean()).isEqualTo(10); // the NaN is not counted
        assertThat(c4.points().get(1).count()).isEqualTo(1);
        assertThat(Versus.line(t, "p", "slack_nm_cond5").isEmpty()).isTrue();
        assertThat(Versus.line(t, "p", "no_such_column").isEmpty()).isTrue();
        assertThat(Versus.line(t, "no_such_variable", "steps").isEmpty()).isTrue();
    }

    @Test
    void wordsCountAsInHeatMaps() {
        Versus.Line conv = Versus.line(Table.parse(RESULTS), "p", "converged");
        assertThat(conv.points()).extracting(Versus.Point::mean).containsExactly(1.0, 0.5, 1.0);
    }

    @Test
    void theSlackPlotHasAnyColumnWithANumberOnALogScaleAndTheLineAtOne() {
        XYChart c = Versus.slack(Table.parse(RESULTS), "p", "exp").orElseThrow().chart();
        assertThat(c.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(c.getStyler().isXAxisLogarithmic()).isFalse(); // 1 .. 3
        assertThat(legend(c)).containsExactly("slack_nm_width", "slack_nm_cond4", Versus.HOLDS_BELOW_1);
        assertThat(Versus.HOLDS_BELOW_1).contains("holds below 1");
        XYSeries width = c.getSeriesMap().get("slack_nm_width");
        assertThat(width.getXData()).containsExactly(1, 2, 3);
        assertThat(width.getYData()).containsExactly(1, 0.5, 0.25);
        XYSeries one = c.getSeriesMap().get(Versus.HOLDS_BELOW_1);
        assertThat(one.getXData()).containsExactly(1, 3);
        assertThat(one.getYData()).containsExactly(1, 1);
        // one min-max bar: cond4 at p = 1 (1000 .. 3000); the others have one value or equal ones
        List<XYSeries> bars = c.getSeriesMap().values().stream().filter(s -> !s.isShowInLegend()).toList();
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0).getXData()).containsExactly(1, 1);
        assertThat(bars.get(0).getYData()).containsExactly(1000, 3000);
    }

    @Test
    void theStepPlotPutsTheCertifiedBoundAndTheUsedStepOnOneAxis() {
        XYChart c = Versus.step(Table.parse(RESULTS), "p", "exp").orElseThrow().chart();
        assertThat(c.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(legend(c)).containsExactly("eta_max_nm (certified bound on η)",
                "step_size (the η gradient descent used)");
        assertThat(c.getSeriesMap().get("eta_max_nm (certified bound on η)").getYData()[0]).isCloseTo(2e-4,
                within(EXACT));
        assertThat(c.getSeriesMap().get("step_size (the η gradient descent used)").getYData()[1]).isCloseTo(0.003,
                within(EXACT));
    }

    @Test
    void stepsCountOnlyTheRunsThatReachedTheTarget() {
        XYChart c = Versus.steps(Table.parse(RESULTS), "p", "exp").orElseThrow().chart();
        XYSeries s = c.getSeriesMap().values().iterator().next();
        assertThat(s.getYData()).containsExactly(200, 200, 600); // p = 2: the run of 4000 steps did not converge
        assertThat(Versus.steps(Table.parse(HEADER + "a,1,0,1,COMPLETED,,2,1,9,no,0,0,0.1,,,,\n"), "p", "e"))
                .isEmpty();
    }

    @Test
    void xIsLogarithmicWhenItsValuesSpanTenfold() {
        String csv = "run,m,repeat,seed,slack_a_b\na,10,0,1,5\nb,100,0,1,50\nc,1000,0,1,500\n";
        XYChart c = Versus.slack(Table.parse(csv), "m", "exp").orElseThrow().chart();
        assertThat(c.getStyler().isXAxisLogarithmic()).isTrue();
        assertThat(c.getXAxisTitle()).isEqualTo("m (log scale)");
    }

    @Test
    void theDefaultVariableIsTheFirstNumericOneWithThreeValues() {
        Table t = Table.parse("""
                run,act,q,p,N,repeat,seed
                a,relu,1,1,5,0,1
                b,tanh,2,2,5,0,1
                c,gelu,2,3,5,0,1
                d,relu,1,4,5,0,1
                """);
        assertThat(Versus.defaultVariable(t, List.of("act", "q", "p", "N"))).contains("p");
        assertThat(Versus.defaultVariable(t, List.of("act", "q", "N"))).isEmpty();
    }

    @Test
    void aOneVariableSweepGetsSlackStepAndStepsPlotsWrittenAsSvgAndPng() throws Exception {
        Path dir = SyntheticRuns.sweep(tmp.resolve("sweep"), RESULTS);
        Plotter.Result r = Plotter.plot(SavedExperiment.read(dir), Plotter.Options.defaults().withThreads(1));
        assertThat(r.problems()).isEmpty();
        assertThat(r.aggregate()).extracting(Plot::name).containsExactly("slack_vs_p", "step_vs_p", "steps_vs_p",
                "losses");
        for (String name : List.of("slack_vs_p", "step_vs_p", "steps_vs_p")) {
            String svg = Files.readString(dir.resolve(name + ".svg"), StandardCharsets.UTF_8);
            assertThat(RunPlotsTest.parse(svg).getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(svg).contains("<path");
            assertThat(Files.size(dir.resolve(name + ".png"))).isPositive();
        }
        assertThat(Files.readString(dir.resolve("slack_vs_p.svg"), StandardCharsets.UTF_8))
                .contains("<desc>The slack of each certificate condition");
    }

    @Test
    void absentColumnsLeaveTheirPlotOutWithANote() throws Exception {
        String csv = """
                run,p,repeat,seed,status,final_loss,converged,step_size
                a,1,0,1,COMPLETED,1e-3,no,0.1
                b,2,0,1,COMPLETED,1e-3,no,0.1
                c,3,0,1,COMPLETED,1e-3,no,0.1
                """;
        Path dir = SyntheticRuns.sweep(tmp.resolve("sweep"), csv);
        Plotter.Result r = Plotter.plot(SavedExperiment.read(dir), Plotter.Options.defaults().withThreads(1));
        assertThat(r.problems()).isEmpty();
        assertThat(r.aggregate()).extracting(Plot::name).containsExactly("losses");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("slack_vs_p not drawn"))
                .anyMatch(n -> n.startsWith("step_vs_p not drawn")).anyMatch(n -> n.startsWith("steps_vs_p not drawn"));
        assertThat(dir.resolve("slack_vs_p.svg")).doesNotExist();
    }

    @Test
    void aSweepOfTwoValuesOrOfWordsGetsNoVersusPlot() throws Exception {
        String two = HEADER + """
                a,1,0,1,COMPLETED,NOT_CERTIFIED,2,1e-6,100,yes,0.1,1e-3,0.01,1,1000,,1e-4
                b,2,0,1,COMPLETED,NOT_CERTIFIED,2,1e-6,200,yes,0.1,1e-3,0.02,0.5,10,,1e-5
                """;
        Plotter.Result r = Plotter.plot(SavedExperiment.read(SyntheticRuns.sweep(tmp.resolve("two"), two)),
                Plotter.Options.defaults().withThreads(1));
        assertThat(r.aggregate()).extracting(Plot::name).containsExactly("losses");
        assertThat(r.notes()).noneMatch(n -> n.contains("_vs_"));
        // odd data: a variable with a word in it, a short row, a missing column: nothing thrown, nothing drawn
        String odd = """
                run,p,repeat,seed,slack_a_b
                a,1,0,1,5
                b,x,0,1,6
                c,3,0,1
                d,4,0,1,7
                """;
        Plotter.Result o = Plotter.plot(SavedExperiment.read(SyntheticRuns.sweep(tmp.resolve("odd"), odd)),
                Plotter.Options.defaults().withThreads(1));
        assertThat(o.problems()).isEmpty();
        assertThat(o.aggregate()).extracting(Plot::name).doesNotContain("slack_vs_p");
    }

    @Test
    void aRequestedPlotIsNamedAfterItsVariableAndFirstColumnAndReplacesTheDefaultOnes() throws Exception {
        Path dir = SyntheticRuns.sweep(tmp.resolve("sweep"), RESULTS);
        Plotter.Options o = Plotter.Options.defaults().withThreads(1).withVersus(List.of(
                new Plotter.VersusRequest("p", List.of("slack_nm_cond4", "slack_nm_cond5", "final_loss"))));
        Plotter.Result r = Plotter.plot(SavedExperiment.read(dir), o);
        assertThat(r.problems()).isEmpty();
        assertThat(r.aggregate()).extracting(Plot::name).containsExactly("versus_p_slack_nm_cond4", "losses");
        assertThat(dir.resolve("versus_p_slack_nm_cond4.svg")).exists();
        assertThat(dir.resolve("versus_p_slack_nm_cond4.png")).exists();
        assertThat(dir.resolve("slack_vs_p.svg")).doesNotExist();
        Plot p = r.aggregate().get(0);
        assertThat(p.description()).contains("No run has a number in slack_nm_cond5");
        XYChart c = Versus.custom(Table.parse(RESULTS), "p", List.of("slack_nm_cond4", "final_loss"), "e")
                .orElseThrow().chart();
        assertThat(c.getStyler().isYAxisLogarithmic()).isTrue(); // 1e-6 .. 3000
        assertThat(legend(c)).containsExactly("slack_nm_cond4", "final_loss");
        // slack columns only: the line at 1 is drawn as in slack_vs_p
        XYChart s = Versus.custom(Table.parse(RESULTS), "p", List.of("slack_nm_cond4"), "e").orElseThrow().chart();
        assertThat(legend(s)).containsExactly("slack_nm_cond4", Versus.HOLDS_BELOW_1);
    }

    @Test
    void anUnknownVariableOrColumnIsNamedWithWhatIsAvailable() throws Exception {
        SavedExperiment e = SavedExperiment.read(SyntheticRuns.sweep(tmp.resolve("sweep"), RESULTS));
        assertThat(Versus.check(e, "p", List.of("steps", "slack_nm_cond4"))).isEmpty();
        assertThat(Versus.check(e, "p", List.of("steps", "nope"))).get().asString()
                .startsWith("results.csv has no column 'nope'; columns: run, p, repeat");
        assertThat(Versus.check(e, "q", List.of("steps"))).contains("'q' is not a sweep variable; sweep variables: p");
        assertThat(Versus.check(e, "seed", List.of("steps"))).get().asString().contains("not a sweep variable");
        Plotter.Result r = Plotter.plot(e, Plotter.Options.defaults().withThreads(1).withVersus(List.of(
                new Plotter.VersusRequest("p", List.of("nope")))));
        assertThat(r.problems()).containsExactly("versus p,nope: " + Versus.check(e, "p", List.of("nope")).get());
    }

    private static List<String> legend(XYChart c) {
        return c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
    }
}
