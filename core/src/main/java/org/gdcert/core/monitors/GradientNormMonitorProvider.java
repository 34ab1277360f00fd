package org.gdcert.core.monitors;

import java.util.List;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.spi.MonitorProvider;
import org.gdcert.core.spi.ValidatedParams;
import org.gdcert.core.train.Iterate;

/** {@code gradnorm}: ‖∇Φ‖ (all trainable parameters) at each recorded iterate, Φ = ½‖F_L − Y‖². */
public final class GradientNormMonitorProvider implements MonitorProvider {
    @Override
    public String name() {
        return "gradnorm";
    }

    @Override
    public String description() {
        return "norm of the full-batch gradient of the loss 1/2 |F_L - Y|^2 at each recorded iterate";
    }

    @Override
    public Monitor create(ValidatedParams params) {
        return new GradientNorm();
    }

    static final class GradientNorm implements Monitor {
        private ParameterSet grad;

        @Override
        public List<String> columns() {
            return List.of("grad_norm");
        }

        @Override
        public double[] observe(Iterate it) {
            if (grad == null) {
                grad = it.network().parameters().zerosLike();
            }
            it.network().gradient(it.forward(), grad);
            return new double[] {Math.sqrt(grad.normSquared())};
        }
    }
}
