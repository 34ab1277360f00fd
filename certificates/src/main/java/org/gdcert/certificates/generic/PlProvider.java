package org.gdcert.certificates.generic;

import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.ValidatedParams;

/** {@code pl}: the measured local PL ratio at θ0 and along training (a diagnostic). */
public final class PlProvider implements CertificateProvider {
    @Override
    public String name() {
        return PlCertificate.NAME;
    }

    @Override
    public String description() {
        return "measured local PL ratio |grad|^2/(2 loss) at theta0 and along training, and the rate it implies";
    }

    @Override
    public Certificate create(ValidatedParams p) {
        return new PlCertificate();
    }
}
