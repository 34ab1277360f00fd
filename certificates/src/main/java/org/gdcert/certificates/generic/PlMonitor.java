package org.gdcert.certificates.generic;

import java.util.List;
import java.util.Locale;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Monitor;
import org.gdcert.core.train.Axis;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * The PL ratio μ_k = ‖∇Φ_k‖²/(2Φ_k) on every recorded iterate, the contraction 1 − ημ_k it
 * implies, and the contraction observed between recorded iterates (per step, geometric mean),
 * for comparison with a certificate's rate. INFO checks: the smallest μ seen (and where), and
 * whether the observed per-step contraction stayed within the one the PL ratio implies.
 */
final class PlMonitor implements Monitor {
    private final double c;
    private ParameterSet grad;
    private double minMu = Double.POSITIVE_INFINITY;
    private double minAt = Double.NaN;
    private long evaluated;
    private double prevPos = Double.NaN;
    private double prevLoss = Double.NaN;
    private double prevImplied = Double.NaN;
    private long within;
    private long compared;
    private double worstExcess = Double.NaN;

    PlMonitor(CertificateContext ctx) {
        c = ctx.reduction().gradientMultiplier(ctx.samples(), ctx.spec().outputDim());
    }

    @Override
    public List<String> columns() {
        return List.of("pl_ratio", "pl_rate_implied", "pl_rate_observed");
    }

    @Override
    public double[] observe(Iterate it) {
        if (grad == null) {
            grad = it.network().parameters().zerosLike();
        }
        double phi = it.loss();
        it.network().gradient(it.forward(), grad);
        double mu = phi > 0 ? grad.normSquared() / (2 * phi) : Double.NaN;
        double eta = it.stepSize() * c;
        double implied = it.axis() == Axis.STEP ? 1 - eta * mu : Math.exp(-2 * c * mu);
        double observedRate = Double.NaN;
        double pos = it.position();
        if (!Double.isNaN(prevLoss) && prevLoss > 0 && phi > 0 && pos > prevPos) {
            observedRate = Math.pow(phi / prevLoss, 1 / (pos - prevPos));
            compared++;
            double excess = observedRate - prevImplied;
            if (Double.isNaN(worstExcess) || excess > worstExcess) {
                worstExcess = excess;
            }
            if (excess <= 1e-9) {
                within++;
            }
        }
        if (mu < minMu) {
            minMu = mu;
            minAt = pos;
        }
        evaluated++;
        prevPos = pos;
        prevLoss = phi;
        prevImplied = implied;
        return new double[] {mu, implied, observedRate};
    }

    @Override
    public List<MonitorCheck> checks() {
        String at = Double.isNaN(minAt) ? "-" : String.format(Locale.ROOT, "%.6g", minAt);
        MonitorCheck min = new MonitorCheck("pl: smallest measured PL ratio", MonitorCheck.Kind.INFO, minMu > 0,
                Double.NaN, minMu, String.format(Locale.ROOT, "diagnostic: min_k ‖∇Φ_k‖²/(2Φ_k) = %.4g at %s over %d "
                        + "recorded iterates (compare with the certified α_0 of the other checkers)", minMu, at,
                        evaluated));
        MonitorCheck rate = new MonitorCheck("pl: observed contraction within the PL-implied one",
                MonitorCheck.Kind.INFO, within == compared, Double.NaN, worstExcess, String.format(Locale.ROOT,
                        "diagnostic: per-step Φ ratio <= 1 − ημ at the previous record on %d of %d intervals "
                                + "(worst excess %.3g); fails where the descent lemma does not hold with this η",
                        within, compared, worstExcess));
        return List.of(min, rate);
    }
}
