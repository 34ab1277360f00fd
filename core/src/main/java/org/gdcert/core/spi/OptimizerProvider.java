package org.gdcert.core.spi;

/** Provides a {@link Optimizer}. */
public interface OptimizerProvider extends PluginProvider<Optimizer> {
    @Override
    default PluginKind kind() {
        return PluginKind.OPTIMIZER;
    }
}
