package org.gdcert.dsl.semantic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.dsl.ast.AstPrinter;
import org.gdcert.dsl.ast.Expr;
import org.gdcert.dsl.diag.Codes;
import org.gdcert.dsl.diag.Diagnostic;

/**
 * Evaluates expressions in double precision. Problems are thrown as {@link EvaluationException}
 * pointing at the sub-expression at fault: an unknown name or function (with the nearest known
 * ones), a wrong number of arguments, division by zero, {@code sqrt} or {@code log} outside their
 * domain, a result too large for a double. A name whose value is not known makes the result
 * unknown (an empty {@link OptionalDouble}).
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** The value, or empty when it depends on a name whose value is not known. */
    public static OptionalDouble evaluate(Expr e, Environment env) {
        double v = eval(e, env);
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The value; a name whose value is not known is an error here. */
    public static double evaluateKnown(Expr e, Environment env) {
        OptionalDouble v = evaluate(e, env);
        if (v.isEmpty()) {
            Expr.Ref r = firstUnknown(e, env);
            throw new EvaluationException(Diagnostic.error(r.position(), Codes.UNKNOWN_NAME,
                    "the value of '" + r.name() + "' is not known here"));
        }
        return v.getAsDouble();
    }

    /** The names an expression uses (variables, not functions), in order of first use. */
    public static Set<String> references(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        for (Expr.Ref r : refs(e)) {
            out.add(r.name());
        }
        return out;
    }

    /** Every variable reference in {@code e}, in order of occurrence (repeats included). */
    static List<Expr.Ref> refs(Expr e) {
        List<Expr.Ref> out = new ArrayList<>();
        refs(e, out);
        return out;
    }

    private static Expr.Ref firstUnknown(Expr e, Environment env) {
        for (Expr.Ref r : refs(e)) {
            if (env.lookup(r.name()).orElse(null) instanceof Environment.Unknown) {
                return r;
            }
        }
        throw new IllegalStateException("no unknown name in " + AstPrinter.expr(e));
    }

    private static void refs(Expr e, List<Expr.Ref> out) {
        if (e instanceof Expr.Ref r) {
            out.add(r);
        } else if (e instanceof Expr.Unary u) {
            refs(u.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            refs(b.left(), out);
            refs(b.right(), out);
        } else if (e instanceof Expr.FunctionCall f) {
            f.args().forEach(a -> refs(a, out));
        }
    }

    /** NaN stands for "unknown": genuine NaNs (sqrt(-1)) are reported before they arise. */
    private static double eval(Expr e, Environment env) {
        if (e instanceof Expr.Num n) {
            return n.value();
        } else if (e instanceof Expr.Ref r) {
            return ref(r, env);
        } else if (e instanceof Expr.Unary u) {
            double v = eval(u.operand(), env);
            return u.op() == Expr.UnaryOp.NEG ? -v : v;
        } else if (e instanceof Expr.Binary b) {
            return binary(b, env);
        } else if (e instanceof Expr.FunctionCall f) {
            return function(f, env);
        }
        throw new IllegalArgumentException("unknown expression " + e.getClass().getSimpleName());
    }

    private static double ref(Expr.Ref r, Environment env) {
        Environment.Binding b = env.lookup(r.name()).orElseThrow(() -> new EvaluationException(Diagnostic.error(
                r.position(), Codes.UNKNOWN_NAME, "unknown name '" + r.name() + "'",
                Names.closest(r.name(), env.names()))));
        if (b instanceof Environment.Unknown) {
            return Double.NaN;
        }
        if (b instanceof Environment.Unavailable u) {
            throw new EvaluationException(Diagnostic.error(r.position(), Codes.USE_BEFORE_DEFINITION,
                    "'" + r.name() + "' cannot be used here: " + u.reason()));
        }
        ParamValue v = ((Environment.Known) b).value();
        if (v instanceof ParamValue.Num n) {
            return n.value();
        }
        throw new EvaluationException(Diagnostic.error(r.position(), Codes.TYPE,
                "'" + r.name() + "' is " + v.render() + " here, not a number"));
    }

    private static double binary(Expr.Binary b, Environment env) {
        double l = eval(b.left(), env);
        double r = eval(b.right(), env);
        if (b.op() == Expr.BinaryOp.DIV && r == 0) {
            throw new EvaluationException(Diagnostic.error(b.right().position(), Codes.DIVISION_BY_ZERO,
                    "division by zero" + (b.right() instanceof Expr.Num ? ""
                            : ": '" + AstPrinter.expr(b.right()) + "' is 0")));
        }
        if (Double.isNaN(l) || Double.isNaN(r)) {
            return Double.NaN;
        }
        double v;
        switch (b.op()) {
            case ADD -> v = l + r;
            case SUB -> v = l - r;
            case MUL -> v = l * r;
            case DIV -> v = l / r;
            case POW -> {
                if (l == 0 && r < 0) {
                    throw new EvaluationException(Diagnostic.error(b.position(), Codes.DIVISION_BY_ZERO,
                            "0 raised to a negative power"));
                }
                if (l < 0 && r != Math.rint(r)) {
                    throw new EvaluationException(Diagnostic.error(b.position(), Codes.DOMAIN,
                            "a negative number (" + Numbers.format(l) + ") raised to a fractional power ("
                                    + Numbers.format(r) + ") is not a real number"));
                }
                v = Math.pow(l, r);
            }
            default -> throw new IllegalArgumentException(b.op().toString());
        }
        return finite(v, b);
    }

    private static double function(Expr.FunctionCall f, Environment env) {
        String name = f.function().text();
        Functions.Function fn = Functions.find(name).orElseThrow(() -> new EvaluationException(Diagnostic.error(
                f.function().position(), Codes.UNKNOWN_FUNCTION, "unknown function '" + name + "'",
                Names.closest(name, Functions.all().keySet()))));
        int n = f.args().size();
        if (n < fn.minArgs() || n > fn.maxArgs()) {
            throw new EvaluationException(Diagnostic.error(f.position(), Codes.ARITY,
                    name + " " + fn.arityText() + ", got " + n));
        }
        double[] a = new double[n];
        boolean unknown = false;
        for (int i = 0; i < n; i++) {
            a[i] = eval(f.args().get(i), env);
            unknown |= Double.isNaN(a[i]);
        }
        if (unknown) {
            return Double.NaN;
        }
        switch (name) {
            case "sqrt" -> {
                if (a[0] < 0) {
                    throw domain(f, "sqrt of a negative number (" + Numbers.format(a[0]) + ")");
                }
            }
            case "log", "log2", "log10" -> {
                if (a[0] <= 0) {
                    throw domain(f, name + " of " + (a[0] == 0 ? "zero" : "a negative number (" + Numbers.format(a[0]) + ")"));
                }
            }
            default -> {
            }
        }
        return finite(fn.body().applyAsDouble(a), f);
    }

    private static EvaluationException domain(Expr.FunctionCall f, String message) {
        return new EvaluationException(Diagnostic.error(f.args().get(0).position(), Codes.DOMAIN, message));
    }

    private static double finite(double v, Expr at) {
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            throw new EvaluationException(Diagnostic.error(at.position(), Codes.DOMAIN,
                    "'" + AstPrinter.expr(at) + "' is too large (overflows a double)"));
        }
        return v;
    }
}
