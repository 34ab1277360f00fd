package org.gdcert.dsl.plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gdcert.core.run.PlanExecutor;

/**
 * An experiment folder read back: its runs (one folder each) and, for a sweep, the aggregate
 * {@code results.csv}. Runs are in the order of {@code results.csv}, then any other run folder
 * (an unfinished run) by name.
 *
 * @param directory the experiment folder
 * @param results {@code results.csv}, when the experiment is a sweep
 * @param sweepVariables the sweep variables (and {@code repeat}), from the results header or the first run's bindings
 * @param runs the runs
 */
public record SavedExperiment(Path directory, Optional<Table> results, List<String> sweepVariables,
        List<SavedRun> runs) {
    public SavedExperiment {
        sweepVariables = List.copyOf(sweepVariables);
        runs = List.copyOf(runs);
    }

    /** Reads an experiment folder; a run folder is read as an experiment of that one run. */
    public static SavedExperiment read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder");
        }
        if (SavedRun.isRunFolder(dir)) {
            SavedRun r = SavedRun.read(dir);
            return new SavedExperiment(dir, Optional.empty(), List.copyOf(r.bindings().keySet()), List.of(r));
        }
        Optional<Table> results = Optional.empty();
        Path csv = dir.resolve(PlanExecutor.RESULTS);
        if (Files.isRegularFile(csv)) {
            results = Optional.of(Table.read(csv));
        }
        Set<String> order = new LinkedHashSet<>();
        if (results.isPresent() && results.get().has("run")) {
            order.addAll(results.get().column("run"));
        }
        List<String> folders = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isDirectory).filter(SavedRun::isRunFolder).map(p -> p.getFileName().toString()).sorted()
                    .forEach(folders::add);
        }
        List<SavedRun> runs = new ArrayList<>();
        for (String id : order) {
            if (folders.contains(id)) {
                runs.add(SavedRun.read(dir.resolve(id)));
            }
        }
        for (String id : folders) {
            if (!order.contains(id)) {
                runs.add(SavedRun.read(dir.resolve(id)));
            }
        }
        if (runs.isEmpty()) {
            throw new IOException(dir + ": no run folders here (a run folder holds summary.json and trajectory.csv)");
        }
        List<String> vars = new ArrayList<>();
        if (results.isPresent()) {
            List<String> cols = results.get().columns();
            int seed = cols.indexOf("seed");
            if (cols.indexOf("run") == 0 && seed > 0) {
                vars.addAll(cols.subList(1, seed));
            }
        } else {
            vars.addAll(runs.get(0).bindings().keySet());
        }
        return new SavedExperiment(dir, results, vars, runs);
    }

    /** The folder's name. */
    public String name() {
        return directory.getFileName() == null ? directory.toString() : directory.getFileName().toString();
    }

    /** Whether this is a sweep (more than one run). */
    public boolean isSweep() {
        return runs.size() > 1;
    }

    /** Whether the folder read is itself a run folder. */
    public boolean isSingleRunFolder() {
        return runs.size() == 1 && runs.get(0).directory().equals(directory);
    }

    /** The sweep variables other than {@code repeat}. */
    public List<String> axes() {
        return sweepVariables.stream().filter(v -> !v.equals("repeat")).toList();
    }

    /** The script, from the first run that saved one. */
    public String script() {
        return runs.stream().map(SavedRun::script).filter(s -> !s.isEmpty()).findFirst().orElse("");
    }
}
