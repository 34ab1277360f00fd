package org.gdcert.certificates.generic;

import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/** {@code ntk}: the empirical NTK spectrum at θ0 and along training (a diagnostic). */
public final class NtkProvider implements CertificateProvider {
    @Override
    public String name() {
        return NtkCertificate.NAME;
    }

    @Override
    public String description() {
        return "empirical NTK lambda_min, lambda_max and condition number at theta0 and along training (diagnostic)";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(
                ParameterSpec.integer("explicit_max", 512, "form K explicitly when N*n_L is at most this")
                        .withRange(0, 1e6),
                ParameterSpec.integer("iterations", 100, "most Lanczos products with K (matrix-free case)")
                        .withRange(2, 1e6),
                ParameterSpec.real("tolerance", 1e-8, "relative residual at which the extreme Ritz values count as converged")
                        .positive(),
                ParameterSpec.integer("every", 10, "monitor: recompute the spectrum every this many recorded "
                        + "iterates").withRange(1, 1e9));
    }

    @Override
    public Certificate create(ValidatedParams p) {
        return new NtkCertificate(p.getInt("explicit_max"), p.getInt("iterations"), p.getDouble("tolerance"),
                p.getInt("every"));
    }
}
