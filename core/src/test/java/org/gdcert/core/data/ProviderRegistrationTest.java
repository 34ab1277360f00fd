package org.gdcert.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.DataSourceProvider;
import org.gdcert.core.spi.LabelSourceProvider;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.PluginProvider;
import org.junit.jupiter.api.Test;

/** core's module-info and META-INF/services declare the same providers, and ServiceLoader finds them. */
class ProviderRegistrationTest {
    private static final Path MODULE_INFO = Path.of("src/main/java/module-info.java");
    private static final Path SERVICES = Path.of("src/main/resources/META-INF/services");
    private static final Pattern PROVIDES = Pattern.compile("provides\\s+([\\w.]+)\\s+with\\s+([\\w.,\\s]+?);");

    /** Service → providers as module-info declares them. */
    private static Map<String, List<String>> moduleInfo() throws IOException {
        String src = Files.readString(MODULE_INFO).replaceAll("//[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, List<String>> m = new TreeMap<>();
        Matcher matcher = PROVIDES.matcher(src);
        while (matcher.find()) {
            List<String> impls = new ArrayList<>();
            for (String s : matcher.group(2).split(",")) {
                impls.add(s.strip());
            }
            m.put(matcher.group(1), impls);
        }
        return m;
    }

    /** Service → providers as the META-INF/services files list them. */
    private static Map<String, List<String>> serviceFiles() throws IOException {
        Map<String, List<String>> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(SERVICES)) {
            for (Path f : files.toList()) {
                List<String> impls = Files.readAllLines(f).stream().map(l -> l.replaceAll("#.*", "").strip())
                        .filter(l -> !l.isEmpty()).toList();
                m.put(f.getFileName().toString(), impls);
            }
        }
        return m;
    }

    @Test
    void moduleInfoAndServiceFilesAgree() throws IOException {
        Map<String, List<String>> declared = moduleInfo();
        Map<String, List<String>> listed = serviceFiles();
        assertThat(declared).containsKeys(DataSourceProvider.class.getName(), LabelSourceProvider.class.getName());
        assertThat(listed.keySet()).isEqualTo(declared.keySet());
        for (String service : declared.keySet()) {
            assertThat(listed.get(service)).as(service).containsExactlyInAnyOrderElementsOf(declared.get(service));
        }
    }

    @Test
    void everyDeclaredProviderIsAPublicStatelessClassOfItsService() throws Exception {
        for (Map.Entry<String, List<String>> e : moduleInfo().entrySet()) {
            Class<?> service = Class.forName(e.getKey());
            for (String impl : e.getValue()) {
                Class<?> c = Class.forName(impl);
                assertThat(service.isAssignableFrom(c)).as(impl).isTrue();
                assertThat(Modifier.isPublic(c.getModifiers())).as(impl).isTrue();
                assertThat(c.getConstructor().newInstance()).isNotNull();
                for (var f : c.getDeclaredFields()) {
                    assertThat(Modifier.isStatic(f.getModifiers())).as(impl + "." + f.getName() + " is state")
                            .isTrue();
                }
            }
        }
    }

    @Test
    void serviceLoaderFindsTheBuiltInSourcesByName() {
        Map<String, DataSourceProvider> data = new LinkedHashMap<>();
        ServiceLoader.load(DataSourceProvider.class).forEach(p -> data.put(p.name(), p));
        assertThat(data).containsKeys("sphere", "gaussian", "csv", "npy", "idx", "fashion_mnist");
        Map<String, LabelSourceProvider> labels = new LinkedHashMap<>();
        ServiceLoader.load(LabelSourceProvider.class).forEach(p -> labels.put(p.name(), p));
        assertThat(labels).containsKeys("signs", "pm1", "gaussian", "onehot", "teacher", "source", "linear");

        Plugins plugins = Plugins.discover();
        assertThat(plugins.dataSources().get("sphere")).isInstanceOf(SphereDataProvider.class);
        assertThat(plugins.labelSources().get("teacher")).isInstanceOf(TeacherLabelsProvider.class);
    }

    @Test
    void schemasAreDocumented() {
        List<PluginProvider<?>> all = new ArrayList<>();
        ServiceLoader.load(DataSourceProvider.class).forEach(all::add);
        ServiceLoader.load(LabelSourceProvider.class).forEach(all::add);
        for (PluginProvider<?> p : all) {
            assertThat(p.name()).matches("[a-z][a-z0-9_]*");
            assertThat(p.description()).as(p.name()).isNotBlank();
            for (ParameterSpec s : p.parameters().specs()) {
                assertThat(s.doc()).as(p.name() + "." + s.name()).isNotBlank();
            }
        }
    }
}
