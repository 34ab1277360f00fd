package org.gdcert.dsl.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import org.gdcert.core.registry.PluginLayers;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.PluginKind;
import org.gdcert.core.spi.PluginProvider;

/**
 * Finds every plugin: those on the module path (or class path) of gdcert itself, plus the jars of
 * the plugin folders: {@code --plugins DIR}, the folders in {@code GDCERT_PLUGINS}, and the
 * {@code plugins/} folder beside the launcher ({@code GDCERT_HOME}). On the module path the jars
 * become a module layer; on the class path (tests, IDEs) each jar gets a class loader. A jar that
 * fails to load, a provider that fails to start and a provider whose name is taken are reported by
 * name; everything else loads.
 */
final class PluginLoading {
    private PluginLoading() {
    }

    /** The plugin folders in order: command line, GDCERT_PLUGINS, GDCERT_HOME/plugins. */
    static List<Path> folders(List<Path> fromCommandLine) {
        return folders(fromCommandLine, System.getenv("GDCERT_PLUGINS"), System.getenv("GDCERT_HOME"));
    }

    static List<Path> folders(List<Path> fromCommandLine, String pluginsVariable, String home) {
        List<Path> out = new ArrayList<>(fromCommandLine);
        if (pluginsVariable != null && !pluginsVariable.isBlank()) {
            for (String p : pluginsVariable.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    out.add(Path.of(p));
                }
            }
        }
        if (home != null && !home.isBlank()) {
            out.add(Path.of(home, "plugins"));
        }
        return out;
    }

    /** Folders given on the command line that do not exist (a typo should not pass silently). */
    static List<Path> missing(List<Path> fromCommandLine) {
        return fromCommandLine.stream().filter(p -> !Files.isDirectory(p)).toList();
    }

    static Plugins load(List<Path> folders, PrintWriter err) {
        Plugins.Builder b = Plugins.builder().addAll(Plugins.discover());
        if (Plugins.class.getModule().isNamed()) {
            PluginLayers.Loaded loaded = PluginLayers.load(folders, ModuleLayer.boot());
            for (PluginLayers.Failure f : loaded.failures()) {
                err.println("gdcert: plugin " + f.jar().getFileName() + " was not loaded: " + f.reason());
            }
            if (loaded.layer().isPresent()) {
                ModuleLayer layer = loaded.layer().get();
                Map<String, String> jarOfModule = new HashMap<>();
                for (Path jar : loaded.jars()) {
                    for (ModuleReference ref : ModuleFinder.of(jar).findAll()) {
                        jarOfModule.put(ref.descriptor().name(), jar.getFileName().toString());
                    }
                }
                for (PluginKind k : PluginKind.values()) {
                    addAll(b, k, ServiceLoader.load(layer, k.providerType()), t -> t.getModule().getLayer() == layer,
                            t -> jarOfModule.getOrDefault(t.getModule().getName(), t.getModule().getName()), err);
                }
            }
            err.flush();
            return b.build();
        }
        // class path: each jar in its own loader, so one broken jar does not hide the others
        for (Path jar : PluginLayers.jarsIn(folders)) {
            String name = jar.getFileName().toString();
            URLClassLoader cl;
            try (JarFile ignored = new JarFile(jar.toFile())) {
                cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, PluginLoading.class.getClassLoader());
            } catch (IOException | RuntimeException e) {
                err.println("gdcert: plugin " + name + " was not loaded: " + reason(e));
                continue;
            }
            for (PluginKind k : PluginKind.values()) {
                addAll(b, k, ServiceLoader.load(k.providerType(), cl), t -> t.getClassLoader() == cl, t -> name, err);
            }
        }
        err.flush();
        return b.build();
    }

    /**
     * The tools ({@link java.util.spi.ToolProvider}, {@code gdcert tool}) of gdcert's own modules and
     * of the plugin jars in {@code folders}; a tool that fails to load is reported and left out.
     */
    static List<java.util.spi.ToolProvider> tools(List<Path> folders, PrintWriter err) {
        List<java.util.spi.ToolProvider> out = new ArrayList<>();
        addTools(ServiceLoader.load(java.util.spi.ToolProvider.class, PluginLoading.class.getClassLoader()),
                t -> t.getName().startsWith("org.gdcert."), out, err);
        if (PluginLoading.class.getModule().isNamed()) {
            // jars that do not load are reported when the plugins are (gdcert plugins, run, check)
            PluginLayers.load(folders, ModuleLayer.boot()).layer().ifPresent(layer -> addTools(
                    ServiceLoader.load(layer, java.util.spi.ToolProvider.class), t -> t.getModule().getLayer() == layer,
                    out, err));
        } else {
            for (Path jar : PluginLayers.jarsIn(folders)) {
                try {
                    URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                            PluginLoading.class.getClassLoader());
                    addTools(ServiceLoader.load(java.util.spi.ToolProvider.class, cl), t -> t.getClassLoader() == cl,
                            out, err);
                } catch (IOException | RuntimeException e) {
                    err.println("gdcert: plugin " + jar.getFileName() + " was not loaded: " + reason(e));
                }
            }
        }
        err.flush();
        return out;
    }

    private static void addTools(ServiceLoader<java.util.spi.ToolProvider> loader, Predicate<Class<?>> ours,
            List<java.util.spi.ToolProvider> out, PrintWriter err) {
        var it = loader.stream().iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                ServiceLoader.Provider<java.util.spi.ToolProvider> p = it.next();
                if (ours.test(p.type())) {
                    out.add(p.get());
                }
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                err.println("gdcert: a tool was not loaded: " + reason(e));
            }
        }
    }

    /** Registers the providers {@code loader} finds that pass {@code ours}, reporting each failure. */
    private static void addAll(Plugins.Builder b, PluginKind kind, ServiceLoader<? extends PluginProvider<?>> loader,
            Predicate<Class<?>> ours, Function<Class<?>, String> jarName, PrintWriter err) {
        var it = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<? extends PluginProvider<?>> provider;
            try {
                if (!it.hasNext()) {
                    return;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // a bad entry in a services file: the stream cannot name the jar, only the problem
                err.println("gdcert: a " + kind.keyword() + " plugin was not loaded: " + reason(e));
                continue;
            }
            Class<?> type;
            try {
                type = provider.type();
            } catch (ServiceConfigurationError | LinkageError e) {
                err.println("gdcert: a " + kind.keyword() + " plugin was not loaded: " + reason(e));
                continue;
            }
            if (!ours.test(type)) {
                continue;
            }
            String where = jarName.apply(type);
            try {
                PluginProvider<?> p = provider.get();
                // a provider must at least describe itself; a failure here would surface much later
                p.name();
                p.description();
                p.parameters();
                b.add(p);
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                err.println("gdcert: plugin " + where + ": " + kind.keyword() + " " + type.getName()
                        + " was not loaded: " + reason(e));
            }
        }
    }

    /** The first line of the most specific message in the chain. */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof ServiceConfigurationError
                || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof LinkageError) {
            m = t.getClass().getSimpleName() + ": " + m; // NoClassDefFoundError: a/b/C says little on its own
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
