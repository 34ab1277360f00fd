package org.gdcert.core.spi;

/** Provides an {@link Activation}. */
public interface ActivationProvider extends PluginProvider<Activation> {
    @Override
    default PluginKind kind() {
        return PluginKind.ACTIVATION;
    }
}
