package org.gdcert.dsl.width;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.ExperimentPlan;
import org.gdcert.core.run.PlanExecutor;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.Runner;
import org.gdcert.core.testing.TestPlugins;
import org.gdcert.dsl.compile.Compilation;
import org.gdcert.dsl.compile.CompileOptions;
import org.gdcert.dsl.compile.ExperimentCompiler;
import org.gdcert.dsl.plot.Table;
import org.gdcert.dsl.plot.WidthPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finder on a setting whose answer is known: X = I_N, the first layer frozen at the identity
 * initializer (W_1 = [I 0] or its top block), a linear activation. The net is then linear
 * regression on the first n_1 coordinates: with n_1 >= N it fits ±1 labels exactly (F_1F_1ᵀ = I, so
 * GD with η = 1/λ_max converges at once); with n_1 < N the outputs of samples n_1+1..N stay 0 and the
 * relative residual stays at least sqrt(1/N). The smallest converging width is N.
 */
class WidthFinderTest {
    private static final Plugins PLUGINS = Plugins.builder().addAll(Plugins.discover())
            .add(new TestPlugins.Reference()).build();
    private static final String SCRIPT = """
            sweep file in [id3, id5]
            data csv(file, label_columns=1, label_type=values)
            net d -> 2 -> 1 act identity train gd eta=auto
            init lecun, layer 1: identity
            freeze layer 1
            stop residual < 1e-2, steps 200
            """;
    @TempDir
    Path tmp;

    private void identityData(int n) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sb.append(i == j ? "1," : "0,");
            }
            sb.append(i % 2 == 0 ? "1" : "-1").append('\n');
        }
        Files.writeString(tmp.resolve("id" + n), sb.toString(), StandardCharsets.UTF_8);
    }

    private Compilation compile(String text, CompileOptions o) {
        return new ExperimentCompiler(PLUGINS, new Runner(PLUGINS)).compile("idw.exp", text, tmp, o);
    }

    private CompileOptions options() {
        return CompileOptions.defaults().withBackend("reference").withOutputRoot(tmp.resolve("runs"));
    }

    private ExperimentPlan plan(String text) {
        Compilation c = compile(text, options());
        assertThat(c.errors()).as(c.formatted()).isEmpty();
        return c.plan().orElseThrow();
    }

    private WidthFinder.Result find(String text, WidthFinder.Listener listener) {
        ExperimentPlan base = plan(text);
        WidthFinder finder = new WidthFinder(new PlanExecutor(new Runner(PLUGINS)));
        WidthFinder.Settings s = new WidthFinder.Settings(1, 1, 1.0, 1, 64, 0, 2);
        return finder.find(base, w -> compile(text, options().withWidth(1, w)), s, listener, new AtomicBoolean());
    }

    @Test
    void findsTheSmallestWidthThatFitsEachNAndResumes() throws Exception {
        identityData(3);
        identityData(5);
        List<String> tried = new ArrayList<>();
        WidthFinder.Result r = find(SCRIPT, new WidthFinder.Listener() {
            @Override
            public void tried(WidthFinder.PointResult p, WidthPlot.Trial t) {
                tried.add(p.label() + ":" + t.width() + "=" + t.converged());
            }
        });
        assertThat(r.error()).isEmpty();
        assertThat(r.points()).allSatisfy(p -> assertThat(p.errors()).isEmpty());
        // from the script's width 2: up by doubling, then bisection
        assertThat(tried).containsExactly("file=id3:2=0", "file=id5:2=0", "file=id3:4=1", "file=id5:4=0",
                "file=id3:3=1", "file=id5:8=1", "file=id5:6=1", "file=id5:5=1");
        assertThat(r.points()).extracting(p -> p.label() + " N=" + p.samples().getAsInt() + " -> "
                + p.bracket().smallest().getAsInt()).containsExactly("file=id3 N=3 -> 3", "file=id5 N=5 -> 5");
        // the folder: one run per (point, width), the trials table, and after writing, the answers
        Path dir = tmp.resolve("runs").resolve("idw").resolve("find-width");
        assertThat(r.directory()).isEqualTo(dir);
        Table trials = Table.read(dir.resolve("results.csv"));
        assertThat(trials.size()).isEqualTo(8);
        assertThat(trials.columns()).startsWith("run", "file", "width", "repeat", "seed");
        WidthReport.Written w = WidthReport.write(r, new WidthFinder.Settings(1, 1, 1.0, 1, 64, 0, 2),
                plan(SCRIPT));
        Table widths = Table.read(w.csv());
        assertThat(widths.column("smallest_width")).containsExactly("3", "5");
        assertThat(widths.column("largest_failing_width")).containsExactly("2", "4");
        assertThat(widths.column("widths_tried")).containsExactly("2:0/1 4:1/1 3:1/1", "2:0/1 4:0/1 8:1/1 6:1/1 5:1/1");
        assertThat(widths.columns()).containsExactly("file", "N", "smallest_width", "largest_failing_width",
                "monotone", "widths_tried");
        assertThat(w.plot()).isPresent();
        assertThat(Files.readString(w.report(), StandardCharsets.UTF_8)).contains("<svg ")
                .contains("Smallest converging width");
        // again: every run is found on disk, the answer is the same
        AtomicInteger skipped = new AtomicInteger();
        WidthFinder.Result again = find(SCRIPT, new WidthFinder.Listener() {
            @Override
            public PlanExecutor.Listener round(int round, int runs) {
                return new PlanExecutor.Listener() {
                    @Override
                    public void skipped(RunSpec run) {
                        skipped.incrementAndGet();
                    }
                };
            }
        });
        assertThat(skipped.get()).isEqualTo(8);
        assertThat(again.points()).extracting(p -> p.bracket().smallest().getAsInt()).containsExactly(3, 5);
    }

    @Test
    void aScriptWithoutTargetIsRefused() throws Exception {
        identityData(3);
        identityData(5);
        String noTarget = SCRIPT.replace("stop residual < 1e-2, steps 200", "stop steps 10");
        assertThatThrownBy(() -> find(noTarget, new WidthFinder.Listener() {
        })).hasMessageContaining("no target");
    }

    @Test
    void theOutputLayerCannotBeSearched() throws Exception {
        identityData(3);
        identityData(5);
        ExperimentPlan base = plan(SCRIPT);
        WidthFinder finder = new WidthFinder(new PlanExecutor(new Runner(PLUGINS)));
        assertThatThrownBy(() -> finder.find(base, w -> compile(SCRIPT, options().withWidth(2, w)),
                new WidthFinder.Settings(2, 1, 1.0, 1, 64, 0, 1), new WidthFinder.Listener() {
                }, new AtomicBoolean())).hasMessageContaining("hidden layers 1..1");
    }

    @Test
    void runIdsAreSafeFolderNames() {
        assertThat(WidthFinder.runId(java.util.Map.of("act", "leaky relu"), 7, 2)).isEqualTo("act=leaky-relu_w=7_r2");
    }
}
