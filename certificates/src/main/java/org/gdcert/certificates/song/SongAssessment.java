package org.gdcert.certificates.song;

import org.gdcert.core.cert.CertificateReport;

/**
 * A report with the numbers behind it, for the monitor and for tests.
 *
 * @param report what the checker says
 * @param applicability the decisions of §4.2
 * @param net the instance (null when the layers are not the paper's network or nothing could be computed)
 * @param paper Lemma 3's bounds (null when not computed)
 * @param exact the EXACT mode's bounds (null when not computed)
 * @param plPaper the PL constants with Lemma 3's (μ, ν) (null when not computed)
 * @param plExact the PL constants with the exact (μ, ν) (null when EXACT is unavailable or μ_ex = 0)
 * @param exactMode whether the headline verdict uses EXACT mode
 */
record SongAssessment(CertificateReport report, SongApplicability.Result applicability, ShallowNet net,
        NearIsometry.Paper paper, NearIsometry.Exact exact, PlConstants plPaper, PlConstants plExact,
        boolean exactMode) {

    /** The constants of the headline mode, or null. */
    PlConstants headline() {
        return exactMode ? plExact : plPaper;
    }

    static SongAssessment of(CertificateReport report, SongApplicability.Result app) {
        return new SongAssessment(report, app, null, null, null, null, null, false);
    }
}
