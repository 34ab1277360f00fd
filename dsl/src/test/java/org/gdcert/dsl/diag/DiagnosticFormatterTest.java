package org.gdcert.dsl.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gdcert.dsl.ast.SourcePosition;
import org.junit.jupiter.api.Test;

class DiagnosticFormatterTest {
    @Test
    void printsHeadlineSourceLineAndCaretUnderTheSpan() {
        SourceText src = new SourceText("exp/a.exp", "data x\nnet 784 -> 10 act smoothrelu2\n");
        Diagnostic d = Diagnostic.error(new SourcePosition("exp/a.exp", 2, 19, 2, 29), Codes.UNKNOWN_NAME,
                "unknown activation 'smoothrelu2'", List.of("smoothrelu"));
        assertThat(DiagnosticFormatter.format(d, src)).isEqualTo(
                "exp/a.exp:2:19: error: unknown activation 'smoothrelu2'; did you mean 'smoothrelu'?\n"
                        + "net 784 -> 10 act smoothrelu2\n"
                        + "                  ^" + "~".repeat("smoothrelu2".length() - 1) + "\n");
    }

    @Test
    void expandsTabsInTheLineAndUnderTheCaretAlike() {
        SourceText src = new SourceText("t.exp", "\tnet\td ->\t-> 1");
        Diagnostic d = Diagnostic.error(new SourcePosition("t.exp", 1, 11, 1, 12), Codes.SYNTAX, "unexpected '->'");
        String out = DiagnosticFormatter.format(d, src);
        String[] lines = out.split("\n");
        assertThat(lines[1]).isEqualTo("    net d ->    -> 1");
        assertThat(lines[2]).isEqualTo("                ^~");
        assertThat(lines[1].substring(lines[2].indexOf('^'), lines[2].indexOf('^') + 2)).isEqualTo("->");
    }

    @Test
    void caretAfterTheLastCharacterForEndOfLineAndControlCharactersAsSpaces() {
        SourceText src = new SourceText("t.exp", "seed\r\nlet a\r= 1\n");
        Diagnostic eol = Diagnostic.error(SourcePosition.at("t.exp", 1, 5), Codes.SYNTAX, "unexpected end of line");
        assertThat(DiagnosticFormatter.format(eol, src)).endsWith("seed\n    ^\n");
        Diagnostic cr = Diagnostic.error(SourcePosition.at("t.exp", 2, 7), Codes.SYNTAX, "x");
        assertThat(DiagnosticFormatter.format(cr, src)).endsWith("let a = 1\n      ^\n");
    }

    @Test
    void multiLineSpansGetASingleCaretAndTheCountIsSummed() {
        SourceText src = new SourceText("t.exp", "net d -> \\\n 1\n");
        Diagnostic span = Diagnostic.error(new SourcePosition("t.exp", 1, 1, 2, 2), Codes.SYNTAX, "m");
        Diagnostic warn = Diagnostic.warning(SourcePosition.at("t.exp", 2, 2), Codes.UNUSED, "w");
        String out = DiagnosticFormatter.formatAll(List.of(span, warn), src);
        assertThat(out).isEqualTo("t.exp:1:1: error: m\nnet d -> \\\n^\n"
                + "t.exp:2:2: warning: w\n 1\n ^\n1 error, 1 warning\n");
        assertThat(DiagnosticFormatter.formatAll(List.of(), src)).isEmpty();
    }

    @Test
    void suggestionsAreJoinedWithCommasAndOr() {
        SourcePosition p = SourcePosition.at("f", 1, 1);
        assertThat(Diagnostic.error(p, Codes.SYNTAX, "m", List.of("a", "b", "c")).text())
                .isEqualTo("m; did you mean 'a', 'b' or 'c'?");
        assertThat(Diagnostic.error(p, Codes.SYNTAX, "m", List.of("a", "b")).shortText())
                .isEqualTo("1:1: m; did you mean 'a' or 'b'?");
    }
}
