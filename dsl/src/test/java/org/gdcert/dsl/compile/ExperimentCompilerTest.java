package org.gdcert.dsl.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.ExperimentPlan;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.Runner;
import org.gdcert.core.testing.TestPlugins;
import org.gdcert.core.train.Axis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCompilerTest {
    private static final Plugins PLUGINS = Plugins.builder().addAll(Plugins.discover())
            .add(new TestPlugins.Reference()).build();
    @TempDir
    Path tmp;

    private Compilation compile(String text) {
        return new ExperimentCompiler(PLUGINS, new Runner(PLUGINS)).compile("t.exp", text, tmp,
                CompileOptions.defaults().withBackend("reference").withOutputRoot(tmp.resolve("runs")));
    }

    private ExperimentPlan plan(String text) {
        Compilation c = compile(text);
        assertThat(c.errors()).as(c.formatted()).isEmpty();
        return c.plan().orElseThrow();
    }

    @Test
    void designCardLineCompilesWithNFromTheData() {
        ExperimentPlan p = plan("data sphere(n=12, d=784) labels gaussian(outputs=10)\n"
                + "net 784 -> N*N -> 64 -> 10 init lecun act smoothrelu(0.1,5) train gd eta=auto\n");
        RunSpec r = p.runs().get(0);
        NetworkSpec net = r.network();
        assertThat(net.widthsText()).isEqualTo("784 -> 144 -> 64 -> 10");
        assertThat(net.layer(1).activation().orElseThrow().toString()).isEqualTo("smoothrelu(gamma=0.1, beta=5)");
        assertThat(r.optimizer().params().isSymbol("eta", "auto")).isTrue();
        assertThat(r.runId()).isEqualTo("run");
        assertThat(r.initializers()).allMatch(i -> i.name().equals("lecun"));
        assertThat(r.backendOrigin()).isEqualTo("command line (--backend)");
    }

    @Test
    void withoutABackendStatementTheFastestAvailableIsChosenAndProvenanceSaysSo() {
        Compilation c = new ExperimentCompiler(PLUGINS, new Runner(PLUGINS)).compile("t.exp",
                "data sphere(n=10, d=3) labels signs\nnet d -> 5 -> 1 act tanh train gd eta=0.1\n", tmp,
                CompileOptions.defaults().withOutputRoot(tmp.resolve("runs")));
        RunSpec r = c.plan().orElseThrow().runs().get(0);
        assertThat(r.backend().name()).isIn("vector", "java");
        assertThat(r.backendOrigin()).startsWith("default");
    }

    @Test
    void unknownPluginSuggestsClosestName() {
        Compilation c = compile("data sphere(n=10, d=3) labels signs\nnet d -> 5 -> 1 act smoothrelu2 train gd eta=0.1\n");
        assertThat(c.ok()).isFalse();
        assertThat(c.formatted()).contains("t.exp:2:21: error: unknown activation 'smoothrelu2'; did you mean 'smoothrelu'?");
    }

    @Test
    void schemaProblemPointsAtTheArgument() {
        Compilation c = compile("data sphere(n=10, d=3) labels signs\nnet d -> 5 -> 1 act smoothrelu(1.5, 5) train gd eta=0.1\n");
        assertThat(c.formatted()).contains("t.exp:2:32: error: smoothrelu: parameter 'gamma' must be [0, 1), got 1.5");
    }

    @Test
    void widthThatIsNotWholeAfterTheDataIsAnErrorAtTheExpression() {
        Compilation c = compile("data sphere(n=100, d=3) labels signs\nnet d -> N/3 -> 1 act relu train gd eta=0.1\n");
        assertThat(c.ok()).isFalse();
        assertThat(c.errors()).anySatisfy(d -> {
            assertThat(d.position().line()).isEqualTo(2);
            assertThat(d.position().column()).isEqualTo(10);
        });
    }

    @Test
    void inputWidthMustMatchTheData() {
        Compilation c = compile("data sphere(n=10, d=3) labels signs\nnet 4 -> 5 -> 1 act relu train gd eta=0.1\n");
        assertThat(c.formatted()).contains("t.exp:2:5: error: the input width is 4 but the data has d = 3 features");
    }

    @Test
    void sweepsAndRepeatsExpandIntoRunsWithBindingsAndSeeds() {
        ExperimentPlan p = plan("seed 7\ndata sphere(n=10, d=3) labels signs\nnet d -> m -> 1 act tanh train gd eta=0.1\n"
                + "sweep m in [4, 8]\nrepeat 2\n");
        assertThat(p.runs()).extracting(RunSpec::runId).containsExactly("m=4_r0", "m=4_r1", "m=8_r0", "m=8_r1");
        assertThat(p.runs()).extracting(RunSpec::seed).containsExactly(7L, 8L, 7L, 8L);
        assertThat(p.runs().get(2).network().width(1)).isEqualTo(8);
        assertThat(p.sweepVariables()).containsExactly("m", "repeat");
    }

    @Test
    void stopRulesAndHorizon() {
        ExperimentPlan p = plan("data sphere(n=10, d=3) labels signs\nnet d -> 6 -> 1 act tanh\n"
                + "train gd eta=0.1\nstop loss < 1e-8, steps 300, time 2min\n");
        RunSpec r = p.runs().get(0);
        assertThat(r.stop().maxSteps()).isEqualTo(300);
        assertThat(r.stop().lossBelow()).isEqualTo(1e-8);
        assertThat(r.stop().wallSeconds()).isEqualTo(120);
        assertThat(PLUGINS.optimizers().get("gd").axis()).isEqualTo(Axis.STEP);
    }

    @Test
    void ntkParameterizationScalesHiddenLayersByRootCSigmaOverWidth() {
        ExperimentPlan p = plan("data sphere(n=10, d=3) labels signs\nnet d -> 16 -> 16 -> 1 act relu init standard_normal"
                + " parameterization ntk train gd eta=0.01\n");
        NetworkSpec net = p.runs().get(0).network();
        // c_σ = 1/E[relu(z)²] = 2
        assertThat(net.layer(1).branchScale()).isCloseTo(Math.sqrt(2.0 / 16), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(net.layer(3).branchScale()).isEqualTo(1.0);
    }

    @Test
    void everyErrorOfTheFileIsReported() {
        Compilation c = compile("data sphere(n=10, d=3) labels signz\nnet d -> 5 -> 1 act relux init lecunn train gdd\n");
        assertThat(c.errors()).hasSize(4);
        assertThat(c.formatted()).contains("did you mean 'signs'").contains("did you mean 'relu'")
                .contains("did you mean 'lecun'").contains("did you mean 'gd'");
    }

    @Test
    void continuousOptimizerWithoutHorizonIsAnError() {
        Compilation c = compile("data sphere(n=10, d=3) labels signs\nnet d -> 5 -> 1 act tanh train flow\n");
        assertThat(c.formatted()).contains("needs a horizon");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"train sgd(batch=32, momentum=0.9) eta=0.01",
        "train flow(rtol=1e-9) until t=5", "train clarke until t=0.5", "train gd eta=auto"})
    void everyOptimizerTrainsFromTheDsl(String train) {
        String act = train.contains("clarke") ? "relu" : "tanh";
        ExperimentPlan p = plan("seed 2\ndata sphere(n=40, d=4) labels signs\nnet d -> 64 -> 1 act " + act + "\n" + train
                + "\nstop steps 200\n");
        RunSpec r = p.runs().get(0);
        org.gdcert.core.run.RunResult res = new Runner(PLUGINS).run(r);
        assertThat(res.status()).as(res.message()).isEqualTo(org.gdcert.core.run.RunStatus.COMPLETED);
        assertThat(res.finalLoss()).isLessThan(res.initialLoss());
        if (train.contains("until")) {
            assertThat(PLUGINS.optimizers().get(r.optimizer().name()).axis()).isEqualTo(Axis.TIME);
            assertThat(r.stop().maxTime()).isPositive();
        }
    }
}
