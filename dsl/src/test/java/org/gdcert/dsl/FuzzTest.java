package org.gdcert.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.gdcert.dsl.ast.AstPrinter;
import org.gdcert.dsl.ast.Call;
import org.gdcert.dsl.ast.Experiment;
import org.gdcert.dsl.ast.LayerCall;
import org.gdcert.dsl.ast.Statement;
import org.gdcert.dsl.diag.Diagnostic;
import org.gdcert.dsl.diag.DiagnosticFormatter;
import org.gdcert.dsl.parser.ParseResult;
import org.gdcert.dsl.semantic.Arguments;
import org.gdcert.dsl.semantic.CheckContext;
import org.gdcert.dsl.semantic.Checker;
import org.gdcert.dsl.semantic.Environment;
import org.gdcert.dsl.semantic.EvaluationException;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated inputs (seeded): every one must end in diagnostics or in a valid experiment,
 * never in an exception; every diagnostic must point into the file; every input that parses must
 * survive text → AST → text → AST unchanged, and its arguments must convert to core values or
 * fail with a diagnostic.
 */
class FuzzTest {
    private static final long SEED = 0x6dce27L;
    private static final int INPUTS = 20_000;
    private static final Environment ENV = Environment.EMPTY.with("N", 100).with("d", 10).with("L", 2);

    private static final String[] VOCABULARY = {
        "data", "labels", "seed", "let", "net", "init", "act", "layer", "layers", "train", "until", "bias",
        "freeze", "residual", "parameterization", "loss", "certify", "monitor", "every", "stop", "repeat", "sweep",
        "in", "step", "times", "backend", "output", "holdout", "true", "false",
        "N", "d", "L", "m", "x", "sphere", "signs", "relu", "smoothrelu", "lecun", "gd", "flow", "eta", "auto",
        "ntk", "steps", "time", "t", "s", "sqrt", "min", "max", "log",
        "0", "1", "2", "2.5", "1e-9", "784", "1e999", "0.0", "99999999999999999999",
        "\"a\"", "\"runs/x\"", "\"a\\qb\"", "\"open", "\"esc\\\"aped\"",
        "->", "..", "(", ")", "[", "]", ",", ":", ";", "=", "<", "<=", "+", "-", "*", "/", "^",
        "\n", "\r\n", "\n", "# comment\n", "// comment\n", "\\\n",
        "@", "{", "'", "\t", "\u2192", "\u0000", "\u00e9", "$", "!",
    };

    private static final String CHARS = "abcdefghijklmnopqrstuvwxyzNL0123456789 ._-+*/^()[],:;=<>\"'\\#@\n\t\r";

    @Test
    void everyInputEndsInDiagnosticsOrAValidExperiment() throws IOException {
        List<String> corpus = corpus();
        Random rnd = new Random(SEED);
        int[] outcomes = new int[3];
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            String input = switch (i % 5) {
                case 0 -> tokenSoup(rnd);
                case 1 -> charMutation(rnd, window(rnd, corpus));
                case 2 -> charMutation(rnd, corpus.get(rnd.nextInt(corpus.size())));
                case 3 -> tokenMutation(rnd, window(rnd, corpus));
                default -> splice(rnd, corpus);
            };
            try {
                outcomes[exercise(input)]++;
            } catch (Throwable t) {
                if (failures.size() < 5) {
                    failures.add(t + "\n--- input ---\n" + input);
                }
            }
        }
        assertThat(failures).as("inputs that threw").isEmpty();
        // the mix must reach every outcome often, or the test proves little
        assertThat(outcomes[SYNTAX_ERRORS]).isGreaterThan(INPUTS / 5);
        assertThat(outcomes[CHECK_ERRORS] + outcomes[VALID]).isGreaterThan(INPUTS / 5);
        assertThat(outcomes[VALID]).isGreaterThan(INPUTS / 50);
    }

    @Test
    void extremeInputsAreDiagnosed() {
        String deep = "let a = " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
        String longChain = "let a = 1" + "+1".repeat(5_000);
        String unary = "let a = " + "-".repeat(5_000) + "1";
        String power = "let a = 2" + "^2".repeat(5_000);
        String list = "sweep m in [" + "[".repeat(5_000) + "]".repeat(5_000) + "]";
        for (String input : List.of(deep, longChain, unary, power, list)) {
            ParseResult r = Dsl.PARSER.parse("big.exp", input);
            assertThat(r.diagnostics()).as(input.substring(0, 20)).isNotEmpty();
            assertThat(r.diagnostics().get(0).code()).isEqualTo("too-deep");
        }
    }

    private static final int SYNTAX_ERRORS = 0;
    private static final int CHECK_ERRORS = 1;
    private static final int VALID = 2;

    /** Returns the outcome ({@link #SYNTAX_ERRORS}, ...); throws on any contract violation. */
    private static int exercise(String input) {
        ParseResult r = Dsl.PARSER.parse("fuzz.exp", input);
        assertPointIntoFile(r.diagnostics(), r);
        DiagnosticFormatter.formatAll(r.diagnostics(), r.source());
        if (r.hasErrors()) {
            return SYNTAX_ERRORS;
        }
        Experiment e = r.experiment();
        List<Diagnostic> checked = Checker.check(e, CheckContext.of(100, 10));
        assertPointIntoFile(checked, r);
        DiagnosticFormatter.formatAll(checked, r.source());
        if (input.length() % 3 == 0) {
            Checker.check(e, CheckContext.unknown());
        }

        String printed = AstPrinter.print(e);
        ParseResult again = Dsl.PARSER.parse("printed.exp", printed);
        if (!again.diagnostics().isEmpty() || !Dsl.shape(again.experiment()).equals(Dsl.shape(e))) {
            throw new AssertionError("round trip failed: " + again.diagnostics() + "\nprinted as\n" + printed);
        }
        convertArguments(e);
        return checked.stream().anyMatch(Diagnostic::isError) ? CHECK_ERRORS : VALID;
    }

    private static void convertArguments(Experiment e) {
        for (Statement s : e.flattened()) {
            List<Call> calls = new ArrayList<>();
            if (s instanceof Statement.Data d) {
                calls.add(d.source());
                d.labels().ifPresent(calls::add);
            } else if (s instanceof Statement.Init i) {
                i.entries().stream().map(LayerCall::call).forEach(calls::add);
            } else if (s instanceof Statement.Act a) {
                a.entries().stream().map(LayerCall::call).forEach(calls::add);
            } else if (s instanceof Statement.Train t) {
                calls.add(t.optimizer());
                Arguments.convert(t.options(), ENV);
            } else if (s instanceof Statement.Certify c) {
                calls.addAll(c.certificates());
            } else if (s instanceof Statement.Backend b) {
                calls.add(b.backend());
            }
            for (Call c : calls) {
                Arguments.Conversion conv = Arguments.convert(c.args(), ENV);
                if (conv.ok()) {
                    assertThat(conv.arguments()).hasSameSizeAs(c.args());
                } else {
                    assertThat(conv.diagnostics()).hasSizeBetween(1, c.args().size());
                }
                try {
                    c.args().forEach(a -> Arguments.toArgument(a, ENV));
                } catch (EvaluationException expected) {
                    // a diagnostic, not a crash
                }
            }
        }
    }

    private static void assertPointIntoFile(List<Diagnostic> ds, ParseResult r) {
        for (Diagnostic d : ds) {
            int line = d.position().line();
            int col = d.position().column();
            if (line > r.source().lineCount() || col > r.source().line(line).length() + 1 || d.text().isBlank()) {
                throw new AssertionError("diagnostic outside the file or empty: " + d.headline());
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    private static List<String> corpus() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(GoldenTest.DIR)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".exp")).sorted().toList()) {
                out.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(out).hasSizeGreaterThan(10);
        return out;
    }

    /** A few consecutive lines of a corpus file: short inputs keep 20,000 runs fast. */
    private static String window(Random rnd, List<String> corpus) {
        String[] lines = corpus.get(rnd.nextInt(corpus.size())).split("\n", -1);
        int from = rnd.nextInt(lines.length);
        int to = Math.min(lines.length, from + 1 + rnd.nextInt(6));
        return String.join("\n", Arrays.asList(lines).subList(from, to));
    }

    private static String tokenSoup(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(40);
        for (int i = 0; i < n; i++) {
            sb.append(VOCABULARY[rnd.nextInt(VOCABULARY.length)]);
            if (rnd.nextInt(4) != 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    private static String charMutation(Random rnd, String text) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + rnd.nextInt(3);
        for (int k = 0; k < edits && sb.length() > 0; k++) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, CHARS.charAt(rnd.nextInt(CHARS.length())));
                case 2 -> sb.setCharAt(at, CHARS.charAt(rnd.nextInt(CHARS.length())));
                default -> {
                    int end = Math.min(sb.length(), at + 1 + rnd.nextInt(12));
                    sb.insert(rnd.nextInt(sb.length()), sb.substring(at, end));
                }
            }
        }
        return sb.toString();
    }

    private static String tokenMutation(Random rnd, String text) {
        List<String> tokens = new ArrayList<>(Arrays.asList(text.split("(?<=[ \n(),=])|(?=[ \n(),=])")));
        int edits = 1 + rnd.nextInt(3);
        for (int k = 0; k < edits && !tokens.isEmpty(); k++) {
            int at = rnd.nextInt(tokens.size());
            switch (rnd.nextInt(4)) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, VOCABULARY[rnd.nextInt(VOCABULARY.length)]);
                case 2 -> tokens.set(at, VOCABULARY[rnd.nextInt(VOCABULARY.length)]);
                default -> tokens.add(rnd.nextInt(tokens.size()), tokens.get(at));
            }
        }
        return String.join("", tokens);
    }

    private static String splice(Random rnd, List<String> corpus) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            String[] lines = corpus.get(rnd.nextInt(corpus.size())).split("\n", -1);
            sb.append(lines[rnd.nextInt(lines.length)]).append(rnd.nextBoolean() ? "\n" : "; ");
        }
        return sb.toString();
    }
}
