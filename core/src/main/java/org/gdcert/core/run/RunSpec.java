package org.gdcert.core.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gdcert.core.engine.NetworkSpec;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Certificate;
import org.gdcert.core.spi.Initializer;
import org.gdcert.core.spi.Optimizer;
import org.gdcert.core.train.LossReduction;
import org.gdcert.core.train.RecordSchedule;
import org.gdcert.core.train.StopRules;

/**
 * One concrete run, fully resolved: everything needed to reproduce it. A plan's sweeps and repeats
 * expand into many of these.
 *
 * @param experiment the experiment's name (the script's file name without {@code .exp})
 * @param runId the run's folder name inside the experiment folder ({@code run}, {@code m=200_r3})
 * @param bindings the sweep variables (and {@code repeat}) of this run with their values as text, in order
 * @param seed the master seed (data, init and sampling use independent streams of it)
 * @param data the data and labels
 * @param holdout held-out data the network is evaluated on but not trained on (the {@code error}
 *     monitor's {@code holdout_loss} and {@code holdout_error}); without labels of its own it takes
 *     the training data's label source, and without one the source's own targets
 * @param network the architecture
 * @param initializers the initializer of each layer 1..L
 * @param optimizer the optimizer; its step size may still be the word {@code auto} or {@code certified}
 * @param stop the stop rules
 * @param schedule which iterates to record
 * @param monitors extra monitors
 * @param certificates the checkers to assess on θ0 (and to monitor along training)
 * @param backend the compute backend
 * @param backendOrigin how the backend was chosen ({@code script}, {@code command line}, or
 *     {@code default: the fastest available}), for provenance
 * @param reduction the loss reduction
 * @param outputRoot the folder experiments are written under ({@code runs/})
 * @param source the script text, written beside the results
 */
public record RunSpec(
        String experiment,
        String runId,
        Map<String, String> bindings,
        long seed,
        DataSpec data,
        Optional<DataSpec> holdout,
        NetworkSpec network,
        List<PluginChoice<Initializer>> initializers,
        PluginChoice<Optimizer> optimizer,
        StopRules stop,
        RecordSchedule schedule,
        List<MonitorChoice> monitors,
        List<PluginChoice<Certificate>> certificates,
        PluginChoice<Backend> backend,
        String backendOrigin,
        LossReduction reduction,
        Path outputRoot,
        String source) {

    public RunSpec {
        Objects.requireNonNull(experiment);
        Objects.requireNonNull(runId);
        bindings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
        Objects.requireNonNull(data);
        Objects.requireNonNull(holdout);
        Objects.requireNonNull(network);
        initializers = List.copyOf(initializers);
        Objects.requireNonNull(optimizer);
        Objects.requireNonNull(stop);
        Objects.requireNonNull(schedule);
        monitors = List.copyOf(monitors);
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(backend);
        Objects.requireNonNull(backendOrigin);
        Objects.requireNonNull(reduction);
        Objects.requireNonNull(outputRoot);
        Objects.requireNonNull(source);
        if (initializers.size() != network.depth()) {
            throw new IllegalArgumentException("need one initializer per layer: " + initializers.size() + " for "
                    + network.depth() + " layers");
        }
        if (!runId.matches("[A-Za-z0-9_.=+,-]+")) {
            throw new IllegalArgumentException("run id must be a safe folder name: " + runId);
        }
    }

    /** A run without held-out data. */
    public RunSpec(String experiment, String runId, Map<String, String> bindings, long seed, DataSpec data,
            NetworkSpec network, List<PluginChoice<Initializer>> initializers, PluginChoice<Optimizer> optimizer,
            StopRules stop, RecordSchedule schedule, List<MonitorChoice> monitors,
            List<PluginChoice<Certificate>> certificates, PluginChoice<Backend> backend, String backendOrigin,
            LossReduction reduction, Path outputRoot, String source) {
        this(experiment, runId, bindings, seed, data, Optional.empty(), network, initializers, optimizer, stop,
                schedule, monitors, certificates, backend, backendOrigin, reduction, outputRoot, source);
    }

    /** The folder this run writes to: outputRoot/experiment/runId. */
    public Path directory() {
        return outputRoot.resolve(experiment).resolve(runId);
    }

    public RunSpec withOptimizer(PluginChoice<Optimizer> o) {
        return new RunSpec(experiment, runId, bindings, seed, data, holdout, network, initializers, o, stop, schedule, monitors,
                certificates, backend, backendOrigin, reduction, outputRoot, source);
    }

    /** The same run on another backend, chosen as {@code origin} says. */
    public RunSpec withBackend(PluginChoice<Backend> b, String origin) {
        return new RunSpec(experiment, runId, bindings, seed, data, holdout, network, initializers, optimizer, stop, schedule,
                monitors, certificates, b, origin, reduction, outputRoot, source);
    }

    public RunSpec withBackend(PluginChoice<Backend> b) {
        return new RunSpec(experiment, runId, bindings, seed, data, holdout, network, initializers, optimizer, stop, schedule,
                monitors, certificates, b, backendOrigin, reduction, outputRoot, source);
    }

    public RunSpec withSeed(long s) {
        return new RunSpec(experiment, runId, bindings, s, data, holdout, network, initializers, optimizer, stop, schedule,
                monitors, certificates, backend, backendOrigin, reduction, outputRoot, source);
    }

    public RunSpec withOutputRoot(Path root) {
        return new RunSpec(experiment, runId, bindings, seed, data, holdout, network, initializers, optimizer, stop, schedule,
                monitors, certificates, backend, backendOrigin, reduction, root, source);
    }

    /** The same run with (or without) held-out data. */
    public RunSpec withHoldout(Optional<DataSpec> h) {
        return new RunSpec(experiment, runId, bindings, seed, data, h, network, initializers, optimizer, stop, schedule,
                monitors, certificates, backend, backendOrigin, reduction, outputRoot, source);
    }

    public RunSpec withStop(StopRules s) {
        return new RunSpec(experiment, runId, bindings, seed, data, holdout, network, initializers, optimizer, s, schedule,
                monitors, certificates, backend, backendOrigin, reduction, outputRoot, source);
    }

    public RunSpec withExperiment(String name) {
        return new RunSpec(name, runId, bindings, seed, data, holdout, network, initializers, optimizer, stop, schedule, monitors,
                certificates, backend, backendOrigin, reduction, outputRoot, source);
    }

    public RunSpec withRunId(String id, Map<String, String> b) {
        return new RunSpec(experiment, id, b, seed, data, holdout, network, initializers, optimizer, stop, schedule, monitors,
                certificates, backend, backendOrigin, reduction, outputRoot, source);
    }

    public static Builder builder(String experiment) {
        return new Builder(experiment);
    }

    /** For embedding: build a run in Java without a script. */
    public static final class Builder {
        private final String experiment;
        private String runId = "run";
        private Map<String, String> bindings = new LinkedHashMap<>();
        private long seed = 1;
        private DataSpec data;
        private DataSpec holdout;
        private NetworkSpec network;
        private List<PluginChoice<Initializer>> initializers = new ArrayList<>();
        private PluginChoice<Initializer> defaultInitializer;
        private PluginChoice<Optimizer> optimizer;
        private StopRules stop = StopRules.DEFAULT;
        private RecordSchedule schedule = RecordSchedule.everyStep(1);
        private final List<MonitorChoice> monitors = new ArrayList<>();
        private final List<PluginChoice<Certificate>> certificates = new ArrayList<>();
        private PluginChoice<Backend> backend;
        private LossReduction reduction = LossReduction.SUM_HALF;
        private Path outputRoot = Path.of("runs");
        private String source = "";

        private Builder(String experiment) {
            this.experiment = experiment;
        }

        public Builder runId(String id) {
            this.runId = id;
            return this;
        }

        public Builder bindings(Map<String, String> b) {
            this.bindings = new LinkedHashMap<>(b);
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder data(DataSpec d) {
            this.data = d;
            return this;
        }

        /** Held-out data, evaluated by the {@code error} monitor. */
        public Builder holdout(DataSpec h) {
            this.holdout = h;
            return this;
        }

        public Builder network(NetworkSpec n) {
            this.network = n;
            return this;
        }

        /** The same initializer for every layer (unless {@link #initializers} is given). */
        public Builder initializer(PluginChoice<Initializer> i) {
            this.defaultInitializer = i;
            return this;
        }

        public Builder initializers(List<PluginChoice<Initializer>> is) {
            this.initializers = new ArrayList<>(is);
            return this;
        }

        public Builder optimizer(PluginChoice<Optimizer> o) {
            this.optimizer = o;
            return this;
        }

        public Builder stop(StopRules s) {
            this.stop = s;
            return this;
        }

        public Builder schedule(RecordSchedule s) {
            this.schedule = s;
            return this;
        }

        public Builder monitor(MonitorChoice m) {
            monitors.add(m);
            return this;
        }

        public Builder certificate(PluginChoice<Certificate> c) {
            certificates.add(c);
            return this;
        }

        public Builder backend(PluginChoice<Backend> b) {
            this.backend = b;
            return this;
        }

        public Builder reduction(LossReduction r) {
            this.reduction = r;
            return this;
        }

        public Builder outputRoot(Path p) {
            this.outputRoot = p;
            return this;
        }

        public Builder source(String s) {
            this.source = s;
            return this;
        }

        public RunSpec build() {
            Objects.requireNonNull(network, "network");
            List<PluginChoice<Initializer>> inits = initializers;
            if (inits.isEmpty()) {
                Objects.requireNonNull(defaultInitializer, "initializer");
                inits = new ArrayList<>();
                for (int l = 0; l < network.depth(); l++) {
                    inits.add(defaultInitializer);
                }
            }
            return new RunSpec(experiment, runId, bindings, seed, Objects.requireNonNull(data, "data"),
                    Optional.ofNullable(holdout), network, inits,
                    Objects.requireNonNull(optimizer, "optimizer"), stop, schedule, monitors, certificates,
                    Objects.requireNonNull(backend, "backend"), "embedding program", reduction, outputRoot, source);
        }
    }

    /** The value of a sweep variable in this run, as written ({@code 200}, {@code fan_in}). */
    public Optional<String> binding(String name) {
        return Optional.ofNullable(bindings.get(name));
    }
}
