package org.gdcert.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.testing.TestPlugins;
import org.gdcert.core.train.StopRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanExecutorTest {
    private final Plugins plugins = TestPlugins.plugins();
    @TempDir
    Path tmp;

    private ExperimentPlan plan(int runs) {
        List<RunSpec> specs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double eta = 0.01 * (i + 1);
            NetworkSpec net = new NetworkSpec(3, List.of(
                    LayerSpec.hidden(4, plugins.activations().get("tanh").configureDefaults()), LayerSpec.output(1)));
            specs.add(RunSpec.builder("sweep").runId("eta=" + eta).bindings(Map.of("eta", Double.toString(eta))).seed(3)
                    .data(new DataSpec(PluginChoice.defaults(plugins.dataSources().get("testdata")), Optional.empty(),
                            tmp))
                    .network(net).initializer(PluginChoice.defaults(plugins.initializers().get("testinit")))
                    .optimizer(PluginChoice.of(plugins.optimizers().get("plaingd"), List.of(Argument.named("eta", eta))))
                    .backend(PluginChoice.defaults(plugins.backends().get("reference")))
                    .stop(StopRules.DEFAULT.withMaxSteps(20).withLossBelow(1e-30)).outputRoot(tmp.resolve("runs"))
                    .source("sweep eta\n").build());
        }
        return new ExperimentPlan("sweep", tmp.resolve("sweep.exp"), "sweep eta\n", List.of("eta"), specs);
    }

    @Test
    void runsAllInParallelAndAggregates() throws IOException {
        ExperimentPlan p = plan(4);
        PlanExecutor.PlanResult r = new PlanExecutor(new Runner(plugins)).execute(p, new PlanExecutor.Options(2, true),
                new PlanExecutor.Listener() {
                }, new AtomicBoolean());
        assertThat(r.allSucceeded()).isTrue();
        List<String> csv = Files.readAllLines(r.results().orElseThrow());
        assertThat(csv.get(0)).isEqualTo("run,eta,seed,status,initial_loss,final_loss,steps,converged,wall_seconds,"
                + "final_rel_residual,step_size");
        assertThat(csv).hasSize(5);
        assertThat(csv.get(1)).startsWith("eta=0.01,0.01,3,COMPLETED,").contains(",20,no,").endsWith(",0.01");
        // the residual column is the trajectory's last relative residual
        RunResult first = r.outcomes().get(0).result().orElseThrow();
        double[] res = first.trajectory().column("rel_residual");
        String[] cells = csv.get(1).split(",");
        assertThat(Double.parseDouble(cells[cells.length - 2])).isEqualTo(res[res.length - 1]);
    }

    @Test
    void resumeSkipsFinishedRunsAndRedoesHalfWrittenOnes() throws IOException {
        ExperimentPlan p = plan(3);
        PlanExecutor ex = new PlanExecutor(new Runner(plugins));
        ex.execute(p, new PlanExecutor.Options(1, true), new PlanExecutor.Listener() {
        }, new AtomicBoolean());
        // simulate a kill in the middle of the second run: summary missing, partial trajectory left
        Path second = p.runs().get(1).directory();
        Files.delete(second.resolve(ResultWriter.SUMMARY));
        Files.move(second.resolve("trajectory.csv"), second.resolve("trajectory.csv.partial"));
        List<String> ran = new CopyOnWriteArrayList<>();
        List<String> skipped = new CopyOnWriteArrayList<>();
        PlanExecutor.PlanResult r = ex.execute(p, new PlanExecutor.Options(2, true), new PlanExecutor.Listener() {
            @Override
            public void skipped(RunSpec run) {
                skipped.add(run.runId());
            }

            @Override
            public void finished(RunSpec run, Optional<RunResult> result, Optional<String> error, int done, int total) {
                ran.add(run.runId());
            }
        }, new AtomicBoolean());
        assertThat(ran).containsExactly(p.runs().get(1).runId());
        assertThat(skipped).hasSize(2);
        assertThat(second.resolve("trajectory.csv.partial")).doesNotExist();
        assertThat(Files.readAllLines(r.results().orElseThrow())).hasSize(4);
    }

    @Test
    void aChangedScriptIsNotMistakenForAFinishedRun() {
        ExperimentPlan p = plan(1);
        RunSpec r = p.runs().get(0);
        String h = PlanExecutor.specHash(r);
        assertThat(PlanExecutor.specHash(r.withSeed(4))).isNotEqualTo(h);
        assertThat(PlanExecutor.specHash(r.withOutputRoot(tmp.resolve("elsewhere")))).isEqualTo(h);
    }

    @Test
    void aRunCancelledHalfWayIsRedoneAndRunsNotStartedAreLeftAlone() throws IOException {
        ExperimentPlan p = plan(3);
        PlanExecutor ex = new PlanExecutor(new Runner(plugins));
        AtomicBoolean cancelled = new AtomicBoolean();
        String second = p.runs().get(1).runId();
        PlanExecutor.PlanResult first = ex.execute(p, new PlanExecutor.Options(1, true), new PlanExecutor.Listener() {
            @Override
            public void progress(Progress pr) {
                if (pr.runId().equals(second)) {
                    cancelled.set(true); // Ctrl-C while the second run trains
                }
            }
        }, cancelled);
        assertThat(first.outcomes().get(1).result().orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(first.outcomes().get(2).error()).contains(PlanExecutor.NOT_STARTED);
        assertThat(p.runs().get(2).directory()).doesNotExist();

        List<String> ran = new CopyOnWriteArrayList<>();
        List<String> skipped = new CopyOnWriteArrayList<>();
        PlanExecutor.PlanResult again = ex.execute(p, new PlanExecutor.Options(1, true), new PlanExecutor.Listener() {
            @Override
            public void skipped(RunSpec run) {
                skipped.add(run.runId());
            }

            @Override
            public void finished(RunSpec run, Optional<RunResult> result, Optional<String> error, int done, int total) {
                ran.add(run.runId());
            }
        }, new AtomicBoolean());
        assertThat(skipped).containsExactly(p.runs().get(0).runId());
        assertThat(ran).containsExactly(second, p.runs().get(2).runId());
        assertThat(again.allSucceeded()).isTrue();
        List<String> csv = Files.readAllLines(again.results().orElseThrow());
        assertThat(csv).hasSize(4);
        assertThat(csv.subList(1, 4)).allSatisfy(line -> assertThat(line).contains(",COMPLETED,"));
    }

    @Test
    void aRunThatCannotStartLeavesNoFolder() {
        ExperimentPlan p = plan(1);
        NetworkSpec net = new NetworkSpec(3, List.of(
                LayerSpec.hidden(4, plugins.activations().get("tanh").configureDefaults()), LayerSpec.output(1)));
        RunSpec bad = RunSpec.builder("sweep").runId("bad").seed(3)
                .data(new DataSpec(PluginChoice.of(plugins.dataSources().get("testdata"), List.of(Argument.named("d", 5))),
                        Optional.empty(), tmp))
                .network(net).initializer(PluginChoice.defaults(plugins.initializers().get("testinit")))
                .optimizer(PluginChoice.of(plugins.optimizers().get("plaingd"), List.of(Argument.named("eta", 0.1))))
                .backend(PluginChoice.defaults(plugins.backends().get("reference")))
                .stop(StopRules.DEFAULT.withMaxSteps(5)).outputRoot(tmp.resolve("runs")).source("bad\n").build();
        ExperimentPlan q = new ExperimentPlan(p.name(), p.scriptFile(), p.source(), p.sweepVariables(), List.of(bad));
        PlanExecutor.PlanResult r = new PlanExecutor(new Runner(plugins)).execute(q, new PlanExecutor.Options(1, true),
                new PlanExecutor.Listener() {
                }, new AtomicBoolean());
        assertThat(r.outcomes().get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("d = 5"));
        assertThat(bad.directory()).doesNotExist();
    }

    @Test
    void staleTemporaryFilesOfAKilledProcessAreRemoved() throws IOException {
        ExperimentPlan p = plan(2);
        Files.createDirectories(p.directory());
        Path stale = p.directory().resolve(".results.csv.0123456789abcdef.tmp");
        Files.writeString(stale, "half");
        new PlanExecutor(new Runner(plugins)).execute(p, new PlanExecutor.Options(1, true), new PlanExecutor.Listener() {
        }, new AtomicBoolean());
        assertThat(stale).doesNotExist();
        assertThat(p.directory().resolve(PlanExecutor.RESULTS)).exists();
    }
}
