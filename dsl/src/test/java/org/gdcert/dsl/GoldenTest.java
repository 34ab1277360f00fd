package org.gdcert.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gdcert.dsl.ast.AstDump;
import org.gdcert.dsl.ast.AstPrinter;
import org.gdcert.dsl.diag.Diagnostic;
import org.gdcert.dsl.diag.DiagnosticFormatter;
import org.gdcert.dsl.parser.ParseResult;
import org.gdcert.dsl.semantic.CheckContext;
import org.gdcert.dsl.semantic.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code golden/<case>.exp} is parsed and checked; a file without errors has
 * {@code <case>.ast.txt} (canonical text and tree with positions), a file with diagnostics has
 * {@code <case>.diag.txt} (formatted as the user sees them). A first line
 * {@code # check: N=100 d=784} gives the checker the data's N and d. Run with
 * {@code -Dgolden.update=true} to rewrite the expected files after an intended change, then review
 * the diff.
 */
class GoldenTest {
    static final Path DIR = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Pattern CHECK = Pattern.compile("^#\\s*check:\\s*N=(\\d+)\\s+d=(\\d+)");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".exp"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @Test
    void thereAreEnoughCasesOfBothKinds() throws IOException {
        List<String> all = cases().toList();
        long invalid = all.stream().filter(c -> Files.exists(DIR.resolve(c + ".diag.txt"))).count();
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        assertThat(invalid).isBetween(8L, all.size() - 8L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(String name) throws IOException {
        String text = Files.readString(DIR.resolve(name + ".exp"), StandardCharsets.UTF_8);
        ParseResult r = Dsl.PARSER.parse(name + ".exp", text);
        List<Diagnostic> diagnostics = r.hasErrors() ? r.diagnostics() : Checker.check(r.experiment(), context(text));
        boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);

        Optional<String> ast = errors ? Optional.empty()
                : Optional.of("# canonical\n" + AstPrinter.print(r.experiment()) + "# tree\n" + AstDump.dump(r.experiment()));
        Optional<String> diag = diagnostics.isEmpty() ? Optional.empty()
                : Optional.of(DiagnosticFormatter.formatAll(diagnostics, r.source()));
        compare(DIR.resolve(name + ".ast.txt"), ast);
        compare(DIR.resolve(name + ".diag.txt"), diag);
        if (!errors) {
            Dsl.assertRoundTrip(text);
        }
    }

    private static CheckContext context(String text) {
        Matcher m = CHECK.matcher(text);
        if (m.find()) {
            return CheckContext.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }
        return new CheckContext(OptionalDouble.empty(), OptionalDouble.empty());
    }

    private static void compare(Path file, Optional<String> actual) throws IOException {
        if (UPDATE) {
            if (actual.isPresent()) {
                Files.writeString(file, actual.get(), StandardCharsets.UTF_8);
            } else {
                Files.deleteIfExists(file);
            }
            return;
        }
        if (actual.isEmpty()) {
            assertThat(file).as("stale golden file (rerun with -Dgolden.update=true)").doesNotExist();
            return;
        }
        assertThat(file).as("missing golden file (rerun with -Dgolden.update=true)").exists();
        assertThat(actual.get()).as(file.toString()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
