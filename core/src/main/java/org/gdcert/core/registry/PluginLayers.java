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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads third-party plugin jars from folders as a module layer on top of the boot layer, so that
 * their providers are found by {@link Plugins#discover(ModuleLayer, ClassLoader)}. Each jar is
 * checked on its own first: a jar that cannot be resolved (broken, missing a dependency, a
 * duplicate module) is reported by name and left out; the others load, whatever the order.
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

    /**
     * Loads the jars in {@code folders} as one layer whose parent is {@code parent}. A jar is left
     * out, with the reason, when it cannot be read as a module, holds no module, holds a module that
     * the parent layer or an earlier jar (in folder order, then by name) already has, needs a module
     * that is neither in the parent nor in the other loadable jars, or clashes with the packages
     * of the jars loaded before it. The remaining jars form the layer, all of them as root modules
     * (no service binding is needed: every plugin module is a root).
     */
    public static Loaded load(List<Path> folders, ModuleLayer parent) {
        List<Path> jars = jarsIn(folders);
        if (jars.isEmpty()) {
            return new Loaded(java.util.Optional.empty(), List.of(), List.of());
        }
        List<Failure> failures = new ArrayList<>();
        // 1. each jar on its own: readable, holding modules that nobody else has
        Map<Path, Set<String>> modules = new LinkedHashMap<>();
        Map<String, Path> owner = new HashMap<>();
        for (Path jar : jars) {
            try {
                Set<String> names = new LinkedHashSet<>();
                for (ModuleReference ref : ModuleFinder.of(jar).findAll()) {
                    names.add(ref.descriptor().name());
                }
                if (names.isEmpty()) {
                    failures.add(new Failure(jar, "no module found in the jar"));
                    continue;
                }
                String taken = null;
                for (String n : names) {
                    if (parent.findModule(n).isPresent()) {
                        taken = "module " + n + " is already loaded (gdcert has it)";
                    } else if (owner.containsKey(n)) {
                        taken = "module " + n + " is already loaded from " + owner.get(n).getFileName();
                    }
                }
                if (taken != null) {
                    failures.add(new Failure(jar, taken));
                    continue;
                }
                names.forEach(n -> owner.put(n, jar));
                modules.put(jar, names);
            } catch (FindException | SecurityException e) {
                // "Error reading x.jar" says little without its cause ("zip END header not found")
                String cause = e.getCause() != null && e.getCause().getMessage() != null ? ": " + e.getCause().getMessage()
                        : "";
                failures.add(new Failure(jar, oneLine(e.getMessage() + cause)));
            } catch (RuntimeException e) {
                failures.add(new Failure(jar, oneLine(e.toString())));
            }
        }
        // 2. each jar resolvable against the parent and the other candidates; dropping one may
        // strand another that needed it, so repeat until nothing changes
        boolean changed = true;
        while (changed && !modules.isEmpty()) {
            changed = false;
            ModuleFinder candidates = ModuleFinder.of(modules.keySet().toArray(Path[]::new));
            for (Path jar : new ArrayList<>(modules.keySet())) {
                try {
                    parent.configuration().resolve(candidates, ModuleFinder.of(), modules.get(jar));
                } catch (FindException | ResolutionException | SecurityException e) {
                    failures.add(new Failure(jar, oneLine(e.getMessage())));
                    modules.remove(jar);
                    changed = true;
                    break;
                }
            }
        }
        if (modules.isEmpty()) {
            return new Loaded(java.util.Optional.empty(), List.of(), failures);
        }
        // 3. the layer; should two jars clash (a package in both), add them one by one and leave out the late ones
        try {
            return new Loaded(java.util.Optional.of(define(parent, modules.keySet())), List.copyOf(modules.keySet()),
                    failures);
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            // each jar with the jars it needs, in order, so that an earlier jar wins over a later one
            ModuleFinder candidates = ModuleFinder.of(modules.keySet().toArray(Path[]::new));
            Set<Path> accepted = new LinkedHashSet<>();
            for (Path jar : modules.keySet()) {
                if (accepted.contains(jar)) {
                    continue;
                }
                Set<Path> trial = new LinkedHashSet<>(accepted);
                trial.add(jar);
                try {
                    parent.configuration().resolve(candidates, ModuleFinder.of(), modules.get(jar)).modules()
                            .forEach(m -> {
                                Path needed = owner.get(m.name());
                                if (needed != null && modules.containsKey(needed)) {
                                    trial.add(needed);
                                }
                            });
                    define(parent, trial);
                    accepted.addAll(trial);
                } catch (FindException | ResolutionException | LayerInstantiationException x) {
                    failures.add(new Failure(jar, oneLine(x.getMessage())));
                }
            }
            if (accepted.isEmpty()) {
                return new Loaded(java.util.Optional.empty(), List.of(), failures);
            }
            return new Loaded(java.util.Optional.of(define(parent, accepted)), List.copyOf(accepted), failures);
        }
    }

    private static ModuleLayer define(ModuleLayer parent, java.util.Collection<Path> jars) {
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        Set<String> roots = new LinkedHashSet<>();
        for (ModuleReference ref : finder.findAll()) {
            roots.add(ref.descriptor().name());
        }
        Configuration cf = parent.configuration().resolve(finder, ModuleFinder.of(), roots);
        return parent.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
