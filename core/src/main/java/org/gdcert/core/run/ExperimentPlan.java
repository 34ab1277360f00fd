package org.gdcert.core.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A validated experiment: the runs its script expands into (one per point of its sweeps and
 * repeats), ready for the runner.
 *
 * @param name the experiment's name (folder under the output root)
 * @param scriptFile the script it came from, if any
 * @param source the script text
 * @param sweepVariables names of the sweep variables, outermost first (plus {@code repeat} when repeated)
 * @param runs the concrete runs, in order
 */
public record ExperimentPlan(String name, Path scriptFile, String source, List<String> sweepVariables,
        List<RunSpec> runs) {
    public ExperimentPlan {
        Objects.requireNonNull(name);
        Objects.requireNonNull(scriptFile);
        Objects.requireNonNull(source);
        sweepVariables = List.copyOf(sweepVariables);
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one run");
        }
    }

    /** Whether the plan has more than one run (a sweep or repeat). */
    public boolean isSweep() {
        return runs.size() > 1;
    }

    /** The folder the experiment writes to. */
    public Path directory() {
        return runs.get(0).outputRoot().resolve(name);
    }
}
