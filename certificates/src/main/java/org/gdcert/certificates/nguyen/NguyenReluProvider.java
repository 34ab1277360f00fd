package org.gdcert.certificates.nguyen;

import java.util.List;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/** {@code nguyen_relu}: seed 001 Theorem 2.2 (deep ReLU, last hidden layer at least N wide). */
public final class NguyenReluProvider implements CertificateProvider {
    @Override
    public String name() {
        return NguyenRelu.NAME;
    }

    @Override
    public String description() {
        return "Nguyen (2021) Theorem 2.2: conditions (7), (8), corrected (9), step bound (10), rate 1 - eta*alpha_0^2/8";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(
                ParameterSpec.real("tolerance", 1e-9, "relative band tau of the verdict").withRange(0, true, 0.5,
                        false),
                ParameterSpec.real("epsilon", 0, "target loss for k_eps; 0 means 1e-6 of the initial loss")
                        .nonNegative(),
                ParameterSpec.realList("c", List.of(), "the free constants C_1..C_L (empty: all 1; one value: the "
                        + "same for every layer)").positive(),
                ParameterSpec.bool("optimize_c", false, "certify with the C minimising the worst slack"),
                ParameterSpec.bool("lambda_star", true, "compute lambda_* and the deep conjugate kernel"),
                ParameterSpec.integer("exact_every", 10, "monitor: exact invariants every this many recorded "
                        + "iterates").withRange(1, 1e9),
                ParameterSpec.real("monitor_tolerance", 0, "monitor: relative tolerance; 0 means the default")
                        .nonNegative());
    }

    @Override
    public Certificate create(ValidatedParams p) {
        return new NguyenRelu(p.getDouble("tolerance"), p.getDouble("epsilon"), p.getDoubleList("c"),
                p.getBoolean("optimize_c"), p.getBoolean("lambda_star"), p.getInt("exact_every"),
                p.getDouble("monitor_tolerance"));
    }
}
