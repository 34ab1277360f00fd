package org.gdcert.certificates.generic;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;

/**
 * The verdict scheme of the generic checkers: they measure, they do not certify. Every report is
 * CONDITIONAL with the reason "diagnostic, no guarantee" — never CERTIFIED (there is no theorem, so
 * nothing to certify, and {@code eta=certified} must never pick a diagnostic), never NOT_CERTIFIED
 * or INAPPLICABLE (there is no condition to fail and every setting can be measured). They report
 * no step-size bound, no rate and no loss bound.
 */
final class Diagnostics {
    private Diagnostics() {
    }

    static CertificateReport report(String checker, String what, List<Quantity> quantities, List<Note> notes) {
        return new CertificateReport(checker, what, Verdict.CONDITIONAL, List.of("diagnostic, no guarantee: "
                + "measured on the concrete instance; no theorem is checked, so no step size, rate or loss bound "
                + "is certified"), List.of(), quantities, OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), notes);
    }

    /** The report {@code evaluate} makes, or the {@link #failed} one when it throws. */
    static CertificateReport guarded(String checker, String what, Supplier<CertificateReport> evaluate) {
        try {
            return evaluate.get();
        } catch (RuntimeException e) {
            return failed(checker, what, String.valueOf(e.getMessage()));
        }
    }

    private static CertificateReport failed(String checker, String what, String message) {
        return new CertificateReport(checker, what, Verdict.CONDITIONAL, List.of("diagnostic, not computed: "
                + message), List.of(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
                List.of(new Note("scheme", "generic checkers always answer CONDITIONAL", Tag.DERIVED)));
    }
}
