package org.gdcert.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gdcert.dsl.diag.Diagnostic;
import org.gdcert.dsl.parser.ParseResult;
import org.junit.jupiter.api.Test;

/**
 * Every example line in LANGUAGE.md parses, as a statement or as a fragment (a plugin call, a
 * layer selector); syntax templates such as {@code data <source>(args)} and the diagnostics
 * sample are skipped. The reference cannot drift from the grammar.
 */
class LanguageDocTest {
    private static final Path DOC = Path.of("LANGUAGE.md");
    /** Template notation: {@code <name>}, {@code [clauses]}, {@code ...}. */
    private static final Pattern TEMPLATE = Pattern.compile("<[a-z0-9]+>|\\[[a-z =.]+\\]|\\.\\.\\. ");

    @Test
    void everyExampleLineParses() throws IOException {
        List<String> examples = examples();
        assertThat(examples).hasSizeGreaterThan(60);
        List<String> failures = new ArrayList<>();
        for (String line : examples) {
            ParseResult r = Dsl.PARSER.parse("LANGUAGE.md", line);
            // fragments: a plugin call reads as an activation, a layer selector as a frozen layer
            boolean fragment = !Dsl.PARSER.parse("LANGUAGE.md", "act " + line).hasErrors()
                    || !Dsl.PARSER.parse("LANGUAGE.md", "freeze " + line).hasErrors();
            if (r.hasErrors() && !fragment) {
                failures.add(line + "  -->  " + r.diagnostics().stream().map(Diagnostic::shortText).toList());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theDiagnosticsSampleIsWhatTheToolPrints() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String text = "data fashion_mnist(n=100, classes=[0, 1]) labels onehot\n"
                + "net 784 -> N*N -> 64 -> 10 init lecun actt smoothrelu(0.1,5)\n";
        ParseResult r = Dsl.PARSER.parse("mnist.exp", text);
        String shown = org.gdcert.dsl.diag.DiagnosticFormatter.format(r.diagnostics().get(0), r.source());
        assertThat(doc).contains(shown);
    }

    private static List<String> examples() throws IOException {
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        List<String> block = new ArrayList<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                if (inBlock && block.stream().noneMatch(l -> l.contains(": error: "))) {
                    block.stream().filter(l -> !l.isBlank() && !TEMPLATE.matcher(l).find()).forEach(out::add);
                }
                block.clear();
                inBlock = !inBlock;
            } else if (inBlock) {
                block.add(line);
            }
        }
        return out;
    }
}
