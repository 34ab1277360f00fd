package org.gdcert.dsl.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.ExperimentPlan;
import org.gdcert.core.run.RunResult;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.RunStatus;
import org.gdcert.core.run.Runner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every script in examples/ compiles without a diagnostic, and its first run trains for a while
 * without diverging (with the step size the script asks for: eta=auto, certified or given).
 */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    /** Steps each example trains in this test (the examples themselves run longer). */
    private static final long STEPS = 150;
    private static final Plugins PLUGINS = Plugins.discover();
    @TempDir
    Path tmp;

    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.walk(EXAMPLES)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".exp")).filter(p -> !p.toString().contains(
                    "plugin-example")).sorted().toList();
            assertThat(all).isNotEmpty();
            return all.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void compilesAndTrainsWithoutDiverging(Path script) throws IOException {
        String text = Files.readString(script);
        if (text.contains("fashion_mnist")) {
            Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
                    "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        }
        Compilation c = new ExperimentCompiler(PLUGINS, new Runner(PLUGINS)).compile(script.toString(), text,
                script.getParent(), CompileOptions.defaults().withOutputRoot(tmp).withBackend("java"));
        assertThat(c.diagnostics()).as(c.formatted()).isEmpty();
        ExperimentPlan plan = c.plan().orElseThrow();
        RunSpec first = plan.runs().get(0);
        if (first.stop().maxSteps() > STEPS && Double.isInfinite(first.stop().maxTime())) {
            first = first.withStop(first.stop().withMaxSteps(STEPS));
        }
        RunResult r = new Runner(PLUGINS).run(first);
        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.COMPLETED);
        assertThat(r.finalLoss()).isLessThanOrEqualTo(r.initialLoss());
    }
}
