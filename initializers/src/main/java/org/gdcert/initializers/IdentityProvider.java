package org.gdcert.initializers;

import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/**
 * {@code identity(scale)}: the scaled rectangular identity κ·[I; 0] (fan-in ≥ fan-out) or κ·[I, 0]
 * (fan-in &lt; fan-out): κ at (i, i) for i &lt; min(fan-in, fan-out), 0 elsewhere. Seed 000 §3.1 option
 * (b2): then σ_min = ‖W‖₂ = κ. No randomness.
 */
public final class IdentityProvider implements InitializerProvider {

    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.real("scale", 1.0, "kappa, the value on the diagonal"));

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String description() {
        return "scaled rectangular identity: scale on the diagonal (top block scale*I), 0 elsewhere";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Initializer create(ValidatedParams params) {
        double kappa = params.getDouble("scale");
        return (layer, weights, rng) -> {
            Shapes.check(layer, weights);
            Fill.scaledIdentity(weights, kappa);
        };
    }
}
