package org.gdcert.core.registry;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;
import java.util.function.Supplier;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.BackendProvider;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.LabelSourceProvider;
import org.gdcert.core.spi.MonitorProvider;
import org.gdcert.core.spi.OptimizerProvider;

/**
 * Guice wiring of the plugin registries. By default the registries come from ServiceLoader;
 * {@link #of(Plugins)} wires explicit ones (tests, embedding). Plugins never see the injector.
 */
public final class PluginModule extends AbstractModule {
    private final Supplier<Plugins> source;

    private PluginModule(Supplier<Plugins> source) {
        this.source = source;
    }

    /** Registries filled by ServiceLoader from the module path or class path. */
    public static PluginModule discovering() {
        return new PluginModule(Plugins::discover);
    }

    /** Registries filled by ServiceLoader from a plugin module layer (and its parents). */
    public static PluginModule discovering(ModuleLayer layer) {
        Objects.requireNonNull(layer);
        return new PluginModule(() -> Plugins.discover(layer, null));
    }

    /** Explicit registries. */
    public static PluginModule of(Plugins plugins) {
        Objects.requireNonNull(plugins);
        return new PluginModule(() -> plugins);
    }

    @Provides
    @Singleton
    Plugins plugins() {
        return source.get();
    }

    @Provides
    PluginRegistry<ActivationProvider> activations(Plugins p) {
        return p.activations();
    }

    @Provides
    PluginRegistry<InitializerProvider> initializers(Plugins p) {
        return p.initializers();
    }

    @Provides
    PluginRegistry<OptimizerProvider> optimizers(Plugins p) {
        return p.optimizers();
    }

    @Provides
    PluginRegistry<BackendProvider> backends(Plugins p) {
        return p.backends();
    }

    @Provides
    PluginRegistry<CertificateProvider> certificates(Plugins p) {
        return p.certificates();
    }

    @Provides
    PluginRegistry<MonitorProvider> monitors(Plugins p) {
        return p.monitors();
    }

    @Provides
    PluginRegistry<DataSourceProvider> dataSources(Plugins p) {
        return p.dataSources();
    }

    @Provides
    PluginRegistry<LabelSourceProvider> labelSources(Plugins p) {
        return p.labelSources();
    }
}
