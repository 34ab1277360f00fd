package org.gdcert.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The committed PTX is what build-ptx.sh makes of the committed CUDA source: its header records the
 * source's SHA-256 and the nvcc flags (checked on every build), and where nvcc is installed the source
 * is compiled again and compared byte for byte. Also checks that the PTX defines every kernel the
 * Java side launches, and that its ISA version and target match what the availability check demands.
 */
class PtxUpToDateTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SOURCE = MODULE.resolve("src/main/cuda/gdcert_kernels.cu");
    private static final Path SCRIPT = MODULE.resolve("build-ptx.sh");

    private static String ptx() throws IOException {
        return new String(CudaKernels.ptx(), StandardCharsets.UTF_8).replace("\0", "");
    }

    private static String header(String ptx, String key) {
        Matcher m = Pattern.compile("^// " + Pattern.quote(key) + ": (.*)$", Pattern.MULTILINE).matcher(ptx);
        assertThat(m.find()).as("PTX header line '%s'", key).isTrue();
        return m.group(1).strip();
    }

    @Test
    void thePtxWasCompiledFromTheCommittedSource() throws IOException, NoSuchAlgorithmException {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SOURCE)));
        assertThat(header(ptx(), "gdcert-source-sha256")).as("SHA-256 of %s recorded in the PTX; run "
                + "backends/cuda/build-ptx.sh after changing the kernels", SOURCE.getFileName()).isEqualTo(hash);
    }

    @Test
    void thePtxWasCompiledWithTheScriptsFlags() throws IOException {
        Matcher m = Pattern.compile("^FLAGS=\"([^\"]*)\"$", Pattern.MULTILINE).matcher(Files.readString(SCRIPT));
        assertThat(m.find()).as("a FLAGS=\"...\" line in build-ptx.sh").isTrue();
        assertThat(header(ptx(), "gdcert-nvcc-flags")).isEqualTo(m.group(1));
    }

    @Test
    void isaVersionAndTargetMatchTheAvailabilityCheck() throws IOException {
        String ptx = ptx();
        // nvcc 13.0 writes PTX ISA 9.0, which a CUDA 13.0 driver is the first to read
        assertThat(ptx).containsPattern("(?m)^\\.version 9\\.0$");
        assertThat(DriverFacts.REQUIRED_DRIVER).isEqualTo(13000);
        assertThat(ptx).containsPattern("(?m)^\\.target sm_75$");
        assertThat(DriverFacts.REQUIRED_COMPUTE_CAPABILITY).isEqualTo(75);
    }

    @Test
    void everyKernelTheJavaSideLaunchesIsInThePtx() throws IOException {
        String ptx = ptx();
        List<String> bases = List.of("gdcert_gemm_nn", "gdcert_gemm_nt", "gdcert_gemm_tn", "gdcert_gemm_tt",
                "gdcert_gemm_splitk_reduce", "gdcert_fill", "gdcert_axpby", "gdcert_hadamard", "gdcert_sub",
                "gdcert_add_row", "gdcert_gather_rows", "gdcert_activation", "gdcert_activation2",
                "gdcert_dot_partial", "gdcert_colsum_partial", "gdcert_colsum_final");
        for (String b : bases) {
            for (String suffix : new String[] {"_f32", "_f64"}) {
                assertThat(ptx).contains(".visible .entry " + b + suffix + "(");
            }
        }
        assertThat(ptx).contains(".visible .entry gdcert_sum_final(");
    }

    @Test
    void nvccCompilesTheSourceToTheCommittedPtx() throws IOException, InterruptedException {
        Optional<Path> nvcc = nvcc();
        Assumptions.assumeTrue(nvcc.isPresent(), "nvcc is not installed: the byte-for-byte check is skipped (the "
                + "source hash is still checked)");
        String version = header(ptx(), "gdcert-nvcc-version");
        Process v = new ProcessBuilder(nvcc.get().toString(), "--version").redirectErrorStream(true).start();
        String out = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        v.waitFor(60, TimeUnit.SECONDS);
        Assumptions.assumeTrue(out.contains("V" + version), "the installed nvcc is not " + version
                + ", which wrote the committed PTX; its output may differ in details");
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), "--check").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.getOutputStream().close();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("build-ptx.sh --check finishes").isTrue();
        assertThat(p.exitValue()).as("build-ptx.sh --check: the committed PTX is what nvcc makes of the source")
                .isZero();
    }

    private static Optional<Path> nvcc() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/local/cuda/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nvcc"))) {
                return Optional.of(Path.of(dir, "nvcc"));
            }
        }
        return Optional.empty();
    }
}
