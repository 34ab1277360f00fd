package org.gdcert.dsl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.spi.Availability;
import org.gdcert.core.spi.BackendProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a machine without a CUDA GPU: {@code gdcert plugins backend} lists the cuda
 * backend as unavailable with the reason, and a script that asks for it fails at its backend statement
 * with that reason and no stack trace. Skipped where a GPU is present.
 */
class CudaBackendCliTest {
    private Availability cuda;

    @BeforeEach
    void noGpu() {
        BackendProvider p = Plugins.discover().backends().find("cuda").orElseThrow();
        cuda = p.availability();
        org.junit.jupiter.api.Assumptions.assumeFalse(cuda.available(), "a CUDA GPU is available here");
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void pluginsListsCudaAsUnavailableWithTheReason() {
        String[] r = run("plugins", "backend");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).containsPattern("(?m)^  cuda  \\[[^]]*\\]  UNAVAILABLE: "
                + java.util.regex.Pattern.quote(cuda.reason()) + "$");
        assertThat(r[1]).containsPattern("(?m)^  java  \\[[^]]*\\]$");
    }

    @Test
    void aScriptAskingForCudaFailsAtItsBackendStatement(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("gpu.exp");
        Files.writeString(script, String.join("\n",
                "seed 1",
                "data sphere(n=20, d=5) labels signs",
                "net d -> 30 -> 1 init lecun act tanh train gd eta=0.01",
                "backend cuda(precision=float)",
                "stop steps 5", ""));
        String[] r = run("check", script.toString());
        assertThat(r[0]).isEqualTo(Integer.toString(Main.SCRIPT_ERROR));
        assertThat(r[2]).contains("gpu.exp:4:9: error: backend 'cuda' is not available here: " + cuda.reason())
                .contains("backend cuda(precision=float)").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theBackendOptionNamesTheReasonToo(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("cpu.exp");
        Files.writeString(script, String.join("\n",
                "seed 1",
                "data sphere(n=20, d=5) labels signs",
                "net d -> 30 -> 1 init lecun act tanh train gd eta=0.01",
                "stop steps 5", ""));
        String[] r = run("check", "--backend", "cuda", script.toString());
        assertThat(r[0]).isEqualTo(Integer.toString(Main.SCRIPT_ERROR));
        assertThat(r[2]).contains("backend 'cuda' is not available here: " + cuda.reason())
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
