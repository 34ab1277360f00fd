package org.gdcert.certificates.nguyen;

import java.util.ArrayList;
import java.util.List;
import org.gdcert.certificates.kernels.CheckTracker;
import org.gdcert.core.cert.CertificateContext;
import org.gdcert.core.cert.CertificateReport;
import org.gdcert.core.cert.Verdict;
import org.gdcert.core.engine.ParameterSet;
import org.gdcert.core.spi.Backend;
import org.gdcert.core.spi.Matrix;
import org.gdcert.core.train.Iterate;
import org.gdcert.core.train.MonitorCheck;

/**
 * What both Nguyen monitors measure and report the same way, from the iterate they start at: the
 * loss against a bound given in log space (with the rounding allowance of {@link RoundingNoise}),
 * per layer the displacement ‖W_l − W_l^0‖_F and the path length Σ‖W_l^{s+1} − W_l^s‖_F, and the
 * drift ‖F − F^0‖_F of one feature matrix.
 *
 * <p>Path lengths are summed between recorded iterates, so with a sparse record schedule they are
 * lower bounds of the true path length: a violation is still a violation.
 */
final class Measures {
    private final int depth;
    private final int featureLayer;
    private Backend backend;
    private ParameterSet initial;
    private ParameterSet prev;
    private ParameterSet diff;
    private Matrix featuresInitial;
    private Matrix featuresDiff;
    private double[] pathLength;
    private boolean hasPrevious;
    private double logPhi0;
    private double noiseScale;

    /** For a network of {@code depth} layers whose features F_{featureLayer} are watched. */
    Measures(int depth, int featureLayer) {
        this.depth = depth;
        this.featureLayer = featureLayer;
    }

    /** θ0, F^0 and Φ(θ0) of the first iterate. */
    void start(Iterate it) {
        backend = it.network().backend();
        initial = it.network().parameters().copy();
        prev = initial.copy();
        diff = initial.zerosLike();
        Matrix f = it.forward().features(featureLayer);
        featuresInitial = backend.zeros(f.rows(), f.cols());
        backend.copy(f, featuresInitial);
        featuresDiff = backend.zeros(f.rows(), f.cols());
        pathLength = new double[depth + 1];
        hasPrevious = false;
        logPhi0 = Math.log(it.loss());
        noiseScale = RoundingNoise.scale(backend, it.targets());
    }

    /** ln Φ(θ0). */
    double logPhi0() {
        return logPhi0;
    }

    /** The rounding allowance at loss Φ. */
    double noise(double phi) {
        return RoundingNoise.of(noiseScale, phi);
    }

    /** Φ/(bound + rounding allowance) for a bound given as its logarithm; 0 at Φ = 0. */
    double lossRatio(double phi, double logBound) {
        return phi == 0 ? 0 : phi / (Math.exp(logBound) + noise(phi));
    }

    /**
     * ‖W_l − W_l^0‖_F/budget[l] for l = 1..depth, written to {@code out} from {@code col} on;
     * returns the worst.
     */
    double displacement(ParameterSet theta, double[] budget, double[] out, int col) {
        double worst = 0;
        for (int l = 1; l <= depth; l++) {
            backend.sub(theta.weight(l), initial.weight(l), diff.weight(l));
            double m = Math.sqrt(backend.sumOfSquares(diff.weight(l))) / budget[l];
            out[col + l - 1] = m;
            worst = Math.max(worst, m);
        }
        return worst;
    }

    /**
     * Adds the step from the previously measured iterate to each layer's path length and writes
     * path_l/bound[l] for l = 1..depth to {@code out} from {@code col} on; returns the worst.
     */
    double pathLength(ParameterSet theta, double[] bound, double[] out, int col) {
        double worst = 0;
        for (int l = 1; l <= depth; l++) {
            if (hasPrevious) {
                backend.sub(theta.weight(l), prev.weight(l), diff.weight(l));
                pathLength[l] += Math.sqrt(backend.sumOfSquares(diff.weight(l)));
            }
            double pr = pathLength[l] / bound[l];
            out[col + l - 1] = pr;
            worst = Math.max(worst, pr);
        }
        prev.copyFrom(theta);
        hasPrevious = true;
        return worst;
    }

    /** ‖F − F^0‖_F for the watched features F of the current iterate. */
    double featureDrift(Matrix features) {
        backend.sub(features, featuresInitial, featuresDiff);
        return Math.sqrt(backend.sumOfSquares(featuresDiff));
    }

    /** The columns both monitors start with: bound, loss ratio, movement and path per layer, feature drift. */
    static List<String> leadingColumns(String prefix, int depth) {
        List<String> columns = new ArrayList<>();
        columns.add(prefix + "_bound");
        columns.add(prefix + "_loss_ratio");
        for (int l = 1; l <= depth; l++) {
            columns.add(prefix + "_move" + l);
        }
        for (int l = 1; l <= depth; l++) {
            columns.add(prefix + "_path" + l);
        }
        columns.add(prefix + "_feature");
        return columns;
    }

    /** τ_mon: the given tolerance, or by default max(10⁻⁹, 100·N·n_L·ε). */
    static double tolerance(CertificateContext ctx, double monitorTolerance) {
        return monitorTolerance > 0 ? monitorTolerance
                : Math.max(1e-9, 100.0 * ctx.samples() * ctx.spec().outputDim() * Math.ulp(1.0));
    }

    /** What each check's detail starts with: nothing for a certified run, else that it is a diagnostic. */
    static String detailPrefix(CertificateReport r) {
        return r.verdict() == Verdict.CERTIFIED ? "" : "diagnostic only (verdict " + r.verdict().name()
                + ", no guarantee): ";
    }

    /**
     * The summary of the trackers in order, then, on the step axis only, {@code stepwise}, the
     * check on consecutive recorded steps (saying so when there were none).
     */
    static List<MonitorCheck> checks(String prefix, boolean timeAxis, CheckTracker stepwise,
            CheckTracker... trackers) {
        List<MonitorCheck> out = new ArrayList<>();
        for (CheckTracker t : trackers) {
            out.add(t.toCheck(prefix));
        }
        if (!timeAxis) {
            out.add(stepwise.toCheck(prefix + (stepwise.evaluated() == 0 ? "needs consecutive recorded steps; " : "")));
        }
        return out;
    }
}
