package org.gdcert.dsl.width;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gdcert.core.json.Json;
import org.gdcert.core.run.ExperimentPlan;
import org.gdcert.core.run.PlanExecutor;
import org.gdcert.core.run.ResultWriter;
import org.gdcert.core.run.RunSpec;
import org.gdcert.dsl.ast.Expr;
import org.gdcert.dsl.ast.Statement;
import org.gdcert.dsl.compile.Compilation;
import org.gdcert.dsl.parser.DslParser;
import org.gdcert.dsl.parser.ParseResult;
import org.gdcert.dsl.plot.SavedReports;
import org.gdcert.dsl.plot.WidthPlot;

/**
 * Finds, for each point of a script (each N of a sweep over N, or the single N), the smallest
 * width of one hidden layer at which training reaches the script's loss or residual target in at
 * least a given fraction of R seeds. The script is compiled once per candidate width with the
 * layer's width overridden ({@link org.gdcert.dsl.compile.CompileOptions#withWidth}), so
 * everything that depends on the width follows. Each point's search is a {@link Bracket}; the
 * points advance together, one candidate each per round, and a round's runs execute in parallel
 * through the {@link PlanExecutor}, so a search interrupted and started again skips the runs it
 * already has. Runs go to {@code <experiment>/find-width/<point>_w=<width>_r<seed>/}.
 */
public final class WidthFinder {
    /** The folder (inside the experiment's) that holds the search. */
    public static final String FOLDER = "find-width";
    /** The table of the answers. */
    public static final String CSV = org.gdcert.dsl.plot.Plotter.FIND_WIDTH_TABLE;
    private final PlanExecutor executor;

    public WidthFinder(PlanExecutor executor) {
        this.executor = Objects.requireNonNull(executor);
    }

    /** Compiles the script with the layer's width set. */
    @FunctionalInterface
    public interface WidthCompiler {
        Compilation compile(int width);
    }

    /** Hears about the search. */
    public interface Listener {
        /** A round of {@code runs} runs starts; the returned listener follows its runs. */
        default PlanExecutor.Listener round(int round, int runs) {
            return new PlanExecutor.Listener() {
            };
        }

        /** A round ended. */
        default void roundEnded() {
        }

        /** One width was tried at one point. */
        default void tried(PointResult point, WidthPlot.Trial trial) {
        }
    }

    /**
     * How to search.
     *
     * @param layer the hidden layer whose width is searched (1..L−1)
     * @param repeats seeds per width (R)
     * @param fraction the fraction of the R runs that must reach the target
     * @param min the smallest width considered
     * @param max the largest width considered
     * @param resolution stop when the bracket is at most this fraction of the width (0: exact)
     * @param threads threads for each round's runs
     */
    public record Settings(int layer, int repeats, double fraction, int min, int max, double resolution, int threads) {
        public Settings {
            if (layer < 1) {
                throw new IllegalArgumentException("--layer must be at least 1, got " + layer);
            }
            if (repeats < 1) {
                throw new IllegalArgumentException("--repeats must be at least 1, got " + repeats);
            }
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("--fraction must be in (0, 1], got " + fraction);
            }
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("need 1 <= --min <= --max, got " + min + " and " + max);
            }
            if (!(resolution >= 0 && resolution < 1)) {
                throw new IllegalArgumentException("--resolution must be in [0, 1), got " + resolution);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }

        /** Runs out of R that must converge. */
        public int needed() {
            return (int) Math.ceil(fraction * repeats - 1e-9);
        }
    }

    /**
     * The search at one point.
     *
     * @param key the point's sweep values (without the width variable and {@code repeat})
     * @param samples N, once a run has reported it
     * @param bracket the search
     * @param trials the widths tried, in order
     * @param requirements the certificates' width requirements found in the point's runs
     * @param errors runs that could not start, with why
     */
    public record PointResult(Map<String, String> key, OptionalInt samples, Bracket bracket,
            List<WidthPlot.Trial> trials, List<WidthPlot.Found> requirements, List<String> errors) {
        /** {@code N=50, m=3} or {@code (the script)}. */
        public String label() {
            if (key.isEmpty()) {
                return "(the script)";
            }
            List<String> parts = new ArrayList<>();
            key.forEach((k, v) -> parts.add(k + "=" + v));
            return String.join(", ", parts);
        }
    }

    /**
     * What the search found.
     *
     * @param directory the search's folder
     * @param points the points, in the script's order
     * @param variables the sweep variables of the points
     * @param runs every run executed or found, in order (the trials table's rows)
     * @param cancelled whether the search was interrupted
     * @param error why the search stopped early, if it did
     */
    public record Result(Path directory, List<PointResult> points, List<String> variables, List<RunSpec> runs,
            boolean cancelled, Optional<String> error) {
    }

    /** The sweep variable the layer's width is written as ({@code net d -> m -> 1} with {@code sweep m}), if any. */
    public static Optional<String> widthVariable(ExperimentPlan base, int layer) {
        ParseResult parsed = new DslParser().parse(base.scriptFile().toString(), base.source());
        if (parsed.hasErrors()) {
            return Optional.empty();
        }
        Optional<Statement.Net> net = parsed.experiment().all(Statement.Net.class).stream().findFirst();
        if (net.isEmpty() || layer >= net.get().widths().size()) {
            return Optional.empty();
        }
        if (net.get().widths().get(layer) instanceof Expr.Ref ref && base.sweepVariables().contains(ref.name())
                && !ref.name().equals("N")) {
            return Optional.of(ref.name());
        }
        return Optional.empty();
    }

    /** Runs the search. {@code base} is the script compiled as written (its points and start widths). */
    public Result find(ExperimentPlan base, WidthCompiler compiler, Settings s, Listener listener,
            AtomicBoolean cancelled) {
        RunSpec first = base.runs().get(0);
        if (first.stop().lossBelow() <= 0 && first.stop().residualBelow() <= 0) {
            throw new IllegalArgumentException("the script has no target to converge to: add 'stop loss < 1e-6' "
                    + "(or 'stop residual < ...')");
        }
        if (s.layer() >= first.network().depth()) {
            throw new IllegalArgumentException("the net has hidden layers 1.." + (first.network().depth() - 1)
                    + "; --layer " + s.layer() + " is not one of them");
        }
        Optional<String> widthVar = widthVariable(base, s.layer());
        Path root = base.directory();
        Path dir = root.resolve(FOLDER);
        // the points, with the script's own width as the start
        Map<Map<String, String>, Integer> starts = new LinkedHashMap<>();
        for (RunSpec r : base.runs()) {
            starts.putIfAbsent(key(r, widthVar), r.network().width(s.layer()));
        }
        List<String> variables = new ArrayList<>();
        starts.keySet().stream().findFirst().ifPresent(k -> variables.addAll(k.keySet()));
        List<Mutable> points = new ArrayList<>();
        starts.forEach((k, w) -> points.add(new Mutable(k, new Bracket(w, s.min(), s.max(), s.resolution()))));
        List<String> tableVars = new ArrayList<>(variables);
        tableVars.add("width");
        tableVars.add("repeat");
        List<RunSpec> all = new ArrayList<>();
        Map<Integer, ExperimentPlan> compiled = new TreeMap<>();
        Optional<String> error = Optional.empty();
        int round = 0;
        while (!cancelled.get()) {
            Map<Mutable, Integer> wanted = new LinkedHashMap<>();
            for (Mutable p : points) {
                p.bracket.next().ifPresent(w -> wanted.put(p, w));
            }
            if (wanted.isEmpty()) {
                break;
            }
            List<RunSpec> runs = new ArrayList<>();
            Map<Mutable, List<RunSpec>> byPoint = new LinkedHashMap<>();
            for (Map.Entry<Mutable, Integer> e : wanted.entrySet()) {
                int w = e.getValue();
                ExperimentPlan plan = compiled.get(w);
                if (plan == null) {
                    Compilation c = compiler.compile(w);
                    if (!c.ok()) {
                        error = Optional.of("with width " + w + " the script does not compile:\n" + c.formatted());
                        break;
                    }
                    plan = c.plan().orElseThrow();
                    compiled.put(w, plan);
                }
                Mutable p = e.getKey();
                Optional<RunSpec> spec = plan.runs().stream().filter(r -> key(r, widthVar).equals(p.key)).findFirst();
                if (spec.isEmpty()) {
                    error = Optional.of("with width " + w + " the script has no run at " + label(p.key));
                    break;
                }
                List<RunSpec> mine = new ArrayList<>();
                for (int r = 0; r < s.repeats(); r++) {
                    Map<String, String> bindings = new LinkedHashMap<>(p.key);
                    bindings.put("width", Integer.toString(w));
                    bindings.put("repeat", Integer.toString(r));
                    String id = runId(p.key, w, r);
                    RunSpec run = spec.get().withSeed(spec.get().seed() + r).withOutputRoot(root)
                            .withExperiment(FOLDER).withRunId(id, bindings);
                    mine.add(run);
                }
                runs.addAll(mine);
                byPoint.put(p, mine);
            }
            if (error.isPresent()) {
                break;
            }
            round++;
            ExperimentPlan plan = new ExperimentPlan(FOLDER, base.scriptFile(), base.source(), tableVars, runs);
            PlanExecutor.PlanResult pr = executor.execute(plan, new PlanExecutor.Options(s.threads(), true),
                    listener.round(round, runs.size()), cancelled);
            listener.roundEnded();
            if (cancelled.get()) {
                break;
            }
            Map<String, PlanExecutor.Outcome> outcomes = new LinkedHashMap<>();
            pr.outcomes().forEach(o -> outcomes.put(o.spec().runId(), o));
            all.addAll(runs);
            for (Map.Entry<Mutable, List<RunSpec>> e : byPoint.entrySet()) {
                Mutable p = e.getKey();
                int w = wanted.get(p);
                int ok = 0;
                for (RunSpec r : e.getValue()) {
                    PlanExecutor.Outcome o = outcomes.get(r.runId());
                    if (o != null && o.error().isPresent()) {
                        p.errors.add(r.runId() + ": " + o.error().get());
                        continue;
                    }
                    Map<String, Object> summary = summary(r.directory());
                    String reason = String.valueOf(summary.get("stop_reason"));
                    if (reason.equals("LOSS_BELOW") || reason.equals("RESIDUAL_BELOW")) {
                        ok++;
                    }
                    double n = number(summary.get("samples"));
                    if (Double.isFinite(n) && p.samples.isEmpty()) {
                        p.samples = OptionalInt.of((int) n);
                    }
                    p.requirements.addAll(WidthPlot.requirements(certificates(r.directory())));
                }
                WidthPlot.Trial trial = new WidthPlot.Trial(p.samples.orElse(0), w, ok, s.repeats());
                p.trials.add(trial);
                p.bracket.record(w, ok >= s.needed());
                listener.tried(p.freeze(), trial);
            }
            PlanExecutor.writeResults(new ExperimentPlan(FOLDER, base.scriptFile(), base.source(), tableVars, all));
        }
        List<PointResult> results = points.stream().map(Mutable::freeze).toList();
        return new Result(dir, results, variables, all, cancelled.get(), error);
    }

    /** A point's sweep values: the run's bindings without {@code repeat} and the width variable. */
    static Map<String, String> key(RunSpec r, Optional<String> widthVar) {
        Map<String, String> k = new LinkedHashMap<>(r.bindings());
        k.remove("repeat");
        widthVar.ifPresent(k::remove);
        return k;
    }

    static String label(Map<String, String> key) {
        List<String> parts = new ArrayList<>();
        key.forEach((k, v) -> parts.add(k + "=" + v));
        return parts.isEmpty() ? "(the script)" : String.join(", ", parts);
    }

    /** {@code N=50_w=120_r0}: safe as a folder name. */
    static String runId(Map<String, String> key, int width, int repeat) {
        StringBuilder sb = new StringBuilder();
        key.forEach((k, v) -> sb.append(k).append('=').append(v).append('_'));
        sb.append("w=").append(width).append("_r").append(repeat);
        String id = sb.toString().replaceAll("[^A-Za-z0-9_.=+,-]", "-");
        return id.length() > 120 ? id.substring(id.length() - 120) : id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(Path dir) {
        try {
            Object o = Json.parse(Files.readString(dir.resolve(ResultWriter.SUMMARY), StandardCharsets.UTF_8));
            return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static List<org.gdcert.core.cert.CertificateReport> certificates(Path dir) {
        try {
            return SavedReports.reports(Json.parse(Files.readString(dir.resolve("certificates.json"),
                    StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static double number(Object o) {
        try {
            return Json.asDouble(o);
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** A point's search while it runs. */
    private static final class Mutable {
        final Map<String, String> key;
        final Bracket bracket;
        final List<WidthPlot.Trial> trials = new ArrayList<>();
        final List<WidthPlot.Found> requirements = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        OptionalInt samples = OptionalInt.empty();

        Mutable(Map<String, String> key, Bracket bracket) {
            this.key = key;
            this.bracket = bracket;
        }

        PointResult freeze() {
            return new PointResult(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(key)), samples, bracket,
                    List.copyOf(trials), List.copyOf(requirements),
                    List.copyOf(errors));
        }
    }
}
