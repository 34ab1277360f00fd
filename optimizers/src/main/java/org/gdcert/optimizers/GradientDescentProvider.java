package org.gdcert.optimizers;

import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.spi.OptimizerProvider;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.ValidatedParams;

/** {@code gd(eta)}: full-batch gradient descent. */
public final class GradientDescentProvider implements OptimizerProvider {
    static final ParameterSpec ETA = ParameterSpec.realRequired("eta",
            "step size η; auto = 1/λ_max of the empirical NTK at θ0; certified = the bound of the first certificate"
                    + " that holds").positive().withSymbols("auto", "certified").withSymbolDefault("auto");

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public String description() {
        return "full-batch gradient descent with a constant step size";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.of(ETA);
    }

    @Override
    public Optimizer create(ValidatedParams params) {
        if (params.symbol("eta").isPresent()) {
            throw new IllegalArgumentException("gd: eta=" + params.symbol("eta").get()
                    + " must be resolved to a number by the run engine before training");
        }
        return new GradientDescent(params.getDouble("eta"));
    }
}
