package org.gdcert.certificates.du;

import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code du}: seed 002 (Du, Lee, Li, Wang, Zhai, ICML 2019), Theorems 5.1 (fully connected) and 6.1
 * (ResNet): limit Gram K^(H) and λ_0 by the corrected recursions, the theorem expressions with
 * their hidden constants reported as implied constants (verdict CONDITIONAL at best), initialization
 * diagnostics and Gram-stability monitors.
 */
public final class DuCertificateProvider implements CertificateProvider {

    @Override
    public String name() {
        return DuCertificate.NAME;
    }

    @Override
    public String description() {
        return "Du et al. 2019 (seed 002), Thm 5.1/6.1: K^(H), λ_0, implied width/step constants, Gram stability "
                + "monitors";
    }

    @Override
    public ParameterSchema parameters() {
        return DuSettings.schema();
    }

    @Override
    public Certificate create(ValidatedParams params) {
        return new DuCertificate(DuSettings.from(params));
    }
}
