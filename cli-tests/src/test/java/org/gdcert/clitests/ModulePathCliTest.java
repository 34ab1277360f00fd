package org.gdcert.clitests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on the module path, in a JVM of its own, as the launcher runs it. */
class ModulePathCliTest {
    @TempDir
    Path tmp;

    @Test
    void versionAndEveryStandardPluginWithItsModuleAndVersion() {
        Gdcert.Result v = Gdcert.run(tmp, "--version");
        assertThat(v.code()).as(v.toString()).isZero();
        assertThat(v.out()).startsWith("gdcert ").contains("Java ");

        Gdcert.Result r = Gdcert.run(tmp, "plugins");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).as("no warnings with the standard plugins").isEmpty();
        assertThat(r.out()).containsPattern("\n  sphere  \\[org\\.gdcert\\.core \\S+\\]\n")
                .containsPattern("\n  tanh  \\[org\\.gdcert\\.activations \\S+\\]\n")
                .containsPattern("\n  lecun  \\[org\\.gdcert\\.initializers \\S+\\]\n")
                .containsPattern("\n  gd  \\[org\\.gdcert\\.optimizers \\S+\\]\n")
                .containsPattern("\n  java  \\[org\\.gdcert\\.backend\\.java \\S+\\]\n")
                .containsPattern("\n  nguyen_mondelli  \\[org\\.gdcert\\.certificates \\S+\\]\n");
    }

    @Test
    void theQuickstartExampleRunsEndToEnd() throws IOException {
        Path out = tmp.resolve("runs");
        Gdcert.Result r = Gdcert.run(tmp, "run", "--out", out.toString(),
                Gdcert.root().resolve("examples/quickstart.exp").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        Path dir = out.resolve("quickstart/run");
        assertThat(r.out()).contains("certificates on θ0:").containsPattern("\nrun: completed; loss [0-9.e+-]+ -> "
                + "[0-9.e+-]+ after \\d+ steps, η = ").contains("results: " + dir + "\n")
                .endsWith("report: " + out.resolve("quickstart/report.html") + "\n");
        for (String f : new String[] {"summary.json", "trajectory.csv", "certificates.json", "provenance.json",
                "experiment.exp", "X.npy", "Y.npy"}) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"status\": \"COMPLETED\"");
    }

    @Test
    void theDesignCardExampleChecks() {
        assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
                "Fashion-MNIST is not installed (apt install dataset-fashion-mnist)");
        Path script = Gdcert.root().resolve("examples/design-card.exp");
        Gdcert.Result r = Gdcert.run(tmp, "check", "--no-certificates", script.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("    net       784 -> 1024 -> 64 -> 10  (standard parameterization, ")
                .contains("layer 1   smoothrelu(gamma=0.1, beta=5), init lecun").contains("gd(eta=auto)")
                .contains("certify   [nguyen_mondelli");
    }

    @Test
    void userErrorsAreMessagesWithoutStackTraces() throws IOException {
        Gdcert.Result missing = Gdcert.run(tmp, "run", "nothere.exp");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("gdcert: nothere.exp: no such file\n");

        Gdcert.Result folder = Gdcert.run(tmp, "check", tmp.toString());
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).isEqualTo("gdcert: " + tmp + ": is a folder, not a script\n");

        Path bad = Files.write(tmp.resolve("bad.exp"), new byte[] {'s', 'e', 'e', 'd', ' ', '1', '\n', (byte) 0xff, '\n'});
        Gdcert.Result notUtf8 = Gdcert.run(tmp, "check", bad.toString());
        assertThat(notUtf8.code()).isEqualTo(2);
        assertThat(notUtf8.err()).startsWith("gdcert: " + bad + ":2:1: not UTF-8 text (byte 0xFF)");

        Gdcert.Result usage = Gdcert.run(tmp, "run", "--threads", "x", "a.exp");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).startsWith("gdcert: Invalid value for option '--threads'");

        for (Gdcert.Result r : new Gdcert.Result[] {missing, folder, notUtf8, usage}) {
            assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }
}
