package org.gdcert.core.train;

import java.util.Map;
import java.util.Objects;

/**
 * How training ended.
 *
 * @param reason why it stopped
 * @param message one human line (e.g. "loss became NaN at step 311")
 * @param steps iterations (discrete) or accepted integrator steps (continuous)
 * @param time final time t (continuous) or steps · η (discrete)
 * @param finalLoss Φ at the final parameters
 * @param gradientEvaluations number of full-gradient (or minibatch-gradient) evaluations
 * @param counters further counts an optimizer reports (rejected steps, kink events, …)
 */
public record TrainingResult(StopReason reason, String message, long steps, double time, double finalLoss,
        long gradientEvaluations, Map<String, Long> counters) {
    public TrainingResult {
        Objects.requireNonNull(reason);
        Objects.requireNonNull(message);
        counters = Map.copyOf(counters);
    }
}
