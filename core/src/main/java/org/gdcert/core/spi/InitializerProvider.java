package org.gdcert.core.spi;

/** Provides a {@link Initializer}. */
public interface InitializerProvider extends PluginProvider<Initializer> {
    @Override
    default PluginKind kind() {
        return PluginKind.INITIALIZER;
    }
}
