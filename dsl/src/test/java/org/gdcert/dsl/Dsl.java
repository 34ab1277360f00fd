package org.gdcert.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gdcert.dsl.ast.AstDump;
import org.gdcert.dsl.ast.AstPrinter;
import org.gdcert.dsl.ast.Experiment;
import org.gdcert.dsl.diag.Diagnostic;
import org.gdcert.dsl.diag.DiagnosticFormatter;
import org.gdcert.dsl.parser.DslParser;
import org.gdcert.dsl.parser.ParseResult;
import org.gdcert.dsl.semantic.CheckContext;
import org.gdcert.dsl.semantic.Checker;

/** Test helpers: parse, check, and compare ASTs ignoring positions (like Trino's ParserAssert). */
public final class Dsl {
    public static final DslParser PARSER = new DslParser();

    private Dsl() {
    }

    /** Parses and fails the test on a syntax error, showing the formatted diagnostics. */
    public static Experiment parse(String text) {
        ParseResult r = PARSER.parse("test.exp", text);
        assertThat(r.diagnostics()).as(() -> DiagnosticFormatter.formatAll(r.diagnostics(), r.source())).isEmpty();
        return r.experiment();
    }

    /** Syntax diagnostics, then (if none) checker diagnostics, as {@code line:col: message}. */
    public static List<String> problems(String text, CheckContext context) {
        ParseResult r = PARSER.parse("test.exp", text);
        List<Diagnostic> ds = r.hasErrors() ? r.diagnostics() : Checker.check(r.experiment(), context);
        return ds.stream().map(Diagnostic::shortText).toList();
    }

    /** The tree without positions: equal strings mean equal trees up to positions. */
    public static String shape(Experiment e) {
        return AstDump.dump(e, false);
    }

    /** text → AST → text → AST: the two ASTs agree up to positions and printing is stable. */
    public static void assertRoundTrip(String text) {
        Experiment first = parse(text);
        String printed = AstPrinter.print(first);
        Experiment second = parse(printed);
        assertThat(shape(second)).as("round trip of:\n%s\nprinted as:\n%s", text, printed).isEqualTo(shape(first));
        assertThat(AstPrinter.print(second)).isEqualTo(printed);
    }
}
