package org.gdcert.core.spi;

import java.util.Optional;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;

/**
 * Evaluates a theorem on the concrete initial weights. {@link #assess} never throws on a setting
 * outside the theorem: it answers INAPPLICABLE with the reason. A checker never invents a constant
 * the paper leaves unspecified: it says so in a note.
 */
public interface Certificate {

    CertificateReport assess(CertificateContext context);

    /** A monitor that checks the report's guarantee (and the proof's invariants) along training. */
    default Optional<Monitor> monitor(CertificateReport report, CertificateContext context) {
        return Optional.empty();
    }
}
