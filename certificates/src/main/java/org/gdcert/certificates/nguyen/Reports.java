package org.gdcert.certificates.nguyen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.linalg.Precision;
import org.gdcert.core.spi.Monitor;

/**
 * What the two Nguyen checkers share: assembling a report (and its verdict), reading it back (the
 * monitors read the report's numbers), evaluating without throwing, and choosing the monitor.
 */
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

        /**
         * The verdict, with its reasons added: INAPPLICABLE for the given reasons if there are any;
         * else CERTIFIED, for {@code certifiedReason}, when every condition holds; else
         * NOT_CERTIFIED, for the failure of each condition that does not hold.
         */
        Verdict verdict(List<String> inapplicable, String certifiedReason) {
            if (!inapplicable.isEmpty()) {
                reasons.addAll(inapplicable);
                return Verdict.INAPPLICABLE;
            }
            if (conditions.stream().allMatch(Condition::holds)) {
                reasons.add(certifiedReason);
                return Verdict.CERTIFIED;
            }
            for (Condition cond : conditions) {
                failure(cond).ifPresent(reasons::add);
            }
            return Verdict.NOT_CERTIFIED;
        }

        /** The note that θ0's numbers were computed on a private float64 backend (a float32 run). */
        void privateBackendNote() {
            note("float32", "the run's backend is float32: the θ0 numbers were computed in float64 on a private "
                    + "Java backend; the trajectory monitors cannot support float32 (spec §6.4) and are not run",
                    Tag.DERIVED);
        }
    }

    /** The checker's report, or INAPPLICABLE saying why when it could not evaluate the instance. */
    static CertificateReport guarded(String name, String theorem, Supplier<CertificateReport> evaluate) {
        try {
            return evaluate.get();
        } catch (RuntimeException e) {
            return CertificateReport.inapplicable(name, theorem, List.of("the checker could not evaluate the "
                    + "instance: " + e.getMessage()), List.of());
        }
    }

    /**
     * The monitor of a checker's report: none when it is INAPPLICABLE or has no conditions, the
     * {@link Float32Monitor} (with column prefix {@code prefix}) on a float32 backend, else
     * {@code monitor}'s.
     */
    static Optional<Monitor> monitor(CertificateReport report, CertificateContext ctx, String prefix,
            Supplier<Monitor> monitor) {
        if (report.verdict() == Verdict.INAPPLICABLE || report.conditions().isEmpty()) {
            return Optional.empty();
        }
        if (ctx.network().backend().precision() == Precision.FLOAT) {
            return Optional.of(new Float32Monitor(prefix));
        }
        return Optional.of(monitor.get());
    }

    /** The value of quantity {@code name}, NaN when absent. */
    static double value(CertificateReport r, String name) {
        return r.quantity(name).map(Quantity::value).orElse(Double.NaN);
    }

    /** Quantities {@code name}1 … {@code name}L as an array indexed by layer (entry 0 unused). */
    static double[] perLayer(CertificateReport r, String name, int depth) {
        double[] out = new double[depth + 1];
        for (int l = 1; l <= depth; l++) {
            out[l] = value(r, name + l);
        }
        return out;
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
