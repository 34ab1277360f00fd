package org.gdcert.dsl.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Condition;
import org.gdcert.core.cert.LossBound;
import org.gdcert.core.cert.Note;
import org.gdcert.core.cert.Quantity;
import org.gdcert.core.cert.Tag;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.json.Json;
import org.gdcert.core.run.ReportJson;
import org.gdcert.core.train.Axis;

/**
 * Run folders written by hand in the runner's formats, so plot and report tests need no training:
 * loss Φ_k = Φ0·q^k with time t = 0.1·k, a monitor measured every 10 steps, and a certificate with
 * a geometric loss bound, a width condition and a hidden constant.
 */
public final class SyntheticRuns {
    /** Φ0 of every synthetic run. */
    public static final double PHI0 = 2.0;
    /** The bound's contraction per step. */
    public static final double RHO = 0.99;
    /** The loss's contraction per step. */
    public static final double Q = 0.95;
    /** Model time per step. */
    public static final double DT = 0.1;

    private SyntheticRuns() {
    }

    /** The report of the synthetic checker {@code nguyen_mondelli}: certified, bound Φ0·ρ^k, width n_1 >= N. */
    public static CertificateReport report(int width, int samples, Axis boundAxis, double rate) {
        Condition w = Condition.evaluate("width", "Ass. 2.1", "first hidden layer at least as wide as the number "
                + "of samples: n_1 >= N", width, ">=", samples, 0, "", Tag.PAPER);
        Condition c4 = Condition.evaluate("cond4", "(4)", "λ_F² ≥ ...", 3.0, ">=", 1.5, 1e-9, "layer 2", Tag.PAPER);
        Verdict v = w.holds() ? Verdict.CERTIFIED : Verdict.INAPPLICABLE;
        Optional<LossBound> bound = w.holds() ? Optional.of(new LossBound(boundAxis, PHI0, rate,
                boundAxis == Axis.STEP ? "Φ(θ_k) <= (1 − ηα_0)^k Φ(θ_0)" : "Φ(θ_t) <= e^{−2α_0 t} Φ(θ_0)",
                Tag.PAPER))
                : Optional.empty();
        return new CertificateReport("nguyen_mondelli", "seed 000, Theorem 3.2", v,
                w.holds() ? List.of() : List.of("Assumption 2.1 fails: n_1 < N"), List.of(w, c4),
                List.of(Quantity.of("alpha0", "α_0", 0.5, "(6)", Tag.PAPER),
                        new Quantity("impliedWidthConstant", "m/M", 1e-9, "Thm", Tag.HIDDEN, "C_m unknown")),
                OptionalDouble.of(rate), OptionalDouble.of(0.01), bound,
                List.of(Note.hidden("C_m", "multiplicative constant of Ω(·): unspecified"),
                        new Note("T0.1", "a typo repaired", Tag.REPAIRED)));
    }

    /** Writes a finished run with {@code steps} steps into {@code dir}. */
    public static Path run(Path dir, int steps, List<CertificateReport> reports, Map<String, String> bindings,
            int samples, int[] widths, boolean reachedTarget) {
        try {
            Files.createDirectories(dir);
            StringBuilder t = new StringBuilder("step,time,loss,rel_residual,wall_s,pl_ratio,never\n");
            for (int k = 0; k <= steps; k++) {
                double loss = PHI0 * Math.pow(Q, k);
                String monitor = k % 10 == 0 ? Double.toString(1.0 + k) : "NaN";
                t.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,NaN%n", k, Double.toString(DT * k),
                        Double.toString(loss), Double.toString(Math.sqrt(loss / PHI0)), Double.toString(0.001 * k),
                        monitor));
            }
            Files.writeString(dir.resolve("trajectory.csv"), t.toString(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("certificates.json"), Json.write(reports.stream().map(ReportJson::report)
                    .toList()), StandardCharsets.UTF_8);
            List<Object> verdicts = new ArrayList<>();
            for (CertificateReport r : reports) {
                verdicts.add(Json.object().put("checker", r.checker()).put("verdict", r.verdict()).build());
            }
            Map<String, Object> summary = Json.object().put("experiment", dir.getParent().getFileName().toString())
                    .put("run", dir.getFileName().toString()).put("bindings", bindings).put("seed", 1)
                    .put("samples", samples).put("widths", widths).put("axis", "STEP")
                    .put("status", "COMPLETED").put("message", "done").put("initial_loss", PHI0)
                    .put("final_loss", PHI0 * Math.pow(Q, steps)).put("steps", steps).put("step_size", 0.1)
                    .put("step_size_source", "given").put("wall_seconds", 0.5)
                    .put("stop_reason", reachedTarget ? "LOSS_BELOW" : "MAX_STEPS")
                    .put("certificates", verdicts)
                    .put("checks", List.of(Json.object().put("name", "nguyen_mondelli: loss bound (7)")
                            .put("kind", "BOUND").put("held", true).put("first_violation", "NaN")
                            .put("worst_ratio", 0.5).put("detail", "ratio Φ/bound").build()))
                    .put("notes", List.of()).build();
            Files.writeString(dir.resolve("summary.json"), Json.write(summary), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("provenance.json"), Json.write(Json.object().put("gdcert_version", "0.1.0")
                    .put("seed", 1).put("plugins", List.of(Json.object().put("role", "optimizer")
                            .put("plugin", "gd(eta=0.1)").put("class", "org.example.Gd").put("origin", "test").build()))
                    .build()), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("experiment.exp"), "# a <script> & \"quotes\"\nnet d -> 16 -> 1\n",
                    StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A sweep folder with the given {@code results.csv} (its first column the run id, the sweep
     * variables from the second up to {@code repeat}) and a synthetic run folder for each row.
     */
    public static Path sweep(Path dir, String resultsCsv) {
        Table t = Table.parse(resultsCsv);
        List<String> vars = t.columns().subList(1, Math.max(1, t.columns().indexOf("seed")));
        for (List<String> row : t.rows()) {
            Map<String, String> bindings = new java.util.LinkedHashMap<>();
            for (String v : vars) {
                bindings.put(v, row.get(t.columns().indexOf(v)));
            }
            run(dir.resolve(row.get(0)), 20, List.of(report(16, 10, Axis.STEP, RHO)), bindings, 10,
                    new int[] {3, 16, 1}, true);
        }
        try {
            Files.writeString(dir.resolve("results.csv"), resultsCsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A lone run in {@code root/exp/run} with the certified report. */
    public static Path singleRun(Path root, int steps) {
        return run(root.resolve("exp").resolve("run"), steps, List.of(report(16, 10, Axis.STEP, RHO)), Map.of(), 10,
                new int[] {3, 16, 1}, true);
    }
}
