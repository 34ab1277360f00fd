package org.gdcert.certificates.nguyen;

import org.gdcert.certificates.kernels.ExpectedGram;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/** {@code nguyen_mondelli}: seed 000 Theorem 3.2 (one wide layer followed by a pyramid, smooth σ). */
public final class NguyenMondelliProvider implements CertificateProvider {
    @Override
    public String name() {
        return NguyenMondelli.NAME;
    }

    @Override
    public String description() {
        return "Nguyen & Mondelli (2020) Theorem 3.2: conditions (4), (5), rate 1 - eta*alpha_0, invariants (21)";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(
                ParameterSpec.real("tolerance", 1e-9, "relative band tau of the verdict: satisfied if slack <= 1-tau")
                        .withRange(0, true, 0.5, false),
                ParameterSpec.real("epsilon", 0, "target loss for k_eps; 0 means 1e-6 of the initial loss")
                        .nonNegative(),
                ParameterSpec.bool("lambda_star", true, "compute lambda_* of eq. (13) (a diagnostic)"),
                ParameterSpec.integer("nodes", ExpectedGram.DEFAULT_NODES,
                        "Gauss-Hermite nodes per dimension for lambda_* when sigma has no closed form").withRange(4,
                                400),
                ParameterSpec.integer("exact_every", 10,
                        "monitor: exact spectral invariants (21) every this many recorded iterates (each costs about one "
                                + "assessment's spectral work)").withRange(1,
                                1e9),
                ParameterSpec.real("monitor_tolerance", 0,
                        "monitor: relative tolerance; 0 means max(1e-9, 100 N n_L eps)").nonNegative());
    }

    @Override
    public Certificate create(ValidatedParams p) {
        return new NguyenMondelli(p.getDouble("tolerance"), p.getDouble("epsilon"), p.getBoolean("lambda_star"),
                p.getInt("nodes"), p.getInt("exact_every"), p.getDouble("monitor_tolerance"));
    }
}
