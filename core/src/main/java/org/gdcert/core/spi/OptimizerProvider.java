package org.gdcert.core.spi;

import org.gdcert.core.train.Axis;

/** Provides an {@link Optimizer}. */
public interface OptimizerProvider extends PluginProvider<Optimizer> {
    @Override
    default PluginKind kind() {
        return PluginKind.OPTIMIZER;
    }

    /**
     * The axis the optimizer reports on, known before it is created (a step size given as
     * {@code auto} or {@code certified} is resolved only after the certificates ran).
     */
    default Axis axis() {
        return Axis.STEP;
    }
}
