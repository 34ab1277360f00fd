package org.gdcert.dsl.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.gdcert.core.io.Npy;
import org.gdcert.core.linalg.HostMatrix;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.RunResult;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.Runner;
import org.gdcert.core.testing.TestPlugins;
import org.gdcert.dsl.Dsl;
import org.gdcert.dsl.ast.AstPrinter;
import org.gdcert.dsl.ast.Experiment;
import org.gdcert.dsl.ast.Statement;
import org.gdcert.dsl.parser.ParseResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code holdout} statement: grammar, AST, diagnostics, compilation and a run. */
class HoldoutTest {
    private static final Plugins PLUGINS = Plugins.builder().addAll(Plugins.discover())
            .add(new TestPlugins.Reference()).build();
    private static final String TRAIN = "data sphere(n=20, d=3) labels teacher(width=4)\n"
            + "net d -> 6 -> 1 act tanh train gd eta=0.05\nstop steps 5\nseed 3\n";
    @TempDir
    Path tmp;

    private Compilation compile(String text) {
        return new ExperimentCompiler(PLUGINS, new Runner(PLUGINS)).compile("t.exp", text, tmp,
                CompileOptions.defaults().withBackend("reference").withOutputRoot(tmp.resolve("runs")));
    }

    private RunSpec single(String text) {
        Compilation c = compile(text);
        assertThat(c.errors()).as(c.formatted()).isEmpty();
        return c.plan().orElseThrow().runs().get(0);
    }

    // ---------------------------------------------------------------------------------------------
    // grammar and AST

    @Test
    void parsesWithPositionAndLabelsAndPrintsBack() {
        Experiment e = Dsl.parse("data sphere(n=10, d=3)\n  holdout  fashion_mnist( split=test,n=2000 ) labels onehot\n"
                + "holdout sphere(n=5, d=3)");
        Statement.Holdout h = (Statement.Holdout) e.statements().get(1);
        assertThat(h.keyword()).isEqualTo("holdout");
        assertThat(h.position().line()).isEqualTo(2);
        assertThat(h.position().column()).isEqualTo(3);
        assertThat(h.source().nameText()).isEqualTo("fashion_mnist");
        assertThat(h.labels()).hasValueSatisfying(l -> assertThat(l.nameText()).isEqualTo("onehot"));
        assertThat(((Statement.Holdout) e.statements().get(2)).labels()).isEmpty();
        assertThat(AstPrinter.statement(h)).isEqualTo("holdout fashion_mnist(split=test, n=2000) labels onehot");
        Dsl.assertRoundTrip("holdout fashion_mnist(split=test, n=2000, normalize=standard, mean=0.2860, std=0.3530)"
                + " labels onehot\nholdout sphere(n=N, d=d)\n");
    }

    @Test
    void holdoutIsStillANameAndSplitTestStillParses() {
        ParseResult r = Dsl.PARSER.parse("t.exp", "let holdout = 2\nsweep holdout in [1, 2]\n"
                + "data fashion_mnist(split=test, holdout=1)\nmonitor holdout(holdout=holdout)\n");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.experiment().statements()).extracting(Statement::keyword)
                .containsExactly("let", "sweep", "data", "monitor");
    }

    @Test
    void aMisspelledHoldoutKeywordIsSuggested() {
        ParseResult r = Dsl.PARSER.parse("t.exp", "holdot sphere(n=5, d=3)\n");
        assertThat(r.hasErrors()).isTrue();
        assertThat(r.diagnostics().get(0).message()).contains("holdot");
        assertThat(r.diagnostics().get(0).suggestions()).contains("holdout");
    }

    // ---------------------------------------------------------------------------------------------
    // diagnostics

    @Test
    void anUnknownSourceIsAnErrorAtItsNameWithTheNearestName() {
        Compilation c = compile(TRAIN + "holdout sphree(n=5, d=3)\n");
        assertThat(c.ok()).isFalse();
        assertThat(c.formatted()).contains("t.exp:5:9: error: unknown data source 'sphree'; did you mean 'sphere'?")
                .contains("holdout sphree(n=5, d=3)\n        ^");
    }

    @Test
    void anUnknownLabelSourceIsAnErrorToo() {
        Compilation c = compile(TRAIN + "holdout sphere(n=5, d=3) labels techer\n");
        assertThat(c.formatted()).contains("t.exp:5:33: error: unknown label source 'techer'; did you mean 'teacher'?");
    }

    @Test
    void aSecondHoldoutIsAnErrorAtItsPosition() {
        Compilation c = compile(TRAIN + "holdout sphere(n=5, d=3)\n\nholdout sphere(n=7, d=3)\n");
        assertThat(c.ok()).isFalse();
        assertThat(c.formatted()).contains("t.exp:7:1: error: 'holdout' given twice; the first is at line 5");
    }

    @Test
    void aHoldoutOfAnotherDimensionIsAClearErrorAtTheStatement() {
        Compilation c = compile(TRAIN + "holdout sphere(n=5, d=4)\n");
        assertThat(c.ok()).isFalse();
        assertThat(c.formatted()).contains("t.exp:5:1: error: holdout: the held-out data have d = 4 but the network "
                + "takes inputs of width 3");
    }

    @Test
    void heldOutLabelsOfAnotherWidthAreAClearError() {
        Compilation c = compile(TRAIN + "holdout sphere(n=5, d=3) labels gaussian(outputs=2)\n");
        assertThat(c.formatted()).contains("t.exp:5:1: error: holdout: the held-out labels have 2 columns but the "
                + "network has 1 outputs");
    }

    @Test
    void schemaProblemsPointAtTheArgument() {
        Compilation c = compile(TRAIN + "holdout sphere(n=-5, d=3)\n");
        assertThat(c.ok()).isFalse();
        assertThat(c.formatted()).contains("t.exp:5:16: error: sphere:");
    }

    // ---------------------------------------------------------------------------------------------
    // compilation and runs

    @Test
    void theErrorMonitorIsAddedOnceAndTheHoldoutMayUseNAndD() {
        RunSpec r = single(TRAIN + "holdout sphere(n=N/2, d=d)\n");
        assertThat(r.holdout()).hasValueSatisfying(h -> assertThat(h.toString()).contains("n=10"));
        assertThat(r.monitors()).extracting(m -> m.monitor().name()).containsExactly("error");
        RunSpec listed = single(TRAIN + "holdout sphere(n=5, d=3)\nmonitor gradnorm, error\n");
        assertThat(listed.monitors()).extracting(m -> m.monitor().name()).containsExactly("gradnorm", "error");
        RunSpec none = single(TRAIN);
        assertThat(none.holdout()).isEmpty();
        assertThat(none.monitors()).isEmpty();
        RunSpec explicit = single(TRAIN + "monitor error\n");
        assertThat(explicit.holdout()).isEmpty();
        assertThat(new Runner(PLUGINS).run(explicit).trajectory().columns()).contains("train_error")
                .doesNotContain("holdout_error");
    }

    @Test
    void theTeacherLabelsTheHoldoutAsItLabelsTheSameInputsOnTheTrainingPath() {
        RunResult r = new Runner(PLUGINS).run(single(TRAIN + "holdout sphere(n=9, d=3)\n"));
        assertThat(r.trajectory().columns()).contains("train_error", "holdout_loss", "holdout_error");
        Path dir = r.directory();
        HostMatrix x = Npy.readMatrix(dir.resolve("X.npy"));
        HostMatrix xh = Npy.readMatrix(dir.resolve("X_holdout.npy"));
        HostMatrix yh = Npy.readMatrix(dir.resolve("Y_holdout.npy"));
        assertThat(xh.rows()).isEqualTo(9);
        assertThat(xh.row(0)).isNotEqualTo(x.row(0));
        // the same inputs as training data of a run with the same seed and teacher
        RunSpec again = single("data npy(path=\"" + dir.resolve("X_holdout.npy") + "\") labels teacher(width=4)\n"
                + "net d -> 6 -> 1 act tanh train gd eta=0.05\nstop steps 1\nseed 3\n");
        RunResult r2 = new Runner(PLUGINS).run(again.withOutputRoot(tmp.resolve("again")));
        HostMatrix y2 = Npy.readMatrix(r2.directory().resolve("Y.npy"));
        assertThat(yh.maxAbsDiff(y2)).isZero();
        // and a holdout with a labels clause of its own uses it
        RunResult own = new Runner(PLUGINS).run(single(TRAIN + "holdout sphere(n=9, d=3) labels signs\n")
                .withOutputRoot(tmp.resolve("own")));
        HostMatrix yo = Npy.readMatrix(own.directory().resolve("Y_holdout.npy"));
        assertThat(List.of(yo.data()[0], yo.data()[1])).allSatisfy(v -> assertThat(Math.abs(v)).isEqualTo(1.0));
    }
}
