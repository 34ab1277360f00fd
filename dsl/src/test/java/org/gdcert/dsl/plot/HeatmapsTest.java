package org.gdcert.dsl.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;

class HeatmapsTest {
    private static final double EXACT = 1e-12;
    /** d0 × d1 with two repeats; d1 = 10 never converges, d1 = 40 always, d1 = 20 half the time at d0 = 5. */
    private static final String RESULTS = """
            run,d0,d1,repeat,seed,status,verdict_sgd_relu,initial_loss,final_loss,steps,converged,wall_seconds
            a,5,20,0,1,COMPLETED,CERTIFIED,1,1e-9,10,yes,0.1
            b,5,20,1,2,COMPLETED,NOT_CERTIFIED,1,1e-2,10,no,0.1
            c,5,10,0,1,COMPLETED,NOT_CERTIFIED,1,1e-1,10,no,0.1
            d,5,10,1,2,DIVERGED,NOT_CERTIFIED,1,Infinity,3,no,0.1
            e,50,40,0,1,COMPLETED,CERTIFIED,1,1e-9,10,yes,0.1
            f,50,40,1,2,COMPLETED,CERTIFIED,1,1e-7,10,yes,0.1
            g,5,40,0,1,COMPLETED,CERTIFIED,1,1e-9,10,yes,0.2
            """;
    @TempDir
    Path tmp;

    @Test
    void convergedIsAProbabilityPerCellOverRepeats() {
        Heatmaps.Grid g = Heatmaps.grid(Table.parse(RESULTS), "d0", "d1", "converged");
        assertThat(g.kind()).isEqualTo(Heatmaps.Kind.PROBABILITY);
        assertThat(g.xs()).containsExactly("5", "50"); // numeric order
        assertThat(g.ys()).containsExactly("10", "20", "40");
        assertThat(g.mean()[0][1]).isCloseTo(0.5, within(EXACT));
        assertThat(g.mean()[0][0]).isZero();
        assertThat(g.mean()[1][2]).isEqualTo(1);
        assertThat(g.count()[0][1]).isEqualTo(2);
        assertThat(g.mean()[1][0]).isNaN(); // no run at d0 = 50, d1 = 10
        assertThat(g.count()[1][0]).isZero();
        assertThat(g.valueTitle()).isEqualTo("P(converged = yes)");
    }

    @Test
    void verdictsCountAsFractionCertifiedAndLossesAverageInLog10() {
        Table t = Table.parse(RESULTS);
        Heatmaps.Grid v = Heatmaps.grid(t, "d0", "d1", "verdict_sgd_relu");
        assertThat(v.kind()).isEqualTo(Heatmaps.Kind.CERTIFIED);
        assertThat(v.mean()[0][1]).isCloseTo(0.5, within(EXACT));
        assertThat(v.valueTitle()).isEqualTo("fraction CERTIFIED by sgd_relu");
        Heatmaps.Grid l = Heatmaps.grid(t, "d0", "d1", "final_loss");
        assertThat(l.kind()).isEqualTo(Heatmaps.Kind.MEAN_LOG10);
        assertThat(l.mean()[1][2]).isCloseTo((-9 + -7) / 2.0, within(EXACT));
        // the diverged run has no finite loss: only its repeat counts
        assertThat(l.count()[0][0]).isEqualTo(1);
        assertThat(l.mean()[0][0]).isCloseTo(-1, within(EXACT));
        Heatmaps.Grid w = Heatmaps.grid(t, "d0", "d1", "wall_seconds");
        assertThat(w.kind()).isEqualTo(Heatmaps.Kind.MEAN);
        assertThat(w.mean()[0][2]).isCloseTo(0.2, within(EXACT));
    }

    @Test
    void defaultColumnsAreConvergenceLossAndVerdicts() {
        assertThat(Heatmaps.defaultColumns(Table.parse(RESULTS))).containsExactly("converged", "final_loss",
                "verdict_sgd_relu");
        assertThat(Heatmaps.defaultColumns(Table.parse("run,x,final_loss,converged\na,1,2,n/a\n")))
                .containsExactly("final_loss");
    }

    @Test
    void wordValuedVariablesKeepTheirOrder() {
        Table t = Table.parse("run,init,act,converged\na,fan_out,tanh,yes\nb,fan_in,relu,no\nc,fan_in,tanh,yes\n");
        Heatmaps.Grid g = Heatmaps.grid(t, "init", "act", "converged");
        assertThat(g.xs()).containsExactly("fan_out", "fan_in");
        assertThat(g.ys()).containsExactly("tanh", "relu");
    }

    @Test
    void theHeatMapIsWrittenWithOneCellPerPointAndFractionRange() throws Exception {
        Heatmaps.Grid g = Heatmaps.grid(Table.parse(RESULTS), "d0", "d1", "converged");
        Described<HeatMapChart> d = Heatmaps.chart(g, "sweep").orElseThrow();
        assertThat(d.chart().getHeatMapSeries().getHeatData()).hasSize(4);
        assertThat(d.chart().getStyler().getMin()).isZero();
        assertThat(d.chart().getStyler().getMax()).isEqualTo(1);
        Plot p = Charts.write(d.chart(), tmp, "heatmap_converged", d.description());
        String svg = Files.readString(p.svg(), StandardCharsets.UTF_8);
        assertThat(RunPlotsTest.parse(svg).getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains("<desc>P(converged = yes) over d0 × d1");
        // a cell with probability 1 and one with 0 are filled with the ends of the fraction colours
        assertThat(svg).contains(fill(Charts.FRACTION_COLOURS[Charts.FRACTION_COLOURS.length - 1]))
                .contains(fill(Charts.FRACTION_COLOURS[0]));
    }

    @Test
    void roundingOfTheColourBarEndsGoesOutwards() {
        assertThat(Heatmaps.round(-3.0164944, false)).isEqualTo(-3.02);
        assertThat(Heatmaps.round(-0.527534, true)).isEqualTo(-0.527);
        assertThat(Heatmaps.round(12345, true)).isEqualTo(12400);
    }

    private static String fill(java.awt.Color c) {
        return "fill:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }
}
