package org.gdcert.dsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gdcert.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path tmp;

    private Path runs() {
        return tmp.resolve("runs");
    }

    private Cli.Result run(String... args) {
        return run(false, args);
    }

    private Cli.Result run(boolean terminal, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = "--out";
        all[2] = runs().toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(terminal, all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path p) throws IOException {
        return (Map<String, Object>) Json.parse(Files.readString(p));
    }

    @Test
    void aCompletedRunEndsWithAHumanSummaryAndItsFiles() throws IOException {
        Path f = Cli.write(tmp.resolve("tiny.exp"), Cli.TINY);
        Cli.Result r = run(f.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        Path dir = runs().resolve("tiny").resolve("run");
        assertThat(r.out()).startsWith(f + ": 1 run -> " + runs().resolve("tiny") + "\n");
        assertThat(r.out()).containsPattern("\nrun: completed; loss [0-9.]+e[+-]\\d+ -> [0-9.]+e[+-]\\d+ after 40 steps, "
                + "η = 0\\.1000 \\(given\\); \\d+s\n");
        assertThat(r.out()).endsWith("results: " + dir + "\nreport: " + runs().resolve("tiny").resolve("report.html")
                + "\n");
        assertThat(r.err()).isEmpty();
        Map<String, Object> summary = json(dir.resolve("summary.json"));
        assertThat(summary.get("status")).isEqualTo("COMPLETED");
        assertThat(Json.asDouble(summary.get("steps"))).isEqualTo(40);
        // the summary's final loss is the one printed
        String finalLoss = String.format(java.util.Locale.ROOT, "%.4e", Json.asDouble(summary.get("final_loss")));
        assertThat(r.out()).contains("-> " + finalLoss + " after 40 steps");
        assertThat(dir.resolve("trajectory.csv")).exists();
        assertThat(dir.resolve("trajectory.csv.partial")).doesNotExist();
    }

    @Test
    void runningAFinishedScriptAgainSaysAlreadyDoneAndFreshMakesANewFolder() {
        Path f = Cli.write(tmp.resolve("tiny.exp"), Cli.TINY);
        assertThat(run(f.toString()).code()).isZero();
        Cli.Result again = run(f.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already done: results in " + runs().resolve("tiny").resolve("run")
                + " (use --fresh to run again)");
        Cli.Result fresh = run("--fresh", f.toString());
        assertThat(fresh.code()).as(fresh.toString()).isZero();
        assertThat(fresh.out()).contains("results: " + runs().resolve("tiny-2").resolve("run"));
        assertThat(runs().resolve("tiny-2").resolve("run").resolve("summary.json")).exists();
    }

    @Test
    void seedBackendAndThreadsOverrideTheScript() throws IOException {
        Path f = Cli.write(tmp.resolve("tiny.exp"), Cli.TINY);
        Cli.Result r = run("--seed", "11", "--backend", "java", "--threads", "1", f.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        Path dir = runs().resolve("tiny").resolve("run");
        assertThat(Json.asDouble(json(dir.resolve("summary.json")).get("seed"))).isEqualTo(11);
        String provenance = Files.readString(dir.resolve("provenance.json"));
        assertThat(provenance).contains("\"plugin\": \"java(precision=double, threads=1)\"");

        // a different seed is a different experiment: it is not mistaken for the finished one
        Cli.Result other = run("--seed", "12", f.toString());
        assertThat(other.out()).doesNotContain("already done");
        assertThat(Json.asDouble(json(dir.resolve("summary.json")).get("seed"))).isEqualTo(12);
    }

    @Test
    void badOverridesAreUsageErrors() {
        Path f = Cli.write(tmp.resolve("tiny.exp"), Cli.TINY);
        Cli.Result backend = run("--backend", "tpu", f.toString());
        assertThat(backend.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(backend.err()).contains("unknown backend 'tpu'");
        Cli.Result threads = run("--threads", "0", f.toString());
        assertThat(threads.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(threads.err()).contains("--threads must be at least 1");
        assertThat(runs().resolve("tiny")).doesNotExist();
    }

    @Test
    void aDivergingRunExitsWithOne() {
        Path f = Cli.write(tmp.resolve("diverge.exp"), "seed 1\ndata sphere(n=10, d=3) labels signs\n"
                + "net d -> 50 -> 1 act tanh train gd eta=100\nstop steps 500\n");
        Cli.Result r = run(f.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(Main.RUN_FAILED);
        assertThat(r.out()).contains("run: diverged; loss ").contains("loss overflowed")
                .contains("results: " + runs().resolve("diverge").resolve("run"));
    }

    @Test
    void aScriptErrorExitsWithTwoAndRunsNothing() {
        Path good = Cli.write(tmp.resolve("good.exp"), Cli.TINY);
        Path bad = Cli.write(tmp.resolve("bad.exp"), "data sphere(n=10, d=3) labels signs\n"
                + "net d -> 5 -> 1 act tanh train gd eta=0.1\nstop stpes 10\n");
        Cli.Result r = run(good.toString(), bad.toString());
        assertThat(r.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.err()).contains(bad + ":3:").contains("error:").contains("\nstop stpes 10\n");
        assertThat(r.err()).containsPattern("\n\\s*\\^");
        assertThat(runs()).doesNotExist();
    }

    @Test
    void certifiedStepSizeWithoutAHoldingCertificateNamesTheFailedConditions() {
        Path f = Cli.write(tmp.resolve("cert.exp"), "seed 1\ndata sphere(n=10, d=3) labels signs\n"
                + "net d -> 50 -> 10 -> 1 init lecun act smoothrelu(0.1, 5) train gd eta=certified\n"
                + "certify nguyen_mondelli\nstop steps 20\n");
        Cli.Result r = run(f.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.err()).contains("gdcert: " + f + ": eta=certified: no certificate holds")
                .contains("nguyen_mondelli: NOT_CERTIFIED").contains("cond4 (4)").contains("fails by a factor");
        assertThat(runs().resolve("cert").resolve("run")).doesNotExist();

        Path none = Cli.write(tmp.resolve("none.exp"), "data sphere(n=10, d=3) labels signs\n"
                + "net d -> 50 -> 1 act tanh train gd eta=certified\n");
        Cli.Result n = run(none.toString());
        assertThat(n.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(n.err()).contains("eta=certified needs a certificate");
    }

    @Test
    void anUnusableResultsFolderIsReportedBeforeAnythingRuns() throws IOException {
        Path f = Cli.write(tmp.resolve("tiny.exp"), Cli.TINY);
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        Cli.Result r = Cli.run("run", "--out", file.resolve("sub").toString(), f.toString());
        assertThat(r.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.err()).startsWith("gdcert: " + f + ": cannot create the results folder " + file.resolve("sub")
                .resolve("tiny") + ": ").doesNotContain("Exception");
    }

    @Test
    void aSweepReportsEachRunAndTheTableAndResumes() throws IOException {
        Path f = Cli.write(tmp.resolve("sweep.exp"), "seed 3\ndata sphere(n=10, d=3) labels signs\n"
                + "net d -> m -> 1 act tanh train gd eta=0.1\nsweep m in [4, 8]\nrepeat 2\nstop steps 20\n");
        Cli.Result r = run("--threads", "2", f.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        Path table = runs().resolve("sweep").resolve("results.csv");
        assertThat(r.out()).startsWith(f + ": 4 runs -> " + runs().resolve("sweep") + "\n")
                .containsPattern("  \\[1/4\\] m=\\d_r\\d: completed, loss [0-9.e+-]+ after 20 steps")
                .contains("  [4/4] ").containsPattern("\n4 of 4 runs succeeded in \\d+s; table: ")
                .endsWith("; table: " + table + "\nreport: " + runs().resolve("sweep").resolve("report.html") + "\n");
        List<String> rows = Files.readAllLines(table);
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).startsWith("run,m,repeat,seed,status,");

        Cli.Result again = run(f.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("  m=4_r0: already done in " + runs().resolve("sweep").resolve("m=4_r0")
                + " (skipped)").contains("4 of 4 runs succeeded (all were already done; use --fresh to run again)");
        assertThat(Files.readAllLines(table)).isEqualTo(rows);
    }

    @Test
    void aSweepPointThatCannotStartIsAScriptErrorNamingTheRun() {
        // eta=certified fails at run time, after the other point ran
        Path f = Cli.write(tmp.resolve("mixed.exp"), "seed 1\ndata sphere(n=10, d=3) labels signs\n"
                + "net d -> 50 -> 10 -> 1 init lecun act smoothrelu(0.1, 5) train gd eta=e\n"
                + "certify nguyen_mondelli\nsweep e in [0.01, certified]\nstop steps 5\n");
        Cli.Result r = run("--threads", "1", f.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.out()).contains("1 of 2 runs succeeded");
        assertThat(r.err()).contains(f + ": e=certified: eta=certified: no certificate holds");
    }

    @Test
    void onATerminalProgressIsABarRedrawnInPlace() {
        Path f = Cli.write(tmp.resolve("tiny.exp"), Cli.TINY);
        Cli.Result r = run(true, f.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        // at least the first and the last iterate are drawn: bar, run, step, loss, rate, ETA; erased before the summary
        assertThat(r.out()).containsPattern("\r\\[\\.{24}\\]   0% run  step 0  loss [0-9.]+e[+-]\\d+\u001b\\[K");
        assertThat(r.out()).containsPattern("\r\\[#{24}\\] 100% run  step 40  loss [0-9.]+e[+-]\\d+  \\d+ steps/s  ETA 0s"
                + "\u001b\\[K");
        assertThat(r.out()).containsPattern("\r\u001b\\[K(certificates|along|run: completed)");
    }

    @Test
    void elsewhereProgressIsPlainLines() {
        Path f = Cli.write(tmp.resolve("tiny.exp"), Cli.TINY);
        Cli.Result r = run(false, f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("\r").doesNotContain("\u001b");
        assertThat(r.out()).containsPattern("\n\\[\\.{24}\\]   0% run  step 0  loss [0-9.]+e[+-]\\d+\n");
    }

    @Test
    void noPartialFilesAreLeftAnywhere() throws IOException {
        Path f = Cli.write(tmp.resolve("tiny.exp"), Cli.TINY);
        run(f.toString());
        try (Stream<Path> s = Files.walk(runs())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial") || n.endsWith(".tmp"));
        }
    }
}
