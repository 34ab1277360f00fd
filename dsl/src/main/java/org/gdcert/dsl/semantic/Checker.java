package org.gdcert.dsl.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.dsl.ast.Arg;
import org.gdcert.dsl.ast.AstPrinter;
import org.gdcert.dsl.ast.Call;
import org.gdcert.dsl.ast.Experiment;
import org.gdcert.dsl.ast.Expr;
import org.gdcert.dsl.ast.LayerCall;
import org.gdcert.dsl.ast.LayerSelector;
import org.gdcert.dsl.ast.Name;
import org.gdcert.dsl.ast.SourcePosition;
import org.gdcert.dsl.ast.Statement;
import org.gdcert.dsl.ast.StopCondition;
import org.gdcert.dsl.ast.SweepDomain;
import org.gdcert.dsl.ast.Value;
import org.gdcert.dsl.diag.Codes;
import org.gdcert.dsl.diag.Diagnostic;

/**
 * The semantic checks that need no plugin registry: names and functions in expressions (with the
 * nearest known names), {@code let} order and duplicates, statements given twice or missing,
 * stop criteria, units and comparisons, option names of {@code residual} and {@code until},
 * parameterizations and loss reductions, layer selectors, and every value that can be computed:
 * widths must be positive whole numbers, {@code every} positive, ranges finite and non-empty, no
 * division by zero. Expressions are evaluated for every point of the sweeps (up to
 * {@value #MAX_CHECKED_POINTS} points); a problem that depends on a sweep variable names the
 * values at which it occurs. Every problem of the file is reported, each once, in source order.
 *
 * <p>Plugin names and plugin arguments are the compiler's business (it has the registries).
 */
public final class Checker {
    /** Most values one sweep may take. */
    public static final int MAX_SWEEP_VALUES = 10_000;
    /** Most sweep points evaluated by the checker (the first ones in sweep order). */
    public static final int MAX_CHECKED_POINTS = 1_000;
    /** Largest accepted layer width. */
    public static final long MAX_WIDTH = Integer.MAX_VALUE;
    /** Most repetitions. */
    public static final long MAX_REPEAT = 1_000_000;

    /** Stop criteria. */
    public static final List<String> STOP_CRITERIA = List.of("loss", "residual", "steps", "time");
    /** Units of {@code stop time}, with their length in seconds. */
    public static final Map<String, Double> TIME_UNITS = orderedMap("ms", 0.001, "s", 1.0, "min", 60.0, "h", 3600.0);
    /** Variables of {@code until}. */
    public static final List<String> UNTIL_VARIABLES = List.of("t", "steps");
    /** Values of {@code parameterization}. */
    public static final List<String> PARAMETERIZATIONS = List.of("standard", "ntk");
    /** Values of {@code loss}. */
    public static final List<String> LOSS_REDUCTIONS = List.of("sum_half", "mean", "sum");
    /** Options of {@code residual}. */
    public static final List<String> RESIDUAL_OPTIONS = List.of("scale");
    /** Built-in names and what they are. */
    public static final Map<String, String> BUILTINS = orderedMap3("N", "the number of training samples",
            "d", "the input dimension", "L", "the number of weight layers");
    /** Statements that may appear at most once (a net clause counts as its statement). */
    public static final List<String> SINGLE_STATEMENTS = List.of("data", "holdout", "labels", "seed", "net", "train",
            "loss", "parameterization", "repeat", "backend", "output");

    private static final String FROM_DATA = "it comes from the data statement";

    private final CheckContext context;
    private final List<Diagnostic> out = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    private final List<Statement> statements;
    private final Map<String, Statement.Let> lets = new LinkedHashMap<>();
    private final Map<String, Statement.Sweep> sweeps = new LinkedHashMap<>();
    private final Optional<Statement.Net> net;
    /** Sweeps whose values are in error (no "unused" warning on top). */
    private final Set<String> brokenSweeps = new HashSet<>();

    private Checker(Experiment e, CheckContext context) {
        this.context = context;
        this.statements = e.flattened();
        this.net = e.all(Statement.Net.class).stream().findFirst();
    }

    /** Checks an experiment; the diagnostics are sorted by position. */
    public static List<Diagnostic> check(Experiment experiment, CheckContext context) {
        Checker c = new Checker(experiment, context);
        c.run(experiment);
        List<Diagnostic> sorted = new ArrayList<>(c.out);
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.position().line())
                .thenComparingInt(d -> d.position().column()));
        return List.copyOf(sorted);
    }

    private void run(Experiment e) {
        statementCounts(e);
        declarations();
        staticNames();
        staticClauses();
        evaluatePoints();
        layerAssignments();
        unusedLets();
    }

    // ------------------------------------------------------------------------------------------
    // statements given twice or missing

    private void statementCounts(Experiment e) {
        Map<String, Statement> first = new HashMap<>();
        for (Statement s : statements) {
            List<String> keys = new ArrayList<>();
            keys.add(s.keyword());
            if (s instanceof Statement.Data d && d.labels().isPresent()) {
                keys.add("labels");
            }
            for (String k : keys) {
                if (!SINGLE_STATEMENTS.contains(k)) {
                    continue;
                }
                Statement prev = first.putIfAbsent(k, s);
                if (prev != null) {
                    report(Diagnostic.error(s.position().start(), Codes.DUPLICATE_STATEMENT,
                            "'" + k + "' given twice; the first is at line " + prev.position().line()));
                }
            }
        }
        SourcePosition top = SourcePosition.at(e.position().file(), 1, 1);
        if (!first.containsKey("data")) {
            report(Diagnostic.error(top, Codes.MISSING_STATEMENT,
                    "missing 'data' statement (for example 'data sphere(n=100, d=10) labels signs')"));
        }
        if (!first.containsKey("net")) {
            report(Diagnostic.error(top, Codes.MISSING_STATEMENT,
                    "missing 'net' statement (for example 'net d -> 100 -> 1 init lecun act relu train gd')"));
        }
    }

    // ------------------------------------------------------------------------------------------
    // names: builtins, lets, sweep variables

    private void declarations() {
        for (Statement s : statements) {
            if (s instanceof Statement.Let let) {
                String n = let.name().text();
                if (BUILTINS.containsKey(n)) {
                    report(Diagnostic.error(let.name().position(), Codes.DUPLICATE_NAME,
                            "'" + n + "' is built in (" + BUILTINS.get(n) + ") and cannot be redefined"));
                } else if (lets.containsKey(n)) {
                    report(Diagnostic.error(let.name().position(), Codes.DUPLICATE_NAME,
                            "'" + n + "' is already defined at line " + lets.get(n).position().line()));
                } else {
                    lets.put(n, let);
                }
            }
        }
        for (Statement s : statements) {
            if (s instanceof Statement.Sweep sw) {
                String n = sw.variable().text();
                if (n.equals("L")) {
                    report(Diagnostic.error(sw.variable().position(), Codes.DUPLICATE_NAME,
                            "'L' is built in (" + BUILTINS.get("L") + ") and cannot be swept; sweep the widths instead"));
                } else if (sweeps.containsKey(n)) {
                    report(Diagnostic.error(sw.variable().position(), Codes.DUPLICATE_NAME,
                            "'" + n + "' is already swept at line " + sweeps.get(n).position().line()));
                } else if (lets.containsKey(n)) {
                    report(Diagnostic.error(sw.variable().position(), Codes.DUPLICATE_NAME,
                            "'" + n + "' is already defined by 'let' at line " + lets.get(n).position().line()));
                } else {
                    sweeps.put(n, sw);
                }
            }
        }
    }

    private Set<String> visibleNames() {
        Set<String> v = new LinkedHashSet<>(BUILTINS.keySet());
        v.addAll(lets.keySet());
        v.addAll(sweeps.keySet());
        return v;
    }

    /** Unknown names and functions, arity, and let order: everything that needs no values. */
    private void staticNames() {
        Set<String> all = visibleNames();
        List<String> earlier = new ArrayList<>();
        for (Statement s : statements) {
            if (s instanceof Statement.Let let && lets.get(let.name().text()) == let) {
                letNames(let, earlier);
                earlier.add(let.name().text());
                continue;
            }
            forEachValue(s, (v, bare) -> names(v, bare, all));
        }
    }

    private void letNames(Statement.Let let, List<String> earlier) {
        String self = let.name().text();
        for (Expr.Ref r : Evaluator.refs(let.value())) {
            String n = r.name();
            if (n.equals(self)) {
                report(Diagnostic.error(r.position(), Codes.CYCLE, "'" + n + "' is defined in terms of itself"));
            } else if (lets.containsKey(n) && !earlier.contains(n)) {
                report(Diagnostic.error(r.position(), Codes.USE_BEFORE_DEFINITION,
                        "'" + n + "' is used before its definition at line " + lets.get(n).position().line()));
            }
        }
        Set<String> visible = new LinkedHashSet<>(BUILTINS.keySet());
        visible.addAll(sweeps.keySet());
        visible.addAll(lets.keySet());
        names(let.value(), false, visible);
    }

    private void names(Value v, boolean bareAllowed, Set<String> visible) {
        if (v instanceof Value.ListValue l) {
            l.items().forEach(i -> names(i, bareAllowed, visible));
        } else if (v instanceof Expr.Ref r) {
            if (!bareAllowed && !visible.contains(r.name())) {
                report(Diagnostic.error(r.position(), Codes.UNKNOWN_NAME, "unknown name '" + r.name() + "'",
                        Names.closest(r.name(), visible)));
            }
        } else if (v instanceof Expr.Unary u) {
            names(u.operand(), false, visible);
        } else if (v instanceof Expr.Binary b) {
            names(b.left(), false, visible);
            names(b.right(), false, visible);
        } else if (v instanceof Expr.FunctionCall f) {
            String fn = f.function().text();
            Optional<Functions.Function> found = Functions.find(fn);
            if (found.isEmpty()) {
                report(Diagnostic.error(f.function().position(), Codes.UNKNOWN_FUNCTION,
                        "unknown function '" + fn + "'", Names.closest(fn, Functions.all().keySet())));
            } else if (f.args().size() < found.get().minArgs() || f.args().size() > found.get().maxArgs()) {
                report(Diagnostic.error(f.position(), Codes.ARITY,
                        fn + " " + found.get().arityText() + ", got " + f.args().size()));
            }
            f.args().forEach(a -> names(a, false, visible));
        }
    }

    // ------------------------------------------------------------------------------------------
    // checks of words and options

    private void staticClauses() {
        Map<String, StopCondition> criteria = new HashMap<>();
        for (Statement s : statements) {
            if (s instanceof Statement.Stop stop) {
                for (StopCondition c : stop.conditions()) {
                    stopCondition(c, criteria);
                }
            } else if (s instanceof Statement.Train t) {
                t.until().ifPresent(u -> oneOf(u.variable(), UNTIL_VARIABLES, "until variable"));
                List<Arg> named = new ArrayList<>(t.optimizer().args());
                named.addAll(t.options());
                duplicates(named, "parameter");
            } else if (s instanceof Statement.Residual r) {
                for (Arg o : r.options()) {
                    oneOf(o.name().orElseThrow(), RESIDUAL_OPTIONS, "residual option", Codes.UNKNOWN_OPTION);
                }
                duplicates(r.options(), "option");
            } else if (s instanceof Statement.Parameterization p) {
                oneOf(p.name(), PARAMETERIZATIONS, "parameterization");
            } else if (s instanceof Statement.Loss l) {
                oneOf(l.reduction(), LOSS_REDUCTIONS, "loss");
            }
            for (Call c : calls(s)) {
                duplicates(c.args(), "parameter");
                argumentOrder(c);
            }
        }
    }

    private void stopCondition(StopCondition c, Map<String, StopCondition> seen) {
        String k = c.criterion().text();
        if (!oneOf(c.criterion(), STOP_CRITERIA, "stop criterion")) {
            return;
        }
        StopCondition prev = seen.putIfAbsent(k, c);
        if (prev != null) {
            report(Diagnostic.error(c.criterion().position(), Codes.DUPLICATE_OPTION,
                    "stop " + k + " given twice; the first is at line " + prev.position().line()));
        }
        Optional<StopCondition.Comparison> cmp = c.comparison();
        switch (k) {
            case "loss", "residual" -> {
                if (cmp.isPresent() && cmp.get() == StopCondition.Comparison.EQ) {
                    report(Diagnostic.error(c.position(), Codes.BAD_VALUE,
                            "stop " + k + " takes a threshold: 'stop " + k + " < 1e-8'"));
                }
                c.unit().ifPresent(u -> report(Diagnostic.error(u.position(), Codes.BAD_VALUE,
                        "stop " + k + " takes no unit")));
            }
            case "steps" -> {
                if (cmp.isPresent() && cmp.get() != StopCondition.Comparison.EQ) {
                    report(Diagnostic.error(c.position(), Codes.BAD_VALUE,
                            "stop steps takes a count: 'stop steps 1000'"));
                }
                c.unit().ifPresent(u -> report(Diagnostic.error(u.position(), Codes.BAD_VALUE,
                        "stop steps takes no unit")));
            }
            case "time" -> {
                if (cmp.isPresent() && cmp.get() != StopCondition.Comparison.EQ) {
                    report(Diagnostic.error(c.position(), Codes.BAD_VALUE,
                            "stop time takes a duration: 'stop time 60s'"));
                }
                if (c.unit().isEmpty()) {
                    report(Diagnostic.error(c.value().position(), Codes.BAD_VALUE,
                            "stop time needs a unit (ms, s, min or h), as in 'stop time 60s'; "
                                    + "for the horizon of a continuous optimizer write 'until t=50' after train"));
                } else {
                    oneOf(c.unit().get(), List.copyOf(TIME_UNITS.keySet()), "time unit");
                }
            }
            default -> throw new IllegalStateException(k);
        }
    }

    private boolean oneOf(Name n, List<String> allowed, String what) {
        return oneOf(n, allowed, what, Codes.UNKNOWN_NAME);
    }

    private boolean oneOf(Name n, List<String> allowed, String what, String code) {
        if (allowed.contains(n.text())) {
            return true;
        }
        report(Diagnostic.error(n.position(), code, "unknown " + what + " '" + n.text() + "' (one of "
                + String.join(", ", allowed) + ")", Names.closest(n.text(), allowed)));
        return false;
    }

    private void argumentOrder(Call c) {
        boolean named = false;
        for (Arg a : c.args()) {
            if (a.name().isPresent()) {
                named = true;
            } else if (named) {
                report(Diagnostic.error(a.position(), Codes.ARGUMENT_ORDER,
                        "positional argument after a named one in '" + c.nameText() + "'"));
                return;
            }
        }
    }

    private void duplicates(List<Arg> args, String what) {
        Map<String, Arg> seen = new HashMap<>();
        for (Arg a : args) {
            if (a.name().isEmpty()) {
                continue;
            }
            Arg prev = seen.putIfAbsent(a.nameText(), a);
            if (prev != null) {
                report(Diagnostic.error(a.name().get().position(), Codes.DUPLICATE_OPTION,
                        what + " '" + a.nameText() + "' given twice; the first is at " + prev.position().line()
                                + ":" + prev.position().column()));
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // values, for every sweep point

    private Environment baseEnvironment() {
        Environment env = Environment.EMPTY;
        env = context.samples().isPresent() ? env.with("N", context.samples().getAsDouble()) : env.withUnknown("N");
        env = context.inputDim().isPresent() ? env.with("d", context.inputDim().getAsDouble()) : env.withUnknown("d");
        env = net.isPresent() ? env.with("L", net.get().depth()) : env.withUnknown("L");
        return env;
    }

    private void evaluatePoints() {
        Environment base = baseEnvironment();
        // sweep values may use N, d, L and lets that do not depend on sweep variables
        Environment domainEnv = base;
        for (String s : sweeps.keySet()) {
            domainEnv = domainEnv.withUnavailable(s, "the values of a sweep cannot depend on a sweep variable");
        }
        domainEnv = withLets(domainEnv, Map.of(), "it depends on a sweep variable, and the values of a sweep cannot");
        List<String> names = new ArrayList<>(sweeps.keySet());
        List<List<ParamValue>> domains = new ArrayList<>();
        for (String n : names) {
            int before = out.size();
            domains.add(domain(sweeps.get(n), domainEnv));
            if (out.size() > before) {
                brokenSweeps.add(n);
            }
        }
        Set<Statement> varying = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Statement s : statements) {
            Set<String> used = new HashSet<>();
            forEachValue(s, (v, bare) -> allRefs(v, used));
            if (dependencies(used).stream().anyMatch(sweeps::containsKey)) {
                varying.add(s);
            }
        }
        int[] index = new int[names.size()];
        int points = 0;
        while (points < MAX_CHECKED_POINTS) {
            Environment env = base;
            Map<String, ParamValue> point = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                List<ParamValue> dom = domains.get(i);
                if (dom.isEmpty()) {
                    env = env.withUnknown(names.get(i));
                } else {
                    env = env.with(names.get(i), dom.get(index[i]));
                    point.put(names.get(i), dom.get(index[i]));
                }
            }
            env = withLets(env, point, null);
            checkPoint(env, point, points == 0 ? null : varying);
            points++;
            int i = names.size() - 1;
            while (i >= 0) {
                if (++index[i] < Math.max(1, domains.get(i).size())) {
                    break;
                }
                index[i] = 0;
                i--;
            }
            if (i < 0) {
                break;
            }
        }
    }

    /**
     * Adds the lets in order. A let that cannot be evaluated is reported and unknown when
     * {@code unavailableReason} is null, and otherwise unavailable for that reason.
     */
    private Environment withLets(Environment env, Map<String, ParamValue> point, String unavailableReason) {
        for (Statement.Let let : lets.values()) {
            String n = let.name().text();
            boolean misordered = false;
            for (String r : Evaluator.references(let.value())) {
                misordered |= r.equals(n) || (lets.containsKey(r) && !env.defines(r));
            }
            if (misordered) {
                env = env.withUnknown(n); // reported by staticNames
                continue;
            }
            try {
                OptionalDouble v = Evaluator.evaluate(let.value(), env);
                env = v.isPresent() ? env.with(n, v.getAsDouble()) : env.withUnknown(n);
            } catch (EvaluationException e) {
                if (unavailableReason == null) {
                    reportAt(e.diagnostic(), point, let.value());
                    env = env.withUnknown(n);
                } else {
                    env = env.withUnavailable(n, unavailableReason);
                }
            }
        }
        return env;
    }

    private List<ParamValue> domain(Statement.Sweep sweep, Environment env) {
        return new SweepDomains(this::report).values(sweep, env);
    }

    /** Checks the values of every statement, or of {@code only} those (the ones that vary between points). */
    private void checkPoint(Environment env, Map<String, ParamValue> point, Set<Statement> only) {
        for (Statement s : statements) {
            if (only != null && !only.contains(s)) {
                continue;
            }
            Environment here = env;
            if (s instanceof Statement.Data) {
                for (String n : List.of("N", "d")) {
                    if (!sweeps.containsKey(n)) {
                        here = here.withUnavailable(n, FROM_DATA);
                        for (String let : lets.keySet()) {
                            if (dependencies(let).contains(n)) {
                                here = here.withUnavailable(let, "it depends on '" + n + "', which comes from the data statement");
                            }
                        }
                    }
                }
            }
            Environment scope = here;
            forEachValue(s, (v, bare) -> value(v, bare, scope, point));
            if (s instanceof Statement.Net n) {
                widths(n, env, point);
            } else if (s instanceof Statement.Seed seed) {
                whole(seed.value(), env, point, 0, Long.MAX_VALUE, "the seed");
            } else if (s instanceof Statement.Repeat r) {
                whole(r.count(), env, point, 1, MAX_REPEAT, "repeat");
            } else if (s instanceof Statement.Monitor m && m.every().isPresent()) {
                positive(m.every().get(), env, point, "every");
            } else if (s instanceof Statement.Stop stop) {
                for (StopCondition c : stop.conditions()) {
                    stopValue(c, env, point);
                }
            } else if (s instanceof Statement.Train t && t.until().isPresent()) {
                if (t.until().get().variable().text().equals("steps")) {
                    whole(t.until().get().value(), env, point, 1, Long.MAX_VALUE, "until steps");
                } else {
                    positive(t.until().get().value(), env, point, "until " + t.until().get().variable().text());
                }
            }
            for (LayerSelector sel : selectors(s)) {
                selector(sel, env, point);
            }
        }
    }

    /** Evaluates what can be evaluated; in an argument a bare name may be a word or a non-numeric sweep value. */
    private void value(Value v, boolean bareIsWord, Environment env, Map<String, ParamValue> point) {
        if (v instanceof Value.ListValue l) {
            l.items().forEach(i -> value(i, bareIsWord, env, point));
            return;
        }
        if (!(v instanceof Expr e)) {
            return;
        }
        if (bareIsWord && e instanceof Expr.Ref r
                && !(env.lookup(r.name()).orElse(null) instanceof Environment.Unavailable)) {
            return; // a word, or a variable with any value
        }
        evaluate(e, env, point);
    }

    private OptionalDouble evaluate(Expr e, Environment env, Map<String, ParamValue> point) {
        try {
            return Evaluator.evaluate(e, env);
        } catch (EvaluationException ex) {
            reportAt(ex.diagnostic(), point, e);
            return OptionalDouble.empty();
        }
    }

    private void widths(Statement.Net n, Environment env, Map<String, ParamValue> point) {
        for (int i = 0; i < n.widths().size(); i++) {
            Expr w = n.widths().get(i);
            OptionalDouble v = evaluate(w, env, point);
            if (v.isEmpty()) {
                continue;
            }
            double x = v.getAsDouble();
            boolean literal = w instanceof Expr.Num;
            String shown = literal ? "width " + AstPrinter.expr(w) + " is"
                    : "width '" + AstPrinter.expr(w) + "' is " + Numbers.format(x) + ",";
            if (!Numbers.isWhole(x)) {
                reportAt(Diagnostic.error(w.position(), Codes.BAD_WIDTH, shown
                        + " not a whole number; round it with ceil, floor or round"), point, w);
            } else if (Math.rint(x) < 1) {
                reportAt(Diagnostic.error(w.position(), Codes.BAD_WIDTH, shown + " not at least 1"), point, w);
            } else if (Math.rint(x) > MAX_WIDTH) {
                reportAt(Diagnostic.error(w.position(), Codes.BAD_WIDTH, shown + " larger than " + MAX_WIDTH),
                        point, w);
            } else if (i == 0 && env.lookup("d").orElse(null) instanceof Environment.Known k
                    && k.value() instanceof ParamValue.Num dn && Math.rint(x) != Math.rint(dn.value())) {
                reportAt(Diagnostic.error(w.position(), Codes.BAD_WIDTH, "the input width is " + Numbers.format(x)
                        + " but the data has d = " + Numbers.format(dn.value()) + " features; write 'net d -> ...'"),
                        point, w);
            }
        }
    }

    private void whole(Expr e, Environment env, Map<String, ParamValue> point, long min, long max, String what) {
        OptionalDouble v = evaluate(e, env, point);
        if (v.isEmpty()) {
            return;
        }
        double x = v.getAsDouble();
        if (!Numbers.isWhole(x) || x < min || x > max) {
            String range = max == Long.MAX_VALUE ? ">= " + min : "in " + min + ".." + max;
            reportAt(Diagnostic.error(e.position(), Codes.BAD_VALUE,
                    what + " must be a whole number " + range + ", got " + Numbers.format(x)), point, e);
        }
    }

    private void positive(Expr e, Environment env, Map<String, ParamValue> point, String what) {
        OptionalDouble v = evaluate(e, env, point);
        if (v.isPresent() && !(v.getAsDouble() > 0)) {
            reportAt(Diagnostic.error(e.position(), Codes.BAD_VALUE,
                    what + " must be > 0, got " + Numbers.format(v.getAsDouble())), point, e);
        }
    }

    private void stopValue(StopCondition c, Environment env, Map<String, ParamValue> point) {
        String k = c.criterion().text();
        switch (k) {
            case "loss", "residual" -> {
                OptionalDouble v = evaluate(c.value(), env, point);
                if (v.isPresent() && !(v.getAsDouble() >= 0)) {
                    reportAt(Diagnostic.error(c.value().position(), Codes.BAD_VALUE,
                            "stop " + k + " needs a threshold >= 0, got " + Numbers.format(v.getAsDouble())),
                            point, c.value());
                }
            }
            case "steps" -> whole(c.value(), env, point, 0, Long.MAX_VALUE, "stop steps");
            case "time" -> positive(c.value(), env, point, "stop time");
            default -> evaluate(c.value(), env, point);
        }
    }

    private void selector(LayerSelector sel, Environment env, Map<String, ParamValue> point) {
        OptionalDouble depth = env.lookup("L").orElse(null) instanceof Environment.Known k
                && k.value() instanceof ParamValue.Num n ? OptionalDouble.of(n.value()) : OptionalDouble.empty();
        List<Expr> ends = new ArrayList<>();
        ends.add(sel.from());
        sel.to().ifPresent(ends::add);
        double[] v = new double[ends.size()];
        for (int i = 0; i < ends.size(); i++) {
            OptionalDouble x = evaluate(ends.get(i), env, point);
            if (x.isEmpty()) {
                return;
            }
            v[i] = x.getAsDouble();
            Expr e = ends.get(i);
            if (!Numbers.isWhole(v[i])) {
                reportAt(Diagnostic.error(e.position(), Codes.BAD_LAYER,
                        "a layer number must be whole, got " + Numbers.format(v[i])), point, e);
                return;
            }
            if (v[i] < 1 || (depth.isPresent() && v[i] > depth.getAsDouble())) {
                String range = depth.isPresent() ? "; the net has layers 1.." + Numbers.format(depth.getAsDouble())
                        : "; layers count from 1";
                reportAt(Diagnostic.error(e.position(), Codes.BAD_LAYER,
                        "there is no layer " + Numbers.format(v[i]) + range), point, e);
                return;
            }
        }
        if (v.length == 2 && v[1] < v[0]) {
            reportAt(Diagnostic.error(sel.position(), Codes.BAD_LAYER, "the layer range "
                    + Numbers.format(v[0]) + ".." + Numbers.format(v[1]) + " is empty"), point, sel.from());
        }
    }

    // ------------------------------------------------------------------------------------------
    // per-layer settings: overlaps, the linear output layer, residual widths

    private void layerAssignments() {
        Environment env = withLets(baseEnvironment(), Map.of(), "it is not known here");
        Map<String, Map<Integer, SourcePosition>> byKind = new HashMap<>();
        Map<String, SourcePosition> everyLayer = new HashMap<>();
        for (Statement s : statements) {
            List<LayerCall> entries = s instanceof Statement.Init i ? i.entries()
                    : s instanceof Statement.Act a ? a.entries() : List.of();
            String what = s instanceof Statement.Init ? "an initializer" : "an activation";
            for (LayerCall lc : entries) {
                if (lc.layers().isEmpty()) {
                    SourcePosition prev = everyLayer.putIfAbsent(s.keyword(), lc.position());
                    if (prev != null) {
                        report(Diagnostic.error(lc.position(), Codes.DUPLICATE_STATEMENT, "'" + s.keyword()
                                + "' for every layer given twice; the first is at line " + prev.line()));
                    }
                    continue;
                }
                Optional<int[]> range = range(lc.layers().get(), env);
                if (range.isEmpty()) {
                    continue;
                }
                Map<Integer, SourcePosition> taken = byKind.computeIfAbsent(s.keyword(), k -> new HashMap<>());
                for (int l = range.get()[0]; l <= range.get()[1]; l++) {
                    if (s instanceof Statement.Act && net.isPresent() && l == net.get().depth()) {
                        report(Diagnostic.error(lc.layers().get().position(), Codes.BAD_LAYER, "layer " + l
                                + " is the linear output layer and takes no activation"));
                        break;
                    }
                    SourcePosition prev = taken.putIfAbsent(l, lc.position());
                    if (prev != null) {
                        report(Diagnostic.error(lc.layers().get().position(), Codes.BAD_LAYER, "layer " + l
                                + " already has " + what + " (set at " + prev.line() + ":" + prev.column() + ")"));
                        break;
                    }
                }
            }
            if (s instanceof Statement.Residual r && r.layers().isPresent()) {
                residual(r.layers().get(), env);
            }
        }
    }

    private void residual(LayerSelector sel, Environment env) {
        Optional<int[]> range = range(sel, env);
        if (range.isEmpty() || net.isEmpty()) {
            return;
        }
        Statement.Net n = net.get();
        for (int l = range.get()[0]; l <= range.get()[1]; l++) {
            if (l == n.depth()) {
                report(Diagnostic.error(sel.position(), Codes.BAD_LAYER,
                        "layer " + l + " is the linear output layer and cannot be residual"));
                return;
            }
            OptionalDouble in = quiet(n.widths().get(l - 1), env);
            OptionalDouble outW = quiet(n.widths().get(l), env);
            if (in.isPresent() && outW.isPresent() && Math.rint(in.getAsDouble()) != Math.rint(outW.getAsDouble())) {
                report(Diagnostic.error(sel.position(), Codes.BAD_LAYER, "residual layer " + l
                        + " needs equal input and output widths, got " + Numbers.format(in.getAsDouble()) + " -> "
                        + Numbers.format(outW.getAsDouble())));
                return;
            }
        }
    }

    /** A selector's layers when they are known and valid (problems are reported elsewhere). */
    private Optional<int[]> range(LayerSelector sel, Environment env) {
        OptionalDouble from = quiet(sel.from(), env);
        OptionalDouble to = sel.to().isPresent() ? quiet(sel.to().get(), env) : from;
        if (from.isEmpty() || to.isEmpty() || !Numbers.isWhole(from.getAsDouble()) || !Numbers.isWhole(to.getAsDouble())) {
            return Optional.empty();
        }
        int a = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1, Math.rint(from.getAsDouble())));
        int b = (int) Math.min(net.map(Statement.Net::depth).orElse(Integer.MAX_VALUE - 1), Math.rint(to.getAsDouble()));
        return b < a ? Optional.empty() : Optional.of(new int[] {a, b});
    }

    private static OptionalDouble quiet(Expr e, Environment env) {
        try {
            return Evaluator.evaluate(e, env);
        } catch (EvaluationException ex) {
            return OptionalDouble.empty();
        }
    }

    // ------------------------------------------------------------------------------------------
    // unused lets and sweep variables

    private void unusedLets() {
        Set<String> used = new HashSet<>();
        for (Statement s : statements) {
            if (s instanceof Statement.Let let) {
                Evaluator.refs(let.value()).forEach(r -> {
                    if (!r.name().equals(let.name().text())) {
                        used.add(r.name());
                    }
                });
                continue;
            }
            forEachValue(s, (v, bare) -> allRefs(v, used));
        }
        for (Statement.Let let : lets.values()) {
            if (!used.contains(let.name().text())) {
                report(Diagnostic.warning(let.name().position(), Codes.UNUSED,
                        "'" + let.name().text() + "' is never used"));
            }
        }
        for (Statement.Sweep sw : sweeps.values()) {
            if (!used.contains(sw.variable().text()) && !brokenSweeps.contains(sw.variable().text())) {
                report(Diagnostic.warning(sw.variable().position(), Codes.UNUSED, "sweep variable '"
                        + sw.variable().text() + "' is never used, so every point would run the same experiment"));
            }
        }
    }

    private static void allRefs(Value v, Set<String> out) {
        if (v instanceof Value.ListValue l) {
            l.items().forEach(i -> allRefs(i, out));
        } else if (v instanceof Expr e) {
            out.addAll(Evaluator.references(e));
        }
    }

    // ------------------------------------------------------------------------------------------
    // walking the AST

    /** Receives a value and whether a bare name there is a word (an argument) rather than a variable. */
    @FunctionalInterface
    private interface ValueVisitor {
        void visit(Value v, boolean bareIsWord);
    }

    /** Every value and expression of a statement (net clauses are visited as statements of their own). */
    private static void forEachValue(Statement s, ValueVisitor f) {
        for (Call c : calls(s)) {
            c.args().forEach(a -> f.visit(a.value(), true));
        }
        for (LayerSelector sel : selectors(s)) {
            f.visit(sel.from(), false);
            sel.to().ifPresent(t -> f.visit(t, false));
        }
        if (s instanceof Statement.Seed x) {
            f.visit(x.value(), false);
        } else if (s instanceof Statement.Let x) {
            f.visit(x.value(), false);
        } else if (s instanceof Statement.Net x) {
            x.widths().forEach(w -> f.visit(w, false));
        } else if (s instanceof Statement.Train x) {
            x.options().forEach(o -> f.visit(o.value(), true));
            x.until().ifPresent(u -> f.visit(u.value(), false));
        } else if (s instanceof Statement.Residual x) {
            x.options().forEach(o -> f.visit(o.value(), false));
        } else if (s instanceof Statement.Monitor x) {
            x.every().ifPresent(e -> f.visit(e, false));
        } else if (s instanceof Statement.Stop x) {
            x.conditions().forEach(c -> f.visit(c.value(), false));
        } else if (s instanceof Statement.Repeat x) {
            f.visit(x.count(), false);
        } else if (s instanceof Statement.Sweep x) {
            SweepDomain d = x.domain();
            if (d instanceof SweepDomain.Values v) {
                v.values().forEach(i -> f.visit(i, true));
            } else if (d instanceof SweepDomain.Arithmetic a) {
                f.visit(a.from(), false);
                f.visit(a.to(), false);
                a.step().ifPresent(e -> f.visit(e, false));
            } else if (d instanceof SweepDomain.Geometric g) {
                f.visit(g.from(), false);
                f.visit(g.to(), false);
                f.visit(g.factor(), false);
            }
        }
    }

    /** The plugin calls of a statement (not those of net clauses, which are statements of their own). */
    private static List<Call> calls(Statement s) {
        if (s instanceof Statement.Data d) {
            List<Call> c = new ArrayList<>();
            c.add(d.source());
            d.labels().ifPresent(c::add);
            return c;
        } else if (s instanceof Statement.Holdout h) {
            List<Call> c = new ArrayList<>();
            c.add(h.source());
            h.labels().ifPresent(c::add);
            return c;
        } else if (s instanceof Statement.Labels l) {
            return List.of(l.source());
        } else if (s instanceof Statement.Init i) {
            return i.entries().stream().map(LayerCall::call).toList();
        } else if (s instanceof Statement.Act a) {
            return a.entries().stream().map(LayerCall::call).toList();
        } else if (s instanceof Statement.Train t) {
            return List.of(t.optimizer());
        } else if (s instanceof Statement.Certify c) {
            return c.certificates();
        } else if (s instanceof Statement.Monitor m) {
            return m.monitors();
        } else if (s instanceof Statement.Backend b) {
            return List.of(b.backend());
        }
        return List.of();
    }

    private static List<LayerSelector> selectors(Statement s) {
        List<LayerSelector> out = new ArrayList<>();
        if (s instanceof Statement.Init i) {
            i.entries().forEach(e -> e.layers().ifPresent(out::add));
        } else if (s instanceof Statement.Act a) {
            a.entries().forEach(e -> e.layers().ifPresent(out::add));
        } else if (s instanceof Statement.Bias b) {
            b.layers().ifPresent(out::add);
        } else if (s instanceof Statement.Freeze f) {
            out.add(f.layers());
        } else if (s instanceof Statement.Residual r) {
            r.layers().ifPresent(out::add);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------
    // reporting

    /** Reports once per (code, position); names the sweep values the expression depends on. */
    private void reportAt(Diagnostic d, Map<String, ParamValue> point, Expr e) {
        Set<String> deps = sweepDependencies(e);
        StringBuilder at = new StringBuilder();
        for (Map.Entry<String, ParamValue> p : point.entrySet()) {
            if (deps.contains(p.getKey())) {
                at.append(at.length() == 0 ? " (at " : ", ").append(p.getKey()).append(" = ").append(p.getValue().render());
            }
        }
        // the same problem at another sweep point is not reported again
        String key = key(d);
        if (at.length() > 0) {
            at.append(')');
            d = new Diagnostic(d.position(), d.code(), d.severity(), d.message() + at, d.suggestions());
        }
        report(d, key);
    }

    private Set<String> sweepDependencies(Expr e) {
        Set<String> out = new HashSet<>();
        for (String n : dependencies(Evaluator.references(e))) {
            if (sweeps.containsKey(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The names a let uses, directly or through other lets. */
    private Set<String> dependencies(String let) {
        return dependencies(Evaluator.references(lets.get(let).value()));
    }

    private Set<String> dependencies(Set<String> start) {
        Set<String> out = new HashSet<>();
        List<String> work = new ArrayList<>(start);
        Set<String> seen = new HashSet<>();
        while (!work.isEmpty()) {
            String n = work.remove(work.size() - 1);
            if (!seen.add(n)) {
                continue;
            }
            out.add(n);
            if (lets.containsKey(n)) {
                work.addAll(Evaluator.references(lets.get(n).value()));
            }
        }
        return out;
    }

    private void report(Diagnostic d) {
        report(d, key(d));
    }

    /** Reports unless a diagnostic with this key was reported (the same problem at another sweep point). */
    private void report(Diagnostic d, String key) {
        if (reported.add(key)) {
            out.add(d);
        }
    }

    /** One problem of a kind per place (the same problem at another sweep point is the same problem). */
    private static String key(Diagnostic d) {
        return d.code() + "@" + org.gdcert.dsl.ast.AstDump.position(d.position())
                + (d.code().equals(Codes.MISSING_STATEMENT) ? d.message() : "");
    }

    private static Map<String, Double> orderedMap(String k1, double v1, String k2, double v2, String k3, double v3,
            String k4, double v4) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        m.put(k3, v3);
        m.put(k4, v4);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, String> orderedMap3(String k1, String v1, String k2, String v2, String k3, String v3) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        m.put(k3, v3);
        return java.util.Collections.unmodifiableMap(m);
    }
}
