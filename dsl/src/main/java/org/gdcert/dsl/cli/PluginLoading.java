package org.gdcert.dsl.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.gdcert.core.registry.PluginLayers;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.PluginKind;
import org.gdcert.core.spi.PluginProvider;

/**
 * Finds every plugin: those on the module path (or class path) of gdcert itself, plus the jars of
 * the plugin folders: {@code --plugins DIR}, the {@code plugins/} folder beside the launcher
 * ({@code GDCERT_HOME}), and the folders in {@code GDCERT_PLUGINS}. On the module path the jars
 * become a module layer; on the class path (tests, IDEs) a class loader. A jar that fails to load
 * is reported by name and the others load.
 */
final class PluginLoading {
    private PluginLoading() {
    }

    /** The plugin folders in order: command line, GDCERT_PLUGINS, GDCERT_HOME/plugins. */
    static List<Path> folders(List<Path> fromCommandLine) {
        List<Path> out = new ArrayList<>(fromCommandLine);
        String env = System.getenv("GDCERT_PLUGINS");
        if (env != null && !env.isBlank()) {
            for (String p : env.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    out.add(Path.of(p));
                }
            }
        }
        String home = System.getenv("GDCERT_HOME");
        if (home != null && !home.isBlank()) {
            out.add(Path.of(home, "plugins"));
        }
        return out;
    }

    static Plugins load(List<Path> folders, PrintWriter err) {
        List<Path> jars = PluginLayers.jarsIn(folders);
        if (Plugins.class.getModule().isNamed()) {
            PluginLayers.Loaded loaded = PluginLayers.load(folders, ModuleLayer.boot());
            for (PluginLayers.Failure f : loaded.failures()) {
                err.println("gdcert: plugin " + f.jar().getFileName() + " was not loaded: " + f.reason());
            }
            if (loaded.layer().isPresent()) {
                return Plugins.discover(loaded.layer().get(), null);
            }
            return Plugins.discover();
        }
        // class path: each jar in its own loader, so one broken jar does not hide the others
        Plugins.Builder b = Plugins.builder().addAll(Plugins.discover());
        for (Path jar : jars) {
            try (JarFile ignored = new JarFile(jar.toFile())) {
                URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        PluginLoading.class.getClassLoader());
                List<PluginProvider<?>> found = new ArrayList<>();
                for (PluginKind k : PluginKind.values()) {
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    ServiceLoader<PluginProvider<?>> sl = (ServiceLoader) ServiceLoader.load(k.providerType(), cl);
                    for (PluginProvider<?> p : sl) {
                        if (p.getClass().getClassLoader() == cl) {
                            found.add(p);
                        }
                    }
                }
                for (PluginProvider<?> p : found) {
                    b.add(p);
                }
            } catch (MalformedURLException e) {
                err.println("gdcert: plugin " + jar.getFileName() + " was not loaded: " + e.getMessage());
            } catch (IOException | java.util.ServiceConfigurationError | LinkageError | RuntimeException e) {
                err.println("gdcert: plugin " + jar.getFileName() + " was not loaded: " + firstLine(e));
            }
        }
        return b.build();
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
