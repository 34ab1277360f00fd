package org.gdcert.dsl.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.LossBound;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.json.Json;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.MonitorCheck;

/**
 * Reads back what {@link org.gdcert.core.run.ReportJson} wrote: certificate reports from
 * {@code certificates.json} and monitor checks from {@code summary.json}, as the core records, so
 * plots and reports work from saved files alone. Missing fields take neutral values (empty text,
 * NaN); a word that is not a known tag or status is read as the closest neutral one.
 */
public final class SavedReports {
    private SavedReports() {
    }

    /** The reports of a parsed {@code certificates.json} (a JSON array). */
    public static List<CertificateReport> reports(Object json) {
        List<CertificateReport> out = new ArrayList<>();
        if (json instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add(report(m));
                }
            }
        }
        return out;
    }

    /** One report. */
    public static CertificateReport report(Map<?, ?> m) {
        List<Condition> conditions = new ArrayList<>();
        for (Map<?, ?> c : maps(m.get("conditions"))) {
            String relation = text(c.get("relation"));
            if (!List.of(">=", ">", "<=", "<").contains(relation)) {
                continue;
            }
            conditions.add(new Condition(text(c.get("id")), text(c.get("equation")), text(c.get("description")),
                    number(c.get("lhs")), relation, number(c.get("rhs")), status(c.get("status")),
                    text(c.get("binding")), tag(c.get("tag"))));
        }
        List<Quantity> quantities = new ArrayList<>();
        for (Map<?, ?> q : maps(m.get("quantities"))) {
            quantities.add(new Quantity(text(q.get("name")), text(q.get("symbol")), number(q.get("value")),
                    text(q.get("equation")), tag(q.get("tag")), text(q.get("note"))));
        }
        List<Note> notes = new ArrayList<>();
        for (Map<?, ?> n : maps(m.get("notes"))) {
            notes.add(new Note(text(n.get("topic")), text(n.get("text")), tag(n.get("tag"))));
        }
        List<String> reasons = new ArrayList<>();
        if (m.get("reasons") instanceof List<?> rs) {
            rs.forEach(r -> reasons.add(String.valueOf(r)));
        }
        Optional<LossBound> bound = Optional.empty();
        if (m.get("loss_bound") instanceof Map<?, ?> b) {
            double initial = number(b.get("initial"));
            double rate = number(b.get("rate"));
            if (Double.isFinite(initial) && Double.isFinite(rate)) {
                Axis axis = "TIME".equals(text(b.get("axis"))) ? Axis.TIME : Axis.STEP;
                bound = Optional.of(new LossBound(axis, initial, rate, text(b.get("formula")), tag(b.get("tag"))));
            }
        }
        return new CertificateReport(text(m.get("checker")), text(m.get("theorem")), verdict(m.get("verdict")), reasons,
                conditions, quantities, optional(m.get("rate")), optional(m.get("step_size_bound")), bound, notes);
    }

    /** The monitor checks of a parsed {@code summary.json}. */
    public static List<MonitorCheck> checks(Map<?, ?> summary) {
        List<MonitorCheck> out = new ArrayList<>();
        for (Map<?, ?> c : maps(summary.get("checks"))) {
            MonitorCheck.Kind kind;
            try {
                kind = MonitorCheck.Kind.valueOf(text(c.get("kind")));
            } catch (IllegalArgumentException e) {
                kind = MonitorCheck.Kind.INFO;
            }
            out.add(new MonitorCheck(text(c.get("name")), kind, Boolean.TRUE.equals(c.get("held")),
                    number(c.get("first_violation")), number(c.get("worst_ratio")), text(c.get("detail"))));
        }
        return out;
    }

    private static List<Map<?, ?>> maps(Object o) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object x : l) {
                if (x instanceof Map<?, ?> m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    static String text(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    static double number(Object o) {
        try {
            return Json.asDouble(o);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    private static OptionalDouble optional(Object o) {
        double v = number(o);
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static Tag tag(Object o) {
        try {
            return Tag.valueOf(text(o).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Tag.EXTENSION;
        }
    }

    private static Condition.Status status(Object o) {
        try {
            return Condition.Status.valueOf(text(o));
        } catch (IllegalArgumentException e) {
            return Condition.Status.INDETERMINATE;
        }
    }

    private static Verdict verdict(Object o) {
        try {
            return Verdict.valueOf(text(o));
        } catch (IllegalArgumentException e) {
            return Verdict.INAPPLICABLE;
        }
    }
}
