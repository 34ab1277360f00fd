package org.gdcert.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the system Python ({@code /usr/bin/python3}) from tests that check gdcert's files against an
 * independent implementation (NumPy, Python's gzip and hashlib). Tests that need it call
 * {@link #assumePython()} or {@link #assumeNumpy()} first and are skipped, with a message, where
 * Python or NumPy is missing. Output is captured, never printed.
 */
public final class Python {
    /** The interpreter used. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long TIMEOUT_SECONDS = 120;
    private static Boolean numpy;

    private Python() {
    }

    /** Skips the calling test unless /usr/bin/python3 exists. */
    public static void assumePython() {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is missing: skipping the check against Python");
    }

    /** Skips the calling test unless /usr/bin/python3 can import numpy. */
    public static synchronized void assumeNumpy() {
        assumePython();
        if (numpy == null) {
            numpy = exec(List.of(PYTHON.toString(), "-c", "import numpy"), "").exitCode == 0;
        }
        Assumptions.assumeTrue(numpy, "numpy is not importable by " + PYTHON
                + " (apt-get install python3-numpy): skipping the check against NumPy");
    }

    /** Runs {@code python3 -c code args...}; returns stdout, fails with stderr on a non-zero exit. */
    public static String runCode(String code, String... args) {
        return runCodeWithInput(code, "", args);
    }

    /** Like {@link #runCode} with {@code input} on the standard input (for data too long for arguments). */
    public static String runCodeWithInput(String code, String input, String... args) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-c", code));
        cmd.addAll(List.of(args));
        return check(exec(cmd, input), "python3 -c");
    }

    /** Runs the test resource {@code python/<name>} with {@code args}; returns stdout. */
    public static String runScript(String name, String... args) {
        URL url = Python.class.getResource("/python/" + name);
        if (url == null) {
            throw new AssertionError("missing test resource python/" + name);
        }
        Path script;
        try {
            script = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        cmd.addAll(List.of(args));
        return check(exec(cmd, ""), name);
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static String check(Result r, String what) {
        if (r.exitCode != 0) {
            throw new AssertionError(what + " failed with exit code " + r.exitCode + ":\n" + r.err + r.out);
        }
        return r.out;
    }

    private static Result exec(List<String> cmd, String input) {
        String shown = String.join(" ", cmd);
        shown = shown.length() > 300 ? shown.substring(0, 300) + "..." : shown;
        try {
            Process p = new ProcessBuilder(cmd).start();
            // drain both pipes on their own threads (not the common pool, which may have one thread)
            CompletableFuture<String> out = drainAsync(p.getInputStream());
            CompletableFuture<String> err = drainAsync(p.getErrorStream());
            try (var stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python3 did not finish within " + TIMEOUT_SECONDS + " s: " + shown);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + shown + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static CompletableFuture<String> drainAsync(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> f.complete(drain(in)), "python-output");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
