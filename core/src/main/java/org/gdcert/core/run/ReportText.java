package org.gdcert.core.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.train.MonitorCheck;

/** Certificate reports and monitor checks as plain-text tables for the terminal. */
public final class ReportText {
    private ReportText() {
    }

    /** %.4g without locale surprises; "-" for NaN. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** One report: header, conditions table, rate, step size, loss bound, key quantities and notes. */
    public static String report(CertificateReport r, boolean withQuantities) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.checker());
        if (!r.theorem().isEmpty()) {
            sb.append(" (").append(r.theorem()).append(')');
        }
        sb.append(": ").append(r.verdict()).append('\n');
        for (String reason : r.reasons()) {
            sb.append("  - ").append(reason).append('\n');
        }
        if (!r.conditions().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"condition", "eq.", "lhs", "", "rhs", "slack", "status", "binding", "tag"});
            for (Condition c : r.conditions()) {
                rows.add(new String[] {c.id(), c.equation(), num(c.lhs()), c.relation(), num(c.rhs()), num(c.slack()),
                        c.status().name().toLowerCase(Locale.ROOT), c.binding(), c.tag().word()});
            }
            sb.append(table(rows, "  "));
        }
        r.rate().ifPresent(v -> sb.append("  guaranteed rate: ").append(num(v)).append('\n'));
        r.stepSizeBound().ifPresent(v -> sb.append("  step-size bound: η < ").append(num(v)).append('\n'));
        r.lossBound().ifPresent(b -> sb.append("  loss bound: ").append(b.formula()).append(" [").append(b.tag().word())
                .append("]\n"));
        if (withQuantities && !r.quantities().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"quantity", "value", "eq.", "tag", "note"});
            for (Quantity q : r.quantities()) {
                rows.add(new String[] {q.symbol().isEmpty() ? q.name() : q.symbol(), num(q.value()), q.equation(),
                        q.tag().word(), q.note()});
            }
            sb.append(table(rows, "  "));
        }
        for (Note n : r.notes()) {
            sb.append("  [").append(n.tag().word()).append("] ").append(n.topic()).append(": ").append(n.text())
                    .append('\n');
        }
        return sb.toString();
    }

    /** The monitors' verdicts, bounds and regimes apart. */
    public static String checks(List<MonitorCheck> checks) {
        if (checks.isEmpty()) {
            return "";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"check", "kind", "held", "first violation", "worst ratio", "detail"});
        for (MonitorCheck c : checks) {
            rows.add(new String[] {c.name(), c.kind().name().toLowerCase(Locale.ROOT), c.held() ? "yes" : "NO",
                    Double.isNaN(c.firstViolation()) ? "-" : num(c.firstViolation()), num(c.worstRatio()), c.detail()});
        }
        return table(rows, "  ");
    }

    /** Left-aligned columns separated by two spaces. */
    public static String table(List<String[]> rows, String indent) {
        int cols = rows.stream().mapToInt(a -> a.length).max().orElse(0);
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) {
                    line.append(" ".repeat(w[i] - r[i].length() + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
