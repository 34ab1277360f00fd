package org.gdcert.dsl.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gdcert.dsl.Dsl;
import org.gdcert.dsl.ast.Arg;
import org.gdcert.dsl.ast.AstPrinter;
import org.gdcert.dsl.ast.Experiment;
import org.gdcert.dsl.ast.Expr;
import org.gdcert.dsl.ast.LayerCall;
import org.gdcert.dsl.ast.Name;
import org.gdcert.dsl.ast.SourcePosition;
import org.gdcert.dsl.ast.Statement;
import org.gdcert.dsl.ast.StopCondition;
import org.gdcert.dsl.ast.SweepDomain;
import org.gdcert.dsl.ast.Value;
import org.gdcert.dsl.diag.Codes;
import org.gdcert.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

class DslParserTest {
    private static final String DESIGN_CARD =
            "net 784 -> N*N -> 64 -> 10 init lecun act smoothrelu(0.1,5) train gd eta=auto";

    private final DslParser parser = new DslParser();

    @Test
    void designCardIsOneNetStatementWithThreeClauses() {
        Experiment e = Dsl.parse(DESIGN_CARD);
        assertThat(e.statements()).hasSize(1);
        Statement.Net net = (Statement.Net) e.statements().get(0);
        assertThat(net.widths()).extracting(AstPrinter::expr).containsExactly("784", "N*N", "64", "10");
        assertThat(net.depth()).isEqualTo(3);
        assertThat(net.clauses()).hasSize(3);

        Statement.Init init = (Statement.Init) net.clauses().get(0);
        assertThat(init.entries()).singleElement().satisfies(lc -> {
            assertThat(lc.layers()).isEmpty();
            assertThat(lc.call().nameText()).isEqualTo("lecun");
        });
        Statement.Act act = (Statement.Act) net.clauses().get(1);
        LayerCall sigma = act.entries().get(0);
        assertThat(sigma.call().nameText()).isEqualTo("smoothrelu");
        assertThat(sigma.call().args()).extracting(a -> AstPrinter.value(a.value())).containsExactly("0.1", "5");
        assertThat(sigma.call().args()).allMatch(a -> a.name().isEmpty());

        Statement.Train train = (Statement.Train) net.clauses().get(2);
        assertThat(train.optimizer().nameText()).isEqualTo("gd");
        assertThat(train.options()).singleElement().satisfies(o -> {
            assertThat(o.nameText()).isEqualTo("eta");
            assertThat(o.value()).isEqualTo(new Expr.Ref("auto", o.value().position()));
        });
        // positions: the eta option spans 'eta=auto' at the end of the line
        assertThat(train.options().get(0).position()).isEqualTo(new SourcePosition("test.exp", 1, 70, 1, 77));
        assertThat(net.position()).isEqualTo(new SourcePosition("test.exp", 1, 1, 1, DESIGN_CARD.length()));
    }

    @Test
    void clausesAreAlsoStatementsAndFlattenInOrder() {
        Experiment inline = Dsl.parse(DESIGN_CARD);
        Experiment split = Dsl.parse("net 784 -> N*N -> 64 -> 10\ninit lecun\nact smoothrelu(0.1, 5)\ntrain gd eta=auto\n");
        List<String> a = inline.flattened().stream().map(s -> s.keyword()).toList();
        List<String> b = split.flattened().stream().map(s -> s.keyword()).toList();
        assertThat(a).containsExactly("net", "init", "act", "train").isEqualTo(b);
        assertThat(inline.all(Statement.Train.class)).hasSize(1);
    }

    @Test
    void separatorsCommentsContinuationsAndLineEndings() {
        String lf = "seed 1; repeat 2 # comment\n// a comment line\n\nnet d -> \\\n  4 -> 1\n";
        String crlf = lf.replace("\n", "\r\n");
        for (String text : List.of(lf, crlf)) {
            Experiment e = Dsl.parse(text);
            assertThat(e.statements()).extracting(Statement::keyword).containsExactly("seed", "repeat", "net");
            assertThat(e.statements().get(2).position()).isEqualTo(new SourcePosition("test.exp", 4, 1, 5, 8));
        }
        // a lone CR is white space, not a line break (positions follow the lexer's LF count)
        assertThat(parser.parse("cr.exp", "seed 1\rrepeat 2").diagnostics()).extracting(Diagnostic::shortText)
                .singleElement().asString().startsWith("1:8: unexpected 'repeat'");
    }

    @Test
    void emptyAndCommentOnlyFilesParseToNothing() {
        assertThat(Dsl.parse("").statements()).isEmpty();
        assertThat(Dsl.parse("\n\n  # nothing\n;;\n").statements()).isEmpty();
    }

    @Test
    void everyStatementKindParses() {
        Experiment e = Dsl.parse(String.join("\n",
                "data sphere(n=100, d=10) labels signs",
                "labels onehot",
                "seed 42",
                "let m = 2*N",
                "net d -> m -> 1",
                "init lecun, layer 2: gaussian(var=0)",
                "init layer 1 identity(2)",
                "act relu",
                "train sgd(batch=32, momentum=0.9) eta=0.01",
                "train flow(rtol=1e-9) until t=50",
                "train clarke",
                "bias",
                "bias layer 1",
                "freeze layers 1..2",
                "residual layers 2..4 scale=0.5",
                "parameterization ntk",
                "loss mean",
                "certify nguyen_mondelli, ntk",
                "monitor ntk every 10",
                "monitor loss_change",
                "stop loss < 1e-8, steps 1000, residual <= 1e-4, time 60s",
                "repeat 5",
                "sweep m in [100, 200, 400]",
                "sweep N in 10..100 step 10",
                "sweep w in 100..1600 times 2",
                "backend java(threads=2)",
                "backend vector",
                "output \"runs/x\"",
                "holdout fashion_mnist(split=test, n=2000) labels onehot"));
        assertThat(e.statements()).extracting(Statement::keyword).containsExactly("data", "labels", "seed", "let",
                "net", "init", "init", "act", "train", "train", "train", "bias", "bias", "freeze", "residual",
                "parameterization", "loss", "certify", "monitor", "monitor", "stop", "repeat", "sweep", "sweep",
                "sweep", "backend", "backend", "output", "holdout");

        Statement.Init perLayer = (Statement.Init) e.statements().get(6);
        assertThat(perLayer.entries().get(0).layers()).isPresent();
        assertThat(AstPrinter.statement(perLayer)).isEqualTo("init layer 1: identity(2)");

        Statement.Train flow = (Statement.Train) e.statements().get(9);
        assertThat(flow.until()).hasValueSatisfying(u -> {
            assertThat(u.variable().text()).isEqualTo("t");
            assertThat(AstPrinter.expr(u.value())).isEqualTo("50");
        });

        Statement.Stop stop = (Statement.Stop) e.statements().get(20);
        assertThat(stop.conditions()).extracting(c -> c.criterion().text())
                .containsExactly("loss", "steps", "residual", "time");
        assertThat(stop.conditions().get(2).comparison()).contains(StopCondition.Comparison.LE);
        assertThat(stop.conditions().get(3).unit()).map(Name::text).contains("s");

        assertThat(((Statement.Sweep) e.statements().get(22)).domain()).isInstanceOf(SweepDomain.Values.class);
        assertThat(((Statement.Sweep) e.statements().get(23)).domain()).isInstanceOf(SweepDomain.Arithmetic.class);
        assertThat(((Statement.Sweep) e.statements().get(24)).domain()).isInstanceOf(SweepDomain.Geometric.class);
        assertThat(((Statement.Output) e.statements().get(27)).path().value()).isEqualTo("runs/x");
    }

    @Test
    void valuesOfEveryKind() {
        Statement.Data d = (Statement.Data) Dsl.parse(
                "data csv(\"a\\\"b\\\\c\", true, false, [0, [1, x]], 1.5E+2, -3, mode=fan_in)").statements().get(0);
        List<Arg> args = d.source().args();
        assertThat(((Value.Text) args.get(0).value()).value()).isEqualTo("a\"b\\c");
        assertThat(((Value.Bool) args.get(1).value()).value()).isTrue();
        assertThat(((Value.Bool) args.get(2).value()).value()).isFalse();
        assertThat(AstPrinter.value(args.get(3).value())).isEqualTo("[0, [1, x]]");
        assertThat(((Expr.Num) args.get(4).value()).value()).isEqualTo(150.0);
        assertThat(args.get(5).value()).isInstanceOf(Expr.Unary.class);
        assertThat(args.get(6).nameText()).isEqualTo("mode");
    }

    @Test
    void keywordsMayBeNamesExceptTheReservedOnes() {
        Experiment e = Dsl.parse("let step = 2\nlet in = step*2\ncertify loss, train\nmonitor every(every=1)");
        assertThat(e.statements()).hasSize(4);
        for (String reserved : List.of("true", "false", "layer", "layers")) {
            assertThat(parser.parse("k.exp", "let " + reserved + " = 1").hasErrors()).as(reserved).isTrue();
        }
    }

    @Test
    void reportsTheFirstErrorOfEachStatementAndKeepsTheOthers() {
        ParseResult r = parser.parse("m.exp", "seed 1\nnet 784 -> -> 10\nrepeat 2\nlet = 3\n");
        assertThat(r.diagnostics()).extracting(Diagnostic::shortText).containsExactly(
                "2:12: unexpected '->'; expected <expression>",
                "4:5: unexpected '='; expected <name>");
        assertThat(r.experiment().statements()).extracting(Statement::keyword).containsExactly("seed", "repeat");
        assertThat(r.diagnostics()).allMatch(d -> d.code().equals(Codes.SYNTAX));
    }

    @Test
    void parseOrThrowCarriesLineAndColumnOfTheFirstError() {
        assertThatThrownBy(() -> parser.parseOrThrow("x.exp", "seed 1\nseed (2\nnet"))
                .isInstanceOfSatisfying(DslSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(8);
                    assertThat(e.diagnostics()).hasSize(2);
                    assertThat(e.getMessage()).isEqualTo(
                            "x.exp:2:8: error: unexpected end of line; expected <operator> or ')' (and 1 more)");
                });
    }

    @Test
    void misspelledKeywordsGetSuggestions() {
        assertThat(parser.parse("s.exp", "trian gd").diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.UNKNOWN_STATEMENT);
            assertThat(d.suggestions()).containsExactly("train");
        });
        assertThat(parser.parse("s.exp", "net 10 -> 1 intt lecun").diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.suggestions()).containsExactly("init"));
    }

    @Test
    void expressionsParseWithPrecedenceAndAssociativity() {
        assertThat(shape("-2^2")).isEqualTo(shape("-(2^2)"));
        assertThat(shape("2^3^2")).isEqualTo(shape("2^(3^2)"));
        assertThat(shape("2^-1*3")).isEqualTo(shape("(2^(-1))*3"));
        assertThat(shape("-a*b")).isEqualTo(shape("(-a)*b"));
        assertThat(shape("a - b - c")).isEqualTo(shape("(a - b) - c"));
        assertThat(shape("a/b*c")).isEqualTo(shape("(a/b)*c"));
        assertThat(shape("a + b*c^d")).isEqualTo(shape("a + (b*(c^d))"));
        assertThat(shape("a - -b")).isEqualTo(shape("a - (-b)"));
        assertThat(shape("2^3^2")).isNotEqualTo(shape("(2^3)^2"));
    }

    @Test
    void parseExpressionRejectsTrailingInput() {
        assertThat(AstPrinter.expr(parser.parseExpression("e", "max(64, 4*d)"))).isEqualTo("max(64, 4*d)");
        assertThatThrownBy(() -> parser.parseExpression("e", "1 2"))
                .isInstanceOf(DslSyntaxException.class)
                .hasMessage("e:1:3: error: unexpected '2'; expected <operator> or end of line");
    }

    @Test
    void nodesRecordPositionsOfTheirText() {
        Statement.Let let = (Statement.Let) Dsl.parse("\n  let  width = 2 * N").statements().get(0);
        assertThat(let.position()).isEqualTo(new SourcePosition("test.exp", 2, 3, 2, 20));
        assertThat(let.name().position()).isEqualTo(new SourcePosition("test.exp", 2, 8, 2, 12));
        Expr.Binary b = (Expr.Binary) let.value();
        assertThat(b.position()).isEqualTo(new SourcePosition("test.exp", 2, 16, 2, 20));
        assertThat(b.right().position()).isEqualTo(SourcePosition.at("test.exp", 2, 20));
    }

    private String shape(String expr) {
        return org.gdcert.dsl.ast.AstDump.dump(parser.parseExpression("e", expr), false);
    }
}
