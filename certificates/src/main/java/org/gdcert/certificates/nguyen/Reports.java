package org.gdcert.certificates.nguyen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;

/** Small helpers to assemble reports and read them back (the monitors read the report's numbers). */
final class Reports {
    private Reports() {
    }

    /** Collects the parts of a report. */
    static final class Parts {
        final List<String> reasons = new ArrayList<>();
        final List<Condition> conditions = new ArrayList<>();
        final List<Quantity> quantities = new ArrayList<>();
        final List<Note> notes = new ArrayList<>();

        void q(String name, String symbol, double value, String eq, Tag tag, String note) {
            quantities.add(new Quantity(name, symbol, value, eq, tag, note));
        }

        void q(String name, String symbol, double value, String eq, Tag tag) {
            q(name, symbol, value, eq, tag, "");
        }

        void note(String topic, String text, Tag tag) {
            notes.add(new Note(topic, text, tag));
        }
    }

    /** The value of quantity {@code name}, NaN when absent. */
    static double value(CertificateReport r, String name) {
        return r.quantity(name).map(Quantity::value).orElse(Double.NaN);
    }

    /** A failure reason for a condition that does not hold. */
    static Optional<String> failure(Condition c) {
        if (c.holds()) {
            return Optional.empty();
        }
        String how = c.status() == Condition.Status.INDETERMINATE
                ? String.format(Locale.ROOT, "is within the rounding tolerance (slack %.6g)", c.slack())
                : String.format(Locale.ROOT, "fails by a factor %.3g", c.slack());
        return Optional.of(c.id() + " " + c.equation() + " " + how + (c.binding().isEmpty() ? ""
                : " (binding: " + c.binding() + ")"));
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
