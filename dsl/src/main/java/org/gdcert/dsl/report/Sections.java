package org.gdcert.dsl.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.MonitorCheck;
import org.gdcert.dsl.plot.Html;
import org.gdcert.dsl.plot.Plot;
import org.gdcert.dsl.plot.SavedRun;
import org.gdcert.dsl.plot.Table;
import org.gdcert.dsl.plot.WidthPlot;

/** The HTML building blocks of reports: plots inlined as SVG, certificate tables, checks, provenance. */
public final class Sections {
    private static final Pattern XML_PROLOG = Pattern.compile("<\\?xml[^>]*\\?>\\s*");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");
    private static final Pattern SVG_OPEN = Pattern.compile("<svg\\b([^>]*)>");
    private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");

    private Sections() {
    }

    /** {@code 1.234e-05}, {@code 42}, {@code –} for NaN. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String td(double v) {
        return "<td class=\"num\">" + num(v) + "</td>";
    }

    static String td(String text) {
        return "<td>" + Html.escape(text) + "</td>";
    }

    static String tag(Tag t) {
        return "<span class=\"tag" + (t == Tag.HIDDEN ? " tag-hidden" : "") + "\">" + t.word() + "</span>";
    }

    static String verdict(String v) {
        String cls = "v-" + v.toLowerCase(Locale.ROOT);
        return "<span class=\"verdict " + Html.escape(cls) + "\">" + Html.escape(v) + "</span>";
    }

    /**
     * An SVG file's markup ready to sit inside HTML: without the XML prolog and doctype, without
     * namespace URLs (HTML knows SVG), without a fixed size (CSS scales it), and with every id
     * prefixed so that several plots on one page cannot clash.
     */
    public static String inlineSvg(String svg, String prefix) {
        String s = XML_PROLOG.matcher(svg).replaceFirst("");
        s = DOCTYPE.matcher(s).replaceFirst("");
        Matcher open = SVG_OPEN.matcher(s);
        if (open.find()) {
            String attrs = open.group(1).replaceAll("\\s(xmlns(:\\w+)?|width|height|x|y)=\"[^\"]*\"", "");
            s = s.substring(0, open.start()) + "<svg" + attrs + " role=\"img\">" + s.substring(open.end());
        }
        Matcher ids = ID.matcher(s);
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        while (ids.find()) {
            found.add(ids.group(1));
        }
        for (String id : found) {
            s = s.replace("id=\"" + id + "\"", "id=\"" + prefix + id + "\"").replace("url(#" + id + ")",
                    "url(#" + prefix + id + ")").replace("href=\"#" + id + "\"", "href=\"#" + prefix + id + "\"");
        }
        return s.strip();
    }

    /** Figures with the plots inlined, captions and links to the SVG and PNG files. */
    public static String plots(List<Plot> plots, Path reportDir, String idPrefix) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Plot p : plots) {
            String svg;
            try {
                svg = Files.readString(p.svg(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                sb.append("<p class=\"note\">").append(Html.escape(p.svg() + ": cannot be read: " + e.getMessage()))
                        .append("</p>\n");
                continue;
            }
            sb.append("<figure id=\"").append(Html.escape(idPrefix + "fig-" + p.name())).append("\">\n")
                    .append(inlineSvg(svg, idPrefix + (i++) + "-")).append("\n<figcaption>")
                    .append(Html.escape(p.description())).append(" Files: <a href=\"")
                    .append(Html.escape(relative(reportDir, p.svg()))).append("\">")
                    .append(Html.escape(p.svg().getFileName().toString())).append("</a>, <a href=\"")
                    .append(Html.escape(relative(reportDir, p.png()))).append("\">")
                    .append(Html.escape(p.png().getFileName().toString())).append("</a>.</figcaption>\n</figure>\n");
        }
        return sb.toString();
    }

    static String relative(Path from, Path to) {
        try {
            return from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()).toString()
                    .replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return to.toString();
        }
    }

    /** One run's outcome as a definition list. */
    public static String runSummary(SavedRun r) {
        if (!r.finished()) {
            return "<p class=\"bad\">This run has not finished (no summary.json): it was stopped or is still "
                    + "running.</p>\n";
        }
        StringBuilder sb = new StringBuilder("<dl class=\"kv\">\n");
        String status = r.status();
        kv(sb, "status", "<span class=\"" + (status.equals("COMPLETED") ? "ok" : "bad") + "\">" + Html.escape(status)
                + "</span> — " + Html.escape(String.valueOf(r.summary().getOrDefault("message", ""))));
        kv(sb, "stopped because", Html.escape(r.stopReason()));
        kv(sb, "loss Φ", num(r.number("initial_loss")) + " → " + num(r.number("final_loss")));
        kv(sb, r.axis() == Axis.TIME ? "steps (accepted)" : "steps", num(r.number("steps")));
        if (r.axis() == Axis.TIME) {
            kv(sb, "final time t", num(r.number("final_time")));
        }
        double eta = r.number("step_size");
        if (!Double.isNaN(eta)) {
            kv(sb, "step size η", num(eta) + " <span class=\"note\">(" + Html.escape(String.valueOf(
                    r.summary().getOrDefault("step_size_source", ""))) + ")</span>");
        }
        r.samples().ifPresent(n -> kv(sb, "samples N", Integer.toString(n)));
        r.widths().ifPresent(w -> {
            StringBuilder ws = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                ws.append(i == 0 ? "" : " → ").append(w[i]);
            }
            kv(sb, "widths", ws.toString());
        });
        kv(sb, "seed", Html.escape(String.valueOf(r.summary().getOrDefault("seed", ""))));
        if (!r.bindings().isEmpty()) {
            StringBuilder b = new StringBuilder();
            r.bindings().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" = ").append(v));
            kv(sb, "sweep point", Html.escape(b.toString()));
        }
        kv(sb, "wall time", num(r.number("wall_seconds")) + " s");
        sb.append("</dl>\n");
        if (r.summary().get("notes") instanceof List<?> notes && !notes.isEmpty()) {
            sb.append("<ul class=\"note\">");
            for (Object n : notes) {
                sb.append("<li>").append(Html.escape(String.valueOf(n))).append("</li>");
            }
            sb.append("</ul>\n");
        }
        if (!r.problems().isEmpty()) {
            sb.append("<p class=\"bad\">Files that could not be read: ").append(Html.escape(String.join("; ",
                    r.problems()))).append("</p>\n");
        }
        return sb.toString();
    }

    private static void kv(StringBuilder sb, String key, String valueHtml) {
        sb.append("<dt>").append(Html.escape(key)).append("</dt><dd>").append(valueHtml).append("</dd>\n");
    }

    /** Every report: verdict, reasons, conditions, the guarantee, quantities, notes (hidden constants highlighted). */
    public static String certificates(List<CertificateReport> reports) {
        if (reports.isEmpty()) {
            return "<p class=\"note\">No certificate was requested (add <code>certify ...</code> to the script).</p>\n";
        }
        StringBuilder sb = new StringBuilder();
        for (CertificateReport r : reports) {
            sb.append("<h3>").append(Html.escape(r.checker())).append(" — ").append(Html.escape(r.theorem()))
                    .append(" ").append(verdict(r.verdict().name())).append("</h3>\n");
            if (!r.reasons().isEmpty()) {
                sb.append("<ul>");
                r.reasons().forEach(x -> sb.append("<li>").append(Html.escape(x)).append("</li>"));
                sb.append("</ul>\n");
            }
            sb.append(guarantee(r));
            if (!r.conditions().isEmpty()) {
                sb.append("<table class=\"conditions\"><thead><tr><th>condition</th><th>equation</th>"
                        + "<th>what it says</th><th>LHS</th><th></th><th>RHS</th><th>slack</th><th>status</th>"
                        + "<th>binding</th><th>tag</th></tr></thead><tbody>\n");
                for (Condition c : r.conditions()) {
                    double slack = c.slack();
                    String cls = Double.isNaN(slack) ? "" : slack <= 1 ? "ok" : "bad";
                    String status = c.status().name();
                    sb.append("<tr").append(c.tag() == Tag.HIDDEN ? " class=\"hidden\"" : "").append(">")
                            .append(td(c.id())).append(td(c.equation())).append(td(c.description())).append(td(c.lhs()))
                            .append(td(c.relation())).append(td(c.rhs())).append("<td class=\"num ").append(cls)
                            .append("\">").append(num(slack)).append("</td><td class=\"")
                            .append(status.equals("SATISFIED") ? "ok" : status.equals("VIOLATED") ? "bad" : "warn")
                            .append("\">").append(status.toLowerCase(Locale.ROOT)).append("</td>")
                            .append(td(c.binding())).append("<td>").append(tag(c.tag())).append("</td></tr>\n");
                }
                sb.append("</tbody></table>\n<p class=\"note\">slack = RHS/LHS for ≥ and LHS/RHS for ≤: at most 1 "
                        + "means the condition holds, and by how much.</p>\n");
            }
            if (!r.quantities().isEmpty()) {
                sb.append("<details><summary>quantities (").append(r.quantities().size()).append(")</summary>\n")
                        .append("<table class=\"quantities\"><thead><tr><th>symbol</th><th>name</th><th>value</th>"
                                + "<th>equation</th><th>tag</th><th>note</th></tr></thead><tbody>\n");
                for (Quantity q : r.quantities()) {
                    sb.append("<tr").append(q.tag() == Tag.HIDDEN ? " class=\"hidden\"" : "").append(">")
                            .append(td(q.symbol())).append(td(q.name())).append(td(q.value())).append(td(q.equation()))
                            .append("<td>").append(tag(q.tag())).append("</td>").append(td(q.note())).append("</tr>\n");
                }
                sb.append("</tbody></table></details>\n");
            }
            if (!r.notes().isEmpty()) {
                sb.append("<table class=\"notes\"><thead><tr><th>note</th><th>text</th><th>tag</th></tr></thead>"
                        + "<tbody>\n");
                for (Note n : r.notes()) {
                    boolean hidden = n.tag() == Tag.HIDDEN;
                    sb.append("<tr").append(hidden ? " class=\"hidden\"" : "").append(">").append(td(n.topic()))
                            .append("<td>").append(hidden ? "<strong>HIDDEN constant:</strong> " : "")
                            .append(Html.escape(n.text())).append("</td><td>").append(tag(n.tag()))
                            .append("</td></tr>\n");
                }
                sb.append("</tbody></table>\n");
            }
        }
        sb.append("<p class=\"note\">Tags: paper (as printed), derived (a proof step made explicit), repaired (a typo "
                + "fixed as the spec says), extension (beyond the paper), <span class=\"tag tag-hidden\">hidden</span> "
                + "(involves a constant the paper leaves unspecified; never evaluated as if known).</p>\n");
        return sb.toString();
    }

    private static String guarantee(CertificateReport r) {
        if (r.lossBound().isEmpty() && r.stepSizeBound().isEmpty() && r.rate().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<dl class=\"kv\">\n");
        r.lossBound().ifPresent(b -> kv(sb, "loss bound", Html.escape(b.formula()) + " " + tag(b.tag())
                + String.format(Locale.ROOT, " <span class=\"note\">(Φ0 = %s, %s = %s)</span>", num(b.initial()),
                        b.axis() == Axis.TIME ? "r" : "ρ", num(b.rate()))));
        r.rate().ifPresent(v -> kv(sb, "rate", num(v)));
        r.stepSizeBound().ifPresent(v -> kv(sb, "step-size bound η_max", num(v)));
        sb.append("</dl>\n");
        return sb.toString();
    }

    /** The monitors' verdicts along training. */
    public static String checks(List<MonitorCheck> checks) {
        if (checks.isEmpty()) {
            return "<p class=\"note\">No monitor checked anything along training.</p>\n";
        }
        StringBuilder sb = new StringBuilder("<table class=\"checks\"><thead><tr><th>check</th><th>kind</th>"
                + "<th>held</th><th>first violation</th><th>worst ratio</th><th>detail</th></tr></thead><tbody>\n");
        for (MonitorCheck c : checks) {
            sb.append("<tr>").append(td(c.name())).append(td(c.kind().name().toLowerCase(Locale.ROOT)))
                    .append("<td class=\"").append(c.held() ? "ok\">yes" : "bad\">NO").append("</td>")
                    .append(td(c.firstViolation())).append(td(c.worstRatio())).append(td(c.detail())).append("</tr>\n");
        }
        sb.append("</tbody></table>\n<p class=\"note\">bound: the theorem's guarantee; regime: an invariant of the "
                + "proof; info: a diagnostic. A worst ratio at most 1 means the check held on every recorded "
                + "iterate.</p>\n");
        return sb.toString();
    }

    /** The script as it was run. */
    public static String script(String text) {
        if (text.isEmpty()) {
            return "<p class=\"note\">The script was not saved with the results.</p>\n";
        }
        return "<pre>" + Html.escape(text) + "</pre>\n";
    }

    /** The provenance: versions, machine, seed, data fingerprint, and every plugin with its origin. */
    public static String provenance(Map<String, Object> p) {
        if (p.isEmpty()) {
            return "<p class=\"note\">No provenance.json.</p>\n";
        }
        StringBuilder sb = new StringBuilder("<dl class=\"kv\">\n");
        for (Map.Entry<String, Object> e : p.entrySet()) {
            if (e.getKey().equals("plugins")) {
                continue;
            }
            kv(sb, e.getKey(), Html.escape(String.valueOf(e.getValue())));
        }
        sb.append("</dl>\n");
        if (p.get("plugins") instanceof List<?> plugins && !plugins.isEmpty()) {
            sb.append("<table class=\"plugins\"><thead><tr><th>role</th><th>plugin</th><th>class</th><th>origin</th>"
                    + "</tr></thead><tbody>\n");
            for (Object o : plugins) {
                if (o instanceof Map<?, ?> m) {
                    sb.append("<tr>").append(td(String.valueOf(m.get("role")))).append(td(String.valueOf(
                            m.get("plugin")))).append(td(String.valueOf(m.get("class")))).append(td(String.valueOf(
                                    m.get("origin")))).append("</tr>\n");
                }
            }
            sb.append("</tbody></table>\n");
        }
        return sb.toString();
    }

    /** A CSV table as HTML, at most {@code limit} rows. */
    public static String table(Table t, int limit) {
        StringBuilder sb = new StringBuilder("<table class=\"results\"><thead><tr>");
        for (String c : t.columns()) {
            sb.append("<th>").append(Html.escape(c)).append("</th>");
        }
        sb.append("</tr></thead><tbody>\n");
        int n = Math.min(limit, t.size());
        for (int i = 0; i < n; i++) {
            sb.append("<tr>");
            for (String cell : t.rows().get(i)) {
                boolean number = !Double.isNaN(Table.number(cell));
                String cls = cell.equals("yes") || cell.equals("CERTIFIED") || cell.equals("COMPLETED") ? " class=\"ok\""
                        : cell.equals("no") || cell.equals("NOT_CERTIFIED") || cell.equals("DIVERGED")
                                || cell.equals("FAILED") ? " class=\"bad\"" : number ? " class=\"num\"" : "";
                sb.append("<td").append(cls).append(">").append(Html.escape(number ? num(Table.number(cell)) : cell))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n");
        if (t.size() > n) {
            sb.append("<p class=\"note\">").append(t.size() - n).append(" more rows in the CSV file.</p>\n");
        }
        return sb.toString();
    }

    /** The smallest converging width per N beside the certified requirements. */
    public static String widthTable(WidthPlot.Data w) {
        StringBuilder sb = new StringBuilder("<table><thead><tr><th>N</th><th>smallest converging width</th>"
                + "<th>largest tried</th>");
        for (WidthPlot.Requirement r : w.requirements()) {
            sb.append("<th>").append(Html.escape(r.label())).append("</th>");
        }
        sb.append("</tr></thead><tbody>\n");
        for (WidthPlot.Point p : w.points()) {
            sb.append("<tr>").append(td(p.samples())).append(p.smallest().isPresent()
                    ? td(p.smallest().getAsInt()) : "<td class=\"bad\">none ≤ " + p.largestTried() + "</td>")
                    .append(td(p.largestTried()));
            for (WidthPlot.Requirement r : w.requirements()) {
                Double v = r.byN().get(p.samples());
                sb.append(td(v == null ? Double.NaN : v));
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n<p class=\"note\">").append(Html.escape(w.widthName())).append(String.format(
                Locale.ROOT, "; converging means at least %.0f%% of the runs at that width reached the script's target. "
                        + "Requirements are the right sides of the certificates' width conditions (median over the "
                        + "runs at that N); a hidden one has its unspecified constants set to 1 and is a scaling, not "
                        + "a bound.", 100 * w.threshold())).append("</p>\n");
        return sb.toString();
    }
}
