package org.gdcert.core.spi;

import java.util.Locale;
import java.util.Optional;

/** The kinds of plugins gdcert discovers, each with its provider interface. */
public enum PluginKind {
    ACTIVATION(ActivationProvider.class),
    INITIALIZER(InitializerProvider.class),
    OPTIMIZER(OptimizerProvider.class),
    BACKEND(BackendProvider.class),
    CERTIFICATE(CertificateProvider.class),
    MONITOR(MonitorProvider.class),
    DATA(DataSourceProvider.class),
    LABELS(LabelSourceProvider.class);

    private final Class<? extends PluginProvider<?>> providerType;

    PluginKind(Class<? extends PluginProvider<?>> providerType) {
        this.providerType = providerType;
    }

    /** The provider interface of this kind. */
    public Class<? extends PluginProvider<?>> providerType() {
        return providerType;
    }

    /** The lowercase word users type ({@code activation}, {@code data}, ...). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks a kind up by keyword, accepting a trailing plural 's'. */
    public static Optional<PluginKind> fromKeyword(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (PluginKind k : values()) {
            if (k.keyword().equals(w) || (k.keyword() + "s").equals(w)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
