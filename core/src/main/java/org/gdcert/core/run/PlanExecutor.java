package org.gdcert.core.run;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gdcert.core.json.Json;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.ParamValue;

/**
 * Executes a plan: one run on all threads, or many runs in parallel on a pool sized to the
 * threads (each run single-threaded when there are more runs than threads). Resumable: a run
 * whose folder holds a {@code summary.json} written for the same specification is skipped; a
 * folder without one (a run killed half-way) or whose summary says it was cancelled (Ctrl-C) is
 * cleared and run again. Once cancelled, runs that have not started are not started. {@code
 * results.csv} is rebuilt from the summaries after every finished run, so nothing is lost or
 * counted twice.
 */
public final class PlanExecutor {
    /** The file in each run folder holding the hash of the run's specification. */
    public static final String SPEC_HASH = "spec.sha256";
    /** The aggregate table of a sweep. */
    public static final String RESULTS = "results.csv";
    /** The error of a run that was not started because the plan was cancelled. */
    public static final String NOT_STARTED = "cancelled before it started";
    private final Runner runner;

    @Inject
    public PlanExecutor(Runner runner) {
        this.runner = runner;
    }

    /** How a plan is executed. */
    public record Options(int threads, boolean resume) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
        }

        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), true);
        }
    }

    /** Hears about the plan as a whole. */
    public interface Listener extends RunListener {
        /** A run was skipped because its results are already there. */
        default void skipped(RunSpec run) {
        }

        /** A run finished (or failed to start: then {@code error} is present). */
        default void finished(RunSpec run, Optional<RunResult> result, Optional<String> error, int done, int total) {
        }
    }

    /** What became of each run. */
    public record Outcome(RunSpec spec, Optional<RunResult> result, boolean skipped, Optional<String> error) {
    }

    /** The outcomes, in plan order, and the aggregate table's path (for sweeps). */
    public record PlanResult(ExperimentPlan plan, List<Outcome> outcomes, Optional<Path> results) {
        /** Whether every run completed (or was already complete). */
        public boolean allSucceeded() {
            return outcomes.stream().allMatch(o -> o.skipped()
                    || (o.error().isEmpty() && o.result().map(r -> r.status().isSuccess()).orElse(false)));
        }
    }

    public PlanResult execute(ExperimentPlan plan, Options options, Listener listener, AtomicBoolean cancelled) {
        List<RunSpec> runs = plan.runs();
        int total = runs.size();
        int parallel = Math.min(options.threads(), total);
        List<RunSpec> prepared = new ArrayList<>();
        for (RunSpec r : runs) {
            int perRun = total == 1 ? options.threads() : Math.max(1, options.threads() / parallel);
            prepared.add(r.withBackend(withThreads(r.backend(), perRun)));
        }
        Outcome[] outcomes = new Outcome[total];
        removeStaleTemporaries(plan.directory());
        AtomicInteger done = new AtomicInteger();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            RunSpec r = prepared.get(i);
            Path dir = r.directory();
            String hash = specHash(r);
            if (options.resume() && isFinished(dir, hash)) {
                outcomes[i] = new Outcome(r, Optional.empty(), true, Optional.empty());
                done.incrementAndGet();
                listener.skipped(r);
            } else {
                todo.add(i);
            }
        }
        if (!todo.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(parallel, job -> {
                Thread t = new Thread(job, "gdcert-run");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i : todo) {
                    futures.add(pool.submit(() -> {
                        RunSpec r = prepared.get(i);
                        if (cancelled.get()) {
                            // stopped before this run began: leave its folder alone, the next run of the plan does it
                            outcomes[i] = new Outcome(r, Optional.empty(), false, Optional.of(NOT_STARTED));
                            return;
                        }
                        Outcome o = runOne(r, listener, cancelled);
                        outcomes[i] = o;
                        int d = done.incrementAndGet();
                        listener.finished(r, o.result(), o.error(), d, total);
                        if (plan.isSweep()) {
                            writeResults(plan);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        cancelled.set(true);
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        Optional<Path> results = Optional.empty();
        if (plan.isSweep()) {
            results = Optional.of(writeResults(plan));
        }
        return new PlanResult(plan, List.of(outcomes), results);
    }

    private Outcome runOne(RunSpec r, Listener listener, AtomicBoolean cancelled) {
        Path dir = r.directory();
        try {
            clear(dir);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(SPEC_HASH), specHash(r) + "\n", StandardCharsets.UTF_8);
            RunResult res = runner.run(r, listener, cancelled::get);
            return new Outcome(r, Optional.of(res), false, Optional.empty());
        } catch (RunException e) {
            // nothing but the hash was written (RunException comes before any result): leave no husk
            deleteQuietly(dir);
            return new Outcome(r, Optional.empty(), false, Optional.of(e.getMessage()));
        } catch (IOException e) {
            return new Outcome(r, Optional.empty(), false, Optional.of("cannot write " + dir + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            return new Outcome(r, Optional.empty(), false, Optional.of(e.toString()));
        }
    }

    private static PluginChoice<Backend> withThreads(PluginChoice<Backend> b, int threads) {
        if (b.params().schema().find("threads").isEmpty() || b.params().isGiven("threads")) {
            return b;
        }
        return b.with("threads", new ParamValue.Num(threads, true));
    }

    /**
     * Whether {@code dir} holds a finished run of the specification with this hash: a summary whose
     * status is not {@code CANCELLED} (a run stopped from outside is not finished).
     */
    public static boolean isFinished(Path dir, String hash) {
        try {
            Path summary = dir.resolve(ResultWriter.SUMMARY);
            if (!Files.exists(summary) || !Files.exists(dir.resolve(SPEC_HASH))
                    || !Files.readString(dir.resolve(SPEC_HASH)).trim().equals(hash)) {
                return false;
            }
            Object parsed = Json.parse(Files.readString(summary));
            return parsed instanceof Map<?, ?> m && !RunStatus.CANCELLED.name().equals(m.get("status"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            clear(dir);
        } catch (IOException e) {
            // a leftover folder is cleared by the next run of the plan
        }
    }

    /** Removes temporary files of atomic writes that a killed process left in the plan's folder. */
    private static void removeStaleTemporaries(Path planDir) {
        if (!Files.isDirectory(planDir)) {
            return;
        }
        try (Stream<Path> s = Files.list(planDir)) {
            for (Path p : s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("." + RESULTS + ".") && n.endsWith(".tmp");
            }).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // harmless: a stale temporary file is only clutter
        }
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * A hash of everything that determines a run's numbers (not of where or how fast it runs):
     * the script, the run's bindings and seed, and every resolved plugin choice.
     */
    public static String specHash(RunSpec r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.experiment()).append('\n').append(r.runId()).append('\n').append(r.bindings()).append('\n')
                .append(r.seed()).append('\n').append(r.data()).append('\n').append(r.network().widthsText())
                .append('\n').append(r.network()).append('\n').append(r.initializers()).append('\n')
                .append(r.optimizer()).append('\n').append(r.stop()).append('\n').append(r.schedule()).append('\n')
                .append(r.monitors()).append('\n').append(r.certificates()).append('\n').append(r.backend().name())
                .append('\n').append(r.backend().params().asMap().getOrDefault("precision",
                        new ParamValue.Word("double")).render())
                .append('\n').append(r.reduction()).append('\n').append(r.source());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rebuilds {@code results.csv} from the finished runs' summaries: one row per run with the sweep
     * variables, seed, status, verdicts, initial and final loss, steps, whether it converged, time;
     * then the columns a sweep is usually plotted by ({@link #writeResults} reads them from the run
     * folder, see {@link Extras}): the relative residual at the end, the step size, each
     * certificate's condition slacks and step-size bound, and each monitor's final value.
     */
    public static synchronized Path writeResults(ExperimentPlan plan) {
        Set<String> checkers = new LinkedHashSet<>();
        List<Map<String, Object>> summaries = new ArrayList<>();
        List<RunSpec> specs = new ArrayList<>();
        List<Map<String, String>> extras = new ArrayList<>();
        Set<String> extraColumns = new LinkedHashSet<>();
        for (RunSpec r : plan.runs()) {
            Path s = r.directory().resolve(ResultWriter.SUMMARY);
            if (!Files.exists(s)) {
                continue;
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) Json.parse(Files.readString(s));
                Map<String, String> x = Extras.of(r.directory(), m);
                summaries.add(m);
                specs.add(r);
                extras.add(x);
                extraColumns.addAll(x.keySet());
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> certs = (List<Map<String, Object>>) m.getOrDefault("certificates", List.of());
                for (Map<String, Object> c : certs) {
                    checkers.add(String.valueOf(c.get("checker")));
                }
            } catch (IOException | RuntimeException e) {
                // a summary being rewritten right now: it will be picked up by the next rebuild
            }
        }
        StringBuilder sb = new StringBuilder("run");
        for (String v : plan.sweepVariables()) {
            sb.append(',').append(v);
        }
        sb.append(",seed,status");
        for (String c : checkers) {
            sb.append(",verdict_").append(c);
        }
        sb.append(",initial_loss,final_loss,steps,converged,wall_seconds");
        for (String c : Extras.ordered(extraColumns)) {
            sb.append(',').append(c);
        }
        sb.append('\n');
        for (int i = 0; i < summaries.size(); i++) {
            Map<String, Object> m = summaries.get(i);
            RunSpec r = specs.get(i);
            sb.append(r.runId());
            for (String v : plan.sweepVariables()) {
                sb.append(',').append(r.binding(v).orElse(""));
            }
            sb.append(',').append(r.seed()).append(',').append(m.get("status"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> certs = (List<Map<String, Object>>) m.getOrDefault("certificates", List.of());
            for (String c : checkers) {
                String verdict = certs.stream().filter(x -> c.equals(x.get("checker"))).map(x -> String.valueOf(
                        x.get("verdict"))).findFirst().orElse("");
                sb.append(',').append(verdict);
            }
            sb.append(',').append(num(Json.asDouble(m.get("initial_loss"))));
            sb.append(',').append(num(Json.asDouble(m.get("final_loss"))));
            sb.append(',').append(m.get("steps"));
            sb.append(',').append(converged(r, m));
            sb.append(',').append(num(Json.asDouble(m.get("wall_seconds"))));
            for (String c : Extras.ordered(extraColumns)) {
                sb.append(',').append(extras.get(i).getOrDefault(c, ""));
            }
            sb.append('\n');
        }
        Path out = plan.directory().resolve(RESULTS);
        ResultWriter.writeAtomically(out, o -> o.write(sb.toString().getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    /** yes / no when the run had a loss or residual target; n/a otherwise. */
    private static String converged(RunSpec r, Map<String, Object> summary) {
        if (r.stop().lossBelow() <= 0 && r.stop().residualBelow() <= 0) {
            return "n/a";
        }
        Object reason = summary.get("stop_reason");
        return "LOSS_BELOW".equals(reason) || "RESIDUAL_BELOW".equals(reason) ? "yes" : "no";
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** For tests and tools: removes a directory tree. */
    static void deleteTree(Path dir) {
        try {
            clear(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
