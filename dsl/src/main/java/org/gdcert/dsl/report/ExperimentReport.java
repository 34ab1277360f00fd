package org.gdcert.dsl.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.run.ResultWriter;
import org.gdcert.dsl.plot.Html;
import org.gdcert.dsl.plot.Plot;
import org.gdcert.dsl.plot.Plotter;
import org.gdcert.dsl.plot.SavedExperiment;
import org.gdcert.dsl.plot.SavedRun;

/**
 * {@code report.html} of an experiment (or of one run folder): the outcome, the plots inlined as
 * SVG, the certificates as tables, the monitors' checks, the script and the provenance; for a
 * sweep also the results table, the heat maps and the width plot, and each run in a section of
 * its own. Self-contained: inline CSS and SVG, no script, nothing from the network.
 */
public final class ExperimentReport {
    /** The report's file name. */
    public static final String FILE = "report.html";
    /** Runs of a sweep shown with their certificates and checks. */
    public static final int MAX_RUN_SECTIONS = 50;
    /** Runs of a sweep shown with their loss plot inlined (the others link to theirs). */
    public static final int MAX_INLINE_RUN_PLOTS = 6;
    /** Rows of results.csv shown. */
    public static final int MAX_RESULT_ROWS = 1000;

    private ExperimentReport() {
    }

    /** Writes {@code report.html} into the folder that was plotted; returns its path. */
    public static Path write(Plotter.Result result) {
        Path dir = result.experiment().directory();
        Path file = dir.resolve(FILE);
        String html = render(result);
        ResultWriter.writeAtomically(file, o -> o.write(html.getBytes(StandardCharsets.UTF_8)));
        return file;
    }

    /** The page. */
    public static String render(Plotter.Result result) {
        SavedExperiment e = result.experiment();
        Path dir = e.directory();
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
                Locale.ROOT));
        Page page = new Page("gdcert: " + e.name(), (e.isSweep() ? e.runs().size() + " runs" : "one run") + " · "
                + dir.toAbsolutePath().normalize() + " · written " + when);
        if (!e.isSweep()) {
            Plotter.RunPlotsWritten rp = result.runs().isEmpty() ? null : result.runs().get(0);
            SavedRun r = e.runs().get(0);
            page.section("outcome", "Outcome", Sections.runSummary(r));
            List<Plot> plots = rp == null ? List.of() : rp.plots();
            List<Plot> loss = plots.stream().filter(p -> p.name().equals("loss")).toList();
            List<Plot> monitors = plots.stream().filter(p -> !p.name().equals("loss")).toList();
            if (!loss.isEmpty()) {
                page.section("loss", "Loss and the certified bounds", Sections.plots(loss, dir, "loss-"));
            }
            page.section("certificates", "Certificates on θ0", Sections.certificates(r.certificates()));
            page.section("checks", "Along training", Sections.checks(r.checks()) + (monitors.isEmpty() ? ""
                    : "<div class=\"grid\">\n" + Sections.plots(monitors, dir, "mon-") + "</div>\n"));
            page.section("script", "Script", Sections.script(r.script()));
            page.section("provenance", "Provenance", Sections.provenance(r.provenance()));
        } else {
            page.section("outcome", "Outcome", sweepSummary(e));
            if (!result.aggregate().isEmpty()) {
                page.section("plots", "Plots", Sections.plots(result.aggregate(), dir, "agg-"));
            }
            result.widths().ifPresent(w -> page.section("widths", "Smallest converging width", Sections.widthTable(w)));
            e.results().ifPresent(t -> page.section("results", "Results (results.csv)", Sections.table(t,
                    MAX_RESULT_ROWS)));
            page.section("runs", "Runs", runs(result, dir));
            page.section("script", "Script", Sections.script(e.script()));
            page.section("provenance", "Provenance (first run)", Sections.provenance(e.runs().get(0).provenance()));
        }
        if (!result.notes().isEmpty()) {
            StringBuilder sb = new StringBuilder("<ul class=\"note\">");
            result.notes().forEach(n -> sb.append("<li>").append(Html.escape(n)).append("</li>"));
            page.section("notes", "Notes", sb.append("</ul>\n").toString());
        }
        if (!result.problems().isEmpty()) {
            StringBuilder sb = new StringBuilder("<ul>");
            result.problems().forEach(p -> sb.append("<li>").append(Html.escape(p)).append("</li>"));
            page.section("problems", "Not drawn", sb.append("</ul>\n").toString());
        }
        return page.render();
    }

    private static String sweepSummary(SavedExperiment e) {
        int finished = 0;
        int converged = 0;
        int targets = 0;
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Map<String, Integer>> verdicts = new LinkedHashMap<>();
        for (SavedRun r : e.runs()) {
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.finished()) {
                finished++;
            }
            for (CertificateReport c : r.certificates()) {
                verdicts.computeIfAbsent(c.checker(), k -> new TreeMap<>()).merge(c.verdict().name(), 1, Integer::sum);
            }
        }
        if (e.results().isPresent() && e.results().get().has("converged")) {
            for (String c : e.results().get().column("converged")) {
                if (c.equals("yes") || c.equals("no")) {
                    targets++;
                    converged += c.equals("yes") ? 1 : 0;
                }
            }
        }
        StringBuilder sb = new StringBuilder("<dl class=\"kv\">\n");
        sb.append("<dt>runs</dt><dd>").append(e.runs().size()).append(" (").append(finished).append(" finished)</dd>\n");
        sb.append("<dt>sweep variables</dt><dd>").append(Html.escape(String.join(", ", e.sweepVariables())))
                .append("</dd>\n");
        StringBuilder st = new StringBuilder();
        statuses.forEach((k, v) -> st.append(st.length() == 0 ? "" : ", ").append(v).append(' ')
                .append(k.toLowerCase(Locale.ROOT)));
        sb.append("<dt>status</dt><dd>").append(Html.escape(st.toString())).append("</dd>\n");
        if (targets > 0) {
            sb.append("<dt>reached the target</dt><dd>").append(converged).append(" of ").append(targets)
                    .append("</dd>\n");
        }
        verdicts.forEach((checker, counts) -> {
            StringBuilder v = new StringBuilder();
            counts.forEach((k, n) -> v.append(v.length() == 0 ? "" : " ").append(Sections.verdict(k)).append(" × ")
                    .append(n));
            sb.append("<dt>").append(Html.escape(checker)).append("</dt><dd>").append(v).append("</dd>\n");
        });
        return sb.append("</dl>\n").toString();
    }

    private static String runs(Plotter.Result result, Path dir) {
        StringBuilder sb = new StringBuilder();
        List<Plotter.RunPlotsWritten> written = result.runs();
        Map<Path, Plotter.RunPlotsWritten> byDir = new LinkedHashMap<>();
        written.forEach(w -> byDir.put(w.run().directory(), w));
        int shown = 0;
        for (SavedRun r : result.experiment().runs()) {
            if (shown >= MAX_RUN_SECTIONS) {
                sb.append("<p class=\"note\">").append(result.experiment().runs().size() - shown)
                        .append(" more runs: see their folders.</p>\n");
                break;
            }
            String id = "run-" + r.runId();
            sb.append("<details id=\"").append(Html.escape(id)).append("\"><summary>").append(Html.escape(r.runId()))
                    .append(" — ").append(Html.escape(r.status().toLowerCase(Locale.ROOT)))
                    .append(r.finished() ? ", loss " + Sections.num(r.number("final_loss")) : "")
                    .append("</summary>\n").append(Sections.runSummary(r));
            Plotter.RunPlotsWritten w = byDir.get(r.directory());
            Optional<Plot> loss = w == null ? Optional.empty() : w.loss();
            if (w != null && !w.plots().isEmpty()) {
                if (shown < MAX_INLINE_RUN_PLOTS && loss.isPresent()) {
                    sb.append(Sections.plots(List.of(loss.get()), dir, "r" + shown + "-"));
                }
                sb.append("<p>Plots: ");
                for (int i = 0; i < w.plots().size(); i++) {
                    Plot p = w.plots().get(i);
                    sb.append(i == 0 ? "" : ", ").append("<a href=\"").append(Html.escape(Sections.relative(dir,
                            p.svg()))).append("\">").append(Html.escape(p.name())).append("</a>");
                }
                sb.append("</p>\n");
            }
            sb.append("<h3>Certificates</h3>\n").append(Sections.certificates(r.certificates()))
                    .append("<h3>Along training</h3>\n").append(Sections.checks(r.checks())).append("</details>\n");
            shown++;
        }
        return sb.toString();
    }
}
