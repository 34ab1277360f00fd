package org.gdcert.core.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.train.MonitorCheck;
import org.gdcert.core.train.TrainingResult;

/**
 * Everything a finished run produced (the files in {@link #directory()} hold the same).
 *
 * @param spec the run
 * @param status how it ended
 * @param message one human line
 * @param training the optimizer's result (empty if training never started)
 * @param certificates the reports on θ0
 * @param checks the monitors' verdicts
 * @param stepSize the step size used (NaN for continuous optimizers)
 * @param stepSizeSource how it was chosen ({@code given}, {@code auto: 1/λ_max(NTK)}, {@code certified by du})
 * @param initialLoss Φ(θ0)
 * @param wallSeconds wall-clock seconds of the whole run
 * @param directory where the results are
 * @param trajectory the recorded iterates
 */
public record RunResult(RunSpec spec, RunStatus status, String message, Optional<TrainingResult> training,
        List<CertificateReport> certificates, List<MonitorCheck> checks, double stepSize, String stepSizeSource,
        double initialLoss, double wallSeconds, Path directory, Trajectory trajectory) {
    public RunResult {
        Objects.requireNonNull(spec);
        Objects.requireNonNull(status);
        Objects.requireNonNull(message);
        Objects.requireNonNull(training);
        certificates = List.copyOf(certificates);
        checks = List.copyOf(checks);
        Objects.requireNonNull(stepSizeSource);
        Objects.requireNonNull(directory);
    }

    /** Φ at the end, NaN if unknown. */
    public double finalLoss() {
        return training.map(TrainingResult::finalLoss).orElse(Double.NaN);
    }

    public long steps() {
        return training.map(TrainingResult::steps).orElse(0L);
    }
}
