package org.gdcert.dsl.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.ExperimentPlan;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.Runner;
import org.gdcert.core.testing.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CompileOptions#withWidth}: the hook {@code gdcert find-width} compiles each candidate width with. */
class WidthOverrideTest {
    private static final Plugins PLUGINS = Plugins.builder().addAll(Plugins.discover())
            .add(new TestPlugins.Reference()).build();
    @TempDir
    Path tmp;

    private Compilation compile(String text, int layer, int width) {
        return new ExperimentCompiler(PLUGINS, new Runner(PLUGINS)).compile("t.exp", text, tmp,
                CompileOptions.defaults().withBackend("reference").withOutputRoot(tmp.resolve("runs"))
                        .withWidth(layer, width));
    }

    private ExperimentPlan plan(String text, int layer, int width) {
        Compilation c = compile(text, layer, width);
        assertThat(c.errors()).as(c.formatted()).isEmpty();
        return c.plan().orElseThrow();
    }

    @Test
    void anExpressionWidthIsReplacedInItsLayerOnly() {
        ExperimentPlan p = plan("data sphere(n=12, d=5) labels signs\nnet d -> N*N -> N*N -> 1 act tanh train gd "
                + "eta=0.1\n", 2, 7);
        assertThat(p.runs().get(0).network().widthsText()).isEqualTo("5 -> 144 -> 7 -> 1");
    }

    @Test
    void aLetWidthTakesTheValueEverywhereItIsUsed() {
        ExperimentPlan p = plan("data sphere(n=12, d=5) labels signs\nlet m = 3*N\nnet d -> m -> m -> 1 act tanh "
                + "train gd eta=0.1\ninit lecun, layer 2: gaussian(var=1/m)\n", 1, 20);
        RunSpec r = p.runs().get(0);
        assertThat(r.network().widthsText()).isEqualTo("5 -> 20 -> 20 -> 1");
        assertThat(r.initializers().get(1).params().getDouble("var")).isEqualTo(1.0 / 20);
    }

    @Test
    void aSweptWidthCollapsesToTheOneValueWhileOtherSweepsStay() {
        ExperimentPlan p = plan("data sphere(n=N, d=5) labels signs\nsweep N in [4, 8]\nsweep m in [2, 4, 8]\n"
                + "net d -> m -> 1 act tanh train gd eta=0.1\n", 1, 33);
        assertThat(p.runs()).extracting(RunSpec::runId).containsExactly("N=4_m=33", "N=8_m=33");
        assertThat(p.runs()).allMatch(r -> r.network().width(1) == 33);
    }

    @Test
    void theOutputLayerCannotBeOverridden() {
        Compilation c = compile("data sphere(n=12, d=5) labels signs\nnet d -> 7 -> 1 act tanh train gd eta=0.1\n", 2,
                5);
        assertThat(c.ok()).isFalse();
        assertThat(c.formatted()).contains("cannot set the width of layer 2: the hidden layers are 1..1");
    }
}
