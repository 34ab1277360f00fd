package org.gdcert.certificates.sgdrelu;

import org.gdcert.core.cert.CertificateReport;

/**
 * What one assessment found, kept for the monitor: the report, the applicability decisions, the
 * instance in trained coordinates and the CERT-DI numbers (null where not computed).
 *
 * @param report the report handed to the runner
 * @param setup the applicability decisions
 * @param instance the two-layer instance (null when the structure does not map onto seed 004)
 * @param numbers the CERT-DI numbers (null when not computed)
 * @param level the CERT-DI level
 */
record Assessment(CertificateReport report, Setup.Result setup, Instance instance, DiNumbers numbers, Level level) {

    /** The deterministic certificate's own verdict words (spec §4.1 step 7, §4.4(f)). */
    enum Level {
        /** α &gt; 0 and F &lt; 1/8: Theorem 3.4 as stated. */
        CERTIFIED,
        /** α &gt; 0, F ≥ 1/8 but Λ &lt; 1: Lemma 3.3's condition, which is all the proof uses. */
        CERTIFIED_PROOF_LEVEL,
        /** α &gt; 0 (or α = 0 with d1 ≥ N), neither F &lt; 1/8 nor Λ &lt; 1. */
        NOT_CERTIFIED,
        /** d1 &lt; N: α = 0. */
        NOT_APPLICABLE,
        /** W-only or V-only training: no certificate in the main text. */
        NOT_COVERED,
        /** Not evaluated (the structure is outside seed 004, or the computation failed). */
        NONE;

        boolean certifies() {
            return this == CERTIFIED || this == CERTIFIED_PROOF_LEVEL;
        }
    }
}
