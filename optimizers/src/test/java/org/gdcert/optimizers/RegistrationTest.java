package org.gdcert.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.MonitorProvider;
import org.gdcert.core.spi.OptimizerProvider;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.PluginProvider;
import org.gdcert.core.train.Axis;
import org.junit.jupiter.api.Test;

/** module-info and META-INF/services agree, and ServiceLoader finds every provider by its name. */
class RegistrationTest {
    private static final Path MAIN = Path.of("src", "main");
    private static final Pattern PROVIDES = Pattern.compile("provides\\s+([\\w.]+)\\s+with\\s+([\\w.,\\s]+);");

    private static Map<String, List<String>> moduleInfo() throws IOException {
        String src = Files.readString(MAIN.resolve("java").resolve("module-info.java"))
                .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher m = PROVIDES.matcher(src);
        while (m.find()) {
            List<String> impls = new ArrayList<>();
            for (String s : m.group(2).split(",")) {
                impls.add(s.trim());
            }
            out.put(m.group(1), impls);
        }
        return out;
    }

    private static List<String> services(String service) throws IOException {
        Path file = MAIN.resolve("resources").resolve("META-INF").resolve("services").resolve(service);
        return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProviders() throws IOException {
        Map<String, List<String>> declared = moduleInfo();
        assertThat(declared).containsOnlyKeys("org.gdcert.core.spi.OptimizerProvider",
                "org.gdcert.core.spi.MonitorProvider");
        for (Map.Entry<String, List<String>> e : declared.entrySet()) {
            assertThat(services(e.getKey())).as(e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue());
        }
        try (var files = Files.list(MAIN.resolve("resources").resolve("META-INF").resolve("services"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(declared.keySet());
        }
    }

    @Test
    void serviceLoaderFindsEveryOptimizerAndMonitorByName() {
        Plugins plugins = Plugins.discover();
        Map<String, Axis> axes = Map.of("gd", Axis.STEP, "sgd", Axis.STEP, "flow", Axis.TIME, "clarke", Axis.TIME);
        for (Map.Entry<String, Axis> e : axes.entrySet()) {
            OptimizerProvider p = plugins.optimizers().find(e.getKey()).orElseThrow();
            assertThat(p.axis()).as(e.getKey()).isEqualTo(e.getValue());
            List<Argument> args = p.parameters().find("eta").isPresent() ? List.of(Argument.named("eta", 0.1))
                    : List.of();
            assertThat(p.configure(args).instance().axis()).isEqualTo(e.getValue());
            checkDocumented(p);
        }
        for (String name : List.of("deltal", "deltad", "patterns", "zeros")) {
            MonitorProvider p = plugins.monitors().find(name).orElseThrow();
            assertThat(p.configureDefaults().instance().columns()).allMatch(c -> c.startsWith(name));
            checkDocumented(p);
        }
    }

    private static void checkDocumented(PluginProvider<?> p) {
        assertThat(p.name()).matches("[a-z][a-z0-9_]*");
        assertThat(p.description()).isNotBlank();
        for (ParameterSpec s : p.parameters().specs()) {
            assertThat(s.doc()).as(p.name() + "." + s.name()).isNotBlank();
        }
    }

    @Test
    void dslOptionsOfTheIssueValidate() {
        Plugins plugins = Plugins.discover();
        // train sgd(batch=32, momentum=0.9) eta=0.01
        assertThat(plugins.optimizers().get("sgd").parameters().validate(List.of(Argument.named("batch", 32),
                Argument.named("momentum", 0.9), Argument.named("eta", 0.01))).ok()).isTrue();
        // train flow(rtol=1e-9) and the options named in the brief
        assertThat(plugins.optimizers().get("flow").parameters().validate(List.of(Argument.named("rtol", 1e-9),
                Argument.named("method", "dop853"), Argument.named("output", "steps"), Argument.named("min_step",
                        1e-12), Argument.named("max_step", 0.5))).ok()).isTrue();
        assertThat(plugins.optimizers().get("clarke").parameters().validate(List.of(Argument.named("tau_rel", 1e-9),
                Argument.named("atol", 1e-12))).ok()).isTrue();
        assertThat(plugins.optimizers().get("sgd").parameters().validate(List.of(Argument.named("momentum", 1.0)))
                .problems()).singleElement().satisfies(pr -> assertThat(pr.message()).contains("momentum"));
    }
}
