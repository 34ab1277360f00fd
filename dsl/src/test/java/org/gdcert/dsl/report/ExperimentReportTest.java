package org.gdcert.dsl.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gdcert.dsl.plot.Plotter;
import org.gdcert.dsl.plot.SavedExperiment;
import org.gdcert.dsl.plot.SyntheticRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentReportTest {
    @TempDir
    Path tmp;

    static Path singleRunReport(Path tmp) throws Exception {
        SyntheticRuns.singleRun(tmp, 100);
        Path dir = tmp.resolve("exp");
        return ExperimentReport.write(Plotter.plot(SavedExperiment.read(dir), Plotter.Options.defaults()));
    }

    @Test
    void aRunsReportHasTheCertificateTablesInlinePlotsAndNothingFromTheNetwork() throws Exception {
        Path file = singleRunReport(tmp);
        assertThat(file).isEqualTo(tmp.resolve("exp").resolve("report.html"));
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>");
        for (String section : new String[] {"outcome", "loss", "certificates", "checks", "script", "provenance"}) {
            assertThat(html).contains("<section id=\"" + section + "\">");
        }
        // the certificate: verdict, the conditions table with LHS, RHS, slack and tag, the hidden constant
        assertThat(html).contains("<span class=\"verdict v-certified\">CERTIFIED</span>");
        assertThat(html).contains("<table class=\"conditions\">").contains("<td>width</td><td>Ass. 2.1</td>");
        assertThat(html).contains("<td class=\"num ok\">0.625000</td>"); // slack of n_1 = 16 >= N = 10
        assertThat(html).contains("<tr class=\"hidden\"><td>C_m</td><td><strong>HIDDEN constant:</strong> "
                + "multiplicative constant of Ω(·): unspecified</td>");
        assertThat(html).contains("<table class=\"checks\">").contains("nguyen_mondelli: loss bound (7)");
        // plots inline as SVG, the loss first, and links to the files
        assertThat(count(html, "<svg ")).isEqualTo(2);
        assertThat(html).contains("<a href=\"run/loss.svg\">loss.svg</a>");
        assertThat(html.indexOf("id=\"loss-fig-loss\"")).isPositive()
                .isLessThan(html.indexOf("id=\"mon-fig-monitor_pl_ratio\""));
        // self-contained: no URL, no script, no external resource; the script text is escaped
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
                .doesNotContain(" src=").doesNotContain("<link").doesNotContain("url(http");
        assertThat(html).contains("# a &lt;script&gt; &amp; &quot;quotes&quot;");
        // every id is unique, also those of the SVGs' clip paths
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> ids = new java.util.HashSet<>();
        while (m.find()) {
            assertThat(ids.add(m.group(1))).as("duplicate id " + m.group(1)).isTrue();
        }
    }

    @Test
    void aSweepsReportHasTheResultsTableHeatmapsAndWidthTable() throws Exception {
        Path dir = org.gdcert.dsl.plot.WidthPlotTestAccess.sweep(tmp.resolve("sweep"), new int[] {4, 8},
                new int[] {4, 8, 16});
        Plotter.Result r = Plotter.plot(SavedExperiment.read(dir), Plotter.Options.defaults());
        assertThat(r.aggregate()).extracting(p -> p.name()).containsExactly("heatmap_converged", "heatmap_final_loss",
                "heatmap_verdict_nguyen_mondelli", "steps_vs_m", "losses", "width_vs_N");
        String html = ExperimentReport.render(r);
        // m takes three values: the steps of the converging runs against it, beside the heat maps
        assertThat(html).contains("<figure id=\"agg-fig-steps_vs_m\">");
        assertThat(html.indexOf("agg-fig-steps_vs_m")).isBetween(html.indexOf("agg-fig-heatmap_converged"),
                html.indexOf("agg-fig-losses"));
        assertThat(html).contains("<section id=\"results\">").contains("<table class=\"results\">")
                .contains("<td>N=4_m=8_r1</td>");
        assertThat(html).contains("<section id=\"widths\">").contains("nguyen_mondelli (Ass. 2.1): n_1 &gt;= N [paper]");
        assertThat(html).contains("reached the target</dt><dd>6 of 12");
        assertThat(count(html, "<details id=\"run-")).isEqualTo(12);
        assertThat(count(html, "<svg ")).isEqualTo(6 + ExperimentReport.MAX_INLINE_RUN_PLOTS);
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void inlineSvgLosesItsPrologNamespacesAndSizeAndGetsPrefixedIds() {
        String svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"x\" \"http://www.w3.org/x.dtd\">\n<svg "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" height=\"560px\" viewBox=\"0 0 860 560\" width=\"860px\" "
                + "x=\"0px\" y=\"0px\" xmlns=\"http://www.w3.org/2000/svg\"><defs><clipPath id=\"c1\"><rect/></clipPath>"
                + "</defs><g clip-path=\"url(#c1)\"><rect x=\"1\" y=\"2\"/></g></svg>";
        String in = Sections.inlineSvg(svg, "p0-");
        assertThat(in).isEqualTo("<svg viewBox=\"0 0 860 560\" role=\"img\"><defs><clipPath id=\"p0-c1\"><rect/>"
                + "</clipPath></defs><g clip-path=\"url(#p0-c1)\"><rect x=\"1\" y=\"2\"/></g></svg>");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
