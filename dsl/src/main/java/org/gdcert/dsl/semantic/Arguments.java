package org.gdcert.dsl.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.dsl.ast.Arg;
import org.gdcert.dsl.ast.Expr;
import org.gdcert.dsl.ast.Name;
import org.gdcert.dsl.ast.Value;
import org.gdcert.dsl.diag.Diagnostic;

/**
 * Converts argument values of the AST to core's {@link ParamValue} and {@link Argument}, the form
 * plugin schemas validate. Expressions are evaluated in an {@link Environment}. A bare name is the
 * value of the variable of that name when one is defined and otherwise a word
 * ({@code eta=auto}, {@code mode=fan_in}); a name inside arithmetic must be a variable.
 *
 * <p>{@link #convert} keeps the order of the arguments, so a schema problem reported for argument
 * {@code i} belongs to {@code args.get(i)} and its position.
 */
public final class Arguments {
    private Arguments() {
    }

    /** The outcome of converting a list of arguments: all of them, or the problems. */
    public record Conversion(List<Argument> arguments, List<Diagnostic> diagnostics) {
        public Conversion {
            arguments = List.copyOf(arguments);
            diagnostics = List.copyOf(diagnostics);
        }

        /** Whether every argument converted. */
        public boolean ok() {
            return diagnostics.isEmpty();
        }
    }

    /** Converts every argument, collecting every problem. */
    public static Conversion convert(List<Arg> args, Environment env) {
        List<Argument> out = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (Arg a : args) {
            try {
                out.add(toArgument(a, env));
            } catch (EvaluationException e) {
                problems.add(e.diagnostic());
            }
        }
        return new Conversion(problems.isEmpty() ? out : List.of(), problems);
    }

    /** One argument. */
    public static Argument toArgument(Arg a, Environment env) {
        return new Argument(a.name().map(Name::text), toParamValue(a.value(), env));
    }

    /**
     * One value.
     *
     * @throws EvaluationException if an expression cannot be evaluated, including when it uses a
     *     name whose value is not known
     */
    public static ParamValue toParamValue(Value v, Environment env) {
        if (v instanceof Expr.Ref r) {
            Optional<Environment.Binding> b = env.lookup(r.name());
            if (b.isEmpty()) {
                return new ParamValue.Word(r.name());
            }
            if (b.get() instanceof Environment.Known k) {
                return k.value();
            }
            Evaluator.evaluateKnown(r, env); // throws with the reason
            throw new IllegalStateException("unreachable");
        }
        if (v instanceof Expr.Num n) {
            return new ParamValue.Num(n.value(), n.integral());
        }
        if (v instanceof Expr e) {
            return ParamValue.Num.of(Evaluator.evaluateKnown(e, env));
        }
        if (v instanceof Value.Text t) {
            return new ParamValue.Text(t.value());
        }
        if (v instanceof Value.Bool b) {
            return new ParamValue.Bool(b.value());
        }
        if (v instanceof Value.ListValue l) {
            List<ParamValue> items = new ArrayList<>();
            for (Value item : l.items()) {
                items.add(toParamValue(item, env));
            }
            return new ParamValue.ListValue(items);
        }
        throw new IllegalArgumentException("unknown value " + v.getClass().getSimpleName());
    }
}
