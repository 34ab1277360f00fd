package org.gdcert.certificates.du;

import org.gdcert.core.cert.CertificateReport;

/**
 * What one assessment computed, kept for the trajectory monitor: the report, the phase-A
 * decisions, the model, the kernels with λ_0, and the initialization diagnostics (each may be null
 * when the phase could not run).
 */
record DuAssessment(CertificateReport report, Applicability.Result applicability, DuModel model,
        KernelSolver.Outcome kernel, InitDiagnostics init) {

    static DuAssessment of(CertificateReport report, Applicability.Result app, DuModel model,
            KernelSolver.Outcome kernel, InitDiagnostics init) {
        return new DuAssessment(report, app, model, kernel, init);
    }
}
