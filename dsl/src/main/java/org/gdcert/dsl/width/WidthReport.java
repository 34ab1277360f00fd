package org.gdcert.dsl.width;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gdcert.core.run.ExperimentPlan;
import org.gdcert.core.run.PlanExecutor;
import org.gdcert.core.run.ResultWriter;
import org.gdcert.core.run.RunSpec;
import org.gdcert.dsl.plot.Charts;
import org.gdcert.dsl.plot.Described;
import org.gdcert.dsl.plot.Html;
import org.gdcert.dsl.plot.Plot;
import org.gdcert.dsl.plot.SavedRun;
import org.gdcert.dsl.plot.Table;
import org.gdcert.dsl.plot.WidthPlot;
import org.gdcert.dsl.report.ExperimentReport;
import org.gdcert.dsl.report.Page;
import org.gdcert.dsl.report.Sections;
import org.knowm.xchart.XYChart;

/**
 * Writes what a width search found into its folder: {@code widths.csv} (one row per point: the
 * smallest converging width, the largest failing one, the widths tried, and each certified width
 * requirement), the plot {@code width_vs_N} (SVG and PNG) and {@code report.html}.
 */
public final class WidthReport {
    private WidthReport() {
    }

    /** The files written. */
    public record Written(Path csv, Optional<Plot> plot, Path report) {
    }

    /** The plot's data: the trials, the answers and the requirements, by N. */
    public static WidthPlot.Data data(WidthFinder.Result r, WidthFinder.Settings s, String widthName) {
        List<WidthPlot.Trial> trials = new ArrayList<>();
        List<WidthPlot.Point> points = new ArrayList<>();
        Map<Integer, List<WidthPlot.Found>> found = new TreeMap<>();
        for (WidthFinder.PointResult p : r.points()) {
            if (p.samples().isEmpty()) {
                continue;
            }
            int n = p.samples().getAsInt();
            trials.addAll(p.trials().stream().map(t -> new WidthPlot.Trial(n, t.width(), t.converged(), t.runs()))
                    .toList());
            int largest = p.trials().stream().mapToInt(WidthPlot.Trial::width).max().orElse(0);
            points.add(new WidthPlot.Point(n, p.bracket().smallest(), largest));
            found.computeIfAbsent(n, k -> new ArrayList<>()).addAll(p.requirements());
        }
        return new WidthPlot.Data(widthName, s.fraction(), trials, points, WidthPlot.aggregate(found));
    }

    /** Writes the CSV, the plot and the report. */
    public static Written write(WidthFinder.Result r, WidthFinder.Settings s, ExperimentPlan base) {
        Path dir = r.directory();
        String widthName = "n_" + s.layer() + " (width of layer " + s.layer() + ")";
        WidthPlot.Data data = data(r, s, widthName);
        Path csv = dir.resolve(WidthFinder.CSV);
        String text = csv(r, data);
        ResultWriter.writeAtomically(csv, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        Optional<Plot> plot = Optional.empty();
        if (!data.points().isEmpty()) {
            Described<XYChart> d = WidthPlot.chart(data, base.name());
            plot = Optional.of(Charts.write(d.chart(), dir, "width_vs_N", d.description()));
        }
        String html = html(r, s, base, data, plot);
        Path report = dir.resolve(ExperimentReport.FILE);
        ResultWriter.writeAtomically(report, o -> o.write(html.getBytes(StandardCharsets.UTF_8)));
        return new Written(csv, plot, report);
    }

    static String csv(WidthFinder.Result r, WidthPlot.Data data) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(r.variables());
        header.addAll(List.of("N", "smallest_width", "largest_failing_width", "monotone", "widths_tried"));
        data.requirements().forEach(q -> header.add("required: " + q.label()));
        sb.append(String.join(",", header.stream().map(WidthReport::cell).toList())).append('\n');
        for (WidthFinder.PointResult p : r.points()) {
            List<String> row = new ArrayList<>();
            r.variables().forEach(v -> row.add(p.key().getOrDefault(v, "")));
            row.add(p.samples().isPresent() ? Integer.toString(p.samples().getAsInt()) : "");
            row.add(p.bracket().smallest().isPresent() ? Integer.toString(p.bracket().smallest().getAsInt()) : "");
            row.add(p.bracket().largestFailing().isPresent() ? Integer.toString(p.bracket().largestFailing()
                    .getAsInt()) : "");
            row.add(p.bracket().monotone() ? "yes" : "no");
            StringBuilder tried = new StringBuilder();
            for (WidthPlot.Trial t : p.trials()) {
                tried.append(tried.length() == 0 ? "" : " ").append(t.width()).append(':').append(t.converged())
                        .append('/').append(t.runs());
            }
            row.add(tried.toString());
            for (WidthPlot.Requirement q : data.requirements()) {
                Double v = p.samples().isPresent() ? q.byN().get(p.samples().getAsInt()) : null;
                row.add(v == null ? "" : Sections.num(v));
            }
            sb.append(String.join(",", row.stream().map(WidthReport::cell).toList())).append('\n');
        }
        return sb.toString();
    }

    /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
    static String cell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String html(WidthFinder.Result r, WidthFinder.Settings s, ExperimentPlan base, WidthPlot.Data data,
            Optional<Plot> plot) {
        Path dir = r.directory();
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
                Locale.ROOT));
        Page page = new Page("gdcert find-width: " + base.name(), r.runs().size() + " runs · "
                + dir.toAbsolutePath().normalize() + " · written " + when);
        RunSpec first = base.runs().get(0);
        StringBuilder sb = new StringBuilder("<dl class=\"kv\">\n");
        kv(sb, "width searched", data.widthName());
        kv(sb, "target", (first.stop().lossBelow() > 0 ? "loss Φ < " + Sections.num(first.stop().lossBelow()) : "")
                + (first.stop().lossBelow() > 0 && first.stop().residualBelow() > 0 ? " or " : "")
                + (first.stop().residualBelow() > 0 ? "relative residual < " + Sections.num(first.stop()
                        .residualBelow()) : "") + " within the script's step and time budgets");
        kv(sb, "converging", String.format(Locale.ROOT, "at least %d of %d seeds (fraction %.3g)", s.needed(),
                s.repeats(), s.fraction()));
        kv(sb, "widths considered", s.min() + " … " + s.max() + (s.resolution() > 0 ? String.format(Locale.ROOT,
                ", resolved to %.3g of the width", s.resolution()) : ", resolved exactly"));
        kv(sb, "search", "from the script's width: doubling while runs fail, halving while they converge, then "
                + "bisection; assumes convergence is monotone in the width");
        if (r.cancelled()) {
            kv(sb, "interrupted", "the search was stopped; run the same command again to resume it");
        }
        sb.append("</dl>\n");
        r.error().ifPresent(e -> sb.append("<pre class=\"bad\">").append(Html.escape(e)).append("</pre>\n"));
        for (WidthFinder.PointResult p : r.points()) {
            if (!p.bracket().monotone()) {
                sb.append("<p class=\"warn\">").append(Html.escape(p.label())).append(": not monotone — width ")
                        .append(p.bracket().largestFailing().getAsInt()).append(" failed although ")
                        .append(p.bracket().smallest().getAsInt()).append(" converged; the answer is the smallest "
                                + "converging width seen.</p>\n");
            }
            if (!p.errors().isEmpty()) {
                sb.append("<p class=\"bad\">").append(Html.escape(p.label() + ": " + p.errors().size()
                        + " runs could not start, e.g. " + p.errors().get(0))).append("</p>\n");
            }
        }
        page.section("search", "Search", sb.toString());
        page.section("widths", "Smallest converging width", (plot.isPresent() ? Sections.plots(List.of(plot.get()),
                dir, "") : "") + Sections.widthTable(data) + pointsTable(r));
        Path results = dir.resolve(PlanExecutor.RESULTS);
        try {
            page.section("trials", "Every run (results.csv)", Sections.table(Table.read(results),
                    ExperimentReport.MAX_RESULT_ROWS));
        } catch (java.io.IOException e) {
            // no run finished: nothing to show
        }
        page.section("script", "Script", Sections.script(base.source()));
        if (!r.runs().isEmpty()) {
            page.section("provenance", "Provenance (first run)", Sections.provenance(SavedRun.read(
                    r.runs().get(0).directory()).provenance()));
        }
        return page.render();
    }

    private static String pointsTable(WidthFinder.Result r) {
        StringBuilder sb = new StringBuilder("<table><thead><tr><th>point</th><th>N</th><th>smallest converging</th>"
                + "<th>largest failing</th><th>tried (width: converged/runs)</th></tr></thead><tbody>\n");
        for (WidthFinder.PointResult p : r.points()) {
            StringBuilder tried = new StringBuilder();
            for (WidthPlot.Trial t : p.trials()) {
                tried.append(tried.length() == 0 ? "" : ", ").append(t.width()).append(": ").append(t.converged())
                        .append('/').append(t.runs());
            }
            sb.append("<tr><td>").append(Html.escape(p.label())).append("</td><td class=\"num\">")
                    .append(p.samples().isPresent() ? p.samples().getAsInt() : "–").append("</td><td class=\"num\">")
                    .append(p.bracket().smallest().isPresent() ? p.bracket().smallest().getAsInt() : "none")
                    .append("</td><td class=\"num\">").append(p.bracket().largestFailing().isPresent()
                            ? p.bracket().largestFailing().getAsInt() : "–").append("</td><td>")
                    .append(Html.escape(tried.toString())).append("</td></tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }

    private static void kv(StringBuilder sb, String k, String v) {
        sb.append("<dt>").append(Html.escape(k)).append("</dt><dd>").append(Html.escape(v)).append("</dd>\n");
    }
}
