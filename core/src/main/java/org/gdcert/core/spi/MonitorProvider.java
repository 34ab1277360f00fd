package org.gdcert.core.spi;

/** Provides a {@link Monitor}. */
public interface MonitorProvider extends PluginProvider<Monitor> {
    @Override
    default PluginKind kind() {
        return PluginKind.MONITOR;
    }
}
