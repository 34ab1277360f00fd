package org.gdcert.certificates.sgdrelu;

import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code sgd_relu}: seed 004 (Polaczyk &amp; Cyranka), shallow ReLU networks trained by the
 * Clarke-subgradient flow or (S)GD: the deterministic certificate of Theorem 3.4 (every constant
 * explicit), the qualitative SGD part of Theorems 5.1/5.6, the asymptotic report with its hidden
 * constants, and the trajectory checks CHECK-TRAJ.
 */
public final class SgdReluCertificateProvider implements CertificateProvider {

    @Override
    public String name() {
        return SgdReluCertificate.NAME;
    }

    @Override
    public String description() {
        return "Polaczyk & Cyranka (seed 004), shallow ReLU: Thm 3.4 certificate F < 1/8 with explicit constants, "
                + "SGD Thms 5.1/5.6 (η0 hidden), asymptotic report, trajectory checks";
    }

    @Override
    public ParameterSchema parameters() {
        return SgdReluSettings.schema();
    }

    @Override
    public Certificate create(ValidatedParams params) {
        return new SgdReluCertificate(SgdReluSettings.from(params));
    }
}
