package org.gdcert.dsl.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** A monitor column of every run of a sweep in one plot (gdcert plot --overlay). */
class OverlayTest {
    @TempDir
    Path tmp;

    /** 2 N × 3 m × 2 repeats = 12 runs of 20 steps; pl_ratio = 1 + k every 10 steps, never = NaN. */
    private SavedExperiment sweep() throws Exception {
        return SavedExperiment.read(WidthPlotTestAccess.sweep(tmp.resolve("sweep"), new int[] {4, 8},
                new int[] {4, 8, 16}));
    }

    @Test
    void everyRunIsASeriesOfItsRecordedNumbers() throws Exception {
        SavedExperiment e = sweep();
        Described<XYChart> d = Plotter.overlay(e, "pl_ratio").orElseThrow();
        List<XYSeries> series = List.copyOf(d.chart().getSeriesMap().values());
        assertThat(series).hasSize(12);
        for (XYSeries s : series) {
            // NaN cells (the steps between recordings) are left out, not drawn as zeros
            assertThat(s.getXData()).containsExactly(0.0, 10.0, 20.0);
            assertThat(s.getYData()).containsExactly(1.0, 11.0, 21.0);
        }
        assertThat(d.chart().getStyler().isYAxisLogarithmic()).isFalse(); // 1..21: linear
        assertThat(d.description()).contains("pl_ratio").contains("12 runs");
    }

    @Test
    void theLossIsTheSameDrawingOnALogScale() throws Exception {
        SavedExperiment e = sweep();
        Described<XYChart> d = Plotter.losses(e).orElseThrow();
        assertThat(d.chart().getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(d.chart().getSeriesMap()).hasSize(12);
        assertThat(d.chart().getSeriesMap().values().iterator().next().getXData()).hasSize(21);
    }

    @Test
    void aColumnWithoutNumbersOrAbsentHasNoPlot() throws Exception {
        SavedExperiment e = sweep();
        assertThat(Plotter.overlay(e, "never")).isEmpty();
        assertThat(Plotter.overlay(e, "nope")).isEmpty();
        assertThat(Plotter.trajectoryColumns(e)).contains("loss", "pl_ratio", "never").doesNotContain("nope");
    }

    @Test
    void requestedOverlaysAreWrittenBesideTheOtherSweepPlots() throws Exception {
        SavedExperiment e = sweep();
        Plotter.Result r = Plotter.plot(e, Plotter.Options.defaults().withThreads(1)
                .withOverlays(List.of("pl_ratio", "never")));
        assertThat(r.aggregate()).extracting(Plot::name).contains("losses", "overlay_pl_ratio")
                .doesNotContain("overlay_never");
        assertThat(r.notes()).anyMatch(n -> n.startsWith("overlay of never"));
        assertThat(e.directory().resolve("overlay_pl_ratio.svg")).isNotEmptyFile();
        assertThat(e.directory().resolve("overlay_pl_ratio.png")).isNotEmptyFile();
    }
}
