package org.gdcert.dsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.gdcert.dsl.plot.SyntheticRuns;
import org.gdcert.dsl.plot.WidthPlotTestAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    @TempDir
    Path tmp;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void redrawsARunFolderAndWritesItsReport() {
        Path run = SyntheticRuns.singleRun(tmp, 30);
        Outcome o = run("plot", run.toString());
        assertThat(o.err()).isEmpty();
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains(run + ": 2 plots").contains("report: " + run.resolve("report.html"));
        assertThat(run.resolve("loss.svg")).exists();
        assertThat(run.resolve("loss.png")).exists();
        assertThat(run.resolve("monitor_pl_ratio.svg")).exists();
    }

    @Test
    void aSweepGetsHeatmapsAndACustomOne() throws Exception {
        Path dir = WidthPlotTestAccess.sweep(tmp.resolve("sweep"), new int[] {4, 8}, new int[] {4, 8});
        Outcome o = run("plot", "--heatmap", "m,N,wall_seconds", "--no-report", dir.toString());
        assertThat(o.err()).isEmpty();
        assertThat(o.code()).isZero();
        assertThat(dir.resolve("heatmap_wall_seconds_m_N.svg")).exists();
        assertThat(dir.resolve("heatmap_converged.svg")).doesNotExist(); // only the one asked for
        assertThat(dir.resolve("width_vs_N.png")).exists();
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void versusDrawsColumnsAgainstASweepVariable() throws Exception {
        Path dir = WidthPlotTestAccess.sweep(tmp.resolve("sweep"), new int[] {4, 8}, new int[] {4, 8, 16});
        Outcome o = run("plot", "--versus", "m,final_loss,wall_seconds", "--no-report", dir.toString());
        assertThat(o.err()).isEmpty();
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains(dir.resolve("versus_m_final_loss.svg").toString());
        assertThat(dir.resolve("versus_m_final_loss.svg")).exists();
        assertThat(dir.resolve("versus_m_final_loss.png")).exists();
        assertThat(dir.resolve("steps_vs_m.svg")).doesNotExist(); // only the one asked for
        Outcome defaults = run("plot", "--no-report", dir.toString());
        assertThat(defaults.code()).isZero();
        assertThat(dir.resolve("steps_vs_m.svg")).exists(); // m takes three values
    }

    @Test
    void overlayDrawsAMonitorOfEveryRunAndAnUnknownColumnIsAUsageError() throws Exception {
        Path dir = WidthPlotTestAccess.sweep(tmp.resolve("sweep"), new int[] {4, 8}, new int[] {4, 8, 16});
        Outcome o = run("plot", "--overlay", "pl_ratio", "--no-report", dir.toString());
        assertThat(o.err()).isEmpty();
        assertThat(o.code()).isZero();
        assertThat(dir.resolve("overlay_pl_ratio.svg")).exists();
        assertThat(dir.resolve("overlay_pl_ratio.png")).exists();
        Outcome typo = run("plot", "--overlay", "pl_rati", dir.toString());
        assertThat(typo.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(typo.err()).contains("--overlay pl_rati: no run records a column 'pl_rati'; did you mean "
                + "'pl_ratio'?; the runs' trajectory.csv columns: step, time, loss").doesNotContain("\tat ");
        assertThat(dir.resolve("report.html")).doesNotExist();
    }

    @Test
    void anUnknownVersusVariableOrColumnIsAUsageErrorNamingTheAvailableOnes() throws Exception {
        Path dir = WidthPlotTestAccess.sweep(tmp.resolve("sweep"), new int[] {4, 8}, new int[] {4, 8, 16});
        Outcome column = run("plot", "--versus", "m,final_loss,nope", dir.toString());
        assertThat(column.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(column.err()).contains("--versus m,final_loss,nope: results.csv has no column 'nope'; columns: "
                + "run, N, m, repeat, seed").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(dir.resolve("report.html")).doesNotExist();
        Outcome variable = run("plot", "--versus", "width,final_loss", dir.toString());
        assertThat(variable.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(variable.err()).contains("--versus width,final_loss: 'width' is not a sweep variable; sweep "
                + "variables: N, m");
        Outcome malformed = run("plot", "--versus", "m", dir.toString());
        assertThat(malformed.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(malformed.err()).contains("--versus needs X,COLUMN[,COLUMN...]");
        Outcome runFolder = run("plot", "--versus", "m,steps", SyntheticRuns.singleRun(tmp, 5).toString());
        assertThat(runFolder.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(runFolder.err()).contains("has no results.csv");
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        Path run = SyntheticRuns.singleRun(tmp, 5);
        Outcome bad = run("plot", "--heatmap", "N,converged", run.toString());
        assertThat(bad.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(bad.err()).contains("--heatmap needs X,Y,COLUMN");
        Outcome missing = run("plot", tmp.resolve("nothing").toString());
        assertThat(missing.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(missing.err()).contains("nothing: not a folder");
        Outcome unknown = run("plot", "--heatmap", "N,m,nope", WidthPlotTestAccess.sweep(tmp.resolve("s2"),
                new int[] {4}, new int[] {4, 8}).toString());
        assertThat(unknown.code()).isEqualTo(Main.RUN_FAILED);
        assertThat(unknown.err()).contains("heat map of nope: results.csv has no column 'nope'");
    }
}
