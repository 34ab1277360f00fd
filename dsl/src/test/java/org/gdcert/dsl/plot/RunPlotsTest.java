package org.gdcert.dsl.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.LossBound;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.train.Axis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;

class RunPlotsTest {
    private static final double RELATIVE = 1e-12;
    @TempDir
    Path tmp;

    @Test
    void lossPlotIsLogScaleWithTheBoundOverlaidAsPhi0RhoToTheK() {
        SavedRun run = SavedRun.read(SyntheticRuns.singleRun(tmp, 200));
        XYChart c = RunPlots.loss(run).orElseThrow().chart();
        assertThat(c.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(c.getSeriesMap()).hasSize(2);
        XYSeries loss = c.getSeriesMap().get("loss Φ");
        assertThat(loss.getXData()).hasSize(201);
        assertThat(loss.getYData()[200]).isCloseTo(SyntheticRuns.PHI0 * Math.pow(SyntheticRuns.Q, 200),
                within(1e-15));
        XYSeries bound = c.getSeriesMap().values().stream().filter(s -> s != loss).findFirst().orElseThrow();
        assertThat(bound.getName()).isEqualTo("nguyen_mondelli [paper], ρ = 0.99: Φ(θ_k) <= (1 − ηα_0)^k Φ(θ_0)");
        for (int i = 0; i < bound.getXData().length; i++) {
            double k = bound.getXData()[i];
            assertThat(bound.getYData()[i] / (SyntheticRuns.PHI0 * Math.pow(SyntheticRuns.RHO, k)))
                    .isCloseTo(1, within(RELATIVE));
        }
    }

    @Test
    void aTimeBoundOnADiscreteRunIsEvaluatedAtEachRowsModelTime() {
        double r = 0.3;
        Path dir = SyntheticRuns.run(tmp.resolve("exp").resolve("run"), 50, List.of(SyntheticRuns.report(16, 10,
                Axis.TIME, r)), Map.of(), 10, new int[] {3, 16, 1}, true);
        XYChart c = RunPlots.loss(SavedRun.read(dir)).orElseThrow().chart();
        XYSeries bound = c.getSeriesMap().values().stream().filter(s -> !s.getName().equals("loss Φ")).findFirst()
                .orElseThrow();
        assertThat(bound.getName()).contains("r = 0.3");
        for (int i = 0; i < bound.getXData().length; i++) {
            double t = SyntheticRuns.DT * bound.getXData()[i];
            assertThat(bound.getYData()[i] / (SyntheticRuns.PHI0 * Math.exp(-r * t))).isCloseTo(1, within(RELATIVE));
        }
    }

    @Test
    void boundsBelowAThousandthOfTheSmallestLossAreNotDrawn() {
        double fast = 0.5; // far faster than the loss: the bound drops below the floor early
        Path dir = SyntheticRuns.run(tmp.resolve("exp").resolve("run"), 200, List.of(SyntheticRuns.report(16, 10,
                Axis.STEP, fast)), Map.of(), 10, new int[] {3, 16, 1}, true);
        XYChart c = RunPlots.loss(SavedRun.read(dir)).orElseThrow().chart();
        double minLoss = SyntheticRuns.PHI0 * Math.pow(SyntheticRuns.Q, 200);
        XYSeries bound = c.getSeriesMap().values().stream().filter(s -> !s.getName().equals("loss Φ")).findFirst()
                .orElseThrow();
        for (double y : bound.getYData()) {
            assertThat(y).isGreaterThanOrEqualTo(minLoss * RunPlots.BOUND_FLOOR);
        }
        int expected = (int) Math.floor(Math.log(minLoss * RunPlots.BOUND_FLOOR / SyntheticRuns.PHI0) / Math.log(fast))
                + 1;
        assertThat(bound.getXData()).hasSize(expected);
    }

    @Test
    void aReportWithoutLossBoundAddsNoSeries() {
        Path dir = SyntheticRuns.run(tmp.resolve("exp").resolve("run"), 20, List.of(SyntheticRuns.report(4, 10,
                Axis.STEP, 0.9)), Map.of(), 10, new int[] {3, 4, 1}, false);
        Described<XYChart> d = RunPlots.loss(SavedRun.read(dir)).orElseThrow();
        assertThat(d.chart().getSeriesMap()).containsOnlyKeys("loss Φ");
        assertThat(d.description()).contains("no certificate gave a loss bound");
    }

    @Test
    void divergingLossIsCutSoTheAxisStaysReadable() throws IOException {
        Path dir = SyntheticRuns.singleRun(tmp, 5);
        Files.writeString(dir.resolve("trajectory.csv"), "step,time,loss,rel_residual,wall_s\n0,0,1,1,0\n1,0.1,10,1,0\n"
                + "2,0.2,1e300,1,0\n3,0.3,Infinity,1,0\n", StandardCharsets.UTF_8);
        Described<XYChart> d = RunPlots.loss(SavedRun.read(dir)).orElseThrow();
        assertThat(d.chart().getSeriesMap().get("loss Φ").getYData()).containsExactly(1, 10);
        assertThat(d.description()).contains("cut");
    }

    @Test
    void oneMonitorPlotPerMeasuredColumnOnItsOwnPoints() {
        SavedRun run = SavedRun.read(SyntheticRuns.singleRun(tmp, 100));
        assertThat(run.monitorColumns()).containsExactly("pl_ratio", "never");
        List<Described<XYChart>> plots = RunPlots.monitors(run);
        assertThat(plots).hasSize(1); // 'never' has no finite value
        XYSeries s = plots.get(0).chart().getSeriesMap().get("pl_ratio");
        assertThat(s.getXData()).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertThat(s.getYData()[3]).isEqualTo(31);
        // 1 .. 101 spans more than LOG_SPAN
        assertThat(plots.get(0).chart().getStyler().isYAxisLogarithmic()).isTrue();
    }

    @Test
    void filesAreValidSvgAndPngWithTheSeriesNamedAndDrawnInTheirColours() throws Exception {
        SavedRun run = SavedRun.read(SyntheticRuns.singleRun(tmp, 200));
        Plotter.RunPlotsWritten w = Plotter.plotRun(run, true);
        assertThat(w.plots()).extracting(Plot::name).containsExactly("loss", "monitor_pl_ratio");
        Plot loss = w.loss().orElseThrow();
        String svg = Files.readString(loss.svg(), StandardCharsets.UTF_8);
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).doesNotContain("<!DOCTYPE");
        String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("exp: loss");
        assertThat(desc).contains("log scale").contains("nguyen_mondelli [paper], ρ = 0.99: Φ(θ_k) <= (1 − ηα_0)^k "
                + "Φ(θ_0)");
        // the loss line and the bound line are stroked in their colours
        assertThat(svg).contains(stroke(Charts.DATA)).contains(stroke(Charts.overlay(0)));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(loss.png())));
        assertThat(png.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(png.getHeight()).isEqualTo(Charts.HEIGHT);
        assertThat(colourFraction(png, Charts.DATA)).isGreaterThan(0.001);
        assertThat(colourFraction(png, Charts.overlay(0))).isGreaterThan(0.0005);
    }

    @Test
    void freshPlotsAreNotRedrawnUnlessAsked() throws Exception {
        SavedRun run = SavedRun.read(SyntheticRuns.singleRun(tmp, 20));
        Plot first = Plotter.plotRun(run, false).loss().orElseThrow();
        Files.writeString(first.svg(), "<svg/>", StandardCharsets.UTF_8); // newer than the results
        Plotter.plotRun(run, false);
        assertThat(Files.readString(first.svg())).isEqualTo("<svg/>");
        Plotter.plotRun(run, true);
        assertThat(Files.readString(first.svg())).contains("<desc>");
    }

    @Test
    void longLegendLabelsAreCutButTheDescriptionKeepsThem() {
        String formula = "h(Θ_i) ≤ (1 − η α_f μ²/4)^i h(Θ0) (Theorem 2′ of spec §2.6: the paper's (14) with C = 1/4 "
                + "derived)";
        CertificateReport r = new CertificateReport("song", "Thm 2", Verdict.CERTIFIED, List.of(), List.of(), List.of(),
                OptionalDouble.of(0.99), OptionalDouble.of(1), Optional.of(new LossBound(Axis.STEP, SyntheticRuns.PHI0,
                        0.99, formula, Tag.DERIVED)), List.of());
        Path dir = SyntheticRuns.run(tmp.resolve("exp").resolve("run"), 20, List.of(r), Map.of(), 10,
                new int[] {3, 16, 1}, true);
        Described<XYChart> d = RunPlots.loss(SavedRun.read(dir)).orElseThrow();
        String name = d.chart().getSeriesMap().keySet().stream().filter(k -> k.startsWith("song")).findFirst()
                .orElseThrow();
        assertThat(name).hasSize(Charts.MAX_LABEL).endsWith("…");
        assertThat(d.description()).contains("ρ = 0.99: " + formula);
    }

    @Test
    void linearAxesGetUngroupedOrScientificTickPatternsFromTheirData() {
        XYChart c = Charts.xy("t", "x", "y");
        c.addSeries("s", new double[] {0, 2000}, new double[] {1e-7, 3e-6});
        Charts.tickPatterns(c);
        assertThat(c.getStyler().getXAxisDecimalPattern()).isEqualTo("0.###");
        assertThat(c.getStyler().getYAxisDecimalPattern()).isEqualTo("0.##E0");
        assertThat(new java.text.DecimalFormat(Charts.pattern(2000)).format(1080)).isEqualTo("1080");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static String stroke(java.awt.Color c) {
        return "stroke:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    /** The fraction of pixels within a small distance of {@code c}. */
    static double colourFraction(BufferedImage img, java.awt.Color c) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - c.getRed()) + Math.abs(g - c.getGreen()) + Math.abs(b - c.getBlue()) < 30) {
                    n++;
                }
            }
        }
        return n / (double) ((long) img.getWidth() * img.getHeight());
    }
}
