package org.gdcert.core.spi;

/** Provides a {@link Backend}. */
public interface BackendProvider extends PluginProvider<Backend> {
    @Override
    default PluginKind kind() {
        return PluginKind.BACKEND;
    }
}
