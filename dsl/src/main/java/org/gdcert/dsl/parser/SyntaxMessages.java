package org.gdcert.dsl.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.gdcert.dsl.semantic.Names;
import org.gdcert.dsl.ExperimentLexer;
import org.gdcert.dsl.ExperimentParser;
import org.gdcert.dsl.ast.SourcePosition;
import org.gdcert.dsl.diag.Codes;
import org.gdcert.dsl.diag.Diagnostic;

/**
 * Turns a syntax failure into a message a person can act on: the offending token, what was
 * expected with rules given friendly names ({@code <expression>}, {@code <name>}), and for a
 * misspelled keyword the nearest expected keyword.
 */
final class SyntaxMessages {
    /** A token's text beyond this many characters is cut in messages. */
    private static final int MAX_TOKEN_TEXT = 24;

    private final ATN atn;
    private final Vocabulary vocabulary = ExperimentParser.VOCABULARY;
    private final IntervalSet statementStart;
    private final IntervalSet clauseStart;
    private final IntervalSet valueStart;
    private final IntervalSet exprStart;
    private final IntervalSet nameStart;
    private final IntervalSet operators = IntervalSet.of(ExperimentParser.PLUS, ExperimentParser.CARET);

    SyntaxMessages(ATN atn) {
        this.atn = atn;
        this.statementStart = first(ExperimentParser.RULE_statement);
        this.clauseStart = first(ExperimentParser.RULE_netClause);
        this.valueStart = first(ExperimentParser.RULE_value);
        this.exprStart = first(ExperimentParser.RULE_expr);
        this.nameStart = first(ExperimentParser.RULE_name);
    }

    private IntervalSet first(int rule) {
        return atn.nextTokens(atn.ruleToStartState[rule]);
    }

    /** The statement keywords, for "unknown statement" suggestions and documentation. */
    List<String> statementKeywords() {
        return keywords(statementStart);
    }

    /** A diagnostic for a recorded failure. */
    Diagnostic describe(String file, SyntaxErrorStrategy.Failure f, boolean statementStartToken) {
        Optional<Diagnostic> misspelled = misspelledBefore(file, f);
        return misspelled.orElseGet(() -> describe(file, f.offending(), f.expected(), statementStartToken));
    }

    /**
     * A misspelled keyword that the grammar took for a name, so that parsing failed one token
     * later: in {@code until t=5} misspelled as {@code untill t=5} the parser stops at {@code t}.
     * The previous token is blamed when a keyword close to it was possible there and the
     * offending token would have been accepted after that keyword.
     */
    private Optional<Diagnostic> misspelledBefore(String file, SyntaxErrorStrategy.Failure f) {
        List<Token> prefix = f.prefix();
        int type = f.offending().getType();
        if (prefix.isEmpty() || f.start() == null || type == ExperimentLexer.ERROR_CHAR
                || type == ExperimentLexer.UNTERMINATED_STRING) {
            return Optional.empty();
        }
        Token prev = prefix.get(prefix.size() - 1);
        if (prev.getType() != ExperimentParser.IDENT) {
            return Optional.empty();
        }
        List<Token> before = prefix.subList(0, prefix.size() - 1);
        IntervalSet atPrev = ExpectedTokens.after(atn, f.start(), null, before);
        List<String> near = new ArrayList<>();
        for (String k : Names.closest(prev.getText(), keywords(atPrev))) {
            List<Token> replaced = new ArrayList<>(before);
            replaced.add(new CommonToken(keywordType(k), k));
            if (ExpectedTokens.after(atn, f.start(), null, replaced).contains(type)) {
                near.add(k);
            }
        }
        if (near.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Diagnostic.error(position(file, prev), Codes.SYNTAX, "unexpected " + display(prev), near));
    }

    private int keywordType(String word) {
        for (int t = 1; t <= vocabulary.getMaxTokenType(); t++) {
            if (("'" + word + "'").equals(vocabulary.getLiteralName(t))) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a keyword: " + word);
    }

    /** A diagnostic for a syntax failure at {@code offending}. */
    Diagnostic describe(String file, Token offending, IntervalSet expected, boolean statementStartToken) {
        SourcePosition pos = position(file, offending);
        int type = offending.getType();
        if (type == ExperimentLexer.ERROR_CHAR) {
            return badCharacter(pos, offending.getText());
        }
        if (type == ExperimentLexer.UNTERMINATED_STRING) {
            return Diagnostic.error(pos, Codes.UNTERMINATED_STRING, "unterminated string: missing '\"' before the end of the line");
        }
        String shown = display(offending);
        if (statementStartToken) {
            if (nameStart.contains(type) || type == ExperimentParser.LAYER || type == ExperimentParser.LAYERS) {
                String word = offending.getText();
                String hint = type == ExperimentParser.LAYER || type == ExperimentParser.LAYERS
                        ? "; per-layer settings follow their keyword, as in 'init layer 2: gaussian(var=0)'" : "";
                return Diagnostic.error(pos, Codes.UNKNOWN_STATEMENT, "unknown statement '" + word + "'" + hint,
                        hint.isEmpty() ? Names.closest(word, statementKeywords()) : List.of());
            }
            return Diagnostic.error(pos, Codes.SYNTAX, "unexpected " + shown + "; expected <statement>");
        }
        if (type == ExperimentParser.IDENT || nameStart.contains(type)) {
            List<String> near = Names.closest(offending.getText(), keywords(expected));
            if (!near.isEmpty()) {
                return Diagnostic.error(pos, Codes.SYNTAX, "unexpected " + shown, near);
            }
        }
        String exp = describeExpected(expected);
        String hint = statementStart.contains(type) && !clauseStart.contains(type)
                ? " (put each statement on its own line or separate them with ';')" : "";
        return Diagnostic.error(pos, Codes.SYNTAX, "unexpected " + shown + (exp.isEmpty() ? "" : "; expected " + exp) + hint);
    }

    /** A character that starts no token. */
    Diagnostic badCharacter(SourcePosition pos, String text) {
        char c = text.isEmpty() ? '?' : text.charAt(0);
        String shown = Character.isISOControl(c) || Character.isWhitespace(c)
                ? String.format(Locale.ROOT, "U+%04X", (int) c)
                : c == '\'' ? "\"'\"" : "'" + text + "'";
        String hint = c == '\'' ? " (strings use double quotes)"
                : c == '{' || c == '}' ? " (lists use [ ])"
                : c == '\u2192' ? " (write -> for an arrow)"
                : "";
        return Diagnostic.error(pos, Codes.BAD_CHARACTER, "unexpected character " + shown + hint);
    }

    /** {@code 'text'}, or "end of line" for the end of a statement. */
    String display(Token t) {
        if (t.getType() == Token.EOF) {
            return ";".equals(t.getText()) ? "';'" : "end of line";
        }
        String text = t.getText();
        if (text.length() > MAX_TOKEN_TEXT) {
            text = text.substring(0, MAX_TOKEN_TEXT - 3) + "...";
        }
        return "'" + text + "'";
    }

    /** "<expression>, ')' or end of line". */
    String describeExpected(IntervalSet expected) {
        IntervalSet rest = new IntervalSet(expected);
        List<String> parts = new ArrayList<>();
        if (containsAll(rest, valueStart)) {
            parts.add("<value>");
            rest = rest.subtract(valueStart);
        } else if (containsAll(rest, exprStart)) {
            parts.add("<expression>");
            rest = rest.subtract(exprStart);
        } else if (containsAll(rest, nameStart)) {
            parts.add("<name>");
            rest = rest.subtract(nameStart);
        }
        if (containsAll(rest, statementStart)) {
            parts.add(0, "<statement>");
            rest = rest.subtract(statementStart);
        }
        if (containsAll(rest, clauseStart)) {
            parts.add("<net clause>");
            rest = rest.subtract(clauseStart);
        }
        if (containsAll(rest, operators)) {
            parts.add("<operator>");
            rest = rest.subtract(operators);
        }
        boolean eof = rest.contains(Token.EOF);
        for (int t : rest.toArray()) {
            if (t != Token.EOF) {
                parts.add(tokenName(t));
            }
        }
        if (eof) {
            parts.add("end of line");
        }
        return join(parts);
    }

    private static boolean containsAll(IntervalSet set, IntervalSet part) {
        return !part.isNil() && set.and(part).size() == part.size();
    }

    private String tokenName(int type) {
        return switch (type) {
            case ExperimentParser.NUMBER -> "<number>";
            case ExperimentParser.IDENT -> "<name>";
            case ExperimentParser.STRING -> "<string>";
            default -> {
                String lit = vocabulary.getLiteralName(type);
                yield lit != null ? lit : vocabulary.getDisplayName(type);
            }
        };
    }

    /** The keywords (as words) in a token set. */
    private List<String> keywords(IntervalSet set) {
        List<String> out = new ArrayList<>();
        for (int t : set.toArray()) {
            String lit = t > 0 ? vocabulary.getLiteralName(t) : null;
            if (lit != null && lit.length() > 2 && Character.isLetter(lit.charAt(1))) {
                out.add(lit.substring(1, lit.length() - 1));
            }
        }
        return out;
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    static SourcePosition position(String file, Token t) {
        int col = t.getCharPositionInLine() + 1;
        int len = t.getType() == Token.EOF || t.getText() == null ? 1 : Math.max(1, t.getText().length());
        return new SourcePosition(file, t.getLine(), Math.max(1, col), t.getLine(), Math.max(1, col) + len - 1);
    }
}
