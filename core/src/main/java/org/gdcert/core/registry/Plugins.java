package org.gdcert.core.registry;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.gdcert.core.spi.ActivationProvider;
import org.gdcert.core.spi.BackendProvider;
import org.gdcert.core.spi.CertificateProvider;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.InitializerProvider;
import org.gdcert.core.spi.LabelSourceProvider;
import org.gdcert.core.spi.MonitorProvider;
import org.gdcert.core.spi.OptimizerProvider;
import org.gdcert.core.spi.PluginKind;
import org.gdcert.core.spi.PluginProvider;

/**
 * One registry per plugin kind. Built by {@link PluginModule} (Guice) from ServiceLoader, or by
 * {@link #builder()} with explicit providers (tests, embedding).
 */
public final class Plugins {
    private final Map<PluginKind, PluginRegistry<?>> registries;

    private Plugins(Map<PluginKind, PluginRegistry<?>> registries) {
        this.registries = registries;
        for (PluginKind k : PluginKind.values()) {
            Objects.requireNonNull(registries.get(k), k.keyword());
        }
    }

    @SuppressWarnings("unchecked")
    public PluginRegistry<ActivationProvider> activations() {
        return (PluginRegistry<ActivationProvider>) registries.get(PluginKind.ACTIVATION);
    }

    @SuppressWarnings("unchecked")
    public PluginRegistry<InitializerProvider> initializers() {
        return (PluginRegistry<InitializerProvider>) registries.get(PluginKind.INITIALIZER);
    }

    @SuppressWarnings("unchecked")
    public PluginRegistry<OptimizerProvider> optimizers() {
        return (PluginRegistry<OptimizerProvider>) registries.get(PluginKind.OPTIMIZER);
    }

    @SuppressWarnings("unchecked")
    public PluginRegistry<BackendProvider> backends() {
        return (PluginRegistry<BackendProvider>) registries.get(PluginKind.BACKEND);
    }

    @SuppressWarnings("unchecked")
    public PluginRegistry<CertificateProvider> certificates() {
        return (PluginRegistry<CertificateProvider>) registries.get(PluginKind.CERTIFICATE);
    }

    @SuppressWarnings("unchecked")
    public PluginRegistry<MonitorProvider> monitors() {
        return (PluginRegistry<MonitorProvider>) registries.get(PluginKind.MONITOR);
    }

    @SuppressWarnings("unchecked")
    public PluginRegistry<DataSourceProvider> dataSources() {
        return (PluginRegistry<DataSourceProvider>) registries.get(PluginKind.DATA);
    }

    @SuppressWarnings("unchecked")
    public PluginRegistry<LabelSourceProvider> labelSources() {
        return (PluginRegistry<LabelSourceProvider>) registries.get(PluginKind.LABELS);
    }

    /** The registry of a kind, untyped (for listings). */
    public PluginRegistry<? extends PluginProvider<?>> registry(PluginKind kind) {
        return registries.get(kind);
    }

    /** Every provider of every kind found by ServiceLoader on {@code layer} (and its parents). */
    public static Plugins discover(ModuleLayer layer, ClassLoader classLoader) {
        return PluginDiscovery.discover(layer, classLoader);
    }

    /** Every provider visible to this module (module path) or to the class path. */
    public static Plugins discover() {
        return PluginDiscovery.discover(null, Plugins.class.getClassLoader());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Explicit registration without discovery. */
    public static final class Builder {
        private final Map<PluginKind, PluginRegistry<?>> regs = new EnumMap<>(PluginKind.class);

        private Builder() {
            for (PluginKind k : PluginKind.values()) {
                regs.put(k, new PluginRegistry<>(k));
            }
        }

        /** Registers a provider under its own kind. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Builder add(PluginProvider<?> provider) {
            ((PluginRegistry) regs.get(provider.kind())).register(provider);
            return this;
        }

        /** Registers every provider of {@code other}. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Builder addAll(Plugins other) {
            for (PluginKind k : PluginKind.values()) {
                for (PluginProvider<?> p : other.registry(k).providers()) {
                    ((PluginRegistry) regs.get(k)).register(p);
                }
            }
            return this;
        }

        public Plugins build() {
            return new Plugins(new EnumMap<>(regs));
        }
    }
}
