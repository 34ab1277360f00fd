package org.gdcert.core.registry;

import java.util.ServiceLoader;
import org.gdcert.core.spi.PluginKind;
import org.gdcert.core.spi.PluginProvider;

/** ServiceLoader lookups, one per kind; the only place discovery happens. */
final class PluginDiscovery {
    private PluginDiscovery() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Plugins discover(ModuleLayer layer, ClassLoader classLoader) {
        Plugins.Builder b = Plugins.builder();
        for (PluginKind kind : PluginKind.values()) {
            Class<PluginProvider<?>> type = (Class) kind.providerType();
            ServiceLoader<PluginProvider<?>> loader = layer != null
                    ? ServiceLoader.load(layer, type)
                    : ServiceLoader.load(type, classLoader);
            for (PluginProvider<?> p : loader) {
                b.add(p);
            }
        }
        return b.build();
    }
}
