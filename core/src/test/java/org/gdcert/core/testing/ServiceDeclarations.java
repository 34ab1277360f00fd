package org.gdcert.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks that a module's compiled {@code module-info.class} ({@code provides ... with ...}) and
 * its {@code META-INF/services} files declare exactly the same providers, so plugins work on the
 * module path and on the class path alike, and that every provider is a public, stateless class
 * of its service with a public no-argument constructor. Reads the compiled module (directory or
 * jar) that holds a given class.
 */
public final class ServiceDeclarations {
    private ServiceDeclarations() {
    }

    /** The providers each service is given by module-info and by the services files; asserts they agree. */
    public static Map<String, Set<String>> assertAgree(Class<?> classOfTheModule) {
        try {
            Path root = Path.of(classOfTheModule.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(root)) {
                try (FileSystem jar = FileSystems.newFileSystem(root)) {
                    return check(jar.getPath("/"));
                }
            }
            return check(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A provider is a public class of its service with a public no-argument constructor and no state. */
    private static void assertStatelessProvider(String service, String impl) {
        try {
            Class<?> s = Class.forName(service);
            Class<?> c = Class.forName(impl);
            assertThat(s.isAssignableFrom(c)).as(impl + " implements " + service).isTrue();
            assertThat(Modifier.isPublic(c.getModifiers())).as(impl + " is public").isTrue();
            assertThat(c.getConstructor().newInstance()).as(impl + " has a public no-argument constructor").isNotNull();
            for (var f : c.getDeclaredFields()) {
                assertThat(Modifier.isStatic(f.getModifiers())).as(impl + "." + f.getName() + " is state").isTrue();
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot instantiate provider " + impl + ": " + e, e);
        }
    }

    private static Map<String, Set<String>> check(Path root) throws IOException {
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        Map<String, Set<String>> provides = new TreeMap<>();
        for (ModuleDescriptor.Provides p : descriptor.provides()) {
            provides.put(p.service(), new TreeSet<>(p.providers()));
        }
        Map<String, Set<String>> services = new TreeMap<>();
        Path dir = root.resolve("META-INF/services");
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Set<String> names = Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                            .map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty())
                            .collect(Collectors.toCollection(TreeSet::new));
                    services.put(f.getFileName().toString(), names);
                }
            }
        }
        assertThat(services).as("META-INF/services of " + descriptor.name() + " vs its module-info provides")
                .isEqualTo(provides);
        for (Map.Entry<String, Set<String>> e : provides.entrySet()) {
            for (String impl : e.getValue()) {
                assertStatelessProvider(e.getKey(), impl);
            }
        }
        return provides;
    }
}
