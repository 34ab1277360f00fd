package org.gdcert.dsl.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.ParameterSpec;
import org.gdcert.dsl.Dsl;
import org.gdcert.dsl.ast.Arg;
import org.gdcert.dsl.ast.Call;
import org.gdcert.dsl.ast.SourcePosition;
import org.gdcert.dsl.ast.Statement;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private static final Environment ENV = Environment.EMPTY.with("N", 100).with("d", 10).with("g", 0.25);

    private static Call act(String text) {
        Statement.Act act = (Statement.Act) Dsl.parse("act " + text).statements().get(0);
        return act.entries().get(0).call();
    }

    @Test
    void convertsEveryKindOfValue() {
        Call c = act("f(0.1, 5, beta=1/N, mode=fan_in, scale=g, path=\"a b\", flag=true, ks=[0, 1, d], w=[[1], []])");
        Arguments.Conversion conv = Arguments.convert(c.args(), ENV);
        assertThat(conv.ok()).isTrue();
        assertThat(conv.arguments()).containsExactly(
                Argument.positional(new ParamValue.Num(0.1, false)),
                Argument.positional(new ParamValue.Num(5, true)),
                Argument.named("beta", new ParamValue.Num(0.01, false)),
                Argument.named("mode", new ParamValue.Word("fan_in")),
                Argument.named("scale", ParamValue.Num.of(0.25)),
                Argument.named("path", new ParamValue.Text("a b")),
                Argument.named("flag", new ParamValue.Bool(true)),
                Argument.named("ks", new ParamValue.ListValue(List.of(new ParamValue.Num(0, true),
                        new ParamValue.Num(1, true), ParamValue.Num.of(10)))),
                Argument.named("w", new ParamValue.ListValue(List.of(
                        new ParamValue.ListValue(List.of(new ParamValue.Num(1, true))),
                        new ParamValue.ListValue(List.of())))));
    }

    @Test
    void literalsRememberWhetherTheyWereWrittenWhole() {
        Call c = act("f(5, 5.0, 5e0)");
        List<Argument> args = Arguments.convert(c.args(), ENV).arguments();
        assertThat(args).extracting(a -> ((ParamValue.Num) a.value()).integral()).containsExactly(true, false, false);
    }

    @Test
    void aBareNameIsAVariableWhenDefinedAndAWordOtherwise() {
        Call c = act("f(eta=auto)");
        assertThat(Arguments.toArgument(c.args().get(0), ENV).value()).isEqualTo(new ParamValue.Word("auto"));
        assertThat(Arguments.toArgument(c.args().get(0), ENV.with("auto", 3)).value()).isEqualTo(ParamValue.Num.of(3));
        assertThat(Arguments.toArgument(c.args().get(0), ENV.with("auto", new ParamValue.Word("tanh"))).value())
                .isEqualTo(new ParamValue.Word("tanh"));
    }

    @Test
    void collectsEveryProblemWithItsPosition() {
        Call c = act("f(1/0, ok=1, x=2*auto, y=N)");
        Arguments.Conversion conv = Arguments.convert(c.args(), ENV.withUnavailable("N", "it comes from the data"));
        assertThat(conv.ok()).isFalse();
        assertThat(conv.arguments()).isEmpty();
        assertThat(conv.diagnostics()).extracting(d -> d.shortText()).containsExactly(
                "1:9: division by zero",
                "1:22: unknown name 'auto'",
                "1:30: 'N' cannot be used here: it comes from the data");
    }

    @Test
    void schemaProblemsMapBackToArgumentPositions() {
        // the shape of smoothrelu's schema: gamma in (0, 1), beta > 0
        ParameterSchema schema = ParameterSchema.of(
                ParameterSpec.real("gamma", 0.1, "slope").withOpenRange(0, 1),
                ParameterSpec.real("beta", 5, "sharpness").positive());
        Call ok = act("smoothrelu(0.1,5)");
        assertThat(schema.validate(Arguments.convert(ok.args(), ENV).arguments()).ok()).isTrue();

        Call bad = act("smoothrelu(2, beta=-g)");
        List<Arg> args = bad.args();
        ParameterSchema.Validation v = schema.validate(Arguments.convert(args, ENV).arguments());
        assertThat(v.problems()).hasSize(2);
        List<SourcePosition> where = v.problems().stream().map(p -> args.get(p.argumentIndex()).position()).toList();
        assertThat(where).containsExactly(new SourcePosition("test.exp", 1, 16, 1, 16),
                new SourcePosition("test.exp", 1, 19, 1, 25));
        assertThat(v.problems().get(1).message()).isEqualTo("parameter 'beta' must be > 0, got -0.25");
        assertThat(args.get(1).name()).map(n -> n.text()).isEqualTo(Optional.of("beta"));
    }
}
