package org.gdcert.dsl.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gdcert.dsl.Dsl;
import org.gdcert.dsl.diag.Codes;
import org.gdcert.dsl.diag.Diagnostic;
import org.junit.jupiter.api.Test;

class CheckerTest {
    private static final String DATA = "data sphere(n=100, d=10) labels signs\n";

    private static List<String> check(String text, CheckContext ctx) {
        return Checker.check(Dsl.parse(text), ctx).stream().map(Diagnostic::shortText).toList();
    }

    @Test
    void theDesignCardIsClean() {
        String text = "data fashion_mnist(n=100, classes=[0, 1]) labels onehot\n"
                + "net 784 -> N*N -> 64 -> 10 init lecun act smoothrelu(0.1,5) train gd eta=auto\n";
        assertThat(check(text, CheckContext.of(100, 784))).isEmpty();
        assertThat(check(text, CheckContext.unknown())).isEmpty();
    }

    @Test
    void checksThatNeedNOrDWaitUntilTheyAreKnown() {
        String text = DATA + "net d -> N/3 -> 1\n";
        assertThat(check(text, CheckContext.unknown())).isEmpty();
        assertThat(check(text, CheckContext.of(99, 10))).isEmpty();
        assertThat(check(text, CheckContext.of(100, 10)))
                .containsExactly("2:10: width 'N/3' is 33.3333, not a whole number; round it with ceil, floor or round");
    }

    @Test
    void theDepthLIsKnownFromTheNet() {
        assertThat(check(DATA + "net d -> 8 -> 8 -> 1\nfreeze layer L - 1\ninit layer L: zero", CheckContext.of(100, 10)))
                .isEmpty();
        assertThat(check(DATA + "net d -> 8 -> 1\nbias layers 1..L+1", CheckContext.of(100, 10)))
                .containsExactly("3:16: there is no layer 3; the net has layers 1..2");
    }

    @Test
    void everySweepPointIsCheckedAndAProblemIsReportedOnceWithItsPoint() {
        String text = DATA + "sweep m in 100..1600 times 2\nsweep k in [1, 3]\nnet d -> m/100 -> m*k/300 -> 1";
        // m/100 is whole for 100, 200, 400, 800, 1600; m*k/300 is whole only for k = 3
        assertThat(check(text, CheckContext.of(100, 10))).containsExactly(
                "4:19: width 'm*k/300' is 0.333333, not a whole number; round it with ceil, floor or round "
                        + "(at m = 100, k = 1)");
    }

    @Test
    void sweepingNLetsTheDataUseIt() {
        String text = "sweep N in 10..30 step 10\ndata sphere(n=N, d=4) labels signs\nnet d -> N*N -> 1\nstop steps 10*N";
        assertThat(check(text, CheckContext.unknown())).isEmpty();
        assertThat(check("data sphere(n=2*N) labels signs\nnet 4 -> 1", CheckContext.unknown()))
                .containsExactly("1:17: 'N' cannot be used here: it comes from the data statement");
    }

    @Test
    void wordSweepsFlowIntoArgumentsButNotIntoArithmetic() {
        String ok = DATA + "sweep a in [relu, tanh]\nnet d -> 10 -> 1 act a\ninit he(mode=a)";
        assertThat(check(ok, CheckContext.of(100, 10))).isEmpty();
        assertThat(check(DATA + "sweep a in [relu, tanh]\nnet d -> 10 -> 1\nmonitor ntk every a", CheckContext.of(100, 10)))
                .containsExactly("4:19: 'a' is relu here, not a number (at a = relu)");
    }

    @Test
    void letsUsedOnlyAsArgumentsCountAsUsed() {
        assertThat(check(DATA + "let g = 0.1\nnet d -> 10 -> 1 act smoothrelu(g, 5)", CheckContext.of(100, 10)))
                .isEmpty();
        List<Diagnostic> ds = Checker.check(Dsl.parse(DATA + "let g = 0.1\nnet d -> 10 -> 1"), CheckContext.of(100, 10));
        assertThat(ds).singleElement().satisfies(d -> {
            assertThat(d.isError()).isFalse();
            assertThat(d.code()).isEqualTo(Codes.UNUSED);
        });
    }

    @Test
    void anUnusedSweepVariableIsAWarning() {
        assertThat(check(DATA + "sweep q in [1, 2]\nnet d -> 10 -> 1", CheckContext.of(100, 10))).containsExactly(
                "2:7: sweep variable 'q' is never used, so every point would run the same experiment");
        assertThat(check(DATA + "sweep q in [1, 2]\nnet d -> 10 -> 1\nseed q", CheckContext.of(100, 10))).isEmpty();
    }

    @Test
    void residualWithoutLayersAndClausesInlineOrStandaloneAreEquivalent() {
        assertThat(check(DATA + "net d -> 10 -> 10 -> 1 residual", CheckContext.of(100, 10))).isEmpty();
        assertThat(check(DATA + "net d -> 10 -> 1 train gd\ntrain sgd", CheckContext.of(100, 10)))
                .containsExactly("3:1: 'train' given twice; the first is at line 2");
    }

    @Test
    void manySweepPointsAreCappedNotEnumerated() {
        String text = DATA + "sweep a in 1..10000\nsweep b in 1..10000\nnet d -> a + b -> 1";
        assertThat(check(text, CheckContext.of(100, 10))).isEmpty();
    }

    @Test
    void diagnosticsComeInSourceOrder() {
        List<Diagnostic> ds = Checker.check(Dsl.parse("seed -1\nrepeat 0\ndata x\nnet d -> 0 -> 1"), CheckContext.unknown());
        assertThat(ds).extracting(d -> d.position().line()).isSorted();
        assertThat(ds).hasSize(3);
    }
}
