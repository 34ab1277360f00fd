package org.gdcert.core.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.testing.TestActivations;

/** Helpers shared by the data tests: contexts (knowing the test tanh) and arguments. */
final class TestContexts {
    private TestContexts() {
    }

    /** A context for {@code seed} in {@code dir} that knows the activation {@code tanh} only. */
    static DataContext context(Path dir, long seed) {
        return new DataContext(dir, Rng.of(seed),
                name -> name.equals("tanh") ? Optional.of(TestActivations.TANH) : Optional.empty());
    }

    static Argument arg(String name, double v) {
        return Argument.named(name, v);
    }

    static Argument word(String name, String w) {
        return Argument.named(name, new ParamValue.Word(w));
    }

    static Argument text(String name, String s) {
        return Argument.named(name, new ParamValue.Text(s));
    }

    static Argument bool(String name, boolean b) {
        return Argument.named(name, new ParamValue.Bool(b));
    }

    static Argument ints(String name, int... values) {
        return Argument.named(name, new ParamValue.ListValue(java.util.Arrays.stream(values)
                .mapToObj(v -> (ParamValue) ParamValue.Num.of(v)).toList()));
    }

    static List<Argument> args(Argument... a) {
        return List.of(a);
    }
}
