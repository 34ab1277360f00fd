package org.gdcert.dsl.ast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gdcert.dsl.Dsl;
import org.gdcert.dsl.parser.DslParser;
import org.junit.jupiter.api.Test;

class AstPrinterTest {
    private static final long SEED = 17L;
    private static final int RANDOM_EXPRESSIONS = 5_000;
    private static final SourcePosition P = SourcePosition.at("gen", 1, 1);
    private static final String[] NUMBERS = {"0", "1", "2", "2.5", "1e-9", "784", "0.001"};
    private static final String[] NAMES = {"N", "d", "m", "step", "in", "x1"};
    private static final String[] FUNCTIONS = {"sqrt", "log", "min", "max", "ceil"};

    private final DslParser parser = new DslParser();

    @Test
    void printsCanonicalText() {
        assertThat(AstPrinter.print(Dsl.parse("net  784->N * N ->64->10   init lecun act smoothrelu( 0.1,5 ) train gd eta = auto")))
                .isEqualTo("net 784 -> N*N -> 64 -> 10 init lecun act smoothrelu(0.1, 5) train gd eta=auto\n");
        assertThat(AstPrinter.print(Dsl.parse("init lecun ,layers 2 .. 3 gaussian(var=0); stop time 2*30 s,loss<1e-8")))
                .isEqualTo("init lecun, layers 2..3: gaussian(var=0)\nstop time 2*30 s, loss < 1e-8\n");
        assertThat(AstPrinter.print(Dsl.parse("sweep m in [ 1,2 ]\nsweep N in 10 .. 100 step 10\noutput \"a\\tb\"")))
                .isEqualTo("sweep m in [1, 2]\nsweep N in 10..100 step 10\noutput \"a\\tb\"\n");
    }

    @Test
    void writesOnlyTheParenthesesPrecedenceNeeds() {
        assertThat(reprint("((a + b)) * (c)")).isEqualTo("(a + b)*c");
        assertThat(reprint("a - (b - c)")).isEqualTo("a - (b - c)");
        assertThat(reprint("(a - b) - c")).isEqualTo("a - b - c");
        assertThat(reprint("(2^3)^2")).isEqualTo("(2^3)^2");
        assertThat(reprint("2^(3^2)")).isEqualTo("2^3^2");
        assertThat(reprint("(-2)^2")).isEqualTo("(-2)^2");
        assertThat(reprint("-(2^2)")).isEqualTo("-2^2");
        assertThat(reprint("-(a*b)")).isEqualTo("-(a*b)");
        assertThat(reprint("(-a)*b")).isEqualTo("-a*b");
        assertThat(reprint("a/(b*c)")).isEqualTo("a/(b*c)");
        assertThat(reprint("2^(-1)")).isEqualTo("2^-1");
        assertThat(reprint("a - (-b)")).isEqualTo("a - -b");
    }

    @Test
    void randomExpressionsSurvivePrintAndParse() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < RANDOM_EXPRESSIONS; i++) {
            Expr e = random(rnd, 5);
            String text = AstPrinter.expr(e);
            Expr back = parser.parseExpression("gen", text);
            assertThat(AstDump.dump(back, false)).as(text).isEqualTo(AstDump.dump(e, false));
        }
    }

    @Test
    void everyGoldenStyleStatementRoundTrips() {
        Dsl.assertRoundTrip("data fashion_mnist(n=200, classes=[0, 1]) labels onehot\n"
                + "net 784 -> N*N -> 64 -> 10 init lecun act smoothrelu(0.1,5) train gd eta=auto\n"
                + "init layer 3 identity(2)\nbias layers 1..2\nfreeze layer 2\nresidual layers 2..4 scale=0.5\n"
                + "train flow(rtol=1e-9) until t=50\nstop time 60s, loss < 1e-8\nsweep m in 100..1600 times 2\n"
                + "backend java(threads=2)\noutput \"runs/\\\"q\\\"\"\nmonitor ntk, loss_change every k+1\n"
                + "parameterization ntk\nloss sum_half\nrepeat 5\nseed 42\ncertify nguyen_mondelli, ntk\n"
                + "labels teacher(act=tanh, flag=false, w=[[1], []])\n"
                + "stop time 2 e3, loss < 1 E, steps 3 _x");
    }

    private String reprint(String expr) {
        return AstPrinter.expr(parser.parseExpression("t", expr));
    }

    private static Expr random(Random rnd, int depth) {
        int kind = depth == 0 ? rnd.nextInt(2) : rnd.nextInt(5);
        switch (kind) {
            case 0 -> {
                String t = NUMBERS[rnd.nextInt(NUMBERS.length)];
                return new Expr.Num(Double.parseDouble(t), t, P);
            }
            case 1 -> {
                return new Expr.Ref(NAMES[rnd.nextInt(NAMES.length)], P);
            }
            case 2 -> {
                return new Expr.Unary(rnd.nextBoolean() ? Expr.UnaryOp.NEG : Expr.UnaryOp.PLUS, random(rnd, depth - 1), P);
            }
            case 3 -> {
                List<Expr> args = new ArrayList<>();
                int n = 1 + rnd.nextInt(3);
                for (int i = 0; i < n; i++) {
                    args.add(random(rnd, depth - 1));
                }
                return new Expr.FunctionCall(new Name(FUNCTIONS[rnd.nextInt(FUNCTIONS.length)], P), args, P);
            }
            default -> {
                Expr.BinaryOp op = Expr.BinaryOp.values()[rnd.nextInt(Expr.BinaryOp.values().length)];
                return new Expr.Binary(op, random(rnd, depth - 1), random(rnd, depth - 1), P);
            }
        }
    }
}
