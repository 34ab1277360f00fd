package org.gdcert.dsl.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.json.Json;
import org.gdcert.core.run.ResultWriter;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.MonitorCheck;

/**
 * A run folder as written by the runner, read back: the trajectory, the summary, the certificate
 * reports, the monitor checks, the provenance and the script. A file that is missing or cannot be
 * read leaves its part empty and adds a line to {@link #problems()}; a folder without
 * {@code summary.json} is a run that has not finished.
 *
 * @param directory the run folder
 * @param trajectory {@code trajectory.csv} (or the {@code .partial} of an unfinished run)
 * @param summary {@code summary.json}, empty if absent
 * @param certificates the reports of {@code certificates.json}
 * @param checks the monitor checks of the summary
 * @param provenance {@code provenance.json}, empty if absent
 * @param script {@code experiment.exp}, empty if absent
 * @param problems files that could not be read, one line each
 */
public record SavedRun(Path directory, Optional<Table> trajectory, Map<String, Object> summary,
        List<CertificateReport> certificates, List<MonitorCheck> checks, Map<String, Object> provenance, String script,
        List<String> problems) {
    /** Trajectory columns that are not monitor columns. */
    public static final List<String> BASE_COLUMNS = List.of("step", "time", "loss", "rel_residual", "wall_s");

    public SavedRun {
        summary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        certificates = List.copyOf(certificates);
        checks = List.copyOf(checks);
        provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        problems = List.copyOf(problems);
    }

    /** Whether {@code dir} looks like a run folder (it has a summary or a trajectory). */
    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(ResultWriter.SUMMARY)) || Files.isRegularFile(dir.resolve(
                ResultWriter.TRAJECTORY)) || Files.isRegularFile(dir.resolve(ResultWriter.TRAJECTORY + ".partial"));
    }

    /** Reads a run folder. */
    public static SavedRun read(Path dir) {
        List<String> problems = new ArrayList<>();
        Optional<Table> trajectory = Optional.empty();
        Path t = dir.resolve(ResultWriter.TRAJECTORY);
        if (!Files.exists(t)) {
            t = dir.resolve(ResultWriter.TRAJECTORY + ".partial");
        }
        if (Files.exists(t)) {
            try {
                trajectory = Optional.of(Table.read(t));
            } catch (IOException e) {
                problems.add(t.getFileName() + ": " + e.getMessage());
            }
        }
        Map<String, Object> summary = object(dir.resolve(ResultWriter.SUMMARY), problems);
        List<CertificateReport> certs = List.of();
        Path c = dir.resolve("certificates.json");
        if (Files.exists(c)) {
            try {
                certs = SavedReports.reports(Json.parse(Files.readString(c, StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                problems.add("certificates.json: " + e.getMessage());
            }
        }
        Map<String, Object> provenance = object(dir.resolve("provenance.json"), problems);
        String script = "";
        try {
            if (Files.exists(dir.resolve("experiment.exp"))) {
                script = Files.readString(dir.resolve("experiment.exp"), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            problems.add("experiment.exp: " + e.getMessage());
        }
        return new SavedRun(dir, trajectory, summary, certs, SavedReports.checks(summary), provenance, script,
                problems);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Path file, List<String> problems) {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            Object o = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (o instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            problems.add(file.getFileName() + ": not a JSON object");
        } catch (IOException | RuntimeException e) {
            problems.add(file.getFileName() + ": " + e.getMessage());
        }
        return Map.of();
    }

    /** The run's folder name. */
    public String runId() {
        return directory.getFileName().toString();
    }

    /** {@code quickstart} for a lone run, {@code sweep / N=10_r0} for a run of a sweep. */
    public String title() {
        String exp = SavedReports.text(summary.get("experiment"));
        if (exp.isEmpty() && directory.toAbsolutePath().getParent() != null) {
            exp = directory.toAbsolutePath().getParent().getFileName().toString();
        }
        return runId().equals("run") ? exp : exp + " / " + runId();
    }

    /** Whether the run finished (its summary exists). */
    public boolean finished() {
        return !summary.isEmpty();
    }

    /** The axis of the optimizer: from the summary, else TIME when every loss bound is on TIME, else STEP. */
    public Axis axis() {
        Object a = summary.get("axis");
        if ("TIME".equals(a)) {
            return Axis.TIME;
        }
        if ("STEP".equals(a)) {
            return Axis.STEP;
        }
        boolean anyBound = false;
        for (CertificateReport r : certificates) {
            if (r.lossBound().isPresent()) {
                anyBound = true;
                if (r.lossBound().get().axis() != Axis.TIME) {
                    return Axis.STEP;
                }
            }
        }
        return anyBound ? Axis.TIME : Axis.STEP;
    }

    /** N, when the summary records it. */
    public OptionalInt samples() {
        double v = SavedReports.number(summary.get("samples"));
        return Double.isFinite(v) ? OptionalInt.of((int) v) : OptionalInt.empty();
    }

    /** n_0..n_L, when the summary records them. */
    public Optional<int[]> widths() {
        if (summary.get("widths") instanceof List<?> l && !l.isEmpty()) {
            int[] w = new int[l.size()];
            for (int i = 0; i < w.length; i++) {
                double v = SavedReports.number(l.get(i));
                if (!Double.isFinite(v)) {
                    return Optional.empty();
                }
                w[i] = (int) v;
            }
            return Optional.of(w);
        }
        return Optional.empty();
    }

    /** The run's status word ({@code COMPLETED}, {@code DIVERGED}, ...), or {@code UNFINISHED}. */
    public String status() {
        return finished() ? SavedReports.text(summary.get("status")) : "UNFINISHED";
    }

    /** Why training stopped ({@code LOSS_BELOW}, {@code MAX_STEPS}, ...), or empty. */
    public String stopReason() {
        return SavedReports.text(summary.get("stop_reason"));
    }

    /** Whether the run reached its loss or residual target. */
    public boolean reachedTarget() {
        String r = stopReason();
        return r.equals("LOSS_BELOW") || r.equals("RESIDUAL_BELOW");
    }

    /** A number of the summary, NaN if absent. */
    public double number(String key) {
        return SavedReports.number(summary.get(key));
    }

    /** The sweep bindings of the run, as written in the summary. */
    public Map<String, String> bindings() {
        Map<String, String> out = new LinkedHashMap<>();
        if (summary.get("bindings") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    /** The monitor columns of the trajectory (every column after the base ones). */
    public List<String> monitorColumns() {
        if (trajectory.isEmpty()) {
            return List.of();
        }
        return trajectory.get().columns().stream().filter(c -> !BASE_COLUMNS.contains(c)).toList();
    }
}
