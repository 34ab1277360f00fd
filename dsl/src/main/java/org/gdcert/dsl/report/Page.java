package org.gdcert.dsl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gdcert.dsl.plot.Html;

/**
 * A self-contained HTML page: inline CSS, inline SVG, no script and nothing fetched from the
 * network. Sections are listed in a table of contents at the top.
 */
public final class Page {
    private final String title;
    private final String subtitle;
    private final List<String[]> sections = new ArrayList<>();

    public Page(String title, String subtitle) {
        this.title = Objects.requireNonNull(title);
        this.subtitle = Objects.requireNonNull(subtitle);
    }

    /** Adds a section; {@code html} is trusted markup built with {@link Html#escape}. */
    public Page section(String id, String heading, String html) {
        sections.add(new String[] {id, heading, html});
        return this;
    }

    /** The page. */
    public String render() {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(Html.escape(title)).append("</h1>\n")
                .append("<p class=\"sub\">").append(Html.escape(subtitle)).append("</p>\n");
        if (sections.size() > 1) {
            sb.append("<nav><ul>");
            for (String[] s : sections) {
                sb.append("<li><a href=\"#").append(Html.escape(s[0])).append("\">").append(Html.escape(s[1]))
                        .append("</a></li>");
            }
            sb.append("</ul></nav>\n");
        }
        sb.append("</header>\n<main>\n");
        for (String[] s : sections) {
            sb.append("<section id=\"").append(Html.escape(s[0])).append("\">\n<h2>").append(Html.escape(s[1]))
                    .append("</h2>\n").append(s[2]).append("\n</section>\n");
        }
        sb.append("</main>\n<footer>Written by gdcert. Everything on this page is in this one file; the numbers "
                + "come from the run folders beside it.</footer>\n</body>\n</html>\n");
        return sb.toString();
    }

    static final String CSS = """
            :root { --fg: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --bg: #ffffff; --soft: #f5f7fa;
              --ok: #1e7b34; --bad: #b3261e; --warn: #8a5a00; --hidden: #fff1c2; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.45 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--fg);
              background: var(--bg); }
            header { padding: 24px 32px 8px; border-bottom: 1px solid var(--line); background: var(--soft); }
            h1 { margin: 0 0 4px; font-size: 26px; }
            h2 { font-size: 20px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
            h3 { font-size: 16px; margin: 20px 0 8px; }
            .sub { margin: 0 0 12px; color: var(--muted); }
            nav ul { list-style: none; padding: 0; margin: 8px 0 12px; display: flex; flex-wrap: wrap; gap: 6px 16px; }
            nav a { color: #0b57d0; text-decoration: none; }
            main { padding: 0 32px 32px; max-width: 1400px; }
            table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
            th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: var(--soft); font-weight: 600; }
            td.num { text-align: right; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; white-space: nowrap; }
            tr.hidden td { background: var(--hidden); }
            .verdict { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: 13px;
              color: #fff; }
            .v-certified { background: var(--ok); } .v-not_certified { background: var(--bad); }
            .v-conditional { background: var(--warn); } .v-inapplicable { background: #6b6f76; }
            .ok { color: var(--ok); font-weight: 600; } .bad { color: var(--bad); font-weight: 600; }
            .warn { color: var(--warn); font-weight: 600; }
            .tag { font-size: 11px; padding: 0 5px; border: 1px solid var(--line); border-radius: 6px; color: var(--muted); }
            .tag-hidden { background: var(--hidden); border-color: #e0b100; color: #5c4300; font-weight: 600; }
            pre { background: var(--soft); border: 1px solid var(--line); padding: 12px; overflow-x: auto;
              font: 13px/1.4 "DejaVu Sans Mono", Menlo, Consolas, monospace; }
            figure { margin: 12px 0 24px; }
            figure svg { width: 100%; max-width: 860px; height: auto; border: 1px solid var(--line); }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 0 24px; }
            .grid figure { margin: 8px 0 16px; }
            figcaption { color: var(--muted); font-size: 13px; max-width: 860px; }
            details { margin: 6px 0; border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; }
            summary { cursor: pointer; font-weight: 600; }
            .note { color: var(--muted); font-size: 13px; }
            dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
            dl.kv dt { color: var(--muted); } dl.kv dd { margin: 0; }
            footer { padding: 16px 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); }
            """;
}
