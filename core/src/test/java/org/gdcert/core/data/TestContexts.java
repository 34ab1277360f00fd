package org.gdcert.core.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.random.Rng;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.ActivationProperties;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.DataContext;
import org.gdcert.core.spi.ParamValue;

/** Helpers shared by the data tests: contexts, arguments, a tanh activation. */
final class TestContexts {
    private TestContexts() {
    }

    /** tanh, standing in for the activation plugin (core does not depend on the activations module). */
    static final Activation TANH = new Activation() {
        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x) {
            double t = Math.tanh(x);
            return 1 - t * t;
        }

        @Override
        public double secondDerivative(double x) {
            double t = Math.tanh(x);
            return -2 * t * (1 - t * t);
        }

        @Override
        public ActivationProperties properties() {
            return new ActivationProperties(true, true, 0, 1, 4 / (3 * Math.sqrt(3)), true, false);
        }
    };

    /** A context for {@code seed} in {@code dir} that knows the activation {@code tanh} only. */
    static DataContext context(Path dir, long seed) {
        return new DataContext(dir, Rng.of(seed), name -> name.equals("tanh") ? Optional.of(TANH) : Optional.empty());
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
