package org.gdcert.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.gdcert.dsl.compile.Compilation;
import org.gdcert.dsl.compile.CompileOptions;
import org.gdcert.dsl.compile.ExperimentCompiler;

/** Reading and compiling scripts for the commands. */
final class Scripts {
    private Scripts() {
    }

    /** The compiled script, or empty after printing why not (diagnostics, unreadable file). */
    static Optional<Compilation> compile(ExperimentCompiler compiler, Path file, CompileOptions options, PrintWriter err) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("gdcert: " + file + ": no such file");
            return Optional.empty();
        } catch (MalformedInputException e) {
            err.println("gdcert: " + file + ": not UTF-8 text");
            return Optional.empty();
        } catch (IOException e) {
            err.println("gdcert: " + file + ": cannot read: " + e.getMessage());
            return Optional.empty();
        }
        Path dir = file.toAbsolutePath().getParent();
        Compilation c = compiler.compile(file.toString(), text, dir, options);
        if (!c.diagnostics().isEmpty()) {
            err.print(c.formatted());
            err.flush();
        }
        return c.ok() ? Optional.of(c) : Optional.empty();
    }
}
