package org.gdcert.core.registry;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads third-party plugin jars from folders as a module layer on top of the boot layer, so that
 * their providers are found by {@link Plugins#discover(ModuleLayer, ClassLoader)}. Each jar is
 * checked on its own first: a jar that cannot be resolved (broken, missing a dependency, a
 * duplicate module) is reported by name and left out; the others load.
 */
public final class PluginLayers {
    private PluginLayers() {
    }

    /** A jar that did not load, and why. */
    public record Failure(Path jar, String reason) {
        public Failure {
            Objects.requireNonNull(jar);
            Objects.requireNonNull(reason);
        }

        @Override
        public String toString() {
            return jar.getFileName() + ": " + reason;
        }
    }

    /** The layer (empty when there was nothing to load), the jars loaded and the failures. */
    public record Loaded(java.util.Optional<ModuleLayer> layer, List<Path> jars, List<Failure> failures) {
        public Loaded {
            jars = List.copyOf(jars);
            failures = List.copyOf(failures);
        }
    }

    /** The {@code .jar} files directly in the given folders (missing folders are ignored), sorted. */
    public static List<Path> jarsIn(List<Path> folders) {
        Set<Path> jars = new LinkedHashSet<>();
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                continue;
            }
            try (Stream<Path> s = Files.list(f)) {
                s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(p -> jars.add(p.toAbsolutePath()));
            } catch (IOException e) {
                // an unreadable folder contributes nothing; the caller reports missing plugins by name
            }
        }
        return new ArrayList<>(jars);
    }

    /** Loads the jars in {@code folders} as one layer whose parent is {@code parent}. */
    public static Loaded load(List<Path> folders, ModuleLayer parent) {
        List<Path> jars = jarsIn(folders);
        if (jars.isEmpty()) {
            return new Loaded(java.util.Optional.empty(), List.of(), List.of());
        }
        List<Path> good = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (Path jar : jars) {
            try {
                ModuleFinder finder = ModuleFinder.of(jar);
                Set<String> names = new LinkedHashSet<>();
                for (ModuleReference ref : finder.findAll()) {
                    names.add(ref.descriptor().name());
                }
                if (names.isEmpty()) {
                    failures.add(new Failure(jar, "no module found in the jar"));
                    continue;
                }
                for (String n : names) {
                    if (parent.findModule(n).isPresent()) {
                        throw new FindException("module " + n + " is already loaded");
                    }
                }
                // resolvable on its own (against the parent and the other candidate jars)?
                List<Path> others = new ArrayList<>(jars);
                parent.configuration().resolveAndBind(ModuleFinder.of(others.toArray(Path[]::new)), ModuleFinder.of(),
                        names);
                good.add(jar);
            } catch (FindException | ResolutionException | SecurityException e) {
                failures.add(new Failure(jar, oneLine(e.getMessage())));
            } catch (RuntimeException e) {
                failures.add(new Failure(jar, oneLine(e.toString())));
            }
        }
        if (good.isEmpty()) {
            return new Loaded(java.util.Optional.empty(), List.of(), failures);
        }
        ModuleFinder finder = ModuleFinder.of(good.toArray(Path[]::new));
        Set<String> roots = new LinkedHashSet<>();
        for (ModuleReference ref : finder.findAll()) {
            roots.add(ref.descriptor().name());
        }
        try {
            Configuration cf = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            ModuleLayer layer = parent.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
            return new Loaded(java.util.Optional.of(layer), good, failures);
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            for (Path j : good) {
                failures.add(new Failure(j, oneLine(e.getMessage())));
            }
            return new Loaded(java.util.Optional.empty(), List.of(), failures);
        }
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
