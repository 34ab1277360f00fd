package org.gdcert.dsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gdcert.core.run.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
    @ParameterizedTest
    @ValueSource(strings = {"run", "check", "plugins", "tool"})
    void everyCommandHasHelp(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Usage: gdcert " + command).contains("-h, --help");
        assertThat(r.err()).isEmpty();
        assertThat(Cli.run("help", command).out()).as("help %s", command).isEqualTo(r.out());
        assertThat(Cli.run(command, "-h").out()).isEqualTo(r.out());
    }

    @Test
    void topLevelHelpListsTheCommandsExitCodesAndPluginFolders() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: gdcert").contains("  run ", "  check ", "  plugins ", "  help ")
                .contains("Exit codes: 0 success, 1 a run failed, 2 usage or script error.")
                .contains("--plugins=DIR").contains("GDCERT_PLUGINS");
        assertThat(Cli.run("help").out()).isEqualTo(r.out());
    }

    @Test
    void runHelpNamesEveryOption() {
        assertThat(Cli.run("run", "--help").out()).contains("--out=DIR", "--seed=N", "--backend=NAME", "--threads=N",
                "--fresh", "FILE...");
    }

    @Test
    void versionNamesGdcertAndJava() {
        for (String flag : List.of("--version", "-V")) {
            Cli.Result r = Cli.run(flag);
            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("gdcert " + Runner.VERSION + System.lineSeparator())
                    .contains("Java " + System.getProperty("java.version"));
        }
    }

    @Test
    void noCommandShowsUsageAndIsAUsageError() {
        Cli.Result r = Cli.run();
        assertThat(r.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.out()).startsWith("Usage: gdcert");
    }

    @Test
    void unknownOptionIsAUsageErrorWithASuggestion() {
        Cli.Result r = Cli.run("run", "--sed", "3", "x.exp");
        assertThat(r.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.err()).contains("gdcert: Unknown option: '--sed'").contains("--seed")
                .contains("Try 'gdcert run --help' for more.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        Cli.Result r = Cli.run("rnu", "x.exp");
        assertThat(r.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.err()).startsWith("gdcert: unknown command 'rnu'; did you mean 'run'? (commands: run, check, plugins")
                .contains("Try 'gdcert --help'");
    }

    @Test
    void missingFileParameterIsAUsageError() {
        Cli.Result r = Cli.run("run");
        assertThat(r.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.err()).contains("Missing required parameter").contains("FILE");
    }

    @Test
    void badOptionValueIsAUsageError() {
        Cli.Result r = Cli.run("run", "--seed", "many", "x.exp");
        assertThat(r.code()).isEqualTo(Main.SCRIPT_ERROR);
        assertThat(r.err()).contains("'many'").contains("--seed");
    }

    @Test
    void describeGivesTheMostSpecificMessageWithoutClassNames() {
        IOException io = new IOException("disk full");
        assertThat(Main.describe(new IllegalStateException(new UncheckedIOException("cannot write x: disk full", io))))
                .isEqualTo("cannot write x: disk full");
        assertThat(Main.describe(new IllegalStateException(io))).isEqualTo("disk full");
        assertThat(Main.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }

    @Test
    void pluginFoldersComeFromTheCommandLineTheVariableAndTheLauncherHome() {
        List<Path> f = PluginLoading.folders(List.of(Path.of("a")), "b" + java.io.File.pathSeparator + " "
                + java.io.File.pathSeparator + "c", "/opt/gdcert");
        assertThat(f).containsExactly(Path.of("a"), Path.of("b"), Path.of("c"), Path.of("/opt/gdcert", "plugins"));
        assertThat(PluginLoading.folders(List.of(), null, "")).isEmpty();
    }

    @Test
    void unexpectedErrorsAreOneOrTwoLinesWithAHint() {
        java.io.StringWriter text = new java.io.StringWriter();
        int code = Main.unexpected(new IllegalStateException(new OutOfMemoryError("Java heap space")),
                new java.io.PrintWriter(text));
        assertThat(code).isEqualTo(Main.RUN_FAILED);
        assertThat(text.toString()).startsWith("gdcert: out of memory (Java heap space); give Java more, e.g. "
                + "GDCERT_JAVA_OPTS=-Xmx8g (now at most ").doesNotContain("\tat ");

        java.io.StringWriter bug = new java.io.StringWriter();
        Main.unexpected(new IllegalStateException(new ArithmeticException("/ by zero")), new java.io.PrintWriter(bug));
        assertThat(bug.toString()).isEqualTo("gdcert: / by zero\ngdcert: this looks like a bug; run with "
                + "GDCERT_JAVA_OPTS=-Dgdcert.debug=true for details\n");
    }
}
