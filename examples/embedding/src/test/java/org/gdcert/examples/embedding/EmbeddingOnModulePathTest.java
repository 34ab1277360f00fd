package org.gdcert.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example as a modular program, in its own JVM, with only core, activations,
 * initializers, optimizers and the java backend (and their libraries) on the module path.
 */
class EmbeddingOnModulePathTest {
    @TempDir
    Path tmp;

    @Test
    void runsOnTheModulePathAndPrintsADecreasingLossCurve() throws IOException, InterruptedException {
        Path target = Path.of("target");
        String deps = Files.readString(target.resolve("module-path.txt")).trim();
        String modulePath = target.resolve("classes").toAbsolutePath() + File.pathSeparator + deps;
        for (String entry : deps.split(File.pathSeparator)) {
            assertThat(entry).doesNotContain("gdcert-dsl").doesNotContain("gdcert-certificates");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--module-path", modulePath, "-m",
                "org.gdcert.examples.embedding/org.gdcert.examples.embedding.Main", tmp.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<Double> losses = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2 && f[0].matches("\\d+")) {
                losses.add(Double.parseDouble(f[1]));
            }
        }
        assertThat(losses).hasSizeGreaterThan(2);
        assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) * 1e-3);
        assertThat(out).contains("eta = ").contains("auto");
        assertThat(tmp.resolve("embedding/run/summary.json")).exists();
    }
}
