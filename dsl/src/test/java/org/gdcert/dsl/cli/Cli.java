package org.gdcert.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in-process with captured streams. */
final class Cli {
    /** A tiny experiment: 10 points in R^3, a width-8 tanh net, 40 steps of GD (well under a second). */
    static final String TINY = "seed 3\n"
            + "data sphere(n=10, d=3) labels signs\n"
            + "net d -> 8 -> 1 init lecun act tanh train gd eta=0.1\n"
            + "stop steps 40\n";

    private Cli() {
    }

    /** Exit code and what went to standard output and standard error. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    static Result run(String... args) {
        return run(false, args);
    }

    static Result run(boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), terminal);
        return new Result(code, out.toString(), err.toString());
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
