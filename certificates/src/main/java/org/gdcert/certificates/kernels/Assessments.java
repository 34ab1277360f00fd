package org.gdcert.certificates.kernels;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;

/**
 * A checker's assessments by the report each produced (by identity, thread-safe), so that the
 * monitor of a report reuses the assessment behind it instead of evaluating θ0 again; a report it
 * has not seen is evaluated anew.
 *
 * @param <A> the checker's assessment, which carries its report
 */
public final class Assessments<A> {
    private final Map<CertificateReport, A> byReport = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Function<CertificateContext, A> evaluate;
    private final Function<A, CertificateReport> report;

    /**
     * @param evaluate the checker's assessment of an instance
     * @param report the report of an assessment
     */
    public Assessments(Function<CertificateContext, A> evaluate, Function<A, CertificateReport> report) {
        this.evaluate = Objects.requireNonNull(evaluate, "evaluate");
        this.report = Objects.requireNonNull(report, "report");
    }

    /** Evaluates {@code ctx}, remembers the assessment under its report, and returns the report. */
    public CertificateReport assess(CertificateContext ctx) {
        A a = evaluate.apply(ctx);
        CertificateReport r = report.apply(a);
        byReport.put(r, a);
        return r;
    }

    /** The assessment behind {@code r} (kept for later calls), or a new one of {@code ctx}. */
    public A get(CertificateReport r, CertificateContext ctx) {
        A a = byReport.get(r);
        return a != null ? a : evaluate.apply(ctx);
    }

    /** The assessment behind {@code r}, forgotten here, or a new one of {@code ctx}. */
    public A take(CertificateReport r, CertificateContext ctx) {
        A a = byReport.remove(r);
        return a != null ? a : evaluate.apply(ctx);
    }
}
