package org.gdcert.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.DataSpec;
import org.gdcert.core.run.MonitorChoice;
import org.gdcert.core.run.PluginChoice;
import org.gdcert.core.run.RunResult;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.RunStatus;
import org.gdcert.core.run.Runner;
import org.gdcert.core.run.Trajectory;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.testing.TestActivations;
import org.gdcert.core.testing.TestPlugins;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopReason;
import org.gdcert.core.train.StopRules;
import org.gdcert.optimizers.monitors.DeltaDMonitorProvider;
import org.gdcert.optimizers.monitors.DeltaLossMonitorProvider;
import org.gdcert.optimizers.monitors.PatternsMonitorProvider;
import org.gdcert.optimizers.monitors.ZerosMonitorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every optimizer through the real run engine, with seed 004's monitors. */
class RunnerIntegrationTest {
    @TempDir
    Path tmp;

    private final Plugins plugins = Plugins.builder().addAll(TestPlugins.plugins())
            .add(TestPlugins.activation("relu", "max(0, x)", TestActivations.RELU))
            .add(new StochasticGradientDescentProvider()).add(new GradientFlowProvider()).add(new ClarkeFlowProvider())
            .add(new DeltaLossMonitorProvider()).add(new DeltaDMonitorProvider()).add(new PatternsMonitorProvider())
            .add(new ZerosMonitorProvider()).build();

    private RunSpec.Builder spec(String optimizer, List<Argument> args) {
        String act = optimizer.equals("flow") ? "tanh" : "relu";
        NetworkSpec net = new NetworkSpec(3, List.of(LayerSpec.hidden(8, plugins.activations().get(act)
                .configureDefaults()), LayerSpec.output(1)));
        RunSpec.Builder b = RunSpec.builder("it").runId(optimizer).seed(3)
                .data(new DataSpec(PluginChoice.of(plugins.dataSources().get("testdata"), List.of(Argument.named("n",
                        12))), Optional.empty(), tmp))
                .network(net)
                .initializer(PluginChoice.defaults(plugins.initializers().get("testinit")))
                .optimizer(PluginChoice.of(plugins.optimizers().get(optimizer), args))
                .backend(PluginChoice.defaults(plugins.backends().get("reference")))
                .outputRoot(tmp.resolve("runs"))
                .source("# " + optimizer + "\n");
        for (String m : List.of("deltal", "deltad", "patterns", "zeros")) {
            b.monitor(new MonitorChoice(PluginChoice.defaults(plugins.monitors().get(m)), 1));
        }
        return b;
    }

    @Test
    void sgdWithMomentumRecordsTheMetrics() {
        RunResult r = new Runner(plugins).run(spec("sgd", List.of(Argument.named("eta", 0.02), Argument.named("batch",
                4), Argument.named("momentum", 0.9))).stop(StopRules.DEFAULT.withMaxSteps(200))
                .schedule(RecordSchedule.everyStep(10)).build());
        assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.COMPLETED);
        Trajectory t = r.trajectory();
        assertThat(t.columns()).contains("deltal", "deltal_noise", "deltad", "deltad_norm", "patterns",
                "patterns_filtered", "zeros", "zeros_rel");
        assertThat(t.size()).isEqualTo(21);
        assertThat(t.column("deltad")[1]).isPositive();
        assertThat(r.finalLoss()).isLessThan(r.initialLoss());
        assertThat(r.checks()).extracting(c -> c.name()).contains("activation-pattern changes");
    }

    @Test
    void flowAndClarkeRunOnTheTimeAxis() {
        for (String opt : List.of("flow", "clarke")) {
            RunResult r = new Runner(plugins).run(spec(opt, List.of(Argument.named("rtol", 1e-8)))
                    .stop(StopRules.DEFAULT.withMaxTime(2).withMaxSteps(100_000))
                    .schedule(RecordSchedule.everyStep(1).withEveryTime(0.25)).build());
            assertThat(r.status()).as(opt + ": " + r.message()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.training().orElseThrow().reason()).isEqualTo(StopReason.MAX_TIME);
            assertThat(r.trajectory().column("time")).containsExactly(0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2);
            assertThat(r.finalLoss()).isLessThan(r.initialLoss());
            assertThat(r.training().orElseThrow().counters()).containsKey("accepted_steps");
            assertThat(Double.isNaN(r.stepSize())).isTrue();
        }
    }

    @Test
    void flowOnAReluNetworkWarnsAboutTheFixedSelection() {
        NetworkSpec net = new NetworkSpec(3, List.of(LayerSpec.hidden(8, plugins.activations().get("relu")
                .configureDefaults()), LayerSpec.output(1)));
        List<String> messages = new java.util.ArrayList<>();
        RunResult r = new Runner(plugins).run(spec("flow", List.of()).network(net).stop(StopRules.DEFAULT
                .withMaxSteps(50)).build(), new org.gdcert.core.run.RunListener() {
                    @Override
                    public void message(String text) {
                        messages.add(text);
                    }
                }, () -> false);
        assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(messages).anyMatch(m -> m.contains("not smooth") && m.contains("clarke"));
    }
}
