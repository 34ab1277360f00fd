package org.gdcert.clitests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;

/**
 * Starts the command line in a JVM of its own, on the module path of the distribution's modules,
 * as the launcher does; compiles and packages plugin jars with the JDK's own javac and jar.
 */
final class Gdcert {
    /** The longest any single command of these tests may take before it counts as hung. */
    static final long TIMEOUT_SECONDS = 120;

    private Gdcert() {
    }

    /** The repository root (the parent of cli-tests). */
    static Path root() {
        String r = System.getProperty("gdcert.root");
        Path p = r != null ? Path.of(r) : Path.of(System.getProperty("user.dir")).getParent();
        return p.toAbsolutePath().normalize();
    }

    /** The distribution's modules: jars or exploded module folders, as Maven resolved them. */
    static List<Path> modulePath() {
        String file = System.getProperty("gdcert.modulePathFile", "target/module-path.txt");
        try {
            String text = Files.readString(Path.of(file)).trim();
            return Arrays.stream(text.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("run the tests through Maven: " + file + " lists the module path", e);
        }
    }

    static String modulePathText() {
        return String.join(java.io.File.pathSeparator, modulePath().stream().map(Path::toString).toList());
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The JVM command line of {@code gdcert ARGS} on the module path (as in the launcher). */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java().toString(), "-Xss4m", "--module-path", modulePathText(),
                "--add-modules", "ALL-MODULE-PATH", "-m", "org.gdcert.dsl/org.gdcert.dsl.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Exit code and output of a finished command. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    /** A started command whose output goes to files (no pipes to fill up). */
    static final class Proc {
        final Process process;
        final Path out;
        final Path err;

        Proc(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        Result await() {
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("gdcert did not finish within " + TIMEOUT_SECONDS + " s\n" + read(out)
                            + read(err));
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            return new Result(process.exitValue(), read(out), read(err));
        }
    }

    /**
     * Starts {@code command} in {@code dir} with the environment of this JVM minus gdcert's own
     * variables, plus {@code env}; standard output and error go to files in {@code dir}.
     */
    static Proc start(Path dir, Map<String, String> env, List<String> command) {
        try {
            Files.createDirectories(dir);
            Path out = Files.createTempFile(dir, "stdout", ".txt");
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            pb.environment().remove("GDCERT_HOME");
            pb.environment().remove("GDCERT_PLUGINS");
            pb.environment().remove("GDCERT_JAVA_OPTS");
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close(); // no input: stdin at end of file, not a terminal
            return new Proc(p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code gdcert ARGS} in {@code dir} and waits for it. */
    static Result run(Path dir, Map<String, String> env, String... args) {
        return start(dir, env, command(args)).await();
    }

    static Result run(Path dir, String... args) {
        return run(dir, Map.of(), args);
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles the sources under {@code sources} (module-info included) against the distribution's
     * module path plus {@code extraModules}, and packages them with the resources under
     * {@code resources} (may be null) as a modular jar with a module version.
     */
    static Path buildJar(Path sources, Path resources, Path jar, String version, Path work, List<Path> extraModules) {
        try {
            Path classes = Files.createDirectories(work.resolve(jar.getFileName() + "-classes"));
            List<String> files;
            try (Stream<Path> s = Files.walk(sources)) {
                files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
            }
            List<Path> mp = new ArrayList<>(modulePath());
            mp.addAll(extraModules);
            List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:none", "-implicit:none",
                    "--module-path", String.join(java.io.File.pathSeparator, mp.stream().map(Path::toString).toList()),
                    "--module-version", version, "-d", classes.toString()));
            args.addAll(files);
            JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
            java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
            int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
            assertThat(status).as("javac %s:%n%s", sources, diagnostics.toString(StandardCharsets.UTF_8)).isZero();
            Files.createDirectories(jar.toAbsolutePath().getParent());
            List<String> jarArgs = new ArrayList<>(List.of("--create", "--file", jar.toString(), "--module-version", version,
                    "-C", classes.toString(), "."));
            if (resources != null) {
                jarArgs.addAll(List.of("-C", resources.toString(), "."));
            }
            ToolProvider jarTool = ToolProvider.findFirst("jar").orElseThrow();
            StringWriter jarOut = new StringWriter();
            int code = jarTool.run(new java.io.PrintWriter(jarOut), new java.io.PrintWriter(jarOut),
                    jarArgs.toArray(String[]::new));
            assertThat(code).as("jar: %s", jarOut).isZero();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code files} (relative path to content) under {@code dir}. */
    static Path writeTree(Path dir, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> e : new HashMap<>(files).entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
