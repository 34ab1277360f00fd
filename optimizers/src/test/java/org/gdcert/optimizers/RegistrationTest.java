package org.gdcert.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.MonitorProvider;
import org.gdcert.core.spi.OptimizerProvider;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.core.spi.PluginProvider;
import org.gdcert.core.train.Axis;
import org.gdcert.core.testing.ServiceDeclarations;
import org.junit.jupiter.api.Test;

/** module-info and META-INF/services agree, and ServiceLoader finds every provider by its name. */
class RegistrationTest {
    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProviders() {
        assertThat(ServiceDeclarations.assertAgree(GradientDescentProvider.class)).containsOnlyKeys(
                "org.gdcert.core.spi.OptimizerProvider", "org.gdcert.core.spi.MonitorProvider",
                "java.util.spi.ToolProvider");
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
