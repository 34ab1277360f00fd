package org.gdcert.dsl.compile;

import com.google.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.gdcert.core.engine.LayerSpec;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.math.GaussHermite;
import org.gdcert.core.registry.PluginRegistry;
import org.gdcert.core.registry.Plugins;
import org.gdcert.core.run.DataSpec;
import org.gdcert.core.run.ExperimentPlan;
import org.gdcert.core.run.MonitorChoice;
import org.gdcert.core.run.PluginChoice;
import org.gdcert.core.run.RunException;
import org.gdcert.core.run.RunSpec;
import org.gdcert.core.run.Runner;
import org.gdcert.core.spi.Activation;
import org.gdcert.core.spi.Argument;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.Configured;
import org.gdcert.core.spi.DataException;
import org.gdcert.core.spi.DataSource;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.LabelSource;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.spi.OptimizerProvider;
import org.gdcert.core.spi.ParamValue;
import org.gdcert.core.spi.ParameterSchema;
import org.gdcert.core.spi.PluginProvider;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.LossReduction;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopRules;
import org.gdcert.core.util.Suggestions;
import org.gdcert.dsl.ast.Arg;
import org.gdcert.dsl.ast.Call;
import org.gdcert.dsl.ast.Experiment;
import org.gdcert.dsl.ast.Expr;
import org.gdcert.dsl.ast.LayerCall;
import org.gdcert.dsl.ast.LayerSelector;
import org.gdcert.dsl.ast.SourcePosition;
import org.gdcert.dsl.ast.Statement;
import org.gdcert.dsl.ast.StopCondition;
import org.gdcert.dsl.diag.Codes;
import org.gdcert.dsl.diag.Diagnostic;
import org.gdcert.dsl.diag.SourceText;
import org.gdcert.dsl.parser.DslParser;
import org.gdcert.dsl.parser.ParseResult;
import org.gdcert.dsl.semantic.Arguments;
import org.gdcert.dsl.semantic.CheckContext;
import org.gdcert.dsl.semantic.Checker;
import org.gdcert.dsl.semantic.Environment;
import org.gdcert.dsl.semantic.EvaluationException;
import org.gdcert.dsl.semantic.Evaluator;
import org.gdcert.dsl.semantic.Numbers;
import org.gdcert.dsl.semantic.SweepDomains;

/**
 * Compiles a script into a validated {@link ExperimentPlan}: parses, runs the plugin-independent
 * checks, resolves every plugin name against the registries (suggesting the closest names),
 * validates every argument against its plugin's schema (errors point at the argument), loads the
 * data to learn N and d, and expands sweeps and repeats into concrete runs. Every error of the
 * file is collected.
 */
public final class ExperimentCompiler {
    /** Step budget of a discrete optimizer when the script gives none. */
    public static final long DEFAULT_STEPS = 1000;
    /** About this many rows are recorded when no monitor asks for more. */
    public static final long DEFAULT_RECORDS = 500;
    /** Accepted-step budget of a continuous optimizer. */
    public static final long CONTINUOUS_STEP_BUDGET = 100_000_000L;
    /** The initializer used when a script has no {@code init}. */
    public static final String DEFAULT_INIT = "lecun";
    private static final int C_SIGMA_NODES = 200;
    /** The monitor that measures held-out data, added to a script with {@code holdout} that does not list it. */
    public static final String ERROR_MONITOR = "error";

    private final Plugins plugins;
    private final Runner runner;

    @Inject
    public ExperimentCompiler(Plugins plugins, Runner runner) {
        this.plugins = plugins;
        this.runner = runner;
    }

    /**
     * Compiles {@code text}.
     *
     * @param file the file name diagnostics name ({@code examples/quickstart.exp})
     * @param baseDirectory the folder relative data paths resolve against (the script's folder)
     */
    public Compilation compile(String file, String text, Path baseDirectory, CompileOptions options) {
        ParseResult parsed = new DslParser().parse(file, text);
        SourceText source = parsed.source();
        List<Diagnostic> diags = new ArrayList<>(parsed.diagnostics());
        if (parsed.hasErrors()) {
            return new Compilation(source, diags, Optional.empty());
        }
        Experiment exp = parsed.experiment();
        diags.addAll(Checker.check(exp, CheckContext.unknown()));
        Session s = new Session(exp, file, text, baseDirectory, options);
        s.resolveNames();
        boolean early = diags.stream().anyMatch(Diagnostic::isError) || s.hasErrors();
        if (!early) {
            s.expand();
        }
        List<Diagnostic> all = new ArrayList<>(diags);
        for (Diagnostic d : s.diagnostics) {
            if (all.stream().noneMatch(x -> x.position().equals(d.position()) && x.message().equals(d.message()))) {
                all.add(d);
            }
        }
        all.sort((a, b) -> a.position().line() != b.position().line() ? Integer.compare(a.position().line(),
                b.position().line()) : Integer.compare(a.position().column(), b.position().column()));
        boolean ok = all.stream().noneMatch(Diagnostic::isError) && s.plan != null;
        return new Compilation(source, all, ok ? Optional.of(s.plan) : Optional.empty());
    }

    /** One compilation's state. */
    private final class Session {
        final Experiment exp;
        final String file;
        final String text;
        final Path baseDirectory;
        final CompileOptions options;
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final Set<String> reported = new HashSet<>();
        final Map<String, int[]> dataShapes = new HashMap<>();
        ExperimentPlan plan;
        final Statement.Net net;
        final Optional<Statement.Data> data;
        final Optional<Statement.Holdout> holdout;
        /** Held-out data already loaded and checked against the network, by data spec, holdout spec and widths. */
        final Set<String> holdoutsChecked = new HashSet<>();
        final Optional<Statement.Labels> labels;
        final Optional<Statement.Train> train;
        String pointSuffix = "";
        /** The let or sweep variable that a width override binds, or null. */
        String pinned;

        Session(Experiment exp, String file, String text, Path baseDirectory, CompileOptions options) {
            this.exp = exp;
            this.file = file;
            this.text = text;
            this.baseDirectory = baseDirectory;
            this.options = options;
            this.net = exp.all(Statement.Net.class).stream().findFirst().orElse(null);
            this.data = exp.all(Statement.Data.class).stream().findFirst();
            this.holdout = exp.all(Statement.Holdout.class).stream().findFirst();
            this.labels = exp.all(Statement.Labels.class).stream().findFirst();
            this.train = exp.all(Statement.Train.class).stream().findFirst();
        }

        boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }

        void error(SourcePosition at, String code, String message) {
            String m = message + pointSuffix;
            if (reported.add(at + "|" + message)) {
                diagnostics.add(Diagnostic.error(at, code, m));
            }
        }

        // ---------------------------------------------------------------------------------
        // names

        void resolveNames() {
            data.ifPresent(d -> {
                known(plugins.dataSources(), "data source", d.source());
                d.labels().ifPresent(l -> known(plugins.labelSources(), "label source", l));
            });
            labels.ifPresent(l -> known(plugins.labelSources(), "label source", l.source()));
            holdout.ifPresent(h -> {
                known(plugins.dataSources(), "data source", h.source());
                h.labels().ifPresent(l -> known(plugins.labelSources(), "label source", l));
                if (plugins.monitors().find(ERROR_MONITOR).isEmpty()) {
                    error(h.position().start(), Codes.MISSING_STATEMENT, "holdout needs the '"
                            + ERROR_MONITOR + "' monitor, which is not installed");
                }
            });
            for (Statement.Init i : exp.all(Statement.Init.class)) {
                i.entries().forEach(e -> known(plugins.initializers(), "initializer", e.call()));
            }
            for (Statement.Act a : exp.all(Statement.Act.class)) {
                a.entries().forEach(e -> known(plugins.activations(), "activation", e.call()));
            }
            train.ifPresent(t -> known(plugins.optimizers(), "optimizer", t.optimizer()));
            for (Statement.Certify c : exp.all(Statement.Certify.class)) {
                c.certificates().forEach(x -> known(plugins.certificates(), "certificate", x));
            }
            for (Statement.Monitor m : exp.all(Statement.Monitor.class)) {
                for (Call c : m.monitors()) {
                    if (plugins.monitors().find(c.nameText()).isEmpty()
                            && plugins.certificates().find(c.nameText()).isEmpty()) {
                        List<String> names = new ArrayList<>(plugins.monitors().names());
                        names.addAll(plugins.certificates().names());
                        error(c.name().position(), Codes.UNKNOWN_NAME, "unknown monitor '" + c.nameText() + "'"
                                + Suggestions.didYouMean(c.nameText(), names)
                                + (names.isEmpty() ? "" : " (monitors: " + String.join(", ", names) + ")"));
                    }
                }
            }
            for (Statement.Backend b : exp.all(Statement.Backend.class)) {
                known(plugins.backends(), "backend", b.backend());
            }
            if (train.isEmpty()) {
                error(SourcePosition.at(file, 1, 1), Codes.MISSING_STATEMENT,
                        "missing 'train' statement (for example 'train gd eta=auto')");
            }
            if (net != null && net.depth() >= 2 && exp.all(Statement.Act.class).isEmpty()) {
                error(net.position().start(), Codes.MISSING_STATEMENT, "the net has hidden layers but no activation;"
                        + " add 'act relu' (or another activation: gdcert plugins activation)");
            }
            if (exp.all(Statement.Init.class).isEmpty() && plugins.initializers().find(DEFAULT_INIT).isEmpty()
                    && net != null) {
                error(net.position().start(), Codes.MISSING_STATEMENT, "no 'init' statement and no default initializer '"
                        + DEFAULT_INIT + "' is installed");
            }
            if (data.isPresent() && data.get().labels().isEmpty() && labels.isEmpty()) {
                // allowed: the data source may bring its own targets; checked when the data load
            }
        }

        private <P extends PluginProvider<?>> Optional<P> known(PluginRegistry<P> reg, String kind, Call call) {
            Optional<P> p = reg.find(call.nameText());
            if (p.isEmpty()) {
                List<String> names = reg.names();
                error(call.name().position(), Codes.UNKNOWN_NAME, "unknown " + kind + " '" + call.nameText() + "'"
                        + Suggestions.didYouMean(call.nameText(), names)
                        + (Suggestions.closest(call.nameText(), names).isEmpty() && !names.isEmpty()
                                ? " (known: " + String.join(", ", names) + ")" : ""));
                return Optional.empty();
            }
            if (!p.get().availability().available()) {
                error(call.name().position(), Codes.BAD_VALUE, kind + " '" + call.nameText() + "' is not available here: "
                        + p.get().availability().reason());
                return Optional.empty();
            }
            return p;
        }

        /** Resolves and validates a call; errors point at the call or the argument at fault. */
        <T> Optional<PluginChoice<T>> choose(PluginRegistry<? extends PluginProvider<T>> reg, String kind, Call call,
                List<Arg> extra, Environment env) {
            Optional<? extends PluginProvider<T>> p = known(reg, kind, call);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            List<Arg> args = new ArrayList<>(call.args());
            args.addAll(extra);
            Arguments.Conversion conv = Arguments.convert(args, env);
            if (!conv.ok()) {
                for (Diagnostic d : conv.diagnostics()) {
                    error(d.position(), d.code(), d.message());
                }
                return Optional.empty();
            }
            ParameterSchema.Validation v = p.get().parameters().validate(conv.arguments());
            if (!v.ok()) {
                for (ParameterSchema.Problem pr : v.problems()) {
                    SourcePosition at = pr.argumentIndex() >= 0 ? args.get(pr.argumentIndex()).position()
                            : call.position();
                    error(at, Codes.BAD_VALUE, call.nameText() + ": " + pr.message());
                }
                return Optional.empty();
            }
            return Optional.of(new PluginChoice<>(p.get(), v.params().orElseThrow()));
        }

        // ---------------------------------------------------------------------------------
        // expansion

        void expand() {
            Map<String, Statement.Sweep> sweeps = new LinkedHashMap<>();
            for (Statement.Sweep sw : exp.all(Statement.Sweep.class)) {
                sweeps.put(sw.variable().text(), sw);
            }
            int depth = net.depth();
            if (!pinWidth(sweeps.keySet(), depth)) {
                return;
            }
            Environment base = Environment.EMPTY.with("L", depth);
            // Sweep domains may use N, d, L and lets that do not depend on sweeps: learn N and d first
            // when the data do not depend on a sweep.
            boolean dataVaries = dataDependsOnSweep(sweeps.keySet());
            Environment domainEnv = base;
            if (!dataVaries) {
                Optional<int[]> shape = shape(withLets(base, false), "");
                if (shape.isEmpty()) {
                    return;
                }
                domainEnv = domainEnv.with("N", shape.get()[0]).with("d", shape.get()[1]);
                for (Diagnostic d : Checker.check(exp, CheckContext.of(shape.get()[0], shape.get()[1]))) {
                    if (d.isError()) {
                        error(d.position(), d.code(), d.message());
                    }
                }
                if (hasErrors()) {
                    return;
                }
            } else {
                domainEnv = domainEnv.withUnknown("N").withUnknown("d");
            }
            for (String sv : sweeps.keySet()) {
                domainEnv = domainEnv.withUnavailable(sv, "the values of a sweep cannot depend on a sweep variable");
            }
            domainEnv = withLets(domainEnv, true);
            List<String> names = new ArrayList<>(sweeps.keySet());
            List<List<ParamValue>> domains = new ArrayList<>();
            SweepDomains sd = new SweepDomains(d -> error(d.position(), d.code(), d.message()));
            for (String n : names) {
                domains.add(n.equals(pinned) ? List.of(ParamValue.Num.of(options.width().get().width()))
                        : sd.values(sweeps.get(n), domainEnv));
            }
            if (hasErrors()) {
                return;
            }
            long seed = options.seed().isPresent() ? options.seed().getAsLong() : seedOf(base);
            int repeats = repeats(base);
            if (hasErrors()) {
                return;
            }
            List<RunSpec> runs = new ArrayList<>();
            int[] index = new int[names.size()];
            long total = 1;
            for (List<ParamValue> dvals : domains) {
                total *= dvals.size();
            }
            if (total * repeats > 100_000) {
                error(exp.all(Statement.Sweep.class).get(0).position(), Codes.BAD_RANGE, "the sweeps and repeats expand to "
                        + total * repeats + " runs; at most 100000 are allowed");
                return;
            }
            String experiment = experimentName();
            while (true) {
                Map<String, ParamValue> point = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    point.put(names.get(i), domains.get(i).get(index[i]));
                }
                pointSuffix = point.isEmpty() || runs.isEmpty() ? "" : " (at " + describe(point) + ")";
                for (int r = 0; r < repeats; r++) {
                    Optional<RunSpec> spec = runFor(experiment, point, r, repeats, seed + r, base);
                    if (spec.isEmpty()) {
                        return;
                    }
                    runs.add(spec.get());
                }
                int i = names.size() - 1;
                while (i >= 0) {
                    if (++index[i] < domains.get(i).size()) {
                        break;
                    }
                    index[i] = 0;
                    i--;
                }
                if (i < 0) {
                    break;
                }
            }
            pointSuffix = "";
            List<String> vars = new ArrayList<>(names);
            if (repeats > 1) {
                vars.add("repeat");
            }
            plan = new ExperimentPlan(experiment, Path.of(file), text, vars, runs);
        }

        /**
         * Checks the width override's layer and finds the name it binds: the layer's width
         * expression when that is a bare let or sweep variable (not N, d or L).
         */
        private boolean pinWidth(Set<String> sweepVars, int depth) {
            if (options.width().isEmpty()) {
                return true;
            }
            int layer = options.width().get().layer();
            if (layer >= depth) {
                error(net.position().start(), Codes.BAD_LAYER, "cannot set the width of layer " + layer + ": the "
                        + "hidden layers are 1.." + (depth - 1) + (depth == 1 ? " (this net has none)" : ""));
                return false;
            }
            if (net.widths().get(layer) instanceof Expr.Ref ref && !List.of("N", "d", "L").contains(ref.name())
                    && (sweepVars.contains(ref.name()) || exp.all(Statement.Let.class).stream()
                            .anyMatch(l -> l.name().text().equals(ref.name())))) {
                pinned = ref.name();
            }
            return true;
        }

        private boolean dataDependsOnSweep(Set<String> sweepVars) {
            if (data.isEmpty() || sweepVars.isEmpty()) {
                return false;
            }
            Set<String> refs = new HashSet<>();
            List<Call> calls = new ArrayList<>();
            calls.add(data.get().source());
            data.get().labels().ifPresent(calls::add);
            labels.ifPresent(l -> calls.add(l.source()));
            for (Call c : calls) {
                for (Arg a : c.args()) {
                    collectRefs(a.value(), refs);
                }
            }
            Set<String> closure = new HashSet<>(refs);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Statement.Let let : exp.all(Statement.Let.class)) {
                    if (closure.contains(let.name().text())) {
                        for (String r : Evaluator.references(let.value())) {
                            grew |= closure.add(r);
                        }
                    }
                }
            }
            return closure.stream().anyMatch(sweepVars::contains);
        }

        private void collectRefs(org.gdcert.dsl.ast.Value v, Set<String> out) {
            if (v instanceof Expr e) {
                out.addAll(Evaluator.references(e));
            } else if (v instanceof org.gdcert.dsl.ast.Value.ListValue l) {
                l.items().forEach(i -> collectRefs(i, out));
            }
        }

        /** Adds the lets that can be evaluated; with {@code quiet}, others become unknown silently. */
        private Environment withLets(Environment env, boolean quiet) {
            for (Statement.Let let : exp.all(Statement.Let.class)) {
                String n = let.name().text();
                if (n.equals(pinned)) {
                    env = env.with(n, options.width().get().width());
                    continue;
                }
                try {
                    OptionalDouble v = Evaluator.evaluate(let.value(), env);
                    env = v.isPresent() ? env.with(n, v.getAsDouble()) : env.withUnknown(n);
                } catch (EvaluationException e) {
                    if (!quiet) {
                        error(e.diagnostic().position(), e.diagnostic().code(), e.diagnostic().message());
                    }
                    env = env.withUnknown(n);
                }
            }
            return env;
        }

        private long seedOf(Environment env) {
            Optional<Statement.Seed> s = exp.all(Statement.Seed.class).stream().findFirst();
            if (s.isEmpty()) {
                return 1;
            }
            OptionalDouble v = evaluate(s.get().value(), env);
            return v.isPresent() ? (long) v.getAsDouble() : 1;
        }

        private int repeats(Environment env) {
            Optional<Statement.Repeat> r = exp.all(Statement.Repeat.class).stream().findFirst();
            if (r.isEmpty()) {
                return 1;
            }
            OptionalDouble v = evaluate(r.get().count(), withLets(env, true));
            return v.isPresent() ? (int) Math.max(1, Math.min(100_000, v.getAsDouble())) : 1;
        }

        private OptionalDouble evaluate(Expr e, Environment env) {
            try {
                return Evaluator.evaluate(e, env);
            } catch (EvaluationException ex) {
                error(ex.diagnostic().position(), ex.diagnostic().code(), ex.diagnostic().message());
                return OptionalDouble.empty();
            }
        }

        private double evaluateKnown(Expr e, Environment env) {
            OptionalDouble v = evaluate(e, env);
            if (v.isEmpty()) {
                throw new Abort();
            }
            return v.getAsDouble();
        }

        private String experimentName() {
            String f = Path.of(file).getFileName().toString();
            String stem = f.endsWith(".exp") ? f.substring(0, f.length() - 4) : f;
            String safe = stem.replaceAll("[^A-Za-z0-9_.+-]", "_");
            return safe.isEmpty() ? "experiment" : safe;
        }

        private String describe(Map<String, ParamValue> point) {
            List<String> parts = new ArrayList<>();
            point.forEach((k, v) -> parts.add(k + " = " + v.render()));
            return String.join(", ", parts);
        }

        private Optional<DataSpec> dataSpec(Environment env) {
            Statement.Data d = data.orElseThrow();
            Optional<PluginChoice<DataSource>> src = choose(plugins.dataSources(), "data source", d.source(), List.of(),
                    env);
            Optional<Call> labelCall = d.labels().or(() -> labels.map(Statement.Labels::source));
            Optional<PluginChoice<LabelSource>> lab = Optional.empty();
            if (labelCall.isPresent()) {
                lab = choose(plugins.labelSources(), "label source", labelCall.get(), List.of(), env);
                if (lab.isEmpty()) {
                    return Optional.empty();
                }
            }
            if (src.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new DataSpec(src.get(), lab, baseDirectory));
        }

        /**
         * The held-out data of a run, if the script has a {@code holdout}; its arguments may use N and
         * d. The data are loaded once per distinct spec to check that they fit the network (d and the
         * number of outputs); a misfit is an error at the holdout statement.
         */
        private Optional<DataSpec> holdoutSpec(DataSpec train, NetworkSpec network, Environment env) {
            if (holdout.isEmpty()) {
                return Optional.empty();
            }
            Statement.Holdout h = holdout.get();
            Optional<PluginChoice<DataSource>> src = choose(plugins.dataSources(), "data source", h.source(), List.of(),
                    env);
            Optional<PluginChoice<LabelSource>> lab = Optional.empty();
            if (h.labels().isPresent()) {
                lab = choose(plugins.labelSources(), "label source", h.labels().get(), List.of(), env);
                if (lab.isEmpty()) {
                    throw new Abort();
                }
            }
            if (src.isEmpty()) {
                throw new Abort();
            }
            DataSpec spec = new DataSpec(src.get(), lab, baseDirectory);
            String key = train + "|" + spec + "|" + network.inputDim() + "->" + network.outputDim();
            if (holdoutsChecked.contains(key)) {
                return Optional.of(spec);
            }
            try {
                Runner.checkHoldoutShape(runner.loadHoldout(train, spec, options.seed().orElse(1)), network);
                holdoutsChecked.add(key);
                return Optional.of(spec);
            } catch (DataException | RunException e) {
                error(h.position().start(), Codes.BAD_VALUE, e.getMessage().startsWith("holdout")
                        ? e.getMessage() : "holdout: cannot load the data: " + e.getMessage());
            } catch (RuntimeException e) {
                error(h.position().start(), Codes.BAD_VALUE, "holdout: cannot load the data: " + e);
            }
            throw new Abort();
        }

        /** N, d and the number of label columns, loading the data once per distinct data spec. */
        private Optional<int[]> shape(Environment env, String where) {
            Optional<DataSpec> ds = dataSpec(env);
            if (ds.isEmpty()) {
                return Optional.empty();
            }
            String key = ds.get().toString();
            int[] cached = dataShapes.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
            try {
                Runner.LoadedData loaded = runner.loadData(ds.get(), options.seed().orElse(1));
                int[] s = {loaded.inputs().rows(), loaded.inputs().cols(), loaded.targets().cols()};
                dataShapes.put(key, s);
                return Optional.of(s);
            } catch (DataException | RunException e) {
                error(data.get().position().start(), Codes.BAD_VALUE, "cannot load the data: " + e.getMessage());
                return Optional.empty();
            } catch (RuntimeException e) {
                error(data.get().position().start(), Codes.BAD_VALUE, "cannot load the data: " + e);
                return Optional.empty();
            }
        }

        /** Thrown to abandon a run whose problems were already reported. */
        private static final class Abort extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Abort() {
                super(null, null, false, false);
            }
        }

        private Optional<RunSpec> runFor(String experiment, Map<String, ParamValue> point, int repeat, int repeats,
                long seed, Environment base) {
            try {
                return Optional.ofNullable(build(experiment, point, repeat, repeats, seed, base));
            } catch (Abort a) {
                return Optional.empty();
            }
        }

        private RunSpec build(String experiment, Map<String, ParamValue> point, int repeat, int repeats, long seed,
                Environment base) {
            Environment env = base;
            for (Map.Entry<String, ParamValue> e : point.entrySet()) {
                env = env.with(e.getKey(), e.getValue());
            }
            Environment dataEnv = withLets(env, true);
            Optional<DataSpec> ds = dataSpec(dataEnv);
            Optional<int[]> shape = shape(dataEnv, "");
            if (ds.isEmpty() || shape.isEmpty()) {
                throw new Abort();
            }
            int n = shape.get()[0];
            int d = shape.get()[1];
            int k = shape.get()[2];
            env = env.with("N", n).with("d", d);
            env = withLets(env, false);
            if (hasErrors()) {
                throw new Abort();
            }
            for (Map.Entry<String, ParamValue> e : point.entrySet()) {
                if (e.getKey().equals("N") && e.getValue() instanceof ParamValue.Num num && num.value() != n) {
                    error(data.get().position().start(), Codes.BAD_VALUE, "the sweep sets N = " + Numbers.format(
                            num.value()) + " but the data have " + n + " samples");
                    throw new Abort();
                }
            }
            NetworkSpec network = network(env, d, k);
            Optional<DataSpec> held = holdoutSpec(ds.get(), network, env);
            List<PluginChoice<Initializer>> inits = initializers(env);
            Statement.Train t = train.orElseThrow();
            PluginChoice<Optimizer> opt = choose(plugins.optimizers(), "optimizer", t.optimizer(), t.options(), env)
                    .orElseThrow(Abort::new);
            Axis axis = opt.provider() instanceof OptimizerProvider op ? op.axis() : Axis.STEP;
            StopRules stop = stopRules(env, t, axis);
            List<PluginChoice<Certificate>> certs = new ArrayList<>();
            for (Statement.Certify c : exp.all(Statement.Certify.class)) {
                for (Call call : c.certificates()) {
                    certs.add(choose(plugins.certificates(), "certificate", call, List.of(), env).orElseThrow(Abort::new));
                }
            }
            List<MonitorChoice> monitors = new ArrayList<>();
            List<double[]> everies = new ArrayList<>();
            boolean errorListed = exp.all(Statement.Monitor.class).stream().flatMap(m -> m.monitors().stream())
                    .anyMatch(c -> c.nameText().equals(ERROR_MONITOR));
            if (held.isPresent() && !errorListed) {
                // a holdout is measured by the error monitor: added when the script does not list it
                monitors.add(new MonitorChoice(PluginChoice.defaults(plugins.monitors().get(ERROR_MONITOR)),
                        1));
                everies.add(new double[] {0, Double.NaN});
            }
            for (Statement.Monitor m : exp.all(Statement.Monitor.class)) {
                double every = m.every().isPresent() ? evaluateKnown(m.every().get(), env) : Double.NaN;
                for (Call call : m.monitors()) {
                    if (plugins.monitors().find(call.nameText()).isPresent()) {
                        PluginChoice<Monitor> mc = choose(plugins.monitors(), "monitor", call, List.of(), env)
                                .orElseThrow(Abort::new);
                        monitors.add(new MonitorChoice(mc, 1));
                        everies.add(new double[] {monitors.size() - 1, every});
                    } else {
                        PluginChoice<Certificate> cc = choose(plugins.certificates(), "certificate", call, List.of(), env)
                                .orElseThrow(Abort::new);
                        if (certs.stream().noneMatch(c -> c.name().equals(cc.name()))) {
                            certs.add(cc);
                        }
                        everies.add(new double[] {-1, every});
                    }
                }
            }
            RecordSchedule schedule;
            if (axis == Axis.STEP) {
                long rec = Math.max(1, stop.maxSteps() / DEFAULT_RECORDS);
                for (double[] e : everies) {
                    if (!Double.isNaN(e[1])) {
                        rec = gcd(rec, Math.max(1, Math.round(e[1])));
                    }
                }
                schedule = RecordSchedule.everyStep(rec);
                List<MonitorChoice> adjusted = new ArrayList<>();
                for (int i = 0; i < monitors.size(); i++) {
                    long every = rec;
                    for (double[] e : everies) {
                        if (e[0] == i && !Double.isNaN(e[1])) {
                            every = Math.max(1, Math.round(e[1]));
                        }
                    }
                    adjusted.add(new MonitorChoice(monitors.get(i).monitor(), Math.max(1, every / rec)));
                }
                monitors = adjusted;
            } else {
                double dt = Double.isFinite(stop.maxTime()) ? stop.maxTime() / DEFAULT_RECORDS : 1;
                for (double[] e : everies) {
                    if (!Double.isNaN(e[1]) && e[1] > 0) {
                        dt = Math.min(dt, e[1]);
                    }
                }
                schedule = RecordSchedule.everyStep(1).withEveryTime(dt);
            }
            PluginChoice<Backend> backend = backend(env);
            LossReduction reduction = reduction();
            Path outputRoot = options.outputRoot().orElseGet(() -> exp.all(Statement.Output.class).stream().findFirst()
                    .map(o -> Path.of(o.path().value())).orElse(Path.of("runs")));
            Map<String, String> bindings = new LinkedHashMap<>();
            point.forEach((key, v) -> bindings.put(key, renderBinding(v)));
            if (repeats > 1) {
                bindings.put("repeat", Integer.toString(repeat));
            }
            String runId = runId(bindings);
            return new RunSpec(experiment, runId, bindings, seed, ds.get(), held, network, inits, opt, stop, schedule,
                    monitors, certs, backend, backendOrigin(), reduction, outputRoot, text);
        }

        private String renderBinding(ParamValue v) {
            if (v instanceof ParamValue.Text t) {
                return t.value();
            }
            return v.render();
        }

        private String runId(Map<String, String> bindings) {
            if (bindings.isEmpty()) {
                return "run";
            }
            List<String> parts = new ArrayList<>();
            bindings.forEach((k, v) -> parts.add(k.equals("repeat") ? "r" + v : k + "=" + v));
            String id = String.join("_", parts).replaceAll("[^A-Za-z0-9_.=+,-]", "-");
            return id.length() > 120 ? id.substring(0, 120) : id;
        }

        private NetworkSpec network(Environment env, int d, int k) {
            int depth = net.depth();
            int[] widths = new int[depth + 1];
            for (int l = 0; l <= depth; l++) {
                if (options.width().isPresent() && options.width().get().layer() == l) {
                    widths[l] = options.width().get().width();
                    continue;
                }
                Expr e = net.widths().get(l);
                double v = evaluateKnown(e, env);
                if (!Numbers.isWhole(v) || v < 1 || v > Integer.MAX_VALUE) {
                    error(e.position(), Codes.BAD_WIDTH, "width " + Numbers.format(v)
                            + " is not a positive whole number; use ceil, floor or round");
                    throw new Abort();
                }
                widths[l] = (int) Math.rint(v);
            }
            if (widths[0] != d) {
                error(net.widths().get(0).position(), Codes.BAD_WIDTH, "the input width is " + widths[0]
                        + " but the data have d = " + d + "; write 'net d -> ...' or " + d);
                throw new Abort();
            }
            if (widths[depth] != k) {
                error(net.widths().get(depth).position(), Codes.BAD_WIDTH, "the output width is " + widths[depth]
                        + " but the labels have " + k + " column" + (k == 1 ? "" : "s"));
                throw new Abort();
            }
            List<Optional<Configured<Activation>>> acts = new ArrayList<>();
            for (int l = 1; l <= depth; l++) {
                acts.add(Optional.empty());
            }
            for (Statement.Act a : exp.all(Statement.Act.class)) {
                for (LayerCall lc : a.entries()) {
                    if (lc.layers().isEmpty()) {
                        Configured<Activation> c = choose(plugins.activations(), "activation", lc.call(), List.of(), env)
                                .orElseThrow(Abort::new).create();
                        for (int l = 1; l < depth; l++) {
                            if (acts.get(l - 1).isEmpty()) {
                                acts.set(l - 1, Optional.of(c));
                            }
                        }
                    }
                }
                for (LayerCall lc : a.entries()) {
                    if (lc.layers().isPresent()) {
                        Configured<Activation> c = choose(plugins.activations(), "activation", lc.call(), List.of(), env)
                                .orElseThrow(Abort::new).create();
                        int[] r = layers(lc.layers().get(), env, depth);
                        for (int l = r[0]; l <= r[1]; l++) {
                            acts.set(l - 1, Optional.of(c));
                        }
                    }
                }
            }
            boolean[] bias = new boolean[depth + 1];
            for (Statement.Bias b : exp.all(Statement.Bias.class)) {
                int[] r = b.layers().isPresent() ? layers(b.layers().get(), env, depth) : new int[] {1, depth};
                for (int l = r[0]; l <= r[1]; l++) {
                    bias[l] = true;
                }
            }
            boolean[] frozen = new boolean[depth + 1];
            for (Statement.Freeze f : exp.all(Statement.Freeze.class)) {
                int[] r = layers(f.layers(), env, depth);
                for (int l = r[0]; l <= r[1]; l++) {
                    frozen[l] = true;
                }
            }
            double[] residualScale = new double[depth + 1];
            boolean[] residual = new boolean[depth + 1];
            for (Statement.Residual rs : exp.all(Statement.Residual.class)) {
                double scale = 1;
                for (Arg o : rs.options()) {
                    if (o.nameText().equals("scale") && o.value() instanceof Expr e) {
                        scale = evaluateKnown(e, env);
                    }
                }
                if (rs.layers().isPresent()) {
                    int[] r = layers(rs.layers().get(), env, depth);
                    for (int l = r[0]; l <= r[1]; l++) {
                        if (l == depth || widths[l - 1] != widths[l]) {
                            error(rs.layers().get().position(), Codes.BAD_LAYER, "residual layer " + l
                                    + (l == depth ? " is the linear output layer" : " needs equal input and output widths, got "
                                            + widths[l - 1] + " -> " + widths[l]));
                            throw new Abort();
                        }
                        residual[l] = true;
                        residualScale[l] = scale;
                    }
                } else {
                    for (int l = 1; l < depth; l++) {
                        if (widths[l - 1] == widths[l]) {
                            residual[l] = true;
                            residualScale[l] = scale;
                        }
                    }
                }
            }
            String parameterization = exp.all(Statement.Parameterization.class).stream().findFirst()
                    .map(p -> p.name().text()).orElse("standard");
            List<LayerSpec> layers = new ArrayList<>();
            for (int l = 1; l <= depth; l++) {
                Optional<Configured<Activation>> act = l == depth ? Optional.empty() : acts.get(l - 1);
                double branch = 1;
                if (residual[l]) {
                    branch = residualScale[l];
                } else if (parameterization.equals("ntk") && l < depth && act.isPresent()) {
                    branch = Math.sqrt(cSigma(act.get().instance()) / widths[l]);
                }
                layers.add(new LayerSpec(widths[l], act, bias[l], !frozen[l], residual[l], 1, branch));
            }
            try {
                return new NetworkSpec(widths[0], layers, parameterization);
            } catch (IllegalArgumentException e) {
                error(net.position().start(), Codes.BAD_VALUE, e.getMessage());
                throw new Abort();
            }
        }

        private int[] layers(LayerSelector sel, Environment env, int depth) {
            double a = evaluateKnown(sel.from(), env);
            double b = sel.to().isPresent() ? evaluateKnown(sel.to().get(), env) : a;
            if (!Numbers.isWhole(a) || !Numbers.isWhole(b) || a < 1 || b > depth || a > b) {
                error(sel.position(), Codes.BAD_LAYER, "layers must be whole numbers in 1.." + depth + ", got "
                        + Numbers.format(a) + (sel.to().isPresent() ? ".." + Numbers.format(b) : ""));
                throw new Abort();
            }
            return new int[] {(int) Math.rint(a), (int) Math.rint(b)};
        }

        private List<PluginChoice<Initializer>> initializers(Environment env) {
            int depth = net.depth();
            List<PluginChoice<Initializer>> out = new ArrayList<>();
            PluginChoice<Initializer> all = null;
            for (Statement.Init i : exp.all(Statement.Init.class)) {
                for (LayerCall lc : i.entries()) {
                    if (lc.layers().isEmpty()) {
                        all = choose(plugins.initializers(), "initializer", lc.call(), List.of(), env).orElseThrow(
                                Abort::new);
                    }
                }
            }
            if (all == null) {
                all = PluginChoice.defaults(plugins.initializers().get(DEFAULT_INIT));
            }
            for (int l = 1; l <= depth; l++) {
                out.add(all);
            }
            for (Statement.Init i : exp.all(Statement.Init.class)) {
                for (LayerCall lc : i.entries()) {
                    if (lc.layers().isPresent()) {
                        PluginChoice<Initializer> c = choose(plugins.initializers(), "initializer", lc.call(), List.of(),
                                env).orElseThrow(Abort::new);
                        int[] r = layers(lc.layers().get(), env, depth);
                        for (int l = r[0]; l <= r[1]; l++) {
                            out.set(l - 1, c);
                        }
                    }
                }
            }
            return out;
        }

        private StopRules stopRules(Environment env, Statement.Train t, Axis axis) {
            long steps = -1;
            double time = Double.POSITIVE_INFINITY;
            double loss = 0;
            double residual = 0;
            double wall = Double.POSITIVE_INFINITY;
            for (Statement.Stop s : exp.all(Statement.Stop.class)) {
                for (StopCondition c : s.conditions()) {
                    double v = evaluateKnown(c.value(), env);
                    switch (c.criterion().text()) {
                        case "loss" -> loss = v;
                        case "residual" -> residual = v;
                        case "steps" -> steps = Math.round(v);
                        case "time" -> wall = v * c.unit().map(u -> Checker.TIME_UNITS.getOrDefault(u.text(), 1.0))
                                .orElse(1.0);
                        default -> {
                            // the checker reported unknown criteria
                        }
                    }
                }
            }
            if (t.until().isPresent()) {
                double v = evaluateKnown(t.until().get().value(), env);
                if (t.until().get().variable().text().equals("t")) {
                    if (axis == Axis.STEP) {
                        error(t.until().get().position(), Codes.BAD_VALUE, t.optimizer().nameText()
                                + " counts steps, not time; write 'stop steps " + Numbers.format(v) + "' or 'until steps="
                                + Numbers.format(v) + "'");
                        throw new Abort();
                    }
                    time = v;
                } else {
                    steps = Math.round(v);
                }
            }
            if (axis == Axis.TIME && Double.isInfinite(time)) {
                error(t.position().start(), Codes.MISSING_STATEMENT, t.optimizer().nameText()
                        + " integrates in time and needs a horizon: add 'until t=50' to the train statement");
                throw new Abort();
            }
            if (steps < 0) {
                steps = axis == Axis.STEP ? DEFAULT_STEPS : CONTINUOUS_STEP_BUDGET;
            }
            return new StopRules(steps, time, loss, residual, wall);
        }

        private PluginChoice<Backend> backend(Environment env) {
            PluginChoice<Backend> b;
            if (options.backend().isPresent()) {
                String name = options.backend().get();
                Optional<org.gdcert.core.spi.BackendProvider> p = plugins.backends().find(name);
                if (p.isEmpty() || !p.get().availability().available()) {
                    error(SourcePosition.at(file, 1, 1), Codes.BAD_VALUE, p.isEmpty() ? "unknown backend '" + name + "'"
                            + Suggestions.didYouMean(name, plugins.backends().names()) + " (from --backend)"
                            : "backend '" + name + "' is not available here: " + p.get().availability().reason());
                    throw new Abort();
                }
                b = PluginChoice.defaults(p.get());
            } else {
                Optional<Statement.Backend> st = exp.all(Statement.Backend.class).stream().findFirst();
                if (st.isPresent()) {
                    b = choose(plugins.backends(), "backend", st.get().backend(), List.of(), env).orElseThrow(Abort::new);
                } else {
                    b = defaultBackend().orElseThrow(() -> {
                        error(SourcePosition.at(file, 1, 1), Codes.MISSING_STATEMENT, "no backend is installed");
                        return new Abort();
                    });
                }
            }
            if (options.threads().isPresent() && b.params().schema().find("threads").isPresent()) {
                b = b.with("threads", new ParamValue.Num(options.threads().getAsInt(), true));
            }
            return b;
        }

        /** How {@link #backend} chose: the command line, the script, or the default. */
        private String backendOrigin() {
            if (options.backend().isPresent()) {
                return "command line (--backend)";
            }
            if (!exp.all(Statement.Backend.class).isEmpty()) {
                return "script (backend statement)";
            }
            return "default: the fastest available backend (vector, else java)";
        }

        private LossReduction reduction() {
            return exp.all(Statement.Loss.class).stream().findFirst().map(l -> switch (l.reduction().text()) {
                case "mean" -> LossReduction.MEAN;
                case "sum" -> LossReduction.SUM;
                default -> LossReduction.SUM_HALF;
            }).orElse(LossReduction.SUM_HALF);
        }
    }

    /** The preferred available backend: vector, then java, then any. */
    public Optional<PluginChoice<Backend>> defaultBackend() {
        for (String name : List.of("vector", "java")) {
            Optional<org.gdcert.core.spi.BackendProvider> p = plugins.backends().find(name);
            if (p.isPresent() && p.get().availability().available()) {
                return Optional.of(PluginChoice.defaults(p.get()));
            }
        }
        return plugins.backends().providers().stream().filter(p -> p.availability().available()).findFirst()
                .map(PluginChoice::defaults);
    }

    /** c_σ = 1 / E[σ(z)²], z ~ N(0, 1): the closed form when the activation has one, else Gauss–Hermite. */
    static double cSigma(Activation a) {
        OptionalDouble closed = a.gaussianPairExpectation(1, 1, 1);
        double m2;
        if (closed.isPresent()) {
            m2 = closed.getAsDouble();
        } else {
            GaussHermite.Rule r = GaussHermite.standardNormal(C_SIGMA_NODES);
            m2 = 0;
            for (int i = 0; i < r.nodes().length; i++) {
                double v = a.value(r.nodes()[i]);
                m2 += r.weights()[i] * v * v;
            }
        }
        return 1 / m2;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** For messages: {@code eta=auto}. */
    static String render(List<Argument> args) {
        List<String> s = new ArrayList<>();
        for (Argument a : args) {
            s.add(a.name().map(n -> n + "=").orElse("") + a.value().render());
        }
        return String.join(", ", s).toLowerCase(Locale.ROOT);
    }
}
