package org.gdcert.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
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
        Optional<String> text = read(file, err);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Path dir = file.toAbsolutePath().getParent();
        Compilation c = compiler.compile(file.toString(), text.get(), dir, options);
        if (!c.diagnostics().isEmpty()) {
            err.print(c.formatted());
            err.flush();
        }
        return c.ok() ? Optional.of(c) : Optional.empty();
    }

    /** The script's text, or empty after printing why it cannot be read. */
    static Optional<String> read(Path file, PrintWriter err) {
        if (Files.isDirectory(file)) {
            err.println("gdcert: " + file + ": is a folder, not a script");
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("gdcert: " + file + ": no such file");
            return Optional.empty();
        } catch (AccessDeniedException e) {
            err.println("gdcert: " + file + ": permission denied");
            return Optional.empty();
        } catch (IOException | OutOfMemoryError e) {
            err.println("gdcert: " + file + ": cannot read: " + (e.getMessage() == null ? e : e.getMessage()));
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            // the column counts characters, like the diagnostics: decode the line's valid prefix
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            err.println(String.format(Locale.ROOT, "gdcert: %s:%d:%d: not UTF-8 text (byte 0x%02X); save the script "
                    + "as UTF-8", file, line, column, bytes[at] & 0xff));
            return Optional.empty();
        }
        decoder.flush(out);
        out.flip();
        String s = out.toString();
        return Optional.of(s.startsWith("\uFEFF") ? s.substring(1) : s);
    }
}
