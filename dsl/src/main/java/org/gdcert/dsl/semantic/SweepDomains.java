package org.gdcert.dsl.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.dsl.ast.AstPrinter;
import org.gdcert.dsl.ast.Expr;
import org.gdcert.dsl.ast.Statement;
import org.gdcert.dsl.ast.SweepDomain;
import org.gdcert.dsl.ast.Value;
import org.gdcert.dsl.diag.Codes;
import org.gdcert.dsl.diag.Diagnostic;

/**
 * The values of a {@code sweep}: lists, arithmetic ranges ({@code 10..100 step 10}) and geometric
 * ones ({@code 100..1600 times 2}), at most {@value Checker#MAX_SWEEP_VALUES} values. Shared by
 * the checker and the plan compiler, so both expand sweeps the same way.
 */
public final class SweepDomains {
    private static final int MAX_SWEEP_VALUES = Checker.MAX_SWEEP_VALUES;
    private final Consumer<Diagnostic> report;

    /** Problems (empty ranges, zero steps, ...) go to {@code report}. */
    public SweepDomains(Consumer<Diagnostic> report) {
        this.report = report;
    }

    /** The values of a sweep, or an empty list after reporting why there are none. */
    public List<ParamValue> values(Statement.Sweep sweep, Environment env) {
        SweepDomain d = sweep.domain();
        try {
            if (d instanceof SweepDomain.Values v) {
                if (v.values().isEmpty()) {
                    report.accept(Diagnostic.error(v.position(), Codes.BAD_RANGE, "a sweep needs at least one value"));
                    return List.of();
                }
                List<ParamValue> out = new ArrayList<>();
                for (Value item : v.values()) {
                    Optional<ParamValue> p = known(item, env);
                    if (p.isEmpty()) {
                        return List.of();
                    }
                    out.add(p.get());
                }
                return out;
            }
            if (d instanceof SweepDomain.Arithmetic a) {
                OptionalDouble from = Evaluator.evaluate(a.from(), env);
                OptionalDouble to = Evaluator.evaluate(a.to(), env);
                OptionalDouble step = a.step().isPresent() ? Evaluator.evaluate(a.step().get(), env) : OptionalDouble.of(1);
                if (from.isEmpty() || to.isEmpty() || step.isEmpty()) {
                    return List.of();
                }
                return arithmetic(a, from.getAsDouble(), to.getAsDouble(), step.getAsDouble());
            }
            SweepDomain.Geometric g = (SweepDomain.Geometric) d;
            OptionalDouble from = Evaluator.evaluate(g.from(), env);
            OptionalDouble to = Evaluator.evaluate(g.to(), env);
            OptionalDouble factor = Evaluator.evaluate(g.factor(), env);
            if (from.isEmpty() || to.isEmpty() || factor.isEmpty()) {
                return List.of();
            }
            return geometric(g, from.getAsDouble(), to.getAsDouble(), factor.getAsDouble());
        } catch (EvaluationException e) {
            report.accept(e.diagnostic());
            return List.of();
        }
    }

    private List<ParamValue> arithmetic(SweepDomain.Arithmetic a, double from, double to, double step) {
        String text = AstPrinter.expr(a.from()) + ".." + AstPrinter.expr(a.to());
        if (step == 0) {
            report.accept(Diagnostic.error(a.step().orElseThrow().position(), Codes.BAD_RANGE, "the step of a range cannot be 0"));
            return List.of();
        }
        double count = Math.floor((to - from) / step + 1e-9) + 1;
        if (count < 1) {
            report.accept(Diagnostic.error(a.position(), Codes.BAD_RANGE, "the range " + text + " is empty"
                    + (step > 0 ? "; count down with a negative step, as in 'step -1'" : "")));
            return List.of();
        }
        if (count > MAX_SWEEP_VALUES) {
            report.accept(Diagnostic.error(a.position(), Codes.BAD_RANGE, "the range " + text + " has "
                    + Numbers.format(count) + " values; at most " + MAX_SWEEP_VALUES + " are allowed"));
            return List.of();
        }
        List<ParamValue> out = new ArrayList<>();
        for (long i = 0; i < (long) count; i++) {
            out.add(ParamValue.Num.of(clean(from + i * step)));
        }
        return out;
    }

    private List<ParamValue> geometric(SweepDomain.Geometric g, double from, double to, double factor) {
        String text = AstPrinter.expr(g.from()) + ".." + AstPrinter.expr(g.to());
        if (!(from > 0) || !(to > 0)) {
            report.accept(Diagnostic.error(g.position(), Codes.BAD_RANGE,
                    "a geometric range needs positive ends, got " + Numbers.format(from) + ".." + Numbers.format(to)));
            return List.of();
        }
        if (!(factor > 0) || factor == 1) {
            report.accept(Diagnostic.error(g.factor().position(), Codes.BAD_RANGE,
                    "the factor of a geometric range must be positive and not 1, got " + Numbers.format(factor)));
            return List.of();
        }
        double count = Math.floor(Math.log(to / from) / Math.log(factor) + 1e-9) + 1;
        if (count < 1) {
            report.accept(Diagnostic.error(g.position(), Codes.BAD_RANGE, "the range " + text + " times "
                    + Numbers.format(factor) + " is empty"));
            return List.of();
        }
        if (count > MAX_SWEEP_VALUES) {
            report.accept(Diagnostic.error(g.position(), Codes.BAD_RANGE, "the range " + text + " has "
                    + Numbers.format(count) + " values; at most " + MAX_SWEEP_VALUES + " are allowed"));
            return List.of();
        }
        List<ParamValue> out = new ArrayList<>();
        for (long i = 0; i < (long) count; i++) {
            out.add(ParamValue.Num.of(clean(from * Math.pow(factor, i))));
        }
        return out;
    }

    /** Snaps values within rounding noise of a whole number to it (0.1*3 steps, 10*2^i). */
    static double clean(double v) {
        return Numbers.isWhole(v) ? Math.rint(v) : v;
    }

    /** The value of an argument-like value, or empty when it depends on an unknown. */
    private Optional<ParamValue> known(Value v, Environment env) {
        try {
            if (v instanceof Expr.Ref r && !env.defines(r.name())) {
                return Optional.of(new ParamValue.Word(r.name()));
            }
            if (v instanceof Expr e) {
                OptionalDouble x = Evaluator.evaluate(e, env);
                return x.isPresent() ? Optional.of(ParamValue.Num.of(x.getAsDouble())) : Optional.empty();
            }
            return Optional.of(Arguments.toParamValue(v, env));
        } catch (EvaluationException e) {
            report.accept(e.diagnostic());
            return Optional.empty();
        }
    }
}
