package org.gdcert.dsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsTheExpandedPlanAndTheStepSizeWithoutWritingAnything() {
        Path f = Cli.write(tmp.resolve("sweep.exp"), "seed 7\ndata sphere(n=10, d=3) labels signs\n"
                + "net d -> m -> 1 init lecun act tanh train gd eta=auto\nsweep m in [4, 8]\nrepeat 2\nstop steps 50\n"
                + "output \"" + tmp.resolve("runs").toString().replace("\\", "\\\\") + "\"\n");
        Cli.Result r = Cli.run("check", f.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith(f + ": ok, 4 runs over m, repeat -> ");
        assertThat(r.out()).contains("  run m=4_r0  {m=4, repeat=0}  seed 7\n", "  run m=4_r1  {m=4, repeat=1}  seed 8\n",
                "  run m=8_r0", "  run m=8_r1");
        assertThat(r.out()).contains("    net       3 -> 4 -> 1  (standard parameterization, 16 trainable parameters)\n",
                "    net       3 -> 8 -> 1", "    layer 1   tanh, init lecun", "    layer 2   linear, init lecun",
                "    train     gd(eta=auto), loss sum_half\n", "    stop      steps 50\n",
                "    data      sphere(n=10, d=3, radius=1) labels signs");
        // the first run's θ0 is drawn and eta=auto resolved
        assertThat(r.out()).containsPattern("m=4_r0: N = 10, d = 3, Φ\\(θ0\\) = [0-9.e+-]+, η = [0-9.e+-]+ \\(auto: ");
        assertThat(tmp.resolve("runs")).doesNotExist();
    }

    @Test
    void longPlansAreAbbreviatedUnlessAllIsGiven() {
        Path f = Cli.write(tmp.resolve("many.exp"), "data sphere(n=10, d=3) labels signs\n"
                + "net d -> m -> 1 act tanh train gd eta=0.1\nsweep m in 1..25\n");
        Cli.Result r = Cli.run("check", "--no-certificates", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("25 runs over m", "  run m=20", "  ... 5 more runs (--all shows them)")
                .doesNotContain("  run m=21").doesNotContain("Φ(θ0)");
        Cli.Result all = Cli.run("check", "--all", "--no-certificates", f.toString());
        assertThat(all.out()).contains("  run m=25").doesNotContain("more runs");
    }

    @Test
    void scriptErrorsArePlacedWithLineColumnAndCaret() {
        Path f = Cli.write(tmp.resolve("bad.exp"), "data sphere(n=10, d=3) labels signs\n"
                + "net d -> 5 -> 1 actt tanh train gd eta=0.1\n");
        Cli.Result r = Cli.run("check", f.toString());
        assertThat(r.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.err()).contains(f + ":2:17: error: ").contains("did you mean 'act'?")
                .contains("\nnet d -> 5 -> 1 actt tanh train gd eta=0.1\n                ^");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aHoldoutIsShownAndOneOfAnotherDimensionIsAScriptErrorAtItsLine() {
        Path ok = Cli.write(tmp.resolve("held.exp"), "data sphere(n=10, d=3) labels signs\n"
                + "holdout sphere(n=6, d=d)\nnet d -> 5 -> 1 act tanh train gd eta=0.1\n");
        Cli.Result r = Cli.run("check", ok.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("    holdout   sphere(n=6, d=3, radius=1)\n");
        Path bad = Cli.write(tmp.resolve("wide.exp"), "data sphere(n=10, d=3) labels signs\n"
                + "holdout sphere(n=6, d=4)\nnet d -> 5 -> 1 act tanh train gd eta=0.1\n");
        Cli.Result e = Cli.run("check", bad.toString());
        assertThat(e.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(e.err()).contains(bad + ":2:1: error: holdout: the held-out data have d = 4 but the network takes "
                + "inputs of width 3");
    }

    @Test
    void dataThatCannotBeLoadedIsAScriptError() {
        Path f = Cli.write(tmp.resolve("csv.exp"), "data csv(\"nothere.csv\") labels source\n"
                + "net d -> 5 -> 1 act tanh train gd eta=0.1\n");
        Cli.Result r = Cli.run("check", f.toString());
        assertThat(r.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.err()).contains(f + ":1:").contains("cannot load the data").contains("nothere.csv")
                .contains("file not found").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unreadableScriptsAreMessagesNotStackTraces() throws IOException {
        Cli.Result missing = Cli.run("check", tmp.resolve("missing.exp").toString());
        assertThat(missing.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(missing.err()).isEqualTo("gdcert: " + tmp.resolve("missing.exp") + ": no such file\n");

        Cli.Result folder = Cli.run("check", tmp.toString());
        assertThat(folder.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(folder.err()).isEqualTo("gdcert: " + tmp + ": is a folder, not a script\n");

        Path latin1 = tmp.resolve("latin1.exp");
        Files.write(latin1, "seed 1\n# caf\u00e9 au lait\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Cli.Result notUtf8 = Cli.run("check", latin1.toString());
        assertThat(notUtf8.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(notUtf8.err()).isEqualTo("gdcert: " + latin1 + ":2:6: not UTF-8 text (byte 0xE9); save the script "
                + "as UTF-8\n");
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        Path f = Cli.write(tmp.resolve("bom.exp"), "\uFEFF" + Cli.TINY);
        Cli.Result r = Cli.run("check", "--no-certificates", f.toString());
        assertThat(r.code()).as(r.toString()).isZero();
    }
}
