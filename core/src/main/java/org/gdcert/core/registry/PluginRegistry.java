package org.gdcert.core.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gdcert.core.spi.PluginKind;
import org.gdcert.core.spi.PluginProvider;
import org.gdcert.core.util.Suggestions;

/**
 * The providers of one kind, by name. Filled from {@link ServiceLoader} (module path or class path,
 * optionally a plugin module layer) or with explicit instances; two providers with the same name
 * are rejected, naming both classes.
 *
 * @param <P> the provider interface
 */
public final class PluginRegistry<P extends PluginProvider<?>> {
    private static final Logger LOG = Logger.getLogger(PluginRegistry.class.getName());
    private final PluginKind kind;
    private final Map<String, P> byName = new LinkedHashMap<>();

    public PluginRegistry(PluginKind kind) {
        this.kind = kind;
    }

    /** An empty registry for explicit registration. */
    public static <P extends PluginProvider<?>> PluginRegistry<P> empty(PluginKind kind) {
        return new PluginRegistry<>(kind);
    }

    /** Every provider of {@code kind} that {@code loader} finds. */
    public static <P extends PluginProvider<?>> PluginRegistry<P> discover(PluginKind kind, ServiceLoader<P> loader) {
        PluginRegistry<P> r = new PluginRegistry<>(kind);
        for (P p : loader) {
            r.register(p);
        }
        return r;
    }

    public PluginKind kind() {
        return kind;
    }

    /**
     * Adds a provider. The same class registered twice (found on both the module layer and the
     * class path, say) is ignored; a different class with the same name is an error.
     */
    public PluginRegistry<P> register(P provider) {
        String name = provider.name();
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new DuplicatePluginException("invalid " + kind.keyword() + " name '" + name + "' from "
                    + provider.getClass().getName() + ": names must match [a-z][a-z0-9_]*");
        }
        P existing = byName.get(name);
        if (existing != null) {
            if (existing.getClass().getName().equals(provider.getClass().getName())) {
                return this;
            }
            throw new DuplicatePluginException("two " + kind.keyword() + " plugins are named '" + name + "': "
                    + existing.getClass().getName() + " and " + provider.getClass().getName());
        }
        byName.put(name, provider);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(() -> kind.keyword() + " '" + name + "' from " + describeOrigin(provider));
        }
        return this;
    }

    public Optional<P> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The provider, or an exception whose message suggests the closest names. */
    public P get(String name) {
        P p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown " + kind.keyword() + " '" + name + "'"
                    + Suggestions.didYouMean(name, byName.keySet()));
        }
        return p;
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Collection<P> providers() {
        return Collections.unmodifiableCollection(new ArrayList<>(byName.values()));
    }

    /** The closest known names, for "did you mean". */
    public List<String> suggestions(String name) {
        return Suggestions.closest(name, byName.keySet());
    }

    /** Module name (or jar) and version a provider comes from, for {@code gdcert plugins} and provenance. */
    public static String describeOrigin(Object provider) {
        Module m = provider.getClass().getModule();
        String version = m.getDescriptor() != null ? m.getDescriptor().rawVersion().orElse("") : "";
        if (version.isEmpty()) {
            Package pkg = provider.getClass().getPackage();
            if (pkg != null && pkg.getImplementationVersion() != null) {
                version = pkg.getImplementationVersion();
            }
        }
        String where = m.isNamed() ? m.getName() : codeSource(provider.getClass());
        return version.isEmpty() ? where : where + " " + version;
    }

    private static String codeSource(Class<?> c) {
        try {
            var cs = c.getProtectionDomain().getCodeSource();
            if (cs != null && cs.getLocation() != null) {
                String s = cs.getLocation().getPath();
                int slash = s.lastIndexOf('/', s.length() - 2);
                return "classpath:" + (slash >= 0 ? s.substring(slash + 1) : s);
            }
        } catch (SecurityException e) {
            // fall through
        }
        return "classpath";
    }
}
