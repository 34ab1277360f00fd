package org.gdcert.dsl.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.antlr.v4.runtime.ANTLRErrorStrategy;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.gdcert.dsl.ExperimentLexer;
import org.gdcert.dsl.ExperimentParser;
import org.gdcert.dsl.ast.Experiment;
import org.gdcert.dsl.ast.Expr;
import org.gdcert.dsl.ast.SourcePosition;
import org.gdcert.dsl.ast.Statement;
import org.gdcert.dsl.diag.Codes;
import org.gdcert.dsl.diag.Diagnostic;
import org.gdcert.dsl.diag.SourceText;

/**
 * Parses {@code .exp} text into an {@link Experiment}. Never throws for bad input: every problem
 * becomes a {@link Diagnostic}.
 *
 * <p>The whole file is first parsed with ANTLR's fast SLL prediction, bailing out at the first
 * error. If that fails, the file is parsed again statement by statement (statements end at a line
 * break or {@code ;}), each with SLL and then full LL prediction, without token insertion or
 * deletion; the first error of each statement is reported with the tokens that were expected
 * there, so one run reports every broken statement of a file. Statements with errors are left
 * out of the result.
 *
 * <p>Instances are stateless and may be shared between threads.
 */
public final class DslParser {
    /** Deepest nesting of parentheses and brackets accepted in one statement. */
    public static final int MAX_NESTING = 64;
    /** Most arithmetic operators accepted in one statement. */
    public static final int MAX_OPERATORS = 512;

    /** Parses a file; {@code file} is the name used in positions and messages. */
    public ParseResult parse(String file, String text) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        SourceText source = new SourceText(file, text);
        List<Token> tokens = lex(text, file);
        List<List<Token>> groups = split(tokens);

        List<Diagnostic> limits = new ArrayList<>();
        for (List<Token> g : groups) {
            checkLimits(file, g).ifPresent(limits::add);
        }
        if (limits.isEmpty()) {
            ParseResult fast = parseWhole(file, tokens, source);
            if (fast != null) {
                return fast;
            }
        }
        return parseByStatement(file, groups, source);
    }

    /** Parses a file and throws {@link DslSyntaxException} listing every syntax error. */
    public Experiment parseOrThrow(String file, String text) {
        return parse(file, text).experimentOrThrow();
    }

    /**
     * Parses a single expression such as {@code 2*N + 1} (for command-line overrides and tests).
     *
     * @throws DslSyntaxException if the text is not one expression
     */
    public Expr parseExpression(String file, String text) {
        List<Token> tokens = lex(text, file);
        List<Token> body = new ArrayList<>();
        for (Token t : tokens) {
            if (t.getType() != ExperimentLexer.NEWLINE) {
                body.add(t);
            }
        }
        Token first = body.get(0);
        SyntaxErrorStrategy strategy = new SyntaxErrorStrategy();
        ExperimentParser parser = parser(body, PredictionMode.LL);
        parser.setErrorHandler(strategy);
        SyntaxMessages messages = new SyntaxMessages(ExperimentParser._ATN);
        Optional<Diagnostic> limit = checkLimits(file, body);
        if (limit.isPresent()) {
            throw new DslSyntaxException(List.of(limit.get()));
        }
        try {
            ExperimentParser.SingleExpressionContext ctx = parser.singleExpression();
            return (Expr) new AstBuilder(file).visit(ctx.expr());
        } catch (ParseCancellationException e) {
            SyntaxErrorStrategy.Failure f = strategy.failure();
            throw new DslSyntaxException(List.of(messages.describe(file, f, false)));
        } catch (AstBuilder.BuildException e) {
            throw new DslSyntaxException(List.of(e.diagnostic()));
        } catch (StackOverflowError e) {
            throw new DslSyntaxException(List.of(tooDeep(file, first)));
        }
    }

    // ------------------------------------------------------------------------------------------

    private static List<Token> lex(String text, String file) {
        ExperimentLexer lexer = new ExperimentLexer(CharStreams.fromString(text, file));
        lexer.removeErrorListeners(); // ERROR_CHAR catches every character no other rule takes
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.nextToken();
            tokens.add(t);
        } while (t.getType() != Token.EOF);
        return tokens;
    }

    /** Statements: the tokens between separators, each ending with an EOF at its separator. */
    private static List<List<Token>> split(List<Token> tokens) {
        List<List<Token>> groups = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            int type = t.getType();
            if (type == ExperimentLexer.NEWLINE || type == ExperimentLexer.SEMI || type == Token.EOF) {
                if (!current.isEmpty()) {
                    CommonToken end = new CommonToken(t);
                    end.setType(Token.EOF);
                    end.setText(type == ExperimentLexer.SEMI ? ";" : "<EOF>");
                    current.add(end);
                    groups.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(t);
            }
        }
        return groups;
    }

    private static Optional<Diagnostic> checkLimits(String file, List<Token> g) {
        int depth = 0;
        int operators = 0;
        for (Token t : g) {
            switch (t.getType()) {
                case ExperimentLexer.LPAREN, ExperimentLexer.LBRACKET -> {
                    if (++depth > MAX_NESTING) {
                        return Optional.of(Diagnostic.error(SyntaxMessages.position(file, t), Codes.TOO_DEEP,
                                "parentheses and brackets nested more than " + MAX_NESTING + " deep"));
                    }
                }
                case ExperimentLexer.RPAREN, ExperimentLexer.RBRACKET -> depth = Math.max(0, depth - 1);
                case ExperimentLexer.PLUS, ExperimentLexer.MINUS, ExperimentLexer.STAR, ExperimentLexer.SLASH,
                        ExperimentLexer.CARET -> {
                    if (++operators > MAX_OPERATORS) {
                        return Optional.of(Diagnostic.error(SyntaxMessages.position(file, t), Codes.TOO_DEEP,
                                "more than " + MAX_OPERATORS + " operators in one statement"));
                    }
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    private static ExperimentParser parser(List<Token> tokens, PredictionMode mode) {
        ExperimentParser parser = new ExperimentParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(mode);
        return parser;
    }

    /** The fast path: the whole file, SLL, first error bails out (then {@code null}). */
    private static ParseResult parseWhole(String file, List<Token> tokens, SourceText source) {
        ExperimentParser parser = parser(tokens, PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        ExperimentParser.ExperimentContext ctx;
        try {
            ctx = parser.experiment();
        } catch (ParseCancellationException | StackOverflowError e) {
            return null;
        }
        AstBuilder builder = new AstBuilder(file);
        List<Statement> statements = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (ExperimentParser.StatementContext s : ctx.statement()) {
            build(builder, s, statements, diagnostics, file);
        }
        return new ParseResult(experiment(file, statements), diagnostics, source);
    }

    private static ParseResult parseByStatement(String file, List<List<Token>> groups, SourceText source) {
        List<Statement> statements = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        AstBuilder builder = new AstBuilder(file);
        SyntaxMessages messages = null;
        for (List<Token> g : groups) {
            Optional<Diagnostic> limit = checkLimits(file, g);
            if (limit.isPresent()) {
                diagnostics.add(limit.get());
                continue;
            }
            ExperimentParser.SingleStatementContext ctx = tryParse(g, PredictionMode.SLL, new BailErrorStrategy());
            if (ctx == null) {
                SyntaxErrorStrategy strategy = new SyntaxErrorStrategy();
                ctx = tryParse(g, PredictionMode.LL, strategy);
                if (ctx == null) {
                    SyntaxErrorStrategy.Failure f = strategy.failure();
                    if (messages == null) {
                        messages = new SyntaxMessages(ExperimentParser._ATN);
                    }
                    if (f == null) {
                        diagnostics.add(tooDeep(file, g.get(0)));
                    } else {
                        boolean first = f.offending().getTokenIndex() == 0;
                        diagnostics.add(messages.describe(file, f, first));
                    }
                    continue;
                }
            }
            build(builder, ctx.statement(), statements, diagnostics, file);
        }
        return new ParseResult(experiment(file, statements), diagnostics, source);
    }

    private static ExperimentParser.SingleStatementContext tryParse(List<Token> g, PredictionMode mode,
            ANTLRErrorStrategy strategy) {
        ExperimentParser parser = parser(g, mode);
        parser.setErrorHandler(strategy);
        try {
            return parser.singleStatement();
        } catch (ParseCancellationException | StackOverflowError e) {
            return null;
        }
    }

    private static void build(AstBuilder builder, ExperimentParser.StatementContext s, List<Statement> out,
            List<Diagnostic> diagnostics, String file) {
        try {
            out.add(builder.statement(s));
        } catch (AstBuilder.BuildException e) {
            diagnostics.add(e.diagnostic());
        } catch (StackOverflowError e) {
            diagnostics.add(tooDeep(file, s.getStart()));
        }
    }

    private static Diagnostic tooDeep(String file, Token at) {
        return Diagnostic.error(SyntaxMessages.position(file, at), Codes.TOO_DEEP, "statement nested too deeply");
    }

    private static Experiment experiment(String file, List<Statement> statements) {
        SourcePosition start = SourcePosition.at(file, 1, 1);
        SourcePosition end = statements.isEmpty() ? start : statements.get(statements.size() - 1).position();
        return new Experiment(statements, start.through(end));
    }
}
