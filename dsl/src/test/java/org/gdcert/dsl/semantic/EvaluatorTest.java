package org.gdcert.dsl.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gdcert.core.spi.ParamValue;
import org.gdcert.dsl.ast.Expr;
import org.gdcert.dsl.ast.SourcePosition;
import org.gdcert.dsl.diag.Codes;
import org.gdcert.dsl.parser.DslParser;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    /** Libm functions agree with their closed forms to a few ulps. */
    private static final double TOL = 1e-12;
    private static final Environment ENV = Environment.EMPTY.with("N", 100).with("d", 10).with("m", 2.5);

    private final DslParser parser = new DslParser();

    private double eval(String text) {
        return Evaluator.evaluate(expr(text), ENV).orElseThrow();
    }

    private Expr expr(String text) {
        return parser.parseExpression("e.exp", text);
    }

    @Test
    void arithmeticFollowsMathematicalPrecedence() {
        assertThat(eval("2^3^2")).isEqualTo(512.0);
        assertThat(eval("(2^3)^2")).isEqualTo(64.0);
        assertThat(eval("-2^2")).isEqualTo(-4.0);
        assertThat(eval("(-2)^2")).isEqualTo(4.0);
        assertThat(eval("2^-1*3")).isEqualTo(1.5);
        assertThat(eval("7/2")).isEqualTo(3.5);
        assertThat(eval("10 - 4 - 3")).isEqualTo(3.0);
        assertThat(eval("2*N + 1")).isEqualTo(201.0);
        assertThat(eval("N*N")).isEqualTo(10_000.0);
        assertThat(eval("--m + +1")).isEqualTo(3.5);
        assertThat(eval("1e-9*1e9")).isEqualTo(1.0);
    }

    @Test
    void functionsMatchTheirDefinitions() {
        assertThat(eval("sqrt(N)")).isEqualTo(10.0);
        assertThat(eval("log(exp(2))")).isCloseTo(2.0, within(TOL));
        assertThat(eval("log2(1024)")).isCloseTo(10.0, within(TOL));
        assertThat(eval("log10(1000)")).isCloseTo(3.0, within(TOL));
        assertThat(eval("ceil(2.1)")).isEqualTo(3.0);
        assertThat(eval("floor(-2.5)")).isEqualTo(-3.0);
        assertThat(eval("round(2.5)")).isEqualTo(3.0);
        assertThat(eval("round(-2.5)")).isEqualTo(-3.0);
        assertThat(eval("abs(-3)")).isEqualTo(3.0);
        assertThat(eval("min(3, 1, 2)")).isEqualTo(1.0);
        assertThat(eval("max(64, 4*d)")).isEqualTo(64.0);
        assertThat(eval("max(5)")).isEqualTo(5.0);
        assertThat(Functions.all().keySet()).containsExactly("sqrt", "log", "log2", "log10", "exp", "ceil", "floor",
                "round", "abs", "min", "max");
    }

    @Test
    void unknownValuesPropagateButCertainErrorsDoNot() {
        Environment env = Environment.EMPTY.withUnknown("N");
        assertThat(Evaluator.evaluate(expr("2*N + 1"), env)).isEmpty();
        assertThat(Evaluator.evaluate(expr("max(N, 3)"), env)).isEmpty();
        // dividing by zero is an error whatever N is
        assertThatThrownBy(() -> Evaluator.evaluate(expr("N/0"), env))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.diagnostic().code()).isEqualTo(Codes.DIVISION_BY_ZERO));
        assertThatThrownBy(() -> Evaluator.evaluateKnown(expr("1 + N"), env))
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    assertThat(e.diagnostic().shortText()).isEqualTo("1:5: the value of 'N' is not known here");
                });
    }

    @Test
    void errorsPointAtTheCulprit() {
        assertError("N/(d - 10)", "1:4: division by zero: 'd - 10' is 0", Codes.DIVISION_BY_ZERO, 1, 4, 1, 9);
        assertError("1 + sqrt(d - 20)", "1:10: sqrt of a negative number (-10)", Codes.DOMAIN, 1, 10, 1, 15);
        assertError("log(0)", "1:5: log of zero", Codes.DOMAIN, 1, 5, 1, 5);
        assertError("(-8)^0.5", "1:1: a negative number (-8) raised to a fractional power (0.5) is not a real number",
                Codes.DOMAIN, 1, 1, 1, 8);
        assertError("0^-1", "1:1: 0 raised to a negative power", Codes.DIVISION_BY_ZERO, 1, 1, 1, 4);
        assertError("10^400", "1:1: '10^400' is too large (overflows a double)", Codes.DOMAIN, 1, 1, 1, 6);
        assertError("2*nn", "1:3: unknown name 'nn'; did you mean 'N'?", Codes.UNKNOWN_NAME, 1, 3, 1, 4);
        assertError("sqr(4)", "1:1: unknown function 'sqr'; did you mean 'sqrt'?", Codes.UNKNOWN_FUNCTION, 1, 1, 1, 3);
        assertError("sqrt(1, 2)", "1:1: sqrt takes 1 argument, got 2", Codes.ARITY, 1, 1, 1, 10);
        assertError("min()", "1:1: min takes at least 1 argument, got 0", Codes.ARITY, 1, 1, 1, 5);
    }

    @Test
    void wordsAndForbiddenNamesAreErrorsInArithmetic() {
        Environment env = ENV.with("act", new ParamValue.Word("relu")).withUnavailable("n2", "it depends on 'N'");
        assertThatThrownBy(() -> Evaluator.evaluate(expr("2*act"), env))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.diagnostic().shortText())
                        .isEqualTo("1:3: 'act' is relu here, not a number"));
        assertThatThrownBy(() -> Evaluator.evaluate(expr("n2 + 1"), env))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.diagnostic().shortText())
                        .isEqualTo("1:1: 'n2' cannot be used here: it depends on 'N'"));
    }

    @Test
    void wholeNumbersAllowForRoundingNoise() {
        assertThat(Numbers.isWhole(eval("sqrt(2)^2"))).isTrue();
        assertThat(eval("sqrt(2)^2")).isNotEqualTo(2.0);
        assertThat(Numbers.isWhole(eval("N/3"))).isFalse();
        assertThat(Numbers.isWhole(eval("0.1*3*10"))).isTrue();
        assertThat(Numbers.format(100.0 / 3)).isEqualTo("33.3333");
        assertThat(Numbers.format(1e-9)).isEqualTo("1e-09");
        assertThat(Numbers.format(-2.5)).isEqualTo("-2.5");
        assertThat(Evaluator.references(expr("max(N, m) + N*x"))).containsExactly("N", "m", "x");
    }

    private void assertError(String text, String message, String code, int line, int col, int endLine, int endCol) {
        assertThatThrownBy(() -> Evaluator.evaluate(expr(text), ENV))
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    assertThat(e.diagnostic().shortText()).isEqualTo(message);
                    assertThat(e.diagnostic().code()).isEqualTo(code);
                    assertThat(e.diagnostic().position()).isEqualTo(new SourcePosition("e.exp", line, col, endLine, endCol));
                });
    }
}
